"""``MemorySessionStore``: sessions in a dict. For tests, demos and one-off runs (lost on exit)."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from bot.sessions.locks import KeyedLock


class MemorySessionStore:
    """Same semantics as the SQLite and Redis stores, kept in process memory.

    State and turns are deep-copied through JSON on the way in, so callers can
    never mutate what is stored (and non-JSON values fail here as they would in
    the persistent stores).
    """

    def __init__(self, *, ttl_s: float | None = None, lock_timeout_s: float | None = 60.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.ttl_s = ttl_s
        self.lock_timeout_s = lock_timeout_s
        self._clock = clock
        self._states: dict[str, dict[str, Any]] = {}
        self._turns: dict[str, list[dict[str, Any]]] = {}
        self._by_message: dict[str, dict[str, int]] = {}
        self._updated: dict[str, float] = {}
        self._locks = KeyedLock()
        self._commits = 0

    def _expired(self, session_id: str) -> bool:
        updated = self._updated.get(session_id)
        if updated is None:
            return True
        if self.ttl_s is not None and self._clock() - updated > self.ttl_s:
            self._drop(session_id)
            return True
        return False

    def _drop(self, session_id: str) -> bool:
        found = session_id in self._updated
        for table in (self._states, self._turns, self._by_message, self._updated):
            table.pop(session_id, None)
        return found

    async def load(self, session_id: str) -> dict[str, Any] | None:
        if self._expired(session_id):
            return None
        return copy.deepcopy(self._states[session_id])

    async def commit_turn(self, session_id: str, state: dict[str, Any], turn: dict[str, Any]) -> None:
        state_copy, turn_copy = json.loads(json.dumps(state)), json.loads(json.dumps(turn))
        self._expired(session_id)  # an expired session starts afresh
        message_id = turn.get("message_id")
        index = self._by_message.setdefault(session_id, {})
        if message_id is not None and message_id in index:
            return  # already applied: idempotent
        turns = self._turns.setdefault(session_id, [])
        if message_id is not None:
            index[message_id] = len(turns)
        turns.append(turn_copy)
        self._states[session_id] = state_copy
        self._updated[session_id] = self._clock()
        self._commits += 1
        if self.ttl_s is not None and self._commits % 1000 == 0:
            await self.purge_expired()

    async def history(self, session_id: str) -> list[dict[str, Any]]:
        if self._expired(session_id):
            return []
        return copy.deepcopy(self._turns.get(session_id, []))

    async def find_turn(self, session_id: str, message_id: str) -> dict[str, Any] | None:
        if self._expired(session_id):
            return None
        position = self._by_message.get(session_id, {}).get(message_id)
        return None if position is None else copy.deepcopy(self._turns[session_id][position])

    async def delete(self, session_id: str) -> bool:
        return self._drop(session_id)

    def lock(self, session_id: str) -> AbstractAsyncContextManager[None]:
        return self._locks(session_id, self.lock_timeout_s)

    async def purge_expired(self) -> int:
        """Drop every expired session now; returns how many were dropped."""
        before = len(self._updated)
        for session_id in list(self._updated):
            self._expired(session_id)
        return before - len(self._updated)

    async def close(self) -> None:
        return None
