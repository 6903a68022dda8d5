"""MaskScene: self-attention, masked self-attention and cross-attention as weight grids.

Storyboard:
  1. self-attention: Q, K and V all come from one sentence; every word sees every word
  2. masked self-attention (a decoder's): the future is zeroed, each row still sums to 1
  3. cross-attention: queries from the decoder's sentence, keys and values from the encoder's
"""

from __future__ import annotations

from manim import DOWN, FadeIn, FadeOut, VGroup

from attention_core.lessons import MaskLesson, mask_lesson
from scenes import style
from scenes.base import LessonScene
from scenes.tables import WeightGrid


class MaskScene(LessonScene):
    lesson: MaskLesson

    build_lesson = staticmethod(mask_lesson)

    def construct(self):
        lesson = self.lesson
        heading = self.title("Self-attention, masks and cross-attention")
        self.play(FadeIn(heading), run_time=style.SHORT)
        n = len(lesson.tokens)
        cell = min(0.8, 4.2 / max(n, 1))

        # 1. self-attention
        size = style.SMALL_SIZE if cell >= 0.8 else 16
        plain = WeightGrid(lesson.tokens, lesson.tokens, lesson.self_weights, style.QUERY, "self", cell=cell, size=size)
        plain_title = self.grid_title("self-attention", "Q, K and V from the same sentence")
        left = VGroup(plain_title, plain).arrange(DOWN, buff=0.75).set_x(-3.5)
        self.keep_above_caption(left, top=heading.get_bottom()[1] - 0.35)
        self.play(FadeIn(left), run_time=style.MEDIUM)
        self.say("mask.self")
        self.wait(style.PAUSE)

        # 2. masked self-attention
        masked = WeightGrid(lesson.tokens, lesson.tokens, lesson.masked_weights, style.QUERY, "masked",
                            mask=lesson.mask, cell=cell, size=size, row_sums=lesson.masked_row_sums)
        masked_title = self.grid_title("masked self-attention (decoder)", "a word may not look ahead")
        right = VGroup(masked_title, masked).arrange(DOWN, buff=0.75).set_x(3.3)
        self.keep_above_caption(right, top=heading.get_bottom()[1] - 0.35)
        self.end_beat()
        self.play(FadeIn(right), run_time=style.MEDIUM)
        self.say("mask.causal")
        self.wait(style.LONG)

        # 3. cross-attention
        self.end_beat()
        self.play(FadeOut(left), FadeOut(right), run_time=style.SHORT)
        cross_cell = min(0.8, 4.2 / max(len(lesson.encoder_tokens), len(lesson.decoder_tokens), 1))
        cross = WeightGrid(lesson.decoder_tokens, lesson.encoder_tokens, lesson.cross_weights, style.KEY,
                           "cross", cell=cross_cell)
        cross_title = self.grid_title("cross-attention", "rows: Q from the decoder  \u00b7  columns: K and V from the encoder")
        sources = VGroup(
            style.wrapped_text(f"decoder: \u201c{lesson.decoder_sentence}\u201d", 12.0, style.SMALL_SIZE, style.QUERY),
            style.wrapped_text(f"encoder: \u201c{lesson.encoder_sentence}\u201d", 12.0, style.SMALL_SIZE, style.KEY),
        ).arrange(DOWN, buff=0.12)
        sources.name = "cross_sources"
        middle = VGroup(cross_title, sources, cross).arrange(DOWN, buff=0.55).set_x(0)
        self.keep_above_caption(middle, top=heading.get_bottom()[1] - 0.35)
        self.play(FadeIn(middle), run_time=style.MEDIUM)
        self.say("mask.cross")
        self.wait(style.LONG)

    @staticmethod
    def grid_title(title: str, subtitle: str) -> VGroup:
        return VGroup(style.plain_text(title, style.LABEL_SIZE),
                      style.plain_text(subtitle, style.SMALL_SIZE, style.MUTED)).arrange(DOWN, buff=0.1)
