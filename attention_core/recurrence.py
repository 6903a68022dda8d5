"""A plain recurrent network, to set beside attention: it must read word by word.

    h_t = tanh(x_t W_x + h_(t-1) W_h),   h_0 = 0

x (n, d) one token per row -> states (n, d_h). State t depends on state t - 1, so the n
states take n steps one after another; attention computes all n outputs in one step.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_matrix, frozen


def recurrent_states(x, w_x, w_h) -> np.ndarray:
    """The hidden state after each token: (n, d_h)."""
    x = as_matrix(x, "x")  # (n, d)
    w_x = as_matrix(w_x, "w_x")  # (d, d_h)
    w_h = as_matrix(w_h, "w_h")  # (d_h, d_h)
    if w_x.shape[0] != x.shape[1]:
        raise ValueError(f"w_x must have {x.shape[1]} rows (the width of x), got shape {w_x.shape}")
    if w_h.shape != (w_x.shape[1], w_x.shape[1]):
        raise ValueError(f"w_h must have shape {(w_x.shape[1], w_x.shape[1])}, got {w_h.shape}")
    state = np.zeros(w_x.shape[1])  # h_0
    states = []
    for token in x:  # one step per token, in order
        state = np.tanh(token @ w_x + state @ w_h)
        states.append(state)
    return frozen(np.array(states))
