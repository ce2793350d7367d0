"""Token-bucket rate limiting, per key (client IP, session id)."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable

from pydantic import BaseModel, Field


class RateLimit(BaseModel):
    """Requests per second and burst size, per client IP and per session (None = unlimited).

    Requests from this machine (loopback) are not limited unless ``limit_loopback``:
    the limits protect the shop from remote clients, while local tools (dialogue
    tests, benchmarks, a monitoring script) send turns back to back. Behind a
    reverse proxy on the same host, limit in the proxy or set ``limit_loopback``.
    """

    per_ip_rate: float | None = Field(default=20.0, gt=0)
    per_ip_burst: float = Field(default=60.0, ge=1)
    per_session_rate: float | None = Field(default=2.0, gt=0)
    per_session_burst: float = Field(default=10.0, ge=1)
    limit_loopback: bool = False

    def applies_to(self, remote: str | None) -> bool:
        """Whether requests from the address ``remote`` are rate limited."""
        return self.limit_loopback or not is_loopback(remote)


def is_loopback(remote: str | None) -> bool:
    try:
        return ipaddress.ip_address((remote or "").split("%")[0]).is_loopback
    except ValueError:
        return False


class TokenBuckets:
    """One bucket per key: ``burst`` tokens, refilled at ``rate`` per second.

    ``take(key)`` spends a token and returns 0.0, or returns how many seconds
    until a token is available. Memory is bounded: when more than ``max_keys``
    buckets exist, the full (idle) ones are dropped.
    """

    def __init__(self, rate: float, burst: float, *, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.max_keys = rate, burst, max_keys
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: str) -> float:
        now = self._clock()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > self.max_keys:
                self._evict(now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate

    def _evict(self, now: float) -> None:
        full = [k for k, (tokens, last) in self._buckets.items() if tokens + (now - last) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
