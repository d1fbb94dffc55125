"""How far each page and snippet is translated, per content language.

One computation serves the translators' admin report and the API's
``translationStatus`` and ``translationReport``. It works on whole sets of
translation keys in a fixed number of queries, whatever their number.

States, for one object in one language:

- ``source``: this language is the one the object is translated from;
- ``untranslated``: no version in this language exists;
- ``in_progress``: a version exists but is not live, or not every segment of
  the source is translated yet;
- ``out_of_date``: the source's content changed since the translation was
  last synced with it (``content.translation_state``: its translated or
  synchronised fields differ, not merely its publication date), so the
  change has not reached this language;
- ``translated``: live, complete and in step with its source.

Every object is seen from its own source: the language it was first written
in and is translated from, whichever that is (see ``_source_locale_id``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, F, Model, OuterRef
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from content.visibility import content_pages, visible_pages, visible_snippets

SOURCE = "source"
UNTRANSLATED = "untranslated"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
TRANSLATED = "translated"

STATE_LABELS = {
    SOURCE: "Source",
    UNTRANSLATED: "Untranslated",
    IN_PROGRESS: "In progress",
    OUT_OF_DATE: "Out of date",
    TRANSLATED: "Translated",
}


@dataclass(frozen=True)
class LocaleStatus:
    """One object's translation state in one language."""

    locale: Locale
    state: str
    has_live_translation: bool
    is_stale: bool
    percent_translated: float
    last_updated_at: datetime | None
    #: For the admin: the object in this language and its translation record.
    instance_pk: Any = None
    translation_pk: int | None = None

    @property
    def locale_code(self) -> str:
        return self.locale.language_code

    @property
    def is_source(self) -> bool:
        return self.state == SOURCE

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass
class ReportItem:
    """A translatable page, snippet or setting, seen from one language."""

    kind: str
    instance: Model
    status: LocaleStatus
    source_locale: Locale
    type_name: str = field(default="")


def _translation_model(model: type[Model]) -> type[Model]:
    return Page if issubclass(model, Page) else model.get_translation_model()


def _source_locale_id(
    versions: dict[int, dict], sources: list[dict], default_locale_id: int
) -> int:
    """The language a translation group is translated from.

    That of its wagtail-localize source (the default language's if it has
    several) while that version exists; without one, the default language if
    the group has a version there, else the language of its oldest version.
    """
    existing = [row for row in sources if row["locale_id"] in versions]
    if existing:
        preferred = [r for r in existing if r["locale_id"] == default_locale_id]
        return (preferred or sorted(existing, key=lambda r: r["pk"]))[0]["locale_id"]
    if default_locale_id in versions or not versions:
        return default_locale_id
    return min(versions.values(), key=lambda row: row["pk"])["locale_id"]


def _is_stale(source: dict, source_row: dict | None) -> bool:
    """Whether the source changed since it was last synced to translations."""
    if source["digest_live"] and source["digest_synced"]:
        return source["digest_live"] != source["digest_synced"]
    # Synced before digests were recorded: fall back on the publication date.
    return bool(
        source_row
        and source_row["last_published_at"]
        and source_row["last_published_at"] > source["last_updated_at"]
    )


