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
- ``in_review``: a version exists and waits for the medical review (its
  workflow is in progress), whatever its share of translated segments: the
  translator's part is done until the reviewer approves or asks for changes;
- ``in_progress``: a version exists but is not live, or not every segment of
  the source is translated yet;
- ``out_of_date``: the source's content changed since the translation was
  last synced with it (``content.translation.state``: its translated or
  synchronised fields differ, not merely its publication date), so the
  change has not reached this language;
- ``translated``: live, complete and in step with its source.

Every object is seen from its own source: the language it was first written
in and is translated from, whichever that is (see
``content.translation.sources.source_locale_id``).

The decision for one object in one language (``locale_status``) is a pure
function of the rows ``statuses`` loads once: its versions, wagtail-localize's
sources and translation records (``content.translation.sources``) and the
counts of translated segments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, F, Model, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment

from content.translation.coverage import HandMade, hand_made
from content.translation.sources import Record, Source, load_sources, source_locale_id
from content.visibility import content_pages, visible_pages, visible_snippets

SOURCE = "source"
UNTRANSLATED = "untranslated"
IN_REVIEW = "in_review"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
TRANSLATED = "translated"

STATE_LABELS = {
    SOURCE: pgettext_lazy("translation state", "Source"),
    UNTRANSLATED: pgettext_lazy("translation state", "Untranslated"),
    IN_REVIEW: pgettext_lazy("translation state", "In review"),
    IN_PROGRESS: pgettext_lazy("translation state", "In progress"),
    OUT_OF_DATE: pgettext_lazy("translation state", "Out of date"),
    TRANSLATED: pgettext_lazy("translation state", "Translated"),
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


@dataclass(frozen=True)
class Version:
    """A translation group's page or snippet in one language."""

    pk: Any
    locale_id: int
    live: bool = True
    #: The public may see it (``content.visibility``).
    is_public: bool = True
    last_published_at: datetime | None = None
    #: An alias of a page in another language (wagtail-localize's "Convert to
    #: alias page"): it shows that page's content in that language, so it is
    #: no translation and the language counts as untranslated.
    is_alias: bool = False
    #: It waits for the medical review (a workflow in progress).
    in_review: bool = False


def _load_versions(base: type[Model], keys: set[Any]) -> dict[Any, dict[int, Version]]:
    """Every version of these groups, by key and language (one query)."""
    instances = base._default_manager.filter(translation_key__in=keys)
    if issubclass(base, Page):
        gate = visible_pages(Page.objects.filter(pk=OuterRef("pk")))
    else:
        gate = visible_snippets(base).filter(pk=OuterRef("pk"))
    has_live = "live" in {f.name for f in base._meta.get_fields()}
    # A page's alias: the language of the page it shows (same query, a join).
    aliases = {"alias_locale_id": F("alias_of__locale_id")} if base is Page else {}
    reviews = {}
    if issubclass(base, WorkflowMixin):
        reviews["in_review"] = Exists(
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(base),
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
                status=WorkflowState.STATUS_IN_PROGRESS,
            )
        )
    rows = instances.annotate(is_public=Exists(gate), **reviews).values(
        "pk",
        "translation_key",
        "locale_id",
        "is_public",
        *reviews,
        *(["live", "last_published_at"] if has_live else []),
        **aliases,
    )
    versions: dict[Any, dict[int, Version]] = defaultdict(dict)
    for row in rows:
        alias_locale_id = row.get("alias_locale_id")
        versions[row["translation_key"]][row["locale_id"]] = Version(
            pk=row["pk"],
            locale_id=row["locale_id"],
            live=row.get("live", True),
            is_public=row["is_public"],
            last_published_at=row.get("last_published_at"),
            is_alias=alias_locale_id not in (None, row["locale_id"]),
            in_review=row.get("in_review", False),
        )
    return versions


