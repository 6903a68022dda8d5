"""The scaling lesson: why divide by sqrt(d_k).

For q, k with d independent entries of variance 1, q . k has variance d: its spread grows
like sqrt(d). Softmax over such scores saturates (one weight near 1); dividing by sqrt(d)
brings the spread back to about 1. Every number is drawn from a seeded generator.

    raw    = q . k              std about sqrt(d); drawn as |q| times a normal (`dot_products`)
    scaled = q . k / sqrt(d)    std about 1
    weights: softmax of one query's ROW scores, sorted largest first, averaged over ROWS
             draws (ROWS, ROW) -> (ROW,): one draw's largest weight goes up and down with
             its luck, the mean grows with d as the claim says

The largest weight said and shown is the mean over ROWS draws, and the bars are the mean
sorted weights, so the picture and the narration are one number.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..language import t
from ..softmax import softmax
from ..text import format_number
from . import arc, narration
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson, guess
from .panels import Panel, WeightsPanel

DIMENSIONS = (2, 16, 64, 512)
SEED = 2017
PAIRS = 4000  # (q, k) pairs per dimension for the spread
SHOWN = 40  # of which this many are drawn
ROW = 6  # keys in each softmax row
ROWS = 2000  # softmax rows drawn per dimension: their mean is what is shown and said
AXIS_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)  # the axis ends at one of these times a power of 10


@dataclass(frozen=True)
class ScalingRow(Lesson):
    dimension: int
    raw_std: float  # spread of q . k over PAIRS pairs
    scaled_std: float  # spread of q . k / sqrt(d)
    sqrt_d: float
    shown_raw: np.ndarray  # (SHOWN,) sample dot products to draw
    shown_scaled: np.ndarray  # (SHOWN,)
    weights_raw: np.ndarray  # (ROW,) softmax of ROW scores, sorted, mean over ROWS draws: saturates as d grows
    weights_scaled: np.ndarray  # (ROW,) the same draws divided by sqrt(d)
    max_raw: float  # the mean largest weight, weights_raw[0]: near 1 means saturated
    max_scaled: float


@dataclass(frozen=True)
class ScalingLesson(ClipLesson):
    seed: int
    pairs: int
    rows: tuple[ScalingRow, ...]
    scores_per_row: int  # keys in each softmax row
    draws: int  # softmax rows averaged per dimension
    axis_span: float  # the shared axis shows -axis_span .. axis_span: every sample drawn fits
    axis_ticks: tuple[float, ...]  # the values written under the axis


def axis_end(largest: float) -> float:
    """The smallest round value (AXIS_STEPS times a power of 10) at least `largest`."""
    power = 10.0 ** float(np.floor(np.log10(largest)))
    return next(float(round(step * power, 12)) for step in (*AXIS_STEPS, 10.0) if step * power >= largest)


def mean_sorted(weights: np.ndarray) -> np.ndarray:
    """(draws, k) softmax rows -> (k,) each row sorted largest first, then averaged: the mean
    largest weight first. Still sums to 1."""
    return np.sort(weights, axis=1)[:, ::-1].mean(axis=0)


def dot_products(rng: np.random.Generator, queries: int, d: int, keys: int | None = None) -> np.ndarray:
    """q . k for `queries` random queries q in d dimensions (entries standard normal), each
    against one random key, or against `keys` keys of its own: (queries,) or (queries, keys).

    Drawn without the d-wide vectors, exactly as they would fall: for a given q, q . k is a
    normal of spread |q| (a sum of d normals, k_i weighted by q_i), and |q| is the root of a
    chi-square with d degrees of freedom. So a row at d = 512 costs a few numbers, not 3,000
    (the lecture's plan computes every lesson, an unchanged re-run included)."""
    lengths = np.sqrt(rng.chisquare(d, size=queries))  # (queries,) |q|
    if keys is None:
        return lengths * rng.standard_normal(queries)  # (queries,)
    return lengths[:, None] * rng.standard_normal((queries, keys))  # (queries, keys)


def scaling_lesson(example=None) -> ScalingLesson:
    """The same for every example: it is about dimensions, not words."""
    rng = np.random.default_rng(SEED)
    rows = []
    for d in DIMENSIONS:
        dots = dot_products(rng, PAIRS, d)  # (PAIRS,) one q . k per pair
        scores = dot_products(rng, ROWS, d, keys=ROW)  # (ROWS, ROW) each query against its ROW keys
        root = float(np.sqrt(d))
        weights_raw, weights_scaled = mean_sorted(softmax(scores)), mean_sorted(softmax(scores / root))
        rows.append(
            ScalingRow(
                dimension=d,
                raw_std=float(dots.std()),
                scaled_std=float((dots / root).std()),
                sqrt_d=root,
                shown_raw=dots[:SHOWN],
                shown_scaled=dots[:SHOWN] / root,
                weights_raw=weights_raw,
                weights_scaled=weights_scaled,
                max_raw=float(weights_raw[0]),
                max_scaled=float(weights_scaled[0]),
            )
        )
    largest = max(float(np.abs(row.shown_raw).max()) for row in rows)
    span = axis_end(largest)
    lesson = ScalingLesson(
        seed=SEED,
        pairs=PAIRS,
        rows=tuple(rows),
        scores_per_row=ROW,
        draws=ROWS,
        axis_span=span,
        axis_ticks=(-span, -span / 2, 0.0, span / 2, span),
    )
    return narration.attach(lesson, arc.scaling_arc(example), "scaling", scaling_lines)


# -- the lines between its question and its takeaway ------------------------------


def scaling_lines(lesson) -> list[tuple[str, str]]:
    widest = lesson.rows[-1]
    return [
        (
            "scaling.spread",
            t(
                "scaling.spread",
                "The wider the vectors, the larger their dot products: the spread grows like \u221ad.",
            ),
        ),
        guess(lesson, "scaling"),
        (
            "scaling.saturate",
            t(
                "scaling.saturate",
                "Softmax saturates: at the widest, the top word takes {weight} of the weight, on average.",
                weight=format_number(widest.max_raw),
            ),
        ),
        (
            "scaling.divide",
            t(
                "scaling.divide",
                "Divide by \u221ad\u2096: the spread is about 1 at every width, and the top weight falls to {weight}.",
                weight=format_number(widest.max_scaled),
            ),
        ),
    ]


# -- its key picture, for the recap --------------------------------------------------


def scaling_picture(lesson) -> tuple[Panel, ...]:
    widest = lesson.rows[-1]
    keys = tuple(
        t("scaling.rank", "#{number}", number=number) for number in range(1, len(widest.weights_raw) + 1)
    )  # the weights are sorted: the first is the top one
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


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="scaling",
    scene="scenes.scaling:ScalingScene",
    lesson=scaling_lesson,
    arc=arc.scaling_arc,
    lines=scaling_lines,
    key_picture=scaling_picture,
    recap=lambda example: t("recap.say.scaling", "Divide, and wide heads stay soft."),
    telling="scaling.saturate",
)
