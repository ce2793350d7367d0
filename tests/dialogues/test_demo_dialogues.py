"""The scripted dialogues of this folder, played against the real assistant on the demo catalog.

One test per round of testers (``shoppers_<round>_*.yaml``) and per other YAML file; a test's dialogues are
played 32 at a time, each in its own session, as that many shoppers would (the NLU, the query embedding and
the re-ranker batch concurrent turns). A failure names each failed dialogue with its file and turns;
``shopbot test-dialogues FILE`` replays one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue_tests import assert_dialogue_files, dialogue_file_groups

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("paths", dialogue_file_groups(Path(__file__).parent))
async def test_dialogue_files(paths, real_assistant):
    await assert_dialogue_files(paths, real_assistant, concurrency=32)
