"""The webhooks mounted by the HTTP API's ``create_app`` (middlewares included), configured from env."""

from __future__ import annotations

import json
import time

import pytest

from bot.channels.generic import generic_signature
from bot.channels.whatsapp import meta_signature


@pytest.fixture
def api_module():
    return pytest.importorskip("bot.server.app", reason="bot.server.app (HTTP API) is not available yet")


async def test_create_app_mounts_configured_webhooks(api_module, aiohttp_client, keyword_assistant, monkeypatch, fake_platform):
    monkeypatch.setenv("SHOPBOT_WEBHOOK_SECRET", "env-secret")
    monkeypatch.setenv("SHOPBOT_WHATSAPP_APP_SECRET", "meta-secret")
    monkeypatch.setenv("SHOPBOT_WHATSAPP_VERIFY_TOKEN", "vt")
    monkeypatch.setenv("SHOPBOT_WHATSAPP_API_BASE", fake_platform.url + "/graph")
    for name in ("SHOPBOT_TELEGRAM_SECRET", "SHOPBOT_SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    from bot.server.webhooks import WEBHOOKS_KEY

    app = api_module.create_app(keyword_assistant, rate_limit=None)
    client = await aiohttp_client(app)

    body = json.dumps({"user_id": "u1", "text": "a lamp under 100", "message_id": "a"}).encode()
    stamp = str(int(time.time()))
    signed = {"X-Shopbot-Timestamp": stamp, "X-Shopbot-Signature": generic_signature("env-secret", stamp, body),
              "Content-Type": "application/json"}
    resp = await client.post("/webhooks/generic", data=body, headers=signed)
    assert resp.status == 200
    assert [p["id"] for p in (await resp.json())["products"]] == ["L1"]
    assert (await client.post("/webhooks/generic", data=body)).status == 401

    wa = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"phone_number_id": "555"},
        "messages": [{"from": "4917", "id": "wamid.1", "type": "text", "text": {"body": "hello"}}]}}]}]}).encode()
    resp = await client.post("/webhooks/whatsapp", data=wa, headers={"X-Hub-Signature-256": meta_signature("meta-secret", wa)})
    assert resp.status == 200
    await app[WEBHOOKS_KEY].drain()
    assert fake_platform.paths() == ["/graph/555/messages"]

    assert (await client.post("/webhooks/telegram", data=b"{}")).status == 404
    assert (await client.post("/webhooks/slack", data=b"{}")).status == 404