def _segment_counts(
    source_ids: list[int], locales: list[Locale]
) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Per source, its segments; per (source, language), those translated."""
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
    return totals, done


# The decision, for one object in one language (no database) -----------------


def is_stale(source: Source, source_version: Version | None) -> bool:
    """Whether the source changed since it was last synced to translations
    (``source_version``: the object in the source's language)."""
    if source.digest_live and source.digest_synced:
        return source.digest_live != source.digest_synced
    # Synced before digests were recorded: fall back on the publication date.
    return bool(
        source_version
        and source_version.last_published_at
        and source.last_updated_at
        and source_version.last_published_at > source.last_updated_at
    )


def translation_source(
    sources: Iterable[Source],
    records: Mapping[tuple[int, int], Record],
    source_locale_id: int,
    locale_id: int,
) -> Source | None:
    """The source a language is translated from: the one with a translation
    record for it (an object may be translated from more than one language,
    the group's own source first), else the group's own source."""
    sources = sorted(sources, key=lambda s: s.locale_id != source_locale_id)
    with_record = [s for s in sources if (s.pk, locale_id) in records]
    if with_record:
        return with_record[0]
    return next((s for s in sources if s.locale_id == source_locale_id), None)


def is_hand_made(
    version: Version | None,
    source_version: Version | None,
    record: Record | None,
) -> bool:
    """Whether a version is a translation wagtail-localize does not keep in
    sync (none, or a disabled, translation record), to be judged by
    comparing its text with its source's (``coverage.hand_made``). An alias
    has nothing of its own to compare."""
    return bool(
        version is not None
        and source_version is not None
        and version.locale_id != source_version.locale_id
        and not version.is_alias
        and not (record and record.enabled)
    )


def locale_status(
    locale: Locale,
    version: Version | None,
    *,
    source_locale_id: int,
    public: bool,
    source: Source | None = None,
    source_version: Version | None = None,
    record: Record | None = None,
    segments: int = 0,
    translated: int = 0,
    compared: HandMade | None = None,
) -> LocaleStatus:
    """The state of one object in one language.

    ``version``: the object in that language (None: there is none);
    ``source_locale_id``: the language the group is translated from;
    ``source`` and ``record``: the wagtail-localize source this language is
    translated from and its translation record into it; ``source_version``:
    the object in that source's language; ``segments`` and ``translated``:
    the source's text segments and how many of them are translated into the
    language; ``compared``: for a version wagtail-localize does not sync,
    what comparing it with its source found. ``public``: only versions the
    public may see count as live.
    """
    live = bool(version and version.live and (version.is_public or not public))
    if locale.pk == source_locale_id:
        return LocaleStatus(
            locale=locale,
            state=SOURCE,
            has_live_translation=live,
            is_stale=False,
            percent_translated=100.0,
            last_updated_at=version.last_published_at if version else None,
            instance_pk=version.pk if version else None,
        )
    total = segments + len(source.unextracted or ()) if source else 0
    if compared is not None and compared.segments is not None:
        percent = compared.percent
    elif total:
        percent = round(100.0 * translated / total, 1)
    else:
        percent = 100.0 if version else 0.0
    stale = bool(
        version and record and record.enabled and is_stale(source, source_version)
    )
    if version is not None and version.is_alias:
        # Nothing of this language is shown; when it was last changed is that
        # of its translation record, as for a missing version.
        version, live, stale = None, False, False
    if version is None:
        state, percent = UNTRANSLATED, 0.0
    elif stale:
        state = OUT_OF_DATE
    elif version.in_review:
        state = IN_REVIEW
    elif not live or percent < 100:
        state = IN_PROGRESS
    else:
        state = TRANSLATED
    times = [
        t
        for t in (
            version.last_published_at if version else None,
            record.last_updated_at if record else None,
        )
        if t is not None
    ]
    return LocaleStatus(
        locale=locale,
        state=state,
        has_live_translation=live,
        is_stale=stale,
        percent_translated=percent,
        last_updated_at=max(times) if times else None,
        instance_pk=version.pk if version else None,
        translation_pk=record.pk if record else None,
    )


# ----------------------------------------------------------------------------


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
    versions = _load_versions(base, keys)
    sources = load_sources(keys)
    totals, done = _segment_counts([s.pk for s in sources.all()], locales)

    # Per group and language: the version, the source it is translated from
    # and its translation record.
    places: dict[Any, dict[int, tuple]] = {}
    source_locales: dict[Any, int] = {}
    by_hand: dict[Any, Any] = {}
    for key in keys:
        group = versions.get(key, {})
        source_locales[key] = source_locale_id(
            {locale_id: v.pk for locale_id, v in group.items()},
            sources.of(key),
            locales[0].pk,
        )
        own_version = group.get(source_locales[key])
        places[key] = {}
        for locale in locales:
            source = translation_source(
                sources.of(key), sources.records, source_locales[key], locale.pk
            )
            record = sources.record(source, locale.pk)
            places[key][locale.pk] = (group.get(locale.pk), source, record)
            if is_hand_made(group.get(locale.pk), own_version, record):
                by_hand[group[locale.pk].pk] = own_version.pk
    compared = hand_made(base, by_hand)

    result: dict[Any, dict[int, LocaleStatus]] = {}
    for key in keys:
        group = versions.get(key, {})
        result[key] = {}
        for locale in locales:
            version, source, record = places[key][locale.pk]
            result[key][locale.pk] = locale_status(
                locale,
                version,
                source_locale_id=source_locales[key],
                public=public,
                source=source,
                source_version=group.get(source.locale_id) if source else None,
                record=record,
                segments=totals.get(source.pk, 0) if source else 0,
                translated=done.get((source.pk, locale.pk), 0) if source else 0,
                compared=compared.get(version.pk) if version else None,
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
