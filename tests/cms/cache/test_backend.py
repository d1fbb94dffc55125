"""The Redis cache backend answers through an outage as if every key were
absent, and says so once (cms/cache/backend.py).

An unreachable Redis is a closed loopback port: nothing listens there, so a
connection is refused at once (no timeout is waited for).
"""

from __future__ import annotations

import logging
import os
import time

import pytest

from cms.cache.backend import ResilientRedisCache

#: A port of this suite's range with nothing listening on it.
CLOSED = "redis://127.0.0.1:8899/8"
OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}


def backend(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(location, {"OPTIONS": OPTIONS})


def warnings(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "cms.caching" and record.levelno == logging.WARNING
    ]


def test_an_unreachable_redis_answers_every_operation_as_a_miss(caplog):
    cache = backend(CLOSED)
    with caplog.at_level(logging.WARNING, logger="cms.caching"):
        assert cache.get("answer", default="fallback") == "fallback"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set("answer", "42") is None
        assert cache.add("counter", 1) is None
        assert cache.incr("counter") is None
        assert cache.has_key("answer") is False
        assert cache.delete("answer") is None
        assert cache.clear() is None
    assert cache.breaker.is_open
    (warning,) = warnings(caplog)
    assert "Redis is unreachable" in warning
    assert "answering uncached" in warning


def test_an_open_breaker_sends_no_call_to_redis(caplog, monkeypatch):
    cache = backend(CLOSED)
    cache.get("answer")
    assert cache.breaker.is_open

    def must_not_run(*args, **kwargs):
        raise AssertionError("a call reached Redis while the breaker was open")

    monkeypatch.setattr(cache.client, "get", must_not_run)
    assert cache.get("answer", default="fallback") == "fallback"


def test_a_retry_that_fails_again_keeps_the_breaker_open_without_a_new_warning(
    caplog,
):
    cache = backend(CLOSED)
    with caplog.at_level(logging.WARNING, logger="cms.caching"):
        cache.get("answer")
        # The breaker's time is up (set back instead of waited for).
        cache.breaker.open_until = time.monotonic() - 1
        assert cache.breaker.allows()
        assert cache.get("answer", default="fallback") == "fallback"
    assert not cache.breaker.allows()
    assert len(warnings(caplog)) == 1


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs Redis (set REDIS_URL)"
)
def test_a_reachable_redis_closes_the_breaker_and_says_so_once(caplog):
    cache = backend(os.environ["REDIS_URL"])
    cache.breaker.failed(ConnectionError("refused"))
    cache.breaker.open_until = time.monotonic() - 1
    with caplog.at_level(logging.WARNING, logger="cms.caching"):
        assert cache.set("cms-backend-test", "stored") is True
        assert cache.get("cms-backend-test") == "stored"
        cache.delete("cms-backend-test")
    assert not cache.breaker.is_open
    assert warnings(caplog)[-1] == "Redis is reachable again: the cache is back in use"
    assert sum("reachable again" in message for message in warnings(caplog)) == 1
