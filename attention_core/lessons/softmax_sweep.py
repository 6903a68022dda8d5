"""The softmax lesson: why a weighted average, and not just the best-scoring word.

The focus word's scores s (k,) from the first sentence (the gravity clip's similarities).
One score, s_j (the strongest other word's), slides over `sweep_scores` (S,):

    weights(t) = softmax(s with s_j = sweep_t)        (S, k)  glides: small change in, small out
    argmax(t)  = the index of the largest score       (S,)    jumps from one word to another
    outputs    = weights(t) E  and  E[argmax(t)]      (S, 2)  the two answers in the plane

Then a temperature sweep, softmax(s / T) for T from near 0 (argmax) to large (uniform),
and why not divide by the sum: a sum can be zero, and a score can be negative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..examples import Example
from ..language import t
from ..similarity import similarity
from ..softmax import softmax
from ..text import quoted
from . import arc, narration
from .arc import similarity_name
from .chapter import Chapter
from .narration import ClipLesson, guess
from .panels import Panel, WeightsPanel
from .reading import focus_reading

SWEEP_STEPS = 61
TEMPERATURES = tuple(np.round(np.geomspace(0.02, 20.0, 31), 6))
ZERO_SUM_SCORES = (0.5, -0.5)  # divide by the sum: 0.5 / 0 is undefined
NEGATIVE_SCORES = (2.0, -1.0)  # divide by the sum: weights 2 and -1


@dataclass(frozen=True)
class SoftmaxLesson(ClipLesson):
    sentence: str
    focus: str
    tokens: tuple[str, ...]  # k tokens that take part
    embeddings: np.ndarray  # (k, 2)
    scores: np.ndarray  # (k,) the focus word's similarities
    similarity: str
    swept: int  # index of the score that slides
    sweep_scores: np.ndarray  # (S,) values s_j takes
    sweep_start: int  # the sample the sweep starts at: s_j's own score, exactly
    sweep_past_cosine: bool  # the slid score goes past 1, where no cosine can: said and shown as a free score
    sweep_rows: np.ndarray  # (S, k) the scores with s_j replaced
    sweep_weights: np.ndarray  # (S, k)
    sweep_weight_sums: np.ndarray  # (S,) each 1
    sweep_argmax: np.ndarray  # (S,) index of the best score
    sweep_softmax_output: np.ndarray  # (S, 2)
    sweep_argmax_output: np.ndarray  # (S, 2)
    temperatures: np.ndarray  # (T,)
    temperature_weights: np.ndarray  # (T, k)
    temperature_weight_sums: np.ndarray  # (T,) each 1
    zero_sum_scores: np.ndarray  # (2,)
    negative_scores: np.ndarray  # (2,)
    negative_by_sum: np.ndarray  # (2,) scores / their sum: one is negative
    negative_softmax: np.ndarray  # (2,)
    zero_sum_softmax: np.ndarray  # (2,)
    notes: tuple[str, ...]  # where the example had too little and a fallback was used


def softmax_lesson(example: Example) -> SoftmaxLesson:
    reading = focus_reading(example, example.sentences[0])
    tokens, embeddings, notes = list(reading.tokens), reading.embeddings, []
    if len(tokens) < 2:  # nothing to compete with: borrow the example's nearest other words
        others = [w for w in example.words if w not in tokens]
        borrowed = sorted(
            others,
            key=lambda w: -similarity([example.words[reading.focus]], [example.words[w]], example.similarity)[0, 0],
        )[:2]
        tokens += borrowed
        embeddings = np.array([example.words[t] for t in tokens])
        notes.append(f"the first sentence has one word with an embedding; borrowed {', '.join(borrowed)}")
    f = tokens.index(reading.focus)
    scores = similarity(embeddings[f : f + 1], embeddings, example.similarity)[0]  # (k,)
    others = [j for j in range(len(tokens)) if j != f]
    swept = max(others, key=lambda j: scores[j])
    around = np.linspace(scores.min() - 1.5, scores.max() + 1.5, SWEEP_STEPS - 1)
    sweep = np.sort(np.append(around, scores[swept]))  # (S,) the true score is one of the samples
    rows = np.repeat(scores[None], SWEEP_STEPS, axis=0)
    rows[:, swept] = sweep
    weights = softmax(rows)  # (S, k)
    argmax = rows.argmax(axis=1)  # (S,)
    temperatures = np.array(TEMPERATURES)
    tempered = np.array([softmax(scores, temperature=t) for t in temperatures])  # (T, k)
    negative = np.array(NEGATIVE_SCORES)
    return narration.attach(
        SoftmaxLesson(
            sentence=reading.text,
            focus=reading.focus,
            tokens=tuple(tokens),
            embeddings=embeddings,
            scores=scores,
            similarity=example.similarity,
            swept=swept,
            sweep_scores=sweep,
            sweep_start=int(np.flatnonzero(sweep == scores[swept])[0]),
            sweep_past_cosine=bool(example.similarity == "cosine" and sweep.max() > 1.0),
            sweep_rows=rows,
            sweep_weights=weights,
            sweep_weight_sums=weights.sum(axis=1),
            sweep_argmax=argmax,
            sweep_softmax_output=weights @ embeddings,
            sweep_argmax_output=embeddings[argmax],
            temperatures=temperatures,
            temperature_weights=tempered,
            temperature_weight_sums=tempered.sum(axis=1),
            zero_sum_scores=np.array(ZERO_SUM_SCORES),
            negative_scores=negative,
            negative_by_sum=negative / negative.sum(),
            negative_softmax=softmax(negative),
            zero_sum_softmax=softmax(np.array(ZERO_SUM_SCORES)),
            notes=tuple(notes),
        ),
        arc.softmax_arc(example),
        "softmax",
        softmax_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def softmax_lines(lesson) -> list[tuple[str, str]]:
    return [
        (
            "softmax.scores",
            t(
                "softmax.scores",
                "The same {similarity} scores of {focus} as before; softmax turns them into weights that sum to 1.",
                similarity=similarity_name(lesson.similarity),
                focus=quoted(lesson.focus),
            ),
        ),
        guess(lesson, "softmax"),
        ("softmax.slide", slide_line(lesson)),
        (
            "softmax.temperature",
            t(
                "softmax.temperature",
                "Temperature divides the scores: near 0, softmax picks the best word; large, every word weighs the same.",
            ),
        ),
        (
            "softmax.by-sum",
            t(
                "softmax.by-sum",
                "Why not divide by the sum? A sum can be 0, and a weight negative. Softmax weights are always positive.",
            ),
        ),
    ]


def slide_line(lesson) -> str:
    word = quoted(lesson.tokens[lesson.swept])
    if lesson.sweep_past_cosine:  # a cosine stops at 1: the slider is a made-up score, and says so
        return t(
            "softmax.slide.free",
            "Let the score of {word} slide freely, even past 1, where no cosine goes: the best word jumps from one "
            "to the other, the weighted average glides.",
            word=word,
        )
    return t(
        "softmax.slide",
        "Slide the score of {word}: the best word jumps from one to the other, the weighted average glides.",
        word=word,
    )


# -- its key picture, for the recap --------------------------------------------------


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


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="softmax",
    scene="scenes.softmax_scene:SoftmaxScene",
    lesson=softmax_lesson,
    arc=arc.softmax_arc,
    lines=softmax_lines,
    key_picture=softmax_picture,
    recap=lambda example: t("recap.say.softmax", "Positive weights that sum to one."),
    telling="softmax.slide",
)
