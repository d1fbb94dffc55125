"""What a served page shows in its source language.

A translation synchronised by wagtail-localize has what its revision
recorded when it was saved; any other translation (its synchronisation
stopped, or copied with Wagtail's *Translate* and edited by hand) is compared
with its source, text segment by text segment (``hand_made``). The
translation status (``content.translation.status``) uses the same
comparison for its percentages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Model
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.models import StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from content.locales import default_locale
from content.translation.sources import Record, Sources, load_sources, source_locale_id


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


def _with_unextracted(
    sources: Sources, source_id: int, paths: Iterable[str]
) -> tuple[str, ...]:
    """``paths`` and, after them, the source's text that wagtail-localize
    cannot offer (translations copy it in the source language)."""
    paths = list(paths)
    source = sources.by_pk[source_id]
    return tuple(paths + [p for p in source.unextracted or () if p not in set(paths)])


def coverage(pages: Iterable[Page]) -> dict[int, Coverage]:
    """For each page: the language it is translated from, and which of its
    text segments were left in that language when its content was saved.

    A page that is no translation (a source, or a page written directly in
    its language) has nothing untranslated. A translation wagtail-localize
    synchronises has what its revision recorded, plus any source text it
    cannot extract (lists in Wagtail's older format). Any other translation
    is compared with its source (``hand_made``). Costs a few queries for any
    number of pages, plus one per language for translations saved before
    revisions were recorded.
    """
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    sources = load_sources(keys)
    translated_from = sources.translated_from()

    def origin(page: Page) -> Record | None:
        found = translated_from.get((page.translation_key, page.locale_id))
        return found if found and found.source_locale_id != page.locale_id else None

    source_places = {(source.key, source.locale_id) for source in sources.all()}
    result = {page.pk: Coverage(page.locale_id) for page in pages}
    synced = [page for page in pages if (found := origin(page)) and found.enabled]
    result.update(_synced_coverage(synced, sources, origin))
    synced_pks = {page.pk for page in synced}
    others = [
        page
        for page in pages
        if page.pk not in synced_pks
        and (
            origin(page) or (page.translation_key, page.locale_id) not in source_places
        )
    ]
    result.update(_hand_made_coverage(others, sources, origin))
    return result


def _synced_coverage(
    pages: list[Page], sources: Sources, origin: Any
) -> dict[int, Coverage]:
    """Translations wagtail-localize synchronises: what their revision
    recorded, or, saved before revisions were recorded, the strings
    translated now (the closest available to what the page was saved with)."""
    from content.translation.state.models import TranslatedRevision
    from content.translation.state.records import untranslated_paths

    revision_ids = {
        revision_id
        for page in pages
        for revision_id in (page.live_revision_id, page.latest_revision_id)
        if revision_id
    }
    if not pages:
        return {}
    recorded = {
        row["revision_id"]: row
        for row in TranslatedRevision.objects.filter(
            revision_id__in=revision_ids
        ).values("revision_id", "revision__created_at", "untranslated_paths")
    }
    result: dict[int, Coverage] = {}
    unrecorded: dict[int, list[tuple[Page, Record]]] = defaultdict(list)
    for page in pages:
        record = origin(page)
        saved = _revision_record(page, recorded)
        if saved is None:
            unrecorded[page.locale_id].append((page, record))
            continue
        paths = _with_unextracted(
            sources, record.source_id, saved["untranslated_paths"]
        )
        result[page.pk] = Coverage(record.source_locale_id, paths)
    for locale_id, group in unrecorded.items():
        paths = untranslated_paths(
            {record.source_id for _p, record in group}, locale_id
        )
        for page, record in group:
            result[page.pk] = Coverage(
                record.source_locale_id,
                _with_unextracted(sources, record.source_id, paths[record.source_id]),
            )
    return result


def _hand_made_coverage(
    pages: list[Page], sources: Sources, origin: Any
) -> dict[int, Coverage]:
    """Translations not synchronised by wagtail-localize: find the version
    each is translated from, and compare."""
    if not pages:
        return {}
    versions: dict[Any, dict[int, int]] = defaultdict(dict)
    for pk, key, locale_id in Page.objects.filter(
        translation_key__in={page.translation_key for page in pages}
    ).values_list("pk", "translation_key", "locale_id"):
        versions[key][locale_id] = pk
    default_locale_id = None
    pairs: dict[int, int] = {}
    source_locales: dict[int, int] = {}
    for page in pages:
        group = versions[page.translation_key]
        found = origin(page)
        if found is not None:
            from_locale_id = found.source_locale_id
        elif len(group) < 2:
            continue  # written in its own language, never translated
        else:
            if default_locale_id is None:
                default_locale_id = default_locale().pk
            from_locale_id = source_locale_id(
                group, sources.of(page.translation_key), default_locale_id
            )
        if from_locale_id == page.locale_id or from_locale_id not in group:
            continue
        pairs[page.pk] = group[from_locale_id]
        source_locales[page.pk] = from_locale_id
    return {
        pk: Coverage(source_locales[pk], found.untranslated_paths)
        for pk, found in hand_made(Page, pairs).items()
    }
