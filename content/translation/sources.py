"""What wagtail-localize records of translation groups, loaded once.

A translation group (one ``translation_key``) has a ``TranslationSource`` per
language it was translated from, each with a ``Translation`` record per
language it is translated into. Both the translation status
(``content.translation.status``) and the coverage of served pages
(``content.translation.coverage``) read them through ``load_sources``: one
query for any number of groups, into the small typed rows below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django.db.models import F
from wagtail_localize.models import TranslationSource


@dataclass(frozen=True)
class Source:
    """A wagtail-localize source: one group's version in one language, as
    translations were last synced from it."""

    pk: int
    key: Any
    locale_id: int
    last_updated_at: datetime | None = None
    #: Digests of the source object now and as last synced (None: unknown).
    digest_live: str | None = None
    digest_synced: str | None = None
    #: Context paths of text wagtail-localize cannot offer (None: unknown).
    unextracted: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Record:
    """A wagtail-localize translation of a source into one language."""

    pk: int
    source_id: int
    source_locale_id: int
    key: Any
    locale_id: int
    #: Still synchronised with its source by wagtail-localize.
    enabled: bool = True
    last_updated_at: datetime | None = None


@dataclass(frozen=True)
class Sources:
    """The sources of some translation groups and their translation records."""

    by_key: Mapping[Any, tuple[Source, ...]]
    #: By (source pk, target language), in the order of their pks.
    records: Mapping[tuple[int, int], Record]
    by_pk: Mapping[int, Source]

    def all(self) -> list[Source]:
        return [source for sources in self.by_key.values() for source in sources]

    def of(self, key: Any) -> tuple[Source, ...]:
        return self.by_key.get(key, ())

    def record(self, source: Source | None, locale_id: int) -> Record | None:
        return self.records.get((source.pk, locale_id)) if source else None

    def translated_from(self) -> dict[tuple[Any, int], Record]:
        """(key, target language): the record a version in that language is
        synced from, an enabled one preferred."""
        found: dict[tuple[Any, int], Record] = {}
        for record in self.records.values():
            place = (record.key, record.locale_id)
            known = found.get(place)
            if known is None or (record.enabled and not known.enabled):
                found[place] = record
        return found


def load_sources(keys: Iterable[Any]) -> Sources:
    """The sources of these groups with their translation records (one
    query), digests filled in for sources synced before they were recorded
    (see ``content.translation.state.records.ensure_digests``)."""
    by_pk: dict[int, Source] = {}
    records: dict[tuple[int, int], Record] = {}
    for row in (
        TranslationSource.objects.filter(object_id__in=set(keys))
        .order_by("pk", "translations__pk")
        .values(
            "pk",
            "object_id",
            "locale_id",
            "last_updated_at",
            "translations__pk",
            "translations__target_locale_id",
            "translations__enabled",
            "translations__translations_last_updated_at",
            digest_live=F("content_digest__live"),
            digest_synced=F("content_digest__synced"),
            unextracted=F("content_digest__unextracted"),
        )
    ):
        if row["pk"] not in by_pk:
            unextracted = row["unextracted"]
            by_pk[row["pk"]] = Source(
                pk=row["pk"],
                key=row["object_id"],
                locale_id=row["locale_id"],
                last_updated_at=row["last_updated_at"],
                digest_live=row["digest_live"],
                digest_synced=row["digest_synced"],
                unextracted=None if unextracted is None else tuple(unextracted),
            )
        if row["translations__pk"] is not None:
            records[(row["pk"], row["translations__target_locale_id"])] = Record(
                pk=row["translations__pk"],
                source_id=row["pk"],
                source_locale_id=row["locale_id"],
                key=row["object_id"],
                locale_id=row["translations__target_locale_id"],
                enabled=row["translations__enabled"],
                last_updated_at=row["translations__translations_last_updated_at"],
            )
    by_pk = _with_digests(by_pk)
    by_key: dict[Any, tuple[Source, ...]] = {}
    for source in by_pk.values():
        by_key[source.key] = (*by_key.get(source.key, ()), source)
    return Sources(by_key, records, by_pk)


def _with_digests(by_pk: dict[int, Source]) -> dict[int, Source]:
    from content.translation.state.records import ensure_digests

    missing = [
        pk
        for pk, source in by_pk.items()
        if source.digest_live is None or source.unextracted is None
    ]
    if not missing:
        return by_pk
    digests = ensure_digests(missing)
    return {
        pk: replace(
            source,
            digest_live=digests[pk].live,
            digest_synced=digests[pk].synced,
            unextracted=tuple(digests[pk].unextracted or ()),
        )
        if pk in digests
        else source
        for pk, source in by_pk.items()
    }


def source_locale_id(
    version_pks: Mapping[int, Any], sources: Sequence[Source], default_locale_id: int
) -> int:
    """The language a translation group is translated from.

    ``version_pks``: the pk of the group's version in each language that has
    one. That of its wagtail-localize source (the default language's if it
    has several) while that version exists; without one, the default
    language if the group has a version there, else the language of its
    oldest version.
    """
    existing = [source for source in sources if source.locale_id in version_pks]
    if existing:
        preferred = [s for s in existing if s.locale_id == default_locale_id]
        return (preferred or sorted(existing, key=lambda s: s.pk))[0].locale_id
    if default_locale_id in version_pks or not version_pks:
        return default_locale_id
    return min(version_pks.items(), key=lambda item: item[1])[0]
