"""GraphQL documents known to this process: parsed and validated once.

Every document that passed parsing, the limits (``cms.graphql.limits``) and
graphql-core's validation is kept in a bounded per-process LRU, keyed on the
SHA-256 of its text (the hash automatic persisted queries and trusted
documents name it by). A known document is executed without being parsed or
validated again; one that failed is parsed again each time it is sent (it is
never kept, so junk cannot push known operations out). The cache is emptied
when a setting that changes what validates does (tests override them).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass

from django.core.signals import setting_changed
from django.dispatch import receiver
from graphql import DocumentNode, GraphQLError, GraphQLSchema
from graphql import validation as graphql_validation

from cms.graphql import limits
from cms.memo import BoundedMemo


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class KnownDocument:
    """A document that parsed and validated, with the text it came from."""

    text: str
    document: DocumentNode


@dataclass
class DocumentStats:
    """How often documents were parsed and validated (tests read it)."""

    prepared: int = 0
    reused: int = 0


class DocumentCache(BoundedMemo[str, KnownDocument]):
    """Hash of the text -> validated document; least recently used out first
    (``cms.memo``: bounded by ``max_entries`` and by ``max_bytes`` of text
    held)."""

    def __init__(self, max_entries: int = 1000, max_bytes: int = 8 * 1024 * 1024):
        super().__init__(max_entries, max_bytes)
        self.stats = DocumentStats()

    def get(self, digest: str) -> KnownDocument | None:
        known = super().get(digest)
        if known is not None:
            self.stats.reused += 1
        return known

    def put(self, digest: str, known: KnownDocument) -> None:  # type: ignore[override]
        super().put(digest, known, sys.getsizeof(known.text))


known_documents = DocumentCache()


@receiver(setting_changed)
def _forget_on_setting_change(setting: str, **_: object) -> None:
    if setting.startswith(("GRAPHQL_", "GRAPPLE", "GRAPHENE")):
        known_documents.clear()


def known(text: str) -> KnownDocument | None:
    """The validated document of ``text``, if this process has seen it."""
    return known_documents.get(sha256_of(text))


def parse(text: str) -> DocumentNode:
    """``text`` parsed within the token and alias limits (``GraphQLError``
    on a syntax error or a limit exceeded)."""
    return limits.parse_query(text)


def validate(schema: GraphQLSchema, document: DocumentNode) -> list[GraphQLError]:
    """The limits first, then graphql-core's specified rules."""
    return limits.check_limits(schema, document) or graphql_validation.validate(
        schema, document, limits.validation_rules()
    )


def remember(text: str, document: DocumentNode) -> KnownDocument:
    """Keep a document that passed ``validate``."""
    known_document = KnownDocument(text=text, document=document)
    known_documents.stats.prepared += 1
    known_documents.put(sha256_of(text), known_document)
    return known_document
