"""The panels a chapter's key picture is made of, for the recap: a few of the numbers the
chapter showed, taken from its own lesson (so the recap writes each number as the chapter did).

    WeightsPanel   one word's attention weights, as bars          softmax, projection, heads
    GridPanel      an n x n weight grid                            the causal mask
    PlanePanel     the word plane: one embedding, its contexts     gravity
    StepsPanel     a sentence's words and how many steps it takes  the recurrent network
    TextPanel      a few lines of text                             the formula, the history
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .base import Lesson


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
