"""Root queries of the frontend contract, and grapple's page queries made safe.

Each resolver resolves the requested locale once (an unknown code is a clear
error), then loads pages through the request's loader, which applies the one
visibility gate.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import graphene
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from graphql import GraphQLError
from grapple.registry import registry
from grapple.types.interfaces import get_page_interface
from grapple.types.pages import get_site_filter
from grapple.types.structures import PositiveInt, QuerySetList
from grapple.utils import resolve_queryset
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import SiteRootPath

from content.api.loading import ContentLoader, UnknownLocaleError, loader_for
from content.api.preview import resolve_preview
from content.api.translation import TranslationReport
from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome
from content.translation import status as translation_status
from content.visibility import visible_snippets


def max_list_size() -> int:
    """The most items a list field returns: grapple's page size."""
    return settings.GRAPPLE["MAX_PAGE_SIZE"]


def locale_argument() -> graphene.Argument:
    return graphene.Argument(
        graphene.String,
        description="Language code such as 'de'. Defaults to the default "
        "content language; an unknown code is an error.",
    )


def fallback_argument() -> graphene.Argument:
    return graphene.Argument(
        graphene.Boolean,
        default_value=False,
        description="Serve pages that have no live translation in the requested "
        "locale in their source language, marked with servedLocale and "
        "isFallback. Off: such pages are null or absent.",
    )


def resolve_locale(info: Any, code: str | None) -> tuple[ContentLoader, Locale]:
    loader = loader_for(info)
    try:
        return loader, loader.locale(code)
    except UnknownLocaleError as error:
        raise GraphQLError(
            str(error),
            extensions={
                "code": "UNKNOWN_LOCALE",
                "locale": error.code,
                "knownLocales": error.known,
            },
        ) from None


def check_window(limit: int | None, offset: int | None) -> tuple[int, int]:
    """The window of a list: at most ``max_list_size()`` items. (Negative
    values are refused before, by the ``PositiveInt`` scalar.)"""
    most = max_list_size()
    limit = most if limit is None else min(limit, most)
    return limit, offset or 0


class LocaleType(graphene.ObjectType):
    """A content language."""

    code = graphene.String(required=True)
    name = graphene.String(required=True)
    is_default = graphene.Boolean(required=True)

    class Meta:
        name = "Locale"


def _page_type(model: type[Page]):
    return lambda: registry.pages[model]


