"""The word plane: the plane itself (axes, a grid a map can carry), a word's dot and label, and
the labels placed beside their dots where they crowd least, a leader line to a label set
further out (the geometry of it in scenes/placement.py, free of manim).

Every mobject that shows a word gets a `name`, so tests can find it and check it against the
lesson.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import RIGHT, UP, Dot, Line, VGroup, VMobject
from manim.utils.color import ParsableManimColor

from scenes import placement, style, typeset

LEADER_STROKE = 1.5
LEADER_OPACITY = 0.7


class WordPlane(VGroup):
    """Fixed axes and a faint fixed grid over the data rectangle, equal scale on both axes.

    The grid and axes never move; what moves is drawn on top (see `GridLines`). `point(xy)`
    turns plane coordinates into a scene point, wherever the plane has been moved.

    Parameters
    ----------
    points
        (n, 2) the plane coordinates that must be in view (the origin always is).
    width, height
        The most room, in scene units, the plane may take; it keeps one scale on both axes.
    margin
        Plane units of room around the points.

    Examples
    --------
    .. manim:: WordPlaneExample
        :save_last_frame:

        from manim import Scene
        from scenes.layout import Stage
        from scenes.plane import WordDot, WordPlane

        class WordPlaneExample(Scene):
            def construct(self):
                words = {"apple": (2.0, 2.0), "orange": (0.0, 3.0), "phone": (4.0, 0.0)}
                stage = Stage(self.camera.frame_width, self.camera.frame_height)
                plane = WordPlane.filling(list(words.values()), stage.content)  # as large as the region holds
                dots = [WordDot(word, plane.point(xy)) for word, xy in words.items()]
                self.add(plane, *dots)
    """

    def __init__(self, points: np.ndarray, width: float, height: float, margin: float = 0.8):
        super().__init__()
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        low = np.minimum(points.min(axis=0), 0) - margin  # the origin is always in view
        high = np.maximum(points.max(axis=0), 0) + margin
        span = float((high - low).max())
        self.step = next(step for step in (1, 2, 5, 10, 20, 50, 100, 200, 500) if span / step <= 16)
        self.x_range = (self.step * math.floor(low[0] / self.step), self.step * math.ceil(high[0] / self.step))
        self.y_range = (self.step * math.floor(low[1] / self.step), self.step * math.ceil(high[1] / self.step))
        self.unit = min(width / (self.x_range[1] - self.x_range[0]), height / (self.y_range[1] - self.y_range[0]))
        self.grid = GridLines(self, style.GRID_FIXED, stroke_width=1)
        self.grid.name = "fixed_grid"
        x_axis = Line(
            self.point((self.x_range[0], 0)), self.point((self.x_range[1], 0)), color=style.AXES, stroke_width=2
        )
        y_axis = Line(
            self.point((0, self.y_range[0])), self.point((0, self.y_range[1])), color=style.AXES, stroke_width=2
        )
        self.axes = VGroup(x_axis, y_axis)
        self.axes.set_z_index(2)  # drawn over any grid a map carries
        self.axes.name = "axes"
        self.add(self.grid, self.axes)

    @classmethod
    def filling(cls, points: np.ndarray, region, margin: float = 0.8) -> WordPlane:
        """A plane of `points` as large as `region` (a layout Region) holds, equal scale on
        both axes, centred in it."""
        return region.put(cls(points, region.width, region.height, margin))

    def point(self, xy) -> np.ndarray:
        """Scene point of the plane coordinates (x, y)."""
        x, y = xy
        return np.array([x * self.unit, y * self.unit, 0.0]) + self._origin_offset()

    def origin(self) -> np.ndarray:
        return self.point((0.0, 0.0))

    def _origin_offset(self) -> np.ndarray:
        """Where (0, 0) is now, read off the x-axis, so that moving the plane in any group
        (shift, next_to, arrange) keeps point() true."""
        if not hasattr(self, "axes"):
            return np.zeros(3)  # while the axes are being built: plane centred at origin
        start = self.axes[0].get_start()
        return start - np.array([self.x_range[0] * self.unit, 0.0, 0.0])


class GridLines(VGroup):
    """The grid of a plane's data rectangle (every `plane.step` units), as lines a linear map
    can carry."""

    def __init__(self, plane: WordPlane, colour: str, stroke_width: float = 1.5, around=None):
        """The whole data rectangle, or the grid squares around the points `around` (k, 2)."""
        super().__init__()
        (x0, x1), (y0, y1), step = plane.x_range, plane.y_range, plane.step
        if around is not None:
            around = np.vstack([np.asarray(around, dtype=float).reshape(-1, 2), np.zeros((1, 2))])
            x0, y0 = (step * math.floor(v / step - 0.5) for v in around.min(axis=0))
            x1, y1 = (step * math.ceil(v / step + 0.5) for v in around.max(axis=0))
        for x in range(x0, x1 + 1, step):
            self.add(Line(plane.point((x, y0)), plane.point((x, y1)), color=colour, stroke_width=stroke_width))
        for y in range(y0, y1 + 1, step):
            self.add(Line(plane.point((x0, y)), plane.point((x1, y)), color=colour, stroke_width=stroke_width))


def apply_row_map(mobject: VMobject, plane: WordPlane, matrix: np.ndarray) -> VMobject:
    """Move `mobject` by p -> p @ W in the plane's coordinates (manim uses columns: W^T)."""
    return mobject.apply_matrix(np.asarray(matrix).T, about_point=plane.origin())


