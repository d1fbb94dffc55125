"""How far each page and snippet is translated, per content language.

One computation serves the translators' admin report and the API's
``translationStatus`` and ``translationReport``. It works on whole sets of
translation keys in a fixed number of queries, whatever their number (more
only the first time something is read that was saved before it was
recorded: a source's digest, a hand-made translation's comparison).

States, for one object in one language:

- ``source``: this language is the one the object is translated from;
- ``untranslated``: no version in this language exists, or only an alias of
  a page in another language (wagtail-localize's "Convert to alias page"),
  which shows that page's content in that language;
- ``in_progress``: a version exists but is not live, or not every segment of
  the source is translated yet;
- ``out_of_date``: the source's content changed since the translation was
  last synced with it (``content.translation.state``: its translated or
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

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Model, OuterRef
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from content.locales import default_locale
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


def _complete_digests(source_rows: list[dict]) -> None:
    """Fill in digests of sources synced before they were recorded, recording
    them now (see ``content.translation.state.records.ensure_digests``)."""
    from content.translation.state.records import ensure_digests

    missing = [
        row["pk"]
        for row in source_rows
        if row.get("digest_live") is None or row.get("unextracted") is None
    ]
    if not missing:
        return
    digests = ensure_digests(missing)
    for row in source_rows:
        digest = digests.get(row["pk"])
        if digest is not None:
            row["digest_live"] = digest.live
            row["digest_synced"] = digest.synced
            row["unextracted"] = digest.unextracted


@dataclass(frozen=True)
class HandMade:
    """What a translation not synchronised by wagtail-localize left in its
    source language, by comparison with the source."""

    untranslated_paths: tuple[str, ...]
    #: Text segments of the translation in all (None: not known).
    segments: int | None

    @property
    def percent(self) -> float:
        if not self.segments:
            return 100.0
        done = self.segments - len(self.untranslated_paths)
        return round(100.0 * max(done, 0) / self.segments, 1)


def _texts(instance: Model) -> list[tuple[str, str]]:
    """(context path, text) of each text segment, as wagtail-localize would
    extract them, plus the items of lists in Wagtail's older format."""
    from content.translation.state.records import legacy_list_items

    texts = [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]
    streams = {
        f.name: list(f.value_from_object(instance).raw_data)
        for f in instance._meta.get_fields()
        if isinstance(f, StreamField)
    }
    return texts + legacy_list_items(type(instance), streams)


def compare_with_source(source: Model, translation: Model) -> HandMade:
    """A segment is untranslated when its text is the source's text at the
    same place (same field, block and position within it), the reader
    getting it in the source language, unless wagtail-localize holds that
    very text as its translation (a name or term that reads the same in
    both languages, translated before synchronisation stopped)."""
    source_texts: dict[str, list[str]] = defaultdict(list)
    for path, text in _texts(source):
        source_texts[path].append(text)
    seen: dict[str, int] = defaultdict(int)
    identical = []
    segments = 0
    for path, text in _texts(translation):
        index = seen[path]
        seen[path] += 1
        segments += 1
        same_place = source_texts.get(path, [])
        if index < len(same_place) and same_place[index] == text:
            identical.append((path, text))
    kept_as_is = set()
    if identical:
        kept_as_is = set(
            StringTranslation.objects.filter(
                locale_id=translation.locale_id,
                context__object_id=translation.translation_key,
                context__path__in={path for path, _text in identical},
                has_error=False,
            ).values_list("context__path", "data")
        )
    untranslated = [path for path, text in identical if (path, text) not in kept_as_is]
    return HandMade(tuple(untranslated), segments)


