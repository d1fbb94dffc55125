"""How far each page and snippet is translated, per content language.

One computation serves the translators' admin report and the API's
``translationStatus`` and ``translationReport``. It works on whole sets of
translation keys in a fixed number of queries, whatever their number.

States, for one object in one language:

- ``source``: this language is the one the object is translated from;
- ``untranslated``: no version in this language exists;
- ``in_progress``: a version exists but is not live, or not every segment of
  the source is translated yet;
- ``out_of_date``: the source was published again after the translation was
  last synced with it, so its changes have not reached this language;
- ``translated``: live, complete and in step with its source.
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

from content.visibility import visible_pages, visible_snippets

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
    sources: dict[Any, dict] = {}
    for row in TranslationSource.objects.filter(object_id__in=keys).values(
        "pk", "object_id", "locale_id", "last_updated_at"
    ):
        current = sources.get(row["object_id"])
        if current is None or row["locale_id"] == default_locale.pk:
            sources[row["object_id"]] = row
    source_ids = [row["pk"] for row in sources.values()]

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
        source = sources.get(key)
        source_locale_id = source["locale_id"] if source else default_locale.pk
        source_row = versions.get(source_locale_id)
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
                and source_row
                and source_row["last_published_at"]
                and source_row["last_published_at"] > source["last_updated_at"]
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


def report(
    locale: Locale,
    locales: list[Locale],
    *,
    public: bool,
    source_pages: Iterable[Page] | None = None,
) -> list[ReportItem]:
    """Every translatable page, snippet and setting, with its state in ``locale``.

    Items are the objects of the source (default) language: in the public
    view, only those the public may see; in the admin, drafts too.
    """
    source_locale = locales[0]
    if source_pages is None:
        pages = Page.objects.filter(locale=source_locale, depth__gt=1)
        if public:
            pages = visible_pages(pages)
        source_pages = pages.specific().order_by("path")
    source_pages = list(source_pages)
    items = []
    page_states = statuses(
        Page, (p.translation_key for p in source_pages), locales, public=public
    )
    for page in source_pages:
        items.append(
            ReportItem(
                kind="page",
                instance=page,
                status=page_states[page.translation_key][locale.pk],
                source_locale=source_locale,
                type_name=type(page).__name__,
            )
        )
    for model in translatable_snippet_models():
        snippets = model._default_manager.filter(locale=source_locale)
        if public:
            snippets = visible_snippets(model, locale=source_locale)
        snippets = list(snippets.order_by("pk"))
        snippet_states = statuses(
            model, (s.translation_key for s in snippets), locales, public=public
        )
        for snippet in snippets:
            items.append(
                ReportItem(
                    kind=getattr(model, "translation_report_kind", "snippet"),
                    instance=snippet,
                    status=snippet_states[snippet.translation_key][locale.pk],
                    source_locale=source_locale,
                    type_name=model.__name__,
                )
            )
    return items
