"""Crash safety of the whole stack: a real server subprocess on SQLite, killed with SIGKILL or restarted."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.client import AsyncClient, ShopbotError
from server_testkit import free_port

ENTRY = Path(__file__).with_name("echo_server.py")


class ServerProcess:
    """``python tests/server/echo_server.py`` on a fixed port and SQLite file."""

    def __init__(self, db: Path, port: int | None = None) -> None:
        self.db, self.port = db, port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(ENTRY), "--db", str(self.db), "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        async with AsyncClient(self.url, retries=0, timeout=1) as probe:
            while True:
                try:
                    if await probe.health():
                        return
                except ShopbotError:
                    pass
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("the echo server did not start")
                await asyncio.sleep(0.05)

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(30)


@pytest.fixture
async def server_process(tmp_path):
    server = ServerProcess(tmp_path / "sessions.sqlite3")
    await server.start()
    yield server
    if server.proc and server.proc.poll() is None:
        server.proc.kill()
        server.proc.wait(10)


async def conversation(bot: AsyncClient, session: str, turns: range, acked: dict, pending: dict) -> None:
    """Send turns in order; remember acknowledged message ids, and the one in flight when it fails."""
    for n in turns:
        message_id = f"{session}-m{n}"
        pending[session] = (message_id, f"turn {n}")
        await bot.chat(session, f"turn {n}", message_id=message_id)
        acked.setdefault(session, []).append(message_id)
        pending.pop(session)


def check_histories(histories: dict[str, list[dict]], acked: dict[str, list[str]]) -> None:
    for session, history in histories.items():
        ids = [t["message_id"] for t in history]
        assert len(ids) == len(set(ids)), f"{session}: a turn was applied twice"
        assert set(acked.get(session, [])) <= set(ids), f"{session}: an acknowledged turn was lost"
        texts = [t["reply"]["text"] for t in history]
        assert all(text.startswith(f"#{i} ") for i, text in enumerate(texts, 1)), "state and history disagree"


async def test_kill_9_loses_no_acknowledged_turn(server_process):
    sessions = [f"k{i}" for i in range(8)]
    acked: dict[str, list[str]] = {}
    pending: dict[str, tuple[str, str]] = {}
    async with AsyncClient(server_process.url, retries=0, timeout=5) as bot:
        tasks = [asyncio.create_task(conversation(bot, s, range(1000), acked, pending)) for s in sessions]
        while sum(map(len, acked.values())) < 80:
            await asyncio.sleep(0.02)
        server_process.kill9()
        results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, ShopbotError) for r in results), "every conversation was cut by the kill"

    await server_process.start()  # same SQLite file
    async with AsyncClient(server_process.url, retries=3, backoff=0.05) as bot:
        for session, (message_id, text) in list(pending.items()):  # redeliver what was in flight
            await bot.chat(session, text, message_id=message_id)
            acked[session].append(message_id)
        for session in sessions:
            await bot.chat(session, "after restart", message_id=f"{session}-after")
            acked[session].append(f"{session}-after")
        histories = {s: (await bot.export(s))["history"] for s in sessions}
    check_histories(histories, acked)
    for session in sessions:
        assert [t["message_id"] for t in histories[session]] == acked[session], "order kept, nothing extra"


@pytest.mark.slow
async def test_soak_64_sessions_50_turns_with_a_restart(server_process):
    """64 concurrent sessions x 50 turns on loopback; the server is restarted (SIGTERM) half-way."""
    sessions = [f"soak{i}" for i in range(64)]
    acked: dict[str, list[str]] = {}
    pending: dict[str, tuple[str, str]] = {}
    started = time.perf_counter()
    async with AsyncClient(server_process.url, retries=10, backoff=0.2, timeout=30) as bot:
        tasks = [asyncio.create_task(conversation(bot, s, range(50), acked, pending)) for s in sessions]
        while sum(map(len, acked.values())) < 64 * 25:
            await asyncio.sleep(0.05)
        assert server_process.terminate() == 0, "graceful shutdown exits cleanly"
        await server_process.start()
        await asyncio.gather(*tasks)  # any exhausted retry or 4xx/5xx fails here
        histories = {s: (await bot.export(s))["history"] for s in sessions}
    elapsed = time.perf_counter() - started
    check_histories(histories, acked)
    assert all(len(acked[s]) == 50 and len(histories[s]) == 50 for s in sessions)
    print(f"soak: {64 * 50} turns in {elapsed:.1f} s ({64 * 50 / elapsed:.0f} turns/s) with one restart")


async def test_shopbot_serve_command(tmp_path):
    """`shopbot serve` plumbing: flags -> settings -> app; API key; sessions under $SHOPBOT_HOME; SIGTERM exits 0."""
    pytest.importorskip("bot.assistant", reason="bot.assistant is not written yet")
    port = free_port()
    env = {**os.environ, "SHOPBOT_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, str(ENTRY), "--cli", "serve", "--port", str(port), "--api-key", "k3y", "--rate", "0"],
        env=env, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        async with AsyncClient(url, api_key="k3y", retries=8, backoff=0.1) as bot:
            assert (await bot.chat("sess-zq9", "hello-zq9")).text == "#1 you said: hello-zq9"
        async with AsyncClient(url, retries=0) as anonymous:
            with pytest.raises(ShopbotError) as denied:
                await anonymous.chat("sess-zq9", "again")
        assert denied.value.status == 401
        assert (tmp_path / "home" / "sessions" / "sessions.sqlite3").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert f"serving on http://127.0.0.1:{port}" in stderr
    assert "POST /v1/chat -> 200" in stderr
    assert "zq9" not in stderr, "no session ids or message text in INFO logs"
