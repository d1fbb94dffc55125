"""Grapple's generic root queries made safe: ``page``, ``pages``, ``search``,
``snippets`` and ``tag``.

``page`` and ``pages`` take a locale argument and pass the visibility gate;
``page`` also serves previews through a token. Search and snippets serve only
what is visible.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import graphene
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from graphql import GraphQLError
from grapple.registry import registry
from grapple.types.interfaces import get_page_interface
from grapple.types.pages import get_site_filter
from grapple.types.structures import QuerySetList
from grapple.utils import resolve_queryset
from taggit.models import Tag
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import SiteRootPath

from content.api.context import loader_for
from content.api.loading import ContentLoader
from content.api.preview import resolve_preview
from content.api.queries.common import (
    by_required_id,
    first,
    locale_argument,
    max_list_size,
    resolve_locale,
)
from content.visibility import visible_snippets


class PageQueries:
    """Grapple's page, search, snippet and tag queries, replaced."""

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
            page = first(loader.fetch(queryset.filter(pk=page_id)))
        elif slug := kwargs.get("slug"):
            # Translations share their slug: the locale argument chooses.
            page = first(
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

    def resolve_tag(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single tag; ``id`` required."""
        return by_required_id(Tag.objects.all(), info, id)

    def resolve_snippets(self, info: Any, **kwargs: Any):
        """Grapple's snippet list, without drafts."""
        loader_for(info).served_chrome()
        return [
            snippet
            for model in registry.snippets
            for snippet in visible_snippets(model).order_by("pk")[: max_list_size()]
        ]


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
    return first(loader.fetch(queryset.filter(url_path=path)))


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
