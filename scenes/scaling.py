"""ScalingScene: why the scores are divided by sqrt(d_k).

Storyboard (seeded samples, the same for every example):
  1. one row per width d = 2, 16, 64, 512: sample dot products q . k on one shared axis;
     their spread grows like sqrt(d)
  2. beside each, softmax of six such scores, largest first, the mean of many draws: for
     large d the top weight takes nearly all
  3. divide by sqrt(d): every row's spread is about 1 and the softmax spreads out again
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, Dot, LaggedStart, Line, Rectangle, Transform, VGroup

from attention_core.language import t
from attention_core.lessons import ScalingLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn
from scenes.layout import GAP, Region

LABEL_ROOM = 1.5  # left of each axis: "d = 512"
TITLE_ROOM = 0.5  # above the rows: what they show
TICK_ROOM = 0.45  # under the last axis: its numbers
BAR_WIDTH, BAR_GAP = 0.32, 0.08


class ScalingScene(LessonScene):
    lesson: ScalingLesson

    def construct(self):
        lesson = self.lesson
        self.title()
        # the samples on one shared axis per width (main), the softmax bars beside or below (panel)
        dots_area, bars_area = self.stage.main, self.stage.panel
        titles = VGroup(
            dots_area.put(
                typeset.plain_text(
                    t("scaling.dots-title", "q \u00b7 k for random q, k (seed {seed})", seed=lesson.seed),
                    style.SMALL_SIZE,
                    style.MUTED,
                ),
                UP + LEFT,
            ),
            bars_area.put(
                typeset.wrapped_text(
                    t(
                        "scaling.bars-title",
                        "softmax of {count} scores, largest first: the mean of {draws} draws",
                        count=lesson.scores_per_row,
                        draws=lesson.draws,
                    ),
                    bars_area.width,
                    style.SMALL_SIZE,
                    style.MUTED,
                ),
                UP + LEFT,
            ),
        )
        titles[1].name = "scores_per_row"
        count = len(lesson.rows)
        self.axis_rows = Region(
            dots_area.left + LABEL_ROOM, dots_area.right, dots_area.bottom + TICK_ROOM, dots_area.top - TITLE_ROOM
        ).rows(count, "small")
        if self.stage.vertical:  # bars under the axes: rows of their own
            self.bar_rows = bars_area.below_top(TITLE_ROOM).rows(count, "small")
        else:  # bars beside the axes: each row level with its axis
            self.bar_rows = [Region(bars_area.left, bars_area.right, row.bottom, row.top) for row in self.axis_rows]

        # 1-2. spread of q . k, and softmax of the row's scores, per width d
        rows = VGroup(*(self.row(i, row) for i, row in enumerate(lesson.rows)))
        ticks = VGroup()
        for index, value in enumerate(lesson.axis_ticks):
            tick = typeset.number_text(value, 0, style.SMALL_SIZE, style.MUTED)
            tick.next_to([self.axis_x(value), self.axis_rows[-1].bottom, 0], DOWN, buff=GAP["small"])
            tick.name = f"tick:{index}"
            ticks.add(tick)
        self.ask(FadeIn(titles[0]), FadeIn(ticks), *(FadeIn(r.static) for r in rows))  # the empty axes, one a width
        self.say(
            "scaling.spread",
            *(LaggedStart(*(FadeIn(dot) for dot in r.raw[0]), lag_ratio=0.05) for r in rows),
            *(FadeIn(r.raw[1]) for r in rows),
            lasting=style.LONG,
        )  # the samples, one by one, and their spread
        self.wait(style.PAUSE)
        self.guess(*(r.raw[0] for r in rows))
        self.say(
            "scaling.saturate", FadeIn(titles[1]), LaggedStart(*(FadeIn(r.raw[2:]) for r in rows), lag_ratio=0.5)
        )  # the softmax bars, width by width
        self.wait(style.PAUSE)

        # 3. divide by sqrt(d)
        self.say("scaling.divide", *(Transform(r.raw, r.scaled) for r in rows), lasting=style.LONG)
        self.wait(style.PAUSE)
        self.conclude(VGroup(*(r.raw for r in rows)))

    def axis_x(self, value: float) -> float:
        """Scene x of `value` on the shared axis, which spans the lesson's axis_span each way."""
        region, span = self.axis_rows[0], self.lesson.axis_span
        return region.left + (value + span) / (2 * span) * region.width

    def row(self, index: int, row) -> VGroup:
        """Static parts (label, axis) and two states (raw, scaled) of one width d."""
        region = self.axis_rows[index]
        y = region.bottom + GAP["small"]
        label = typeset.plain_text(f"d = {row.dimension}", style.LABEL_SIZE)
        label.next_to([region.left, y, 0], LEFT, buff=GAP["small"])
        axis = Line([region.left, y, 0], [region.right, y, 0], color=style.AXES, stroke_width=1.5)
        axis.name = f"axis:{index}"
        zero = Line([self.axis_x(0), y - 0.12, 0], [self.axis_x(0), y + 0.12, 0], color=style.AXES, stroke_width=1.5)
        static = VGroup(label, axis, zero)
        if self.stage.vertical:  # the bars are far from the axes: they are labelled too
            bar_label = typeset.plain_text(f"d = {row.dimension}", style.LABEL_SIZE)
            static.add(self.bar_rows[index].put(bar_label, LEFT))
        raw = self.state(index, y, row.shown_raw, row.raw_std, row.weights_raw, row.max_raw, "raw")
        scaled = self.state(
            index, y, row.shown_scaled, row.scaled_std, row.weights_scaled, row.max_scaled, "scaled", divisor=row.sqrt_d
        )
        group = VGroup(static, raw)
        group.static, group.raw, group.scaled = static, raw, scaled
        return group

    def state(
        self, index: int, y: float, samples, spread: float, weights, largest: float, kind: str, divisor=None
    ) -> VGroup:
        dots = VGroup(*(Dot([self.axis_x(v), y, 0], radius=0.045, color=style.QUERY).set_opacity(0.7) for v in samples))
        dots.name = f"{kind}_dots:{index}"
        written = t("scaling.spread-label", "spread {spread}", spread=style.format_number(spread))
        if divisor is not None:
            written += f"  (\u00f7 {style.format_number(divisor)})"
        spread_text = typeset.plain_text(written, style.SMALL_SIZE, style.FOREGROUND)
        self.axis_rows[index].put(spread_text, UP + RIGHT)
        spread_text.name = f"{kind}_spread:{index}"
        region = self.bar_rows[index]
        left = region.left + (LABEL_ROOM if self.stage.vertical else 0)
        bars = VGroup()
        for j, weight in enumerate(weights):
            bar = Rectangle(
                width=BAR_WIDTH,
                height=max((region.height - GAP["small"]) * weight, 0.01),
                stroke_width=0,
                fill_color=style.WEIGHT,
                fill_opacity=0.9,
            )
            bar.move_to([left + j * (BAR_WIDTH + BAR_GAP), region.bottom + GAP["small"], 0], aligned_edge=DOWN + LEFT)
            bar.name = f"{kind}_bar:{index},{j}"
            bars.add(bar)
        top = typeset.plain_text(
            t("scaling.top", "top {weight}", weight=style.format_number(largest)), style.SMALL_SIZE, style.WEIGHT
        )
        top.next_to(bars, RIGHT, buff=GAP["small"]).align_to([0, region.bottom + GAP["small"], 0], DOWN)
        top.name = f"{kind}_max:{index}"
        return VGroup(dots, spread_text, bars, top)
