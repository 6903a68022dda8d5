"""The recap, the lecture's last chapter: each chapter's key picture again, with its takeaway.

A key picture is a few panels of numbers the chapter showed, taken from that chapter's own
lesson (so the recap writes each number as the chapter did):

    WeightsPanel   one word's attention weights, as bars          softmax, projection, heads
    GridPanel      an n x n weight grid                            the causal mask
    PlanePanel     the word plane: one embedding, its contexts     gravity
    StepsPanel     a sentence's words and how many steps it takes  the recurrent network
    TextPanel      a few lines of text                             the formula, the history

The recap is made from the other chapters' lessons; `recap_lesson` is given their makers (the
catalog's), so that the pairing of scene and lesson stays written in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from ..examples import Example
from ..language import t
from ..text import SYMBOLS, quoted
from . import arc, narration
from .base import Lesson
from .narration import ClipLesson

Q, K = SYMBOLS["query"], SYMBOLS["key"]
MODEL_ROWS = 5  # the real model's picture: the focus piece's largest weights in each sentence


@dataclass(frozen=True)
class WeightsPanel(Lesson):
    title: str  # what the weights are ("head “kind”")
    labels: tuple[str, ...]  # one per weight: the word (or piece) it is on
    weights: np.ndarray  # (k,) as the chapter wrote them


@dataclass(frozen=True)
class GridPanel(Lesson):
    title: str
    tokens: tuple[str, ...]  # n: the rows (queries) and the columns (keys)
    weights: np.ndarray  # (n, n)
    mask: np.ndarray  # (n, n) bool, True = may attend


@dataclass(frozen=True)
class PlanePanel(Lesson):
    title: str
    words: Mapping[str, tuple[float, float]]  # every word of the plane, at its embedding
    focus: str
    embedding: np.ndarray  # (2,) the focus word's one embedding
    contexts: np.ndarray  # (s, 2) its context vector in each sentence


@dataclass(frozen=True)
class StepsPanel(Lesson):
    title: str
    tokens: tuple[str, ...]  # the sentence's words
    steps: int  # how many steps the whole sentence takes


@dataclass(frozen=True)
class TextPanel(Lesson):
    lines: tuple[str, ...]


Panel = WeightsPanel | GridPanel | PlanePanel | StepsPanel | TextPanel


@dataclass(frozen=True)
class RecapEntry(Lesson):
    id: str  # the recap line's id part: the chapter's scene name, lower case
    heading: str  # the chapter's title
    takeaway: str  # its takeaway, word for word as the chapter says it
    picture: tuple[Panel, ...]  # its key picture, from its lesson's numbers


@dataclass(frozen=True)
class RecapLesson(ClipLesson):
    chapters: tuple[RecapEntry, ...]  # every chapter before the recap but the introduction, in order


def gravity_picture(lesson) -> tuple[Panel, ...]:
    first = lesson.sentences[0]
    return (
        PlanePanel(
            title=t(
                "recap.panel.gravity",
                "one embedding of {focus}, a context vector per sentence",
                focus=quoted(first.focus),
            ),
            words=lesson.plane,
            focus=first.focus,
            embedding=first.embedding,
            contexts=np.array([reading.context for reading in lesson.sentences]),
        ),
    )


def softmax_picture(lesson) -> tuple[Panel, ...]:
    return (
        WeightsPanel(
            title=t(
                "recap.panel.softmax", "the weights of {focus}: positive, summing to 1", focus=quoted(lesson.focus)
            ),
            labels=lesson.tokens,
            weights=lesson.sweep_weights[lesson.sweep_start],
        ),
    )


def projection_picture(lesson) -> tuple[Panel, ...]:
    return (
        WeightsPanel(
            title=t(
                "recap.panel.similarity",
                "with {similarity} of the embeddings",
                similarity=arc.similarity_name(lesson.similarity),
            ),
            labels=lesson.tokens,
            weights=lesson.weights_before,
        ),
        WeightsPanel(
            title=t("recap.panel.maps", "after {query} and {key}", query=Q, key=K),
            labels=lesson.tokens,
            weights=lesson.weights,
        ),
    )


def formula_picture(lesson) -> tuple[Panel, ...]:
    return (
        TextPanel(
            lines=(
                "softmax(Q K\u1d40 \u00f7 \u221ad\u2096) V",
                t("recap.panel.formula", "the weights from Q and K, what they average from V"),
            )
        ),
    )


def scaling_picture(lesson) -> tuple[Panel, ...]:
    widest = lesson.rows[-1]
    keys = tuple(
        t("recap.panel.key", "key {number}", number=number) for number in range(1, len(widest.weights_raw) + 1)
    )
    return (
        WeightsPanel(
            title=t("recap.panel.raw", "d = {d}, not divided", d=widest.dimension),
            labels=keys,
            weights=widest.weights_raw,
        ),
        WeightsPanel(
            title=t("recap.panel.scaled", "d = {d}, divided by \u221ad", d=widest.dimension),
            labels=keys,
            weights=widest.weights_scaled,
        ),
    )


def multihead_picture(lesson) -> tuple[Panel, ...]:
    return (
        WeightsPanel(
            title=t("recap.panel.heads", "the word each head weighs most"),
            labels=tuple(f"{head.name}: {lesson.tokens[head.weighed_most[0]]}" for head in lesson.heads),
            weights=np.array([head.weights[head.weighed_most[0]] for head in lesson.heads]),
        ),
    )


def mask_picture(lesson) -> tuple[Panel, ...]:
    return (
        GridPanel(
            title=t("recap.panel.mask", "a causal mask: no row sees a later word"),
            tokens=lesson.tokens,
            weights=lesson.masked_weights,
            mask=lesson.mask,
        ),
    )


def parallel_picture(lesson) -> tuple[Panel, ...]:
    return (
        StepsPanel(
            title=t("recap.panel.recurrent", "recurrent network"), tokens=lesson.tokens, steps=lesson.recurrent_steps
        ),
        StepsPanel(title=t("recap.panel.attention", "attention"), tokens=lesson.tokens, steps=lesson.attention_steps),
    )


def history_picture(lesson) -> tuple[Panel, ...]:
    return (TextPanel(lines=tuple(f"{entry.year}: {entry.idea}" for entry in lesson.entries)),)


def largest(reading, count: int) -> list[int]:
    """The `count` pieces of `reading` that the focus piece weighs most, in sentence order."""
    return sorted(sorted(reading.labelled, key=lambda j: -reading.weights[j])[:count])


def real_model_picture(lesson) -> tuple[Panel, ...]:
    return tuple(
        WeightsPanel(
            title=t(
                "recap.panel.realmodel",
                "sentence {number}: where {focus} looks most",
                number=number,
                focus=quoted(reading.focus),
            ),
            labels=tuple(reading.pieces[j] for j in shown),
            weights=reading.weights[shown],
        )
        for number, reading in enumerate(lesson.readings, start=1)
        for shown in [largest(reading, MODEL_ROWS)]
    )


KEY_PICTURES: dict[str, Callable[[object], tuple[Panel, ...]]] = {  # by scene name, in teaching order
    "GravityScene": gravity_picture,
    "SoftmaxScene": softmax_picture,
    "ProjectionScene": projection_picture,
    "FormulaScene": formula_picture,
    "ScalingScene": scaling_picture,
    "MultiHeadScene": multihead_picture,
    "MaskScene": mask_picture,
    "ParallelScene": parallel_picture,
    "HistoryCard": history_picture,
    "RealModelScene": real_model_picture,
}


def recap_lesson(example: Example, makers: Mapping[str, Callable[[Example], object]]) -> RecapLesson:
    """Every chapter's key picture and takeaway again, in order; `makers` makes each chapter's
    lesson (the catalog's, by scene name)."""
    entries = []
    for name in arc.chapter_scenes(example)[1:-1]:  # between the introduction and the recap
        made = arc.ARCS[name](example)
        entries.append(
            RecapEntry(
                id=name.lower(),
                heading=made.heading,
                takeaway=made.takeaway,
                picture=KEY_PICTURES[name](makers[name](example)),
            )
        )
    return narration.attach(
        RecapLesson(chapters=tuple(entries)), arc.recap_arc(example), "recap", narration.recap_lines
    )
