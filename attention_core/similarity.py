"""How alike two sets of vectors are, every pair at once.

    dot:        S = A B^T
    scaled_dot: S = A B^T / sqrt(d)          (Vaswani et al., 2017)
    cosine:     S_ij = a_i . b_j / (|a_i| |b_j|)

a (n, d), b (m, d) -> S (n, m): row i compares a_i with every row of b.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_matrix, choice

SIMILARITY_KINDS = ("dot", "cosine", "scaled_dot")


def similarity(a, b, kind: str = "dot") -> np.ndarray:
    """Pairwise similarity of the rows of `a` (n, d) with the rows of `b` (m, d): (n, m)."""
    choice(kind, "kind", SIMILARITY_KINDS)
    a = as_matrix(a, "a")  # (n, d)
    b = as_matrix(b, "b")  # (m, d)
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"a and b must have the same number of columns, got {a.shape} and {b.shape}")
    dots = a @ b.T  # (n, m)
    if kind == "dot":
        return dots
    if kind == "scaled_dot":
        return dots / np.sqrt(a.shape[1])
    norms_a = np.linalg.norm(a, axis=1)  # (n,)
    norms_b = np.linalg.norm(b, axis=1)  # (m,)
    for name, norms in (("a", norms_a), ("b", norms_b)):
        zero_rows = np.flatnonzero(norms == 0)
        if zero_rows.size:
            raise ValueError(f"cosine similarity needs non-zero vectors: row {zero_rows[0]} of {name} is zero")
    return dots / np.outer(norms_a, norms_b)
