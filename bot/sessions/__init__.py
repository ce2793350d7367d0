"""Session stores: SQLite (embedded default), Redis (several processes), memory (tests).

    from bot.sessions import open_session_store
    store = open_session_store(settings)   # by settings.sessions
"""

from bot.sessions.base import SessionStore
from bot.sessions.factory import open_session_store
from bot.sessions.errors import SessionBusyError, StoreClosedError
from bot.sessions.locks import KeyedLock
from bot.sessions.memory import MemorySessionStore
from bot.sessions.sqlite import SQLiteSessionStore

__all__ = [
    "KeyedLock",
    "MemorySessionStore",
    "SQLiteSessionStore",
    "SessionBusyError",
    "SessionStore",
    "StoreClosedError",
    "open_session_store",
]


def __getattr__(name: str):
    if name == "RedisSessionStore":  # imports redis lazily
        from bot.sessions.redis_store import RedisSessionStore

        return RedisSessionStore
    raise AttributeError(name)
