"""The formula lesson: Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V, step by step,
with the numbers of the example's first sentence (the projection clip's focus word).

    dots    = q K^T          (k,)   one per word
    scaled  = dots / sqrt(d_k)      d_k = 2 in the plane
    weights = softmax(scaled)
    output  = weights V      (2,)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from ..similarity import similarity
from . import arc, narration
from .narration import ClipLesson
from .projection import projection_lesson


@dataclass(frozen=True)
class FormulaLesson(ClipLesson):
    sentence: str
    focus: str
    tokens: tuple[str, ...]
    query: np.ndarray  # (2,) the focus word's q
    keys: np.ndarray  # (k, 2)
    values: np.ndarray  # (k, 2)
    d_k: int
    sqrt_d_k: float
    dots: np.ndarray  # (k,)
    scaled: np.ndarray  # (k,)
    weights: np.ndarray  # (k,)
    output: np.ndarray  # (2,)


def formula_lesson(example: Example) -> FormulaLesson:
    projection = projection_lesson(example)
    query = projection.queries[projection.focus_index]
    result = attention(query[None], projection.keys, projection.values)
    d_k = projection.keys.shape[1]
    return narration.attach(
        FormulaLesson(
            sentence=projection.sentence,
            focus=projection.focus,
            tokens=projection.tokens,
            query=query,
            keys=projection.keys,
            values=projection.values,
            d_k=d_k,
            sqrt_d_k=float(np.sqrt(d_k)),
            dots=similarity(query[None], projection.keys, "dot")[0],
            scaled=result.scores[0],
            weights=result.weights[0],
            output=result.output[0],
        ),
        arc.formula_arc(example),
        "formula",
        narration.formula_lines,
    )
