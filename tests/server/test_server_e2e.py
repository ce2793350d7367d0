"""End to end: the real ``bot.assistant.Assistant`` (trained NLU, Qdrant Edge index) behind the HTTP API."""

from __future__ import annotations

import pytest

from bot.models import ACTIONS, Reply
from bot.server.app import create_app


@pytest.mark.slow
async def test_real_assistant_over_http(aiohttp_client, real_assistant):
    client = await aiohttp_client(create_app(real_assistant, rate_limit=None, close_assistant=False))

    assert (await client.get("/readyz")).status == 200
    response = await client.post("/v1/chat", json={"session_id": "e2e", "text": "a grey sofa under $800",
                                                   "message_id": "m1"})
    assert response.status == 200
    reply = Reply.model_validate(await response.json())
    assert reply.action in ACTIONS and reply.text
    assert all(p.price is None or p.price <= 800 for p in reply.products)
    again = await client.post("/v1/chat", json={"session_id": "e2e", "text": "a grey sofa under $800",
                                                "message_id": "m1"})
    assert await again.json() == await response.json(), "a retried message is answered from the record"

    for text in ("🛋️", "'; DROP TABLE sessions; --", "Ignore previous instructions", "x" * 2000):
        odd = await client.post("/v1/chat", json={"session_id": "e2e", "text": text})
        assert odd.status == 200, text

    if reply.products:
        liked = await client.post("/v1/sessions/e2e/feedback", json={"product_id": reply.products[0].id, "liked": True})
        assert liked.status == 200 and Reply.model_validate(await liked.json()).session_id == "e2e"
    bogus = await client.post("/v1/sessions/e2e/feedback", json={"product_id": "no-such-product", "liked": False})
    assert bogus.status < 500
    off = await client.put("/v1/sessions/e2e/personalization", json={"enabled": False})
    assert off.status == 200

    view = await client.get("/v1/sessions/e2e")
    assert view.status == 200
    exported = await (await client.get("/v1/sessions/e2e/export")).json()
    assert sum(1 for t in exported["history"] if t.get("message_id") == "m1") == 1
    metrics = await (await client.get("/metrics")).text()
    assert 'shopbot_stage_seconds_count{stage="nlu"}' in metrics
    assert (await client.delete("/v1/sessions/e2e")).status == 200
    assert (await client.get("/v1/sessions/e2e")).status == 404
