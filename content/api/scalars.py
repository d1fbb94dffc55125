"""Stricter input parsing for grapple's ``PositiveInt`` scalar."""

from typing import Any

from graphql import GraphQLError, Undefined
from graphql.language import IntValueNode

MAX_INT = 2**31 - 1


def _parse_literal(ast: Any, _variables: Any = None) -> Any:
    # Grapple's version turns a negative literal into null (silently ignoring
    # the argument) and leaks a Python error text for a non-integer one.
    if isinstance(ast, IntValueNode):
        value = int(ast.value)
        if 0 <= value <= MAX_INT:
            return value
    return Undefined


def _parse_value(value: Any) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not (0 <= value <= MAX_INT)
    ):
        raise GraphQLError("PositiveInt must be a whole number, zero or more.")
    return value


#: The template Wagtail renders every rich-text value through
#: (``wagtail.rich_text.RichText.__html__``), and what it holds in Wagtail
#: itself: the expanded HTML, unchanged. ``wagtail.contrib.legacy.richtext``
#: (a ``<div class="rich-text">`` around it) or a project override differ.
RICH_TEXT_TEMPLATE = "wagtailcore/shared/richtext.html"
IDENTITY_TEMPLATE = "{{ html|safe }}"


def rich_text_template_is_identity() -> bool:
    from django.template.loader import get_template

    source = get_template(RICH_TEXT_TEMPLATE).template.source
    return source.strip() == IDENTITY_TEMPLATE


def serialize_rich_text(rich_text: Any) -> str:
    """Grapple's ``RichText.serialize`` (``coerce_rich_text``) for the HTML
    format, without a template render per value: the same output, the
    expanded HTML (links through ``content.rich_text``), when the rich-text
    template is Wagtail's identity template (``rich_text_template_is_identity``,
    checked when the patch is applied)."""
    from wagtail.rich_text import expand_db_html

    source = rich_text if isinstance(rich_text, str) else rich_text.source
    return expand_db_html(source)
