"""Trusted documents: the operations this deployment's own frontends send.

The reference frontend's build writes a manifest with GraphQL Code
Generator's persisted documents output (``persisted-documents.json``: an
object of ``"sha256:<hex of the document>": "<document>"``). It is imported
into the database (``manage.py import_trusted_documents``, ``TrustedDocument``)
and/or read from the path in ``GRAPHQL_TRUSTED_DOCUMENTS``. A manifest is
checked whole before anything changes: a syntax error, an id that is not the
SHA-256 of its document, a document that does not validate or is no query:
all refused, the documents held before kept.

Each process holds the set in memory, so looking an id up costs no SQL after
the first request; an import publishes a new version in Django's cache
(Redis in production), which every process checks at most once per
``RECHECK_SECONDS`` and reloads on.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from graphql import GraphQLError, GraphQLSchema, OperationDefinitionNode, OperationType

from cms.graphql import documents

logger = logging.getLogger("cms.graphql")

MANIFEST_ID = re.compile(r"^sha256:([0-9a-f]{64})$")
VERSION_KEY = "graphql:trusted:version"
RECHECK_SECONDS = 1.0
#: How many problems of a refused manifest are listed.
MAX_PROBLEMS = 20


class ManifestError(Exception):
    """A manifest that was refused; ``str()`` says why, for an operator."""


@dataclass(frozen=True)
class Entry:
    id: str
    text: str
    operations: list[str]


def read_manifest(path: str | Path) -> dict:
    """The manifest at ``path``, parsed (``ManifestError`` if it is not a JSON
    object)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ManifestError(f"Cannot read {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{path} is not UTF-8 text.") from None
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as error:
        raise ManifestError(
            f"{path} is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno})."
        ) from None
    if not isinstance(manifest, dict):
        raise ManifestError(
            f'{path} must be a JSON object of "sha256:<hex>": "<document>".'
        )
    return manifest


def check_manifest(schema: GraphQLSchema, manifest: dict) -> list[Entry]:
    """Every entry of ``manifest``, checked; ``ManifestError`` naming every
    problem (up to ``MAX_PROBLEMS``) if any entry is wrong."""
    entries: list[Entry] = []
    problems: list[str] = []
    for key, text in manifest.items():
        match = MANIFEST_ID.match(key)
        if match is None:
            problems.append(f"{key!r}: not an id of the form sha256:<64 hex digits>.")
            continue
        if not isinstance(text, str):
            problems.append(f"{key}: the document must be a string.")
            continue
        if documents.sha256_of(text) != match.group(1):
            problems.append(f"{key}: the id is not the SHA-256 of its document.")
            continue
        try:
            document = documents.parse(text)
        except GraphQLError as error:
            problems.append(f"{key}: {error.message}")
            continue
        operations = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        names = [op.name.value if op.name else "(anonymous)" for op in operations]
        if any(op.operation != OperationType.QUERY for op in operations):
            problems.append(f"{key} ({', '.join(names)}): only queries are allowed.")
            continue
        errors = documents.validate(schema, document)
        if errors:
            problems.append(f"{key} ({', '.join(names)}): {errors[0].message}")
            continue
        entries.append(Entry(id=key, text=text, operations=names))
    if problems:
        listed = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            listed.append(f"... and {len(problems) - MAX_PROBLEMS} more.")
        raise ManifestError(
            f"{len(problems)} of {len(manifest)} documents are invalid:\n"
            + "\n".join(f"  {line}" for line in listed)
        )
    if not entries:
        raise ManifestError("The manifest holds no documents.")
    return entries


def replace_documents(entries: list[Entry]) -> tuple[int, int, int]:
    """Make ``entries`` the trusted documents, in one transaction.

    Returns how many were added, removed and kept. Every process reloads the
    set once the transaction commits.
    """
    from cms.models import TrustedDocument

    wanted = {entry.id: entry for entry in entries}
    with transaction.atomic():
        held = set(TrustedDocument.objects.values_list("id", flat=True))
        removed = held - wanted.keys()
        TrustedDocument.objects.filter(id__in=removed).delete()
        added = [
            TrustedDocument(
                id=entry.id,
                document=entry.text,
                operations=", ".join(entry.operations)[:500],
            )
            for key, entry in wanted.items()
            if key not in held
        ]
        TrustedDocument.objects.bulk_create(added)
        transaction.on_commit(announce_change)
    trusted_documents.forget()  # this process reads its own writes at once
    return len(added), len(removed), len(held & wanted.keys())


def announce_change() -> None:
    """Tell every process (through the shared cache) and this one to reload."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    trusted_documents.forget()


class TrustedSet:
    """This process's copy of the trusted documents: id -> text."""

    def __init__(self) -> None:
        self.documents: dict[str, str] | None = None
        self.version: object = None
        self.checked_at = 0.0
        self.lock = threading.Lock()

    def forget(self) -> None:
        with self.lock:
            self.documents = None

    def get(self, document_id: str) -> str | None:
        return self.current().get(document_id)

    def current(self) -> dict[str, str]:
        now = time.monotonic()
        held = self.documents
        if held is not None and now - self.checked_at < RECHECK_SECONDS:
            return held
        version = cache.get(VERSION_KEY)  # None when unset or unreachable
        with self.lock:
            if self.documents is None or (
                version is not None and version != self.version
            ):
                self.documents = load()
                self.version = version
            self.checked_at = now
            return self.documents


def load() -> dict[str, str]:
    """The database's trusted documents and those of ``GRAPHQL_TRUSTED_DOCUMENTS``."""
    from cms.models import TrustedDocument

    held = dict(TrustedDocument.objects.values_list("id", "document"))
    path = settings.GRAPHQL_TRUSTED_DOCUMENTS
    if path:
        from graphene_django.settings import graphene_settings

        try:
            entries = check_manifest(
                graphene_settings.SCHEMA.graphql_schema, read_manifest(path)
            )
        except ManifestError as error:
            logger.error(
                "GRAPHQL_TRUSTED_DOCUMENTS refused, its documents are not trusted: %s",
                error,
            )
        else:
            held.update((entry.id, entry.text) for entry in entries)
    return held


trusted_documents = TrustedSet()
