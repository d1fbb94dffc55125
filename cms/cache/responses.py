"""The response cache of anonymous GraphQL queries.

Responses live in Django's cache (Redis when ``REDIS_URL`` is set). Each entry
carries a *generation* number held by the database (``cms.CacheGeneration``,
``cms.cache.generation``); publishing, unpublishing, moving or deleting a
page, and any change to snippets, settings, translations, locales, sites,
redirects, view restrictions, images or documents bumps it in the change's
own transaction, so the very next query, in any process, misses the cache and
sees the change. When the cache is unreachable, queries are answered
uncached (``cms.cache.backend``). With Redis, each
process also keeps an exact in-memory copy of the entries it has seen
(``cms.cache.mirror``), so most hits need no round trip. Nothing is ever served
from or stored in the cache for an authenticated user or a request a resolver
marked private (previews).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone

from cms.cache import generation as db_generation
from cms.cache.keys import cache_key, repeated_requests
from cms.cache.mirror import ResponseMirror
from cms.graphql.state import RequestState

GENERATION_KEY = "graphql:generation"
#: ``(shared generation, result, status, etag, valid_until, database
#: generation, cache tags)``; entries of another shape are ignored.
ENTRY_LENGTH = 7

_mirror: ResponseMirror | None = None
_mirror_configured = False


def mirror() -> ResponseMirror | None:
    """This process's in-memory copy of the cache, when the cache is Redis."""
    global _mirror, _mirror_configured
    if not _mirror_configured:
        _mirror_configured = True
        entries = settings.GRAPHQL_MEMORY_CACHE_ENTRIES
        from django_redis.cache import RedisCache

        if entries > 0 and isinstance(caches["default"], RedisCache):
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
    """Drop this process's in-memory copy after the shared cache was emptied
    (tests reset it): the copy follows the shared cache's generation, which
    starts again at 1, so later answers can be copied again."""
    if _mirror is not None:
        _mirror.moved_to(generation() if _mirror.generation is not None else None)
    repeated_requests.clear()


