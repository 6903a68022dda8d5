"""MultiHeadScene: several heads, each its own maps and its own pull; W_O weighs them.

Storyboard (the example's first sentence, its focus word):
  1. one small plane per head, side by side: the head's name and maps, its values, the
     arrows of its attention weights, and its output for the focus word
  2. the head outputs, side by side, become one long vector: the concatenation
  3. W_O appears, its rows coloured by the head they read
  4. each head's contribution (its output times its rows of W_O), added tip to tail,
     lands at the final output
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Create,
    GrowArrow,
    Indicate,
    LaggedStart,
    Succession,
    VGroup,
)

from attention_core.language import t
from attention_core.lessons import HeadReading, MultiHeadLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP, Region, stack
from scenes.mobjects import MatrixPanel, symbol, weighted_arrows
from scenes.plane import WordDot, WordPlane, place_labels
from scenes.writing import has_many, written_point

CONCAT_ROOM = 0.55  # below the heads: the row of their outputs
SIDE_TEXT_SHARE = 0.36  # in a vertical frame, a head's name and weights take this share of its row


def head_colour(index: int) -> str:
    return style.HEAD_COLOURS[index % len(style.HEAD_COLOURS)]


class MultiHeadScene(LessonScene):
    lesson: MultiHeadLesson

    def construct(self):
        lesson = self.lesson
        self.title(lesson.sentence)

        # 1. one plane per head, as large as the heads' share of the stage, each with its own pull
        count = len(lesson.heads)
        regions = self.stage.several(
            count,
            Region(
                self.stage.content.left,
                self.stage.content.right,
                self.stage.content.bottom + CONCAT_ROOM,
                self.stage.content.top,
            ),
        )
        panels = VGroup(
            *(self.head_panel(i, head, region) for i, (head, region) in enumerate(zip(lesson.heads, regions)))
        )
        self.ask(LaggedStart(*(FadeIn(panel.frame) for panel in panels), lag_ratio=0.6))  # the heads it asks about
        self.say(
            "multihead.heads",
            LaggedStart(
                *(
                    Indicate(panel.frame, scale_factor=style.indicate_scale(panel.frame), color=head_colour(index))
                    for index, panel in enumerate(panels)
                ),
                lag_ratio=0.6,
            ),
        )  # each head in turn, while its own maps are said
        self.guess(*(panel.frame for panel in panels))
        for panel in panels:  # each head's pull, one after the other
            self.play(*(GrowArrow(a) for a in panel.arrows), FadeIn(panel.output), run_time=style.MEDIUM)
        self.say(
            "multihead.split",
            *(
                Indicate(panel.output, scale_factor=style.indicate_scale(panel.output), color=head_colour(index))
                for index, panel in enumerate(panels)
            ),
            lasting=style.LONG,
        )
        self.wait(style.PAUSE)

        # 2. the head outputs side by side: the concatenation
        concat = self.stage.content.shrink_to_fit(self.concat_row(), DOWN)
        self.say(
            "multihead.concat",
            Succession(  # they appear, then take the heads' place
                FadeIn(concat),
                AnimationGroup(FadeOut(panels), concat.animate.move_to(self.stage.content.point(UP), aligned_edge=UP)),
            ),
        )

        # 3. W_O, rows coloured by the head they read
        row_colours = [head_colour(head) for head in self.row_owners()]
        w_o = MatrixPanel(
            "W_O",
            lesson.output_map,
            style.OUTPUT,
            symbol("output", style.OUTPUT),
            size=style.SMALL_SIZE,
            row_colours=row_colours,
        )
        self.below_concat = self.stage.content.below(concat, "large")
        self.below_concat.put(w_o, UP + LEFT)
        self.keep_above_caption(w_o)
        self.say(
            "multihead.output-map",
            FadeIn(w_o.brackets),
            FadeIn(w_o[2:]),
            LaggedStart(*(FadeIn(entry) for entry in w_o.entries), lag_ratio=0.15),
        )
        self.add(w_o)

        # 4. contributions, tip to tail, to the final output
        self.say("multihead.sum")
        self.add_up(w_o)
        self.wait(style.PAUSE)
        self.conclude(w_o)

    def head_panel(self, index: int, head: HeadReading, region: Region) -> VGroup:
        """The head's name, a plane of its values filling `region`, its weighted arrows, its
        output and its weights."""
        lesson, colour = self.lesson, head_colour(index)
        title = typeset.plain_text(
            t("multihead.head-title", "head {number}: {name}", number=index + 1, name=head.name),
            style.LABEL_SIZE,
            colour,
        )
        written = "  ".join(f"{token}\u00a0{style.format_number(w)}" for token, w in zip(lesson.tokens, head.weights))
        if self.stage.vertical:  # a wide, low region: the name and weights on the left, the plane beside them
            share = SIDE_TEXT_SHARE * (1.4 if has_many(lesson.tokens) else 1.0)  # many weights: two a line
            words, plane_region = region.split(False, share, "medium")
            weights = typeset.left_aligned_text(written, words.width, style.SMALL_SIZE, style.MUTED)
            words.put(stack(title, weights, gap="small"), UP + LEFT)
        else:  # a tall region: the name above the plane, the weights under it
            region.put(title, UP + LEFT)
            weights = typeset.wrapped_text(written, region.width, style.SMALL_SIZE, style.MUTED)
            region.put(weights, DOWN)
            plane_region = Region(
                region.left, region.right, weights.get_top()[1] + GAP["small"], title.get_bottom()[1] - GAP["small"]
            )
        weights.name = f"head_weights:{index}"
        plane = WordPlane.filling(np.vstack([head.values, head.output[None]]), plane_region, margin=0.6)
        plane.name = f"head_plane:{index}"
        values = [
            WordDot(f"v {t}", plane.point(v), style.VALUE, radius=0.06, size=style.SMALL_SIZE)
            for t, v in zip(lesson.tokens, head.values)
        ]
        output = WordDot(
            t("multihead.output-label", "output"), plane.point(head.output), colour, radius=0.09, size=style.SMALL_SIZE
        )
        output.dot.name = f"head_output:{index}"
        for j, value in enumerate(values):  # many words: named only those the head weighs most
            if j not in head.weighed_most:
                value.remove(value.label)
        labelled = [v for v in values if v.label in v.submobjects]
        place_labels(
            labelled + [output],
            (plane_region.left - GAP["small"], region.right, region.bottom, region.top),
            keep_clear=[v.dot for v in values] + [title, weights],
        )
        arrows = weighted_arrows(plane, head.values, head.output, head.weights, colour, f"head_arrow:{index}:")
        panel = VGroup(title, plane, *values, weights, arrows, output)
        panel.frame, panel.arrows, panel.output = VGroup(title, plane, *values, weights), arrows, output
        return panel

    def row_owners(self) -> list[int]:
        """For each row of W_O (each entry of the concatenation), the head whose output it reads."""
        owners = [0] * len(self.lesson.output_map)
        for index, head in enumerate(self.lesson.heads):
            for row in head.output_rows:
                owners[row] = index
        return owners

    def concat_row(self) -> VGroup:
        """[o1x o1y | o2x o2y | ...], each head's pair in its colour."""
        lesson = self.lesson
        owner = self.row_owners()  # entry k of the concatenation is read by row k of W_O
        parts = VGroup(typeset.plain_text("concat = [", style.LABEL_SIZE))
        for k, value in enumerate(lesson.concat):
            if k > 0 and owner[k] != owner[k - 1]:
                parts.add(typeset.plain_text("|", style.LABEL_SIZE, style.MUTED))
            number = typeset.number_text(value, 2, style.LABEL_SIZE, head_colour(owner[k]))
            number.name = f"concat:{k}"
            parts.add(number)
        parts.add(typeset.plain_text("]", style.LABEL_SIZE))
        return parts.arrange(RIGHT, buff=GAP["small"])

    def add_up(self, w_o: MatrixPanel):
        """Each head's contribution written out and drawn tip to tail in the output plane."""
        lesson = self.lesson
        tips = lesson.running_sums  # (h + 1, 2): where each contribution arrow starts and ends
        numbers, picture = self.below_concat.split(self.stage.vertical, 0.5)
        plane = WordPlane.filling(np.vstack([tips, lesson.output[None]]), picture, margin=0.5)
        plane.name = "output_plane"
        lines = VGroup()
        for i, head in enumerate(lesson.heads):
            line = typeset.plain_text(
                t("multihead.adds", "head {number} adds {point}", number=i + 1, point=written_point(head.contribution)),
                style.SMALL_SIZE,
                head_colour(i),
            )
            line.name = f"contribution:{i}"
            lines.add(line)
        total = typeset.plain_text(
            t("multihead.output", "output = {point}", point=written_point(lesson.output)),
            style.LABEL_SIZE,
            style.OUTPUT,
        )
        total.name = "output_value"
        lines.add(total)
        lines.arrange(DOWN, aligned_edge=LEFT, buff=GAP["small"]).next_to(
            w_o, RIGHT, buff=GAP["large"], aligned_edge=UP
        )
        if lines.get_right()[0] > numbers.right:  # narrow: the sums go under W_O
            lines.next_to(w_o, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        self.play(Create(plane), run_time=style.SHORT)
        for i, head in enumerate(lesson.heads):
            arrow = Arrow(
                plane.point(tips[i]),
                plane.point(tips[i + 1]),
                buff=0,
                color=head_colour(i),
                stroke_width=5,
                max_tip_length_to_length_ratio=0.2,
            )
            arrow.name = f"contribution_arrow:{i}"
            rows = [w_o.row(row) for row in head.output_rows]
            self.play(
                FadeIn(lines[i]), *(row.animate.scale(1.15) for row in rows), GrowArrow(arrow), run_time=style.MEDIUM
            )
            self.play(*(row.animate.scale(1 / 1.15) for row in rows), run_time=style.SHORT / 2)
        output = WordDot(
            t("multihead.output-label", "output"),
            plane.point(lesson.output),
            style.OUTPUT,
            radius=0.1,
            size=style.LABEL_SIZE,
        )
        output.dot.name = "output"
        place_labels([output], self.stage.label_bounds)
        self.play(FadeIn(output), FadeIn(lines[-1]), run_time=style.SHORT)
