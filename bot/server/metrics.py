"""Prometheus metrics of the HTTP API, and ``record_stage`` for the assistant's per-stage timings.

The assistant calls ``record_stage("nlu", seconds)`` (or ``with stage_timer("nlu"):``)
from the coroutine handling a turn. The server binds a recorder to that
coroutine's context (a ``ContextVar``), so timings land in the serving app's
own registry; outside a request (CLI, benchmarks) they go to whatever
``collect_stages()`` block is active, or nowhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

_sink: ContextVar[Callable[[str, float], None] | None] = ContextVar("shopbot_stage_sink", default=None)


def record_stage(name: str, seconds: float) -> None:
    """Report that stage ``name`` (nlu, retrieval, ranking, reply...) of the current turn took ``seconds``."""
    sink = _sink.get()
    if sink is not None:
        sink(name, seconds)


@contextmanager
def stage_timer(name: str) -> Iterator[None]:
    """``with stage_timer("retrieval"): ...`` — times the block and calls ``record_stage``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        record_stage(name, time.perf_counter() - started)


@contextmanager
def collect_stages(forward: Callable[[str, float], None] | None = None) -> Iterator[dict[str, float]]:
    """Collects the stage timings recorded inside the block into a dict (summed per stage)."""
    timings: dict[str, float] = {}

    def sink(name: str, seconds: float) -> None:
        timings[name] = timings.get(name, 0.0) + seconds
        if forward is not None:
            forward(name, seconds)

    token = _sink.set(sink)
    try:
        yield timings
    finally:
        _sink.reset(token)


class ServerMetrics:
    """The metrics of one app, in the app's own registry (several apps per process never clash)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.turns = Counter("shopbot_turns", "Chat turns answered.", registry=self.registry)
        self.errors = Counter("shopbot_errors", "Error responses by kind.", ["kind"], registry=self.registry)
        self.requests = Counter(
            "shopbot_http_requests", "HTTP requests by route and status.", ["route", "method", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "shopbot_http_request_seconds", "HTTP request latency by route.", ["route"],
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "shopbot_turn_seconds", "Whole-turn latency inside the assistant.", buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.stage_seconds = Histogram(
            "shopbot_stage_seconds", "Per-stage latency of a turn (nlu, retrieval, ranking, reply...).", ["stage"],
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )

    def observe_stage(self, name: str, seconds: float) -> None:
        self.stage_seconds.labels(stage=name).observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
