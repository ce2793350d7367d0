"""``bot.client.AsyncClient`` against a real aiohttp server: API, retries, restarts, graceful shutdown."""

from __future__ import annotations

import asyncio

import pytest

from bot.client import AsyncClient, ShopbotConnectionError, ShopbotHTTPError
from server_testkit import EchoAssistant, LiveServer, free_port


async def test_client_covers_the_api(live_server):
    async with AsyncClient(live_server.url) as bot:
        assert await bot.health()
        assert (await bot.ready())["ready"] is True
        reply = await bot.chat("u1", "a red lamp")
        assert reply.text == "#1 you said: a red lamp"
        product_id = reply.products[0].id
        assert (await bot.feedback("u1", product_id, liked=True)).action == "feedback"
        assert await bot.set_personalization("u1", False) is False
        view = await bot.session("u1")
        assert view["state"]["liked"] == [product_id] and view["state"]["personalization"] is False
        exported = await bot.export("u1")
        assert exported["history"][0]["text"] == "a red lamp"
        assert await bot.forget("u1") is True
        assert await bot.forget("u1") is False
        with pytest.raises(ShopbotHTTPError) as missing:
            await bot.session("u1")
        assert missing.value.status == 404 and missing.value.code == "session_not_found"


async def test_4xx_is_not_retried(live_server):
    calls = 0
    original = live_server.assistant.feedback

    async def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return await original(*args, **kwargs)

    live_server.assistant.feedback = counting
    async with AsyncClient(live_server.url, retries=3, backoff=0.01) as bot:
        with pytest.raises(ShopbotHTTPError) as error:
            await bot.feedback("nobody", "p1", liked=True)
    assert error.value.status == 422 and "was not shown" in error.value.message
    assert calls == 1


async def test_429_waits_for_retry_after_then_succeeds(sqlite_path):
    from bot.server.ratelimit import RateLimit
    from bot.sessions import SQLiteSessionStore

    limit = RateLimit(per_ip_rate=None, per_session_rate=1.0, per_session_burst=2, limit_loopback=True)
    server = LiveServer(lambda: EchoAssistant(SQLiteSessionStore(sqlite_path)), rate_limit=limit)
    await server.start()
    try:
        async with AsyncClient(server.url, retries=3, backoff=0.01) as bot:
            loop = asyncio.get_running_loop()
            start = loop.time()
            texts = [(await bot.chat("s1", f"message {n}")).text for n in range(3)]  # the third one is limited once
            assert loop.time() - start >= 0.9  # waited for Retry-After (1 s), not the 10 ms backoff
            assert len(texts) == 3
        async with AsyncClient(server.url, retries=0) as bot:
            with pytest.raises(ShopbotHTTPError) as error:
                for n in range(3):
                    await bot.chat("s2", f"message {n}")
            assert error.value.status == 429 and error.value.retry_after >= 1
    finally:
        await server.stop()


async def test_5xx_is_retried_with_the_same_message_id(live_server):
    seen_ids = []
    original = live_server.assistant.handle

    async def flaky(session_id, text, *, message_id=None):
        seen_ids.append(message_id)
        if len(seen_ids) < 3:
            raise RuntimeError("transient failure")
        return await original(session_id, text, message_id=message_id)

    live_server.assistant.handle = flaky
    async with AsyncClient(live_server.url, retries=3, backoff=0.01) as bot:
        reply = await bot.chat("u1", "hello")
    assert reply.text == "#1 you said: hello"
    assert len(seen_ids) == 3 and len(set(seen_ids)) == 1 and seen_ids[0]


async def test_gives_up_with_typed_errors(live_server):
    async def broken(*args, **kwargs):
        raise RuntimeError("down")

    live_server.assistant.handle = broken
    async with AsyncClient(live_server.url, retries=1, backoff=0.01) as bot:
        with pytest.raises(ShopbotHTTPError) as error:
            await bot.chat("u1", "hello")
    assert error.value.status == 500 and error.value.code == "internal_error"
    async with AsyncClient(f"http://127.0.0.1:{free_port()}", retries=2, backoff=0.01) as bot:
        with pytest.raises(ShopbotConnectionError):
            await bot.chat("u1", "hello")


async def test_timeout_retry_applies_the_turn_once(sqlite_path):
    """The first attempt times out client-side but completes on the server; the retry gets its reply."""
    from bot.sessions import SQLiteSessionStore

    server = LiveServer(lambda: EchoAssistant(SQLiteSessionStore(sqlite_path), delay_s=0.5))
    await server.start()
    try:
        async with AsyncClient(server.url, timeout=0.3, retries=3, backoff=0.1) as bot:
            reply = await bot.chat("u1", "slow one")
        assert reply.text == "#1 you said: slow one"
        history = await server.assistant.store.history("u1")
        assert [t["text"] for t in history] == ["slow one"]
    finally:
        await server.stop()


async def test_server_restart_mid_conversation(live_server):
    """Stop the server, start it again 0.4 s later on the same SQLite file: the client retries through it."""
    async with AsyncClient(live_server.url, retries=6, backoff=0.1) as bot:
        for n in range(3):
            await bot.chat("u1", f"before {n}")
        await live_server.stop()

        async def restart_later():
            await asyncio.sleep(0.4)
            await live_server.start()

        restarting = asyncio.create_task(restart_later())
        reply = await bot.chat("u1", "during restart")
        await restarting
        assert reply.text == "#4 you said: during restart", "state survived the restart"
        await bot.chat("u1", "after")
        history = (await bot.export("u1"))["history"]
    assert [t["text"] for t in history] == ["before 0", "before 1", "before 2", "during restart", "after"]


async def test_graceful_shutdown_finishes_an_in_flight_turn(sqlite_path):
    from bot.sessions import SQLiteSessionStore

    server = LiveServer(lambda: EchoAssistant(SQLiteSessionStore(sqlite_path), delay_s=0.5))
    await server.start()
    async with AsyncClient(server.url, retries=0) as bot:
        in_flight = asyncio.create_task(bot.chat("u1", "finish me"))
        await asyncio.sleep(0.15)  # the turn is now inside the assistant
        await server.stop()  # SIGTERM path: stop accepting, finish in-flight, close the store
        reply = await in_flight
    assert reply.text == "#1 you said: finish me"
    store = SQLiteSessionStore(sqlite_path)
    assert [t["text"] for t in await store.history("u1")] == ["finish me"]
    await store.close()
