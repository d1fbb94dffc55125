"""django-redis with a circuit breaker: a Redis outage costs no request.

The response cache, the rate limit counters and the scheduling lock are
optimisations, so when Redis cannot be reached every cache operation answers
as if the key were absent (``get`` its default, ``add``/``incr`` ``None``,
writes nothing) instead of raising. Short socket timeouts
(``REDIS_SOCKET_CONNECT_TIMEOUT``, ``REDIS_SOCKET_TIMEOUT``) bound the first
failed call; the breaker then stays open for ``REDIS_CIRCUIT_SECONDS``, during
which no call waits on Redis at all. After that one call tries again: if it
works, the breaker closes. Opening and closing are logged once each
(``cms.caching``), never per request.

Whether answers served after Redis returns are current does not depend on
Redis: every entry carries the database-held generation (``cms.cache.generation``).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("cms.caching")

#: What an unreachable (stopped, restarting, partitioned) Redis raises.
UNREACHABLE = (
    ConnectionInterrupted,
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionError,
    TimeoutError,
    OSError,
)


class CircuitBreaker:
    """Closed while Redis answers; open for ``seconds`` after a failure."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.open_until: float | None = None
        self.lock = threading.Lock()

    def allows(self) -> bool:
        """May a call go to Redis now? (Closed, or open and due for a retry.)"""
        open_until = self.open_until
        return open_until is None or time.monotonic() >= open_until

    @property
    def is_open(self) -> bool:
        return self.open_until is not None

    def failed(self, error: BaseException) -> None:
        with self.lock:
            was_closed = self.open_until is None
            self.open_until = time.monotonic() + self.seconds
        if was_closed:
            logger.warning(
                "Redis is unreachable (%s): answering uncached, without rate "
                "limits, retrying every %.1f s",
                error.__class__.__name__,
                self.seconds,
            )

    def succeeded(self) -> None:
        if self.open_until is None:
            return
        with self.lock:
            was_open = self.open_until is not None
            self.open_until = None
        if was_open:
            logger.warning("Redis is reachable again: the cache is back in use")


class ResilientRedisCache(RedisCache):
    """``django_redis.cache.RedisCache`` that never raises for an outage."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        # Failures reach the breaker instead of being swallowed per call.
        self._ignore_exceptions = False
        self.breaker = CircuitBreaker(
            float(getattr(settings, "REDIS_CIRCUIT_SECONDS", 5.0))
        )

    def _guarded(self, method: Any, fallback: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.breaker.allows():
            return fallback
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self.breaker.failed(error)
            return fallback
        self.breaker.succeeded()
        return result

    def get(self, key, default=None, version=None, client=None):
        return self._guarded(super().get, default, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self._guarded(super().get_many, {}, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guarded(super().set, None, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded(super().set_many, [], *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guarded(super().add, None, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._guarded(super().incr, None, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._guarded(super().decr, None, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded(super().delete, None, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded(super().delete_many, None, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded(super().has_key, False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded(super().touch, None, *args, **kwargs)

    def expire(self, *args, **kwargs):
        return self._guarded(super().expire, None, *args, **kwargs)

    def clear(self):
        return self._guarded(super().clear, None)
