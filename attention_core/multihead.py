"""Multi-head attention: several attentions side by side, weighed by one linear layer.

    head_i = attention(X W_Q[i] + b_Q[i], C W_K[i] + b_K[i], C W_V[i] + b_V[i])   (n, d_v)
    concat = [head_1 | head_2 | ... | head_h]                                (n, h * d_v)
    output = concat W_O + b_O                                                (n, d_out)

X (n, d_model) asks the questions. C (m, d_model) is what is looked at: C = X for
self-attention; for cross-attention C is another sequence (a decoder's queries over an
encoder's keys and values). Each head has its own maps, so it can look for a different
relation; one softmax row sums to 1, so a single head must split its attention.
The biases are zero unless given (the toy examples have none; a pretrained BERT has them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import as_array, as_matrix, frozen
from .attention import AttentionResult, attention


@dataclass(frozen=True)
class MultiHeadResult:
    heads: tuple[AttentionResult, ...]  # h results, each over the projected vectors
    concat: np.ndarray  # (n, h * d_v) head outputs side by side
    output: np.ndarray  # (n, d_out) concat @ w_o


class MultiHeadAttention:
    """h heads of scaled dot-product attention and the output layer W_O."""

    def __init__(self, w_q, w_k, w_v, w_o, biases=None):
        self.w_q = frozen(as_array(w_q, "w_q", ndim=3))  # (h, d_model, d_k)
        self.w_k = frozen(as_array(w_k, "w_k", ndim=3))  # (h, d_model, d_k)
        self.w_v = frozen(as_array(w_v, "w_v", ndim=3))  # (h, d_model, d_v)
        self.w_o = frozen(as_matrix(w_o, "w_o"))  # (h * d_v, d_out)
        h, d_model, d_k = self.w_q.shape
        if 0 in self.w_q.shape:
            raise ValueError(f"w_q must not be empty, got shape {self.w_q.shape}")
        if self.w_k.shape != self.w_q.shape:
            raise ValueError(f"w_k must have the shape of w_q {self.w_q.shape}, got {self.w_k.shape}")
        if self.w_v.shape[:2] != (h, d_model) or self.w_v.shape[2] == 0:
            raise ValueError(f"w_v must have shape ({h}, {d_model}, d_v), got {self.w_v.shape}")
        d_v = self.w_v.shape[2]
        if self.w_o.shape[0] != h * d_v:
            raise ValueError(f"w_o must have h * d_v = {h * d_v} rows, got shape {self.w_o.shape}")
        self.b_q, self.b_k, self.b_v, self.b_o = _biases(biases or {}, (h, d_k), (h, d_v), (self.w_o.shape[1],))

    @property
    def num_heads(self) -> int:
        return self.w_q.shape[0]

    def __call__(self, x, context=None, mask=None) -> MultiHeadResult:
        x = as_matrix(x, "x")  # (n, d_model)
        context = x if context is None else as_matrix(context, "context")  # (m, d_model)
        d_model = self.w_q.shape[1]
        for name, array in (("x", x), ("context", context)):
            if array.shape[1] != d_model:
                raise ValueError(f"{name} must have d_model = {d_model} columns, got shape {array.shape}")
        queries = x @ self.w_q + self.b_q[:, None]  # (h, n, d_k)
        keys = context @ self.w_k + self.b_k[:, None]  # (h, m, d_k)
        values = context @ self.w_v + self.b_v[:, None]  # (h, m, d_v)
        heads = tuple(attention(q, k, v, mask=mask, kind="scaled_dot") for q, k, v in zip(queries, keys, values))
        concat = np.concatenate([head.output for head in heads], axis=1)  # (n, h * d_v)
        output = concat @ self.w_o + self.b_o  # (n, d_out)
        return MultiHeadResult(heads, frozen(concat), frozen(output))


def _biases(given: dict, qk_shape, v_shape, o_shape) -> tuple[np.ndarray, ...]:
    """The four bias arrays (zeros where not given), each checked against its shape."""
    unknown = sorted(set(given) - {"b_q", "b_k", "b_v", "b_o"})
    if unknown:
        raise ValueError(f"biases has unknown names {unknown}: use b_q, b_k, b_v, b_o")
    arrays = []
    for name, shape in (("b_q", qk_shape), ("b_k", qk_shape), ("b_v", v_shape), ("b_o", o_shape)):
        bias = as_array(given.get(name, np.zeros(shape)), name, ndim=len(shape))
        if bias.shape != shape:
            raise ValueError(f"{name} must have shape {shape}, got {bias.shape}")
        arrays.append(frozen(bias))
    return tuple(arrays)
