"""Fixtures for the dialogue tests: the deterministic assistant (from tests/channels) and the real one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("_channels_conftest", Path(__file__).parents[1] / "channels" / "conftest.py")
_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _module
_spec.loader.exec_module(_module)
KeywordAssistant = _module.KeywordAssistant
KEYWORD_CATALOG = _module.CATALOG


@pytest.fixture
def keyword_assistant():
    return KeywordAssistant()


@pytest.fixture
def keyword_catalog():
    return [dict(p) for p in KEYWORD_CATALOG]
