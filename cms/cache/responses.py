"""The response cache of anonymous GraphQL queries.

Responses live in Django's cache (Redis when ``REDIS_URL`` is set). Each entry
carries a *generation* number; publishing, unpublishing, moving or deleting a
page, and any change to snippets, settings, translations, locales, sites,
redirects, view restrictions, images or documents bumps the generation, so the
very next query misses the cache and sees the change. With Redis, each
process also keeps an exact in-memory copy of the entries it has seen
(``cms.cache.mirror``), so most hits need no round trip. Nothing is ever served
from or stored in the cache for an authenticated user or a request a resolver
marked private (previews).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import threading
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import timezone
from graphql import GraphQLError, print_ast

from cms.cache.mirror import ResponseMirror
from cms.graphql.limits import parse_query

logger = logging.getLogger("cms.caching")

GENERATION_KEY = "graphql:generation"

_mirror: ResponseMirror | None = None
_mirror_configured = False


def mirror() -> ResponseMirror | None:
    """This process's in-memory copy of the cache, when the cache is Redis."""
    global _mirror, _mirror_configured
    if not _mirror_configured:
        _mirror_configured = True
        entries = settings.GRAPHQL_MEMORY_CACHE_ENTRIES
        if entries > 0 and "django_redis" in settings.CACHES["default"]["BACKEND"]:
            from django_redis import get_redis_connection

            redis = get_redis_connection("default")
            _mirror = ResponseMirror(
                redis=redis,
                channel=invalidation_channel(redis),
                ack_prefix=cache.make_key("graphql:ack:"),
                read_generation=generation,
                lease=settings.GRAPHQL_MEMORY_CACHE_LEASE_SECONDS,
                max_entries=entries,
            )
    return _mirror


def invalidation_channel(redis: Any) -> str:
    """The pub/sub channel announcing this cache's generations.

    Channels belong to the whole Redis server, not to a database, so the name
    carries the database number as well as the key prefix: deployments that
    share a server (another database, or another prefix) never hear, or wait
    for, each other. The acknowledgements are keys, so they are in the
    database already, and ``PUBLISH`` counts only this channel's subscribers.
    """
    database = redis.connection_pool.connection_kwargs.get("db", 0)
    return cache.make_key(f"graphql:db{database}:generations")


def forget_memory_copy() -> None:
    """Drop this process's in-memory copy (tests reset the shared cache)."""
    if _mirror is not None:
        _mirror.clear()


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def is_cacheable(request: HttpRequest) -> bool:
    if settings.GRAPHQL_CACHE_SECONDS <= 0:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session, so certainly anonymous: skip loading the user
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def lookup(key: str) -> tuple[int, tuple[str, int, str, float | None] | None]:
    """The current generation and ``(result, status, etag, valid_until)`` if
    still current.

    From this process's memory when it provably holds the current
    generation; otherwise one round trip to the cache for both.
    """
    copy = mirror()
    if copy is not None:
        entry = copy.get(key)
        if entry is not None and fresh(entry[4]):
            return entry[0], entry[1:]
    values = cache.get_many([GENERATION_KEY, key])
    current = values.get(GENERATION_KEY)
    if current is None:
        current = generation()
    entry = values.get(key)
    if (
        entry is not None
        and len(entry) == 5
        and entry[0] == current
        and fresh(entry[4])
    ):
        if copy is not None:
            copy.put(key, tuple(entry))
        return current, tuple(entry[1:])
    return current, None


def etag_for(content: bytes | str) -> str:
    if isinstance(content, str):
        content = content.encode()
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def fresh(valid_until: float | None) -> bool:
    """Is it still before the moment an entry stops being valid?"""
    return valid_until is None or timezone.now().timestamp() < valid_until


def store(
    key: str,
    seen_generation: int,
    result: str,
    status: int,
    valid_until: float | None = None,
) -> None:
    """Keep a response, tagged with the generation it was computed in.

    A publish during the request moves the generation on, so an answer
    computed from the older content is never served afterwards.
    ``valid_until`` (a timestamp: the next scheduled go-live or expiry, see
    ``content.scheduling``) ends the entry's life at that moment.
    """
    if not fresh(valid_until):
        return
    entry = (seen_generation, result, status, etag_for(result), valid_until)
    cache.set(key, entry, timeout=settings.GRAPHQL_CACHE_SECONDS)
    copy = mirror()
    if copy is not None:
        copy.put(key, entry)


class CanonicalQueries:
    """Raw query text -> digest of its canonical form, memoised per process.

    Two query texts get the same digest only when they parse to the same
    document: graphql-core's ``print_ast`` drops comments, commas and
    insignificant whitespace, and prints every string literal from its
    parsed value. A repeated text costs one dict lookup; only a text seen
    for the first time (or evicted) is parsed. Bounded by ``max_entries``
    and by ``max_bytes`` of query text held, since a query may be as large as
    ``GRAPHQL_MAX_BODY_BYTES``; a text over a quarter of ``max_bytes`` is
    parsed every time rather than evicting everything else.
    """

    def __init__(self, max_entries: int = 2000, max_bytes: int = 8 * 1024 * 1024):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, str] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def digest(self, query: str) -> str | None:
        """The canonical digest, or None when the text does not parse."""
        with self.lock:
            digest = self.entries.get(query)
            if digest is not None:
                self.entries.move_to_end(query)
                return digest
        try:
            document = parse_query(query)
        except GraphQLError:
            return None  # never cached: the full path answers with the error
        digest = hashlib.sha256(print_ast(document).encode()).hexdigest()
        size = sys.getsizeof(query)
        if size * 4 > self.max_bytes:
            return digest
        with self.lock:
            if query not in self.entries:
                self.entries[query] = digest
                self.bytes += size
                while len(self.entries) > self.max_entries or (
                    self.bytes > self.max_bytes
                ):
                    evicted, _ = self.entries.popitem(last=False)
                    self.bytes -= sys.getsizeof(evicted)
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
    hostname = split_domain_port(request.get_host())[0]
    return f"{hostname}:{request.get_port()}"


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
