"""In-process per-key locks: one ``asyncio.Lock`` per session id, dropped when idle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.sessions.errors import SessionBusyError

__all__ = ["KeyedLock", "SessionBusyError"]


class KeyedLock:
    """``async with locks(key):`` serialises holders of the same key, FIFO.

    Different keys never wait on each other. A key's lock is removed as soon as
    nobody holds or waits for it, so memory stays bounded by the number of
    sessions that are busy right now.
    """

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._locks)

    @asynccontextmanager
    async def __call__(self, key: str, timeout: float | None = None) -> AsyncIterator[None]:
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        self._users[key] = self._users.get(key, 0) + 1
        try:
            try:
                if timeout is None:
                    await lock.acquire()
                else:
                    await asyncio.wait_for(lock.acquire(), timeout)
            except asyncio.TimeoutError as exc:
                raise SessionBusyError(f"session is busy (waited {timeout:.1f}s)") from exc
            try:
                yield
            finally:
                lock.release()
        finally:
            remaining = self._users[key] - 1
            if remaining:
                self._users[key] = remaining
            else:
                del self._users[key]
                del self._locks[key]
