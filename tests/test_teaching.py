"""The teaching arc, held in the lessons: every chapter asks its question first and ends on
its takeaway, each question picks up the chapter before, and the claims and examples that the
arc relies on are true for every shipped example and the small and crowded ones."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from attention_core.example_file import load_example, parse_example
from attention_core.lessons.arc import ARCS
from attention_core.lessons.catalog import heading_for, lecture_scenes, lesson_for
from tests.example_texts import ALONE, MINIMAL

SHIPPED = sorted(Path(__file__).resolve().parent.parent.joinpath("assets", "examples").glob("*.toml"))
WITHOUT_MODEL = ("RealModelScene",)  # its lesson runs the real model: checked in test_real_model


def examples(crowded):
    return [load_example(path) for path in SHIPPED] + [parse_example(MINIMAL), parse_example(ALONE), crowded]


@pytest.fixture
def every_example(crowded_example):
    return examples(crowded_example)


def chapters(example):
    return [scene for scene in lecture_scenes(example) if scene not in WITHOUT_MODEL]


def test_every_chapter_asks_first_and_ends_on_its_takeaway(every_example):
    for example in every_example:
        for scene in chapters(example):
            lesson = lesson_for(scene, example)
            said = lesson.narration
            assert said[0].id.endswith(".question") and said[0].text == lesson.arc.question, (example.name, scene)
            assert said[-1].id.endswith(".takeaway") and said[-1].text == lesson.arc.takeaway, (example.name, scene)
            assert said[0].text.rstrip().endswith("?"), (example.name, scene, said[0].text)
            guesses = [line for line in said if line.id.endswith(".guess")]
            if lesson.arc.guess is None:
                assert not guesses, (example.name, scene)
            elif scene != "GravityScene" or any(r.strongest_pull for r in lesson.sentences):
                assert [line.text for line in guesses] == [lesson.arc.guess], (example.name, scene)
                # the guess comes after the question and before the line that reveals the answer
                assert 0 < said.index(guesses[0]) < len(said) - 1, (example.name, scene)
            assert not re.search(r"\d", lesson.arc.takeaway.replace("2014", "").replace("2017", "")), scene


def test_each_question_picks_up_the_takeaway_before(every_example):
    for example in every_example:
        scenes = lecture_scenes(example)
        arcs = [ARCS[scene](example) for scene in scenes]  # the real model's too, without running it
        for scene in chapters(example):
            assert lesson_for(scene, example).arc == arcs[scenes.index(scene)], scene
        for (scene, arc), (next_scene, next_arc) in zip(zip(scenes, arcs), zip(scenes[1:], arcs[1:])):
            assert arc.key and arc.key in arc.takeaway, (scene, arc.key)
            assert arc.key.casefold() in next_arc.question.casefold(), (scene, next_scene, next_arc.question)


def test_chapter_titles_are_known_before_rendering(every_example):
    for example in every_example:
        for scene in chapters(example):
            assert heading_for(scene, example) == lesson_for(scene, example).arc.heading
        titles = [heading_for(scene, example) for scene in lecture_scenes(example)]
        assert len(set(titles)) == len(titles), titles
        assert titles[0] == "Introduction" and titles[-1] == "Recap"
        assert not any("\u00b7 for" in title for title in titles)  # no heading glued to a word


def test_the_recap_is_a_montage_in_new_words(every_example):
    """Over each chapter's key picture the recap says a few new words, not the takeaway again:
    at most nine words a chapter, about 80 in all (under 45 seconds at the voice's pace)."""
    for example in every_example:
        recap = lesson_for("RecapCard", example)
        said = {line.id: line.text for line in recap.narration}
        for scene in chapters(example)[1:-1]:
            line = said[f"recap.{scene.lower()}"]
            takeaway = lesson_for(scene, example).arc.takeaway
            assert line != takeaway and line not in takeaway, scene
            assert len(line.split()) <= 9, (scene, line)
        assert sum(len(text.split()) for text in said.values()) <= 85
        expected = len(lecture_scenes(example)) - 2  # all but the introduction and the recap
        assert len(recap.chapters) == expected


def test_the_recap_brings_back_each_chapters_key_picture(example):
    """Each chapter's picture in the recap holds that chapter's numbers, worked out here from the
    example: the first sentence's softmax weights, the causal mask at the sentence's size."""
    from attention_core.lessons.recap import GridPanel, PlanePanel, StepsPanel, WeightsPanel

    recap = {entry.id: entry.picture for entry in lesson_for("RecapCard", example).chapters}
    assert list(recap) == [scene.lower() for scene in lecture_scenes(example)[1:-1]]
    first = example.sentences[0]
    words = [w.strip(",.").casefold() for w in first.text.split() if w.strip(",.").casefold() in example.words]
    focus = np.array(example.words[first.focus], dtype=float)
    cosines = np.array(
        [focus @ np.array(example.words[w]) / np.linalg.norm(focus) / np.linalg.norm(example.words[w]) for w in words]
    )
    (softmax,) = recap["softmaxscene"]
    assert isinstance(softmax, WeightsPanel) and list(softmax.labels) == words
    assert np.allclose(softmax.weights, np.exp(cosines) / np.exp(cosines).sum())
    (plane,) = recap["gravityscene"]
    assert isinstance(plane, PlanePanel) and len(plane.contexts) == len(example.sentences)
    assert np.allclose(plane.embedding, focus)
    (mask,) = recap["maskscene"]
    n = len(mask.tokens)
    assert isinstance(mask, GridPanel) and n >= 6 and mask.weights.shape == (n, n)
    assert np.array_equal(mask.mask, np.tril(np.ones((n, n), dtype=bool)))
    assert np.allclose(mask.weights.sum(axis=1), 1) and np.all(mask.weights[~mask.mask] == 0)
    recurrent, attention = recap["parallelscene"]
    assert isinstance(recurrent, StepsPanel) and (recurrent.steps, attention.steps) == (n, 1)
    (heads,) = recap["multiheadscene"]  # each head's strongest word: one row a head
    multihead = lesson_for("MultiHeadScene", example)
    assert len(heads.labels) == len(multihead.heads) >= 2
    for label, weight, head in zip(heads.labels, heads.weights, multihead.heads):
        assert weight == max(head.weights) and label == f"{head.name}: {multihead.tokens[int(np.argmax(head.weights))]}"


def test_the_intro_opens_on_the_puzzle_not_a_contents_list(example):
    intro = lesson_for("IntroCard", example)
    question = intro.narration[0].text
    assert "\u201capple\u201d" in question and "token" in question and question.endswith("?")
    assert f"number {list(example.words).index('apple') + 1}" in question
    assert intro.token_id == list(example.words).index("apple") + 1
    assert tuple(s.text for s in intro.sentences) == (
        "Please buy an apple and an orange",
        "Apple unveiled the new phone",
    )
    assert not any("chapter" in line.text.casefold() for line in intro.narration)
    assert "gravity" in intro.arc.takeaway


def test_gravity_is_named_and_the_toy_planes_simplification_said(example):
    gravity = lesson_for("GravityScene", example)
    text = " ".join(line.text for line in gravity.narration)
    assert "like gravity" in text
    assert "cosine similarity" in text  # which similarity, said
    faded = [line.text for line in gravity.narration if line.id.endswith(".faded")]
    assert len(faded) == 1 and "a real model gives every token an embedding" in faded[0]
    assert "have no embedding" not in text and "take no part" not in text


def test_hardest_says_the_focus_word_keeps_more_when_it_does(example):
    gravity = lesson_for("GravityScene", example)
    first = gravity.sentences[0]  # apple keeps 0.57, orange pulls 0.43
    line = next(line.text for line in gravity.narration if line.id == "gravity.sentence-1.pull")
    own = math.exp(1.0) / (math.exp(1.0) + math.exp(1 / math.sqrt(2)))
    assert own == pytest.approx(float(first.weights[0]))
    assert line == (
        "Of the other words, \u201corange\u201d pulls hardest, with weight 0.43; "
        "\u201capple\u201d keeps more on itself."
    )


def test_the_softmax_sweep_starts_at_the_true_score(every_example):
    for example in every_example:
        softmax = lesson_for("SoftmaxScene", example)
        gravity = lesson_for("GravityScene", example)
        swept = softmax.swept
        assert softmax.sweep_scores[softmax.sweep_start] == softmax.scores[swept]
        expected = np.exp(softmax.scores) / np.exp(softmax.scores).sum()  # softmax of the true scores
        assert np.allclose(softmax.sweep_weights[softmax.sweep_start], expected)
        if not softmax.notes:  # the same sentence, the same scores as the gravity chapter
            assert np.array_equal(softmax.scores, gravity.sentences[0].similarities)


def test_the_score_change_is_said(example):
    projection = lesson_for("ProjectionScene", example)
    line = next(line.text for line in projection.narration if line.id == "projection.score")
    assert "not the cosine similarity" in line and "a query dotted with a key" in line


def test_shipped_examples_have_a_sentence_of_six_words_in_the_plane():
    for path in SHIPPED:
        example = load_example(path)
        mask, parallel = lesson_for("MaskScene", example), lesson_for("ParallelScene", example)
        longest = max(
            len([t for t in re.findall(r"[\w']+", s.text.casefold()) if t in example.words]) for s in example.sentences
        )
        assert longest >= 6, path.name
        # the grids and the recurrent steps are at the sentence's size
        assert mask.self_weights.shape == (len(mask.tokens),) * 2 and len(mask.tokens) >= 6
        assert mask.masked_weights.shape == mask.self_weights.shape
        assert parallel.recurrent_steps == len(parallel.tokens) == parallel.recurrent_states.shape[0] >= 6
        assert example.cross is not None, f"{path.name}: cross-attention should translate"
        assert set(mask.decoder_tokens) - set(mask.encoder_tokens), path.name  # another language


def test_the_real_model_claims_are_decided_from_every_layer():
    from attention_core.lessons.narration import paths_line, start_line

    class Reading:
        def __init__(self, focus):
            self.focus = focus

    class Lesson:
        def __init__(self, cosines):
            self.cosines, self.layers = np.array(cosines), len(cosines) - 1
            self.readings = (Reading("apple"), Reading("apple"))

    wavering = Lesson([0.95, 0.86, 0.83, 0.80, 0.82, 0.83, 0.71])
    assert "layer by layer" not in paths_line(wavering)
    assert "not at every layer" in paths_line(wavering) and "0.71 after layer 6" in paths_line(wavering)
    steady = Lesson([0.95, 0.90, 0.85])
    assert "move apart, layer by layer" in paths_line(steady)
    assert "start at cosine 0.95, not 1" in start_line(wavering)


def test_several_heads_take_one_relation_each_in_the_default_example(example):
    """Q6: in the six-word sentence, head "kind" spends most of its row on "banana" and little on
    "salad", which head "dish" takes; W_O mixes x and y (not a diagonal)."""
    lesson = lesson_for("MultiHeadScene", example)
    assert lesson.tokens == ("apple", "banana", "cherry", "orange", "fruit", "salad")
    e = np.array([example.words[t] for t in lesson.tokens])

    def row(query_map):  # softmax(q K^T / sqrt 2), keys unchanged (identity W_K), by hand
        scores = (e[0] @ np.array(query_map)) @ e.T / math.sqrt(2)
        return np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()

    kind = row([[1.366, 0.366], [-0.366, 1.366]])
    dish = row([[-0.458, 1.709], [-1.709, -0.458]])
    assert kind[1] > 0.5 and kind[5] < 0.2 and dish.argmax() == 5
    assert np.allclose(lesson.heads[0].weights, kind) and np.allclose(lesson.heads[1].weights, dish)
    said = next(line.text for line in lesson.narration if line.id == "multihead.split")
    assert said == (
        f"No. A row sums to 1: head \u201ckind\u201d spends {kind[1]:.2f} on \u201cbanana\u201d, and little "
        "on \u201csalad\u201d. Head \u201cdish\u201d takes \u201csalad\u201d."
    )
    w_o = np.asarray(lesson.output_map)
    assert any(w_o[2 * h, 1] != 0 or w_o[2 * h + 1, 0] != 0 for h in range(len(lesson.heads)))


def test_the_maps_let_the_focus_word_look_past_itself(example):
    """Q3: with W_Q and W_K, "apple" keeps 0.29 on itself, not 0.80: its query finds "orange"."""
    lesson = lesson_for("ProjectionScene", example)
    apple, orange = np.array(example.words["apple"]), np.array(example.words["orange"])
    e = np.stack([apple, orange])
    w_q, w_k = np.asarray(example.maps["query"]), np.asarray(example.maps["key"])

    def softmax(scores):
        return np.exp(scores) / np.exp(scores).sum()

    before = softmax(e @ apple / math.sqrt(2))
    after = softmax((e @ w_k) @ (apple @ w_q) / math.sqrt(2))
    assert (round(before[0], 2), round(after[0], 2)) == (0.80, 0.29)
    said = next(line.text for line in lesson.narration if line.id == "projection.self")
    assert (
        said == "\u201capple\u201d now keeps only 0.29 on itself: its query looks past itself, to \u201corange\u201d."
    )
