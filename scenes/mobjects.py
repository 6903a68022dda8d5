"""Small mobjects with one job each, shared by the scenes: matrices, weight bars, a sentence's
line, weighted arrows. They draw numbers, never compute them. The word plane and its labels
are in scenes/plane.py (their old names here lead there for one release).

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
    Arrow,
    Rectangle,
    SurroundingRectangle,
    VGroup,
    VMobject,
)

from attention_core.text import SYMBOLS, reading_direction
from attention_core.tokens import token_key, token_spans
from scenes import style, typeset
from scenes.plane import GridLines, LeaderLine, WordDot, WordPlane, apply_row_map, place_labels  # noqa: F401 (old path)


def symbol(role: str, colour: str, size: float = style.BODY_SIZE) -> VMobject:
    """A learned map's symbol: W with a subscript (the query map's "W_Q")."""
    text = typeset.typeset(SYMBOLS[role], size, colour)
    text.name = f"symbol:{role}"
    return text


# Sizes in scene units, named once (the frame is 8 units high)
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
    plane: WordPlane, starts: np.ndarray, end, weights: Sequence[float], colour: str, name: str, toward: bool = False
) -> VGroup:
    """A weighted arrow from each point of `starts` (plane coordinates) to `end`, named
    f"{name}{i}"; a start at the end itself has no arrow (its weight shows elsewhere). With
    `toward`, each arrow points the other way, from `end` toward its point: a pull on `end`."""
    arrows = VGroup()
    for index, (start, weight) in enumerate(zip(starts, weights)):
        if not np.allclose(start, end):
            tail, head = (plane.point(end), plane.point(start)) if toward else (plane.point(start), plane.point(end))
            arrow = weighted_arrow(tail, head, float(weight), colour)
            arrow.name = f"{name}{index}"
            arrows.add(arrow)
    return arrows


def highlight_box(mobject: VMobject) -> SurroundingRectangle:
    return SurroundingRectangle(mobject, color=style.HIGHLIGHT, buff=0.08, stroke_width=2.5)
