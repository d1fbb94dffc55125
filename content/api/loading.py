"""Per-request loading of article content.

A GraphQL response is resolved from memory: root resolvers load pages in bulk
and nested resolvers (children, parents, related causes, translations, chooser
blocks, rich-text links) read from the same ``ContentLoader``. Anything a
nested field needs that is not in memory yet is fetched for *every* page the
loader holds at once, so the number of SQL queries of a request depends on the
shape of the query, not on how many causes the article has.

Every page the loader hands out passed ``content.visibility.visible_pages``.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation as i18n
from django.utils.http import RFC3986_SUBDELIMS
from wagtail import blocks
from wagtail.coreutils import (
    WAGTAIL_APPEND_SLASH,
    get_supported_content_language_variant,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs
from wagtail.search.utils import parse_query_string

from content.block_tree import walk
from content.locales import content_locales, default_language_code
from content.translation.coverage import coverage
from content.translation.status import statuses
from content.visibility import CompiledGate, visible_pages

T = TypeVar("T")


class UnknownLocaleError(LookupError):
    """A locale code that is not one of the content languages."""

    def __init__(self, code: str, known: list[str]):
        self.code = code
        self.known = known
        super().__init__(f"Unknown locale '{code}'. Known locales: {', '.join(known)}.")


def page_ids_in_html(html: str | None) -> Iterator[int]:
    for match in FIND_A_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") == "page" and str(attrs.get("id", "")).isdigit():
            yield int(attrs["id"])


def page_ids_in_block(block: blocks.Block, raw: Any) -> Iterator[int]:
    """Page ids referenced by a block's raw (JSON) value, at any depth."""
    for node in walk(block, raw):
        if node.value is None:
            continue
        if isinstance(node.block, blocks.PageChooserBlock):
            value = node.value
            if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
                yield int(value)
        elif isinstance(node.block, blocks.RichTextBlock):
            yield from page_ids_in_html(
                node.value if isinstance(node.value, str) else None
            )


def page_ids_in_page(page: Page) -> Iterator[int]:
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = getattr(page, field.attname)
            yield from page_ids_in_block(field.stream_block, list(value.raw_data))
        elif isinstance(field, RichTextField):
            yield from page_ids_in_html(getattr(page, field.attname))


#: The paths ``wagtail_serve`` (``wagtail.urls``) routes: slugs, each with "/".
SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")
#: What Django's ``reverse`` leaves unquoted in a path.
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


