"""ScoreTable: a small table of numbers, one row a token, columns grouped under headings."""

from __future__ import annotations

from collections.abc import Sequence

from manim import DOWN, LEFT, RIGHT, UP, Dot, Line, Square, VGroup

from scenes import style, typeset

GROUP_GAP = 0.15  # between two group titles side by side


class ScoreTable(VGroup):
    """columns: (header, values, colour, name); cell (i, c) is named f"{name}:{i}".
    A value is a number (written with 2 places) or a string (written as it is)."""

    def __init__(
        self,
        tokens: Sequence[str],
        columns,
        groups=(),
        size: float = style.SMALL_SIZE,
        column_width: float = 1.25,
        row_height: float = 0.42,
    ):
        super().__init__()
        words = [typeset.plain_text(t, size) for t in tokens]
        word_width = max(w.width for w in words) + 0.3
        self.rows = VGroup()
        headers = VGroup()
        for c, (header, _, colour, _) in enumerate(columns):
            text = typeset.plain_text(header, size, colour)
            text.move_to([word_width + (c + 0.5) * column_width, 0, 0])
            headers.add(text)
        for i, word in enumerate(words):
            y = -(i + 1) * row_height - 0.1
            word.move_to([word_width - 0.3 - word.width / 2, y, 0])
            row = VGroup(word)
            for c, (_, values, colour, name) in enumerate(columns):
                value = values[i]
                cell = (
                    typeset.plain_text(value, size, colour)
                    if isinstance(value, str)
                    else typeset.number_text(float(value), 2, size, colour)
                )
                cell.move_to([word_width + (c + 0.5) * column_width, y, 0])
                cell.name = f"{name}:{i}"
                row.add(cell)
            self.rows.add(row)
        rule = Line(
            [0, -0.5 * row_height, 0],
            [word_width + len(columns) * column_width, -0.5 * row_height, 0],
            color=style.MUTED,
            stroke_width=1,
        )
        group_titles = VGroup()
        titles = []
        for title, first, last in groups:
            text = typeset.plain_text(title, size, style.MUTED)
            text.move_to([word_width + (first + last) / 2 * column_width, row_height, 0])
            titles.append(text)
        for index, (title, first, last) in enumerate(groups):
            text = titles[index]
            crowded = any(
                index + step in range(len(titles))
                and min(text.get_right()[0], titles[index + step].get_right()[0])
                - max(text.get_left()[0], titles[index + step].get_left()[0])
                > -GROUP_GAP
                for step in (-1, 1)
            )
            if crowded:  # longer titles (another language's) that would meet: on two lines, ending where one would
                bottom = text.get_bottom()[1]
                room = (last - first) * column_width - GROUP_GAP
                titles[index] = typeset.wrapped_text(title, room, size, style.MUTED).move_to(text.get_center())
                titles[index].align_to([0, bottom, 0], DOWN)
        group_titles.add(*titles)
        self.add(group_titles, headers, rule, self.rows)

    def row(self, i: int) -> VGroup:
        return self.rows[i]

    def columns(self, first: int, last: int) -> VGroup:
        """The cells of columns `first` up to (not including) `last`, every row's."""
        return VGroup(*(cell for row in self.rows for cell in row[1 + first : 1 + last]))


class WeightGrid(VGroup):
    """An attention weight matrix: one row a query token, one column a key token.

    Each cell is shaded by its weight (or by `shades`, values from 0 to 1, for scores) and has
    its number written inside (unless `written` is False: shading alone); cell (i, j) is named
    f"{name}:{i},{j}". Masked cells (where `mask` is False) are drawn dark, their 0 muted.
    """

    def __init__(
        self,
        rows: Sequence[str],
        columns: Sequence[str],
        weights,
        colour: str,
        name: str,
        mask=None,
        cell: float = 0.72,
        size: float = style.SMALL_SIZE,
        row_sums=None,
        shades=None,
        written: bool = True,
    ):
        super().__init__()
        shades = weights if shades is None else shades  # how strongly each cell is filled, 0 to 1
        self.cells = VGroup()
        for i, _ in enumerate(rows):
            for j, _ in enumerate(columns):
                allowed = True if mask is None else bool(mask[i][j])
                weight = float(weights[i][j])
                square = Square(
                    side_length=cell,
                    stroke_color=style.MUTED,
                    stroke_width=1,
                    fill_color=colour if allowed else style.BACKGROUND,
                    fill_opacity=0.08 + 0.62 * float(shades[i][j]) if allowed else 1.0,
                )
                square.move_to([j * cell, -i * cell, 0])
                if written:
                    text = typeset.number_text(weight, 2, size, style.FOREGROUND if allowed else style.MUTED)
                else:  # shaded only: an unseen mark keeps the cell's two parts
                    text = Dot(radius=0.001).set_opacity(0)
                text.move_to(square)
                text.name = f"{name}:{i},{j}"
                square.name = f"{name}_cell:{i},{j}"
                self.cells.add(VGroup(square, text))
        self.row_labels = VGroup(
            *(
                typeset.plain_text(r, size).next_to([-cell / 2, -i * cell, 0], LEFT, buff=0.12)
                for i, r in enumerate(rows)
            )
        )
        self.column_labels = VGroup()
        for j, column in enumerate(columns):
            label = typeset.plain_text(column, size)
            label.rotate(0.6).next_to([j * cell, cell / 2, 0], UP, buff=0.08)
            self.column_labels.add(label)
        self.add(self.cells, self.row_labels, self.column_labels)
        if row_sums is not None:
            self.sums = VGroup()
            for i, total in enumerate(row_sums):
                text = typeset.plain_text(f"= {style.format_number(total)}", size, style.MUTED)
                text.next_to([(len(columns) - 0.5) * cell, -i * cell, 0], RIGHT, buff=0.15)
                text.name = f"{name}_sum:{i}"
                self.sums.add(text)
            self.add(self.sums)
        self.name = name
