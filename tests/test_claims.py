"""Every caption that names a direction or a winner says what the numbers say, for examples
where the answer differs. The numbers are computed here with numpy from the example file;
the captions are the lessons' narration, which test_every_example shows is what is drawn."""

import numpy as np
import pytest
from spelled import written

from attention_core.example_file import load_example, shipped_examples
from attention_core.lessons import gravity_lesson, projection_lesson
from attention_core.tokens import split_tokens

EXAMPLES = {path.stem: path for path in shipped_examples()}


def softmax(row):
    row = np.exp(row - row.max())
    return row / row.sum()


def embedded_tokens(example, text):
    return [token.casefold() for token in split_tokens(text) if token.casefold() in example.words]


def line(lesson, line_id):
    return next(item.text for item in lesson.narration if item.id == line_id)


@pytest.mark.parametrize(
    "name, verb", [("fruit-vs-tech", "rises"), ("bank-river-vs-money", "falls"), ("it-animal-or-street", "rises")]
)
def test_the_maps_claim_rises_or_falls_as_the_weights_do(name, verb):
    example = load_example(EXAMPLES[name])
    sentence = example.sentences[0]
    tokens = embedded_tokens(example, sentence.text)
    e = np.array([example.words[t] for t in tokens])  # (k, 2)
    f = tokens.index(sentence.focus)
    maps = example.maps
    before = softmax(e[f] @ e.T / np.sqrt(2))
    after = softmax((e[f] @ maps["query"]) @ (e @ maps["key"]).T / np.sqrt(2))
    others = [j for j, t in enumerate(tokens) if t != sentence.focus]
    j = max(others, key=lambda j: abs(after[j] - before[j]))  # the pair the maps re-scored most
    assert (after[j] > before[j]) == (verb == "rises")  # the examples really differ
    expected = f"The weight of \u201c{tokens[j]}\u201d {verb} to {written(after[j])}: the maps change who matches."
    assert line(projection_lesson(example), "projection.rescore") == expected


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_word_that_pulls_hardest_has_the_largest_weight(name):
    example = load_example(EXAMPLES[name])
    lesson = gravity_lesson(example)
    for number, sentence in enumerate(example.sentences, start=1):
        tokens = embedded_tokens(example, sentence.text)
        e = np.array([example.words[t] for t in tokens])
        f = tokens.index(sentence.focus)
        similarity = {
            "cosine": (e @ e[f]) / (np.linalg.norm(e, axis=1) * np.linalg.norm(e[f])),
            "dot": e @ e[f],
            "scaled_dot": e @ e[f] / np.sqrt(2),
        }[example.similarity]
        weights = softmax(similarity)
        others = [j for j, t in enumerate(tokens) if t != sentence.focus]
        winner = max(others, key=lambda j: weights[j])
        claim = line(lesson, f"gravity.sentence-{number}.pull")
        pulls = f"\u201c{tokens[winner]}\u201d pulls hardest, with weight {written(weights[winner])}"
        if weights[f] > weights[winner] and written(weights[f]) != written(weights[winner]):  # it keeps more
            assert claim == f"Of the other words, {pulls}; \u201c{sentence.focus}\u201d keeps more on itself."
        else:
            assert claim.startswith(pulls)


@pytest.mark.parametrize(
    "cosines, focus, said",
    [
        (
            (0.95, 0.90, 0.80),
            ("apple", "apple"),
            "The vectors of \u201capple\u201d in the two sentences move apart, layer by layer: cosine 0.80 after layer 2.",
        ),
        (
            (0.50, 0.70, 0.90),
            ("apple", "apple"),
            "The vectors of \u201capple\u201d in the two sentences come closer, layer by layer: cosine 0.90 after layer 2.",
        ),
        (
            (0.95, 0.86, 0.83, 0.80, 0.82, 0.83, 0.71),
            ("apple", "apple"),  # down, then up, then down: not steadily
            "The vectors of \u201capple\u201d in the two sentences move apart, though not at every layer: "
            "cosine 0.71 after layer 6.",
        ),
        (
            (0.951, 0.70, 0.949),
            ("bank", "banks"),  # the same when written: "as alike", whichever way it moved
            "The vectors of \u201cbank\u201d and \u201cbanks\u201d in the two sentences end as alike as they start.",
        ),
    ],
)
def test_the_paths_claim_follows_the_cosines(cosines, focus, said):
    """The real model's paths line: apart, closer, or as alike, from the first and last cosine
    (a stand-in lesson: the claim depends on these fields only)."""
    from types import SimpleNamespace

    from attention_core.lessons.narration import paths_line

    lesson = SimpleNamespace(
        cosines=cosines,
        layers=len(cosines) - 1,
        readings=(SimpleNamespace(focus=focus[0]), SimpleNamespace(focus=focus[1])),
    )
    assert paths_line(lesson) == said


def test_a_narration_line_id_must_name_a_file_and_be_unique():
    from attention_core.lessons.narration import lines

    with pytest.raises(ValueError, match=r"^narration line id 'Gravity/plane' is not of the form clip\.part$"):
        lines(("Gravity/plane", "text"))
    with pytest.raises(ValueError, match=r"^narration line ids repeat$"):
        lines(("gravity.plane", "one"), ("gravity.plane", "two"))
    assert [line.id for line in lines(("gravity.plane", "one"), ("gravity.sentence-1.words", "two"))] == [
        "gravity.plane",
        "gravity.sentence-1.words",
    ]
