"""Softmax: turn a row of scores into weights that are positive and sum to 1.

    softmax(s)_i = exp(s_i / T) / sum_j exp(s_j / T)

T is the temperature: T -> 0 approaches a one-hot argmax, T -> infinity the uniform
distribution. Subtracting the row maximum first keeps exp() from overflowing
(softmax is unchanged by adding a constant to every score).
"""

from __future__ import annotations

import numpy as np

from ._checks import as_array, as_scalar


def softmax(scores, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Softmax of `scores` along `axis`; the result has the shape of `scores`."""
    scores = as_array(scores, "scores")
    if scores.ndim == 0:
        raise ValueError("scores must have at least one dimension, got a scalar")
    if not -scores.ndim <= axis < scores.ndim:
        raise ValueError(f"axis {axis} is out of range for scores of shape {scores.shape}")
    if scores.shape[axis] == 0:
        raise ValueError(f"scores must not be empty along axis {axis}, shape {scores.shape}")
    temperature = as_scalar(temperature, "temperature")
    if temperature <= 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    scaled = scores / temperature
    shifted = scaled - scaled.max(axis=axis, keepdims=True)  # largest entry becomes 0
    exponentials = np.exp(shifted)
    return exponentials / exponentials.sum(axis=axis, keepdims=True)


def masked_softmax(scores: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Row-wise softmax over the entries where `allowed` is True; the others are exactly 0.

    scores (n, m) finite, allowed (n, m) bool with at least one True per row.
    """
    row_max = np.where(allowed, scores, -np.inf).max(axis=-1, keepdims=True)  # (n, 1)
    shifted = np.where(allowed, scores - row_max, 0.0)  # masked entries: any finite value
    exponentials = np.where(allowed, np.exp(shifted), 0.0)
    return exponentials / exponentials.sum(axis=-1, keepdims=True)
