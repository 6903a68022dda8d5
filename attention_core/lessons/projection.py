"""The projection lesson: Q, K and V are linear maps, and they change who scores high.

For the first sentence, k participating tokens with embeddings E (k, 2), focus token f:

    queries = E W_Q,  keys = E W_K,  values = E W_V         (k, 2) each
    scores_before = e_f E^T / sqrt(2)                         (k,)  raw embeddings
    scores_after  = q_f K^T / sqrt(2)                         (k,)  after the maps
    weights       = softmax(scores_after)                     (k,)  from Q and K only
    context       = weights V                                 (2,)  V is what is averaged

`highlight` is the other token whose weight the maps changed most: the pair they re-scored
(the focus itself only when it is alone). With two maps a pair's score depends on who asks:

    focus_asks = q_f . k_h / sqrt(2),   other_asks = q_h . k_f / sqrt(2)    (equal only if W_Q = W_K, or by chance)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from . import arc, narration
from .narration import ClipLesson
from .reading import focus_reading


@dataclass(frozen=True)
class ProjectionLesson(ClipLesson):
    sentence: str
    focus: str
    tokens: tuple[str, ...]
    query_map: np.ndarray  # (2, 2) W_Q
    key_map: np.ndarray  # (2, 2) W_K
    value_map: np.ndarray  # (2, 2) W_V
    embeddings: np.ndarray  # (k, 2)
    queries: np.ndarray  # (k, 2)
    keys: np.ndarray  # (k, 2)
    values: np.ndarray  # (k, 2)
    scores_before: np.ndarray  # (k,) the focus word's row
    scores_after: np.ndarray  # (k,)
    weights: np.ndarray  # (k,) softmax(scores_after)
    context: np.ndarray  # (2,) weights @ values
    focus_index: int
    weights_before: np.ndarray  # (k,) softmax(scores_before), for comparison
    highlight: int  # index of the token whose weight changed most
    focus_asks: float  # q_focus . k_highlight / sqrt(2): the focus word's score for the highlighted word
    other_asks: float  # q_highlight . k_focus / sqrt(2): the same pair, the other way round
    similarity: str  # the earlier chapters' score (the example's), named where the score changes


def projection_lesson(example: Example) -> ProjectionLesson:
    reading = focus_reading(example, example.sentences[0])
    f = reading.focus_index
    embeddings = reading.embeddings  # (k, 2)
    w_q, w_k, w_v = (example.maps[role] for role in ("query", "key", "value"))
    queries, keys, values = embeddings @ w_q, embeddings @ w_k, embeddings @ w_v  # (k, 2)
    before = attention(embeddings[f : f + 1], embeddings, embeddings)  # scaled dot
    after = attention(queries[f : f + 1], keys, values)
    change = np.abs(after.weights[0] - before.weights[0])  # (k,)
    others = [j for j, token in enumerate(reading.tokens) if token != reading.focus] or [f]
    highlight = max(others, key=lambda j: change[j])
    root = np.sqrt(embeddings.shape[1])
    return narration.attach(
        ProjectionLesson(
            sentence=reading.text,
            focus=reading.focus,
            tokens=reading.tokens,
            query_map=w_q,
            key_map=w_k,
            value_map=w_v,
            embeddings=embeddings,
            queries=queries,
            keys=keys,
            values=values,
            scores_before=before.scores[0],
            scores_after=after.scores[0],
            weights=after.weights[0],
            context=after.output[0],
            focus_index=f,
            weights_before=before.weights[0],
            highlight=highlight,
            focus_asks=float(queries[f] @ keys[highlight] / root),
            other_asks=float(queries[highlight] @ keys[f] / root),
            similarity=example.similarity,
        ),
        arc.projection_arc(example),
        "projection",
        narration.projection_lines,
    )
