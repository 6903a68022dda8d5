"""MaskScene: self-attention, masked self-attention and cross-attention as weight grids.

Storyboard:
  0. the question: how does a decoder keep from reading ahead?
  1. self-attention: Q, K and V all come from one sentence; every word sees every word
  2. a guess; masked self-attention (a decoder's): the scores (before softmax) appear, the
     future's become minus infinity, then softmax makes them 0; each row still sums to 1
  3. cross-attention: queries from the decoder's sentence, keys and values from the encoder's
  4. the takeaway
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    UP,
    AnimationGroup,
    Indicate,
    LaggedStart,
    ReplacementTransform,
    Succession,
    VGroup,
)

from attention_core.language import t
from attention_core.lessons import MaskLesson
from attention_core.text import SYMBOLS, quoted
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP
from scenes.tables import WeightGrid
from scenes.writing import has_many

GRID_SHARE = 0.62  # a grid's cells take at most this share of its side's width or height
GRID_SMALL_SIZE = style.SMALL_SIZE  # the grids' print for more than four words: the smallest that reads at 1080p
LARGEST_CELL = 1.1


def cell_side(count: int, room: float, size: float) -> float:
    """A grid cell's side: `count` cells share `room`, but a cell is never narrower than the
    weight written in it ("0.00" at `size`), nor wider than LARGEST_CELL."""
    narrowest = typeset.number_text(0.0, 2, size).width + 0.12
    return min(LARGEST_CELL, max(room / max(count, 1), narrowest))


class MaskScene(LessonScene):
    lesson: MaskLesson

    def construct(self):
        lesson = self.lesson
        self.title()
        n = len(lesson.tokens)
        # side by side in landscape; one after the other, each the whole stage, in a vertical frame
        one_at_a_time = self.stage.vertical or has_many(lesson.tokens)  # a big grid takes the whole stage
        self_side, masked_side = (self.stage.content,) * 2 if one_at_a_time else self.stage.side_by_side()
        size = GRID_SMALL_SIZE if has_many(lesson.tokens) else style.SMALL_SIZE
        cell = cell_side(n, GRID_SHARE * min(self_side.width, self_side.height), size)

        # 1. self-attention
        plain = WeightGrid(lesson.tokens, lesson.tokens, lesson.self_weights, style.QUERY, "self", cell=cell, size=size)
        plain_title = self.grid_title(
            t("mask.title.self", "self-attention"),
            t(
                "mask.subtitle.self",
                "Q, K and V from the same sentence, by the example's {query}, {key}, {value}; scaled dot, softmax",
                query=SYMBOLS["query"],
                key=SYMBOLS["key"],
                value=SYMBOLS["value"],
            ),
            self_side.width,
        )
        left = VGroup(plain_title, plain).arrange(DOWN, buff=GAP["large"])
        self_side.shrink_to_fit(left, UP)
        self.ask(
            FadeIn(plain_title),
            LaggedStart(*(FadeIn(cell) for cell in plain.cells), lag_ratio=0.05),
            FadeIn(plain.row_labels),
            FadeIn(plain.column_labels),
        )  # the grid in which every word sees every other: what the question is about
        first_row = VGroup(plain.row_labels[0], *plain.cells[:n])
        first_column = VGroup(plain.column_labels[0], *(plain.cells[i * n] for i in range(1, n)))  # not (0, 0) again
        self.say(
            "mask.self",
            Succession(
                Indicate(first_row, scale_factor=1.0, color=style.FOCUS),
                Indicate(first_column, scale_factor=1.0, color=style.FOCUS),
            ),
        )  # a row: a word asking; a column: a word looked at
        self.add(left)
        self.wait(style.PAUSE)

        # 2. a guess; then the scores of the future set to minus infinity, and softmax makes them 0
        masked = WeightGrid(
            lesson.tokens,
            lesson.tokens,
            lesson.masked_weights,
            style.QUERY,
            "masked",
            mask=lesson.mask,
            cell=cell,
            size=size,
            row_sums=lesson.masked_row_sums,
        )
        masked_title = self.grid_title(
            t("mask.title.masked", "masked self-attention (decoder)"),
            t("mask.subtitle.masked", "a word may not look ahead"),
            masked_side.width,
        )
        scores = lesson.self_scores
        spread = float(np.ptp(scores)) or 1.0
        stage_name = typeset.plain_text(t("mask.before-softmax", "scores, before softmax"), size, style.MUTED)
        stage_name.name = "grid_stage"
        # what the grid holds, beside what a word may not do (under it, where the line is too narrow):
        # a third line would make the grid smaller
        subtitle = masked_title[1]
        stage_name.next_to(subtitle, RIGHT, buff=GAP["medium"])
        pair = VGroup(subtitle, stage_name)
        if pair.width > masked_side.width:
            stage_name.next_to(subtitle, DOWN, buff=GAP["tight"])
        pair.set_x(masked_title[0].get_x())
        masked_title.add(stage_name)
        unmasked = WeightGrid(
            lesson.tokens,
            lesson.tokens,
            scores,
            style.QUERY,
            "scores",
            cell=cell,
            size=size,
            shades=(scores - scores.min()) / spread,
            written=False,
        )  # the scores before softmax, shaded (a score such as −3.25 is wider than its cell), where the
        # masked grid will be: the mask acts on these
        drawn_cell = masked.cells[0].width
        right = VGroup(masked_title, masked).arrange(DOWN, buff=GAP["large"])
        masked_side.shrink_to_fit(right, UP)
        unmasked.scale(masked.cells[0].width / drawn_cell)
        unmasked.shift(masked.cells[0].get_center() - unmasked.cells[0].get_center())
        self.guess(*(plain.cells[i * n + j] for i in range(n) for j in range(n) if not lesson.mask[i][j]))
        if one_at_a_time:
            self.play(FadeOut(left), run_time=style.SHORT)
        after_name = typeset.plain_text(t("mask.after-softmax", "weights, after softmax"), size, style.MUTED)
        after_name.move_to(stage_name)
        masked_title.remove(stage_name)  # placed with the title; shown and swapped on its own
        self.play(FadeIn(masked_title), FadeIn(stage_name), FadeIn(unmasked), run_time=style.MEDIUM)
        future = [k for k, (i, j) in enumerate(np.ndindex(n, n)) if not lesson.mask[i][j]]
        minus_infinity = [self.minus_infinity(unmasked.cells[k], size) for k in future]
        # the future's cells turn to minus infinity one row after another while the line is said
        self.say(
            "mask.scores",
            *(
                [
                    LaggedStart(
                        *(ReplacementTransform(unmasked.cells[k], shown) for k, shown in zip(future, minus_infinity)),
                        lag_ratio=0.1,
                    )
                ]
                if future
                else []
            ),
        )  # one word alone has no future to hide
        before = list(unmasked.cells)  # the grid as it now stands: minus infinity in the future's cells
        for k, shown in zip(future, minus_infinity):
            before[k] = shown
        rows = [
            AnimationGroup(
                FadeOut(VGroup(*before[i * n : (i + 1) * n])),
                FadeIn(VGroup(*masked.cells[i * n : (i + 1) * n], masked.sums[i])),
            )
            for i in range(n)
        ]  # softmax, row by row: each row's weights, and their sum, 1
        self.remove(unmasked.row_labels, unmasked.column_labels)
        self.add(masked.row_labels, masked.column_labels)  # the same words, in the same places
        swap = AnimationGroup(  # the grid holds weights now, and says so, in the line's first moments
            FadeOut(stage_name), FadeIn(after_name), rate_func=lambda progress: min(1.0, 6.0 * progress)
        )
        self.say("mask.causal", LaggedStart(*rows, lag_ratio=0.5), swap)
        self.add(masked)
        self.wait(style.PAUSE)

        # 3. cross-attention
        self.end_beat()
        self.play(
            *([] if one_at_a_time else [FadeOut(left)]), FadeOut(right), FadeOut(after_name), run_time=style.SHORT
        )
        content = self.stage.content
        cross_cell = cell_side(
            max(len(lesson.encoder_tokens), len(lesson.decoder_tokens)),
            GRID_SHARE * min(content.width, content.height),
            style.SMALL_SIZE,
        )
        cross = WeightGrid(
            lesson.decoder_tokens, lesson.encoder_tokens, lesson.cross_weights, style.KEY, "cross", cell=cross_cell
        )
        cross_title = self.grid_title(
            t("mask.title.cross", "cross-attention"),
            t("mask.subtitle.cross", "rows: Q from the decoder  \u00b7  columns: K and V from the encoder"),
            content.width,
        )
        sources = VGroup(
            typeset.wrapped_text(
                t("mask.decoder", "decoder: {sentence}", sentence=quoted(lesson.decoder_sentence)),
                content.width,
                style.SMALL_SIZE,
                style.QUERY,
            ),
            typeset.wrapped_text(
                t("mask.encoder", "encoder: {sentence}", sentence=quoted(lesson.encoder_sentence)),
                content.width,
                style.SMALL_SIZE,
                style.KEY,
            ),
        ).arrange(DOWN, buff=GAP["tight"])
        sources.name = "cross_sources"
        middle = VGroup(cross_title, sources, cross).arrange(DOWN, buff=GAP["large"])
        content.shrink_to_fit(middle, UP)
        self.say(
            "mask.cross",
            FadeIn(VGroup(cross_title, sources)),
            LaggedStart(*(FadeIn(cell) for cell in cross.cells), lag_ratio=0.2),
            FadeIn(cross.row_labels),
            FadeIn(cross.column_labels),
        )
        self.add(middle)
        self.wait(style.PAUSE)
        self.conclude(cross)

    @staticmethod
    def minus_infinity(cell: VGroup, size: float) -> VGroup:
        """A masked cell before softmax: dark, its score minus infinity."""
        square = cell[0].copy().set_fill(style.BACKGROUND, opacity=1.0)
        text = typeset.plain_text("\u2212\u221e", size, style.MUTED).move_to(square)
        return VGroup(square, text)

    @staticmethod
    def grid_title(title: str, subtitle: str, width: float) -> VGroup:
        return VGroup(
            typeset.plain_text(title, style.LABEL_SIZE),
            typeset.wrapped_text(subtitle, width, style.SMALL_SIZE, style.MUTED),
        ).arrange(DOWN, buff=GAP["tight"])
