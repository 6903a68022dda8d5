"""Lessons for the two cards: the lecture's opening card and the history card."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..examples import Example
from ..text import SYMBOLS
from . import narration
from .base import Lesson
from .narration import ClipLesson


@dataclass(frozen=True)
class IntroLesson(ClipLesson):
    title: str  # the example's title
    example: str  # its name
    chapters: tuple[str, ...]  # what the lecture's clips show, in order


@dataclass(frozen=True)
class HistoryEntry(Lesson):
    year: int
    authors: str
    idea: str
    score: str  # how a query and a key are compared, written out


@dataclass(frozen=True)
class HistoryLesson(ClipLesson):
    entries: tuple[HistoryEntry, ...]
    d_k: int  # the paper's key width per head
    sqrt_d_k: float  # what its scores are divided by
    raw_score: float  # an example score before scaling
    scaled_score: float  # and after


CHAPTERS = (
    "words as points: context pulls a word its way",
    "why a weighted average, not the best word",
    "Q, K and V are linear maps of the plane",
    "the formula, step by step",
    "why divide by \u221ad\u2096",
    f"several heads, weighed by {SYMBOLS['output']}",
    "self-attention, masks and cross-attention",
    "every position at once: not an RNN",
    "where attention came from",
)
MODEL_CHAPTER = "the same pull in a real model's own numbers"  # when the example has a [model]


def intro_lesson(example: Example) -> IntroLesson:
    chapters = CHAPTERS + ((MODEL_CHAPTER,) if example.model is not None else ())
    return narration.attach(IntroLesson(title=example.title, example=example.name, chapters=chapters),
                            narration.intro_lines)


def history_lesson(example: Example | None = None) -> HistoryLesson:
    d_k, raw = 64, 24.0
    root = math.sqrt(d_k)
    return narration.attach(HistoryLesson(
        entries=(
            HistoryEntry(2014, "Bahdanau, Cho and Bengio", "additive attention over the states of an RNN",
                         "score = v\u1d40 tanh(W s + U h)"),
            HistoryEntry(2017, "Vaswani et al., \u201cAttention Is All You Need\u201d",
                         "scaled dot-product attention; the whole model is attention",
                         "score = q \u00b7 k / \u221ad\u2096"),
        ),
        d_k=d_k,
        sqrt_d_k=root,
        raw_score=raw,
        scaled_score=raw / root,
    ), narration.history_lines)