def statuses(
    model: type[Model],
    keys: Iterable[Any],
    locales: list[Locale],
    *,
    public: bool,
) -> dict[Any, dict[int, LocaleStatus]]:
    """The state of every translation group in ``keys``, for every locale.

    ``public`` counts only versions the public may see as live (the API's
    view); otherwise any live version counts (the admin's view).
    """
    keys = set(keys)
    if not keys:
        return {}
    base = _translation_model(model)
    instances = base._default_manager.filter(translation_key__in=keys)
    if issubclass(base, Page):
        gate = visible_pages(Page.objects.filter(pk=OuterRef("pk")))
    else:
        gate = visible_snippets(base).filter(pk=OuterRef("pk"))
    has_live = "live" in {f.name for f in base._meta.get_fields()}
    instances = instances.annotate(is_public=Exists(gate)).values(
        "pk",
        "translation_key",
        "locale_id",
        "is_public",
        *(["live", "last_published_at"] if has_live else []),
    )
    by_key: dict[Any, dict[int, dict]] = defaultdict(dict)
    for row in instances:
        row.setdefault("live", True)
        row.setdefault("last_published_at", None)
        by_key[row["translation_key"]][row["locale_id"]] = row

    default_locale = locales[0]
    sources: dict[Any, list[dict]] = defaultdict(list)
    for row in TranslationSource.objects.filter(object_id__in=keys).values(
        "pk",
        "object_id",
        "locale_id",
        "last_updated_at",
        digest_live=F("content_digest__live"),
        digest_synced=F("content_digest__synced"),
    ):
        sources[row["object_id"]].append(row)
    source_ids = [row["pk"] for rows in sources.values() for row in rows]

    records: dict[tuple[int, int], dict] = {}
    for row in Translation.objects.filter(source_id__in=source_ids).values(
        "pk", "source_id", "target_locale_id", "enabled", "translations_last_updated_at"
    ):
        records[(row["source_id"], row["target_locale_id"])] = row

    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    done: dict[tuple[int, int], int] = {}
    for source_id, locale_id, n in (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
            string__translations__locale_id__in=[loc.pk for loc in locales],
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "string__translations__locale_id", "n")
    ):
        done[(source_id, locale_id)] = n

    result: dict[Any, dict[int, LocaleStatus]] = {}
    for key in keys:
        versions = by_key.get(key, {})
        source_locale_id = _source_locale_id(
            versions, sources.get(key, []), default_locale.pk
        )
        key_sources = {row["locale_id"]: row for row in sources.get(key, [])}
        result[key] = {}
        for locale in locales:
            row = versions.get(locale.pk)
            live = bool(row and row["live"] and (row["is_public"] or not public))
            if locale.pk == source_locale_id:
                result[key][locale.pk] = LocaleStatus(
                    locale=locale,
                    state=SOURCE,
                    has_live_translation=live,
                    is_stale=False,
                    percent_translated=100.0,
                    last_updated_at=row["last_published_at"] if row else None,
                    instance_pk=row["pk"] if row else None,
                )
                continue
            # The source this language is translated from: the one with a
            # translation record for it (an object may be translated from
            # more than one language), else the group's own source.
            source = next(
                (
                    candidate
                    for candidate in sorted(
                        key_sources.values(),
                        key=lambda r: r["locale_id"] != source_locale_id,
                    )
                    if (candidate["pk"], locale.pk) in records
                ),
                key_sources.get(source_locale_id),
            )
            record = records.get((source["pk"], locale.pk)) if source else None
            total = totals.get(source["pk"], 0) if source else 0
            translated = done.get((source["pk"], locale.pk), 0) if source else 0
            if total:
                percent = round(100.0 * translated / total, 1)
            else:
                percent = 100.0 if row else 0.0
            stale = bool(
                row
                and record
                and record["enabled"]
                and _is_stale(source, versions.get(source["locale_id"]))
            )
            if row is None:
                state = UNTRANSLATED
                percent = 0.0
            elif stale:
                state = OUT_OF_DATE
            elif not live or percent < 100:
                state = IN_PROGRESS
            else:
                state = TRANSLATED
            times = [
                t
                for t in (
                    row["last_published_at"] if row else None,
                    record["translations_last_updated_at"] if record else None,
                )
                if t is not None
            ]
            result[key][locale.pk] = LocaleStatus(
                locale=locale,
                state=state,
                has_live_translation=live,
                is_stale=stale,
                percent_translated=percent,
                last_updated_at=max(times) if times else None,
                instance_pk=row["pk"] if row else None,
                translation_pk=record["pk"] if record else None,
            )
    return result


def translatable_snippet_models() -> list[type[Model]]:
    return [
        model for model in get_snippet_models() if issubclass(model, TranslatableMixin)
    ]


def _source_of(states: dict[int, LocaleStatus]) -> LocaleStatus | None:
    """The status of the source language (None if it is not a content language)."""
    return next((status for status in states.values() if status.is_source), None)


def _source_pks(candidates: dict[Any, Any], states: dict) -> list[Any]:
    """Which of the candidate objects (pk: translation key) are sources."""
    return [
        pk
        for pk, key in candidates.items()
        if (source := _source_of(states[key])) is not None and source.instance_pk == pk
    ]


