"""Attention: every query takes a weighted average of the values.

    scores  = similarity(Q, K)        (n, m)   scaled dot: Q K^T / sqrt(d_k)
    weights = softmax(scores)         (n, m)   row i sums to 1
    output  = weights V               (n, d_v)

Q (n, d_k) holds one query per row, K (m, d_k) and V (m, d_v) one key and one value per
attended position. The weights come from Q and K alone; V only decides what is averaged.
A boolean mask (n, m) says which pairs may attend (True = may attend, as in
torch.nn.functional.scaled_dot_product_attention); masked weights are exactly 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import as_matrix, frozen
from .similarity import similarity
from .softmax import masked_softmax


@dataclass(frozen=True)
class AttentionResult:
    """The three stages of one attention call, as read-only arrays."""

    scores: np.ndarray  # (n, m) similarity of each query with each key
    weights: np.ndarray  # (n, m) softmax of the scores; each row sums to 1
    output: np.ndarray  # (n, d_v) weights @ values


def causal_mask(n: int) -> np.ndarray:
    """(n, n) boolean: position i may attend to positions 0..i (on and below the diagonal)."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}")
    return np.tril(np.ones((n, n), dtype=bool))


def check_mask(mask, n: int, m: int) -> np.ndarray:
    """`mask` as an (n, m) boolean array in which every row allows something."""
    mask = np.asarray(mask)
    if mask.dtype != np.bool_:
        raise ValueError(f"mask must be boolean (True = may attend), got dtype {mask.dtype}")
    if mask.shape != (n, m):
        raise ValueError(f"mask must have shape {(n, m)} (queries, keys), got {mask.shape}")
    empty_rows = np.flatnonzero(~mask.any(axis=1))
    if empty_rows.size:
        raise ValueError(f"mask row {empty_rows[0]} allows no key: every query needs one")
    return mask


def attention(queries, keys, values, mask=None, kind: str = "scaled_dot") -> AttentionResult:
    """Attend from `queries` (n, d_k) over `keys` (m, d_k) and `values` (m, d_v)."""
    queries = as_matrix(queries, "queries")  # (n, d_k)
    keys = as_matrix(keys, "keys")  # (m, d_k)
    values = as_matrix(values, "values")  # (m, d_v)
    if queries.shape[1] != keys.shape[1]:
        raise ValueError(f"queries and keys must have the same width, got {queries.shape} and {keys.shape}")
    if keys.shape[0] != values.shape[0]:
        raise ValueError(f"keys and values must have the same number of rows, got {keys.shape} and {values.shape}")
    n, m = queries.shape[0], keys.shape[0]
    allowed = np.ones((n, m), dtype=bool) if mask is None else check_mask(mask, n, m)
    scores = similarity(queries, keys, kind)  # (n, m)
    weights = masked_softmax(scores, allowed)  # (n, m)
    output = weights @ values  # (n, d_v)
    return AttentionResult(frozen(scores), frozen(weights), frozen(output))
