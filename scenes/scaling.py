"""ScalingScene: why the scores are divided by sqrt(d_k).

Storyboard (seeded samples, the same for every example):
  1. one row per width d = 2, 16, 64, 512: sample dot products q . k on one shared axis;
     their spread grows like sqrt(d)
  2. beside each, softmax of six such scores: for large d one weight takes nearly all
  3. divide by sqrt(d): every row's spread is about 1 and the softmax spreads out again
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, Dot, FadeIn, Line, Rectangle, Transform, VGroup

from attention_core.lessons import ScalingLesson, scaling_lesson
from scenes import style
from scenes.base import LessonScene

AXIS_LEFT, AXIS_RIGHT, AXIS_SPAN = -4.8, 1.4, 60.0  # the shared axis shows -60 .. 60
ROW_TOP, ROW_STEP = 2.2, 1.3
BARS_LEFT, BAR_WIDTH, BAR_HEIGHT = 3.0, 0.32, 0.85


def axis_x(value: float) -> float:
    return AXIS_LEFT + (value + AXIS_SPAN) / (2 * AXIS_SPAN) * (AXIS_RIGHT - AXIS_LEFT)


class ScalingScene(LessonScene):
    lesson: ScalingLesson

    build_lesson = staticmethod(scaling_lesson)

    def construct(self):
        lesson = self.lesson
        heading = self.title("Why divide by \u221ad\u2096?")
        self.play(FadeIn(heading), run_time=style.SHORT)

        # 1-2. spread of q . k, and softmax of six scores, per width d
        rows = VGroup(*(self.row(i, row) for i, row in enumerate(lesson.rows)))
        ticks = VGroup()
        for value in (-AXIS_SPAN, -30, 0, 30, AXIS_SPAN):
            ticks.add(style.number_text(value, 0, style.SMALL_SIZE, style.MUTED)
                      .move_to([axis_x(value), ROW_TOP - len(lesson.rows) * ROW_STEP + 0.75, 0]))
        titles = VGroup(
            style.plain_text(f"q \u00b7 k for random q, k (seed {lesson.seed})", style.SMALL_SIZE, style.MUTED)
            .move_to([(AXIS_LEFT + AXIS_RIGHT) / 2, ROW_TOP + 0.55, 0]),
            style.plain_text("softmax of 6 scores", style.SMALL_SIZE, style.MUTED)
            .move_to([BARS_LEFT + 1.0, ROW_TOP + 0.55, 0]),
        )
        self.play(FadeIn(titles), FadeIn(ticks), *(FadeIn(r.static) for r in rows), run_time=style.MEDIUM)
        self.play(*(FadeIn(r.raw) for r in rows), run_time=style.MEDIUM)
        self.say("scaling.spread")
        self.wait(style.PAUSE)
        self.say("scaling.saturate")
        self.wait(style.PAUSE)

        # 3. divide by sqrt(d)
        self.end_beat()
        self.play(*(Transform(r.raw, r.scaled) for r in rows), run_time=style.LONG)
        self.say("scaling.divide")
        self.wait(style.LONG)

    def row(self, index: int, row) -> VGroup:
        """Static parts (label, axis) and two states (raw, scaled) of one width d."""
        y = ROW_TOP - index * ROW_STEP
        label = style.plain_text(f"d = {row.dimension}", style.LABEL_SIZE).move_to([-6.0, y, 0])
        axis = Line([AXIS_LEFT, y, 0], [AXIS_RIGHT, y, 0], color=style.AXES, stroke_width=1.5)
        zero = Line([axis_x(0), y - 0.12, 0], [axis_x(0), y + 0.12, 0], color=style.AXES, stroke_width=1.5)
        raw = self.state(index, y, row.shown_raw, row.raw_std, row.weights_raw, row.max_raw, "raw")
        scaled = self.state(index, y, row.shown_scaled, row.scaled_std, row.weights_scaled, row.max_scaled,
                            "scaled", divisor=row.sqrt_d)
        group = VGroup(label, axis, zero, raw)
        group.static, group.raw, group.scaled = VGroup(label, axis, zero), raw, scaled
        return group

    def state(self, index: int, y: float, samples, spread: float, weights, largest: float, kind: str,
              divisor=None) -> VGroup:
        dots = VGroup(*(Dot([axis_x(v), y, 0], radius=0.045, color=style.QUERY).set_opacity(0.7) for v in samples))
        dots.name = f"{kind}_dots:{index}"
        written = f"spread {style.format_number(spread)}"
        if divisor is not None:
            written += f"  (\u00f7 {style.format_number(divisor)})"
        spread_text = style.plain_text(written, style.SMALL_SIZE, style.FOREGROUND)
        spread_text.next_to([AXIS_RIGHT, y, 0], RIGHT, buff=0.2).shift(0.25 * UP)
        spread_text.name = f"{kind}_spread:{index}"
        bars = VGroup()
        for j, weight in enumerate(weights):
            bar = Rectangle(width=BAR_WIDTH, height=max(BAR_HEIGHT * weight, 0.01), stroke_width=0,
                            fill_color=style.CONTEXT, fill_opacity=0.9)
            bar.move_to([BARS_LEFT + j * (BAR_WIDTH + 0.08), y - 0.45, 0], aligned_edge=DOWN + LEFT)
            bar.name = f"{kind}_bar:{index},{j}"
            bars.add(bar)
        top = style.plain_text(f"max {style.format_number(largest)}", style.SMALL_SIZE, style.CONTEXT)
        top.next_to(bars, RIGHT, buff=0.15, aligned_edge=DOWN)
        top.name = f"{kind}_max:{index}"
        return VGroup(dots, spread_text, bars, top)