class PageUrls:
    """``Page.get_url(request)`` for the pages of one request, without a
    ``reverse()`` per page.

    Wagtail reverses ``wagtail_serve`` with each page's path below its site
    root, in the page's language. That is the same prefix (the script prefix
    and the language's URL prefix) for every page of a site and language,
    followed by the path, quoted as ``reverse`` quotes it. The prefix is
    reversed once per site root and language; the site choice, the
    language-variant rule and the relative-or-absolute choice are Wagtail's
    (``Page.get_url_parts``, ``Page.get_url``, Wagtail 7.4). A page type with
    its own URL routing, or a path ``wagtail_serve`` would not route, is
    handed to Wagtail as it is.
    """

    def __init__(self, request: Any):
        self.request = request
        self._prefixes: dict[tuple[str, str], str | None] = {}
        self._site: Any = None
        self._site_known = False

    def current_site(self) -> Site | None:
        if not self._site_known:
            self._site_known = True
            if self.request is not None:
                self._site = Site.find_for_request(self.request)
        return self._site

    def prefix(self, language_code: str) -> str | None:
        """The reversed path of a site root in ``language_code``; None when
        ``wagtail_serve`` is not routable (headless without it)."""
        key = (language_code, i18n.get_language() or "")
        if key not in self._prefixes:
            try:
                with i18n.override(language_code):
                    root = reverse("wagtail_serve", args=("",))
                    probe = reverse("wagtail_serve", args=("a/",))
            except NoReverseMatch:
                root = None
            else:
                # Both must come from the same URL pattern.
                if probe != root + "a/":
                    root = None
            self._prefixes[key] = root
        return self._prefixes[key]

    def url(self, page: Page) -> str | None:
        model = type(page)
        if (
            model.get_url_parts is not Page.get_url_parts
            or model.get_url is not Page.get_url
        ):
            return page.get_url(request=self.request)
        request = self.request
        possible_sites = page._get_relevant_site_root_paths(request)
        if not possible_sites:
            return None
        site_id, root_path, root_url, language_code = possible_sites[0]
        if len({values[0] for values in possible_sites}) > 1 and request is not None:
            site = self.current_site()
            if site:
                for values in possible_sites:
                    if values[0] == site.pk:
                        site_id, root_path, root_url, language_code = values
                        break
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            active = i18n.get_language()
            try:
                if get_supported_content_language_variant(active) == language_code:
                    language_code = active
            except LookupError:
                pass
        rest = page.url_path[len(root_path) :]
        prefix = self.prefix(language_code)
        if prefix is None or not SERVED_PATH.fullmatch(rest):
            return page.get_url(request=request)
        page_path = quote(prefix + rest, safe=PATH_SAFE)
        if not WAGTAIL_APPEND_SLASH and page_path != "/":
            page_path = page_path.rstrip("/")
        num_sites = len({values[0] for values in page._get_site_root_paths(request)})
        current = self.current_site()
        if (current is not None and site_id == current.id) or num_sites == 1:
            return page_path
        return root_url + page_path


