"""Small mobjects with one job each, shared by the scenes. They draw numbers, never compute them.

Every mobject that shows a number or a word gets a `name`, so tests can find it and check
it against the lesson.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Dot,
    Line,
    Rectangle,
    SurroundingRectangle,
    VGroup,
    VMobject,
)
from manim.utils.color import ParsableManimColor

from attention_core.text import SYMBOLS, reading_direction
from attention_core.tokens import token_key, token_spans
from scenes import style, typeset


def symbol(role: str, colour: str, size: float = style.BODY_SIZE) -> VMobject:
    """A learned map's symbol: W with a subscript (the query map's "W_Q")."""
    text = typeset.typeset(SYMBOLS[role], size, colour)
    text.name = f"symbol:{role}"
    return text


# Sizes in scene units, named once (the frame is 8 units high)
LABEL_GAPS = (0.06, 0.3, 0.55)  # a word's label from its dot: snug first, further out where that is crowded
LEADER_GAP = 0.04  # between a leader line's end and the label it leads to
LEADER_STROKE = 1.5
LEADER_OPACITY = 0.7
LEADER_SAMPLES = 16  # points along a candidate leader line, to see what it would cross
LEADER_WEIGHT_WIDTH = 0.15  # a line (leader, trail) over a label weighs as a strip this wide of overlap
LEADER_ROUNDS = 2  # with leaders, each label is placed twice: the second time against all the others
AMBIGUOUS = 0.05  # a snug label nearer another dot than its own weighs as this much overlap
LEADER_CROSSING = 0.05  # two leader lines crossing weigh as this much overlap: they tangle which goes where
MATRIX_COLUMN_GAP = 0.3  # between two columns of a matrix
MATRIX_BRACKET_PAD = 0.18  # between a bracket and its column
MATRIX_ROW_PAD = 0.22  # added to the tallest entry: a row's height
MATRIX_TITLE_GAPS = {"bracket": 0.2, "equals": 0.08, "title": 0.12}  # "Q =" left of the bracket
BRACKET_INSET = 0.06  # a bracket's spine, in from the matrix's edge
BRACKET_ARM = 0.12  # the short strokes at a bracket's ends
BRACKET_STROKE = 2.5
BAR_LENGTH = 2.2  # a weight bar for a weight of 1
BAR_ROW_STEP = 0.45  # between two rows of weight bars
BAR_HEIGHT = 0.22
BAR_LEAST_LENGTH = 0.02  # a weight of 0 still shows a sliver
BAR_GAPS = {"label": 0.35, "bar": 0.2, "number": 0.15, "column": 0.4}  # label | bar | number, and between columns


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
        from scenes.mobjects import WordDot, WordPlane

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
        from scenes.mobjects import LeaderLine

        class LeaderLineExample(Scene):
            def construct(self):
                dot = Dot(color=style.CONTEXT)
                label = typeset.plain_text("context 1", style.SMALL_SIZE, style.CONTEXT)
                label.next_to(dot, DOWN + LEFT, buff=0.55)
                self.add(dot, label, LeaderLine(dot, label, style.CONTEXT))
    """

    def __init__(self, dot: Dot, label: VMobject, colour: ParsableManimColor):
        super().__init__(
            *leader_ends(dot.get_center(), dot.radius, _box(label)),
            color=colour,
            stroke_width=LEADER_STROKE,
            stroke_opacity=LEADER_OPACITY,
        )


