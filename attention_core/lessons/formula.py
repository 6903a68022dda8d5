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
from ..language import t
from ..similarity import similarity
from . import arc, narration
from .chapter import Chapter
from .narration import ClipLesson
from .panels import Panel, TextPanel
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
        formula_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def formula_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("formula.dots", t("formula.dots", "Q K\u1d40: the query of the focus word dotted with every key.")),
        (
            "formula.scale",
            t(
                "formula.scale",
                "Divide by \u221ad\u2096. Here d\u2096 is only {d_k}, so this changes little; "
                "the next chapter shows why it matters.",
                d_k=lesson.d_k,
            ),
        ),
        (
            "formula.softmax",
            t("formula.softmax", "Softmax: the weights, positive and summing to 1, from Q and K only."),
        ),
        (
            "formula.values",
            t("formula.values", "Then V: the weights average the values. The output is the word's context vector."),
        ),
    ]


# -- its key picture, for the recap --------------------------------------------------


def formula_picture(lesson) -> tuple[Panel, ...]:
    return (
        TextPanel(
            lines=(
                "softmax(Q K\u1d40 \u00f7 \u221ad\u2096) V",
                t("recap.panel.formula", "the weights from Q and K, what they average from V"),
            )
        ),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="formula",
    scene="scenes.formula:FormulaScene",
    lesson=formula_lesson,
    arc=arc.formula_arc,
    lines=formula_lines,
    key_picture=formula_picture,
    recap=lambda example: t("recap.say.formula", "All of it, in one line."),
    telling="formula.values",
)
