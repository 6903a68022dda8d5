"""GravityScene: context words pull the focus word; its embedding stays where it was.

Storyboard, per sentence of the example:
  1. the word plane: fixed axes, every word at its embedding
  2. the sentence appears; words without an embedding are faded and take no part
  3. arrows from each word to the focus word, as thick as its attention weight
  4. the weights, and the context vector as a weighted sum of embeddings
  5. a new dot, the context vector, travels out; the embedding stays, faded
Last: one token, one embedding, two (or more) contexts.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    VGroup,
)

from attention_core.lessons import GravityLesson, SentenceReading, gravity_lesson
from scenes import style
from scenes.base import LessonScene
from scenes.mobjects import SentenceLine, WeightBars, WordDot, WordPlane, place_labels, weighted_arrow

PANEL_LEFT = 0.9  # the right-hand panel starts here (scene x)
PANEL_WIDTH = 6.9 - PANEL_LEFT


class GravityScene(LessonScene):
    lesson: GravityLesson

    build_lesson = staticmethod(gravity_lesson)

    def construct(self):
        lesson = self.lesson
        # 1. the word plane, every word at its static embedding
        heading = self.title(lesson.title)
        points = np.array(list(lesson.plane.values()) + [s.context for s in lesson.sentences])
        self.plane = WordPlane(points, width=7.0, height=5.0)
        self.plane.shift(np.array([-3.3, -0.05, 0]) - self.plane.get_center())
        self.plane.name = "plane"
        self.words = {word: WordDot(word, self.plane.point(xy)) for word, xy in lesson.plane.items()}
        # every label is placed once, against every dot where it will finally be
        self.contexts = [
            WordDot(f"context {number + 1}", self.plane.point(reading.context),
                    style.CONTEXT, radius=style.DOT_RADIUS * 1.3, size=style.SMALL_SIZE)
            for number, reading in enumerate(lesson.sentences)
        ]
        place_labels(list(self.words.values()) + self.contexts)
        self.play(FadeIn(heading), Create(self.plane), run_time=style.MEDIUM)
        self.play(LaggedStart(*(FadeIn(w) for w in self.words.values()), lag_ratio=0.1),
                  run_time=style.MEDIUM)
        self.say("gravity.plane")

        for number, reading in enumerate(lesson.sentences):
            self.read_sentence(number, reading)

        # last: one token, one embedding, several contexts
        legend = self.legend()
        self.end_beat()
        self.play(FadeIn(legend), run_time=style.SHORT)
        self.say("gravity.closing")
        self.wait(style.LONG)

    def read_sentence(self, number: int, reading: SentenceReading):
        """Steps 2-5 for one sentence; its context dot, label and trail stay on screen."""
        plane = self.plane
        # 2. the sentence appears in the panel
        many = len(reading.tokens) > 4  # then smaller print, a tighter list and a short formula
        label = style.plain_text(f"Sentence {number + 1}", style.LABEL_SIZE, style.MUTED)
        line = SentenceLine(reading.text, reading.takes_part, reading.focus, PANEL_WIDTH,
                            size=style.LABEL_SIZE if many else style.BODY_SIZE)
        line.name = f"sentence:{number}"
        panel = VGroup(label, line).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        panel.move_to([PANEL_LEFT, 2.2, 0], aligned_edge=UP + LEFT)
        self.end_beat()
        self.play(FadeIn(panel), run_time=style.SHORT)
        self.say(f"gravity.sentence-{number + 1}.words")

        # 3. arrows from the sentence's words to the focus word, thickness = weight
        arrows = VGroup()
        focus_point = plane.point(reading.embedding)
        for index, (token, xy, weight) in enumerate(zip(reading.tokens, reading.token_embeddings, reading.weights)):
            if np.allclose(xy, reading.embedding):
                continue  # the focus word's pull on itself shows in the weights panel
            arrow = weighted_arrow(plane.point(xy), focus_point, float(weight), style.FOCUS)
            arrow.name = f"arrow{number}:{index}"
            arrows.add(arrow)
        if len(arrows):
            self.play(LaggedStart(*(GrowArrow(a) for a in arrows), lag_ratio=0.2), run_time=style.MEDIUM)

        # 4. the weights, then the context vector as their weighted sum of embeddings
        bars = WeightBars(reading.tokens, reading.weights, style.FOCUS, prefix=f"weight{number}",
                          size=style.SMALL_SIZE if many else style.LABEL_SIZE, row_step=0.34 if many else 0.45)
        bars_title = style.plain_text(f"attention of \u201c{reading.focus}\u201d ({self.lesson.similarity}, softmax)",
                                      style.SMALL_SIZE, style.MUTED)
        weights_panel = VGroup(bars_title, bars).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        weights_panel.next_to(panel, DOWN, aligned_edge=LEFT, buff=0.4)
        terms = ("\u03a3 weight \u00d7 embedding" if many else
                 " + ".join(f"{style.format_number(w)} {t}" for t, w in zip(reading.tokens, reading.weights)))
        sum_text = style.wrapped_text(f"context = {terms}", PANEL_WIDTH, style.SMALL_SIZE, style.CONTEXT)
        xy_text = style.plain_text(f"\u2248 ({style.format_number(reading.context[0])}, "
                                   f"{style.format_number(reading.context[1])})", style.SMALL_SIZE, style.CONTEXT)
        xy_text.name = f"context_value:{number}"
        formula = (VGroup(sum_text, xy_text).arrange(RIGHT, aligned_edge=DOWN, buff=0.15) if many
                   else VGroup(sum_text, xy_text).arrange(DOWN, aligned_edge=LEFT, buff=0.12))
        formula.next_to(weights_panel, DOWN, aligned_edge=LEFT, buff=0.35)
        self.keep_above_caption(VGroup(weights_panel, formula))  # a long sentence: a smaller list
        self.play(FadeIn(weights_panel), run_time=style.SHORT)
        self.play(FadeIn(formula), run_time=style.SHORT)

        # 5. the context vector travels out of the embedding, which stays where it is
        if reading.leaves_ghost:
            self.leave_embedding_ghost(reading.focus, f"gravity.sentence-{number + 1}.ghost")
        context_dot, context_label = self.contexts[number].dot, self.contexts[number].label
        context_dot.name, context_label.name = f"context:{number}", f"context_label:{number}"
        context_dot.move_to(focus_point)
        self.add(context_dot)
        trail = DashedLine(focus_point, plane.point(reading.context), color=style.CONTEXT,
                           stroke_width=2, dash_length=0.08)
        trail.name = f"trail:{number}"
        self.play(context_dot.animate.move_to(plane.point(reading.context)), Create(trail), run_time=style.LONG)
        self.play(FadeIn(context_label), run_time=style.SHORT)
        self.say(f"gravity.sentence-{number + 1}.pull")
        self.wait(style.PAUSE)

        self.end_beat()  # the sentence's picture stays until its last line is spoken
        self.play(FadeOut(arrows), FadeOut(panel), FadeOut(weights_panel), FadeOut(formula), *self.caption_exit(),
                  run_time=style.SHORT)

    def legend(self) -> VGroup:
        """Static embedding versus contextual vector, named (what word2vec has, what attention adds)."""
        rows = VGroup()
        for colour, opacity, first, second in (
            (style.EMBEDDING_GHOST, 0.55, "embedding", "one per token, the same in every sentence (static)"),
            (style.CONTEXT, 1.0, "context vector", "one per sentence, made by attention (contextual)"),
        ):
            dot = Dot(radius=style.DOT_RADIUS * 1.3, color=colour).set_opacity(opacity)
            text = VGroup(style.plain_text(first, style.LABEL_SIZE, colour),
                          style.wrapped_text(second, PANEL_WIDTH - 0.5, style.SMALL_SIZE, style.MUTED))
            text.arrange(DOWN, aligned_edge=LEFT, buff=0.1)
            rows.add(VGroup(dot, text).arrange(RIGHT, aligned_edge=UP, buff=0.25))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        rows.move_to([PANEL_LEFT, 1.8, 0], aligned_edge=UP + LEFT)
        rows.name = "legend"
        return rows

    def leave_embedding_ghost(self, word: str, line_id: str):
        """Fade the focus word's dot into a ghost: the embedding, which never moves."""
        dot = self.words[word].dot
        self.end_beat()
        self.play(dot.animate.set_color(style.EMBEDDING_GHOST).set_opacity(0.55), run_time=style.SHORT)
        self.say(line_id)
