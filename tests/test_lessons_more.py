"""The lessons of the learner-question clips equal what the core computes."""

from dataclasses import replace

import numpy as np
import pytest
from example_texts import ALONE, MINIMAL

from attention_core import attention, causal_mask, similarity, softmax
from attention_core.example_file import default_example, parse_example
from attention_core.lessons import (
    formula_lesson,
    history_lesson,
    intro_lesson,
    mask_lesson,
    parallel_lesson,
    projection_lesson,
    scaling_lesson,
    softmax_lesson,
)
from attention_core.lessons.catalog import lecture_scenes, lesson_for


def test_softmax_sweep_glides_while_argmax_jumps(example):
    lesson = softmax_lesson(example)
    rows = np.repeat(lesson.scores[None], len(lesson.sweep_scores), axis=0)
    rows[:, lesson.swept] = lesson.sweep_scores
    assert lesson.sweep_rows == pytest.approx(rows)
    assert lesson.sweep_weights == pytest.approx(softmax(rows))
    assert lesson.sweep_weight_sums == pytest.approx(np.ones(len(rows)))
    assert lesson.sweep_argmax.tolist() == rows.argmax(axis=1).tolist()
    assert lesson.sweep_softmax_output == pytest.approx(lesson.sweep_weights @ lesson.embeddings)
    assert lesson.sweep_argmax_output == pytest.approx(lesson.embeddings[lesson.sweep_argmax])
    jumps = np.linalg.norm(np.diff(lesson.sweep_argmax_output, axis=0), axis=1).max()
    glides = np.linalg.norm(np.diff(lesson.sweep_softmax_output, axis=0), axis=1).max()
    assert jumps > 5 * glides  # the point of the clip, measured
    assert len(set(lesson.sweep_argmax.tolist())) >= 2


def test_temperature_goes_from_argmax_to_uniform(example):
    lesson = softmax_lesson(example)
    assert lesson.temperature_weights[0].max() > 0.99
    assert lesson.temperature_weights[-1] == pytest.approx(
        np.full(len(lesson.tokens), 1 / len(lesson.tokens)), abs=0.01
    )
    assert lesson.temperature_weights.sum(axis=1) == pytest.approx(np.ones(len(lesson.temperatures)))


def test_dividing_by_the_sum_fails_where_softmax_does_not(example):
    lesson = softmax_lesson(example)
    assert lesson.zero_sum_scores.sum() == 0
    assert lesson.negative_by_sum.min() < 0
    assert lesson.negative_softmax.min() > 0 and lesson.negative_softmax.sum() == pytest.approx(1)


def test_softmax_lesson_borrows_words_when_a_sentence_has_one():
    lesson = softmax_lesson(parse_example(ALONE))
    assert len(lesson.tokens) == 3 and lesson.notes


def test_scaling_spreads_are_seeded_and_follow_sqrt_d():
    first, again = scaling_lesson(), scaling_lesson()
    assert first.to_dict() == again.to_dict()
    for row in first.rows:
        assert row.raw_std == pytest.approx(np.sqrt(row.dimension), rel=0.06)
        assert row.scaled_std == pytest.approx(1.0, rel=0.06)
        for weights, top in ((row.weights_raw, row.max_raw), (row.weights_scaled, row.max_scaled)):
            assert weights.sum() == pytest.approx(1) and np.all(np.diff(weights) <= 0)  # largest first
            assert top == weights[0]
    tops = [row.max_raw for row in first.rows]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # the mean saturates more with every width
    assert first.rows[-1].max_raw > 0.9 > 0.5 > max(row.max_scaled for row in first.rows)


def test_the_mean_top_weight_is_what_other_draws_give():
    """The lesson's mean top weight, against 20,000 draws of another generator, made here."""
    lesson = scaling_lesson()
    rng = np.random.default_rng(12345)
    for row in lesson.rows:
        q = rng.standard_normal((20000, 1, row.dimension))
        k = rng.standard_normal((20000, lesson.scores_per_row, row.dimension))
        scores = (q * k).sum(axis=-1)
        exponentials = np.exp(scores - scores.max(axis=1, keepdims=True))
        top = (exponentials.max(axis=1) / exponentials.sum(axis=1)).mean()
        assert row.max_raw == pytest.approx(top, abs=0.02)


def test_mask_lesson(example):
    lesson = mask_lesson(example)
    n = len(lesson.tokens)
    assert lesson.mask.tolist() == causal_mask(n).tolist()
    assert np.all(lesson.masked_weights[~lesson.mask] == 0)
    assert lesson.masked_row_sums == pytest.approx(np.ones(n))
    x = np.array([example.words[t] for t in lesson.tokens])
    w_q, w_k, w_v = (example.maps[r] for r in ("query", "key", "value"))
    assert lesson.self_weights == pytest.approx(attention(x @ w_q, x @ w_k, x @ w_v).weights)
    target = np.array([example.words[t] for t in lesson.decoder_tokens])
    source = np.array([example.words[t] for t in lesson.encoder_tokens])
    assert lesson.cross_weights == pytest.approx(attention(target @ w_q, source @ w_k, source @ w_v).weights)
    assert not lesson.notes  # the default example has a [cross]: a decoder translating into French
    assert lesson.decoder_sentence == "Apple a d\u00e9voil\u00e9 le nouveau t\u00e9l\u00e9phone"
    assert lesson.cross_weights.argmax(axis=1).tolist() == [0, 1]  # apple reads apple, t\u00e9l\u00e9phone reads phone
    fallback = mask_lesson(replace(example, cross=None))
    assert fallback.notes == ("no [cross] in the example: the encoder is sentence 1, the decoder sentence 2",)


