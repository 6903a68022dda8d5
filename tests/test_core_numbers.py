"""Hand-checked numbers: the lecture's own example and the Vaswani formula by hand."""

import ast
import math
import pathlib

import numpy as np
import pytest

from attention_core import (
    MultiHeadAttention,
    attention,
    causal_mask,
    rotation,
    scaling,
    shear,
    similarity,
    softmax,
)

APPLE, ORANGE, PHONE = [2.0, 2.0], [0.0, 3.0], [4.0, 0.0]


def context_of_first(embeddings):
    """Context vector of the first word: cosine scores, softmax, weighted sum."""
    embeddings = np.array(embeddings)
    result = attention(embeddings[:1], embeddings, embeddings, kind="cosine")
    return result.weights[0], result.output[0]


def test_apple_among_fruit_is_pulled_toward_orange():
    weights, context = context_of_first([APPLE, ORANGE])
    assert np.round(weights, 2).tolist() == [0.57, 0.43]
    assert np.round(context, 2).tolist() == [1.15, 2.43]  # 0.5727*2 = 1.1454 -> 1.15
    # the lecture rounds the weights first: 0.57*(2,2) + 0.43*(0,3) = (1.14, 2.43)
    assert np.round(0.57 * np.array(APPLE) + 0.43 * np.array(ORANGE), 2).tolist() == [1.14, 2.43]
    assert context == pytest.approx([1.1454, 2.4273], abs=1e-4)


def test_apple_among_tech_is_pulled_toward_phone():
    weights, context = context_of_first([APPLE, PHONE])
    assert np.round(weights, 2).tolist() == [0.57, 0.43]
    assert np.round(0.57 * np.array(APPLE) + 0.43 * np.array(PHONE), 2).tolist() == [2.86, 1.14]
    assert context == pytest.approx([2.8546, 1.1454], abs=1e-4)


def test_cosine_of_the_lecture_pairs():
    cos = similarity([APPLE], [ORANGE, PHONE], kind="cosine")
    assert cos == pytest.approx(np.array([[1 / math.sqrt(2), 1 / math.sqrt(2)]]))


def test_vaswani_formula_by_hand():
    # Q = [[1, 0]], K = [[1, 0], [0, 1]], V = [[1, 2], [3, 4]], d_k = 2
    # scores = Q K^T / sqrt(2) = [1/sqrt2, 0]
    # weights = [e^(1/sqrt2), 1] / (e^(1/sqrt2) + 1)
    e = math.exp(1 / math.sqrt(2))
    w0, w1 = e / (e + 1), 1 / (e + 1)
    result = attention([[1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]])
    assert result.scores == pytest.approx(np.array([[1 / math.sqrt(2), 0.0]]))
    assert result.weights == pytest.approx(np.array([[w0, w1]]))
    assert result.output == pytest.approx(np.array([[w0 * 1 + w1 * 3, w0 * 2 + w1 * 4]]))


def test_similarity_kinds():
    a, b = [[1.0, 2.0]], [[3.0, 4.0], [0.0, 1.0]]
    assert similarity(a, b, "dot") == pytest.approx(np.array([[11.0, 2.0]]))
    assert similarity(a, b, "scaled_dot") == pytest.approx(np.array([[11 / math.sqrt(2), 2 / math.sqrt(2)]]))
    assert similarity(a, b, "cosine") == pytest.approx(np.array([[11 / (math.sqrt(5) * 5), 2 / math.sqrt(5)]]))


def test_softmax_is_stable_for_huge_scores():
    weights = softmax([1e4, 0.0, -1e4])
    assert np.all(np.isfinite(weights))
    assert weights == pytest.approx([1.0, 0.0, 0.0])
    assert softmax([[1e4, 1e4]]) == pytest.approx(np.array([[0.5, 0.5]]))


def test_softmax_along_first_axis():
    weights = softmax([[0.0, 5.0], [0.0, 5.0]], axis=0)
    assert weights == pytest.approx(np.array([[0.5, 0.5], [0.5, 0.5]]))


def test_causal_mask_zeroes_the_future():
    mask = causal_mask(3)
    assert mask.tolist() == [[True, False, False], [True, True, False], [True, True, True]]
    x = np.arange(6.0).reshape(3, 2)
    result = attention(x, x, x, mask=mask)
    assert result.weights[0].tolist() == [1.0, 0.0, 0.0]
    assert np.all(result.weights[~mask] == 0.0)
    assert result.weights.sum(axis=1) == pytest.approx([1, 1, 1])


def test_results_are_read_only():
    result = attention([[1.0, 0.0]], [[1.0, 0.0]], [[1.0, 0.0]])
    with pytest.raises(ValueError):
        result.weights[0, 0] = 0.5


def test_linear_maps_in_row_convention():
    assert np.array([1.0, 0.0]) @ rotation(math.pi / 2) == pytest.approx([0.0, 1.0])
    assert np.array([0.0, 1.0]) @ rotation(math.pi / 2) == pytest.approx([-1.0, 0.0])
    assert (np.array([1.0, 2.0]) @ shear(0.5)).tolist() == [2.0, 2.0]  # x + 0.5 y
    assert (np.array([2.0, 1.0]) @ shear(0.5, axis="y")).tolist() == [2.0, 2.0]  # y + 0.5 x
    assert (np.array([1.0, 1.0]) @ scaling(2.0, 3.0)).tolist() == [2.0, 3.0]


def test_multi_head_concatenates_then_applies_w_o():
    x = np.array([[2.0, 2.0], [0.0, 3.0], [4.0, 0.0]])
    maps = np.stack([shear(0.5), rotation(0.3)])  # (2, 2, 2)
    w_o = np.arange(8.0).reshape(4, 2) / 8
    result = MultiHeadAttention(maps, maps, maps, w_o)(x)
    expected_heads = [attention(x @ m, x @ m, x @ m) for m in maps]
    for head, expected in zip(result.heads, expected_heads):
        assert head.weights == pytest.approx(expected.weights)
    assert result.concat == pytest.approx(np.concatenate([h.output for h in expected_heads], axis=1))
    assert result.output == pytest.approx(result.concat @ w_o)


def test_cross_attention_takes_keys_and_values_from_the_context():
    decoder = np.array([[1.0, 0.0]])
    encoder = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    eye = np.eye(2)[None]
    result = MultiHeadAttention(eye, eye, eye, np.eye(2))(decoder, context=encoder)
    assert result.output == pytest.approx(attention(decoder, encoder, encoder).output)
    assert result.heads[0].weights.shape == (1, 3)


def test_core_never_imports_manim():
    core = pathlib.Path(__file__).parent.parent / "attention_core"
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(name.split(".")[0] == "manim" for name in names), path
