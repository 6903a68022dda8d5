"""GravityScene: context words pull the focus word; its embedding stays where it was.

Storyboard, per sentence of the example:
  1. the word plane: fixed axes, every word at its embedding
  2. the sentence appears; words without an embedding are faded and take no part
  3. arrows from each word to the focus word, as thick as its attention weight
  4. the weights, and the context vector as a weighted sum of embeddings
  5. a new dot, the context vector, travels out; the embedding stays, faded
Last: one token, one embedding, two (or more) contexts; the takeaway.
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
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    VGroup,
)

from attention_core.language import t
from attention_core.lessons import GravityLesson, SentenceReading
from attention_core.tokens import token_key
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.gravity_panel import SentencePanel
from scenes.layout import GAP, stack
from scenes.mobjects import weighted_arrows
from scenes.plane import WordDot, WordPlane, place_labels


class GravityScene(LessonScene):
    lesson: GravityLesson

    def construct(self):
        lesson = self.lesson
        # 1. the question; the word plane, every word at its static embedding
        self.title()
        points = np.array(list(lesson.plane.values()) + [s.context for s in lesson.sentences])
        self.plane = WordPlane.filling(points, self.stage.main)
        self.plane.name = "plane"
        self.words = {word: WordDot(word, self.plane.point(xy)) for word, xy in lesson.plane.items()}
        # every label is placed once, against every dot where it will finally be
        self.contexts = [
            WordDot(
                t("gravity.context-label", "context {number}", number=number + 1),
                self.plane.point(reading.context),
                style.CONTEXT,
                radius=style.CONTEXT_DOT_RADIUS,
                size=style.SMALL_SIZE,
            )
            for number, reading in enumerate(lesson.sentences)
        ]
        self.panels = [self.sentence_panel(number, reading) for number, reading in enumerate(lesson.sentences)]
        place_labels(
            list(self.words.values()) + self.contexts,
            bounds=self.stage.label_bounds,
            keep_clear=[*self.plane.axes, *(part for panel in self.panels for part in panel.parts)],
            leaders=True,
            lines_clear=[(self.plane.point(s.embedding), self.plane.point(s.context)) for s in lesson.sentences],
        )  # no label on an axis, a trail, or where a sentence's panel will be; a label crowded out is led to
        self.ask(Create(self.plane))
        self.say(
            "gravity.plane", LaggedStart(*(FadeIn(w) for w in self.words.values()), lag_ratio=0.1), lasting=style.LONG
        )  # the words land while the line is said

        for number, reading in enumerate(lesson.sentences):
            self.read_sentence(number, reading)

        # last: one token, one embedding, several contexts
        legend = self.legend()
        self.end_beat()
        self.say("gravity.closing", LaggedStart(*(FadeIn(row) for row in legend), lag_ratio=0.5))
        self.add(legend)
        self.conclude(VGroup(*(context.dot for context in self.contexts)))  # one context vector per sentence

    def read_sentence(self, number: int, reading: SentenceReading):
        """Steps 2-5 for one sentence; its context dot, label and trail stay on screen."""
        plane = self.plane
        # 2. the sentence appears in the panel
        sentence = self.panels[number]
        line = sentence.line
        rays = self.angle_rays(number, reading)  # a cosine is an angle: the rays from the origin show it
        self.say(
            f"gravity.sentence-{number + 1}.words",
            LaggedStart(*(FadeIn(token, shift=0.1 * UP) for token in [sentence.label, *line.tokens]), lag_ratio=0.15),
            *([LaggedStart(*(Create(ray) for ray in rays), lag_ratio=0.2)] if len(rays) else []),
        )
        panel = sentence.words
        self.add(panel)  # with its punctuation
        if f"gravity.sentence-{number + 1}.faded" in self.lines:  # the toy plane's simplification, said once
            faded = [t for t, part in zip(line.tokens, reading.takes_part) if not part]  # lit one after another
            self.say(
                f"gravity.sentence-{number + 1}.faded",
                LaggedStart(
                    *(Indicate(t, scale_factor=style.indicate_scale(t), color=style.MUTED) for t in faded),
                    lag_ratio=0.3,
                ),
                lasting=style.LONG,
            )
        if number == self.lesson.guess_sentence:  # the words that could pull hardest, lit in turn
            self.guess(
                *(
                    self.words[token_key(t)].dot
                    for t, part in zip(reading.sentence_tokens, reading.takes_part)
                    if part and token_key(t) != reading.focus
                )
            )

        # 3. while the pull is said: arrows from the focus word toward each word pulling it, thickness = weight
        focus_point = plane.point(reading.embedding)
        # the focus word's pull on itself shows in the weights panel
        arrows = weighted_arrows(
            plane,
            reading.token_embeddings,
            reading.embedding,
            reading.weights,
            style.FOCUS,
            f"arrow{number}:",
            toward=True,
        )

        # 4. the weights, then the context vector as their weighted sum of embeddings
        weights_panel, formula = sentence.weights, sentence.formula
        self.say(f"gravity.sentence-{number + 1}.pull")
        if len(arrows):
            self.play(LaggedStart(*(GrowArrow(a) for a in arrows), lag_ratio=0.2), run_time=style.MEDIUM)
        self.play(FadeIn(weights_panel), run_time=style.SHORT)
        self.play(FadeIn(formula), run_time=style.SHORT)

        # 5. the context vector travels out of the embedding, which stays where it is
        if reading.leaves_ghost:
            self.leave_embedding_ghost(reading.focus, f"gravity.sentence-{number + 1}.ghost")
        context_dot, context_label = self.contexts[number].dot, self.contexts[number].label
        context_dot.name, context_label.name = f"context:{number}", f"context_label:{number}"
        context_dot.move_to(focus_point)
        self.add(context_dot)
        trail = DashedLine(
            focus_point, plane.point(reading.context), color=style.CONTEXT, stroke_width=2, dash_length=0.08
        )
        trail.name = f"trail:{number}"
        self.play(context_dot.animate.move_to(plane.point(reading.context)), Create(trail), run_time=style.LONG)
        self.play(FadeIn(context_label), FadeIn(self.contexts[number].leaders), run_time=style.SHORT)
        self.wait(style.PAUSE)

        self.end_beat()  # the sentence's picture stays until its last line is spoken
        self.play(
            FadeOut(arrows),
            FadeOut(rays),
            FadeOut(panel),
            FadeOut(weights_panel),
            FadeOut(formula),
            *self.caption_exit(),
            run_time=style.SHORT,
        )

    def angle_rays(self, number: int, reading: SentenceReading) -> VGroup:
        """With cosine similarity, a thin ray from the origin to the focus word and to each word
        of the sentence: the angle between two rays is what their cosine measures. (A dot
        product also counts length, which the arrows' end points show; no rays then.)"""
        rays = VGroup()
        if self.lesson.similarity != "cosine":
            return rays
        origin = self.plane.origin()
        for index, xy in enumerate(reading.token_embeddings):
            focus = index == reading.focus_index
            ray = Line(origin, self.plane.point(xy), color=style.FOCUS if focus else style.MUTED, stroke_width=1.5)
            ray.set_opacity(0.9 if focus else 0.6)
            ray.name = f"ray{number}:{index}"
            rays.add(ray)
        rays.set_z_index(-1)  # under the dots and their labels
        return rays

    def sentence_panel(self, number: int, reading: SentenceReading) -> SentencePanel:
        """A sentence's panel, its weights and sum kept above the caption (a long sentence: a smaller list)."""
        panel = SentencePanel(number, reading, self.lesson.similarity, self.stage.panel, self.stage.vertical)
        self.keep_above_caption(VGroup(panel.weights, panel.formula))
        return panel

    def legend(self) -> VGroup:
        """Static embedding versus contextual vector, named (what word2vec has, what attention adds)."""
        rows = VGroup()
        for colour, opacity, first, second in (
            (
                style.EMBEDDING_GHOST,
                style.GHOST_OPACITY,
                t("gravity.legend.embedding", "embedding"),
                t("gravity.legend.embedding-note", "one per token, the same in every sentence (static)"),
            ),
            (
                style.CONTEXT,
                1.0,
                t("gravity.legend.context", "context vector"),
                t("gravity.legend.context-note", "one per sentence, made by attention (contextual)"),
            ),
        ):
            dot = Dot(radius=style.CONTEXT_DOT_RADIUS, color=colour).set_opacity(opacity)
            text = VGroup(
                typeset.plain_text(first, style.LABEL_SIZE, colour),
                typeset.wrapped_text(second, self.stage.panel.width - 0.5, style.SMALL_SIZE, style.MUTED),
            )
            text.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
            rows.add(stack(dot, text, direction=RIGHT, align=UP))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=GAP["medium"])
        self.stage.panel.put(rows, UP + LEFT)
        rows.name = "legend"
        return rows

    def leave_embedding_ghost(self, word: str, line_id: str):
        """Fade the focus word's dot into a ghost: the embedding, which never moves."""
        dot = self.words[word].dot
        self.say(line_id, dot.animate.set_color(style.EMBEDDING_GHOST).set_opacity(style.GHOST_OPACITY))
