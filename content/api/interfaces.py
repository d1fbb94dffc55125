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

from content.api.context import loader_for
from content.api.translation import (
    TranslationStatus,
    UntranslatedPart,
    untranslated_parts,
)


class PageInterface(GrapplePageInterface):
    locale = graphene.String(
        required=True, description="Language code of this page, e.g. 'en'."
    )
    translations = graphene.List(
        graphene.NonNull(lambda: PageInterface),
        required=True,
        description="Live, public translations of this page in other languages.",
    )

    served_locale = graphene.String(
        required=True,
        description="Language code of the content served. Differs from the "
        "requested language only when isFallback is true.",
    )
    is_fallback = graphene.Boolean(
        required=True,
        description="True when this whole page is served in servedLocale, its "
        "source language, instead of the requested language: no live "
        "translation exists in the requested language (only with fallback: "
        "true), or the page in the requested language is an alias that shows "
        "its source page's content. A translation that is live but incomplete "
        "is not a fallback: see isPartialTranslation.",
    )
    source_locale = graphene.String(
        required=True,
        description="Language code of the version this page is translated from; "
        "equal to servedLocale when the page is itself a source (written in "
        "its own language).",
    )
    untranslated_segments = graphene.Int(
        required=True,
        description="How many text segments (sentences, headings, list items, "
        "...) of this page are shown in sourceLocale because they had no "
        "translation when this version was saved. 0 for sources and complete "
        "translations.",
    )
    is_partial_translation = graphene.Boolean(
        required=True,
        description="True when this page is in the requested language but "
        "untranslatedSegments of its segments are in sourceLocale. isFallback, "
        "by contrast, means the whole page is served in servedLocale instead "
        "of the requested language (and is then never partial).",
    )
    untranslated_parts = graphene.List(
        graphene.NonNull(UntranslatedPart),
        required=True,
        description="Where the untranslated segments are, by field and body "
        "block, e.g. to mark them with a lang attribute. Empty when "
        "isPartialTranslation is false.",
    )
    translation_status = graphene.List(
        graphene.NonNull(TranslationStatus),
        required=True,
        description="For each content language: whether a live translation "
        "exists, whether it is stale, how much is translated, and when it "
        "was last updated.",
    )

    def resolve_locale(self, info: Any, **kwargs: Any) -> str:
        return loader_for(info).locale_code(self.locale_id)

    def resolve_served_locale(self, info: Any, **kwargs: Any) -> str:
        loader = loader_for(info)
        return loader.locale_code(_content_locale_id(self, loader))

    def resolve_is_fallback(self, info: Any, **kwargs: Any) -> bool:
        requested = getattr(self, "requested_locale_id", None)
        if requested is not None and requested != self.locale_id:
            return True
        return loader_for(info).alias_source_locale_id(self) is not None

    def resolve_source_locale(self, info: Any, **kwargs: Any) -> str:
        loader = loader_for(info)
        alias_locale_id = loader.alias_source_locale_id(self)
        if alias_locale_id is not None:
            return loader.locale_code(alias_locale_id)
        return loader.locale_code(loader.translation_coverage(self).source_locale_id)

    def resolve_untranslated_segments(self, info: Any, **kwargs: Any) -> int:
        return len(_untranslated_paths(self, loader_for(info)))

    def resolve_is_partial_translation(self, info: Any, **kwargs: Any) -> bool:
        return bool(_untranslated_paths(self, loader_for(info)))

    def resolve_untranslated_parts(self, info: Any, **kwargs: Any) -> list:
        return untranslated_parts(
            type(self), _untranslated_paths(self, loader_for(info))
        )

    def resolve_translation_status(self, info: Any, **kwargs: Any) -> list:
        return loader_for(info).translation_status(self)

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


def _content_locale_id(page: Any, loader: Any) -> int:
    """The language of the content ``page`` shows: its source's for an alias
    of a page in another language, its own otherwise."""
    return loader.alias_source_locale_id(page) or page.locale_id


def _untranslated_paths(page: Any, loader: Any) -> tuple:
    """What of the page is in its source language while the rest is
    translated. Nothing for an alias of a page in another language: all of it
    is, and it is a fallback (isFallback), not a partial translation."""
    if loader.alias_source_locale_id(page) is not None:
        return ()
    return tuple(loader.translation_coverage(page).untranslated_paths)


def _visible_list(info: Any, queryset, page, **kwargs: Any):
    loader = loader_for(info)
    queryset = loader.visible(queryset).filter(locale_id=page.locale_id)
    if kwargs.get("search_query"):
        queryset = loader.searchable(queryset)
    return resolve_queryset(queryset.specific(), info, **kwargs)


#: Page model fields graphene-django would expose by default that describe
#: drafts, editors or the tree's internals rather than published content.
INTERNAL_PAGE_FIELDS = (
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "locked_at",
    "locked_by",
    "owner",
    "alias_of",
    "numchild",
    "path",
    "translation_key",
    "go_live_at",
)
