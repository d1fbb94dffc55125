"""Each process's in-memory copy of the Redis response cache stays exact.

These need the Redis server (CI points REDIS_URL at it); other workers are
stood in for by mirrors of their own, subscribed to the same channel.
"""

import json
import os
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis as redis_py
from django.core.cache import cache
from django_redis import get_redis_connection

from cms.cache import generation as db_generation
from cms.cache import responses
from cms.cache.invalidation import invalidate
from cms.cache.mirror import ResponseMirror
from content.models import CausePage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs Redis (set REDIS_URL)"
    ),
]

QUERY = '{ cause(slug: "hydrosalpinx") { title } }'


class OtherWorker(ResponseMirror):
    """A worker that takes ``delay`` seconds to act on each invalidation."""

    def __init__(self, lease: float = 2.0, delay: float = 0.0):
        super().__init__(
            redis=get_redis_connection("default"),
            channel=responses.invalidation_channel(get_redis_connection("default")),
            ack_prefix=cache.make_key("graphql:ack:"),
            read_generation=responses.generation,
            lease=lease,
            max_entries=10,
        )
        self.delay = delay

    def handle(self, message: dict) -> None:
        if message["type"] == "message":
            # Stopping the worker ends the delay: no thread outlives its test.
            self.stopping.wait(self.delay)
        super().handle(message)


