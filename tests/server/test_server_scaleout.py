"""Two bot processes (two servers) sharing sessions through Redis; webhook routes mounted by create_app."""

from __future__ import annotations

import asyncio
import importlib.util
import uuid

import pytest

from bot.client import AsyncClient
from bot.server.app import create_app
from server_testkit import EchoAssistant, LiveServer


@pytest.mark.redis
async def test_two_servers_share_sessions_through_redis(redis_url):
    from bot.sessions import RedisSessionStore

    prefix = f"t{uuid.uuid4().hex[:8]}"

    def make():
        return EchoAssistant(RedisSessionStore(redis_url, prefix=prefix), delay_s=0.005)

    first, second = LiveServer(make), LiveServer(make)
    await first.start()
    await second.start()
    try:
        async with AsyncClient(first.url) as a, AsyncClient(second.url) as b:
            # one session, messages alternating between the two servers, all at once
            replies = await asyncio.gather(*((a if n % 2 else b).chat("shared", f"m{n}") for n in range(20)))
            numbers = sorted(int(r.text.split()[0][1:]) for r in replies)
            assert numbers == list(range(1, 21)), "the distributed lock serialised the two processes"
            view = await b.session("shared")
            assert view["state"]["turns"] == 20
            assert len((await a.export("shared"))["history"]) == 20
            assert await a.forget("shared") is True
            assert (await b.forget("shared")) is False
    finally:
        await first.stop()
        await second.stop()


@pytest.mark.skipif(importlib.util.find_spec("bot.server.webhooks") is None, reason="bot.server.webhooks not written yet")
def test_create_app_mounts_the_webhooks(assistant):
    with_hooks = create_app(assistant)
    without = create_app(assistant, webhooks=False)
    paths = {r.canonical for r in with_hooks.router.resources()}
    assert any(p.startswith("/webhooks/") for p in paths)
    assert not any(r.canonical.startswith("/webhooks/") for r in without.router.resources())


@pytest.mark.redis
async def test_unreachable_redis_is_a_retryable_503(aiohttp_client):
    from bot.sessions import RedisSessionStore
    from server_testkit import free_port

    store = RedisSessionStore(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    client = await aiohttp_client(create_app(EchoAssistant(store), rate_limit=None, webhooks=False))
    response = await client.post("/v1/chat", json={"session_id": "s", "text": "hi"})
    assert response.status == 503 and response.headers["Retry-After"] == "1"
    assert (await response.json())["error"]["code"] == "unavailable"
