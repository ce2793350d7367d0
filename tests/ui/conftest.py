"""UI fixtures: the deterministic assistant (from tests/channels) and a served UI on 127.0.0.1."""

from __future__ import annotations

import importlib.util
import socket
from contextlib import contextmanager
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("_channels_conftest_ui", Path(__file__).parents[1] / "channels" / "conftest.py")
_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _module
_spec.loader.exec_module(_module)
KeywordAssistant = _module.KeywordAssistant

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def keyword_assistant():
    return KeywordAssistant()


@contextmanager
def serve(assistant):
    """build_ui(assistant) served by Gradio in its own thread on a free loopback port; yields the URL."""
    from ui.app import build_ui, launch_ui

    demo = build_ui(assistant)
    port = free_port()
    launch_ui(demo, host="127.0.0.1", port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture
def served_ui(keyword_assistant):
    """(url, assistant) with the deterministic assistant."""
    with serve(keyword_assistant) as url:
        yield url, keyword_assistant


@pytest.fixture
def served_real_ui(real_assistant):
    """(url, assistant) with the real assistant."""
    with serve(real_assistant) as url:
        yield url, real_assistant


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium): apt-get install -y chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
