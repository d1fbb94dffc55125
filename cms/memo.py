"""A bounded, thread-safe, least-recently-used memo held by one process.

What the API remembers between requests (validated documents, canonical
query digests, the cache keys of repeated requests) may be as large as
``GRAPHQL_MAX_BODY_BYTES`` per entry, and anyone can send new ones: each memo
is bounded both by its number of entries and by the bytes its entries hold,
and an entry over a quarter of that budget is not kept at all (it is worked
out again every time rather than evicting everything else).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        #: key -> (value, size in bytes)
        self.entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            self.entries.move_to_end(key)
            return entry[0]

    def put(self, key: K, value: V, size: int) -> None:
        """Remember ``value``, which holds ``size`` bytes (its key's text)."""
        if size * 4 > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (value, size)
            self.bytes += size
            while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
                _, (_, evicted) = self.entries.popitem(last=False)
                self.bytes -= evicted

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self.entries)
