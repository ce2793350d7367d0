"""Per-stage timings of a turn (nlu, embedding, store_query, rerank, reply...).

The assistant calls ``record_stage("nlu", seconds)`` (or ``with stage_timer("nlu"):``)
from the coroutine handling a turn. Whoever wants the timings binds a sink to
that coroutine's context (a ``ContextVar``) with ``collect_stages()``: the HTTP
server (Prometheus histograms), the benchmark, a test. Outside such a block the
timings go nowhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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