def test_mask_lesson_uses_the_cross_table():
    example = parse_example(ALONE + '[cross]\nencoder = "apple orange phone"\ndecoder = "Orange apple"\n')
    lesson = mask_lesson(example)
    assert lesson.encoder_tokens == ("apple", "orange", "phone")
    assert lesson.decoder_tokens == ("orange", "apple")
    assert lesson.cross_weights.shape == (2, 3) and not lesson.notes


def test_formula_lesson_is_the_projection_focus_row(example):
    lesson, projection = formula_lesson(example), projection_lesson(example)
    assert lesson.dots == pytest.approx(similarity(lesson.query[None], lesson.keys, "dot")[0])
    assert lesson.scaled == pytest.approx(lesson.dots / np.sqrt(2))
    assert lesson.weights == pytest.approx(projection.weights)
    assert lesson.output == pytest.approx(projection.context)


def test_parallel_lesson_recurrence_by_hand(example):
    lesson = parallel_lesson(example)
    state = np.zeros(2)
    for x, h in zip(lesson.embeddings, lesson.recurrent_states):
        state = np.tanh(x @ lesson.input_map + state @ lesson.state_map)
        assert h == pytest.approx(state)
    assert lesson.recurrent_steps == len(lesson.tokens) and lesson.attention_steps == 1


def test_cards(example):
    intro = intro_lesson(example)
    assert intro.title == example.title
    assert (intro.focus, intro.token_id, intro.embedding) == ("apple", 1, (2.0, 2.0))
    assert len(lecture_scenes(example)) == 12  # with the real model and the recap
    assert len(lecture_scenes(replace(example, model=None))) == 11
    history = history_lesson()
    assert [e.year for e in history.entries] == [2014, 2017]
    assert history.d_k == 512 // 8  # Vaswani et al.: d_model 512 split over 8 heads
    assert history.sqrt_d_k == pytest.approx(np.sqrt(history.d_k))
    assert history.scaled_score == pytest.approx(history.raw_score / np.sqrt(history.d_k))
    assert "−" not in history.narration[2].text and "8.00" in history.narration[2].text


def test_the_cards_say_exactly_this():
    """The intro and history cards, spelled out for the default example and for one without a model."""
    with_model, without = default_example(), parse_example(MINIMAL)
    takeaway = (
        "The answer is attention: a sentence's other words pull on a word, like gravity, and give it its meaning there."
    )
    assert [(line.id, line.text) for line in lesson_for("IntroCard", with_model).narration] == [
        (
            "intro.question",
            "A puzzle. In both sentences, \u201capple\u201d is one token, number 1, with one "
            "embedding. How can a model tell what it means?",
        ),
        ("intro.guess", "What would you look at to decide? Take a moment."),
        ("intro.takeaway", takeaway),
    ]
    assert [line.text for line in lesson_for("IntroCard", without).narration] == [
        "A puzzle. In every sentence, \u201capple\u201d is one token, number 1, with one embedding. "
        "How can a model tell what it means?",
        "What would you look at to decide? Take a moment.",
        takeaway,
    ]
    assert lesson_for("IntroCard", without).example == "minimal"
    assert lecture_scenes(without)[-2:] == ["HistoryCard", "RecapCard"] and "RealModelScene" not in lecture_scenes(
        without
    )
    assert lecture_scenes(with_model)[-2:] == ["RealModelScene", "RecapCard"]
    history = lesson_for("HistoryCard", without)
    assert [(line.id, line.text) for line in history.narration] == [
        ("history.question", "Attention that updates every word at once: where did the idea come from?"),
        (
            "history.years",
            "2014: attention helped an RNN translate. 2017: the RNN was gone. Each block of a transformer is "
            "attention, then a small MLP, each added back to its input and normalised.",
        ),
        ("history.scaling", "Its heads were 64 wide, so every score was divided by 8.00."),
        (
            "history.takeaway",
            "Attention began in 2014 as a helper for an RNN; in 2017 it replaced the RNN, in every block of the "
            "transformer.",
        ),
    ]
    assert (history.d_k, history.sqrt_d_k, history.raw_score, history.scaled_score) == (64, 8.0, 24.0, 3.0)
    assert [entry.year for entry in history.entries] == [2014, 2017]


def test_the_sweep_starts_where_the_swept_score_is():
    import numpy as np

    from attention_core.example_file import default_example
    from attention_core.lessons import softmax_lesson

    lesson = softmax_lesson(default_example())
    own = lesson.scores[lesson.swept]
    distances = [abs(value - own) for value in lesson.sweep_scores]
    assert lesson.sweep_start == distances.index(min(distances))
    assert lesson.sweep_rows[lesson.sweep_start][lesson.swept] == pytest.approx(
        own, abs=np.ptp(lesson.sweep_scores) / 40
    )
