"""Prometheus metrics of the HTTP API, in a registry per app.

The assistant's per-stage timings (``bot.stages.record_stage``) land in the
``shopbot_stage_seconds`` histogram: the server wraps each request in
``collect_stages(metrics.observe_stage)``.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


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
