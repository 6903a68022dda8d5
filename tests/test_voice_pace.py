"""The narrator's pace, measured on the synthesised audio: about 130 to 150 words a minute
while the voice speaks, the pace a learner can follow."""

from attention_core.example_file import default_example
from attention_core.lessons.catalog import lesson_for
from clips.voice import synthesise

CHAPTERS = ("GravityScene", "ProjectionScene", "MaskScene")  # the longest lines and the most numbers


def test_the_voice_speaks_at_most_150_words_a_minute():
    example = default_example()
    texts = [line.text for scene in CHAPTERS for line in lesson_for(scene, example).narration]
    words = sum(len(text.split()) for text in texts)  # the words of the captions, as a viewer reads them
    seconds = sum(synthesise(text).seconds for text in texts)  # each line trimmed of its silence at both ends
    rate = words / seconds * 60
    assert 120 <= rate <= 150, f"{rate:.0f} words a minute over {seconds:.0f} s of speech"
