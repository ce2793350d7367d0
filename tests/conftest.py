"""Fixtures shared by the whole suite. Part-specific fixtures live in each folder's conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (evaluation data; never copied into the repo)."""
    return SHARED_DATA


REPO = Path(__file__).resolve().parents[1]
# Real models for the end-to-end tests: the demo-catalog index and a trained NLU, built once and
# reused by every test (and by later local runs; CI starts from an empty folder).
TEST_HOME = Path(os.environ.get("SHOPBOT_TEST_HOME", REPO / ".shopbot-test"))


@pytest.fixture(scope="session")
def shop_settings():
    """Settings whose home holds the demo index and a trained NLU model (built on first use)."""
    from bot.assistant import Assistant
    from bot.config import Settings
    from bot.sessions.memory import MemorySessionStore

    settings = Settings.from_env(home=TEST_HOME, sessions="memory")
    assistant = Assistant.create_blocking(settings, progress=False, sessions=MemorySessionStore())
    import asyncio

    asyncio.run(assistant.close())
    return settings


@pytest.fixture(scope="session")
def real_assistant(shop_settings):
    """The real ``bot.assistant.Assistant`` on the demo catalog, on its own event-loop thread.

    One per test run, shared by every end-to-end test (the embedded index has one opener);
    its methods can be awaited from any event loop."""
    from bot.assistant import Assistant
    from bot.sessions.memory import MemorySessionStore
    from ui.bridge import AssistantThread, ThreadedAssistant

    thread = AssistantThread()
    assistant = thread.run(Assistant.create(shop_settings, progress=False, sessions=MemorySessionStore()), timeout=3600)
    yield ThreadedAssistant(assistant, thread)
    thread.run(assistant.close(), timeout=60)
    thread.stop()
