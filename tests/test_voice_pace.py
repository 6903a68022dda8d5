"""The narrator's pace, measured on the synthesised audio: at most about 150 words a minute
while the voice speaks, in every chapter measured, the pace a learner can follow."""

import pytest

from attention_core.example_file import default_example
from attention_core.lessons.catalog import lesson_for
from clips.voice import synthesise

pytestmark = pytest.mark.render

CHAPTERS = (
    "IntroCard",
    "GravityScene",
    "ProjectionScene",
    "MultiHeadScene",
    "MaskScene",
)  # the fastest and the longest


def test_the_voice_speaks_at_most_150_words_a_minute():
    example = default_example()
    total_words = total_seconds = 0.0
    for scene in CHAPTERS:
        texts = [line.text for line in lesson_for(scene, example).narration]
        words = sum(len(text.split()) for text in texts)  # the words of the captions, as a viewer reads them
        seconds = sum(synthesise(text).seconds for text in texts)  # each line trimmed of its silence at both ends
        assert words / seconds * 60 <= 150, f"{scene}: {words / seconds * 60:.0f} words a minute"
        total_words, total_seconds = total_words + words, total_seconds + seconds
    assert 115 <= total_words / total_seconds * 60 <= 150  # and not dragging