def report(
    locale: Locale,
    locales: list[Locale],
    *,
    public: bool,
    source_pages: Iterable[Page] | None = None,
) -> list[ReportItem]:
    """Every translatable page, snippet and setting, with its state in ``locale``.

    Each object is listed once, as its source version, whichever language
    that is, with its state relative to that source: in the public view, only
    objects whose source the public may see; in the admin, drafts too.
    ``source_pages`` limits the pages to those given.
    """
    items = []
    if source_pages is None:
        pages = content_pages(Page.objects.filter(depth__gt=1))
        if public:
            pages = visible_pages(pages)
        candidates = dict(pages.values_list("pk", "translation_key"))
    else:
        candidates = {page.pk: page.translation_key for page in source_pages}
    page_states = statuses(Page, set(candidates.values()), locales, public=public)
    sources = _source_pks(candidates, page_states)
    for page in Page.objects.filter(pk__in=sources).specific().order_by("path"):
        states = page_states[page.translation_key]
        items.append(
            ReportItem(
                kind="page",
                instance=page,
                status=states[locale.pk],
                source_locale=_source_of(states).locale,
                type_name=type(page).__name__,
            )
        )
    for model in translatable_snippet_models():
        snippets = visible_snippets(model) if public else model._default_manager.all()
        candidates = dict(snippets.values_list("pk", "translation_key"))
        snippet_states = statuses(
            model, set(candidates.values()), locales, public=public
        )
        sources = _source_pks(candidates, snippet_states)
        for snippet in model._default_manager.filter(pk__in=sources).order_by("pk"):
            states = snippet_states[snippet.translation_key]
            items.append(
                ReportItem(
                    kind=getattr(model, "translation_report_kind", "snippet"),
                    instance=snippet,
                    status=states[locale.pk],
                    source_locale=_source_of(states).locale,
                    type_name=model.__name__,
                )
            )
    return items


# What a served page shows in the source language ----------------------------


@dataclass(frozen=True)
class Coverage:
    """Which text of a page, as served, is still in its source language."""

    source_locale_id: int
    #: wagtail-localize context path of each untranslated segment, in order.
    untranslated_paths: tuple[str, ...] = ()


def _revision_record(page: Page, recorded: dict[int, dict]) -> dict | None:
    """The record of the revision whose content the page row holds.

    A live page's row holds its published revision: a translation saved as a
    draft is kept in a revision only (``content.translation_review``). A page
    that was never published holds the latest translation saved.
    """
    if page.live:
        return recorded.get(page.live_revision_id)
    return recorded.get(page.latest_revision_id)


def coverage(pages: Iterable[Page]) -> dict[int, Coverage]:
    """For each page: the language it is translated from, and which of its
    text segments were left in that language when its content was saved.

    A page that is not a wagtail-localize translation (a source, or a page
    written directly in its language) has nothing untranslated. Costs two
    queries for any number of pages, plus one per language for translations
    saved before revisions were recorded.
    """
    from content.translation_state.models import TranslatedRevision
    from content.translation_state.records import untranslated_paths

    pages = list(pages)
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    # (key, target language) -> (source id, source language, enabled)
    translated_from: dict[tuple[Any, int], tuple[int, int, bool]] = {}
    for row in TranslationSource.objects.filter(
        object_id__in=keys, translations__isnull=False
    ).values(
        "pk",
        "object_id",
        "locale_id",
        "translations__target_locale_id",
        "translations__enabled",
    ):
        place = (row["object_id"], row["translations__target_locale_id"])
        known = translated_from.get(place)
        if known is None or (row["translations__enabled"] and not known[2]):
            translated_from[place] = (
                row["pk"],
                row["locale_id"],
                row["translations__enabled"],
            )

    def origin(page: Page) -> tuple[int, int, bool] | None:
        found = translated_from.get((page.translation_key, page.locale_id))
        return found if found and found[1] != page.locale_id else None

    revision_ids = {
        revision_id
        for page in pages
        if origin(page)
        for revision_id in (page.live_revision_id, page.latest_revision_id)
        if revision_id
    }
    recorded = {
        row["revision_id"]: row
        for row in TranslatedRevision.objects.filter(
            revision_id__in=revision_ids
        ).values("revision_id", "revision__created_at", "untranslated_paths")
    }

    result: dict[int, Coverage] = {}
    unrecorded: dict[int, list[tuple[Page, int, int]]] = defaultdict(list)
    for page in pages:
        found = origin(page)
        if found is None:
            result[page.pk] = Coverage(page.locale_id)
            continue
        source_id, source_locale_id, enabled = found
        record = _revision_record(page, recorded)
        if record is not None:
            result[page.pk] = Coverage(
                source_locale_id, tuple(record["untranslated_paths"])
            )
        elif enabled:
            unrecorded[page.locale_id].append((page, source_id, source_locale_id))
        else:
            # A manual translation: what it says is the translator's.
            result[page.pk] = Coverage(source_locale_id)
    # Saved before revisions were recorded: judge by the strings translated
    # now, the closest available to what the page was saved with.
    for locale_id, group in unrecorded.items():
        paths = untranslated_paths(
            {source_id for _p, source_id, _l in group}, locale_id
        )
        for page, source_id, source_locale_id in group:
            result[page.pk] = Coverage(source_locale_id, tuple(paths[source_id]))
    return result
