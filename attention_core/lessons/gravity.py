"""The gravity lesson: context words pull the focus word's context vector their way.

For one sentence with k participating tokens e_1..e_k and focus token f:

    similarities_j = sim(e_f, e_j)             (k,)   cosine in the lecture
    weights        = softmax(similarities)     (k,)
    context        = sum_j weights_j e_j       (2,)

The embedding e_f itself never changes: the context vector is a new vector per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from . import arc, narration
from .base import Lesson
from .narration import ClipLesson
from .reading import focus_reading


@dataclass(frozen=True)
class SentenceReading(Lesson):
    text: str
    focus: str
    tokens: tuple[str, ...]  # the k participating tokens, lower-case, in order
    weights: np.ndarray  # (k,) how much each token pulls; sums to 1
    embedding: np.ndarray  # (2,) the focus word's static embedding
    context: np.ndarray  # (2,) its context vector in this sentence
    focus_index: int
    token_embeddings: np.ndarray  # (k, 2)
    similarities: np.ndarray  # (k,) before the softmax
    sentence_tokens: tuple[str, ...]  # all tokens as written
    takes_part: tuple[bool, ...]  # per sentence token
    strongest_pull: str | None  # the other word with the largest weight (None if alone)
    leaves_ghost: bool  # the first reading of this focus word: its embedding is left as a faded dot


@dataclass(frozen=True)
class GravityLesson(ClipLesson):
    title: str
    similarity: str
    plane: dict[str, tuple[float, float]]  # every word of the example, for the picture
    sentences: tuple[SentenceReading, ...]
    guess_sentence: int | None  # where the viewer guesses who pulls hardest: the sentence with most words


def guess_sentence(readings) -> int | None:
    """The sentence with the most words that could pull (the first of equals), if any can."""
    pulling = [len(r.tokens) - 1 if r.strongest_pull is not None else 0 for r in readings]
    return pulling.index(max(pulling)) if max(pulling) > 0 else None


def gravity_lesson(example: Example) -> GravityLesson:
    readings = []
    focused: set[str] = set()
    for sentence in example.sentences:
        reading = focus_reading(example, sentence)
        f = reading.focus_index
        embeddings = reading.embeddings  # (k, 2)
        result = attention(embeddings[f : f + 1], embeddings, embeddings, kind=example.similarity)
        weights = result.weights[0]  # (k,)
        others = [j for j in range(len(reading.tokens)) if reading.tokens[j] != reading.focus]
        strongest = max(others, key=lambda j: weights[j]) if others else None
        readings.append(
            SentenceReading(
                text=reading.text,
                focus=reading.focus,
                tokens=reading.tokens,
                weights=weights,
                embedding=embeddings[f].copy(),
                context=result.output[0],
                focus_index=f,
                token_embeddings=embeddings,
                similarities=result.scores[0],
                sentence_tokens=reading.sentence_tokens,
                takes_part=reading.takes_part,
                strongest_pull=None if strongest is None else reading.tokens[strongest],
                leaves_ghost=reading.focus not in focused,
            )
        )
        focused.add(reading.focus)
    return narration.attach(
        GravityLesson(
            title=example.title,
            similarity=example.similarity,
            plane=dict(example.words),
            sentences=tuple(readings),
            guess_sentence=guess_sentence(readings),
        ),
        arc.gravity_arc(example),
        "gravity",
        narration.gravity_lines,
    )
