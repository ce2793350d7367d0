"""ui.bridge: an assistant on its own loop thread, called from other event loops."""

from __future__ import annotations

import asyncio
import threading

from ui.bridge import AssistantThread, ThreadedAssistant


class LoopBoundAssistant:
    """Records the thread each call runs on and owns a loop-bound lock (like micro-batchers do)."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.threads: set[str] = set()
        self.forgotten: list[str] = []

    async def handle(self, session_id, text, *, message_id=None):
        async with self.lock:
            self.threads.add(threading.current_thread().name)
            await asyncio.sleep(0)
            return f"{session_id}:{text}:{message_id}"

    async def forget(self, session_id):
        self.forgotten.append(session_id)
        return True

    async def close(self):
        return None


def test_calls_from_two_loops_run_on_the_assistant_thread():
    thread = AssistantThread(name="assistant-loop")
    inner = LoopBoundAssistant()
    proxy = ThreadedAssistant(inner, thread)
    try:
        async def burst(tag: str):
            return await asyncio.gather(*(proxy.handle(f"{tag}{i}", "hi", message_id=str(i)) for i in range(5)))

        first = asyncio.run(burst("a"))  # one event loop...
        second = asyncio.run(burst("b"))  # ...then another: the lock stays usable
        assert first[0] == "a0:hi:0" and second[4] == "b4:hi:4"
        assert inner.threads == {"assistant-loop"}
        assert asyncio.run(proxy.forget("a0")) is True and inner.forgotten == ["a0"]
        assert thread.run(inner.handle("x", "y")) == "x:y:None"
    finally:
        thread.stop()
    assert thread.loop.is_closed()
