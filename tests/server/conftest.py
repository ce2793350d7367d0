"""Transport-level fixtures: ``EchoAssistant`` (a small deterministic AssistantProtocol on a REAL
session store — locking, persistence and idempotency are real) and an aiohttp test client on it."""

from __future__ import annotations

import asyncio
import hashlib
import sys
from typing import Any

import pytest

from bot.stages import record_stage
from bot.errors import UserFacingError
from bot.models import IntentInfo, ProductCard, Reply
from bot.sessions.base import SessionStore


class EchoAssistant:
    """Answers ``#<n> you said: <text>`` with one product card per turn; counts turns in its state.

    ``delay_s`` sleeps between reading and writing the state, so a turn that
    interleaved with another of the same session would lose an update.
    """

    def __init__(self, store: SessionStore, *, delay_s: float = 0.0) -> None:
        self.store = store
        self.delay_s = delay_s
        self.ready = True
        self.handled = 0  # turns actually applied (not answered from the idempotency record)

    @staticmethod
    def _new_state() -> dict[str, Any]:
        return {"turns": 0, "texts": [], "shown": [], "liked": [], "disliked": [], "personalization": True}

    async def handle(self, session_id: str, text: str, *, message_id: str | None = None) -> Reply:
        async with self.store.lock(session_id):
            if message_id is not None:
                previous = await self.store.find_turn(session_id, message_id)
                if previous is not None:
                    return Reply.model_validate(previous["reply"])
            state = await self.store.load(session_id) or self._new_state()
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            record_stage("echo", 0.001)  # as the real assistant reports its stages
            state["turns"] += 1
            state["texts"].append(text)
            product_id = "p-" + hashlib.sha1(text.encode()).hexdigest()[:8]
            state["shown"].append(product_id)
            reply = Reply(
                session_id=session_id,
                text=f"#{state['turns']} you said: {text}",
                intent=IntentInfo(name="echo", confidence=1.0),
                action="smalltalk",
                products=[ProductCard(id=product_id, title=f"Item for {text[:20]}", price=10.0)],
                quick_replies=["more"],
            )
            await self.store.commit_turn(
                session_id, state, {"message_id": message_id, "text": text, "reply": reply.model_dump(mode="json")}
            )
            self.handled += 1
            return reply

    async def feedback(self, session_id: str, product_id: str, liked: bool) -> Reply:
        async with self.store.lock(session_id):
            state = await self.store.load(session_id)
            if state is None or product_id not in state["shown"]:
                raise UserFacingError(f"Product {product_id} was not shown in this conversation.")
            state["liked" if liked else "disliked"].append(product_id)
            reply = Reply(session_id=session_id, text=f"Noted: you {'like' if liked else 'dislike'} {product_id}.",
                          intent=IntentInfo(name="feedback", confidence=1.0), action="feedback")
            await self.store.commit_turn(session_id, state, {"message_id": None, "text": f"[feedback {product_id}]",
                                                             "reply": reply.model_dump(mode="json")})
            return reply

    async def session_view(self, session_id: str) -> dict[str, Any] | None:
        state = await self.store.load(session_id)
        return None if state is None else {"session_id": session_id, "state": state,
                                           "profile": {"liked": state["liked"]}}

    async def export(self, session_id: str) -> dict[str, Any] | None:
        state = await self.store.load(session_id)
        if state is None:
            return None
        return {"session_id": session_id, "state": state, "history": await self.store.history(session_id)}

    async def forget(self, session_id: str) -> bool:
        async with self.store.lock(session_id):
            return await self.store.delete(session_id)

    async def set_personalization(self, session_id: str, enabled: bool) -> None:
        async with self.store.lock(session_id):
            state = await self.store.load(session_id) or self._new_state()
            state["personalization"] = enabled
            await self.store.commit_turn(session_id, state, {"message_id": None, "text": "[personalization]",
                                                             "reply": None})

    def readiness(self) -> dict[str, bool]:
        return {"sessions": True, "echo": self.ready}

    async def close(self) -> None:
        await self.store.close()


@pytest.fixture
def sqlite_path(tmp_path):
    return tmp_path / "sessions.sqlite3"


@pytest.fixture
def assistant(sqlite_path):
    from bot.sessions import SQLiteSessionStore

    return EchoAssistant(SQLiteSessionStore(sqlite_path))


@pytest.fixture
def slow_assistant(sqlite_path):
    """The echo assistant taking 20 ms per turn between reading and writing its state."""
    from bot.sessions import SQLiteSessionStore

    return EchoAssistant(SQLiteSessionStore(sqlite_path), delay_s=0.02)


@pytest.fixture
def make_client(aiohttp_client, assistant):
    """make_client(**create_app kwargs) -> an aiohttp TestClient on the echo assistant."""
    from bot.server.app import create_app

    async def make(**kwargs):
        kwargs.setdefault("rate_limit", None)
        return await aiohttp_client(create_app(assistant, **kwargs))

    return make


@pytest.fixture
async def client(make_client):
    return await make_client()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A real aiohttp server on a loopback port that can be stopped and started again (a restart)."""

    def __init__(self, make_assistant, port: int | None = None, **app_kwargs) -> None:
        self.make_assistant = make_assistant
        self.port = port or free_port()
        self.app_kwargs = {"rate_limit": None, "webhooks": False, **app_kwargs}
        self.runner = None
        self.assistant = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        from aiohttp import web

        from bot.server.app import create_app

        self.assistant = self.make_assistant()
        self.runner = web.AppRunner(create_app(self.assistant, **self.app_kwargs), access_log=None,
                                    shutdown_timeout=5)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()  # graceful: finishes in-flight turns, closes the store
            self.runner = None


@pytest.fixture
async def live_server(sqlite_path):
    """A LiveServer of the echo assistant on the test's SQLite file (each start reopens the file)."""
    from bot.sessions import SQLiteSessionStore

    server = LiveServer(lambda: EchoAssistant(SQLiteSessionStore(sqlite_path)))
    await server.start()
    yield server
    await server.stop()


def _load_sessions_conftest():
    """The redis-server fixture lives in tests/sessions/conftest.py; reuse it here (loaded by path)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "_sessions_conftest", Path(__file__).resolve().parents[1] / "sessions" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


redis_url = _load_sessions_conftest().redis_url  # session-scoped: a real redis-server on a free port


# Test modules import the helpers above as ``from server_testkit import ...``: a stable name that
# does not depend on which directory's ``conftest`` module pytest imported last.
sys.modules.setdefault("server_testkit", sys.modules[__name__])
