"""A last line of defence: no field may return a page the public cannot see.

Our own resolvers already load pages through ``content.visibility``. Grapple
has more fields that return pages (``site { rootPage pages page }``,
``redirects { page }``, ...); this middleware checks every page any field
returns, so a field added by a library upgrade cannot leak a draft either.
Pages the request's loader has already vetted cost nothing; others are checked
in one query per field.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page

from content.graphql.preview import is_preview, mark_private
from content.loading import loader_for


class PageVisibilityMiddleware:
    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        if info.path.prev is None:
            loader_for(info).start_root_field()
        result = next_(root, info, **kwargs)
        if isinstance(result, Page):
            if is_preview(info, result):
                return result
            keep_expiry_exact(info, [result])
            return result if loader_for(info).is_visible([result]) else None
        if isinstance(result, QuerySet) and issubclass(result.model, Page):
            result = list(result)
        if isinstance(result, list | tuple) and any(
            isinstance(item, Page) for item in result
        ):
            loader = loader_for(info)
            pages = [item for item in result if isinstance(item, Page)]
            keep_expiry_exact(info, pages)
            allowed = loader.visible_ids(pages)
            return [
                item
                for item in result
                if not isinstance(item, Page) or item.pk in allowed
            ]
        return result


def keep_expiry_exact(info: Any, pages: list[Page]) -> None:
    """Keep responses that show a page with an expiry date out of caches.

    Shared caches are emptied when content changes, but a page reaching its
    ``expire_at`` is no change until ``publish_scheduled`` runs; such a
    response must not outlive the page's expiry.
    """
    if any(getattr(page, "expire_at", None) is not None for page in pages):
        mark_private(info)


def redirect_target_url(redirect: Any, info: Any, **kwargs: Any) -> str | None:
    """A redirect's target URL, withheld while its target page is not public."""
    if redirect.redirect_page_id is not None:
        page = redirect.redirect_page
        if not loader_for(info).is_visible([page]):
            return None
    return redirect.link


def gate_redirect_targets() -> None:
    from grapple.types.redirects import RedirectObjectType

    RedirectObjectType.resolve_new_url = redirect_target_url
