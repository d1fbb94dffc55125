"""The article contract's root queries: the hub, its categories and causes,
the site chrome, the content languages and the public translation report.

Each resolver resolves the requested locale once (an unknown code is a clear
error), then loads pages through the request's loader, which applies the one
visibility gate.
"""

from __future__ import annotations

from typing import Any

import graphene
from grapple.registry import registry
from grapple.types.structures import PositiveInt
from wagtail.models import Locale, Page

from content.api.context import loader_for
from content.api.loading import ContentLoader
from content.api.queries.common import (
    check_window,
    fallback_argument,
    locale_argument,
    max_list_size,
    resolve_locale,
)
from content.api.translation import TranslationReport
from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome
from content.translation import status as translation_status
from content.visibility import visible_snippets


class LocaleType(graphene.ObjectType):
    """A content language."""

    code = graphene.String(required=True)
    name = graphene.String(required=True)
    is_default = graphene.Boolean(required=True)

    class Meta:
        name = "Locale"


def _page_type(model: type[Page]):
    return lambda: registry.pages[model]


class ArticleQuery:
    """The contract's root fields: ``causeIndex``, ``causeCategories``,
    ``causeCategory``, ``causes``, ``cause``, ``translationReport``,
    ``locales`` and ``siteChrome``."""

    cause_index = graphene.Field(
        _page_type(CauseIndexPage),
        locale=locale_argument(),
        fallback=fallback_argument(),
        description="The article hub in that locale; null if none is live.",
    )
    cause_categories = graphene.List(
        graphene.NonNull(_page_type(CauseCategoryPage)),
        required=True,
        locale=locale_argument(),
        fallback=fallback_argument(),
        description="Cause categories in the editors' tree order.",
    )
    cause_category = graphene.Field(
        _page_type(CauseCategoryPage),
        slug=graphene.String(required=True),
        locale=locale_argument(),
        fallback=fallback_argument(),
    )
    causes = graphene.List(
        graphene.NonNull(_page_type(CausePage)),
        required=True,
        locale=locale_argument(),
        category=graphene.String(description="Slug of a cause category."),
        search_query=graphene.String(description="Full-text search."),
        limit=PositiveInt(description=f"At most {max_list_size()}."),
        offset=PositiveInt(),
        fallback=fallback_argument(),
    )
    cause = graphene.Field(
        _page_type(CausePage),
        slug=graphene.String(required=True),
        locale=locale_argument(),
        fallback=fallback_argument(),
    )
    translation_report = graphene.Field(
        TranslationReport,
        required=True,
        locale=graphene.Argument(
            graphene.String,
            required=True,
            description="Language code; an unknown code is an error.",
        ),
        description="Every public translatable page, snippet and setting with "
        "its translation state in that locale, and the coverage totals.",
    )
    locales = graphene.List(
        graphene.NonNull(LocaleType),
        required=True,
        description="The content languages, the default one first.",
    )
    site_chrome = graphene.Field(
        lambda: registry.snippets[SiteChrome],
        locale=locale_argument(),
        description="Disclaimer and footer, once per site and locale.",
    )

    def resolve_cause_index(
        self, info: Any, locale: str | None = None, fallback: bool = False
    ):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=fallback)
        pages = loader.fetch(CauseIndexPage.objects.order_by("path"), locale=loc)
        if not pages and fallback:
            pages = _fallback(loader, CauseIndexPage.objects.order_by("path"), loc)
        return pages[0] if pages else None

    def resolve_cause_categories(
        self, info: Any, locale: str | None = None, fallback: bool = False
    ):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=fallback)
        queryset = CauseCategoryPage.objects.order_by("path")
        if fallback:
            return _with_fallback(loader, queryset, loc)
        return loader.fetch(queryset, locale=loc)

    def resolve_cause_category(
        self,
        info: Any,
        slug: str,
        locale: str | None = None,
        fallback: bool = False,
    ):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=fallback)
        queryset = CauseCategoryPage.objects.filter(slug=slug).order_by("path")
        pages = loader.fetch(queryset, locale=loc)
        if not pages and fallback:
            pages = _fallback(loader, queryset, loc)
        return pages[0] if pages else None

    def resolve_causes(
        self,
        info: Any,
        locale: str | None = None,
        category: str | None = None,
        search_query: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        fallback: bool = False,
    ):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=fallback)
        limit, offset = check_window(limit, offset)
        queryset = CausePage.objects.order_by("path")
        if category is not None:
            categories = CauseCategoryPage.objects.filter(slug=category)
            parents = loader.fetch(categories, locale=loc)
            if not parents and fallback:
                parents = _fallback(loader, categories, loc)
            if not parents:
                return []
            if fallback:
                return loader.served_children(parents[0], CausePage)[
                    offset : offset + limit
                ]
            queryset = queryset.child_of(parents[0])
        if search_query:
            results = loader.search(
                queryset, search_query, locale=loc, limit=offset + limit
            )
            if fallback:
                results += [
                    page
                    for page in loader.localize(
                        loader.search(
                            queryset,
                            search_query,
                            locale=loader.source_locale(),
                            limit=offset + limit,
                        ),
                        loc.pk,
                        fallback=True,
                    )
                    if page.locale_id != loc.pk
                ]
            return results[offset : offset + limit]
        if fallback:
            return _with_fallback(loader, queryset, loc)[offset : offset + limit]
        return loader.fetch(queryset, locale=loc)[offset : offset + limit]

    def resolve_cause(
        self,
        info: Any,
        slug: str,
        locale: str | None = None,
        fallback: bool = False,
    ):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=fallback)
        queryset = CausePage.objects.filter(slug=slug).order_by("path")
        pages = loader.fetch(queryset, locale=loc)
        if not pages and fallback:
            pages = _fallback(loader, queryset, loc)
        return pages[0] if pages else None

    def resolve_translation_report(self, info: Any, locale: str):
        loader, loc = resolve_locale(info, locale)
        items = translation_status.report(loc, loader.locales(), public=True)
        return TranslationReport.build(loc.language_code, items)

    def resolve_locales(self, info: Any):
        loader = loader_for(info)
        locales = loader.locales()
        default = loader.locale(None)
        return [
            LocaleType(
                code=locale.language_code,
                name=locale.get_display_name(),
                is_default=locale.pk == default.pk,
            )
            for locale in locales
        ]

    def resolve_site_chrome(self, info: Any, locale: str | None = None):
        loader, loc = resolve_locale(info, locale)
        loader.served_chrome()
        return visible_snippets(SiteChrome, locale=loc).order_by("pk").first()


def _fallback(loader: ContentLoader, queryset, locale: Locale) -> list[Page]:
    """Pages of the query in the source language, served in place of ``locale``.

    Used only when the requested locale has no such page: each source page is
    swapped for its live translation if it has one, otherwise marked as a
    fallback.
    """
    source = loader.fetch(queryset, locale=loader.source_locale())
    return loader.localize(source, locale.pk, fallback=True)


def _with_fallback(loader: ContentLoader, queryset, locale: Locale) -> list[Page]:
    """A list in the source's order, each page translated or marked as fallback.

    Pages that exist only in the requested locale follow, in tree order.
    """
    source_locale = loader.source_locale()
    if locale.pk == source_locale.pk:
        return loader.fetch(queryset, locale=locale)
    source = loader.fetch(queryset, locale=source_locale)
    served = loader.localize(source, locale.pk, fallback=True)
    known = {page.translation_key for page in source}
    return served + [
        page
        for page in loader.fetch(queryset, locale=locale)
        if page.translation_key not in known
    ]
