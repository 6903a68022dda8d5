"""The multi-head lesson: several heads, each its own maps and its own pull, weighed by W_O.

For the sentence with the most words in the plane (embeddings E (k, 2), focus token f) and
h heads, each looking for its own relation:

    head_i  = attention(E W_Q[i], E W_K[i], E W_V[i])[f]      (2,)  one pull per head
    concat  = [head_1 | ... | head_h]                          (2h,)
    output  = concat W_O                                       (2,)
            = sum_i head_i W_O[2i : 2i + 2]                    each head's contribution
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..examples import Example
from ..multihead import MultiHeadAttention
from . import arc, narration
from .base import Lesson
from .narration import ClipLesson
from .reading import focus_reading, most_words

MOST_WEIGHED = 3  # a head names at most this many of the words it averages: the ones it weighs most


@dataclass(frozen=True)
class HeadReading(Lesson):
    name: str
    query_map: np.ndarray  # (2, 2)
    key_map: np.ndarray  # (2, 2)
    value_map: np.ndarray  # (2, 2)
    weights: np.ndarray  # (k,) the focus word's attention in this head
    output: np.ndarray  # (2,) the head's output for the focus word
    values: np.ndarray  # (k, 2) what this head averages
    contribution: np.ndarray  # (2,) output @ this head's rows of W_O
    output_rows: tuple[int, ...]  # the rows of W_O that read this head's output (2 per head)
    weighed_most: tuple[int, ...]  # the tokens this head weighs most (at most MOST_WEIGHED), most first
    strongest: int  # the other token this head weighs most (the focus itself when it is alone)


@dataclass(frozen=True)
class MultiHeadLesson(ClipLesson):
    sentence: str
    focus: str
    tokens: tuple[str, ...]
    heads: tuple[HeadReading, ...]
    concat: np.ndarray  # (2h,)
    output_map: np.ndarray  # (2h, 2) W_O
    output: np.ndarray  # (2,)
    focus_index: int
    embeddings: np.ndarray  # (k, 2)
    running_sums: np.ndarray  # (h + 1, 2) 0, then the contributions added one head at a time


def strongest_other(weights: np.ndarray, focus: int) -> int:
    """The index of the largest weight but the focus word's own (the focus if it is alone)."""
    others = [j for j in range(len(weights)) if j != focus]
    return max(others, key=lambda j: weights[j]) if others else focus


def multihead_lesson(example: Example) -> MultiHeadLesson:
    reading = focus_reading(example, most_words(example))
    f = reading.focus_index
    embeddings = reading.embeddings  # (k, 2)
    w_q = np.stack([head.query_map for head in example.heads])  # (h, 2, 2)
    w_k = np.stack([head.key_map for head in example.heads])
    w_v = np.stack([head.value_map for head in example.heads])
    result = MultiHeadAttention(w_q, w_k, w_v, example.output_map)(embeddings)
    w_o = np.asarray(example.output_map)  # (2h, 2)
    heads = tuple(
        HeadReading(
            name=spec.name,
            query_map=spec.query_map,
            key_map=spec.key_map,
            value_map=spec.value_map,
            weights=head.weights[f],
            output=head.output[f],
            values=embeddings @ spec.value_map,
            contribution=head.output[f] @ w_o[2 * i : 2 * i + 2],
            output_rows=(2 * i, 2 * i + 1),
            weighed_most=tuple(int(j) for j in np.argsort(-head.weights[f], kind="stable")[:MOST_WEIGHED]),
            strongest=strongest_other(head.weights[f], f),
        )
        for i, (spec, head) in enumerate(zip(example.heads, result.heads))
    )
    return narration.attach(
        MultiHeadLesson(
            sentence=reading.text,
            focus=reading.focus,
            tokens=reading.tokens,
            heads=heads,
            concat=result.concat[f],
            output_map=w_o,
            output=result.output[f],
            focus_index=f,
            embeddings=embeddings,
            running_sums=np.cumsum([np.zeros(2)] + [head.contribution for head in heads], axis=0),
        ),
        arc.multihead_arc(example),
        "multihead",
        narration.multihead_lines,
    )