def leader_ends(centre: np.ndarray, radius: float, box: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Where a leader line from a dot (`centre`, `radius`) to a label's `box` starts and ends."""
    left, right, bottom, top = box
    nearest = np.array([min(max(centre[0], left), right), min(max(centre[1], bottom), top), 0.0])
    heading = (nearest - centre) / max(np.linalg.norm(nearest - centre), 1e-9)
    return centre + heading * radius, nearest - heading * LEADER_GAP


def _line_crowding(start: np.ndarray, end: np.ndarray, boxes: list[tuple]) -> float:
    """How much of a line (a leader, a trail) runs over `boxes`: its length inside them, times
    a line's width, so that it weighs like the overlap area of a label."""
    samples = [start + (end - start) * (k + 0.5) / LEADER_SAMPLES for k in range(LEADER_SAMPLES)]
    inside = sum(
        1 for x, y, _ in samples for left, right, bottom, top in boxes if left <= x <= right and bottom <= y <= top
    )
    return inside / LEADER_SAMPLES * float(np.linalg.norm(end - start)) * LEADER_WEIGHT_WIDTH


def _segments_cross(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> bool:
    """Whether segment ab crosses segment cd (each end strictly on another side of the other)."""

    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _nearer_another(own: int, centres: list[np.ndarray], box: tuple) -> bool:
    """Whether another dot of `centres` is nearer the label's `box` than its own (number `own`)."""
    distance = _distance_to_box(centres[own], box)
    return any(_distance_to_box(centre, box) < distance for number, centre in enumerate(centres) if number != own)


def _distance_to_box(point: np.ndarray, box: tuple) -> float:
    left, right, bottom, top = box
    return math.hypot(max(left - point[0], 0.0, point[0] - right), max(bottom - point[1], 0.0, point[1] - top))


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
        self.label.next_to(self.dot, UP + RIGHT, buff=LABEL_GAPS[0])
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
    for _ in range(LEADER_ROUNDS if leaders else 1):
        for index, word_dot in enumerate(dots):
            others = [box for mobject, box in fixed if mobject is not word_dot.dot]
            others += [box for number, (box, _) in placed.items() if number != index]
            lines = list(lines_clear) + [line for number, (_, led) in placed.items() if number != index for line in led]
            direction, buff = _best_side(word_dot, bounds, others, lines, None if centres is None else (index, centres))
            word_dot.label.next_to(word_dot.dot, direction, buff=buff)
            word_dot.lead_to_label(leaders and buff > LABEL_GAPS[0])
            placed[index] = (
                _box(word_dot.label),
                [(leader.get_start(), leader.get_end()) for leader in word_dot.leaders],
            )


def _best_side(
    word_dot: WordDot, bounds: tuple, others: list[tuple], lines: list[tuple], led: tuple | None
) -> tuple[np.ndarray, float]:
    """The side and gap, inside `bounds`, where the label is least crowded by the boxes
    `others` and the segments `lines`. With `led` (the dot's index, and every dot's centre),
    leaders are drawn (see place_labels)."""
    sides = [UP + RIGHT, UP + LEFT, DOWN + RIGHT, DOWN + LEFT, RIGHT, LEFT, UP, DOWN]
    label, best = word_dot.label, None
    x0, x1, y0, y1 = bounds
    for buff in LABEL_GAPS:
        for direction in sides:
            label.next_to(word_dot.dot, direction, buff=buff)
            box = _box(label)
            if not (box[0] >= x0 and box[1] <= x1 and box[2] >= y0 and box[3] <= y1):
                continue
            crowding = sum(_overlap_area(box, other) for other in others)
            crowding += sum(_line_crowding(*line, [box]) for line in lines)
            if led is not None and buff > LABEL_GAPS[0]:
                line = leader_ends(led[1][led[0]], word_dot.dot.radius, box)
                crowding += _line_crowding(*line, others)
                crowding += LEADER_CROSSING * sum(_segments_cross(*line, *other) for other in lines)
            elif led is not None and _nearer_another(*led, box):  # snug, but it seems to name that dot
                crowding += AMBIGUOUS
            if best is None or crowding < best[0]:
                best = (crowding, direction, buff)
            if crowding == 0:
                return direction, buff
    return (UP + RIGHT, LABEL_GAPS[0]) if best is None else best[1:]


def _box(mobject: VMobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of `mobject`, measured once."""
    return (mobject.get_left()[0], mobject.get_right()[0], mobject.get_bottom()[1], mobject.get_top()[1])


def _overlap_area(a: tuple, b: tuple, pad: float = 0.08) -> float:
    width = min(a[1], b[1]) - max(a[0], b[0]) + pad
    height = min(a[3], b[3]) - max(a[2], b[2]) + pad
    return max(width, 0.0) * max(height, 0.0)


class MatrixPanel(VGroup):
    """A 2-D array written out in brackets, with its symbol (see `symbol`) on its left.

    Entries are right-aligned in their columns and written as every clip writes a number
    (`typeset.number_text`: a true minus sign, `places` decimals). Each entry is named
    `name[i,j]`, so a test can read back what was drawn.

    Parameters
    ----------
    name
        The panel's name, and the prefix of its entries' names.
    values
        The (rows, columns) array to write.
    colour
        Of the brackets (and of the entries, unless `row_colours` is given).
    title
        A symbol to write left of the brackets, followed by "=".
    places
        Decimals of each entry.
    size
        The entries' font size.
    row_colours
        One colour per row, for the entries.

    Examples
    --------
    .. manim:: MatrixPanelExample
        :save_last_frame:

        import numpy as np
        from manim import Scene
        from scenes import style, typeset
        from scenes.mobjects import MatrixPanel, symbol

        class MatrixPanelExample(Scene):
            def construct(self):
                query_map = np.array([[1.0, 0.5], [-0.25, 1.0]])
                panel = MatrixPanel("W_Q", query_map, style.QUERY, title=symbol("query", style.QUERY))
                self.add(panel.move_to((0, 0, 0)))
    """

    def __init__(
        self,
        name: str,
        values: np.ndarray,
        colour: str,
        title: VMobject | None = None,
        places: int = 2,
        size: float = style.LABEL_SIZE,
        row_colours: Sequence[str] | None = None,
    ):
        super().__init__()
        self.values = np.asarray(values, dtype=float)
        rows, cols = self.values.shape
        self.entries = VGroup()
        for i in range(rows):
            for j in range(cols):
                entry = typeset.number_text(
                    self.values[i, j], places, size, row_colours[i] if row_colours else style.FOREGROUND
                )
                entry.name = f"{name}[{i},{j}]"
                self.entries.add(entry)
        gap, pad = MATRIX_COLUMN_GAP, MATRIX_BRACKET_PAD
        entry_w = max(e.width for e in self.entries)
        cell_h = max(e.height for e in self.entries) + MATRIX_ROW_PAD
        for index, entry in enumerate(self.entries):
            i, j = divmod(index, cols)
            right = pad + (j + 1) * entry_w + j * gap  # entries are right-aligned in a column
            entry.move_to([right - entry.width / 2, -(i + 0.5) * cell_h, 0])
        height = rows * cell_h
        width = 2 * pad + cols * entry_w + (cols - 1) * gap
        self.brackets = VGroup(
            _bracket(height, colour, LEFT).move_to([BRACKET_INSET, -height / 2, 0]),
            _bracket(height, colour, RIGHT).move_to([width - BRACKET_INSET, -height / 2, 0]),
        )
        self.add(self.entries, self.brackets)
        if title is not None:
            equals = typeset.plain_text("=", size, colour)
            title.next_to(self.brackets[0], LEFT, buff=MATRIX_TITLE_GAPS["bracket"])
            equals.next_to(self.brackets[0], LEFT, buff=MATRIX_TITLE_GAPS["equals"])
            title.next_to(equals, LEFT, buff=MATRIX_TITLE_GAPS["title"])
            self.title = VGroup(title, equals)
            self.add(self.title)
        self.name = name

    def row(self, i: int) -> VGroup:
        cols = self.values.shape[1]
        return VGroup(*self.entries[i * cols : (i + 1) * cols])


def _bracket(height: float, colour: str, side) -> VMobject:
    arm = BRACKET_ARM * (1 if side is LEFT else -1)
    bracket = VMobject(color=colour, stroke_width=BRACKET_STROKE)
    bracket.set_points_as_corners(
        [[arm, height / 2, 0], [0, height / 2, 0], [0, -height / 2, 0], [arm, -height / 2, 0]]
    )
    return bracket


class WeightBars(VGroup):
    """One row a token: its word, a bar as long as its weight, and the weight written; the
    rows in one column, or flowing down `columns` columns side by side.

    Parameters
    ----------
    tokens
        The words, one row each.
    weights
        Each word's weight, from 0 to 1 (a weight of 0 still shows a sliver).
    colour
        Of the bars.
    bar_length
        Scene units of a bar for a weight of 1.
    size
        The words' and numbers' font size.
    prefix
        Names the numbers `prefix:i` and the bars `prefix_bar:i`.
    row_step
        Scene units between two rows.
    columns
        How many columns the rows flow down.

    Examples
    --------
    .. manim:: WeightBarsExample
        :save_last_frame:

        from manim import Scene
        from scenes import style, typeset
        from scenes.mobjects import WeightBars

        class WeightBarsExample(Scene):
            def construct(self):
                bars = WeightBars(["An", "apple", "and", "an", "orange"], [0.1, 0.3, 0.1, 0.1, 0.4], style.FOCUS)
                self.add(bars.move_to((0, 0, 0)))
    """

    def __init__(
        self,
        tokens: Sequence[str],
        weights: Sequence[float],
        colour: str,
        bar_length: float = BAR_LENGTH,
        size: float = style.LABEL_SIZE,
        prefix: str = "weight",
        row_step: float = BAR_ROW_STEP,
        columns: int = 1,
    ):
        super().__init__()
        self.rows = VGroup()
        label_width = max(typeset.plain_text(t, size).width for t in tokens)
        per_column = math.ceil(len(tokens) / columns)
        column_step = (
            label_width + BAR_GAPS["label"] + bar_length + typeset.number_text(1.0, 2, size).width + BAR_GAPS["column"]
        )
        for index, (token, weight) in enumerate(zip(tokens, weights)):
            word = typeset.plain_text(token, size)
            bar = Rectangle(
                width=max(bar_length * weight, BAR_LEAST_LENGTH),
                height=BAR_HEIGHT,
                stroke_width=0,
                fill_color=colour,
                fill_opacity=style.BAR_OPACITY,
            )
            number = typeset.number_text(weight, 2, size)
            number.name = f"{prefix}:{index}"
            bar.name = f"{prefix}_bar:{index}"
            word.move_to([label_width - word.width / 2, 0, 0])
            bar.move_to([label_width + BAR_GAPS["bar"] + bar.width / 2, 0, 0])
            number.next_to([label_width + BAR_GAPS["bar"] + bar_length, 0, 0], RIGHT, buff=BAR_GAPS["number"])
            column, line = divmod(index, per_column)
            row = VGroup(word, bar, number).shift(line * row_step * DOWN + column * column_step * RIGHT)
            self.rows.add(row)
        self.add(self.rows)


class SentenceLine(VGroup):
    """A sentence as written, wrapped at `max_width`; its tokens are named `token:i`.

    Tokens without an embedding, and the punctuation between tokens, are faded; the focus
    word is drawn in the focus colour. A token's glyphs are found by character index, or, in a
    sentence that needs shaping (Arabic, Hebrew, Devanagari...), by where Pango drew them; a
    right-to-left sentence reads, and wraps, from the right.

    Parameters
    ----------
    text
        The sentence as written.
    tokens
        Its tokens as written, in order (attention_core.tokens): split from the text, or listed
        by the example file for a sentence without spaces. Lines break between them.
    takes_part
        Per token: whether it has an embedding (drawn lit) or not (faded).
    focus
        The focus word, lower case: drawn in the focus colour.
    max_width, size
        The widest a line may be, and the text size.

    Examples
    --------
    ``SentenceLine("我买了苹果", ["我", "买了", "苹果"], [False, False, True], "苹果", 6)`` lights 苹果.
    """

    def __init__(
        self,
        text: str,
        tokens: Sequence[str],
        takes_part: Sequence[bool],
        focus: str,
        max_width: float,
        size: float = style.BODY_SIZE,
    ):
        super().__init__()
        self.tokens = VGroup()
        spans = token_spans(text, tokens)  # where each token is written
        reads = reading_direction(text)
        ranges = typeset.sentence_line_ranges(text, spans, max_width, size)  # a token stays on one line
        for number, (line_start, line_end) in enumerate(ranges):
            line_text = text[line_start:line_end]
            line = typeset.plain_text(line_text, size, reads=reads)
            line.set_opacity(style.ABSENT_WORD_OPACITY)  # punctuation; tokens set below
            reads_from = LEFT if reads == "rtl" else RIGHT  # lines flush with where they start
            line.next_to([0, -number * 1.7 * line.height, 0], reads_from, buff=0)
            for index, (start, end) in enumerate(spans):
                if not line_start <= start < line_end:
                    continue
                glyphs = VGroup(
                    *typeset.glyphs_of_span(line, line_text, start - line_start, end - line_start, size, reads)
                )
                part = takes_part[index]
                glyphs.set_opacity(1.0 if part else style.ABSENT_WORD_OPACITY)
                if part and token_key(text[start:end]) == focus:
                    glyphs.set_color(style.FOCUS)
                glyphs.name = f"token:{index}"
                self.tokens.add(glyphs)
            self.add(line)
        self.text = text
        self.written_tokens = tuple(tokens)


def weighted_arrow(start: np.ndarray, end: np.ndarray, weight: float, colour: str) -> Arrow:
    """An arrow whose thickness and opacity grow with `weight` in [0, 1]."""
    width, opacity = style.weight_stroke(weight)
    arrow = Arrow(
        start,
        end,
        buff=0.12,
        color=colour,
        stroke_width=width,
        max_tip_length_to_length_ratio=0.15,
        max_stroke_width_to_length_ratio=40,
    )
    arrow.set_opacity(opacity)
    arrow.weight = weight
    return arrow


def weighted_arrows(
    plane: WordPlane, starts: np.ndarray, end, weights: Sequence[float], colour: str, name: str
) -> VGroup:
    """A weighted arrow from each point of `starts` (plane coordinates) to `end`, named
    f"{name}{i}"; a start at the end itself has no arrow (its weight shows elsewhere)."""
    arrows = VGroup()
    for index, (start, weight) in enumerate(zip(starts, weights)):
        if not np.allclose(start, end):
            arrow = weighted_arrow(plane.point(start), plane.point(end), float(weight), colour)
            arrow.name = f"{name}{index}"
            arrows.add(arrow)
    return arrows


def highlight_box(mobject: VMobject) -> SurroundingRectangle:
    return SurroundingRectangle(mobject, color=style.HIGHLIGHT, buff=0.08, stroke_width=2.5)
