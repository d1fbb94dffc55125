"""Translation state in the API: per page, and as a report for one language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import graphene
from django.core.exceptions import FieldDoesNotExist
from graphene.utils.str_converters import to_camel_case
from wagtail.fields import StreamField

from content.translation import status as translation_status


class TranslationState(graphene.Enum):
    """Where an object stands in one language."""

    SOURCE = translation_status.SOURCE
    UNTRANSLATED = translation_status.UNTRANSLATED
    IN_REVIEW = translation_status.IN_REVIEW
    IN_PROGRESS = translation_status.IN_PROGRESS
    OUT_OF_DATE = translation_status.OUT_OF_DATE
    TRANSLATED = translation_status.TRANSLATED

    @property
    def description(self) -> str:
        return {
            "SOURCE": "This language is the one the object is translated from.",
            "UNTRANSLATED": "No version exists in this language, or only an "
            "alias showing the source's content in the source's language.",
            "IN_REVIEW": "A version in this language waits for the medical "
            "review; readers get the previously published version, if any.",
            "IN_PROGRESS": "A version exists but is not live or not complete.",
            "OUT_OF_DATE": "The source's content changed since the translation "
            "was synced.",
            "TRANSLATED": "Live, complete and in step with its source.",
        }[self.name]


class TranslationStatus(graphene.ObjectType):
    """An object's translation in one content language."""

    locale = graphene.String(required=True, description="Language code.")
    state = graphene.Field(TranslationState, required=True)
    is_source = graphene.Boolean(
        required=True, description="This language is the translation source."
    )
    has_live_translation = graphene.Boolean(
        required=True, description="A live, public version exists in this language."
    )
    is_stale = graphene.Boolean(
        required=True,
        description="The source's text or synchronised fields changed since this "
        "translation was last synced with it (publishing the source again "
        "unchanged does not count).",
    )
    percent_translated = graphene.Float(
        required=True,
        description="Share of the source's text segments translated, 0 to 100.",
    )
    last_updated_at = graphene.DateTime(
        description="When this language's version was last published or its "
        "translated text last changed."
    )

    @staticmethod
    def resolve_locale(status: Any, info: Any) -> str:
        return status.locale_code

    @staticmethod
    def resolve_state(status: Any, info: Any) -> str:
        return status.state


class UntranslatedPart(graphene.ObjectType):
    """A place on a page where text is shown in the page's source language."""

    field = graphene.String(
        required=True,
        description="The page field, as this API names it: 'title', 'summary', "
        "'body', 'outlookHeading', ... (reviewer fields appear under "
        "medicalReview).",
    )
    block_id = graphene.String(
        description="For a StreamField: the id of the top-level block holding "
        "the text, as in body { id }. Null for other fields."
    )
    segments = graphene.Int(
        required=True,
        description="How many text segments (sentences, headings, list items, "
        "...) of this field or block are untranslated.",
    )


def untranslated_parts(model: type, paths: Iterable[str]) -> list[UntranslatedPart]:
    """Group untranslated segments by field and top-level block, in order."""
    counts: dict[tuple[str, str | None], int] = {}
    for path in paths:
        name, *rest = path.split(".")
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        block_id = rest[0] if rest and isinstance(field, StreamField) else None
        place = (to_camel_case(name), block_id)
        counts[place] = counts.get(place, 0) + 1
    return [
        UntranslatedPart(field=name, block_id=block_id, segments=n)
        for (name, block_id), n in counts.items()
    ]


class TranslationReportItem(graphene.ObjectType):
    """A translatable page, snippet or setting, in the report's language."""

    kind = graphene.String(required=True, description="page, snippet or setting.")
    type_name = graphene.String(
        required=True, description="Model name, e.g. 'CausePage', 'SiteChrome'."
    )
    title = graphene.String(required=True, description="Title in the source language.")
    slug = graphene.String(description="Pages only.")
    source_locale = graphene.String(
        required=True,
        description="Language the object is translated from (its original).",
    )
    status = graphene.Field(TranslationStatus, required=True)

    @staticmethod
    def resolve_title(item: Any, info: Any) -> str:
        return getattr(item.instance, "title", None) or str(item.instance)

    @staticmethod
    def resolve_slug(item: Any, info: Any) -> str | None:
        return getattr(item.instance, "slug", None)

    @staticmethod
    def resolve_source_locale(item: Any, info: Any) -> str:
        return item.source_locale.language_code


class TranslationReport(graphene.ObjectType):
    """Coverage of one language over everything the public can read."""

    locale = graphene.String(required=True)
    items = graphene.List(graphene.NonNull(TranslationReportItem), required=True)
    total = graphene.Int(required=True)
    translated = graphene.Int(required=True)
    in_review = graphene.Int(
        required=True, description="Items waiting for the medical review."
    )
    in_progress = graphene.Int(required=True)
    out_of_date = graphene.Int(required=True)
    untranslated = graphene.Int(required=True)
    percent_translated = graphene.Float(
        required=True,
        description="Share of items translated and up to date, 0 to 100.",
    )

    @staticmethod
    def build(locale_code: str, items: list) -> TranslationReport:
        def count(state: str) -> int:
            return sum(1 for item in items if item.status.state == state)

        total = len(items)
        done = sum(
            1
            for item in items
            if item.status.state
            in (translation_status.TRANSLATED, translation_status.SOURCE)
        )
        return TranslationReport(
            locale=locale_code,
            items=items,
            total=total,
            translated=done,
            in_review=count(translation_status.IN_REVIEW),
            in_progress=count(translation_status.IN_PROGRESS),
            out_of_date=count(translation_status.OUT_OF_DATE),
            untranslated=count(translation_status.UNTRANSLATED),
            percent_translated=round(100.0 * done / total, 1) if total else 100.0,
        )
