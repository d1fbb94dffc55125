"""A last line of defence: no field may return a page the public cannot see.

Our own resolvers already load pages through ``content.visibility``. Grapple
has more fields that return pages (``site { rootPage pages page }``,
``redirects { page }``, ...); this middleware checks every page any field
returns, so a field added by a library upgrade cannot leak a draft either.
Pages the request's loader has already vetted cost nothing; others are checked
in one query per field.

Before the first field of a request resolves, scheduled publishing is brought
up to date (``content.editorial.scheduling``), so go-live and expiry dates hold exactly.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page

from content.api.context import loader_for
from content.api.preview import is_preview
from content.editorial.scheduling import settle

#: What most fields of an answer return, and is certainly not a page.
PLAIN_VALUES = frozenset({str, int, float, bool})


class PageVisibilityMiddleware:
    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        if info.path.prev is None:
            if not info.field_name.startswith("__"):  # introspection reads no content
                settle(info.context)
            loader_for(info).start_root_field()
        result = next_(root, info, **kwargs)
        if result is None or type(result) in PLAIN_VALUES:
            return result
        if isinstance(result, Page):
            if is_preview(info, result):
                return result
            return result if loader_for(info).is_visible([result]) else None
        if isinstance(result, QuerySet) and issubclass(result.model, Page):
            result = list(result)
        if isinstance(result, list | tuple) and any(
            isinstance(item, Page) for item in result
        ):
            loader = loader_for(info)
            pages = [item for item in result if isinstance(item, Page)]
            allowed = loader.visible_ids(pages)
            return [
                item
                for item in result
                if not isinstance(item, Page) or item.pk in allowed
            ]
        return result


def redirect_target_url(redirect: Any, info: Any, **kwargs: Any) -> str | None:
    """A redirect's target URL, withheld while its target page is not public."""
    if redirect.redirect_page_id is not None:
        page = redirect.redirect_page
        if not loader_for(info).is_visible([page]):
            return None
    return redirect.link
