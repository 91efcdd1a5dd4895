"""Built feeds kept in process memory, keyed by everything they depend on.

The key carries the database's data version, so a stale entry is never served: it just
stops being asked for and ages out. Web processes stay stateless (a cold process rebuilds
once per feed); nothing another instance needs lives here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Built:
    """A feed's bytes with their validators."""

    body: bytes
    etag: str
    last_modified: datetime


class FeedCache:
    """A small thread-safe LRU of built feeds."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[Hashable, Built] = OrderedDict()
        self._lock = threading.Lock()
        self.builds = 0  # how many times a feed was built (tests and the benchmark read it)

    def get(self, key: Hashable, build: Callable[[], Built]) -> Built:
        """The entry for key, built (outside the lock) when missing."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        built = build()
        with self._lock:
            self.builds += 1
            self._items[key] = built
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return built

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()
