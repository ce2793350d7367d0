"""The scripted dialogues of this folder, played against the real assistant on the demo catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue_tests import dialogue_cases, run_dialogue_case

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", dialogue_cases(Path(__file__).parent))
async def test_dialogue(case, real_assistant):
    await run_dialogue_case(case, real_assistant)
