"""The soak test against the real thing: `shopbot serve` (trained NLU, Qdrant Edge, re-ranker, SQLite).

64 concurrent sessions x 50 shopper turns on loopback, with a graceful restart
(SIGTERM, then a new process on the same data) half-way: every acknowledged
turn is in the stored history exactly once, nothing is applied twice, and no
request ends in a 5xx (the client's retries would run out and fail the test).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from bot.client import AsyncClient, ShopbotError
from server_testkit import free_port

TEXTS = (
    "hi", "I'm looking for a sofa under $1500", "cheaper", "not IKEA", "in grey please", "show me more",
    "compare 1 and 2", "is the first one in stock?", "I like the second one", "add it to my cart",
    "what goes well with it?", "office chairs", "under 400", "more like #1", "where is my order?",
    "123456", "how long does delivery take?", "thanks", "a rug", "something different",
)


class ServeProcess:
    def __init__(self, home, port: int) -> None:
        self.home, self.port, self.proc = home, port, None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        env = {**os.environ, "SHOPBOT_HOME": str(self.home), "HF_HUB_OFFLINE": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port), "--rate", "0", "--ip-rate", "0"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 600
        async with AsyncClient(self.url, retries=0, timeout=2) as probe:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"shopbot serve exited with {self.proc.returncode}")
                try:
                    if (await probe.ready()).get("ready"):
                        return
                except ShopbotError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("shopbot serve did not become ready")

    def terminate(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(60)


@pytest.fixture
async def serve(shop_settings, tmp_path):
    # A home of its own with the already built index and NLU model (one opener per index).
    for part in ("index", "models"):
        shutil.copytree(shop_settings.home / part, tmp_path / part)
    server = ServeProcess(tmp_path, free_port())
    await server.start()
    yield server
    if server.proc.poll() is None:
        server.proc.kill()
        server.proc.wait(10)


async def shopper(bot: AsyncClient, session: str, turns: int, offset: int, acked: list[tuple[str, str]]) -> None:
    for n in range(turns):
        message_id = f"{session}-m{n}"
        reply = await bot.chat(session, TEXTS[(n + offset) % len(TEXTS)], message_id=message_id)
        assert "went wrong" not in reply.text, reply.text
        acked.append((session, message_id))


@pytest.mark.slow
async def test_soak_64_sessions_50_turns_through_shopbot_serve_with_a_restart(serve):
    sessions = [f"soak-{i}" for i in range(64)]
    acked: list[tuple[str, str]] = []
    started = time.perf_counter()
    async with AsyncClient(serve.url, retries=12, backoff=0.25, timeout=60) as bot:
        tasks = [asyncio.create_task(shopper(bot, s, 50, i, acked)) for i, s in enumerate(sessions)]
        while len(acked) < 64 * 25 and not any(t.done() for t in tasks):
            await asyncio.sleep(0.05)
        assert serve.terminate() == 0, "graceful shutdown exits cleanly"
        await serve.start()
        await asyncio.gather(*tasks)
        histories = {s: (await bot.export(s))["history"] for s in sessions}
    elapsed = time.perf_counter() - started
    for session in sessions:
        ids = [t["message_id"] for t in histories[session]]
        assert len(ids) == len(set(ids)), f"{session}: a turn was applied twice"
        assert ids == [f"{session}-m{n}" for n in range(50)], f"{session}: turns lost or out of order"
    assert len(acked) == 64 * 50
    print(f"soak through shopbot serve: {len(acked)} turns in {elapsed:.1f} s with one restart")
