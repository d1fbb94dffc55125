"""How body blocks appear in the API."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape
from wagtail import blocks
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from content.api.context import loader_for
from content.api.loading import page_ids_in_block
from content.block_tree import Node, transform


def resolve_block_type(block_value: Any, info: Any, **kwargs: Any) -> str:
    """``blockType`` is the block's name in the body library (``callout``).

    Grapple reports the Python class name (``CalloutBlock``), which changes
    whenever code is refactored and says nothing for plain blocks such as a
    paragraph (``RichTextBlock``). The child names are the stable nouns
    editors and frontends share; the GraphQL ``__typename`` still tells the
    type apart.
    """
    return block_value.block.name


def resolve_raw_value(block_value: Any, info: Any, **kwargs: Any) -> str:
    """``rawValue``: the block's value as stored, as a string.

    Text is itself (rich text in Wagtail's internal format); anything
    structured (struct, list and stream blocks, choosers) is the JSON of
    ``block.get_prep_value``: a chooser is the id of its choice. Grapple hands
    graphql-core the Python value instead, which is no string for most blocks.

    The value is the one the typed fields show, read through the request's
    loader: a chosen page the reader may not see is ``null``, one in another
    language is its translation in the language served. Page links inside
    rich text follow the same rule: a link to a page the reader may not see
    keeps its text and loses its target (``<a>``), as it does in the
    rendered HTML, and a link to a page in another language names its
    translation.
    """
    if isinstance(block_value, blocks.StructValue):
        # A struct nested through GraphQLStreamfield: the value itself.
        block, value = block_value.block, block_value
    else:
        block, value = block_value.block, block_value.value
    if isinstance(value, str):
        return value
    raw = block.get_prep_value(value)
    ids = set(page_ids_in_block(block, raw))
    if ids:
        targets = loader_for(info).link_targets(ids)
        raw = _served_links(block, raw, targets)
    if isinstance(raw, str):
        return raw
    return json.dumps(raw, cls=DjangoJSONEncoder)


def _served_links(block: blocks.Block, raw: Any, targets: dict[int, Page]) -> Any:
    """``raw`` (a prep value of ``block``) with rich-text page links pointing
    to the pages the reader is served (``targets``, by the stored id)."""

    def served(node: Node) -> Any:
        if isinstance(node.block, blocks.RichTextBlock) and isinstance(node.value, str):
            return FIND_A_TAG.sub(
                lambda match: _served_link(match, targets), node.value
            )
        return node.value

    if raw is None:
        return raw
    return transform(block, raw, served)


def _served_link(match: Any, targets: dict[int, Page]) -> str:
    attrs = extract_attrs(match.group(1))
    if attrs.get("linktype") != "page":
        return match.group(0)
    page_id = str(attrs.get("id", ""))
    page = targets.get(int(page_id)) if page_id.isdigit() else None
    if page is None:
        return "<a>"
    attrs["id"] = str(page.pk)
    text = " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
    return f"<a {text}>"


def resolve_chosen_page(block_value: Any, info: Any, **kwargs: Any) -> Page | None:
    """``PageChooserBlock.page``: the chosen page as the reader may see it.

    The chooser's value was read through the request's loader
    (``VisiblePageChooserBlock``), as ``PageLinkBlock.page`` is: ``None`` for
    a page the reader may not see, the translation in the language served
    otherwise. Grapple calls ``.specific`` on it, which fails on ``None``.
    A bare id (a value not read through the loader) is looked up the same
    way. The page visibility middleware checks the result once more.
    """
    value = block_value.value
    if isinstance(value, Page):
        return value.specific
    if value is not None and str(value).isdigit():
        return loader_for(info).link_targets([value]).get(int(value))
    return None
