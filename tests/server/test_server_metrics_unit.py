"""Units: stage timing helpers, token buckets, the per-key lock, the OpenAPI document."""

from __future__ import annotations

import asyncio

from bot.stages import collect_stages, record_stage, stage_timer
from bot.server.openapi import openapi_document
from bot.server.ratelimit import TokenBuckets


def test_record_stage_outside_a_request_is_a_no_op():
    record_stage("nlu", 0.1)  # must not raise


def test_collect_stages_sums_per_stage_and_forwards():
    forwarded = []
    with collect_stages(lambda n, s: forwarded.append(n)) as timings:
        record_stage("nlu", 0.1)
        record_stage("nlu", 0.2)
        with stage_timer("retrieval"):
            pass
    assert abs(timings["nlu"] - 0.3) < 1e-9
    assert "retrieval" in timings and forwarded == ["nlu", "nlu", "retrieval"]
    record_stage("nlu", 1.0)
    assert abs(timings["nlu"] - 0.3) < 1e-9  # the block is closed


async def test_stage_sinks_of_concurrent_turns_do_not_mix():
    async def turn(name: str) -> dict:
        with collect_stages() as timings:
            await asyncio.sleep(0.01)
            record_stage(name, 1.0)
            await asyncio.sleep(0.01)
        return timings

    a, b = await asyncio.gather(turn("a"), turn("b"))
    assert a == {"a": 1.0} and b == {"b": 1.0}


def test_token_bucket_refills():
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=2, clock=lambda: now[0])
    assert buckets.take("k") == 0 and buckets.take("k") == 0
    wait = buckets.take("k")
    assert 0.4 < wait <= 0.5
    now[0] += 0.5
    assert buckets.take("k") == 0
    assert buckets.take("other") == 0


def test_token_bucket_memory_is_bounded():
    now = [0.0]
    buckets = TokenBuckets(rate=1.0, burst=1, max_keys=100, clock=lambda: now[0])
    for n in range(1000):
        now[0] += 1.0  # every earlier bucket is full again
        buckets.take(f"ip{n}")
    assert len(buckets) <= 101


def test_openapi_refs_resolve():
    doc = openapi_document()
    schemas = doc["components"]["schemas"]

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(doc):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in schemas
