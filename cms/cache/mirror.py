"""An in-process copy of the shared response cache, kept exact by Redis pub/sub.

A cache hit normally costs one round trip to Redis: it reads the current
*generation* (see ``cms.cache.responses``) together with the entry. With several
workers that round trip is most of a hit's cost, so each process also keeps
the entries it has seen, and learns of every new generation through Redis
pub/sub instead of asking for it on each request.

The copy is only used while it is provably current:

- a background thread subscribes to the invalidation channel, then reads the
  generation; every invalidation message moves this process to the new
  generation and drops its copy;
- the thread pings Redis through the subscription every ``lease / 4``
  seconds; each answer extends a *lease* to ``lease`` seconds after the ping
  was sent, and the copy is trusted only while the lease holds. Because
  messages and answers arrive in order, a process that got an answer after an
  invalidation was published has already applied it;
- whoever invalidates publishes the new generation and waits until every
  subscriber has acknowledged it, or at most ``lease`` seconds, after which
  any subscriber that did not acknowledge has lost its lease. So once a
  publish returns, no process serves the older generation from memory: a
  publish is visible on the very next query, from every worker.

Anything unexpected (Redis down, the subscription dropped) makes the process
distrust its copy and use Redis directly until it has resubscribed.

Every hit must also carry the generation the database holds
(``cms.cache.generation``), which no cache can move backwards. While the copy
is trusted, the process reads that generation at most once per
``lease / 4`` seconds (``database_generation``) instead of on every hit: each
invalidation this process hears forgets the value read, and a change whose
announcement nobody could hear (Redis unreachable from the process making it)
waits ``lease / 4`` before it returns (``cms.cache.invalidation``), by which
time every value read before it has expired.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections import OrderedDict
from typing import Any

logger = logging.getLogger("cms.caching")

#: (generation, result, status, etag, valid_until: epoch seconds or None,
#: the database's generation)
Entry = tuple[int, str, int, str, float | None, int]


class ResponseMirror:
    def __init__(
        self,
        redis: Any,
        channel: str,
        ack_prefix: str,
        read_generation: Any,
        lease: float,
        max_entries: int,
    ) -> None:
        self.redis = redis
        self.channel = channel
        self.ack_prefix = ack_prefix
        self.read_generation = read_generation
        self.lease = lease
        self.max_entries = max_entries
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.lock = threading.Lock()
        self.generation: int | None = None
        self.trusted_until = 0.0
        self.pid: int | None = None
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None
        self.pubsub: Any = None
        self.lost = False
        #: Moves on with every generation this process learns of; a database
        #: generation read before the latest move is never used after it.
        self.epoch = 0
        #: ``(epoch, valid until (monotonic), value)`` of the database's
        #: generation as last read, or None.
        self.verified: tuple[int, float, int] | None = None

    # -- the request path ------------------------------------------------------

    def current_generation(self) -> int | None:
        """The generation this process knows to be current, or None."""
        if self.pid != os.getpid():
            self.start()
            return None
        if self.generation is None or time.monotonic() >= self.trusted_until:
            return None
        return self.generation

    def get(self, key: str) -> Entry | None:
        generation = self.current_generation()
        if generation is None:
            return None
        entry = self.entries.get(key)
        if entry is None or entry[0] != generation:
            return None
        return entry

    @property
    def verification_interval(self) -> float:
        """How long a read of the database's generation may be relied on."""
        return self.lease / 4

    def database_generation(self, read: Any) -> int:
        """The database's generation (``read()``), read again only when the
        last read is older than ``verification_interval``, was made before
        the latest invalidation heard here, or the copy is not trusted."""
        epoch = self.epoch
        now = time.monotonic()
        verified = self.verified
        if (
            verified is not None
            and verified[0] == epoch
            and now < verified[1]
            and self.current_generation() is not None
        ):
            return verified[2]
        value = int(read())
        with self.lock:
            if self.epoch == epoch:
                self.verified = (epoch, now + self.verification_interval, value)
        return value

    def put(self, key: str, entry: Entry) -> None:
        if entry[0] != self.current_generation():
            return
        with self.lock:
            if entry[0] != self.generation:
                return
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every copied response (the generation stays trusted)."""
        with self.lock:
            self.entries.clear()

    # -- invalidation ----------------------------------------------------------

    def moved_to(self, generation: int | None) -> None:
        with self.lock:
            self.entries.clear()
            self.generation = generation
            self.epoch += 1
            self.verified = None

    def announce(self, generation: int) -> bool:
        """Tell every process about a new generation and wait for them.

        True once every subscriber acknowledged it, or at most ``lease``
        later, when any that did not has lost its lease; False when the
        announcement could not be made (see ``outlast_unheard_change``).
        """
        if self.pid == os.getpid():
            self.moved_to(generation)  # this process needs no message
        try:
            receivers = self.redis.publish(self.channel, str(generation))
            deadline = time.monotonic() + self.lease
            ack_key = f"{self.ack_prefix}{generation}"
            while receivers and time.monotonic() < deadline:
                if int(self.redis.get(ack_key) or 0) >= receivers:
                    return True
                time.sleep(0.0005)
            if receivers:
                logger.warning(
                    "Not every worker acknowledged cache generation %s within %.1f s; "
                    "their in-memory copies have expired instead",
                    generation,
                    self.lease,
                )
            return True
        except Exception as error:
            logger.warning(
                "Could not announce cache generation %s (%s)",
                generation,
                error.__class__.__name__,
            )
            return False

    def outlast_unheard_change(self) -> None:
        """After a committed change nobody heard of: wait until every read of
        the database's generation made before it has expired in every
        process, so that from now on each process reads the new one."""
        time.sleep(self.verification_interval)

    # -- the subscriber thread -------------------------------------------------

    def start(self) -> None:
        """Start listening in this process (again, after a fork)."""
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.entries.clear()
            self.generation = None
            self.trusted_until = 0.0
            self.epoch += 1
            self.verified = None
            self.stopping = threading.Event()
            self.thread = threading.Thread(
                target=self.listen, name="graphql-cache-mirror", daemon=True
            )
            self.thread.start()

    def stop(self) -> None:
        """Stop listening; the process falls back to Redis on every hit."""
        self.stopping.set()
        thread = self.thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self.lease * 2)
        with self.lock:
            self.pid = None
            self.entries.clear()
            self.generation = None
            self.trusted_until = 0.0
            self.epoch += 1
            self.verified = None

    def listen(self) -> None:
        """Follow the channel for as long as the process runs.

        Losing Redis (stopped, restarting, unreachable) drops the copy and
        retries with a backoff up to ``lease``; each resubscription starts
        from an empty copy and the generation read afresh. The loss is
        logged once, and the recovery once, however long the outage.
        """
        stopping = self.stopping
        backoff = 0.1
        self.lost = False
        while not stopping.is_set():
            try:
                self.follow(stopping)
            except Exception as error:
                if not self.lost:
                    self.lost = True
                    logger.warning(
                        "Cache invalidation channel lost (%s); retrying, and "
                        "answering from Redis or uncached meanwhile",
                        error.__class__.__name__,
                    )
            self.moved_to(None)
            self.trusted_until = 0.0
            if self.pubsub is not None:
                with contextlib.suppress(Exception):  # a broken connection
                    self.pubsub.close()
            stopping.wait(backoff)
            backoff = min(backoff * 2, self.lease)

    def follow(self, stopping: threading.Event) -> None:
        self.pubsub = pubsub = self.redis.pubsub()
        pubsub.subscribe(self.channel)
        self.wait_for(pubsub, "subscribe", time.monotonic())
        # Subscribed before reading: no invalidation can slip in between.
        current = int(self.read_generation())
        if current <= 0:  # the cache is not answering yet
            raise ConnectionError("no cache generation")
        self.moved_to(current)
        if self.lost:
            self.lost = False
            logger.warning("Cache invalidation channel restored; memory copy emptied")
        interval = self.lease / 4
        while not stopping.is_set():
            sent = time.monotonic()
            pubsub.ping()
            self.wait_for(pubsub, "pong", sent)
            self.trusted_until = sent + self.lease
            until = sent + interval
            while not stopping.is_set() and (left := until - time.monotonic()) > 0:
                message = pubsub.get_message(timeout=left)
                if message is not None:
                    self.handle(message)

    def wait_for(self, pubsub: Any, kind: str, sent: float) -> None:
        while (left := sent + self.lease - time.monotonic()) > 0:
            message = pubsub.get_message(timeout=left)
            if message is None:
                continue
            if message["type"] == kind:
                return
            self.handle(message)
        raise TimeoutError(f"no {kind} from Redis within {self.lease} s")

    def handle(self, message: dict) -> None:
        if message["type"] != "message":
            return
        generation = int(message["data"])
        # Announcements can cross (two publishers at once): read the
        # generation itself, which is at least the announced one.
        self.moved_to(int(self.read_generation()))
        ack_key = f"{self.ack_prefix}{generation}"
        pipe = self.redis.pipeline()
        pipe.incr(ack_key)
        pipe.expire(ack_key, 60)
        pipe.execute()
