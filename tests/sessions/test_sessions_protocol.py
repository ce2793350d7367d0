"""One protocol suite, run on every backend (sqlite, redis, memory)."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.sessions import SessionBusyError, SessionStore


def turn(n: int, message_id: str | None = None, text: str | None = None) -> dict:
    return {"message_id": message_id or f"m{n}", "text": text or f"message {n}", "reply": {"text": f"reply {n}"}}


async def test_implements_protocol(store):
    assert isinstance(store, SessionStore)


async def test_unknown_session_is_empty(store):
    assert await store.load("nobody") is None
    assert await store.history("nobody") == []
    assert await store.find_turn("nobody", "m1") is None
    assert await store.delete("nobody") is False


async def test_commit_then_read_back(store):
    await store.commit_turn("s1", {"turns": 1, "cart": ["p1"]}, turn(1))
    await store.commit_turn("s1", {"turns": 2, "cart": ["p1", "p2"]}, turn(2))
    assert await store.load("s1") == {"turns": 2, "cart": ["p1", "p2"]}
    assert await store.history("s1") == [turn(1), turn(2)]
    assert await store.find_turn("s1", "m2") == turn(2)
    assert await store.find_turn("s1", "m3") is None


async def test_sessions_are_isolated(store):
    await store.commit_turn("a", {"who": "a"}, turn(1))
    await store.commit_turn("b", {"who": "b"}, turn(1, text="other"))
    assert (await store.load("a"))["who"] == "a"
    assert [t["text"] for t in await store.history("b")] == ["other"]
    assert await store.delete("a") is True
    assert await store.load("b") == {"who": "b"}


async def test_duplicate_message_id_is_applied_once(store):
    await store.commit_turn("s", {"turns": 1}, turn(1, "same"))
    await store.commit_turn("s", {"turns": 2}, turn(2, "same"))
    assert await store.load("s") == {"turns": 1}, "a retried delivery must not change the state"
    assert len(await store.history("s")) == 1
    assert (await store.find_turn("s", "same"))["text"] == "message 1"


async def test_turn_without_message_id(store):
    await store.commit_turn("s", {"n": 1}, {"message_id": None, "text": "hi", "reply": {}})
    await store.commit_turn("s", {"n": 2}, {"message_id": None, "text": "hi", "reply": {}})
    assert len(await store.history("s")) == 2


async def test_non_json_state_stores_nothing(store):
    with pytest.raises(TypeError):
        await store.commit_turn("s", {"bad": object()}, turn(1))
    assert await store.load("s") is None and await store.history("s") == []


async def test_loaded_state_is_a_copy(store):
    await store.commit_turn("s", {"cart": []}, turn(1))
    state = await store.load("s")
    state["cart"].append("x")
    assert await store.load("s") == {"cart": []}


async def test_unicode_and_large_values(store):
    text = "Привет 👋 — 日本語のテキスト " * 200
    await store.commit_turn("s:ü", {"note": text, "n": list(range(2000))}, turn(1, text=text))
    assert (await store.load("s:ü"))["note"] == text
    assert (await store.history("s:ü"))[0]["text"] == text


async def test_delete_forgets_everything(store):
    for n in range(3):
        await store.commit_turn("s", {"n": n}, turn(n))
    assert await store.delete("s") is True
    assert await store.load("s") is None
    assert await store.history("s") == []
    assert await store.find_turn("s", "m1") is None
    assert await store.delete("s") is False
    await store.commit_turn("s", {"n": 0}, turn(1))  # the same message id is new again
    assert len(await store.history("s")) == 1


async def test_lock_serialises_one_session_in_order(store):
    """Read-modify-write under the lock: no lost update, turns applied in arrival order."""

    async def apply(n: int) -> None:
        async with store.lock("s"):
            state = await store.load("s") or {"seen": []}
            await asyncio.sleep(0.002)  # give a concurrent turn every chance to interleave
            state["seen"].append(n)
            await store.commit_turn("s", state, turn(n))

    tasks = []
    for n in range(20):
        tasks.append(asyncio.create_task(apply(n)))
        await asyncio.sleep(0)  # arrival order = n
    await asyncio.gather(*tasks)
    assert (await store.load("s"))["seen"] == list(range(20))
    assert [t["message_id"] for t in await store.history("s")] == [f"m{n}" for n in range(20)]


async def test_other_sessions_do_not_wait(store):
    async with store.lock("busy"):
        started = time.monotonic()
        async with store.lock("free"):
            pass
        assert time.monotonic() - started < 0.5


async def test_lock_timeout_raises_session_busy(make_store, backend):
    store = make_store(backend, lock_timeout_s=0.2)
    async with store.lock("s"):
        with pytest.raises(SessionBusyError):
            async with store.lock("s"):
                pass
    async with store.lock("s"):  # still usable afterwards
        pass


async def test_lock_is_released_on_error(store):
    with pytest.raises(RuntimeError):
        async with store.lock("s"):
            raise RuntimeError("turn failed")
    await asyncio.wait_for(store.lock("s").__aenter__(), 1.0)


async def test_expired_sessions_are_ignored(make_store, backend):
    store = make_store(backend, ttl_s=0.3)
    await store.commit_turn("old", {"n": 1}, turn(1))
    await store.commit_turn("kept", {"n": 1}, turn(1))
    await asyncio.sleep(0.2)
    await store.commit_turn("kept", {"n": 2}, turn(2))  # activity re-arms the TTL
    await asyncio.sleep(0.2)
    assert await store.load("old") is None
    assert await store.history("old") == []
    assert await store.find_turn("old", "m1") is None
    assert await store.load("kept") == {"n": 2}
    await store.commit_turn("old", {"n": 1}, turn(7))  # a fresh session, no old turns
    assert [t["message_id"] for t in await store.history("old")] == ["m7"]


async def test_data_survives_reopening(make_store, backend):
    if backend == "memory":
        pytest.skip("the memory store is not persistent by design")
    first = make_store(backend)
    await first.commit_turn("s", {"n": 1}, turn(1))
    await first.close()
    second = make_store(backend)
    assert await second.load("s") == {"n": 1}
    assert await second.find_turn("s", "m1") == turn(1)
