"""Redis failing under a production-like server: the API keeps answering,
and never with an answer older than the database.

Real processes, started and stopped here on free loopback ports: a private
``redis-server`` and gunicorn with production settings on a demo database
file, queried over HTTP by two client threads.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.cms.processes import (
    QUERY,
    Server,
    base_env,
    copy_database,
    free_port,
    publish_title,
    query,
    title_from,
)

REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        REDIS_SERVER is None, reason="redis-server is not installed on this machine"
    ),
]

OLD = "Hydrosalpinx"
NEW = "Hydrosalpinx (revised during the outage)"


class RedisServer:
    """A private redis-server that can be stopped and started again."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def dump(self) -> Path:
        return self.directory / "dump.rdb"

    def start(self) -> None:
        command = [
            REDIS_SERVER,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.directory),
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        log = (self.directory / "redis.log").open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - the redis-server binary
            command, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # no save points: nothing is written
            self.process.wait(timeout=20)
        self.process = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def production(demo_database_file, tmp_path, redis_server):
    """gunicorn (two workers) with production settings, on Redis."""
    env = base_env(
        copy_database(demo_database_file, tmp_path),
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY="fault-suite-secret-key-not-for-use",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=redis_server.url,
        LOG_LEVEL="WARNING",
    )
    server = Server.gunicorn(env, tmp_path / "gunicorn.log", workers=2)
    try:
        server.wait_ready()
        yield env, server
    finally:
        server.stop()


def load(server: Server, seconds: float, results: list, stopping: threading.Event):
    """Query in a loop: (started, finished, status, title or body)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not stopping.is_set():
        started = time.monotonic()
        try:
            status, body, _cache = query(server, QUERY, timeout=10)
            title = body["data"]["cause"]["title"] if status == 200 else body
        except Exception as error:  # noqa: BLE001 - a failed request is a result
            status, title = 0, repr(error)
        results.append((started, time.monotonic(), status, title))


def test_a_redis_outage_under_load_answers_every_request_and_publishes(
    production, redis_server
):
    env, server = production
    for _ in range(4):  # both workers have the old title cached
        assert title_from(server)[0] == OLD
    results: list = []
    stopping = threading.Event()
    clients = [
        threading.Thread(target=load, args=(server, 120, results, stopping))
        for _ in range(2)
    ]
    for client in clients:
        client.start()
    began = time.monotonic()
    try:
        time.sleep(5)
        redis_server.stop()
        down_at = time.monotonic()
        # The editor publishes while Redis is down: it succeeds, at once.
        publish_seconds = publish_title(env, NEW)
        published_at = time.monotonic()
        time.sleep(max(2.0, down_at + 10 - time.monotonic()))
        redis_server.start()
        up_at = time.monotonic()
        # Two clients for 30 s in all, at least 10 s of them after the outage.
        time.sleep(max(10.0, began + 30 - time.monotonic()))
    finally:
        stopping.set()
        for client in clients:
            client.join(timeout=60)

    # Not held up by the dead Redis (timeouts, acknowledgements).
    assert publish_seconds < 3
    failures = [result for result in results if result[2] != 200]
    assert failures == [], failures[:5]
    during = [result for result in results if down_at < result[0] < up_at]
    after = [result for result in results if result[0] > up_at]
    assert len(during) > 10 and len(after) > 10
    # Nothing older than the database once the publish has returned: while
    # Redis is down, nor once it is back with the old answer still stored.
    stale = [
        result for result in results if result[0] > published_at and result[3] != NEW
    ]
    assert stale == [], stale[:5]
    assert title_from(server)[0] == NEW
    assert title_from(server) == (NEW, "HIT")  # the cache is in use again

    log = server.output()
    # Logged once per worker when the breaker opens and when it closes.
    assert 1 <= log.count("Redis is unreachable") <= 2, log
    assert log.count("Redis is reachable again") <= 2, log
    assert "Traceback" not in log, log


def test_a_redis_restored_from_an_older_dump_never_serves_older_content(
    production, redis_server
):
    env, server = production
    for _ in range(4):
        title_from(server)
    assert title_from(server) == (OLD, "HIT")
    redis = redis_server.client()
    redis.save()
    older = redis_server.directory / "older.rdb"
    shutil.copyfile(redis_server.dump, older)

    publish_title(env, NEW)
    assert title_from(server)[0] == NEW

    redis_server.stop()
    shutil.copyfile(older, redis_server.dump)
    redis_server.start()
    # The dump holds the old answer under the cache generation of its day.
    assert redis_server.client().dbsize() > 0

    titles = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        status, body, _cache = query(server)
        assert status == 200, body
        titles.append(body["data"]["cause"]["title"])
    assert set(titles) == {NEW}, titles.count(OLD)
