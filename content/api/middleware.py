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

import graphene
from django.db.models import QuerySet
from wagtail.models import Page

from content.api.loading import loader_for
from content.api.preview import is_preview
from content.editorial.scheduling import settle


class PageVisibilityMiddleware:
    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        if info.path.prev is None:
            if not info.field_name.startswith("__"):  # introspection reads no content
                settle(info.context)
            loader_for(info).start_root_field()
        result = next_(root, info, **kwargs)
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


def gate_redirect_targets() -> None:
    from grapple.types.redirects import RedirectObjectType

    RedirectObjectType.resolve_new_url = redirect_target_url


def let_site_root_pages_be_withheld() -> None:
    """Make ``Site.rootPage`` nullable.

    A site's root page is a home page: structure, never served by the public
    API (``content.visibility``). grapple declares the field non-null (the
    foreign key is), so withholding it was a server error for every query
    that asks for it; it is null instead, like any page the public may not
    see.
    """
    from grapple.types.sites import SiteObjectType

    original = SiteObjectType._meta.fields["root_page"]

    def nullable() -> graphene.Field:
        field = original.get_type()
        if isinstance(field.type, graphene.NonNull):
            field._type = field.type.of_type
        return field

    SiteObjectType._meta.fields["root_page"] = graphene.Dynamic(nullable)
