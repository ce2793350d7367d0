"""Backend-specific behaviour: SQLite durability settings and purge, Redis distributed lock, factory."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from bot.config import Settings
from bot.sessions import MemorySessionStore, SQLiteSessionStore, StoreClosedError, open_session_store


def turn(n: int) -> dict:
    return {"message_id": f"m{n}", "text": f"t{n}", "reply": {}}


async def test_sqlite_uses_wal(tmp_path):
    store = SQLiteSessionStore(tmp_path / "s.db")
    await store.commit_turn("s", {}, turn(1))
    with sqlite3.connect(tmp_path / "s.db") as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # a second reader sees committed data while the store is open
        assert other.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1
    await store.close()


async def test_sqlite_purge_deletes_expired_rows(tmp_path):
    now = [1000.0]
    store = SQLiteSessionStore(tmp_path / "s.db", ttl_s=60, clock=lambda: now[0])
    await store.commit_turn("old", {}, turn(1))
    now[0] += 30
    await store.commit_turn("new", {}, turn(1))
    now[0] += 45  # "old" is 75 s old, "new" 45 s
    assert await store.purge_expired() == 1
    await store.close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("SELECT session_id FROM sessions").fetchall() == [("new",)]
        assert db.execute("SELECT DISTINCT session_id FROM turns").fetchall() == [("new",)]


async def test_sqlite_closed_store_refuses_work(tmp_path):
    store = SQLiteSessionStore(tmp_path / "s.db")
    await store.close()
    await store.close()  # idempotent
    with pytest.raises(StoreClosedError):  # a ConnectionError: the server answers a retryable 503
        await store.load("s")


async def test_sqlite_does_not_block_the_event_loop(tmp_path):
    """While the store thread works, other coroutines keep running."""
    store = SQLiteSessionStore(tmp_path / "s.db", synchronous="FULL")
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    for n in range(200):
        await store.commit_turn("s", {"n": n}, turn(n))
    task.cancel()
    assert ticks >= 200
    await store.close()


@pytest.mark.redis
async def test_redis_lock_is_shared_by_two_processes(make_store):
    """Two store instances (as two bot processes) never interleave turns of one session."""
    first, second = make_store("redis"), make_store("redis")

    async def apply(store, n):
        async with store.lock("s"):
            state = await store.load("s") or {"seen": []}
            await asyncio.sleep(0.003)
            state["seen"].append(n)
            await store.commit_turn("s", state, turn(n))

    await asyncio.gather(*(apply(first if n % 2 else second, n) for n in range(16)))
    seen = (await first.load("s"))["seen"]
    assert sorted(seen) == list(range(16)), "a lost update means two turns interleaved"
    assert len(await second.history("s")) == 16


@pytest.mark.redis
async def test_redis_lock_lease_is_renewed_while_held(make_store):
    store = make_store("redis", lock_lease_s=0.15)
    other = make_store("redis", lock_timeout_s=0.05)
    async with store.lock("s"):
        await asyncio.sleep(0.4)  # longer than the lease: renewal must keep it
        with pytest.raises(TimeoutError):
            async with other.lock("s"):
                pass
    async with other.lock("s"):
        pass


@pytest.mark.redis
async def test_redis_lock_release_only_by_owner(make_store):
    store = make_store("redis")
    key = store._key("s", "lock")
    async with store.lock("s"):
        await store._redis.set(key, "someone-else")  # as if our lease had expired and another took it
    assert await store._redis.get(key) == "someone-else"


@pytest.mark.redis
async def test_factory_picks_backend(tmp_path, redis_url):
    sqlite_store = open_session_store(Settings(home=tmp_path, sessions="sqlite", session_ttl_s=10))
    assert isinstance(sqlite_store, SQLiteSessionStore) and sqlite_store.ttl_s == 10
    assert sqlite_store.path.is_relative_to(tmp_path)
    await sqlite_store.close()
    memory = open_session_store(Settings(home=tmp_path, sessions="memory"))
    assert isinstance(memory, MemorySessionStore)
    from bot.sessions import RedisSessionStore

    redis_store = open_session_store(Settings(home=tmp_path, sessions="redis", redis_url=redis_url))
    assert isinstance(redis_store, RedisSessionStore) and await redis_store.ping()
    await redis_store.close()
