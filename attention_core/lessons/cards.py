"""Lessons for the two cards: the lecture's opening card and the history card (the recap's is in
recap.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..examples import Example, Sentence
from ..language import t
from ..text import format_number
from . import arc, narration
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson, guess
from .panels import Panel, TextPanel


@dataclass(frozen=True)
class IntroLesson(ClipLesson):
    """The puzzle the lecture opens on: one token, one embedding, several sentences."""

    title: str  # the example's title
    example: str  # its name
    focus: str  # the word of the puzzle: the first sentence's focus word
    token_id: int  # its number in the example's vocabulary, counted from 1
    embedding: tuple[float, float]  # its one static embedding
    sentences: tuple[Sentence, ...]  # the sentences it stands in, as focus word (at most two shown)


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
    block: tuple[str, ...]  # the parts of one transformer block, in order: attention is one of them
    block_note: str  # under them: a model stacks such blocks


SHOWN_SENTENCES = 2  # the intro card shows the puzzle in at most two sentences


def intro_lesson(example: Example) -> IntroLesson:
    focus = arc.first_focus(example)
    sentences = tuple(s for s in example.sentences if s.focus == focus)[:SHOWN_SENTENCES]
    return narration.attach(
        IntroLesson(
            title=example.title,
            example=example.name,
            focus=focus,
            token_id=arc.token_id(example, focus),
            embedding=tuple(float(v) for v in example.words[focus]),
            sentences=sentences,
        ),
        arc.intro_arc(example),
        "intro",
        intro_lines,
    )


def history_lesson(example: Example | None = None) -> HistoryLesson:
    d_k, raw = 64, 24.0
    root = math.sqrt(d_k)
    return narration.attach(
        HistoryLesson(
            entries=(
                HistoryEntry(
                    2014,
                    "Bahdanau, Cho and Bengio",
                    t("history.idea.2014", "additive attention over the states of an RNN"),
                    "score = v\u1d40 tanh(W s + U h)",
                ),
                HistoryEntry(
                    2017,
                    "Vaswani et al., \u201cAttention Is All You Need\u201d",
                    t("history.idea.2017", "scaled dot-product attention in every block, then an MLP; no RNN"),
                    "score = q \u00b7 k / \u221ad\u2096",
                ),
            ),
            d_k=d_k,
            sqrt_d_k=root,
            raw_score=raw,
            scaled_score=raw / root,
            block=(
                t("history.block.attention", "attention"),
                t("history.block.add-norm", "add & norm"),
                t("history.block.mlp", "MLP"),
                t("history.block.add-norm", "add & norm"),
            ),
            block_note=t(
                "history.block.note", "one transformer block: each part's output is added to its input, then normalised"
            ),
        ),
        arc.history_arc(example),
        "history",
        history_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def intro_lines(lesson) -> list[tuple[str, str]]:
    return [guess(lesson, "intro")]


def history_lines(lesson) -> list[tuple[str, str]]:
    first, last = lesson.entries[0], lesson.entries[-1]
    return [
        (
            "history.years",
            t(
                "history.years",
                "{first}: attention helped an RNN translate. {last}: the RNN was gone. Each block of a transformer is "
                "attention, then a small MLP, each added back to its input and normalised.",
                first=first.year,
                last=last.year,
            ),
        ),
        (
            "history.scaling",
            t(
                "history.scaling",
                "Its heads were {d_k} wide, so every score was divided by {root}.",
                d_k=lesson.d_k,
                root=format_number(lesson.sqrt_d_k),
            ),
        ),
    ]


# -- its key picture, for the recap --------------------------------------------------


def history_picture(lesson) -> tuple[Panel, ...]:
    return (TextPanel(lines=tuple(f"{entry.year}: {entry.idea}" for entry in lesson.entries)),)


# -- the chapter ----------------------------------------------------------------------


INTRO_CHAPTER = Chapter(
    name="intro",
    scene="scenes.cards:IntroCard",
    lesson=intro_lesson,
    arc=arc.intro_arc,
    lines=intro_lines,
    key_picture=None,
    telling="intro.guess",
)


HISTORY_CHAPTER = Chapter(
    name="history",
    scene="scenes.cards:HistoryCard",
    lesson=history_lesson,
    arc=arc.history_arc,
    lines=history_lines,
    key_picture=history_picture,
    recap=lambda example: t("recap.say.history", "From helper to every block."),
    telling="history.scaling",
)