def trusted(mirror: ResponseMirror, timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        generation = mirror.current_generation()
        if generation is not None:
            return generation
        time.sleep(0.01)
    raise AssertionError("the mirror never trusted its generation")


@pytest.fixture
def other_worker():
    workers = []

    def make(**kwargs) -> OtherWorker:
        worker = OtherWorker(**kwargs)
        worker.start()
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()


def get(client):
    response = client.get("/graphql/", {"query": QUERY})
    return response, json.loads(response.content)["data"]["cause"]["title"]


def test_hits_are_served_from_memory_and_a_publish_is_seen_next(demo_article, client):
    own = responses.mirror()
    assert own is not None
    own.start()
    trusted(own)
    first, _ = get(client)
    assert first["X-Cache"] == "MISS"
    # Take the entry out of Redis: only the in-memory copy can answer now.
    redis = get_redis_connection("default")
    assert redis.delete(*redis.keys(cache.make_key("graphql:response:*"))) == 1
    second, title = get(client)
    assert second["X-Cache"] == "HIT" and title == "Hydrosalpinx"

    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Hydrosalpinx (revised)"
    page.save_revision().publish()
    third, title = get(client)
    assert third["X-Cache"] == "MISS" and title == "Hydrosalpinx (revised)"


def test_a_publish_returns_only_once_every_worker_has_dropped_its_copy(
    demo_article, other_worker
):
    slow = other_worker(delay=0.3)
    before = trusted(slow)
    slow.put("graphql:response:example", (before, '{"data":{}}', 200, '"e"'))
    assert slow.get("graphql:response:example") is not None

    page = CausePage.objects.get(slug="hydrosalpinx")
    page.save_revision().publish()

    # No waiting here: the publish itself waited for the slow worker.
    assert slow.get("graphql:response:example") is None
    assert slow.generation == responses.generation() > before


def test_a_worker_that_stops_answering_loses_its_copy_within_the_lease(
    demo_article, other_worker
):
    stuck = other_worker(lease=0.5, delay=5.0)
    generation = trusted(stuck)
    stuck.put("graphql:response:example", (generation, '{"data":{}}', 200, '"e"'))
    # Nobody can make this worker act on the invalidation (it is stuck in
    # handling it), so the publish waits out the lease instead.
    started = time.monotonic()
    invalidate()
    assert time.monotonic() - started >= 0.5
    assert stuck.get("graphql:response:example") is None
    assert stuck.current_generation() is None
    stuck.stopping.set()


def test_a_dropped_subscription_is_distrusted_then_rebuilt(demo_article, other_worker):
    worker = other_worker()
    generation = trusted(worker)
    worker.put("graphql:response:example", (generation, '{"data":{}}', 200, '"e"'))
    redis = get_redis_connection("default")
    redis.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
    deadline = time.monotonic() + 2
    while worker.get("graphql:response:example") is not None:
        assert time.monotonic() < deadline, "kept serving after losing Redis"
        time.sleep(0.01)
    assert trusted(worker) == responses.generation()


def test_memory_copies_hold_a_bounded_number_of_entries(other_worker):
    worker = other_worker()
    generation = trusted(worker)
    for number in range(25):
        worker.put(f"key{number}", (generation, "{}", 200, '"e"'))
    assert len(worker.entries) == 10
    assert worker.get("key24") is not None and worker.get("key0") is None


# -- two deployments on one Redis server ---------------------------------------


class Listener(ResponseMirror):
    """A worker of some deployment that notes every invalidation it hears."""

    def __init__(self, redis, read_generation):
        super().__init__(
            redis=redis,
            channel=responses.invalidation_channel(redis),
            ack_prefix=cache.make_key("graphql:ack:"),
            read_generation=read_generation,
            lease=2.0,
            max_entries=10,
        )
        self.heard: list[int] = []

    def handle(self, message: dict) -> None:
        if message["type"] == "message":
            self.heard.append(int(message["data"]))
        super().handle(message)


class CountingRedis:
    """A Redis connection that notes how many subscribers each publish reached."""

    def __init__(self, redis):
        self.redis = redis
        self.reached: list[int] = []

    def publish(self, channel, message):
        receivers = self.redis.publish(channel, message)
        self.reached.append(receivers)
        return receivers

    def __getattr__(self, name):
        return getattr(self.redis, name)


@pytest.fixture
def other_deployment():
    """The Redis database next to ours, used with the same key prefix."""
    url = urlsplit(os.environ["REDIS_URL"])
    ours = int(url.path.strip("/") or 0)
    theirs = redis_py.Redis.from_url(
        urlunsplit(url._replace(path=f"/{(ours + 1) % 16}"))
    )
    yield theirs
    for key in theirs.scan_iter(f"{cache.make_key('graphql:ack:')}*"):
        theirs.delete(key)  # only what the test wrote there
    theirs.close()


def test_deployments_sharing_a_redis_server_do_not_hear_each_other(
    demo_article, other_deployment
):
    own = responses.mirror()
    own.stop()  # only the listeners below subscribe in this process
    ours = Listener(get_redis_connection("default"), responses.generation)
    theirs = Listener(other_deployment, lambda: 1)
    for listener in (ours, theirs):
        listener.start()
    try:
        trusted(ours)
        trusted(theirs)
        theirs.put("graphql:response:example", (1, '{"data":{}}', 200, '"e"', None))

        publisher = CountingRedis(get_redis_connection("default"))
        announcer = ResponseMirror(
            redis=publisher,
            channel=responses.invalidation_channel(get_redis_connection("default")),
            ack_prefix=cache.make_key("graphql:ack:"),
            read_generation=responses.generation,
            lease=2.0,
            max_entries=10,
        )
        generation = responses.generation() + 1
        cache.set(responses.GENERATION_KEY, generation, timeout=None)
        announcer.announce(generation)
        # Only our own worker was waited for, and it acknowledged.
        assert publisher.reached == [1]
        assert ours.heard == [generation]
        assert theirs.get("graphql:response:example") is not None

        # Their own announcement reaches them after ours would have: they
        # heard only theirs.
        Listener(other_deployment, lambda: 1).announce(7)
        assert theirs.heard == [7]
        assert ours.heard == [generation]
    finally:
        ours.stop()
        theirs.stop()


# -- the database's generation, read once per interval ---------------------------


def test_trusted_hits_read_the_database_generation_once_per_interval(
    demo_article, client, monkeypatch, django_assert_num_queries
):
    own = responses.mirror()
    own.start()
    trusted(own)
    monkeypatch.setattr(own, "lease", 60.0)  # an interval no test outlasts
    assert get(client)[0]["X-Cache"] == "MISS"
    assert get(client)[0]["X-Cache"] == "HIT"
    with django_assert_num_queries(0):
        for _ in range(3):
            assert get(client)[0]["X-Cache"] == "HIT"

    # An invalidation heard here forgets the generation read before it.
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Hydrosalpinx (revised)"
    page.save_revision().publish()
    response, title = get(client)
    assert response["X-Cache"] == "MISS" and title == "Hydrosalpinx (revised)"


def test_an_unannounced_change_is_seen_once_the_interval_is_over(
    demo_article, client, monkeypatch
):
    own = responses.mirror()
    own.start()
    trusted(own)
    monkeypatch.setattr(own, "lease", 0.4)
    get(client)
    assert get(client)[0]["X-Cache"] == "HIT"
    # A change committed where nobody heard of it: only the database knows.
    db_generation.bump()
    deadline = time.monotonic() + 2
    while get(client)[0]["X-Cache"] == "HIT":
        assert time.monotonic() < deadline, "kept serving after the interval"
        time.sleep(0.02)


def test_a_change_nobody_could_hear_returns_after_earlier_reads_expired(
    demo_article, other_worker, monkeypatch, django_capture_on_commit_callbacks
):
    worker = other_worker()
    trusted(worker)
    before = worker.database_generation(db_generation.current)
    own = responses.mirror()

    def unreachable(*args):
        raise redis_py.ConnectionError("stand-in for a lost connection")

    monkeypatch.setattr(own.redis, "publish", unreachable)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
    assert time.monotonic() - started >= own.verification_interval
    # The worker heard nothing, but its earlier read has expired.
    assert worker.database_generation(db_generation.current) == before + 1
