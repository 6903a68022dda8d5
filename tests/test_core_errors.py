"""Every bad input to the core raises one ValueError whose message names the argument."""

import math

import numpy as np
import pytest

from attention_core import (
    MultiHeadAttention,
    attention,
    causal_mask,
    recurrent_states,
    rotation,
    scaling,
    shear,
    similarity,
    softmax,
)

EYE = np.eye(2)[None]  # one head, identity


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: softmax([1.0, math.nan]), "scores must be finite"),
        (lambda: softmax([1.0, math.inf]), "scores must be finite"),
        (lambda: softmax(5.0), "scores must have at least one dimension"),
        (lambda: softmax([]), "scores must not be empty"),
        (lambda: softmax([1.0], axis=2), "axis 2 is out of range"),
        (lambda: softmax([1.0], temperature=0), "temperature must be > 0"),
        (lambda: softmax([1.0], temperature=-1), "temperature must be > 0"),
        (lambda: softmax([1.0], temperature=math.nan), "temperature must be finite"),
        (lambda: softmax(["a"]), "scores must be numeric"),
        (lambda: similarity([[1, 0]], [[1, 0, 0]]), "same number of columns, got (1, 2) and (1, 3)"),
        (lambda: similarity([1, 0], [[1, 0]]), "a must have 2 dimensions, got shape (2,)"),
        (lambda: similarity([[1, 0]], [[1, 0]], kind="euclid"), "kind must be one of"),
        (lambda: similarity([[0, 0]], [[1, 0]], kind="cosine"), "row 0 of a is zero"),
        (lambda: similarity([[1, 0]], [[1, 0], [0, 0]], kind="cosine"), "row 1 of b is zero"),
        (lambda: similarity(np.zeros((0, 2)), [[1, 0]]), "a must not be empty"),
        (lambda: attention([[1, 0]], [[1, 0, 0]], [[1]]), "queries and keys must have the same width"),
        (lambda: attention([[1, 0]], [[1, 0]], [[1], [2]]), "keys and values must have the same number of rows"),
        (lambda: attention([[1, 0]], [[1, 0]], [[1]], kind="cos"), "kind must be one of"),
        (lambda: attention([[1, 0]], [[1, 0]], [[math.nan]]), "values must be finite"),
        (lambda: attention([[1, 0]], [[1, 0]], [[1]], mask=[[1]]), "mask must be boolean"),
        (lambda: attention([[1, 0]], [[1, 0]], [[1]], mask=[[True, True]]), "mask must have shape (1, 1)"),
        (lambda: attention([[1, 0]], [[1, 0]], [[1]], mask=[[False]]), "mask row 0 allows no key"),
        (lambda: causal_mask(0), "n must be a positive whole number"),
        (lambda: causal_mask(2.5), "n must be a positive whole number"),
        (lambda: MultiHeadAttention(np.eye(2), EYE, EYE, np.eye(2)), "w_q must have 3 dimensions"),
        (lambda: MultiHeadAttention(EYE, np.ones((1, 2, 3)), EYE, np.eye(2)), "w_k must have the shape of w_q"),
        (lambda: MultiHeadAttention(EYE, EYE, np.ones((2, 2, 2)), np.eye(2)), "w_v must have shape (1, 2, d_v)"),
        (lambda: MultiHeadAttention(EYE, EYE, EYE, np.ones((3, 2))), "w_o must have h * d_v = 2 rows"),
        (lambda: MultiHeadAttention(EYE, EYE[0], EYE, np.eye(2)), "w_k must have 3 dimensions"),
        (lambda: MultiHeadAttention(EYE, EYE, EYE[0], np.eye(2)), "w_v must have 3 dimensions"),
        (lambda: MultiHeadAttention(EYE, EYE, EYE, np.eye(2)[None]), "w_o must have 2 dimensions"),
        (lambda: MultiHeadAttention(EYE, EYE, EYE, np.eye(2))([[1, 2, 3]]), "x must have d_model = 2 columns"),
        (
            lambda: MultiHeadAttention(EYE, EYE, EYE, np.eye(2))([[1, 2]], context=[[1]]),
            "context must have d_model = 2",
        ),
        (lambda: shear(math.inf), "k must be finite"),
        (lambda: shear(1.0, axis="z"), "axis must be one of 'x', 'y'"),
        (lambda: rotation("north"), "theta must be numeric"),
        (lambda: scaling(1.0, math.nan), "sy must be finite"),
        (lambda: recurrent_states([1, 2], np.eye(2), np.eye(2)), "x must have 2 dimensions"),
        (lambda: recurrent_states([[1, 2]], [[math.nan, 0], [0, 1]], np.eye(2)), "w_x must be finite"),
        (lambda: recurrent_states([[1, 2]], np.eye(2), np.zeros((0, 2))), "w_h must not be empty"),
        (
            lambda: recurrent_states([[1, 2]], np.eye(3), np.eye(3)),
            "w_x must have 2 rows (the width of x), got shape (3, 3)",
        ),
        (lambda: recurrent_states([[1, 2]], np.ones((2, 3)), np.eye(2)), "w_h must have shape (3, 3), got (2, 2)"),
    ],
)
def test_bad_input_raises_a_named_value_error(call, message):
    with pytest.raises(ValueError) as raised:
        call()
    text = str(raised.value)
    assert message in text
    assert "\n" not in text
