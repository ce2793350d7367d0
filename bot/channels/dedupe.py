"""A bounded, time-limited memory of deliveries already handled (platform retries)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

_MISSING = object()


class DedupeStore:
    """Remembers up to ``max_items`` keys for ``ttl_s`` seconds each (oldest evicted first).

    Platforms retry a webhook when our acknowledgement is slow or lost
    (Telegram resends the same ``update_id``, Slack the same ``event_id`` with
    ``X-Slack-Retry-Num``, WhatsApp the same message id). ``claim`` returns
    True only for the first delivery of a key, so each is answered once.
    A value (e.g. the reply of an inline channel) can be kept with the key.
    """

    def __init__(self, max_items: int = 10_000, ttl_s: float = 3600.0, clock: Callable[[], float] = time.monotonic):
        if max_items < 1:
            raise ValueError("max_items must be >= 1")
        self.max_items = max_items
        self.ttl_s = ttl_s
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def _expire(self, now: float) -> None:
        while self._items:
            key, (expires, _) = next(iter(self._items.items()))
            if expires > now:
                break
            self._items.popitem(last=False)

    def claim(self, key: str, value: Any = None) -> bool:
        """Mark ``key`` as handled; True when it was not already marked (and alive)."""
        now = self._clock()
        self._expire(now)
        if key in self._items:
            return False
        self._items[key] = (now + self.ttl_s, value)
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)
        return True

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored with a live key (``default`` when unknown or expired)."""
        self._expire(self._clock())
        item = self._items.get(key, _MISSING)
        return default if item is _MISSING else item[1]

    def set(self, key: str, value: Any) -> None:
        """Replace the value of a claimed key (keeps its expiry)."""
        if key in self._items:
            self._items[key] = (self._items[key][0], value)

    def release(self, key: str) -> None:
        """Forget a key (e.g. its processing failed before anything was answered)."""
        self._items.pop(key, None)

    def __len__(self) -> int:
        self._expire(self._clock())
        return len(self._items)

    def __contains__(self, key: str) -> bool:
        return self.get(key, _MISSING) is not _MISSING
