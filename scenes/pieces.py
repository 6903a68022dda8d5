"""Mobjects for a real model's sentence: its word pieces in a row, the focus piece's attention
as arcs above the row and bars below it, and a head's whole weight matrix as a small grid.
They draw numbers, never compute them; each number or word drawn has a `name`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    ArcBetweenPoints,
    Rectangle,
    Square,
    VGroup,
    VMobject,
)

from scenes import style, typeset

PIECE_GAP = 0.25  # between two pieces of a row
ARC_RISE = 1.6  # the height of the highest arc


class PieceRow(VGroup):
    """A sentence as a model reads it: one label a word piece, [CLS] and [SEP] muted, the focus
    piece in the focus colour; in a row, shrunk as a whole to `max_width`. Arcs meet the pieces
    above the row; bars hang below it."""

    bar_direction = DOWN

    def __init__(
        self,
        pieces: Sequence[str],
        special: Sequence[bool],
        focus: int,
        max_width: float,
        size: float = style.BODY_SIZE,
        prefix: str = "piece",
    ):
        super().__init__()
        self.labels = piece_labels(pieces, special, focus, size, prefix)
        self.labels.arrange(buff=PIECE_GAP, aligned_edge=DOWN)
        self.add(self.labels)
        if self.width > max_width:
            self.scale_to_fit_width(max_width)
        self.focus = focus

    def arc_end(self, index: int) -> np.ndarray:
        """Where the arcs from and to piece `index` meet it: above it."""
        return self.labels[index].get_top() + 0.08 * UP

    def bar_start(self, index: int) -> np.ndarray:
        """Under piece `index`, at the row's common bottom (so that every bar starts level)."""
        return np.array([self.labels[index].get_x(), self.labels.get_bottom()[1] - 0.12, 0.0])

    def bar_thickness(self, index: int) -> float:
        return min(0.4, 0.7 * self.labels[index].width + 0.05)


class PieceColumn(VGroup):
    """The same sentence as a column, for a tall frame: one piece a line, right-aligned, at
    most `max_height` tall (lines closer together before the print gets smaller). Arcs meet
    the pieces on their left; bars grow to their right."""

    bar_direction = RIGHT

    def __init__(
        self,
        pieces: Sequence[str],
        special: Sequence[bool],
        focus: int,
        max_height: float,
        size: float = style.SMALL_SIZE,
        prefix: str = "piece",
        line_step: float = 0.42,
    ):
        super().__init__()
        self.labels = piece_labels(pieces, special, focus, size, prefix)
        step = max(min(line_step, max_height / max(len(pieces), 1)), 0.01)
        for index, label in enumerate(self.labels):
            label.move_to([0, -index * step, 0], aligned_edge=RIGHT)
        self.add(self.labels)
        self.size = size  # the print, as drawn
        if self.height > max_height:
            self.size *= max_height / self.height
            self.scale_to_fit_height(max_height)
        self.focus = focus

    def arc_end(self, index: int) -> np.ndarray:
        """Left of piece `index`, at the column's common left edge."""
        return np.array([self.labels.get_left()[0] - 0.1, self.labels[index].get_y(), 0.0])

    def bar_start(self, index: int) -> np.ndarray:
        return np.array([self.labels.get_right()[0] + 0.15, self.labels[index].get_y(), 0.0])

    def bar_thickness(self, index: int) -> float:
        return 0.6 * self.labels[0].height + 0.06


def piece_labels(pieces: Sequence[str], special: Sequence[bool], focus: int, size: float, prefix: str) -> VGroup:
    labels = VGroup()
    for index, (piece, muted) in enumerate(zip(pieces, special)):
        colour = style.FOCUS if index == focus else style.MUTED if muted else style.FOREGROUND
        label = typeset.plain_text(piece, size, colour)
        label.name = f"{prefix}:{index}"
        labels.add(label)
    return labels


def weighted_arc(start: np.ndarray, end: np.ndarray, weight: float, colour: str, rise: float) -> ArcBetweenPoints:
    """An arc from `start` to `end` bulging away from the pieces (up over a row, left of a
    column), `rise` at most, as thick and opaque as `weight` in [0, 1] (the arrows of the toy
    plane, bent), with a tip at `end`."""
    chord = float(np.linalg.norm(end - start))
    sagitta = min(rise, 0.45 * chord)
    angle = 4 * math.atan(2 * sagitta / chord)  # the arc through both ends `sagitta` high
    width, opacity = style.weight_stroke(weight)
    along_row = abs(end[0] - start[0]) >= abs(end[1] - start[1])
    turns_right = end[0] > start[0] if along_row else end[1] > start[1]
    arc = ArcBetweenPoints(start, end, angle=-angle if turns_right else angle)
    arc.set_stroke(colour, width=width, opacity=opacity)
    arc.add_tip(tip_length=0.14 + 0.12 * weight, tip_width=0.14 + 0.12 * weight)
    arc.tip.set_fill(colour, opacity=opacity).set_stroke(colour, opacity=opacity)
    arc.weight = weight
    return arc


class PieceBars(VGroup):
    """From each piece of a row (down) or a column (right), a bar `length` long for a weight
    of 1; the `labelled` weights written past the bars (under a row, on two staggered lines
    where neighbours would touch; beside a column, one a line)."""

    def __init__(
        self,
        pieces,
        weights: Sequence[float],
        labelled: Sequence[int],
        colour: str,
        length: float,
        prefix: str = "weight",
    ):
        super().__init__()
        self.bars, self.numbers = VGroup(), VGroup()
        along = pieces.bar_direction
        for index, weight in enumerate(weights):
            size = (pieces.bar_thickness(index), max(length * weight, 0.01))
            width, height = size if along is DOWN else size[::-1]
            bar = Rectangle(
                width=width, height=height, stroke_width=0, fill_color=colour, fill_opacity=style.BAR_OPACITY
            )
            bar.move_to(pieces.bar_start(index), aligned_edge=-along)
            bar.name = f"{prefix}_bar:{index}"
            bar.weight = weight
            self.bars.add(bar)
        self.numbers = (self.under_row if along is DOWN else self.beside_column)(pieces, weights, labelled, length)
        for index, number in zip(labelled, self.numbers):
            number.name = f"{prefix}:{index}"
        self.add(self.bars, self.numbers)

    def under_row(self, row, weights, labelled, length) -> VGroup:
        numbers = VGroup()
        floor = row.bar_start(0)[1] - length - 0.15
        line_ends = [-math.inf, -math.inf]  # the right end of the last number on each line
        for index in labelled:
            number = typeset.number_text(weights[index], 2, style.LABEL_SIZE)
            number.move_to([self.bars[index].get_x(), floor - number.height / 2, 0])
            line = next((k for k, end in enumerate(line_ends) if number.get_left()[0] > end + 0.08), 1)
            number.shift(line * (number.height + 0.12) * DOWN)  # a neighbour too close: the line below
            line_ends[line] = number.get_right()[0]
            numbers.add(number)
        return numbers

    def beside_column(self, column, weights, labelled, length) -> VGroup:
        numbers = VGroup()
        for index in labelled:
            number = typeset.number_text(weights[index], 2, column.size)
            number.next_to(column.bar_start(index) + (length + 0.1) * RIGHT, RIGHT, buff=0)
            numbers.add(number)
        return numbers


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
