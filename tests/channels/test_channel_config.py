"""Channel configuration, disabled channels, dedupe memory, sender failures."""

from __future__ import annotations

import pytest
from aiohttp import web

from bot.channels import ChannelSettings, DedupeStore, build_channels
from bot.channels.base import OutboundCall
from bot.channels.sender import HttpSender, SendError
from bot.server.webhooks import WEBHOOKS_KEY, add_webhook_routes


def test_from_env_reads_secrets_and_hides_them(monkeypatch):
    monkeypatch.setenv("SHOPBOT_TELEGRAM_SECRET", "abc")
    monkeypatch.setenv("SHOPBOT_WEBHOOK_SECRET", "xyz")
    monkeypatch.delenv("SHOPBOT_SLACK_SIGNING_SECRET", raising=False)
    monkeypatch.delenv("SHOPBOT_WHATSAPP_APP_SECRET", raising=False)
    settings = ChannelSettings.from_env()
    assert settings.telegram_secret.get_secret_value() == "abc"
    assert "abc" not in repr(settings)
    assert sorted(build_channels(settings)) == ["generic", "telegram"]


async def test_unconfigured_and_unknown_channels_are_404(aiohttp_client, keyword_assistant):
    app = web.Application()
    add_webhook_routes(app, keyword_assistant, settings=ChannelSettings(telegram_secret="t"))
    client = await aiohttp_client(app)
    for name in ("slack", "whatsapp", "generic", "nope"):
        resp = await client.post(f"/webhooks/{name}", data=b"{}")
        assert resp.status == 404, name
    assert (await client.post("/webhooks/telegram", data=b"{}")).status == 401
    assert app[WEBHOOKS_KEY].bindings.keys() == {"telegram"}


def test_blank_secret_disables_the_channel():
    assert build_channels(ChannelSettings(slack_signing_secret="", webhook_secret=" ".strip())) == {}


def test_dedupe_store_expires_and_is_bounded():
    now = [0.0]
    store = DedupeStore(max_items=3, ttl_s=10, clock=lambda: now[0])
    assert store.claim("a") and not store.claim("a")
    now[0] = 11
    assert store.claim("a"), "expired keys can be claimed again"
    for key in "bcd":
        store.claim(key)
    assert len(store) == 3 and "a" not in store, "oldest evicted beyond max_items"
    store.release("d")
    assert store.claim("d")
    with pytest.raises(ValueError):
        DedupeStore(max_items=0)


async def test_sender_raises_on_platform_errors(fake_platform):
    sender = HttpSender(fake_platform.url + "/x")
    try:
        await sender.send([OutboundCall(path="send", json_body={"a": 1})])
        fake_platform.fail_with = 500
        with pytest.raises(SendError, match="HTTP 500"):
            await sender.send([OutboundCall(path="send", json_body={"a": 2})])
    finally:
        await sender.close()
    assert [r["json"] for r in fake_platform.requests] == [{"a": 1}, {"a": 2}]


async def test_platform_failure_is_counted_not_raised(webhook_app, fake_platform, payload, secrets):
    client, service, _ = webhook_app
    fake_platform.fail_with = 429
    resp = await client.post("/webhooks/telegram", data=payload("telegram_update_message.json"), headers={"X-Telegram-Bot-Api-Secret-Token": secrets["telegram_secret"]})
    assert resp.status == 200
    await service.drain()
    assert service.stats["failed"] == 1 and service.stats["replied"] == 0
