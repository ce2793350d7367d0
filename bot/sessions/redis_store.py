"""``RedisSessionStore``: sessions shared by several bot processes (``redis.asyncio``).

Per session, three keys share one hash tag (so they live in one cluster slot
and can be changed in one MULTI/EXEC):

- ``{prefix}:{<id>}:state``  the state JSON (string)
- ``{prefix}:{<id>}:turns``  the turn history (list of JSON)
- ``{prefix}:{<id>}:msgs``   message_id -> index into the turn list (hash)

Expiry is Redis's own: every commit re-arms the TTL of the three keys.
The per-session lock is distributed: ``SET key token NX PX lease``, renewed
while held, released only by its owner (compare-and-delete script).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from bot.sessions.locks import KeyedLock, SessionBusyError

log = logging.getLogger(__name__)

RELEASE_SCRIPT = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end
"""
RENEW_SCRIPT = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end
"""


class RedisSessionStore:
    """Session state + history in Redis, with a distributed per-session lock."""

    def __init__(self, url: str = "redis://127.0.0.1:6379/0", *, ttl_s: float | None = None,
                 prefix: str = "shopbot", lock_timeout_s: float | None = 60.0, lock_lease_s: float = 30.0,
                 client: Any | None = None) -> None:
        import redis.asyncio as redis_asyncio

        self.url = url
        self.ttl_s = ttl_s
        self.prefix = prefix
        self.lock_timeout_s = lock_timeout_s
        self.lock_lease_ms = int(lock_lease_s * 1000)
        self._redis = client or redis_asyncio.from_url(url, decode_responses=True)
        self._release = self._redis.register_script(RELEASE_SCRIPT)
        self._renew = self._redis.register_script(RENEW_SCRIPT)
        self._local = KeyedLock()

    def _key(self, session_id: str, part: str) -> str:
        return f"{self.prefix}:{{{session_id}}}:{part}"

    def _ttl_ms(self) -> int | None:
        return None if self.ttl_s is None else max(1, int(self.ttl_s * 1000))

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def load(self, session_id: str) -> dict[str, Any] | None:
        raw = await self._redis.get(self._key(session_id, "state"))
        return None if raw is None else json.loads(raw)

    async def commit_turn(self, session_id: str, state: dict[str, Any], turn: dict[str, Any]) -> None:
        state_json, turn_json = json.dumps(state), json.dumps(turn)
        message_id = turn.get("message_id")
        state_key, turns_key, msgs_key = (self._key(session_id, p) for p in ("state", "turns", "msgs"))
        ttl_ms = self._ttl_ms()
        from redis.exceptions import WatchError

        async with self._redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(turns_key, msgs_key)
                    if message_id is not None and await pipe.hexists(msgs_key, message_id):
                        await pipe.unwatch()
                        return  # already applied: idempotent
                    index = await pipe.llen(turns_key)
                    pipe.multi()
                    pipe.set(state_key, state_json, px=ttl_ms)
                    pipe.rpush(turns_key, turn_json)
                    if message_id is not None:
                        pipe.hset(msgs_key, message_id, index)
                    if ttl_ms is not None:
                        pipe.pexpire(turns_key, ttl_ms)
                        pipe.pexpire(msgs_key, ttl_ms)
                    await pipe.execute()
                    return
                except WatchError:  # another process touched this session: redo
                    continue

    async def history(self, session_id: str) -> list[dict[str, Any]]:
        return [json.loads(t) for t in await self._redis.lrange(self._key(session_id, "turns"), 0, -1)]

    async def find_turn(self, session_id: str, message_id: str) -> dict[str, Any] | None:
        index = await self._redis.hget(self._key(session_id, "msgs"), message_id)
        if index is None:
            return None
        raw = await self._redis.lindex(self._key(session_id, "turns"), int(index))
        return None if raw is None else json.loads(raw)

    async def delete(self, session_id: str) -> bool:
        keys = [self._key(session_id, p) for p in ("state", "turns", "msgs")]
        return bool(await self._redis.delete(*keys))

    def lock(self, session_id: str) -> AbstractAsyncContextManager[None]:
        return self._lock(session_id)

    @asynccontextmanager
    async def _lock(self, session_id: str) -> AsyncIterator[None]:
        deadline = None if self.lock_timeout_s is None else time.monotonic() + self.lock_timeout_s
        # Turns of this process queue locally (FIFO), then take the shared lock.
        async with self._local(session_id, self.lock_timeout_s):
            key, token = self._key(session_id, "lock"), uuid.uuid4().hex
            delay = 0.005
            while not await self._redis.set(key, token, nx=True, px=self.lock_lease_ms):
                if deadline is not None and time.monotonic() > deadline:
                    raise SessionBusyError(f"session is busy (waited {self.lock_timeout_s:.1f}s)")
                await asyncio.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.2)
            # The renewer is told to stop rather than cancelled: a redis command cancelled half-way can leave
            # its pooled connection with an unread reply, and the release below would then wait forever.
            done = asyncio.Event()
            renewer = asyncio.create_task(self._keep_lock(key, token, done))
            try:
                yield
            finally:
                done.set()
                await renewer
                await self._release(keys=[key], args=[token])

    async def _keep_lock(self, key: str, token: str, done: asyncio.Event) -> None:
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(done.wait(), self.lock_lease_ms / 3000)
            if done.is_set():
                return
            if not await self._renew(keys=[key], args=[token, self.lock_lease_ms]):
                log.warning("a session lock expired while held (turn took longer than the lease)")
                return

    async def purge_expired(self) -> int:
        """Redis expires keys itself; nothing to do."""
        return 0

    async def close(self) -> None:
        await self._redis.aclose()