class LeaderLine(Line):
    """A thin line from a dot to its label, for a label that sat further out than snug (the
    dots near it crowded it out), so that which dot it names is never a guess.

    It runs from the dot's rim to the nearest point of the label's box, stopping just short.

    Parameters
    ----------
    dot
        The dot the label names.
    label
        The label, already placed.
    colour
        The line's colour (the label's).

    Examples
    --------
    .. manim:: LeaderLineExample
        :save_last_frame:

        from manim import DOWN, LEFT, Dot, Scene
        from scenes import style, typeset
        from scenes.plane import LeaderLine

        class LeaderLineExample(Scene):
            def construct(self):
                dot = Dot(color=style.CONTEXT)
                label = typeset.plain_text("context 1", style.SMALL_SIZE, style.CONTEXT)
                label.next_to(dot, DOWN + LEFT, buff=0.55)
                self.add(dot, label, LeaderLine(dot, label, style.CONTEXT))
    """

    def __init__(self, dot: Dot, label: VMobject, colour: ParsableManimColor):
        super().__init__(
            *placement.leader_ends(dot.get_center(), dot.radius, _box(label)),
            color=colour,
            stroke_width=LEADER_STROKE,
            stroke_opacity=LEADER_OPACITY,
        )


class WordDot(VGroup):
    """A word's point in the plane with its label; `leaders` holds the line to a label that
    `place_labels` set further out than snug (none, or one)."""

    def __init__(
        self,
        word: str,
        point: np.ndarray,
        colour: str = style.WORD,
        radius: float = style.DOT_RADIUS,
        size: float = style.LABEL_SIZE,
    ):
        super().__init__()
        self.word = word
        self.dot = Dot(point, radius=radius, color=colour)
        self.label = typeset.plain_text(word, size, colour)
        self.label.next_to(self.dot, UP + RIGHT, buff=placement.LABEL_GAPS[0])
        self.leaders = VGroup()
        self.add(self.dot, self.label, self.leaders)
        self.name = f"word:{word}"
        self.dot.name, self.label.name = f"dot:{word}", f"label:{word}"

    def lead_to_label(self, needed: bool) -> None:
        """Draw the leader line to the label where it is now (`needed`), or none."""
        self.leaders.remove(*self.leaders.submobjects)
        if needed:
            leader = LeaderLine(self.dot, self.label, self.dot.get_color())
            leader.name = f"leader:{self.word}"
            self.leaders.add(leader)


def place_labels(
    dots: Sequence[WordDot],
    bounds: tuple[float, float, float, float],
    keep_clear: Sequence[VMobject] = (),
    leaders: bool = False,
    lines_clear: Sequence[tuple[np.ndarray, np.ndarray]] = (),
) -> None:
    """Put each dot's label on the side, inside `bounds` (x0, x1, y0, y1), where it overlaps
    the other labels and dots least (the first side that overlaps nothing).

    With `leaders`, a label set further out than snug gets a leader line to its dot, which
    crosses no label, dot or other leader where a side allows; a snug label nearer another dot
    than its own counts as crowded; and every label is placed a second time, against all the
    others where they ended (the first time, a label sees only those placed before it).
    `lines_clear` are segments (start, end) drawn later that no label should cover, as a trail
    between two dots."""
    fixed = [(d.dot, _box(d.dot)) for d in dots] + [(m, _box(m)) for m in keep_clear]
    centres = [d.dot.get_center() for d in dots] if leaders else None  # measured once
    placed: dict[int, tuple] = {}  # by position in `dots`: each placed label's box, and its leader lines
    for _ in range(placement.LEADER_ROUNDS if leaders else 1):
        for index, word_dot in enumerate(dots):
            others = [box for mobject, box in fixed if mobject is not word_dot.dot]
            others += [box for number, (box, _) in placed.items() if number != index]
            lines = list(lines_clear) + [line for number, (_, led) in placed.items() if number != index for line in led]
            direction, buff = _best_side(word_dot, bounds, others, lines, None if centres is None else (index, centres))
            word_dot.label.next_to(word_dot.dot, direction, buff=buff)
            word_dot.lead_to_label(leaders and buff > placement.LABEL_GAPS[0])
            placed[index] = (
                _box(word_dot.label),
                [(leader.get_start(), leader.get_end()) for leader in word_dot.leaders],
            )


def _best_side(
    word_dot: WordDot, bounds: tuple, others: list[tuple], lines: list[tuple], led: tuple | None
) -> tuple[np.ndarray, float]:
    """placement.best_side for `word_dot`'s label, measured where manim would put it on each
    side (`led`: the dot's number and every dot's centre, when leaders are drawn)."""

    def box_at(side: tuple[int, int], buff: float) -> tuple:
        word_dot.label.next_to(word_dot.dot, np.array([*side, 0.0]), buff=buff)
        return _box(word_dot.label)

    chosen = placement.best_side(box_at, bounds, others, lines, None if led is None else (*led, word_dot.dot.radius))
    side, buff = chosen
    return np.array([*side, 0.0]), buff


def _box(mobject: VMobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of `mobject`, measured once."""
    return (mobject.get_left()[0], mobject.get_right()[0], mobject.get_bottom()[1], mobject.get_top()[1])