def generation() -> int:
    """The shared cache's own generation (0 while the cache is unreachable)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return int(value)


def is_cacheable(request: HttpRequest) -> bool:
    if settings.GRAPHQL_CACHE_SECONDS <= 0:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session, so certainly anonymous: skip loading the user
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def lookup(
    key: str,
) -> tuple[int, int | None, tuple[str, int, str, float | None, tuple] | None]:
    """The shared cache's generation, the database's (when read) and
    ``(result, status, etag, valid_until, tags)`` if still current.

    An entry is served only while it carries the generation the database
    holds now, whatever the cache says: a cache that moved backwards (a Redis
    restored from a snapshot or failed over, a process's memory behind a
    publish made elsewhere) never serves an answer older than the database.
    That costs one primary-key read, made only when the cache holds a
    candidate (a miss reads it just before executing, ``read_database_generation``,
    so a refused query still runs no SQL); with Redis, at most once per
    ``lease / 4`` seconds per process while its subscription is trusted
    (``ResponseMirror.database_generation``). The shared cache's generation lets
    the in-memory copy answer without a round trip to Redis; otherwise one
    round trip reads both. With Redis unreachable this is simply a miss.
    """
    copy = mirror()
    candidate = None
    from_memory = False
    if copy is not None:
        entry = copy.get(key)
        if entry is not None and len(entry) == ENTRY_LENGTH and fresh(entry[4]):
            candidate, shared, from_memory = entry, entry[0], True
    if candidate is None:
        values = cache.get_many([GENERATION_KEY, key])
        shared = values.get(GENERATION_KEY)
        if shared is None:
            shared = generation()
        entry = values.get(key)
        if (
            entry is not None
            and len(entry) == ENTRY_LENGTH
            and entry[0] == shared
            and fresh(entry[4])
        ):
            candidate = entry
    if candidate is None:
        return shared, None, None
    if copy is not None:
        database = copy.database_generation(db_generation.current)
    else:
        database = db_generation.current()
    if candidate[5] != database:
        return shared, database, None
    if copy is not None and not from_memory:
        copy.put(key, tuple(candidate))
    return shared, database, (*candidate[1:5], candidate[6])


def etag_for(content: bytes | str) -> str:
    if isinstance(content, str):
        content = content.encode()
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def fresh(valid_until: float | None) -> bool:
    """Is it still before the moment an entry stops being valid?"""
    return valid_until is None or timezone.now().timestamp() < valid_until


def store(
    key: str,
    seen_generation: tuple[int, int | None],
    result: str,
    status: int,
    valid_until: float | None = None,
    tags: tuple[str, ...] = (),
) -> None:
    """Keep a response, tagged with the generation it was computed in.

    ``seen_generation`` is what ``lookup`` read before the answer was
    computed: a publish during the request moves both on, so an answer
    computed from the older content is never served afterwards.
    ``valid_until`` (a timestamp: the next scheduled go-live or expiry, see
    ``content.editorial.scheduling``) ends the entry's life at that moment.
    """
    shared, database = seen_generation
    if database is None or not fresh(valid_until):
        return
    entry = (shared, result, status, etag_for(result), valid_until, database, tags)
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
    key = cache_key(request, query, variables, operation_name)
    if key is None:
        state.looked_up = True
        return None
    return find_by_key(state, key)


def find_by_key(state: RequestState, key: str) -> tuple[str, int] | None:
    """``find`` for a request whose cache key is known already."""
    if state.looked_up:
        return None
    state.looked_up = True
    shared, database, entry = lookup(key)
    state.cache_lookup = (key, shared, database)
    if entry is None:
        return None
    result, status, state.etag, state.valid_until, state.tags = entry
    state.cache = "HIT"
    return result, status


def read_database_generation(state: RequestState | None) -> None:
    """Before a missed query runs: note the database's generation, which the
    fresh answer will be stored under (read before any content is)."""
    if (
        state is not None
        and state.cache_lookup is not None
        and state.cache_lookup[2] is None
    ):
        key, shared, _ = state.cache_lookup
        state.cache_lookup = (key, shared, db_generation.current())


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
        key, shared, database = state.cache_lookup
        store(key, (shared, database), result, status, state.valid_until, state.tags)
        state.cache = "MISS"


def cache_headers(
    request: HttpRequest, state: RequestState, response: HttpResponse
) -> HttpResponse:
    """``Cache-Control``, ``X-Cache``, ``ETag``, ``Vary`` and the cache tags
    (``Cache-Tag``, comma-separated, and ``Surrogate-Key``, space-separated:
    ``page-<id>`` of every page in the answer, ``chrome``) of a JSON answer;
    a 304 for a conditional GET whose ETag the client holds.

    A GET of a persisted query or trusted document by id (the form a CDN
    caches) may also be served ``stale-while-revalidate``."""
    if state.private or not is_cacheable(request):
        response["Cache-Control"] = "private, no-store"
        return response
    # A public answer is the same for every client that gets one (signed-in
    # users and previews get private ones), whatever its cookies: ``Cookie``
    # (which graphene-django's CSRF decorator adds) would only split a CDN's
    # copies. Only GraphiQL, where it is on, answers browsers with HTML; an
    # intermediary may compress the answer.
    vary = ["Accept", "Accept-Encoding"] if settings.GRAPHQL_GRAPHIQL else []
    response["Vary"] = ", ".join(vary or ["Accept-Encoding"])
    if state.cache is None or response.status_code != 200:
        response["Cache-Control"] = "no-store"
        return response
    response["X-Cache"] = state.cache
    max_age = settings.GRAPHQL_HTTP_MAX_AGE
    if state.valid_until is not None:  # never past the next go-live or expiry
        remaining = int(state.valid_until - timezone.now().timestamp())
        max_age = max(0, min(max_age, remaining))
    control = f"public, max-age={max_age}"
    stale = settings.GRAPHQL_HTTP_STALE_WHILE_REVALIDATE
    if request.method == "GET" and state.by_id and stale > 0:
        if state.valid_until is not None:
            stale = max(0, min(stale, remaining - max_age))
        control += f", stale-while-revalidate={stale}"
    response["Cache-Control"] = control
    if state.tags:
        response["Cache-Tag"] = ",".join(state.tags)
        response["Surrogate-Key"] = " ".join(state.tags)
    etag = state.etag or etag_for(response.content)
    response["ETag"] = etag
    if request.method == "GET" and etag in request.headers.get("If-None-Match", ""):
        not_modified = HttpResponseNotModified()
        for header in (
            "ETag",
            "Cache-Control",
            "Vary",
            "X-Request-ID",
            "X-Cache",
            "Cache-Tag",
            "Surrogate-Key",
        ):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response
