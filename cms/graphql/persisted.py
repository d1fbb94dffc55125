"""Which document a request runs: its text, a persisted query, a trusted id.

- **Automatic persisted queries** (Apollo's protocol):
  ``extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}``. A
  hash alone runs the document registered under it, or answers
  ``PersistedQueryNotFound`` (HTTP 200, ``extensions.code``
  ``PERSISTED_QUERY_NOT_FOUND``), upon which the client sends the hash with
  the text: the hash must be the SHA-256 of that text, and once the document
  validated it is registered in Django's cache (Redis in production, shared by
  every process; unreachable: "not found", the client sends the text again).
- **Trusted documents** (``cms.graphql.trusted``): ``documentId`` (or ``id``)
  ``"sha256:<hex>"`` names one; a persisted-query hash of a trusted document
  runs it too. An unknown id is a client error; sent with a ``query`` it
  falls back to that text, unless only trusted documents may run.
- **Only trusted documents** (``GRAPHQL_TRUSTED_DOCUMENTS_ONLY``): an
  anonymous request may run only a trusted document, or a preview (every
  root field of the operation is ``page`` with a ``token`` argument: the
  editors' draft previews, which answer nothing without a valid token).
  Signed-in users, and GraphiQL in development (requests carrying
  ``X-GraphiQL`` while ``GRAPHQL_GRAPHIQL`` is on; never in production, whose
  settings turn GraphiQL off) run any query. A refusal is decided from the
  request alone, before any SQL: the trusted set is in memory
  (``trusted.TrustedSet``), and a request without a session cookie is
  anonymous without loading a user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from graphene_django.views import HttpError
from graphql import FieldNode, GraphQLError
from graphql.utilities import get_operation_ast

from cms.graphql import documents
from cms.graphql.trusted import trusted_documents

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
DOCUMENT_ID = re.compile(r"^sha256:[0-9a-f]{64}$")
APQ_PREFIX = "graphql:apq:"


class PersistedError(HttpError):
    """A client error of the persisted-document protocols, with its
    ``extensions.code`` (``cms.graphql.errors.format_error`` adds it)."""

    def __init__(self, message: str, code: str, status: int = 400) -> None:
        super().__init__(HttpResponse(status=status), message)
        self.extensions = {"code": code}


def not_found() -> PersistedError:
    return PersistedError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", 200)


@dataclass(frozen=True)
class Resolved:
    """The text to run, and the persisted-query hash to register once it
    validated (None: nothing to register)."""

    query: str | None
    register: str | None = None
    by_id: bool = False
    #: The id of the trusted document run, when it is one.
    trusted_id: str | None = None


def resolve(
    request: HttpRequest,
    query: str | None,
    operation_name: str | None,
    extensions: Any,
    document_id: Any,
) -> Resolved:
    """The document ``request`` runs (``PersistedError`` when it may not)."""
    digest = persisted_hash(extensions)
    trusted_only = trusted_only_applies(request)
    if document_id is not None:
        if not isinstance(document_id, str) or not DOCUMENT_ID.match(document_id):
            raise PersistedError(
                "'documentId' must be a document id: sha256:<64 lower-case "
                "hexadecimal digits>.",
                "BAD_REQUEST",
            )
        text = trusted_documents.get(document_id)
        if text is not None:
            return Resolved(text, by_id=True, trusted_id=document_id)
        if query is None or trusted_only:
            raise PersistedError(
                f"Unknown document id '{document_id}': not one of this API's "
                "trusted documents.",
                "PERSISTED_DOCUMENT_NOT_FOUND",
            )
    if digest is not None:
        if query is not None:
            check_hash(digest, query)
        text = trusted_documents.get(f"sha256:{digest}")
        if text is not None:
            return Resolved(text, by_id=True, trusted_id=f"sha256:{digest}")
        if trusted_only:
            raise refused()
        if query is not None:
            return Resolved(query, register=digest)
        text = persisted_text(digest)
        if text is None:
            raise not_found()
        return Resolved(text, by_id=True)
    if trusted_only and query is not None and not is_preview(query, operation_name):
        raise refused()
    return Resolved(query)


def refused() -> PersistedError:
    return PersistedError(
        "This API runs only its frontends' trusted documents: send a "
        "'documentId' (or a persisted query hash) of one of them.",
        "PERSISTED_QUERY_REQUIRED",
    )


def trusted_only_applies(request: HttpRequest) -> bool:
    """Must this request name a trusted document (see the module docstring)?"""
    if not settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY:
        return False
    if settings.GRAPHQL_GRAPHIQL and "X-GraphiQL" in request.headers:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session, so certainly anonymous: no SQL
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def is_preview(query: str, operation_name: str | None) -> bool:
    """Is every root field of the operation ``page(token: ...)``?"""
    known_document = documents.known(query)
    if known_document is not None:
        document = known_document.document
    else:
        try:
            document = documents.parse(query)
        except GraphQLError:
            return False
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return False
    selections = operation.selection_set.selections
    return (
        bool(selections)
        and all(
            isinstance(selection, FieldNode)
            and (
                selection.name.value == "__typename"
                or (
                    selection.name.value == "page"
                    and any(arg.name.value == "token" for arg in selection.arguments)
                )
            )
            for selection in selections
        )
        and any(
            isinstance(selection, FieldNode) and selection.name.value == "page"
            for selection in selections
        )
    )


def persisted_hash(extensions: Any) -> str | None:
    """The ``sha256Hash`` of ``extensions.persistedQuery``, or None.

    Anything but the Apollo protocol's shape (version 1, 64 hex digits) is
    refused with a message saying what is wrong.
    """
    if extensions is None:
        return None
    if not isinstance(extensions, dict):
        raise PersistedError("'extensions' must be a JSON object.", "BAD_REQUEST")
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict):
        raise PersistedError(
            "'extensions.persistedQuery' must be a JSON object.", "BAD_REQUEST"
        )
    if persisted.get("version") != 1:
        raise PersistedError(
            "Unsupported persisted query version: only version 1 is supported.",
            "PERSISTED_QUERY_NOT_SUPPORTED",
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not SHA256_HEX.match(digest):
        raise PersistedError(
            "'extensions.persistedQuery.sha256Hash' must be a SHA-256 digest: "
            "64 lower-case hexadecimal digits.",
            "BAD_REQUEST",
        )
    return digest


def check_hash(digest: str, text: str) -> None:
    """Refuse a query sent with the hash of another text."""
    if documents.sha256_of(text) != digest:
        raise PersistedError(
            "provided sha does not match query: 'sha256Hash' must be the "
            "SHA-256 of the query text exactly as sent.",
            "PERSISTED_QUERY_HASH_MISMATCH",
        )


def persisted_text(digest: str) -> str | None:
    """The text registered under ``digest``: this process's, else the shared
    cache's (None when unknown, or the cache is unreachable)."""
    known_document = documents.known_documents.get(digest)
    if known_document is not None:
        return known_document.text
    text = cache.get(APQ_PREFIX + digest)
    if isinstance(text, str) and documents.sha256_of(text) == digest:
        return text
    return None


def register(digest: str, text: str) -> None:
    """Share a validated persisted query with every process."""
    cache.set(APQ_PREFIX + digest, text, timeout=settings.GRAPHQL_APQ_SECONDS)
