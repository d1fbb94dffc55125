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
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone

from cms.cache.keys import cache_key
from cms.cache.mirror import ResponseMirror
from cms.graphql.state import RequestState

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
    ``content.editorial.scheduling``) ends the entry's life at that moment.
    """
    if not fresh(valid_until):
        return
    entry = (seen_generation, result, status, etag_for(result), valid_until)
    cache.set(key, entry, timeout=settings.GRAPHQL_CACHE_SECONDS)
    copy = mirror()
    if copy is not None:
        copy.put(key, entry)


def find(
    request: HttpRequest,
    state: RequestState,
    query: str | None,
    variables: Any,
    operation_name: str | None,
) -> tuple[str, int] | None:
    """The cached ``(result, status)`` of a query, or None; once per request.

    A hit's ETag and lifetime go to ``state`` for ``cache_headers``; a miss
    leaves the key and the generation read here in ``state`` for ``keep`` to
    store the fresh answer under. A query that does not parse is never cached.
    """
    if state.looked_up or not query or not is_cacheable(request):
        return None
    state.looked_up = True
    key = cache_key(request, query, variables, operation_name)
    if key is None:
        return None
    seen_generation, entry = lookup(key)
    state.cache_lookup = (key, seen_generation)
    if entry is None:
        return None
    result, status, state.etag, state.valid_until = entry
    state.cache = "HIT"
    return result, status


def keep(state: RequestState, result: str, status: int) -> None:
    """Store a fresh answer after a miss, unless it is an error or private."""
    storable = (
        state.cache_lookup is not None
        and status == 200
        and result
        and not result.startswith('{"errors"')
        and not state.private
    )
    if storable:
        key, seen_generation = state.cache_lookup
        store(key, seen_generation, result, status, state.valid_until)
        state.cache = "MISS"


def cache_headers(
    request: HttpRequest, state: RequestState, response: HttpResponse
) -> HttpResponse:
    """``Cache-Control``, ``X-Cache`` and ``ETag`` of a JSON answer; a 304 for
    a conditional GET whose ETag the client holds."""
    if state.private or not is_cacheable(request):
        response["Cache-Control"] = "private, no-store"
        return response
    if state.cache is None or response.status_code != 200:
        response["Cache-Control"] = "no-store"
        return response
    response["X-Cache"] = state.cache
    max_age = settings.GRAPHQL_HTTP_MAX_AGE
    if state.valid_until is not None:  # never past the next go-live or expiry
        remaining = int(state.valid_until - timezone.now().timestamp())
        max_age = max(0, min(max_age, remaining))
    response["Cache-Control"] = f"public, max-age={max_age}"
    etag = state.etag or etag_for(response.content)
    response["ETag"] = etag
    if request.method == "GET" and etag in request.headers.get("If-None-Match", ""):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "X-Request-ID", "X-Cache"):
            not_modified[header] = response[header]
        return not_modified
    return response
