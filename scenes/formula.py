"""FormulaScene: Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V, each part lit beside
the numbers it makes for the running example.

Storyboard (the example's first sentence, its focus word's query):
  1. the formula (fixed LaTeX written by us: no example word ever enters it)
  2. Q K^T: one dot product per word
  3. / sqrt(d_k): scaled
  4. softmax: the weights, which sum to 1 (stage one ends: the weights come from Q and K)
  5. times V: the weighted average of the values, the output
"""

from __future__ import annotations

from manim import DOWN, LEFT, UP, LaggedStart, MathTex, SurroundingRectangle, Transform, VGroup

from attention_core.language import t
from attention_core.lessons import FormulaLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn
from scenes.layout import GAP
from scenes.tables import ScoreTable
from scenes.writing import has_many, weighted_sum, written_point

FORMULA_SCALE = 1.1
FORMULA_PARTS = (
    r"\mathrm{Attention}(Q, K, V) =",
    r"\mathrm{softmax}\Big(",
    r"Q K^{\top}",
    r"/",
    r"\sqrt{d_k}",
    r"\Big)",
    r"V",
)


class FormulaScene(LessonScene):
    lesson: FormulaLesson

    def construct(self):
        lesson = self.lesson
        self.title(lesson.sentence)
        # 1. the question; the formula
        formula = style.without_svg_sources(MathTex(*FORMULA_PARTS, color=style.FOREGROUND)).scale(FORMULA_SCALE)
        self.stage.content.shrink_to_fit(formula, UP)
        formula.name = "formula"
        formula[2].set_color(style.QUERY)
        formula[6].set_color(style.VALUE)
        self.ask()
        self.play(FadeIn(formula), run_time=style.MEDIUM)
        table = ScoreTable(
            lesson.tokens,
            [
                ("q\u00b7k", lesson.dots, style.QUERY, "dot"),
                (f"\u00f7 {style.format_number(lesson.sqrt_d_k)}", lesson.scaled, style.KEY, "scaled"),
                ("softmax", lesson.weights, style.CONTEXT, "weight"),
            ],
            column_width=1.6,
            size=style.LABEL_SIZE,
            row_height=0.34 if has_many(lesson.tokens) else 0.42,
        )
        table.next_to(formula, DOWN, buff=GAP["large"]).set_x(self.stage.content.point()[0])
        columns = [VGroup(*(row[c + 1] for row in table.rows)) for c in range(3)]
        headers = table[1]
        self.play(FadeIn(VGroup(*(row[0] for row in table.rows)), table[2]), run_time=style.SHORT)

        # 2-4. each part of the formula beside the numbers it makes
        box = None
        steps = (
            ((2,), 0, "formula.dots"),
            ((3, 4), 1, "formula.scale"),
            ((1, 5), 2, "formula.softmax"),
        )
        for parts, column, line_id in steps:  # the box moves, and the column fills, while the part is said
            target = SurroundingRectangle(VGroup(*(formula[p] for p in parts)), color=style.HIGHLIGHT, buff=0.08)
            self.say(
                line_id,
                Transform(box, target) if box else FadeIn(target),
                FadeIn(headers[column]),
                LaggedStart(*(FadeIn(cell) for cell in columns[column]), lag_ratio=0.3),
            )
            box = box or target
            self.wait(style.PAUSE)

        # 5. times V: the output
        terms = weighted_sum(lesson.tokens, lesson.weights, "v ", adding_up=(lesson.values, lesson.output))
        output = VGroup(
            typeset.plain_text(
                t("formula.times-v", "\u00d7 V: the weighted average of the values"), style.LABEL_SIZE, style.VALUE
            ),
            typeset.wrapped_text(
                t("formula.output", "output = {terms}", terms=terms),
                min(7.0, self.stage.text_width),
                style.SMALL_SIZE,
                style.FOREGROUND,
            ),
            typeset.plain_text(f"\u2248 {written_point(lesson.output)}", style.LABEL_SIZE, style.CONTEXT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=GAP["small"])
        output[2].name = "output_value"
        output.next_to(table, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        if output.get_right()[0] > self.stage.content.right:  # narrow: under the table, from the left margin
            output.align_to([self.stage.content.left, 0, 0], LEFT)
        self.keep_above_caption(VGroup(table, output))
        self.say(
            "formula.values",
            Transform(box, SurroundingRectangle(formula[6], color=style.HIGHLIGHT, buff=0.08)),
            LaggedStart(*(FadeIn(part) for part in output), lag_ratio=0.4),
        )
        self.wait(style.PAUSE)
        self.conclude(formula)
