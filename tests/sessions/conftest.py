"""Fixtures: a real redis-server on a free loopback port, and one store of each backend."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from bot.sessions import MemorySessionStore, SQLiteSessionStore

BACKENDS = ("sqlite", "redis", "memory")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """redis://127.0.0.1:<port>/0 of a redis-server started for this test run (no persistence)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install -y redis-server)")
    workdir: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--protected-mode", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("redis-server did not start")
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


@pytest.fixture
async def make_store(request, tmp_path):
    """make_store(backend, **kwargs) -> a fresh store; all are closed after the test.

    Calling it twice with the same backend gives a second handle on the SAME data
    (same SQLite file / same Redis prefix), like a restarted or second process.
    """
    opened = []
    prefix = f"t{uuid.uuid4().hex[:10]}"

    def make(backend: str, **kwargs):
        if backend == "sqlite":
            store = SQLiteSessionStore(tmp_path / "sessions.sqlite3", **kwargs)
        elif backend == "redis":
            from bot.sessions import RedisSessionStore

            store = RedisSessionStore(request.getfixturevalue("redis_url"), prefix=prefix, **kwargs)
        elif backend == "memory":
            store = MemorySessionStore(**kwargs)
        else:
            raise ValueError(backend)
        opened.append(store)
        return store

    yield make
    for store in opened:
        await store.close()


@pytest.fixture(params=[pytest.param(b, marks=pytest.mark.redis) if b == "redis" else b for b in BACKENDS])
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(make_store, backend):
    return make_store(backend)
