"""The parallel lesson: attention updates every position in one step; a recurrent network
must go word by word. Order reaches a transformer through positional information instead.

    attention:  outputs = attention(X W_Q, X W_K, X W_V)        (n, 2)   1 step
    recurrent:  h_t = tanh(x_t W_x + h_(t-1) W_h)                (n, 2)   n steps
    positions:  p_i = (sin i, cos i)                             (n, 2)   the 2017 paper's sinusoids
                                                                         at width 2, i counted from 0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from ..language import t
from ..recurrence import recurrent_states
from . import arc, narration
from .chapter import Chapter
from .masks import embedded_tokens, longest_sentence
from .narration import ClipLesson, capitalized, count_word, guess
from .panels import Panel, StepsPanel

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
    positions: np.ndarray  # (n, 2) each place's vector, added to the embedding there
    notes: tuple[str, ...]


def sinusoid_positions(count: int) -> np.ndarray:
    """(count, 2): the 2017 paper's positional encoding at width 2, PE(i) = (sin i, cos i)."""
    places = np.arange(count, dtype=float)
    return np.stack([np.sin(places), np.cos(places)], axis=1)


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
            positions=sinusoid_positions(len(tokens)),
            notes=tuple(notes),
        ),
        arc.parallel_arc(example),
        "parallel",
        parallel_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def parallel_lines(lesson) -> list[tuple[str, str]]:
    n = len(lesson.tokens)
    if n == 1:
        everyone = t("parallel.attention.one", "Reading a sentence, attention updates its one word in one step.")
        recurrent = t(
            "parallel.recurrent.one",
            "A recurrent network must read word by word: each state needs the one before. One word, one step.",
        )
    else:
        everyone = (
            t("parallel.attention.two", "Reading a sentence, attention updates both words together, in one step.")
            if n == 2
            else t(
                "parallel.attention.all",
                "Reading a sentence, attention updates all {number} words together, in one step.",
                number=count_word(n),
            )
        )
        recurrent = t(
            "parallel.recurrent.many",
            "A recurrent network must read word by word: each state needs the one before. {Number} words, "
            "{number} steps.",
            Number=capitalized(count_word(n)),
            number=count_word(n),
        )
    return [
        guess(lesson, "parallel"),
        ("parallel.attention", everyone),
        ("parallel.recurrent", recurrent),
        (
            "parallel.positions",
            t(
                "parallel.positions",
                "With no recurrence, order must be added: each place has a vector of its own, added to the "
                "embedding of the word there.",
            ),
        ),
    ]


# -- its key picture, for the recap --------------------------------------------------


def parallel_picture(lesson) -> tuple[Panel, ...]:
    return (
        StepsPanel(
            title=t("recap.panel.recurrent", "recurrent network"), tokens=lesson.tokens, steps=lesson.recurrent_steps
        ),
        StepsPanel(title=t("recap.panel.attention", "attention"), tokens=lesson.tokens, steps=lesson.attention_steps),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="parallel",
    scene="scenes.parallel:ParallelScene",
    lesson=parallel_lesson,
    arc=arc.parallel_arc,
    lines=parallel_lines,
    key_picture=parallel_picture,
    recap=lambda example: t("recap.say.parallel", "All positions in one step."),
    telling="parallel.positions",
)
