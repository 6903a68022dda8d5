"""Mobjects for a real model's sentence: its word pieces in a row, the focus piece's attention
as arcs above the row and bars below it, and a head's whole weight matrix as a small grid.
They draw numbers, never compute them; each number or word drawn has a `name`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    ArcBetweenPoints,
    Rectangle,
    Square,
    VGroup,
    VMobject,
)

from scenes import style

PIECE_GAP = 0.25  # between two pieces of a row
ARC_RISE = 1.6  # the height of the highest arc


class PieceRow(VGroup):
    """A sentence as a model reads it: one label a word piece, [CLS] and [SEP] muted, the focus
    piece in the focus colour; shrunk as a whole to `max_width`."""

    def __init__(self, pieces: Sequence[str], special: Sequence[bool], focus: int, max_width: float,
                 size: float = style.BODY_SIZE, prefix: str = "piece"):
        super().__init__()
        self.labels = VGroup()
        for index, (piece, muted) in enumerate(zip(pieces, special)):
            colour = style.FOCUS if index == focus else style.MUTED if muted else style.FOREGROUND
            label = style.plain_text(piece, size, colour)
            label.name = f"{prefix}:{index}"
            self.labels.add(label)
        self.labels.arrange(buff=PIECE_GAP, aligned_edge=DOWN)
        self.add(self.labels)
        if self.width > max_width:
            self.scale_to_fit_width(max_width)
        self.focus = focus

    def top_of(self, index: int) -> np.ndarray:
        return self.labels[index].get_top() + 0.08 * UP

    def bottom_of(self, index: int) -> np.ndarray:
        """Under piece `index`, at the row's common bottom (so that every bar starts level)."""
        return np.array([self.labels[index].get_x(), self.labels.get_bottom()[1] - 0.12, 0.0])


def weighted_arc(start: np.ndarray, end: np.ndarray, weight: float, colour: str, rise: float) -> ArcBetweenPoints:
    """An arc over a row from `start` to `end`, `rise` high at most, as thick and opaque as
    `weight` in [0, 1] (the arrows of the toy plane, bent over the row), with a tip at `end`."""
    chord = float(np.linalg.norm(end - start))
    sagitta = min(rise, 0.45 * chord)
    angle = 4 * math.atan(2 * sagitta / chord)  # the arc through both ends `sagitta` high
    width, opacity = style.weight_stroke(weight)
    arc = ArcBetweenPoints(start, end, angle=-angle if end[0] > start[0] else angle)
    arc.set_stroke(colour, width=width, opacity=opacity)
    arc.add_tip(tip_length=0.14 + 0.12 * weight, tip_width=0.14 + 0.12 * weight)
    arc.tip.set_fill(colour, opacity=opacity).set_stroke(colour, opacity=opacity)
    arc.weight = weight
    return arc


class PieceBars(VGroup):
    """Under each piece of a row, a bar `depth` long for a weight of 1; the `labelled` weights
    written under the bars (on two staggered lines where neighbours would touch)."""

    def __init__(self, row: PieceRow, weights: Sequence[float], labelled: Sequence[int], colour: str,
                 depth: float, prefix: str = "weight"):
        super().__init__()
        self.bars, self.numbers = VGroup(), VGroup()
        for index, weight in enumerate(weights):
            width = min(0.4, 0.7 * row.labels[index].width + 0.05)
            bar = Rectangle(width=width, height=max(depth * weight, 0.01), stroke_width=0,
                            fill_color=colour, fill_opacity=0.85)
            bar.move_to(row.bottom_of(index), aligned_edge=UP)
            bar.name = f"{prefix}_bar:{index}"
            bar.weight = weight
            self.bars.add(bar)
        floor = row.bottom_of(0)[1] - depth - 0.15
        line_ends = [-math.inf, -math.inf]  # the right end of the last number on each line
        for index in labelled:
            number = style.number_text(weights[index], 2, style.LABEL_SIZE)
            number.move_to([self.bars[index].get_x(), floor - number.height / 2, 0])
            line = next((k for k, end in enumerate(line_ends) if number.get_left()[0] > end + 0.08), 1)
            number.shift(line * (number.height + 0.12) * DOWN)  # a neighbour too close: the line below
            line_ends[line] = number.get_right()[0]
            number.name = f"{prefix}:{index}"
            self.numbers.add(number)
        self.add(self.bars, self.numbers)


GRID_LEVELS = 32  # a grid's squares take one of this many opacities above 0


class WeightGrid(VGroup):
    """An (n, n) weight matrix as n x n squares (row i: piece i asking, column j: piece j looked
    at), each as opaque in `colour` as its weight, to the nearest 1/GRID_LEVELS; in a thin frame.

    The squares of one opacity are one mobject (one path of many squares), so a grid of
    30 x 30 pieces is at most 33 mobjects to draw and copy, not 900. (Squares, not an image:
    manim 0.22 cannot draw an ImageMobject with the Pillow it installs.)"""

    def __init__(self, weights: np.ndarray, colour: str, side: float):
        super().__init__()
        self.weights = np.asarray(weights, dtype=float)
        n = len(self.weights)
        cell = side / n
        self.levels = np.rint(self.weights * GRID_LEVELS).astype(int)  # (n, n)
        corners = np.array([[0, 0], [1, 0], [1, -1], [0, -1], [0, 0]], dtype=float) * cell  # clockwise
        thirds = np.array([0, 1 / 3, 2 / 3, 1])[:, None]
        square = np.concatenate([a + thirds * (b - a) for a, b in zip(corners[:-1], corners[1:])])  # (16, 2)
        self.shades = VGroup()
        for level in np.unique(self.levels):
            if level == 0:
                continue  # the background shows through
            rows, cols = np.nonzero(self.levels == level)
            offsets = np.stack([cols * cell, -rows * cell], axis=1)  # each square's top-left corner
            points = (offsets[:, None, :] + square[None]).reshape(-1, 2)
            shade = VMobject(stroke_width=0, fill_color=colour, fill_opacity=level / GRID_LEVELS)
            shade.set_points(np.column_stack([points, np.zeros(len(points))]))
            shade.level = int(level)
            self.shades.add(shade)
        border = Square(side, stroke_color=style.GRID_FIXED, stroke_width=1).move_to([side / 2, -side / 2, 0])
        self.add(border, self.shades)
        self.border = border

    def drawn_weights(self) -> np.ndarray:
        """(n, n) the opacity each square is drawn with, read back from the shapes on screen."""
        n = len(self.weights)
        cell = self.border.width / n
        top_left = self.border.get_corner(UP + LEFT)
        drawn = np.zeros((n, n))
        for shade in self.shades:
            starts = shade.points[::16, :2]  # each square's first point: its top-left corner
            cols = np.rint((starts[:, 0] - top_left[0]) / cell).astype(int)
            rows = np.rint((top_left[1] - starts[:, 1]) / cell).astype(int)
            drawn[rows, cols] = shade.get_fill_opacity()
        return drawn
