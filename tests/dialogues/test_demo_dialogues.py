"""The scripted dialogues of this folder, played against the real assistant on the demo catalog.

One test per YAML file; its dialogues are played eight at a time, each in its own session, as that many
shoppers would (the NLU and the re-ranker batch concurrent turns). A failure names each failed dialogue
with its turns; ``shopbot test-dialogues FILE`` replays one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue_tests import assert_dialogue_file, dialogue_files

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", dialogue_files(Path(__file__).parent))
async def test_dialogue_file(path, real_assistant):
    await assert_dialogue_file(path, real_assistant, concurrency=8)
