"""``SQLiteSessionStore``: the embedded default — one file, WAL journal, one writer thread.

Every call runs on a single dedicated thread (sqlite3 is blocking), so the
event loop never waits on disk. ``commit_turn`` is one transaction: the new
state and the appended turn land together or not at all, and with WAL the
committed data survives a ``kill -9`` of the process.

Locking is in-process (one ``asyncio.Lock`` per session): run one bot process
per SQLite file; use the Redis store for several processes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Literal, TypeVar

from bot.sessions.errors import StoreClosedError
from bot.sessions.locks import KeyedLock

log = logging.getLogger(__name__)
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated_at);
CREATE TABLE IF NOT EXISTS turns (
    session_id TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    message_id TEXT,
    turn       TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS turns_message ON turns(session_id, message_id) WHERE message_id IS NOT NULL;
"""

PURGE_EVERY_COMMITS = 1000


class SQLiteSessionStore:
    """Sessions in one SQLite file (created with its folder when missing).

    ``synchronous="NORMAL"`` survives a crash of the process (committed turns
    are in the WAL); ``"FULL"`` also survives power loss at an fsync per turn.
    """

    def __init__(self, path: str | Path, *, ttl_s: float | None = None,
                 synchronous: Literal["NORMAL", "FULL"] = "NORMAL",
                 lock_timeout_s: float | None = 60.0, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.ttl_s = ttl_s
        self.lock_timeout_s = lock_timeout_s
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(f"PRAGMA synchronous={synchronous}")
        self._conn.execute("PRAGMA busy_timeout=10000")
        self._conn.executescript(SCHEMA)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shopbot-sqlite")
        self._locks = KeyedLock()
        self._commits = 0
        self._closed = False
        self._purge_sync()

    # -- plumbing ---------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._closed:
            raise StoreClosedError("the session store is closed")
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def _cutoff(self) -> float:
        return float("-inf") if self.ttl_s is None else self._clock() - self.ttl_s

    def _live(self, session_id: str) -> bool:
        row = self._conn.execute("SELECT updated_at FROM sessions WHERE session_id=?", (session_id,)).fetchone()
        return row is not None and row[0] >= self._cutoff()

    # -- blocking bodies (run on the store's thread) ----------------------

    def _load_sync(self, session_id: str) -> dict[str, Any] | None:
        row = self._conn.execute(
            "SELECT state FROM sessions WHERE session_id=? AND updated_at>=?", (session_id, self._cutoff())
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def _commit_sync(self, session_id: str, state_json: str, turn_json: str, message_id: str | None) -> None:
        conn = self._conn
        now = self._clock()
        conn.execute("BEGIN IMMEDIATE")
        try:
            if message_id is not None and conn.execute(
                "SELECT 1 FROM turns WHERE session_id=? AND message_id=?", (session_id, message_id)
            ).fetchone():
                conn.execute("ROLLBACK")
                return  # already applied: idempotent
            row = conn.execute("SELECT updated_at FROM sessions WHERE session_id=?", (session_id,)).fetchone()
            if row is not None and row[0] < self._cutoff():  # expired: start afresh
                conn.execute("DELETE FROM turns WHERE session_id=?", (session_id,))
            seq = conn.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE session_id=?", (session_id,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO turns(session_id, seq, message_id, turn, created_at) VALUES (?,?,?,?,?)",
                (session_id, seq, message_id, turn_json, now),
            )
            conn.execute(
                "INSERT INTO sessions(session_id, state, updated_at) VALUES (?,?,?) "
                "ON CONFLICT(session_id) DO UPDATE SET state=excluded.state, updated_at=excluded.updated_at",
                (session_id, state_json, now),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._commits += 1
        if self.ttl_s is not None and self._commits % PURGE_EVERY_COMMITS == 0:
            self._purge_sync()

    def _history_sync(self, session_id: str) -> list[dict[str, Any]]:
        if not self._live(session_id):
            return []
        rows = self._conn.execute("SELECT turn FROM turns WHERE session_id=? ORDER BY seq", (session_id,))
        return [json.loads(turn) for (turn,) in rows]

    def _find_sync(self, session_id: str, message_id: str) -> dict[str, Any] | None:
        if not self._live(session_id):
            return None
        row = self._conn.execute(
            "SELECT turn FROM turns WHERE session_id=? AND message_id=?", (session_id, message_id)
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def _delete_sync(self, session_id: str) -> bool:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            removed = conn.execute("DELETE FROM turns WHERE session_id=?", (session_id,)).rowcount
            removed += conn.execute("DELETE FROM sessions WHERE session_id=?", (session_id,)).rowcount
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return removed > 0

    def _purge_sync(self) -> int:
        if self.ttl_s is None:
            return 0
        cutoff = self._cutoff()
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "DELETE FROM turns WHERE session_id IN (SELECT session_id FROM sessions WHERE updated_at<?)", (cutoff,)
            )
            purged = conn.execute("DELETE FROM sessions WHERE updated_at<?", (cutoff,)).rowcount
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if purged:
            log.info("purged %d expired sessions", purged)
        return purged

    # -- SessionStore -----------------------------------------------------

    async def load(self, session_id: str) -> dict[str, Any] | None:
        return await self._run(self._load_sync, session_id)

    async def commit_turn(self, session_id: str, state: dict[str, Any], turn: dict[str, Any]) -> None:
        state_json, turn_json = json.dumps(state), json.dumps(turn)  # fail fast, on the caller's side
        await self._run(self._commit_sync, session_id, state_json, turn_json, turn.get("message_id"))

    async def history(self, session_id: str) -> list[dict[str, Any]]:
        return await self._run(self._history_sync, session_id)

    async def find_turn(self, session_id: str, message_id: str) -> dict[str, Any] | None:
        return await self._run(self._find_sync, session_id, message_id)

    async def delete(self, session_id: str) -> bool:
        return await self._run(self._delete_sync, session_id)

    def lock(self, session_id: str) -> AbstractAsyncContextManager[None]:
        return self._locks(session_id, self.lock_timeout_s)

    async def purge_expired(self) -> int:
        """Delete every expired session and its turns now; returns how many sessions."""
        return await self._run(self._purge_sync)

    async def close(self) -> None:
        if self._closed:
            return
        await self._run(self._conn.close)
        self._closed = True
        self._executor.shutdown(wait=True)