class ContentQuery:
    """Mixin placed first in the root Query so that it wins over grapple's."""

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

    # Grapple's page queries, with a locale argument and the visibility gate.
    page = graphene.Field(
        get_page_interface,
        id=graphene.ID(
            description="A page's id; the page is served in its own language."
        ),
        slug=graphene.String(
            description="Translations share their slug: served in locale."
        ),
        url_path=graphene.String(
            description="A page's url (/de/causes/...) or urlPath "
            "(/home-de/causes/...); the page is served in the language the "
            "path is in, or null if it has no live page there."
        ),
        token=graphene.String(
            description="Preview token from the admin's Preview button: serves "
            "that draft until the token expires. With a token, locale (when "
            "given) must be the token's locale."
        ),
        content_type=graphene.String(),
        in_site=graphene.Boolean(default_value=False),
        site=graphene.String(),
        locale=graphene.Argument(
            graphene.String,
            description="Language code such as 'de'; an unknown code is an "
            "error. With slug, the language served (the default content "
            "language when omitted); with id or urlPath, the page's own "
            "language must be this one, or the answer is null.",
        ),
    )
    pages = QuerySetList(
        graphene.NonNull(get_page_interface),
        content_type=graphene.String(),
        in_site=graphene.Boolean(default_value=False),
        site=graphene.String(),
        ancestor=graphene.ID(),
        parent=graphene.ID(),
        locale=locale_argument(),
        enable_search=True,
        enable_in_menu=True,
        required=True,
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
        _loader, loc = resolve_locale(info, locale)
        return visible_snippets(SiteChrome, locale=loc).order_by("pk").first()

    def resolve_page(self, info: Any, locale: str | None = None, **kwargs: Any):
        loader, loc = resolve_locale(info, locale)
        if (token := kwargs.get("token")) is not None:
            loader.serve(loc, fallback=False)
            # Drafts are only ever served through a preview token.
            return resolve_preview(info, token, locale)
        queryset = Page.objects.all()
        site = get_site_filter(info, **kwargs)
        if site is not None:
            queryset = _in_site(queryset, site)
        if content_type := kwargs.get("content_type"):
            queryset = queryset.filter(content_type=_content_type(content_type))
        if page_id := kwargs.get("id"):
            # An id names one page, and so its language.
            page = _first(loader.fetch(queryset.filter(pk=page_id)))
        elif slug := kwargs.get("slug"):
            # Translations share their slug: the locale argument chooses.
            page = _first(
                loader.fetch(queryset.filter(slug=slug).order_by("path"), locale=loc)
            )
        elif url_path := kwargs.get("url_path"):
            page = _page_at_path(loader, queryset, url_path, site)
        else:
            return None
        served = _locale_by_id(loader, page.locale_id) if page is not None else None
        if served is None or (locale is not None and served.pk != loc.pk):
            # Never a page of another language than the one asked for.
            return None
        loader.serve(served, fallback=False)
        return page

    def resolve_pages(self, info: Any, locale: str | None = None, **kwargs: Any):
        loader, loc = resolve_locale(info, locale)
        loader.serve(loc, fallback=False)
        queryset = Page.objects.all()
        if parent := kwargs.pop("parent", None):
            page = _page_or_none(parent)
            queryset = queryset.child_of(page) if page else queryset.none()
        elif ancestor := kwargs.pop("ancestor", None):
            page = _page_or_none(ancestor)
            queryset = queryset.descendant_of(page) if page else queryset.none()
        site = get_site_filter(info, **kwargs)
        kwargs.pop("site", None)
        kwargs.pop("in_site", None)
        if site is not None:
            queryset = _in_site(queryset, site)
        if content_types := kwargs.pop("content_type", None):
            filters = Q()
            for name in content_types.split(","):
                filters |= Q(content_type=_content_type(name))
            queryset = queryset.filter(filters)
        queryset = loader.visible(queryset, locale=loc)
        if kwargs.get("search_query"):
            queryset = loader.searchable(queryset)
        return resolve_queryset(queryset.specific(), info, **kwargs)

    def resolve_search(self, info: Any, query: str | None = None, **kwargs: Any):
        """Grapple's root search, limited to visible pages of the default locale."""
        if not query:
            return []
        loader, loc = resolve_locale(info, None)
        return loader.search(
            Page.objects.all(), query, locale=loc, limit=max_list_size()
        )

    def resolve_images(self, info: Any, **kwargs: Any):
        """Grapple's image list (public collections only), with working search."""
        return _public_media(get_image_model(), info, **kwargs)

    def resolve_documents(self, info: Any, **kwargs: Any):
        """Grapple's document list (public collections only), with working search."""
        return _public_media(get_document_model(), info, **kwargs)

    def resolve_image(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single image (public collections only); ``id`` required."""
        return _public_media_item(get_image_model(), info, id)

    def resolve_document(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single document (public collections only); ``id`` required."""
        return _public_media_item(get_document_model(), info, id)

    def resolve_tag(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single tag; ``id`` required."""
        return _by_required_id(Tag.objects.all(), info, id)

    def resolve_snippets(self, info: Any, **kwargs: Any):
        """Grapple's snippet list, without drafts."""
        return [
            snippet
            for model in registry.snippets
            for snippet in visible_snippets(model).order_by("pk")[: max_list_size()]
        ]


def _first(pages: list[Page]) -> Page | None:
    return pages[0] if pages else None


def _locale_by_id(loader: ContentLoader, locale_id: int) -> Locale | None:
    """The content language with this id; None for a language no longer served."""
    return next((loc for loc in loader.locales() if loc.pk == locale_id), None)


def _site_root_paths(site: Site | None) -> list[SiteRootPath]:
    """The ``url_path`` of a site's root page and of each of its translations
    (every site's when ``site`` is None), with their language codes."""
    return [
        root
        for root in Site.get_site_root_paths()
        if site is None or root.site_id == site.pk
    ]


def _in_site(queryset, site: Site):
    """Pages of a site in every language.

    Each language has its own home page, a translation of the site's root page
    beside it in the tree, so Wagtail's ``in_site`` (the root page's
    descendants) would leave out every translation.
    """
    roots = Q()
    for root in _site_root_paths(site):
        roots |= Q(url_path__startswith=root.root_path)
    return queryset.filter(roots) if roots else queryset.none()


def _url_language(loader: ContentLoader, path: str) -> tuple[str, str] | None:
    """The language a page URL is in, and the rest of the path after its prefix.

    The prefixes are reversed exactly as ``Page.url`` builds them
    (``i18n_patterns``: ``/de/`` for German, none for the default language),
    so a path the API gave out always maps back to its language. None when
    pages have no URLs (``wagtail_serve`` is not routed).
    """
    prefixes = []
    for locale in loader.locales():
        try:
            with translation.override(locale.language_code):
                prefix = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            continue
        prefixes.append((prefix, locale.language_code))
    for prefix, code in sorted(prefixes, key=lambda item: -len(item[0])):
        if path.startswith(prefix):
            return code, path[len(prefix) :]
    return None


def _page_at_path(
    loader: ContentLoader, queryset, url_path: str, site: Site | None
) -> Page | None:
    """The visible page a path the API gave out leads to, in the path's language.

    ``url_path`` is a page's ``url`` (``/de/causes/...``: the language prefix
    chooses the language, and the rest is the path below that language's home
    page) or its ``urlPath`` (``/home-de/causes/...``: one position in the page
    tree, and so one language). A URL is tried first. A full URL (as ``url``
    is for a page of another site) is reduced to its path.
    """
    path = unquote(urlsplit(url_path).path)
    if "\x00" in path:
        return None  # "%00": no page's path holds a NUL (nor can a database's)
    path = "/" + "".join(f"{part}/" for part in path.split("/") if part)
    roots = _site_root_paths(site)
    if found := _url_language(loader, path):
        code, rest = found
        candidates = [
            root.root_path + rest for root in roots if root.language_code == code
        ]
        pages = loader.fetch(
            queryset.filter(url_path__in=candidates).order_by("path"),
            locale=loader.locale(code),
        )
        if pages:
            return pages[0]
    return _first(loader.fetch(queryset.filter(url_path=path)))


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


MAX_ID = 2**63 - 1  # the largest primary key a database column holds


def _by_required_id(queryset, info: Any, value: Any):
    """The object of ``queryset`` with this ``id``, or None.

    For root fields that return one object by id: grapple declares ``id``
    optional but needs it, so a missing one is a clear client error rather
    than a server error. (An id that is no whole number is refused before,
    by ``ArgumentPolicyMiddleware``.)
    """
    if value is None:
        raise GraphQLError(
            f"'{info.field_name}' needs an id.",
            extensions={"code": "BAD_USER_INPUT"},
        )
    if int(value) > MAX_ID:
        return None
    return queryset.filter(pk=int(value)).first()


def _public_media_item(model, info: Any, value: Any):
    queryset = model.objects.filter(collection__view_restrictions__isnull=True)
    if hasattr(queryset, "prefetch_renditions"):
        queryset = queryset.prefetch_renditions()
    return _by_required_id(queryset, info, value)


def _public_media(model, info: Any, **kwargs: Any):
    queryset = model.objects.filter(collection__view_restrictions__isnull=True)
    if hasattr(queryset, "prefetch_renditions"):
        queryset = queryset.prefetch_renditions()
    if kwargs.get("search_query"):
        # Search backends filter only on indexed fields: apply the collection
        # rules first and hand the search the matching ids.
        if (collection := kwargs.pop("collection", None)) is not None:
            queryset = queryset.filter(collection_id=collection)
        queryset = model.objects.filter(
            pk__in=list(queryset.values_list("pk", flat=True))
        )
    return resolve_queryset(queryset, info, **kwargs)


def _page_or_none(page_id: Any) -> Page | None:
    """The page a tree filter names; None when there is none (an empty list).

    ``ArgumentPolicyMiddleware`` has made the id a whole number in range.
    """
    return Page.objects.filter(pk=page_id).only("path", "depth").first()


def _content_type(name: str) -> ContentType | None:
    try:
        app_label, model = name.strip().lower().split(".")
    except ValueError:
        raise GraphQLError(
            f"Invalid content type '{name}': use the app.Model notation.",
            extensions={"code": "BAD_USER_INPUT"},
        ) from None
    return ContentType.objects.filter(app_label=app_label, model=model).first()
