"""Response caching and rate limiting for anonymous GraphQL queries.

Responses live in Django's cache (Redis when ``REDIS_URL`` is set). Each entry
carries a *generation* number; publishing, unpublishing, moving or deleting a
page, and any change to snippets, settings, translations, locales, sites,
redirects, view restrictions, images or documents bumps the generation, so the
very next query misses the cache and sees the change. With Redis, each
process also keeps an exact in-memory copy of the entries it has seen
(``cms.cache_mirror``), so most hits need no round trip. Nothing is ever served
from or stored in the cache for an authenticated user or a request a resolver
marked private (previews).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cms.cache_mirror import ResponseMirror

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

            _mirror = ResponseMirror(
                redis=get_redis_connection("default"),
                channel=cache.make_key("graphql:generations"),
                ack_prefix=cache.make_key("graphql:ack:"),
                read_generation=generation,
                lease=settings.GRAPHQL_MEMORY_CACHE_LEASE_SECONDS,
                max_entries=entries,
            )
    return _mirror


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


def invalidate(**_kwargs: Any) -> None:
    """Forget every cached response (by moving to a new generation).

    Called by the signals of a change, which may still be inside its
    transaction: the generation moves at once and again on commit, so an
    answer computed from the old rows in between is never kept.
    """
    _move_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_move_generation)
    purge_cdn()


def _move_generation() -> None:
    try:
        new = cache.incr(GENERATION_KEY)
    except ValueError:
        new = generation() + 1
        cache.set(GENERATION_KEY, new, timeout=None)
    copy = mirror()
    if copy is not None:
        copy.announce(int(new))


def purge_cdn() -> None:
    """Ask the configured CDN (wagtail.contrib.frontend_cache) to drop /graphql/."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache([settings.GRAPHQL_CDN_PURGE_URL])
    except Exception:  # a CDN outage must not fail a publish
        logger.exception("CDN purge of %s failed", settings.GRAPHQL_CDN_PURGE_URL)


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


def cache_key(
    request: HttpRequest, query: str, variables: Any, operation_name: str | None
) -> str:
    normalised = " ".join(query.split())
    material = json.dumps(
        [normalised, variables or {}, operation_name or "", request.get_host()],
        sort_keys=True,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(material.encode()).hexdigest()
    return f"graphql:response:{digest}"


def client_ip(request: HttpRequest) -> str:
    if settings.GRAPHQL_TRUST_X_FORWARDED_FOR:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request: HttpRequest) -> int | None:
    """Count an uncached request; return seconds to wait if over the limit."""
    limit, window = settings.GRAPHQL_RATE_LIMIT
    if limit <= 0:
        return None
    now = int(time.time())
    bucket = now // window
    key = f"graphql:rate:{client_ip(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window + 1)
            count = 1
    if count > limit:
        return (bucket + 1) * window - now or 1
    return None
