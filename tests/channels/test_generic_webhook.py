"""The generic HMAC-signed JSON channel: Reply JSON in the response, replay protection."""

from __future__ import annotations

import json
import time

from bot.channels.generic import generic_signature
from bot.models import Reply


def signed(secret: str, body: bytes, ts: float | None = None) -> dict[str, str]:
    stamp = str(int(time.time() if ts is None else ts))
    return {"X-Shopbot-Timestamp": stamp, "X-Shopbot-Signature": generic_signature(secret, stamp, body), "Content-Type": "application/json"}


async def test_signed_message_gets_reply_json(webhook_app, payload, secrets):
    client, _, assistant = webhook_app
    body = payload("generic_message.json")
    resp = await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))
    assert resp.status == 200
    reply = Reply.model_validate(await resp.json())
    assert reply.session_id == "generic:u-42" and reply.action == "recommend"
    assert reply.products and all(p.price <= 700 for p in reply.products)


async def test_replayed_message_id_returns_the_same_reply_once(webhook_app, payload, secrets):
    client, _, assistant = webhook_app
    body = payload("generic_message.json")
    first = await (await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))).json()
    second = await (await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))).json()
    assert first == second
    assert len(assistant.calls) == 1


async def test_feedback_message(webhook_app, secrets):
    client, _, assistant = webhook_app
    body = json.dumps({"user_id": "u-42", "feedback": {"product_id": "L2", "liked": True}}).encode()
    resp = await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))
    assert resp.status == 200
    assert (await resp.json())["action"] == "feedback"
    assert assistant.feedback_calls == [("generic:u-42", "L2", True)]


async def test_rejections(webhook_app, payload, secrets):
    client, _, assistant = webhook_app
    body = payload("generic_message.json")
    secret = secrets["webhook_secret"]
    assert (await client.post("/webhooks/generic", data=body)).status == 401
    assert (await client.post("/webhooks/generic", data=body, headers=signed("wrong", body))).status == 403
    stale = signed(secret, body, ts=time.time() - 301)
    assert (await client.post("/webhooks/generic", data=body, headers=stale)).status == 403
    future = signed(secret, body, ts=time.time() + 3600)
    assert (await client.post("/webhooks/generic", data=body, headers=future)).status == 403
    # a valid signature over one timestamp cannot be reused with another
    headers = signed(secret, body)
    headers["X-Shopbot-Timestamp"] = str(int(headers["X-Shopbot-Timestamp"]) - 1)
    assert (await client.post("/webhooks/generic", data=body, headers=headers)).status == 403
    assert assistant.calls == []


async def test_signed_but_invalid_message_is_400(webhook_app, secrets):
    client, _, assistant = webhook_app
    for obj in ({"user_id": "u 42 with spaces", "text": "hi"}, {"user_id": "u1"}, ["not", "an", "object"]):
        body = json.dumps(obj).encode()
        resp = await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))
        assert resp.status == 400, obj
    assert assistant.calls == []


async def test_failed_turn_is_a_json_500_and_can_be_retried(webhook_app, payload, secrets):
    client, service, assistant = webhook_app
    real_handle = assistant.handle

    async def broken(*args, **kwargs):
        raise RuntimeError("boom")

    assistant.handle = broken
    body = payload("generic_message.json")
    resp = await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))
    assert resp.status == 500 and "boom" not in await resp.text()
    assistant.handle = real_handle  # the retry of the same message_id is processed, not swallowed
    resp = await client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body))
    assert resp.status == 200 and (await resp.json())["products"]


async def test_concurrent_retries_share_one_turn(webhook_app, payload, secrets):
    import asyncio

    client, _, assistant = webhook_app
    body = payload("generic_message.json")
    responses = await asyncio.gather(*(client.post("/webhooks/generic", data=body, headers=signed(secrets["webhook_secret"], body)) for _ in range(4)))
    bodies = [await r.json() for r in responses]
    assert all(b == bodies[0] for b in bodies)
    assert len(assistant.calls) == 1


async def test_get_on_a_channel_without_handshake_is_405(webhook_app):
    client, _, _ = webhook_app
    assert (await client.get("/webhooks/generic")).status == 405
    assert (await client.get("/webhooks/telegram")).status == 405
