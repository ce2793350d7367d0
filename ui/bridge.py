"""Run an assistant on its own event loop thread and call it from any other loop.

Gradio serves requests on its own event loop; the real ``Assistant`` owns
loop-bound machinery (micro-batchers, locks, client sessions) created in the
loop that built it. ``AssistantThread`` keeps one long-lived loop in a daemon
thread; ``ThreadedAssistant`` forwards each coroutine call onto it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from bot.stages import collect_stages, record_stage

T = TypeVar("T")


class AssistantThread:
    """A daemon thread running one asyncio loop forever (until ``stop``)."""

    def __init__(self, name: str = "shopbot-assistant") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run ``coro`` on the thread's loop and wait (from a thread without a running loop)."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    async def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` running on the thread's loop from another loop."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def stop(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
        if not self.loop.is_running() and not self.loop.is_closed():
            self.loop.close()


class ThreadedAssistant:
    """The ``AssistantProtocol`` methods of an assistant living on an :class:`AssistantThread`."""

    def __init__(self, assistant: Any, thread: AssistantThread) -> None:
        self.assistant = assistant
        self.thread = thread

    async def handle(self, session_id: str, text: str, *, message_id: str | None = None):
        async def turn():
            with collect_stages() as timings:
                reply = await self.assistant.handle(session_id, text, message_id=message_id)
            return reply, timings

        reply, timings = await self.thread.call(turn())
        for name, seconds in timings.items():  # the stage timings reach the caller's collector (e.g. /metrics)
            record_stage(name, seconds)
        return reply

    async def feedback(self, session_id: str, product_id: str, liked: bool):
        return await self.thread.call(self.assistant.feedback(session_id, product_id, liked))

    async def session_view(self, session_id: str):
        return await self.thread.call(self.assistant.session_view(session_id))

    async def export(self, session_id: str):
        return await self.thread.call(self.assistant.export(session_id))

    async def forget(self, session_id: str) -> bool:
        return await self.thread.call(self.assistant.forget(session_id))

    async def set_personalization(self, session_id: str, enabled: bool) -> None:
        return await self.thread.call(self.assistant.set_personalization(session_id, enabled))

    def readiness(self) -> dict[str, bool]:
        return self.assistant.readiness()

    async def close(self) -> None:
        await self.thread.call(self.assistant.close())
