"""``open_session_store(settings)``: the store named by ``settings.sessions``."""

from __future__ import annotations

from bot.config import Settings
from bot.sessions.base import SessionStore


def sqlite_path(settings: Settings):
    return settings.home / "sessions" / "sessions.sqlite3"


def open_session_store(settings: Settings | None = None) -> SessionStore:
    """sqlite (default, ``$SHOPBOT_HOME/sessions/sessions.sqlite3``), redis (``settings.redis_url``) or memory."""
    settings = settings or Settings.from_env()
    ttl = settings.session_ttl_s if settings.session_ttl_s and settings.session_ttl_s > 0 else None
    if settings.sessions == "sqlite":
        from bot.sessions.sqlite import SQLiteSessionStore

        return SQLiteSessionStore(sqlite_path(settings), ttl_s=ttl)
    if settings.sessions == "redis":
        from bot.sessions.redis_store import RedisSessionStore

        return RedisSessionStore(settings.redis_url, ttl_s=ttl)
    if settings.sessions == "memory":
        from bot.sessions.memory import MemorySessionStore

        return MemorySessionStore(ttl_s=ttl)
    raise ValueError(f"unknown session store {settings.sessions!r} (sqlite, redis or memory)")
