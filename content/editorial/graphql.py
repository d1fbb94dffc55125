"""Editorial facts every article page shows readers: its medical review, its
numbered references and the history of its publications.

The article models declare these fields in their ``graphql_fields`` (grapple
reads them from the model classes), so they live beside the editorial domain
rather than in the API package, which the models never import.

History lists published revisions only (when, and the public change note the
editor wrote); drafts, workflow comments and other internal notes are never
read. It is loaded for every page the request holds in one query.

A change note is written once, in the language of the page it describes,
and is not translated: translations carry their source's note (a
synchronised field), so each entry says the language of its note
(``changeNoteLocale``) for a frontend to label it. A note the same as the one
of the publication before it describes no new change (a translation
republished with its source's unchanged note) and is not repeated.
"""

from __future__ import annotations

from typing import Any

import graphene
from grapple.models import GraphQLField
from wagtail.models import PageLogEntry
from wagtail_localize.models import TranslationSource

from content.editorial.review import is_overdue
from content.reading import Reader


class MedicalReview(graphene.ObjectType):
    """Who checked the page's medical content, and when it is due again."""

    reviewed_by = graphene.String()
    credentials = graphene.String()
    last_reviewed = graphene.Date()
    next_review_due = graphene.Date()
    is_overdue = graphene.Boolean(required=True)


class Reference(graphene.ObjectType):
    """A source cited by the page, numbered in the order of the body."""

    number = graphene.Int(required=True)
    id = graphene.String(required=True, description="The reference block's id.")
    authors = graphene.String(required=True)
    title = graphene.String(required=True)
    publisher = graphene.String(description="Journal or publisher.")
    year = graphene.Int()
    doi = graphene.String()
    pubmed_id = graphene.String()
    url = graphene.String()
    doi_url = graphene.String()
    pubmed_url = graphene.String()


class PublishedChange(graphene.ObjectType):
    """One publication of the page, with the editor's public change note."""

    published_at = graphene.DateTime(required=True)
    change_note = graphene.String(required=True)
    change_note_locale = graphene.String(
        required=True,
        description="The language the change note is written in (that of the "
        "page's translation source: notes are not translated).",
    )


def article_graphql_fields() -> list[GraphQLField]:
    return [
        GraphQLField(
            "medical_review",
            MedicalReview,
            required=True,
            source="graphql_medical_review",
        ),
        GraphQLField(
            "references",
            graphene.List(graphene.NonNull(Reference)),
            required=True,
            source="graphql_references",
            description="The page's references in body order, numbered from 1.",
        ),
        GraphQLField(
            "history",
            graphene.List(graphene.NonNull(PublishedChange)),
            required=True,
            source="graphql_history",
            description="Publications of this page, newest first.",
        ),
    ]


def medical_review(page: Any) -> MedicalReview:
    return MedicalReview(
        reviewed_by=page.reviewed_by or None,
        credentials=page.reviewer_credentials or None,
        last_reviewed=page.last_reviewed,
        next_review_due=page.next_review_due,
        is_overdue=is_overdue(page.next_review_due),
    )


def references(page: Any) -> list[Reference]:
    found = []
    for block in page.body:
        if block.block_type != "reference":
            continue
        value = block.value
        found.append(
            Reference(
                number=len(found) + 1,
                id=block.id or "",
                authors=value.get("authors") or "",
                title=value.get("title") or "",
                publisher=value.get("publisher") or None,
                year=value.get("year"),
                doi=value.get("doi") or None,
                pubmed_id=value.get("pubmed_id") or None,
                url=value.get("url") or None,
                doi_url=value.doi_url(),
                pubmed_url=value.pubmed_url(),
            )
        )
    return found


def history(reader: Reader, page: Any) -> list[PublishedChange]:
    """Published revisions of ``page``, loaded at once for every page of its
    type in memory: a list of causes asking for theirs costs one query, and
    the hub asking for its own does not read the history of every cause."""
    cache: dict[int, list[PublishedChange]] = reader.memo("published_history", dict)
    if page.pk not in cache:
        batch = [p for p in reader.loaded_pages(like=page) if p.pk not in cache]
        if page not in batch:
            batch.append(page)
        pending = {p.pk for p in batch}
        for pk in pending:
            cache[pk] = []
        rows = (
            PageLogEntry.objects.filter(
                page_id__in=pending,
                action="wagtail.publish",
                revision__isnull=False,
            )
            .order_by("-timestamp", "-pk")
            .values_list(
                "page_id", "timestamp", "revision__content__public_change_note"
            )
        )
        note_locales = _note_locales(reader, batch)
        published: dict[int, list[tuple[Any, str]]] = {pk: [] for pk in pending}
        for page_id, timestamp, note in rows:
            published[page_id].append(
                (timestamp, note if isinstance(note, str) else "")
            )
        for pk, entries in published.items():
            for i, (timestamp, note) in enumerate(entries):
                older = entries[i + 1][1] if i + 1 < len(entries) else None
                cache[pk].append(
                    PublishedChange(
                        published_at=timestamp,
                        change_note="" if note == older else note,
                        change_note_locale=note_locales.get(pk, ""),
                    )
                )
    return cache[page.pk]


def _note_locales(reader: Reader, pages: list[Any]) -> dict[int, str]:
    """Per page, the language its change notes are written in: its
    translation group's source language, else its own (one query)."""
    keys = {p.translation_key for p in pages}
    # Oldest last, so that it wins: the group's own source.
    sources = dict(
        TranslationSource.objects.filter(object_id__in=keys)
        .order_by("-created_at", "-pk")
        .values_list("object_id", "locale_id")
    )
    return {
        p.pk: reader.locale_code(sources.get(p.translation_key, p.locale_id))
        for p in pages
    }
