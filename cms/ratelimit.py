"""The per-client rate limit on GraphQL queries that miss the response cache."""

from __future__ import annotations

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _address(value: str) -> str | None:
    """An IP address in canonical spelling, or None; accepts a port after it."""
    value = value.strip()
    candidates = [value]
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        candidates.append(value[1 : value.index("]")])
    elif value.count(":") == 1:  # 192.0.2.1:443
        candidates.append(value.split(":")[0])
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def client_ip(request: HttpRequest) -> str:
    """The address of the client, as the trusted proxies in front saw it.

    Each of the ``GRAPHQL_TRUSTED_PROXIES`` reverse proxies appends the
    address it received the request from to ``X-Forwarded-For``; everything
    to the left of their entries was written by the client and is ignored.
    So the client is the N-th entry from the right. Without trusted proxies,
    or when the header has fewer entries than there are proxies or that
    entry is not an IP address, it is the connection's peer (``REMOTE_ADDR``).
    """
    trusted = settings.GRAPHQL_TRUSTED_PROXIES
    peer = request.META.get("REMOTE_ADDR", "")
    if trusted > 0:
        entries = request.headers.get("X-Forwarded-For", "").split(",")
        if len(entries) >= trusted:
            address = _address(entries[-trusted])
            if address is not None:
                return address
    return _address(peer) or peer or "unknown"


def rate_limit_subject(request: HttpRequest) -> str:
    """Whom the rate limit counts: the client's IPv4 address, or its IPv6 /64
    (one subscriber's network: its hosts can pick any address in it)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def rate_limited(request: HttpRequest) -> int | None:
    """Count an uncached request; return seconds to wait if over the limit.

    A fixed-window counter in the shared cache, called by the view only once
    a request has missed the response cache. django-ratelimit's
    ``is_ratelimited``/``get_usage`` could be called at the same point, but
    they do the same ``add``/``incr`` on the same cache and would add a
    dependency without changing what is counted or how. With the cache
    unreachable the limit fails open: it protects the workers, it is not a
    reason to refuse a reader.
    """
    limit, window = settings.GRAPHQL_RATE_LIMIT
    if limit <= 0:
        return None
    now = int(time.time())
    bucket = now // window
    key = f"graphql:rate:{rate_limit_subject(request)}:{bucket}"
    added = cache.add(key, 1, timeout=window + 1)
    if added is None:
        return None  # the cache is unreachable (cms.cache.backend): fail open
    if added:
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window + 1)
            count = 1
    if count is None:
        return None
    if count > limit:
        return (bucket + 1) * window - now or 1
    return None
