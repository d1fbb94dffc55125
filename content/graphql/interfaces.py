"""The page interface every page type implements in the API.

Grapple's interface, extended with the language of each page and its live
translations, and with every page-returning field sent through the
per-request loader (and so through the one visibility gate).
"""

from __future__ import annotations

from typing import Any

import graphene
from grapple.types.interfaces import PageInterface as GrapplePageInterface
from grapple.utils import resolve_queryset

from content.loading import loader_for


class PageInterface(GrapplePageInterface):
    locale = graphene.String(
        required=True, description="Language code of this page, e.g. 'en'."
    )
    translations = graphene.List(
        graphene.NonNull(lambda: PageInterface),
        required=True,
        description="Live, public translations of this page in other languages.",
    )

    def resolve_locale(self, info: Any, **kwargs: Any) -> str:
        return loader_for(info).locale_code(self.locale_id)

    def resolve_translations(self, info: Any, **kwargs: Any) -> list:
        return loader_for(info).translations(self)

    def resolve_url(self, info: Any, **kwargs: Any) -> str | None:
        return loader_for(info).page_url(self)

    def resolve_parent(self, info: Any, **kwargs: Any):
        return loader_for(info).parent(self)

    def resolve_children(self, info: Any, **kwargs: Any):
        return _visible_list(info, self.get_children(), self, **kwargs)

    def resolve_siblings(self, info: Any, **kwargs: Any):
        return _visible_list(
            info, self.get_siblings().exclude(pk=self.pk), self, **kwargs
        )

    def resolve_next_siblings(self, info: Any, **kwargs: Any):
        return _visible_list(info, self.get_next_siblings(), self, **kwargs)

    def resolve_previous_siblings(self, info: Any, **kwargs: Any):
        return _visible_list(info, self.get_prev_siblings(), self, **kwargs)

    def resolve_descendants(self, info: Any, **kwargs: Any):
        return _visible_list(info, self.get_descendants(), self, **kwargs)

    def resolve_ancestors(self, info: Any, **kwargs: Any):
        return _visible_list(info, self.get_ancestors(), self, **kwargs)


def _visible_list(info: Any, queryset, page, **kwargs: Any):
    loader = loader_for(info)
    queryset = loader.visible(queryset).filter(locale_id=page.locale_id).specific()
    return resolve_queryset(queryset, info, **kwargs)
