"""TitleCard: the opening card of a lecture."""

from __future__ import annotations

from manim import DOWN, UP, FadeIn, Line, Scene, Write

from scenes import style

TITLE = "Attention, step by step"
SUBTITLE = "how a word is re-read in the light of its sentence"


class TitleCard(Scene):
    def construct(self):
        self.camera.background_color = style.BACKGROUND
        # 1. the title is written
        title = style.plain_text(TITLE, style.TITLE_SIZE).shift(0.5 * UP)
        title.name = "title"
        rule = Line(title.get_left(), title.get_right(), color=style.FOCUS, stroke_width=2)
        rule.next_to(title, DOWN, buff=0.25)
        self.play(Write(title), run_time=style.MEDIUM)
        # 2. the subtitle follows, under a thin rule
        subtitle = style.plain_text(SUBTITLE, style.BODY_SIZE, style.MUTED)
        subtitle.next_to(rule, DOWN, buff=0.35)
        subtitle.name = "subtitle"
        self.play(FadeIn(rule), FadeIn(subtitle, shift=0.2 * UP), run_time=style.SHORT)
        self.wait(style.LONG)
