"""The medical review's approve dialog."""

from typing import Any

from django import template

from content.editorial.review import approval_needs_override

register = template.Library()

OVERRIDE_FIELD = "override_overdue_review"


@register.filter
def offer_override_if_overdue(form: Any, page: Any) -> Any:
    """``form`` without the override checkbox unless ``page`` needs it."""
    if OVERRIDE_FIELD in form.fields and not approval_needs_override(page):
        del form.fields[OVERRIDE_FIELD]
    return form
