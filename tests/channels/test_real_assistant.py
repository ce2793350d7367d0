"""End-to-end: platform webhooks -> the real assistant -> the (fake) platform's send API."""

from __future__ import annotations

import json
import time

import pytest
from aiohttp import web

from bot.channels.generic import generic_signature
from bot.models import Reply

pytestmark = pytest.mark.slow


async def test_generic_channel_with_the_real_assistant(aiohttp_client, real_assistant, channel_settings, secrets):
    from bot.server.webhooks import add_webhook_routes

    app = web.Application()
    add_webhook_routes(app, real_assistant, settings=channel_settings)
    client = await aiohttp_client(app)
    body = json.dumps({"user_id": f"e2e-{time.time_ns()}", "text": "a grey sofa under $800", "message_id": "m1"}).encode()
    stamp = str(int(time.time()))
    headers = {"X-Shopbot-Timestamp": stamp, "X-Shopbot-Signature": generic_signature(secrets["webhook_secret"], stamp, body)}
    resp = await client.post("/webhooks/generic", data=body, headers=headers)
    assert resp.status == 200
    reply = Reply.model_validate(await resp.json())
    assert reply.action in ("recommend", "clarify")
    assert all(p.price is not None and p.price <= 800 for p in reply.products)
    await real_assistant.forget(reply.session_id)


async def test_telegram_with_the_real_assistant(aiohttp_client, real_assistant, channel_settings, fake_platform, payload, secrets):
    from bot.server.webhooks import add_webhook_routes

    app = web.Application()
    service = add_webhook_routes(app, real_assistant, settings=channel_settings)
    client = await aiohttp_client(app)
    update = json.loads(payload("telegram_update_message.json"))
    update["message"]["chat"]["id"] = chat_id = time.time_ns() % 10**9
    resp = await client.post("/webhooks/telegram", data=json.dumps(update), headers={"X-Telegram-Bot-Api-Secret-Token": secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain(timeout_s=120)
    assert fake_platform.requests, "a reply was sent to the platform"
    assert all(r["json"]["chat_id"] == chat_id for r in fake_platform.requests)
    card_prices = [r["json"].get("caption") or r["json"].get("text") for r in fake_platform.requests[1:]]
    for text in card_prices:  # every card shows its price within the budget of $700
        dollars = [float(x.replace(",", "")) for x in __import__("re").findall(r"\$([\d,]+(?:\.\d+)?)", text)]
        assert dollars and dollars[0] <= 700
    await real_assistant.forget(f"telegram:{chat_id}")
