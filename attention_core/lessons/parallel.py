"""The parallel lesson: attention updates every position in one step; a recurrent network
must go word by word. Order reaches a transformer through positional information instead.

    attention:  outputs = attention(X W_Q, X W_K, X W_V)        (n, 2)   1 step
    recurrent:  h_t = tanh(x_t W_x + h_(t-1) W_h)                (n, 2)   n steps
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from ..recurrence import recurrent_states
from . import arc, narration
from .masks import embedded_tokens, longest_sentence
from .narration import ClipLesson

RECURRENT_INPUT_MAP = ((0.6, 0.2), (-0.2, 0.6))  # W_x
RECURRENT_STATE_MAP = ((0.5, -0.3), (0.3, 0.5))  # W_h


@dataclass(frozen=True)
class ParallelLesson(ClipLesson):
    sentence: str
    tokens: tuple[str, ...]  # n
    embeddings: np.ndarray  # (n, 2)
    attention_outputs: np.ndarray  # (n, 2), all in one step
    attention_steps: int
    input_map: np.ndarray  # (2, 2) W_x
    state_map: np.ndarray  # (2, 2) W_h
    recurrent_states: np.ndarray  # (n, 2), one per step
    recurrent_steps: int
    notes: tuple[str, ...]


def parallel_lesson(example: Example) -> ParallelLesson:
    notes: list[str] = []
    sentence = longest_sentence(example)
    tokens = embedded_tokens(example, sentence, notes)
    x = np.array([example.words[t] for t in tokens])  # (n, 2)
    w_q, w_k, w_v = (example.maps[role] for role in ("query", "key", "value"))
    w_x, w_h = np.array(RECURRENT_INPUT_MAP), np.array(RECURRENT_STATE_MAP)
    return narration.attach(
        ParallelLesson(
            sentence=sentence.text,
            tokens=tokens,
            embeddings=x,
            attention_outputs=attention(x @ w_q, x @ w_k, x @ w_v).output,
            attention_steps=1,
            input_map=w_x,
            state_map=w_h,
            recurrent_states=recurrent_states(x, w_x, w_h),
            recurrent_steps=len(tokens),
            notes=tuple(notes),
        ),
        arc.parallel_arc(example),
        "parallel",
        narration.parallel_lines,
    )
