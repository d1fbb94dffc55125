"""Which requests share a cached response: the key of a query."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import lru_cache
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.request import split_domain_port
from graphql import GraphQLError, print_ast

from cms.graphql.limits import parse_query
from cms.memo import BoundedMemo


class CanonicalQueries:
    """Raw query text -> digest of its canonical form, memoised per process.

    Two query texts get the same digest only when they parse to the same
    document: graphql-core's ``print_ast`` drops comments, commas and
    insignificant whitespace, and prints every string literal from its
    parsed value. A repeated text costs one dict lookup; only a text seen
    for the first time (or evicted) is parsed. Bounded by ``max_entries``
    and by ``max_bytes`` of query text held (``cms.memo``).
    """

    def __init__(self, max_entries: int = 2000, max_bytes: int = 8 * 1024 * 1024):
        self.memo: BoundedMemo[str, str] = BoundedMemo(max_entries, max_bytes)

    def digest(self, query: str) -> str | None:
        """The canonical digest, or None when the text does not parse."""
        digest = self.memo.get(query)
        if digest is not None:
            return digest
        try:
            document = parse_query(query)
        except GraphQLError:
            return None  # never cached: the full path answers with the error
        digest = hashlib.sha256(print_ast(document).encode()).hexdigest()
        self.memo.put(query, digest, sys.getsizeof(query))
        return digest


canonical_queries = CanonicalQueries()


def site_key(request: HttpRequest) -> str:
    """What Wagtail's site matching reads from a request, and nothing more.

    ``Site.find_for_request`` (page ``url``s, ``inSite`` filters) matches the
    host name as ``split_domain_port`` returns it (lower-case, no trailing
    dot, no port) and ``request.get_port()`` (the port the server listens
    on, or ``X-Forwarded-Port`` with ``USE_X_FORWARDED_PORT``), never the
    port written in the Host header. Keying on exactly these needs no SQL.
    """
    # ``get_host()`` validates the host against ALLOWED_HOSTS, which
    # CommonMiddleware has done for this request already; what is left is a
    # pure function of the raw host, remembered.
    return f"{_hostname(request._get_raw_host())}:{request.get_port()}"


@lru_cache(maxsize=256)
def _hostname(raw_host: str) -> str:
    return split_domain_port(raw_host)[0]


def cache_key(
    request: HttpRequest, query: str, variables: Any, operation_name: str | None
) -> str | None:
    """The cache key of a query, or None if it must not be cached.

    Requests share a key only when they mean the same thing: the same parsed
    document (``CanonicalQueries``), variables and operation name, for the
    same Wagtail site (``site_key``). A query that does not parse has none.
    """
    digest = canonical_queries.digest(query)
    if digest is None:
        return None
    material = json.dumps(
        [digest, variables or {}, operation_name, site_key(request)],
        sort_keys=True,
        separators=(",", ":"),
    )
    return f"graphql:response:{hashlib.sha256(material.encode()).hexdigest()}"


#: The cache keys of requests that were answered from the cache, by
#: ``(method, body or query string, site_key)``, each with the id of the
#: trusted document it runs (None: a query's text): a client repeating the
#: same bytes (a frontend's operation, a CDN's revalidation) is looked up
#: without them being parsed, checked and keyed again. Persisted-query hashes
#: are never kept (the view decides: ``GraphQLView.repeatable_request``), and
#: the memo is emptied with the response cache.
repeated_requests: BoundedMemo[tuple[str, bytes, str], tuple[str, str | None]] = (
    BoundedMemo(512, 4 * 1024 * 1024)
)


def repeat_key(
    request: HttpRequest, material: bytes, trusted_only: bool
) -> tuple[str, str | None] | None:
    """The cache key the same request had when it was last a hit for this
    site, with its trusted document's id, or None.

    A trusted document's answer is found this way only while the document
    is still trusted; a query's text not at all where only trusted
    documents may run (``trusted_only``): both go the full way, which
    refuses them.
    """
    remembered = repeated_requests.get((request.method, material, site_key(request)))
    if remembered is None:
        return None
    document_id = remembered[1]
    if document_id is None:
        return None if trusted_only else remembered
    from cms.graphql.trusted import trusted_documents

    return remembered if trusted_documents.get(document_id) is not None else None


def remember_repeat(
    request: HttpRequest, material: bytes, key: str, trusted_id: str | None
) -> None:
    repeated_requests.put(
        (request.method, material, site_key(request)),
        (key, trusted_id),
        sys.getsizeof(material),
    )


@receiver(setting_changed)
def _forget_on_setting_change(setting: str, **_: object) -> None:
    # What a body means may depend on the API's settings (its limits, the
    # trusted documents rule) and on how a request names its site.
    if setting.startswith(("GRAPHQL_", "ALLOWED_HOSTS", "USE_X_FORWARDED")):
        repeated_requests.clear()
