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
from ..language import nt, t
from ..multihead import MultiHeadAttention
from ..text import SYMBOLS, format_number, quoted
from . import arc, narration
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson, count_word, guess
from .panels import Panel, WeightsPanel
from .reading import focus_reading, most_words

O = SYMBOLS["output"]  # written as on screen

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
        multihead_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


MOST = 0.5  # a head "spends most" of its row on a word that takes more than half of it


LITTLE = 0.2  # and "little" on one that takes less than a fifth


def split_line(lesson) -> str:
    """Why several heads, decided from the heads' rows: each row sums to 1, so a head that spends
    most of it on one word has little left for another (one number said). The first two heads
    that look most at different words are the ones compared."""
    tokens, focus = lesson.tokens, lesson.focus_index
    looking = [head for head in lesson.heads if head.strongest != focus]  # heads that look past the word itself
    pairs = [(a, b) for i, a in enumerate(looking) for b in looking[i + 1 :] if a.strongest != b.strongest]
    if not looking:
        return t(
            "multihead.split.none", "One softmax row sums to 1: a single head must split its attention among the words."
        )
    if not pairs:
        return t(
            "multihead.split.same",
            "Here every head looks most at {word}: one softmax row sums to 1, so with other maps each head could "
            "take a word of its own.",
            word=quoted(tokens[looking[0].strongest]),
        )
    first, second = pairs[0]
    values = dict(
        first=quoted(first.name),
        second=quoted(second.name),
        one=quoted(tokens[first.strongest]),
        other=quoted(tokens[second.strongest]),
    )
    if first.weights[first.strongest] > MOST and first.weights[second.strongest] < LITTLE:
        return t(
            "multihead.split.spends",
            "No. A row sums to 1: head {first} spends {weight} on {one}, and little on {other}. Head {second} takes "
            "{other}.",
            weight=format_number(first.weights[first.strongest]),
            **values,
        )
    return t(
        "multihead.split.looks",
        "One softmax row sums to 1, so a single head splits its attention; here head {first} looks most at {one}, "
        "head {second} at {other}.",
        **values,
    )


def multihead_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "multihead.heads",
            nt(
                "multihead.heads",
                "Each of the {number} head has its own maps, so each pulls {focus} somewhere else.",
                "Each of the {number} heads has its own maps, so each pulls {focus} somewhere else.",
                len(lesson.heads),
                number=count_word(len(lesson.heads)),
                focus=quoted(lesson.focus),
            ),
        ),
        guess(lesson, "multihead"),
        ("multihead.split", split_line(lesson)),
        ("multihead.concat", t("multihead.concat", "The outputs of the heads, side by side, make one longer vector.")),
        (
            "multihead.output-map",
            t(
                "multihead.output-map",
                "{output} is a linear layer: its rows for each head decide how much of it is kept.",
                output=O,
            ),
        ),
        ("multihead.sum", t("multihead.sum", "The heads' contributions add up to the output: no head decides alone.")),
    ]


# -- its key picture, for the recap --------------------------------------------------


def multihead_picture(lesson) -> tuple[Panel, ...]:
    return (
        WeightsPanel(
            title=t("recap.panel.heads", "the word each head weighs most"),
            labels=tuple(f"{head.name}: {lesson.tokens[head.weighed_most[0]]}" for head in lesson.heads),
            weights=np.array([head.weights[head.weighed_most[0]] for head in lesson.heads]),
        ),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="multihead",
    scene="scenes.multihead:MultiHeadScene",
    lesson=multihead_lesson,
    arc=arc.multihead_arc,
    lines=multihead_lines,
    key_picture=multihead_picture,
    recap=lambda example: t("recap.say.multihead", "Many heads, blended into one."),
    telling="multihead.sum",
)
