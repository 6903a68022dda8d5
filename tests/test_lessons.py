"""Each lesson equals what the core computes, and its dict has the keys the manifest promises."""

import json
from dataclasses import replace

import numpy as np
import pytest

from attention_core import attention, similarity, softmax
from attention_core.lessons import gravity_lesson, multihead_lesson, projection_lesson


def test_gravity_lesson_is_softmax_of_similarities(example):
    lesson = gravity_lesson(example)
    assert [s.text for s in lesson.sentences] == [s.text for s in example.sentences]
    for reading in lesson.sentences:
        embeddings = np.array([example.words[t] for t in reading.tokens])
        focus = np.array(example.words[reading.focus])
        weights = softmax(similarity(focus[None], embeddings, example.similarity))[0]
        assert reading.weights == pytest.approx(weights)
        assert reading.context == pytest.approx(weights @ embeddings)
        assert reading.embedding.tolist() == list(example.words[reading.focus])


def test_gravity_lesson_reads_the_lecture_numbers(example):
    fruit, tech, salad = gravity_lesson(example).sentences
    assert salad.tokens == ("apple", "banana", "cherry", "orange", "fruit", "salad")
    assert fruit.tokens == ("apple", "orange") and tech.tokens == ("apple", "phone")
    assert np.round(fruit.weights, 2).tolist() == [0.57, 0.43]
    assert np.round(fruit.context, 2).tolist() == [1.15, 2.43]
    assert np.round(tech.context, 2).tolist() == [2.85, 1.15]
    assert fruit.strongest_pull == "orange" and tech.strongest_pull == "phone"
    assert fruit.sentence_tokens == ("Please", "buy", "an", "apple", "and", "an", "orange")
    assert fruit.takes_part == (False, False, False, True, False, False, True)


def test_projection_lesson_is_the_core_with_the_maps(example):
    lesson = projection_lesson(example)
    e = lesson.embeddings
    w_q, w_k, w_v = (example.maps[r] for r in ("query", "key", "value"))
    assert lesson.queries == pytest.approx(e @ w_q)
    assert lesson.keys == pytest.approx(e @ w_k)
    assert lesson.values == pytest.approx(e @ w_v)
    f = lesson.focus_index
    assert lesson.scores_before == pytest.approx(similarity(e[f : f + 1], e, "scaled_dot")[0])
    assert lesson.scores_after == pytest.approx((e[f] @ w_q) @ (e @ w_k).T / np.sqrt(2))
    assert lesson.weights == pytest.approx(softmax(lesson.scores_after))
    assert lesson.context == pytest.approx(lesson.weights @ (e @ w_v))
    assert lesson.tokens[lesson.highlight] != lesson.focus


def test_multihead_lesson_concatenates_heads_and_applies_w_o(crowded_example):
    lesson = multihead_lesson(crowded_example)
    e, f = lesson.embeddings, lesson.focus_index
    outputs = []
    for head, spec in zip(lesson.heads, crowded_example.heads):
        expected = attention(e @ spec.query_map, e @ spec.key_map, e @ spec.value_map)
        assert head.weights == pytest.approx(expected.weights[f])
        assert head.output == pytest.approx(expected.output[f])
        outputs.append(expected.output[f])
    assert lesson.concat == pytest.approx(np.concatenate(outputs))
    assert lesson.output == pytest.approx(lesson.concat @ crowded_example.output_map)
    assert sum(h.contribution for h in lesson.heads) == pytest.approx(lesson.output)
    assert lesson.running_sums[0].tolist() == [0.0, 0.0]
    assert lesson.running_sums[-1] == pytest.approx(lesson.output)


@pytest.mark.parametrize(
    "build, keys",
    [
        (gravity_lesson, {"similarity", "sentences"}),
        (
            projection_lesson,
            {
                "sentence",
                "focus",
                "tokens",
                "query_map",
                "key_map",
                "value_map",
                "embeddings",
                "queries",
                "keys",
                "values",
                "scores_before",
                "scores_after",
                "weights",
                "context",
            },
        ),
        (multihead_lesson, {"sentence", "focus", "tokens", "heads", "concat", "output_map", "output"}),
    ],
)
def test_lesson_dicts_have_the_manifest_keys_and_are_json(example, build, keys):
    data = build(example).to_dict()
    assert keys <= set(data)
    assert json.loads(json.dumps(data)) == data
    if build is gravity_lesson:
        for sentence in data["sentences"]:
            assert {"text", "focus", "tokens", "weights", "embedding", "context"} <= set(sentence)
        assert data["sentences"][0]["weights"][0] == pytest.approx(0.5727042927955368, abs=0)  # not rounded
    if build is multihead_lesson:
        for head in data["heads"]:
            assert {"name", "query_map", "key_map", "value_map", "weights", "output"} <= set(head)


def test_lessons_are_read_only_all_the_way_down(example):
    gravity = gravity_lesson(example)
    projection = projection_lesson(example)
    with pytest.raises(ValueError):
        projection.queries[0, 0] = 99.0  # an array of numbers the clip draws
    with pytest.raises(ValueError):
        gravity.sentences[0].weights[0] = 1.0  # an array inside a lesson inside a lesson
    with pytest.raises(TypeError):
        gravity.plane["apple"] = (0.0, 0.0)  # the plane's words
    assert projection.queries[0, 0] != 99.0 and gravity.plane["apple"] == (2.0, 2.0)
    weights = np.array([0.25, 0.75])
    reading = replace(gravity.sentences[0], weights=weights)
    weights[0] = 9.0  # the caller's array stays the caller's: the lesson kept a copy
    assert reading.weights[0] == 0.25
