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
    keeps = []
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
        focus = f"\u201c{sentence.focus}\u201d"
        if weights[f] > weights[winner] and written(weights[f]) != written(weights[winner]):  # it keeps more
            kept_before = sum(keeps[: number - 1])  # said in other words each time (the lines vary)
            assert (
                claim
                == [
                    f"Of the other words, {pulls}; {focus} keeps more on itself.",
                    f"Here {pulls}; again {focus} holds on to more.",
                    f"Now \u201c{tokens[winner]}\u201d leads, with weight {written(weights[winner])}, and {focus} still "
                    "keeps the largest share.",
                ][min(kept_before, 2)]
            )
            keeps.append(True)
        else:
            assert claim.startswith(pulls)
            keeps.append(False)


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


# -- issue 32: each claim a class would trip on, checked against numbers made here ------------


def all_lines(example):
    from attention_core.lessons.catalog import LESSONS, lesson_for

    return {
        item.id: item.text
        for scene in LESSONS
        if scene != "RealModelScene"
        for item in lesson_for(scene, example).narration
    }


def test_no_line_calls_attention_the_whole_model_and_the_block_is_named():
    """A transformer block also has an MLP, residual sums and normalisation: attention is a part."""
    example = load_example(EXAMPLES["fruit-vs-tech"])
    said = all_lines(example)
    from attention_core.language import TEMPLATE

    english = TEMPLATE.read_text(encoding="utf-8")
    assert "whole model" not in english.casefold()  # not on screen, not said, in no chapter
    assert all("whole model" not in text.casefold() for text in said.values())
    years = said["history.years"]
    assert "MLP" in years and "attention" in years and "normalised" in years and "added back" in years


def test_the_parallel_chapter_says_what_runs_at_once_and_what_does_not():
    said = all_lines(load_example(EXAMPLES["fruit-vs-tech"]))
    takeaway = said["parallel.takeaway"]
    assert takeaway.startswith("Reading or training, a transformer updates every word at once")
    assert "writing still takes one step a word" in takeaway
    assert said["parallel.attention"].startswith("Reading a sentence, attention updates")


def test_the_scaling_claim_is_the_mean_of_many_draws_and_grows_with_width():
    from attention_core.lessons import scaling_lesson

    lesson = scaling_lesson()
    rng = np.random.default_rng(7)  # other draws than the lesson's: the mean, not one draw's luck
    expected = []
    for row in lesson.rows:
        scores = (rng.standard_normal((20000, 1, row.dimension)) * rng.standard_normal((20000, 6, row.dimension))).sum(
            -1
        )
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        expected.append((weights.max(axis=1) / weights.sum(axis=1)).mean())
    assert expected == sorted(expected)  # saturating more at every width, as said
    assert [row.max_raw for row in lesson.rows] == pytest.approx(expected, abs=0.02)
    widest = lesson.rows[-1]
    said = {item.id: item.text for item in lesson.narration}
    assert said["scaling.saturate"] == (
        f"Softmax saturates: at the widest, the top word takes {written(widest.max_raw)} of the weight, on average."
    )  # the number said is the one drawn beside the bars ("top ..."), test_scenes_lecture checks that


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_mask_acts_on_scores_and_softmax_makes_the_weights(name):
    from attention_core.lessons import mask_lesson

    example = load_example(EXAMPLES[name])
    lesson = mask_lesson(example)
    x = np.array([example.words[t] for t in lesson.tokens])
    scores = (x @ example.maps["query"]) @ (x @ example.maps["key"]).T / np.sqrt(2)
    assert lesson.self_scores == pytest.approx(scores)  # the grid the minus infinities go into
    future = np.triu(np.ones_like(scores, dtype=bool), k=1)
    masked = np.where(future, -np.inf, scores)
    weights = np.exp(masked - masked.max(axis=1, keepdims=True))
    assert lesson.masked_weights == pytest.approx(weights / weights.sum(axis=1, keepdims=True))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_slider_past_what_a_cosine_can_reach_says_so(name):
    from attention_core.lessons import softmax_lesson

    example = load_example(EXAMPLES[name])
    lesson = softmax_lesson(example)
    said = line(lesson, "softmax.slide")
    if example.similarity == "cosine" and lesson.sweep_scores.max() > 1:
        assert "slide freely, even past 1, where no cosine goes" in said
    else:
        assert "past 1" not in said


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_maps_table_names_the_score_that_made_it(name):
    example = load_example(EXAMPLES[name])
    note = projection_lesson(example).score_note
    names = {"cosine": "cosine similarity", "dot": "dot product"}
    if example.similarity in names:
        assert f"not the {names[example.similarity]}" in note
    assert note.startswith("scores: scaled dot products")


def shown_sum_adds_up(terms: str, vectors, result) -> bool:
    """Work the written sum out as a viewer would: each written weight times its vector as
    written (two places), against the point written beside it."""
    weights = [float(term.split()[0]) for term in terms.split(" + ")]
    rounded = np.round(np.asarray(vectors, dtype=float), 2)
    total = np.array(weights) @ rounded
    return [f"{v + 0.0:.2f}" for v in total] == [f"{v + 0.0:.2f}" for v in result]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_weighted_sum_shown_adds_up(name):
    from attention_core.lessons import formula_lesson
    from scenes.writing import has_many, weighted_sum

    example = load_example(EXAMPLES[name])
    sums = [(r.tokens, r.weights, r.token_embeddings, r.context) for r in gravity_lesson(example).sentences]
    maps, formula = projection_lesson(example), formula_lesson(example)
    sums += [(maps.tokens, maps.weights, maps.values, maps.context)]
    sums += [(formula.tokens, formula.weights, formula.values, formula.output)]
    checked = 0
    for tokens, weights, vectors, result in sums:
        if has_many(tokens):
            continue  # written "Σ weight × embedding": no numbers to add
        terms = weighted_sum(tokens, weights, adding_up=(vectors, result))
        assert shown_sum_adds_up(terms, vectors, result), terms
        assert all(f"{w:.2f}" == f"{float(t.split()[0]):.2f}" for w, t in zip(weights, terms.split(" + ")))
        checked += 1
    assert checked >= (2 if name == "fruit-vs-tech" else 0)  # the default example shows its sums
