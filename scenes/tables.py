"""ScoreTable: a small table of numbers, one row a token, columns grouped under headings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Line, VGroup

from scenes import style


class ScoreTable(VGroup):
    """columns: (header, values, colour, name); cell (i, c) is named f"{name}:{i}"."""

    def __init__(self, tokens: Sequence[str], columns, groups=(), size: float = style.SMALL_SIZE,
                 column_width: float = 1.25, row_height: float = 0.42):
        super().__init__()
        words = [style.plain_text(t, size) for t in tokens]
        word_width = max(w.width for w in words) + 0.3
        self.rows = VGroup()
        headers = VGroup()
        for c, (header, _, colour, _) in enumerate(columns):
            text = style.plain_text(header, size, colour)
            text.move_to([word_width + (c + 0.5) * column_width, 0, 0])
            headers.add(text)
        for i, word in enumerate(words):
            y = -(i + 1) * row_height - 0.1
            word.move_to([word_width - 0.3 - word.width / 2, y, 0])
            row = VGroup(word)
            for c, (_, values, colour, name) in enumerate(columns):
                cell = style.number_text(float(np.asarray(values)[i]), 2, size, colour)
                cell.move_to([word_width + (c + 0.5) * column_width, y, 0])
                cell.name = f"{name}:{i}"
                row.add(cell)
            self.rows.add(row)
        rule = Line([0, -0.5 * row_height, 0], [word_width + len(columns) * column_width, -0.5 * row_height, 0],
                    color=style.MUTED, stroke_width=1)
        group_titles = VGroup()
        for title, first, last in groups:
            text = style.plain_text(title, size, style.MUTED)
            text.move_to([word_width + (first + last) / 2 * column_width, row_height, 0])
            group_titles.add(text)
        self.add(group_titles, headers, rule, self.rows)

    def row(self, i: int) -> VGroup:
        return self.rows[i]