def hand_made(model: type[Model], pairs: dict[Any, Any]) -> dict[Any, HandMade]:
    """For translations that wagtail-localize does not synchronise (pk of the
    translation: pk of its source version), what their current version left
    in the source language.

    For pages, the result is kept with the revision it describes (the live
    one, else the latest), so each revision is compared once; a revision
    wagtail-localize saved keeps what it recorded. Snippets are compared on
    each call.
    """
    from content.translation.state.models import TranslatedRevision

    if not pairs:
        return {}
    result: dict[Any, HandMade] = {}
    if not issubclass(model, Page):
        instances = model._default_manager.in_bulk([*pairs, *pairs.values()])
        for pk, source_pk in pairs.items():
            if pk in instances and source_pk in instances:
                result[pk] = compare_with_source(instances[source_pk], instances[pk])
        return result

    # An alias shows its source's content and is not compared: it is not
    # partly translated but served in the source language as a whole.
    served = {
        row["pk"]: row["live_revision_id"] if row["live"] else row["latest_revision_id"]
        for row in Page.objects.filter(pk__in=pairs, alias_of__isnull=True).values(
            "pk", "live", "live_revision_id", "latest_revision_id"
        )
    }
    recorded = {
        row["revision_id"]: row
        for row in TranslatedRevision.objects.filter(
            revision_id__in=[r for r in served.values() if r]
        ).values("revision_id", "untranslated_paths", "segments")
    }
    missing = []
    for pk, revision_id in served.items():
        record = recorded.get(revision_id)
        if record is None:
            missing.append(pk)
        else:
            result[pk] = HandMade(
                tuple(record["untranslated_paths"]), record["segments"]
            )
    if not missing:
        return result
    versions = Page.objects.filter(
        pk__in=[*missing, *(pairs[pk] for pk in missing)]
    ).specific()
    versions = {page.pk: page for page in versions}
    for pk in missing:
        translation, source = versions.get(pk), versions.get(pairs[pk])
        if translation is None or source is None:
            continue
        if not translation.live:
            translation = translation.get_latest_revision_as_object()
        found = result[pk] = compare_with_source(source, translation)
        if served[pk] is None:
            continue
        try:
            with transaction.atomic():
                TranslatedRevision.objects.get_or_create(
                    revision_id=served[pk],
                    defaults={
                        "untranslated_paths": list(found.untranslated_paths),
                        "segments": found.segments,
                    },
                )
        except IntegrityError:
            pass  # recorded by a concurrent request meanwhile
    return result


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
    # A page's alias: the language of the page it shows (same query, a join).
    aliases = {"alias_locale_id": F("alias_of__locale_id")} if base is Page else {}
    instances = instances.annotate(is_public=Exists(gate)).values(
        "pk",
        "translation_key",
        "locale_id",
        "is_public",
        *(["live", "last_published_at"] if has_live else []),
        **aliases,
    )
    by_key: dict[Any, dict[int, dict]] = defaultdict(dict)
    for row in instances:
        row.setdefault("live", True)
        row.setdefault("last_published_at", None)
        alias_locale_id = row.pop("alias_locale_id", None)
        # An alias of a page in another language (wagtail-localize's "Convert
        # to alias page") shows that page's content in that language: it is
        # no translation, and the language is counted as untranslated.
        row["is_alias"] = alias_locale_id not in (None, row["locale_id"])
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
        unextracted=F("content_digest__unextracted"),
    ):
        sources[row["object_id"]].append(row)
    _complete_digests([row for rows in sources.values() for row in rows])
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

    def source_for(key: Any, source_locale_id: int, locale_id: int) -> dict | None:
        """The source this language is translated from: the one with a
        translation record for it (an object may be translated from more than
        one language), else the group's own source."""
        key_sources = {row["locale_id"]: row for row in sources.get(key, [])}
        return next(
            (
                candidate
                for candidate in sorted(
                    key_sources.values(),
                    key=lambda r: r["locale_id"] != source_locale_id,
                )
                if (candidate["pk"], locale_id) in records
            ),
            key_sources.get(source_locale_id),
        )

    # Translations that wagtail-localize does not keep in sync: judged by
    # comparing their text with their source's (``hand_made``).
    source_locales: dict[Any, int] = {}
    by_hand: dict[Any, Any] = {}
    for key in keys:
        versions = by_key.get(key, {})
        source_locales[key] = _source_locale_id(
            versions, sources.get(key, []), default_locale.pk
        )
        source_row = versions.get(source_locales[key])
        for locale in locales:
            row = versions.get(locale.pk)
            if row is None or source_row is None or row is source_row:
                continue
            if row["is_alias"]:
                continue  # shows its source: nothing of its own to compare
            source = source_for(key, source_locales[key], locale.pk)
            record = records.get((source["pk"], locale.pk)) if source else None
            if not (record and record["enabled"]):
                by_hand[row["pk"]] = source_row["pk"]
    hand_made_versions = hand_made(base, by_hand)

    result: dict[Any, dict[int, LocaleStatus]] = {}
    for key in keys:
        versions = by_key.get(key, {})
        source_locale_id = source_locales[key]
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
            source = source_for(key, source_locale_id, locale.pk)
            record = records.get((source["pk"], locale.pk)) if source else None
            total = totals.get(source["pk"], 0) if source else 0
            if source:
                total += len(source["unextracted"] or ())
            translated = done.get((source["pk"], locale.pk), 0) if source else 0
            by_hand_version = hand_made_versions.get(row["pk"]) if row else None
            if by_hand_version is not None and by_hand_version.segments is not None:
                percent = by_hand_version.percent
            elif total:
                percent = round(100.0 * translated / total, 1)
            else:
                percent = 100.0 if row else 0.0
            stale = bool(
                row
                and record
                and record["enabled"]
                and _is_stale(source, versions.get(source["locale_id"]))
            )
            if row is not None and row["is_alias"]:
                # Nothing of this language is shown; when it was last changed
                # is that of its translation record, as for a missing version.
                row, live, stale = None, False, False
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
    draft is kept in a revision only (``content.translation.review``). A page
    that was never published holds the latest translation saved.
    """
    if page.live:
        return recorded.get(page.live_revision_id)
    return recorded.get(page.latest_revision_id)


def coverage(pages: Iterable[Page]) -> dict[int, Coverage]:
    """For each page: the language it is translated from, and which of its
    text segments were left in that language when its content was saved.

    A page that is no translation (a source, or a page written directly in
    its language) has nothing untranslated. A translation wagtail-localize
    synchronises has what its revision recorded, plus any source text it
    cannot extract (lists in Wagtail's older format). Any other translation
    (its synchronisation stopped, or copied with Wagtail's *Translate* and
    edited by hand) is compared with its source (``hand_made``). Costs a few
    queries for any number of pages, plus one per language for translations
    saved before revisions were recorded.
    """
    from content.translation.state.models import TranslatedRevision
    from content.translation.state.records import untranslated_paths

    pages = list(pages)
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    # (key, target language) -> (source id, source language, enabled)
    translated_from: dict[tuple[Any, int], tuple[int, int, bool]] = {}
    source_rows: dict[int, dict] = {}
    for row in TranslationSource.objects.filter(object_id__in=keys).values(
        "pk",
        "object_id",
        "locale_id",
        "translations__target_locale_id",
        "translations__enabled",
        digest_live=F("content_digest__live"),
        unextracted=F("content_digest__unextracted"),
    ):
        source_rows.setdefault(row["pk"], row)
        if row["translations__target_locale_id"] is None:
            continue
        place = (row["object_id"], row["translations__target_locale_id"])
        known = translated_from.get(place)
        if known is None or (row["translations__enabled"] and not known[2]):
            translated_from[place] = (
                row["pk"],
                row["locale_id"],
                row["translations__enabled"],
            )
    source_places = {
        (row["object_id"], row["locale_id"]) for row in source_rows.values()
    }

    def origin(page: Page) -> tuple[int, int, bool] | None:
        found = translated_from.get((page.translation_key, page.locale_id))
        return found if found and found[1] != page.locale_id else None

    synced = [page for page in pages if (found := origin(page)) and found[2]]
    synced_pks = {page.pk for page in synced}
    others = [
        page
        for page in pages
        if page.pk not in synced_pks
        and (
            origin(page) or (page.translation_key, page.locale_id) not in source_places
        )
    ]
    _complete_digests(list(source_rows.values()))

    revision_ids = {
        revision_id
        for page in synced
        for revision_id in (page.live_revision_id, page.latest_revision_id)
        if revision_id
    }
    recorded = {
        row["revision_id"]: row
        for row in TranslatedRevision.objects.filter(
            revision_id__in=revision_ids
        ).values("revision_id", "revision__created_at", "untranslated_paths")
    }

    result: dict[int, Coverage] = {page.pk: Coverage(page.locale_id) for page in pages}
    unrecorded: dict[int, list[tuple[Page, int, int]]] = defaultdict(list)

    def with_unextracted(source_id: int, paths: Iterable[str]) -> tuple[str, ...]:
        paths = list(paths)
        unextracted = source_rows[source_id]["unextracted"] or []
        return tuple(paths + [p for p in unextracted if p not in set(paths)])

    for page in synced:
        source_id, source_locale_id, _enabled = origin(page)
        record = _revision_record(page, recorded)
        if record is not None:
            result[page.pk] = Coverage(
                source_locale_id,
                with_unextracted(source_id, record["untranslated_paths"]),
            )
        else:
            unrecorded[page.locale_id].append((page, source_id, source_locale_id))
    # Saved before revisions were recorded: judge by the strings translated
    # now, the closest available to what the page was saved with.
    for locale_id, group in unrecorded.items():
        paths = untranslated_paths(
            {source_id for _p, source_id, _l in group}, locale_id
        )
        for page, source_id, source_locale_id in group:
            result[page.pk] = Coverage(
                source_locale_id, with_unextracted(source_id, paths[source_id])
            )

    if not others:
        return result
    # Not synchronised by wagtail-localize: find the version each is
    # translated from, and compare.
    versions: dict[Any, dict[int, dict]] = defaultdict(dict)
    for row in Page.objects.filter(
        translation_key__in={page.translation_key for page in others}
    ).values("pk", "translation_key", "locale_id"):
        versions[row["translation_key"]][row["locale_id"]] = row
    default_locale_id = None
    pairs: dict[int, int] = {}
    source_locales: dict[int, int] = {}
    for page in others:
        group = versions[page.translation_key]
        found = origin(page)
        if found is not None:
            source_locale_id = found[1]
        elif len(group) < 2:
            continue  # written in its own language, never translated
        else:
            if default_locale_id is None:
                default_locale_id = default_locale().pk
            source_locale_id = _source_locale_id(
                group,
                [
                    r
                    for r in source_rows.values()
                    if r["object_id"] == page.translation_key
                ],
                default_locale_id,
            )
        source_version = group.get(source_locale_id)
        if source_locale_id == page.locale_id or source_version is None:
            continue
        pairs[page.pk] = source_version["pk"]
        source_locales[page.pk] = source_locale_id
    for pk, found in hand_made(Page, pairs).items():
        result[pk] = Coverage(source_locales[pk], found.untranslated_paths)
    return result
