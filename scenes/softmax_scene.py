"""SoftmaxScene: why a weighted average, and not just the best word.

Storyboard (the example's first sentence, its focus word):
  1. the words, their scores, and softmax weights as bars that always sum to 1
  2. one score slides: the best word (argmax) jumps, the weighted average glides
  3. temperature from near 0 (argmax) to large (uniform)
  4. why not divide by the sum: a sum can be zero, a weight could be negative
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Create,
    Dot,
    LaggedStart,
    Square,
    ValueTracker,
    VGroup,
    VMobject,
)

from attention_core.language import t
from attention_core.lessons import SoftmaxLesson
from scenes import style, typeset
from scenes.base import LessonScene, updating
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP, stack
from scenes.mobjects import WeightBars
from scenes.plane import WordDot, WordPlane, place_labels
from scenes.tables import ScoreTable

BAR_LENGTH = 2.4
SCORE_ROOM = 1.35  # left of the bars: the scores, at most "−10.00"
TITLE_ROOM = 0.45  # above the bars: their heading
VERTICAL_PLANE_SHARE = 0.4  # in a vertical frame, the plane's share of the content's height


class SoftmaxScene(LessonScene):
    lesson: SoftmaxLesson

    def construct(self):
        lesson = self.lesson
        self.title()
        if self.stage.vertical:  # few words in the plane, a row of bars each under it: the bars take more
            self.stage = self.stage.sharing(VERTICAL_PLANE_SHARE)
        self.ask()

        # 1. words, scores and weights; the plane with the two answers
        key = stack(
            stack(
                Square(side_length=0.22, color=style.FOREGROUND, stroke_width=3),
                typeset.plain_text(t("softmax.legend.argmax", "best word only (argmax)"), style.SMALL_SIZE),
                direction=RIGHT,
                align=ORIGIN,
            ),
            stack(
                Dot(radius=style.DOT_RADIUS * 1.4, color=style.CONTEXT),
                typeset.plain_text(
                    t("softmax.legend.softmax", "weighted average (softmax)"), style.SMALL_SIZE, style.CONTEXT
                ),
                direction=RIGHT,
                align=ORIGIN,
            ),
            gap="tight",
        )
        self.stage.panel.put(key, DOWN + LEFT)  # under the bars, which start at the panel's top
        self.key_room = key.height + GAP["medium"]
        self.plane = WordPlane.filling(np.vstack([lesson.embeddings]), self.stage.main, margin=0.7)
        self.plane.name = "plane"
        words = [
            WordDot(t, self.plane.point(e), style.WORD, size=style.SMALL_SIZE)
            for t, e in zip(lesson.tokens, lesson.embeddings)
        ]
        place_labels(words, self.stage.label_bounds, keep_clear=list(self.plane.axes))
        self.index = ValueTracker(lesson.sweep_start)
        self.bars = self.weights_at(self.sample())
        best = Square(side_length=0.34, color=style.FOREGROUND, stroke_width=3)
        best.name = "argmax_marker"
        average = Dot(radius=style.DOT_RADIUS * 1.4, color=style.CONTEXT)
        average.name = "softmax_output"
        follow_sweep = [  # (mobject, updater): only while a score slides (a held picture runs no updater)
            (self.bars, self.shown(self.sample, self.weights_at)),
            (best, lambda square: square.move_to(self.plane.point(lesson.sweep_argmax_output[self.sample()]))),
            (average, lambda dot: dot.move_to(self.plane.point(lesson.sweep_softmax_output[self.sample()]))),
        ]
        best.move_to(self.plane.point(lesson.sweep_argmax_output[self.sample()]))  # at their places
        average.move_to(self.plane.point(lesson.sweep_softmax_output[self.sample()]))
        self.play(
            Create(self.plane), *(FadeIn(w) for w in words), FadeIn(self.bars), FadeIn(key), run_time=style.MEDIUM
        )
        self.say("softmax.scores", LaggedStart(FadeIn(best), FadeIn(average), lag_ratio=0.5))

        # 2. a guess; then one score slides: argmax jumps, softmax glides
        self.guess(best, average)  # the two answers, lit in turn
        slid = self.slid_note()
        self.say("softmax.slide", FadeIn(slid))
        last = len(lesson.sweep_scores) - 1
        with updating(follow_sweep):
            self.play(self.index.animate.set_value(0), run_time=style.LONG)
            self.play(self.index.animate.set_value(last), run_time=2 * style.LONG)
        self.wait(style.PAUSE)

        # 3. temperature: from argmax to uniform
        self.end_beat()
        self.play(FadeOut(best), FadeOut(average), FadeOut(key), FadeOut(slid), run_time=style.SHORT)
        self.temperature = ValueTracker(0)
        self.say("softmax.temperature")
        with updating([(self.bars, self.shown(self.temperature_index, self.tempered_at))]):
            self.play(self.temperature.animate.set_value(len(lesson.temperatures) - 1), run_time=2 * style.LONG)
        self.wait(style.PAUSE)

        # 4. why not divide by the sum?
        self.end_beat()
        self.play(FadeOut(self.bars), FadeOut(self.plane), *(FadeOut(w) for w in words), run_time=style.SHORT)
        table = ScoreTable(
            [t("softmax.case.zero-sum", "sum is 0"), t("softmax.case.negative", "a score < 0")],
            [
                ("1", [lesson.zero_sum_scores[0], lesson.negative_scores[0]], style.FOREGROUND, "naive_score_0"),
                ("2", [lesson.zero_sum_scores[1], lesson.negative_scores[1]], style.FOREGROUND, "naive_score_1"),
                ("1", ["\u00f7 0 ?", lesson.negative_by_sum[0]], style.KEY, "by_sum_0"),
                ("2", ["\u00f7 0 ?", lesson.negative_by_sum[1]], style.KEY, "by_sum_1"),
                ("1", [lesson.zero_sum_softmax[0], lesson.negative_softmax[0]], style.CONTEXT, "softmax_0"),
                ("2", [lesson.zero_sum_softmax[1], lesson.negative_softmax[1]], style.CONTEXT, "softmax_1"),
            ],
            groups=[
                (t("softmax.group.scores", "scores"), 0, 2),
                (t("softmax.group.by-sum", "divided by their sum"), 2, 4),
                ("softmax", 4, 6),
            ],
            column_width=1.45,
            size=style.LABEL_SIZE,
        )
        self.stage.content.shrink_to_fit(table, ORIGIN)
        table.name = "division_table"
        self.say("softmax.by-sum", FadeIn(table))
        self.wait(style.PAUSE)
        self.conclude(table)

    @staticmethod
    def shown(index: Callable[[], int], panel_at: Callable[[int], VGroup]) -> Callable[[VGroup], None]:
        """An updater that makes the bars `panel_at(index())`, only when `index()` has changed:
        a frame on which the sample stays the same builds nothing."""
        drawn = [None]  # the index the bars show now

        def update(bars: VGroup) -> None:
            if drawn[0] != index():
                drawn[0] = index()
                bars.become(panel_at(drawn[0]))

        return update

    def sample(self) -> int:
        return int(round(self.index.get_value()))

    def temperature_index(self) -> int:
        return int(round(self.temperature.get_value()))

    def weights_at(self, sample: int) -> VGroup:
        """The bars, scores and sum for sweep sample `sample`, read off the lesson."""
        lesson = self.lesson
        return self.bar_panel(
            lesson.sweep_rows[sample],
            lesson.sweep_weights[sample],
            lesson.sweep_weight_sums[sample],
            t("softmax.bars-heading", "scores"),
        )

    def slid_note(self) -> VMobject:
        """Under the bars, while a score slides: what the slid number is (past 1 it is no cosine)."""
        lesson = self.lesson
        if lesson.sweep_past_cosine:
            text = t("softmax.heading.free", "one score slid freely: a cosine stops at 1")
        else:
            text = t("softmax.heading.slid", "one score slid by hand")
        note = typeset.wrapped_text(text, self.stage.panel.width, style.SMALL_SIZE, style.KEY)
        note.next_to(self.bars, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        note.name = "slid_note"
        return note

    def tempered_at(self, index: int) -> VGroup:
        lesson = self.lesson
        label = f"T = {style.format_number(lesson.temperatures[index])}"
        return self.bar_panel(
            lesson.scores, lesson.temperature_weights[index], lesson.temperature_weight_sums[index], label
        )

    def bar_panel(self, scores, weights, total_weight: float, heading: str) -> VGroup:
        """The heading, each word's score and weight bar, and the weights' sum. Placed by the
        stage alone, never by the numbers' widths, so nothing jitters while they change."""
        corner = self.stage.panel.point(UP + LEFT)
        title = typeset.plain_text(heading, style.SMALL_SIZE, style.KEY)
        title.move_to(corner, aligned_edge=UP + LEFT)
        title.name = "bar_heading"
        bars = WeightBars(
            self.lesson.tokens,
            weights,
            style.WEIGHT,
            bar_length=BAR_LENGTH,
            size=style.LABEL_SIZE,
            row_step=self.bar_row_step,
        )
        bars.move_to(corner + SCORE_ROOM * RIGHT + TITLE_ROOM * DOWN, aligned_edge=UP + LEFT)
        score_column = VGroup()
        for index, (row, score) in enumerate(zip(bars.rows, scores)):
            number = typeset.number_text(score, 2, style.LABEL_SIZE, style.KEY)
            number.name = f"score:{index}"
            number.next_to(row, LEFT, buff=GAP["medium"])
            score_column.add(number)
        total = typeset.plain_text(
            t("softmax.sum", "sum of weights = {total}", total=style.format_number(total_weight)),
            style.SMALL_SIZE,
            style.MUTED,
        )
        total.name = "weight_sum"
        total.next_to(bars, DOWN, buff=GAP["medium"], aligned_edge=RIGHT)
        return VGroup(title, score_column, bars, total)

    @property
    def bar_row_step(self) -> float:
        """Rows as far apart as the panel allows, at most the usual step."""
        room = self.stage.panel.height - TITLE_ROOM - 2 * GAP["medium"] - 0.3 - self.key_room
        return min(0.45, room / max(len(self.lesson.tokens), 1))