class ContentLoader:
    """What one API request has read, and the bulk loads that fill it."""

    def __init__(self, request: Any = None):
        self.request = request
        self._urls = PageUrls(request)
        self._gate: CompiledGate | None = None
        self._locales: list[Locale] | None = None
        self._pages: dict[int, Page | None] = {}
        self._by_path: dict[str, Page] = {}
        self._children: dict[str, list[Page]] = defaultdict(list)
        self._missing_paths: set[str] = set()
        self._complete_subtrees: set[str] = set()
        self._scanned: set[int] = set()
        self._vetted: set[int] = set()
        self._related: dict[int, list[int]] = {}
        self._translations: dict[Any, list[Page]] = {}
        self._fallbacks: dict[tuple[int, int], Page] = {}
        self._serving: tuple[int, bool] | None = None
        self._status: Any = None
        self._coverage: dict[int, Any] = {}
        self._alias_locales: dict[int, int | None] = {}
        self._memo: dict[str, Any] = {}

    # What other modules keep for the rest of the request ------------------

    def memo(self, name: str, factory: Callable[[], T]) -> T:
        """A value kept for the rest of the request under ``name``, made by
        ``factory`` the first time it is asked for."""
        if name not in self._memo:
            self._memo[name] = factory()
        return self._memo[name]

    def loaded_pages(self, like: Page | None = None) -> list[Page]:
        """Every visible page the request has loaded so far; with ``like``,
        those of exactly its type (the pages a field asked of ``like`` is
        likely to be asked of next: a list of causes)."""
        if like is not None:
            kind = type(like)
            return [page for page in self._pages.values() if type(page) is kind]
        return [page for page in self._pages.values() if page is not None]

    def served_chrome(self) -> None:
        """Note that the answer holds the site chrome (or other snippets)."""
        self._memo["serves_chrome"] = True

    def cache_tags(self) -> set[str]:
        """The cache tags of the answer (the publishing events' tags):
        ``page-<id>`` for every page loaded, which is every page the answer
        shows or links to, and ``chrome`` when it holds the site chrome."""
        tags = {f"page-{page.pk}" for page in self.loaded_pages()}
        if self._memo.get("serves_chrome"):
            tags.add("chrome")
        return tags

    # What the root field being resolved asked for ------------------------

    def start_root_field(self) -> None:
        """Forget the previous root field's locale before the next one runs.

        GraphQL resolves one root field's whole subtree before the next root
        field, so the locale a root resolver sets holds for every nested page,
        link and chooser it leads to.
        """
        self._serving = None

    def serve(self, locale: Locale, *, fallback: bool) -> None:
        """Nested pages of this root field are shown in ``locale``.

        With ``fallback``, a page without a live translation in that locale is
        served in its source language, marked as a fallback.
        """
        self._serving = (locale.pk, fallback)

    def serving(self, page: Page | None = None) -> tuple[int | None, bool]:
        """The locale nested content is shown in, and whether it may fall back."""
        if self._serving is not None:
            return self._serving
        return (page.locale_id if page is not None else None), False

    def fallback_copy(self, page: Page, locale_id: int) -> Page:
        """``page`` served in place of its missing ``locale_id`` translation."""
        key = (page.pk, locale_id)
        if key not in self._fallbacks:
            served = copy.copy(page)
            served.requested_locale_id = locale_id
            self._fallbacks[key] = served
        return self._fallbacks[key]

    def source_locale(self) -> Locale:
        return self.locale(None)

    # Locales ---------------------------------------------------------------

    def locales(self) -> list[Locale]:
        """The content languages that exist, in the configured order."""
        if self._locales is None:
            self._locales = content_locales()
        return self._locales

    def locale(self, code: str | None) -> Locale:
        """The locale for a language code; the default language when omitted."""
        locales = self.locales()
        if code is None:
            code = default_language_code()
        for locale in locales:
            if locale.language_code == code:
                return locale
        raise UnknownLocaleError(code, [locale.language_code for locale in locales])

    def locale_code(self, locale_id: int) -> str:
        for locale in self.locales():
            if locale.pk == locale_id:
                return locale.language_code
        return Locale.objects.get(pk=locale_id).language_code

    # Pages -----------------------------------------------------------------

    def visible(self, queryset=None, *, locale: Locale | None = None):
        return visible_pages(queryset, locale=locale)

    def _gated(self, queryset, *, locale: Locale | None = None):
        """``visible`` for the loader's own page queries, which it evaluates
        at once: the request's gate, compiled once (``CompiledGate``)."""
        if self._gate is None:
            self._gate = CompiledGate()
        return self._gate.apply(queryset, locale=locale)

    def searchable(self, visible_queryset):
        """The same pages, filtered only on what search backends can filter on.

        The visibility rules use fields a search index does not hold (expiry,
        view restrictions), so they run first and the search sees ids only.
        """
        model = visible_queryset.model
        return model.objects.filter(
            pk__in=list(visible_queryset.values_list("pk", flat=True))
        )

    def search(
        self, queryset, query: str, *, locale: Locale | None = None, limit: int
    ) -> list[Page]:
        """Full-text search over the visible pages of a query, best match first.

        Search backends filter only on indexed fields, so the visibility rules
        run in the database first and the search is limited to those pages.
        """
        model = queryset.model
        # Parsed into a query object, so quotes and operators in user input are
        # terms and phrases, never raw syntax for the database's full-text engine.
        _filters, parsed = parse_query_string(query, "and")
        hits = self.searchable(self.visible(queryset, locale=locale)).search(parsed)
        ranked = [hit.pk for hit in hits[:limit]]
        by_id = {
            page.pk: page for page in self.fetch(model.objects.filter(pk__in=ranked))
        }
        return [by_id[pk] for pk in ranked if pk in by_id]

    def visible_ids(self, pages: Iterable[Page]) -> set[int]:
        """Which of these pages the public may see (vetted pages are free)."""
        pages = list(pages)
        unknown = {
            p.pk for p in pages if p.pk not in self._pages and p.pk not in self._vetted
        }
        if unknown:
            allowed = set(
                self._gated(Page.objects.filter(pk__in=unknown)).values_list(
                    "pk", flat=True
                )
            )
            for pk in unknown - allowed:
                self._pages[pk] = None
            self._vetted |= allowed
        return {
            p.pk
            for p in pages
            if self._pages.get(p.pk) is not None or p.pk in self._vetted
        }

    def is_visible(self, pages: Iterable[Page]) -> bool:
        pages = list(pages)
        return len(self.visible_ids(pages)) == len(pages)

    def remember(self, pages: Iterable[Page]) -> list[Page]:
        """Keep loaded (visible, specific) pages; return them in the given order."""
        kept = []
        for page in pages:
            known = self._pages.get(page.pk)
            if known is not None:
                kept.append(known)
                continue
            self._pages[page.pk] = page
            self._by_path[page.path] = page
            self._children[page.path[: -Page.steplen]].append(page)
            kept.append(page)
        return kept

    def fetch(self, queryset, *, locale: Locale | None = None) -> list[Page]:
        """Run a page query through the visibility gate and remember the result.

        A query on ``Page`` first reads ids and content types only, then loads
        the specific rows of the pages not in memory yet, one query per page
        type; pages the loader already holds cost nothing more.
        """
        queryset = self._gated(queryset, locale=locale)
        if queryset.model is not Page:
            return self.remember(queryset)
        rows = list(queryset.values_list("pk", "content_type_id"))
        unknown: dict[int, list[int]] = defaultdict(list)
        for pk, content_type_id in rows:
            if self._pages.get(pk) is None:
                unknown[content_type_id].append(pk)
        for content_type_id, pks in unknown.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            self.remember(model._default_manager.filter(pk__in=pks))
        return [self._pages[pk] for pk, _ct in rows if self._pages.get(pk) is not None]

    def pages_by_id(self, ids: Iterable[Any]) -> dict[int, Page]:
        """Visible pages for these ids; ids of hidden or missing pages are absent.

        Before loading, every page in memory is scanned for the pages its
        choosers and rich-text links point to, so that all of them are loaded
        in this one query rather than one body at a time.
        """
        wanted = {int(i) for i in ids if i is not None and str(i).isdigit()}
        missing = {i for i in wanted if i not in self._pages}
        if missing:
            missing |= self._unscanned_references()
            missing -= self._pages.keys()
            found = self.fetch(Page.objects.filter(pk__in=missing))
            for page_id in missing - {page.pk for page in found}:
                self._pages[page_id] = None
        return {i: self._pages[i] for i in wanted if self._pages.get(i) is not None}

    def _unscanned_references(self) -> set[int]:
        referenced: set[int] = set()
        for page in list(self._pages.values()):
            if page is not None and page.pk not in self._scanned:
                self._scanned.add(page.pk)
                referenced.update(page_ids_in_page(page))
        return referenced

    def _covered(self, path: str) -> bool:
        return any(path.startswith(root) for root in self._complete_subtrees)

    def load_subtree(self, root: Page) -> None:
        """Load every visible descendant of ``root`` in its locale, at once."""
        if self._covered(root.path):
            return
        self.fetch(Page.objects.descendant_of(root).filter(locale_id=root.locale_id))
        self._complete_subtrees.add(root.path)

    def children(self, page: Page, model: type[Page] | None = None) -> list[Page]:
        """Visible children in the editors' tree order, optionally of one type."""
        self.load_subtree(page)
        children = sorted(self._children.get(page.path, []), key=lambda p: p.path)
        if model is not None:
            children = [child for child in children if isinstance(child, model)]
        return children

    def parent(self, page: Page) -> Page | None:
        """The visible parent; None above the top of the article tree."""
        path = page.path[: -Page.steplen]
        if path in self._by_path:
            return self._by_path[path]
        if not path or path in self._missing_paths:
            return None
        found = self.fetch(Page.objects.filter(path=path))
        if not found:
            self._missing_paths.add(path)
            return None
        return found[0]

    def related(self, page: Page, through_model: type, target_model: type[Page]):
        """Targets of an orderable relation, loaded for every page in memory."""
        if page.pk not in self._related:
            # This page too: it may have come from a field that does not load
            # through this loader (``pages``, ``descendants``).
            pending = [page.pk] + [
                p.pk
                for p in self._pages.values()
                if p is not None
                and isinstance(p, type(page))
                and p.pk not in self._related
                and p.pk != page.pk
            ]
            for pk in pending:
                self._related[pk] = []
            rows = through_model.objects.filter(page_id__in=pending).order_by(
                "page_id", "sort_order"
            )
            for page_id, target_id in rows.values_list("page_id", "target_id"):
                self._related[page_id].append(target_id)
        target_ids = self._related[page.pk]
        pages = self.pages_by_id(target_ids)
        targets = [
            pages[i]
            for i in target_ids
            if i in pages and isinstance(pages[i], target_model)
        ]
        locale_id, fallback = self.serving(page)
        return self.localize(targets, locale_id, fallback=fallback)

    def _load_translations(self, keys: Iterable[Any]) -> None:
        """Visible pages of every language for these translation keys.

        Keys of every page in memory are loaded in the same batch, so that a
        request maps all its pages and link targets in one round.
        """
        keys = {key for key in keys if key not in self._translations}
        if not keys:
            return
        keys |= {
            p.translation_key
            for p in self._pages.values()
            if p is not None and p.translation_key not in self._translations
        }
        for key in keys:
            self._translations[key] = []
        locale_ids = [locale.pk for locale in self.locales()]
        for translation in self.fetch(
            Page.objects.filter(
                translation_key__in=keys, locale_id__in=locale_ids
            ).order_by("locale_id", "path")
        ):
            self._translations[translation.translation_key].append(translation)

    def translation_in(self, page: Page, locale_id: int) -> Page | None:
        """The visible version of ``page`` in a language, if there is one."""
        if page.locale_id == locale_id and self.visible_ids([page]):
            return page
        self._load_translations([page.translation_key])
        for translation in self._translations[page.translation_key]:
            if translation.locale_id == locale_id:
                return translation
        return None

    def translations(self, page: Page) -> list[Page]:
        """Live, public translations of a page in the other content languages."""
        self._load_translations([page.translation_key])
        return [
            t
            for t in self._translations[page.translation_key]
            if t.locale_id != page.locale_id
        ]

    def localize(
        self, pages: Iterable[Page], locale_id: int | None, *, fallback: bool
    ) -> list[Page]:
        """Each page in ``locale_id``: its translation there, or else with
        ``fallback`` the page itself marked as a fallback, or else nothing.
        """
        pages = list(pages)
        if locale_id is None:
            return pages
        self._load_translations(
            p.translation_key for p in pages if p.locale_id != locale_id
        )
        served = []
        for page in pages:
            if page.locale_id == locale_id:
                served.append(page)
                continue
            translation = next(
                (
                    t
                    for t in self._translations[page.translation_key]
                    if t.locale_id == locale_id
                ),
                None,
            )
            if translation is not None:
                served.append(translation)
            elif fallback:
                served.append(self.fallback_copy(page, locale_id))
        return served

    def link_targets(self, ids: Iterable[Any]) -> dict[int, Page]:
        """Chooser and rich-text link targets, in the language being served.

        A target in another language than the one served is replaced by its
        live translation; without one it is dropped, or with fallback kept
        and marked as a fallback.
        """
        ids = list(ids)
        pages = self.pages_by_id(ids)
        locale_id, fallback = self.serving()
        if locale_id is None:
            return pages
        by_id = {}
        for page_id, page in pages.items():
            mapped = self.localize([page], locale_id, fallback=fallback)
            if mapped:
                by_id[page_id] = mapped[0]
        return by_id

    def _source_version(self, page: Page) -> Page | None:
        source_locale = self.source_locale()
        if page.locale_id == source_locale.pk:
            return page
        return self.translation_in(page, source_locale.pk)

    def served_children(self, page: Page, model: type[Page] | None = None):
        """Children of a page in the language being served, in tree order.

        Without fallback these are the page's own children. With fallback they
        follow the source tree: each source child in the served language when
        translated, otherwise in the source language, marked; children that
        exist only in the served language come last.
        """
        locale_id, fallback = self.serving(page)
        if not fallback:
            return self.localize(self.children(page, model), locale_id, fallback=False)
        source = self._source_version(page)
        if source is None:
            return self.localize(self.children(page, model), locale_id, fallback=True)
        source_children = self.children(source, model)
        served = self.localize(source_children, locale_id, fallback=True)
        known = {child.translation_key for child in source_children}
        own = page if page.locale_id == locale_id else None
        if own is None:
            own = self.translation_in(page, locale_id)
        if own is not None and own.pk != source.pk:
            served += [
                child
                for child in self.children(own, model)
                if child.translation_key not in known
            ]
        return served

    def served_parent(self, page: Page) -> Page | None:
        """The parent in the language being served (fallback rules as above).

        A page of another language than the one served (reached through
        ``translations``, say) whose parent has no version in the served
        language keeps its own parent: a visible page's parent is visible
        (``content.visibility``), so ``category`` and ``index`` are never
        null for a page the API returned. A page in the served language
        always has its parent in that language.
        """
        parent = self.parent(page)
        locale_id, fallback = self.serving(page)
        if parent is None and fallback:
            # The page's own parent is not public: follow the source tree.
            source = self._source_version(page)
            if source is not None and source.pk != page.pk:
                parent = self.parent(source)
        if parent is None:
            return None
        served = self.localize([parent], locale_id, fallback=fallback)
        return served[0] if served else parent

    def translation_status(self, page: Page) -> list[Any]:
        """The page's translation state in every content language.

        Computed for every page in memory at once, so a list of pages costs
        the same few queries as one page.
        """
        if self._status is None:
            self._status = {}
        if page.translation_key not in self._status:
            keys = {page.translation_key} | {
                p.translation_key
                for p in self._pages.values()
                if p is not None and p.translation_key not in self._status
            }
            self._status.update(statuses(Page, keys, self.locales(), public=True))
        return list(self._status[page.translation_key].values())

    def translation_coverage(self, page: Page) -> Any:
        """Which text of the page, as served, is still in its source language.

        Computed at once for every page of its type in memory, so a list of
        pages costs the same few queries as one page, and the hub asking for
        its own does not work out every cause's.
        """
        if page.pk not in self._coverage:
            pending = {page.pk: page}
            for known in self.loaded_pages(like=page):
                if known.pk not in self._coverage:
                    pending.setdefault(known.pk, known)
            self._coverage.update(coverage(pending.values()))
        return self._coverage[page.pk]

    def alias_source_locale_id(self, page: Page) -> int | None:
        """The language of the page that ``page`` is an alias of, when that is
        another language than the page's own; ``None`` otherwise.

        Such an alias (wagtail-localize's "Convert to alias page", the home
        page of a new language) shows its source's content, in the source's
        language. One query for every alias in memory at once.
        """
        if page.alias_of_id is None:
            return None
        if page.pk not in self._alias_locales:
            pending = {page.pk: page.alias_of_id}
            for known in self._pages.values():
                if known is not None and known.alias_of_id is not None:
                    pending.setdefault(known.pk, known.alias_of_id)
            pending = {
                pk: source
                for pk, source in pending.items()
                if pk not in self._alias_locales
            }
            source_locales = dict(
                Page.objects.filter(pk__in=set(pending.values())).values_list(
                    "pk", "locale_id"
                )
            )
            for pk, source in pending.items():
                self._alias_locales[pk] = source_locales.get(source)
        source_locale_id = self._alias_locales[page.pk]
        return source_locale_id if source_locale_id != page.locale_id else None

    def page_url(self, page: Page) -> str | None:
        """``page.get_url(request)``, without a ``reverse()`` per page."""
        return self._urls.url(page)
