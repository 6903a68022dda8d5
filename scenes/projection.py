"""ProjectionScene: W_Q, W_K and W_V are linear maps of the plane; the axes never move.

Storyboard (the example's first sentence, its focus word):
  1. fixed axes and grid; a second grid and the sentence's words on top of them
  2. W_Q carries the moving grid and the words; the focus word's query is marked
  3. W_K does the same; every word's key is marked
  4. the focus word's scores before and after the maps, side by side: the maps decide
     which pair scores high (the pair they changed most is highlighted)
  5. stage two, W_V: the weights are already fixed by Q and K; V only moves what is
     averaged, and the context vector lands at the weighted average of the values
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    GrowArrow,
    LaggedStart,
    Succession,
    Transform,
    VGroup,
    VMobject,
)

from attention_core.language import t
from attention_core.lessons import ProjectionLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP, stack
from scenes.mobjects import MatrixPanel, highlight_box, symbol, weighted_arrows
from scenes.plane import GridLines, WordDot, WordPlane, apply_row_map, place_labels
from scenes.tables import ScoreTable
from scenes.writing import has_many, weighted_sum, written_point

MATRIX_SIZE = 20


class ProjectionScene(LessonScene):
    lesson: ProjectionLesson

    def construct(self):
        lesson = self.lesson
        # 1. the question; fixed axes and grid; the moving grid and the words on top
        self.title(lesson.sentence)
        points = np.vstack([lesson.embeddings, lesson.queries, lesson.keys, lesson.values, lesson.context[None]])
        self.plane = WordPlane.filling(points, self.stage.main)
        self.plane.name = "plane"
        # the moving grid covers the words, so that its image stays near theirs
        self.moving_grid = GridLines(self.plane, style.GRID_MOVING, stroke_width=1.5, around=lesson.embeddings)
        self.moving_grid.name = "moving_grid"
        self.resting_grid = self.moving_grid.copy()
        self.mark_dots, self.mark_labels = [], []
        self.word_dots = VGroup(*(WordDot(t, self.plane.point(e)) for t, e in zip(lesson.tokens, lesson.embeddings)))
        place_labels(list(self.word_dots), self.stage.label_bounds, keep_clear=list(self.plane.axes))
        self.ask(Create(self.plane), FadeIn(self.word_dots))  # the words the question is about
        self.say(
            "projection.grids", Create(self.moving_grid), lasting=style.LONG
        )  # the moving grid is laid while the line says so

        # 2-3. W_Q, then W_K, carry the moving grid and the words
        w_q = MatrixPanel("W_Q", lesson.query_map, style.QUERY, symbol("query", style.QUERY), size=MATRIX_SIZE)
        w_k = MatrixPanel("W_K", lesson.key_map, style.KEY, symbol("key", style.KEY), size=MATRIX_SIZE)
        maps = stack(w_q, w_k, direction=RIGHT, align=UP, gap="large") if self.stage.vertical else stack(w_q, w_k)
        self.stage.panel.put(maps, UP + LEFT)
        f = lesson.focus_index
        queries = self.show_map(
            w_q,
            lesson.query_map,
            lesson.queries,
            [(f"q {lesson.focus}", lesson.queries[f])],
            style.QUERY,
            "projection.query",
        )
        keys = self.show_map(
            w_k,
            lesson.key_map,
            lesson.keys,
            [(f"k {t}", k) for t, k in zip(lesson.tokens, lesson.keys)],
            style.KEY,
            "projection.key",
        )

        # 4. scores before the maps; a guess; then after the maps, side by side
        table = ScoreTable(
            lesson.tokens,
            [
                ("e\u00b7e/\u221a2", lesson.scores_before, style.FOREGROUND, "score_before"),
                (t("table.weight", "weight"), lesson.weights_before, style.FOREGROUND, "weight_before"),
                ("q\u00b7k/\u221a2", lesson.scores_after, style.QUERY, "score_after"),
                (t("table.weight", "weight"), lesson.weights, style.QUERY, "weight_after"),
            ],
            groups=[(t("table.before-maps", "before the maps"), 0, 2), (t("table.after-maps", "after the maps"), 2, 4)],
            row_height=0.34 if has_many(lesson.tokens) else 0.42,
        )
        # below the maps; in a vertical frame, in their place (they have done their work)
        maps_stay = not self.stage.vertical
        if maps_stay:
            table.next_to(maps, DOWN, buff=GAP["large"], aligned_edge=LEFT)
        else:
            self.stage.panel.put(table, UP + LEFT)
        if table.width > self.stage.panel.width:  # many words: a narrower table
            table.scale_to_fit_width(self.stage.panel.width, about_edge=UP + LEFT)
        note = typeset.wrapped_text(lesson.score_note, max(table.width, 4.0), style.SMALL_SIZE, style.MUTED)
        note.next_to(table, DOWN, buff=GAP["small"], aligned_edge=LEFT)
        note.name = "score_note"
        if note.get_bottom()[1] > self.stage.caption_top:  # what made the numbers, under them, where it fits
            table.add(note)  # (where it does not, the line says it: "not the cosine similarity")
        self.keep_above_caption(table, margin=0.12)  # room for the highlight box
        table.name = "score_table"
        box = highlight_box(table.row(lesson.highlight))
        box.name = "highlight"
        self.end_beat()
        if not maps_stay:
            self.play(FadeOut(maps), run_time=style.SHORT)
        after = table.columns(2, 4)
        after.set_opacity(0)  # hidden until the guess is made
        self.say("projection.score", FadeIn(table))
        self.play(Create(box), run_time=style.SHORT)
        self.guess(box)
        self.say("projection.rescore", LaggedStart(*(cell.animate.set_opacity(1) for cell in after), lag_ratio=0.2))
        self.wait(style.PAUSE)
        own = highlight_box(table.row(lesson.focus_index))  # Q3: the focus word's weight on itself
        own.name = "own_highlight"
        self.say("projection.self", Create(own), box.animate.set_opacity(0.3))
        box = VGroup(box, own)  # both rows stay marked until the table goes
        self.wait(style.PAUSE)

        # 4b. why two maps: the pair's score, asked one way and the other
        asymmetry = self.asymmetry(table)
        self.end_beat()
        if asymmetry.get_top()[1] > table.get_bottom()[1]:  # no room under the table: it takes the table's place
            self.play(FadeOut(table), FadeOut(box), run_time=style.SHORT)
        self.say("projection.asymmetry", LaggedStart(*(FadeIn(part) for part in asymmetry), lag_ratio=0.5))
        self.wait(style.PAUSE)

        # 5. stage two: V only transforms what is averaged
        self.end_beat()
        self.play(
            FadeOut(table),
            FadeOut(box),
            FadeOut(asymmetry),
            *([FadeOut(maps)] if maps_stay else []),
            FadeOut(queries),
            FadeOut(keys),
            run_time=style.SHORT,
        )
        self.average_values()
        self.wait(style.PAUSE)
        self.conclude(self.summary)

    def asymmetry(self, table: VMobject) -> VGroup:
        """Under the table: the highlighted pair's score asked each way, q of one word with k
        of the other."""
        lesson = self.lesson
        focus, other = lesson.tokens[lesson.focus_index], lesson.tokens[lesson.highlight]
        rows = VGroup()
        for asker, answerer, score, name in (
            (focus, other, lesson.focus_asks, "focus_asks"),
            (other, focus, lesson.other_asks, "other_asks"),
        ):
            row = stack(
                typeset.plain_text(f"q {asker} \u00b7 k {answerer} / \u221a2 =", style.SMALL_SIZE, style.QUERY),
                typeset.number_text(score, 2, style.SMALL_SIZE),
                direction=RIGHT,
                align=ORIGIN,
                gap="tight",
            )
            row[1].name = name
            rows.add(row)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
        rows.next_to(table, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        if rows.get_bottom()[1] < self.stage.caption_top + GAP["small"]:  # no room: where the table was
            rows.move_to(table.get_corner(UP + LEFT), aligned_edge=UP + LEFT)
        return rows

    def carry(self, matrix: np.ndarray, positions: np.ndarray, run_time: float = style.LONG):
        """The moving grid goes through `matrix`; each word moves to its image, read off the
        lesson, its label to where labels placed around the images overlap least."""
        target = apply_row_map(self.resting_grid.copy(), self.plane, matrix)
        arrived = [WordDot(word.word, self.plane.point(xy)) for word, xy in zip(self.word_dots, positions)]
        place_labels(arrived, self.stage.label_bounds)
        moves = [
            move
            for word, there in zip(self.word_dots, arrived)
            for move in (word.dot.animate.move_to(there.dot), word.label.animate.move_to(there.label))
        ]
        self.play(Transform(self.moving_grid, target), *moves, run_time=run_time)

    def show_map(
        self, panel: MatrixPanel, matrix: np.ndarray, images: np.ndarray, marks, colour: str, line_id: str
    ) -> VGroup:
        """Carry the grid and the words by `matrix`, mark the points that matter, then undo.
        Earlier marks keep their dots; their labels step aside while the words move."""
        self.end_beat()
        self.play(FadeIn(panel), run_time=style.SHORT)
        self.say(line_id)
        earlier_labels = VGroup(*self.mark_labels)
        if len(earlier_labels):
            self.play(FadeOut(earlier_labels), run_time=style.SHORT / 2)
        self.carry(matrix, images)
        marked = VGroup(*(WordDot(name, self.plane.point(xy), colour, size=style.SMALL_SIZE) for name, xy in marks))
        for dot in marked:
            dot.name = f"mark:{dot.word}"
        self.play(FadeIn(VGroup(*(m.dot for m in marked))), run_time=style.SHORT)
        self.wait(style.PAUSE)
        self.carry(np.eye(2), self.lesson.embeddings, run_time=style.MEDIUM)
        keep_clear = [m for w in self.word_dots for m in (w.dot, w.label)] + self.mark_dots + self.mark_labels
        place_labels(list(marked), self.stage.label_bounds, keep_clear=keep_clear)
        self.mark_dots += [m.dot for m in marked]
        self.mark_labels += [m.label for m in marked]
        self.play(FadeIn(VGroup(*(m.label for m in marked))), FadeIn(earlier_labels), run_time=style.SHORT)
        return marked

    def average_values(self):
        lesson, plane = self.lesson, self.plane
        region = self.stage.panel
        stage = typeset.left_aligned_text(
            t("projection.stage-2", "Stage 2: the weights are already fixed by Q and K."), region.width, style.BODY_SIZE
        )
        region.put(stage, UP + LEFT)
        w_v = MatrixPanel("W_V", lesson.value_map, style.VALUE, symbol("value", style.VALUE), size=MATRIX_SIZE)
        w_v.next_to(stage, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        self.play(FadeIn(stage), FadeIn(w_v), run_time=style.SHORT)
        self.say("projection.value")
        self.carry(lesson.value_map, lesson.values)
        values = VGroup(
            *(
                WordDot(f"v {t}", plane.point(v), style.VALUE, size=style.SMALL_SIZE)
                for t, v in zip(lesson.tokens, lesson.values)
            )
        )
        for dot in values:
            dot.name = f"value:{dot.word}"
        context = WordDot(
            "context",
            plane.point(lesson.context),
            style.CONTEXT,
            radius=style.CONTEXT_DOT_RADIUS,
            size=style.SMALL_SIZE,
        )
        context.dot.name = "context"
        place_labels(list(values) + [context], self.stage.label_bounds, keep_clear=list(plane.axes))
        self.play(FadeIn(values), FadeOut(VGroup(*(d.label for d in self.word_dots))), run_time=style.SHORT)

        arrows = weighted_arrows(plane, lesson.values, lesson.context, lesson.weights, style.VALUE, "value_arrow:")
        terms = weighted_sum(lesson.tokens, lesson.weights, "v ", adding_up=(lesson.values, lesson.context))
        formula = VGroup(
            typeset.wrapped_text(
                t("context.sum", "context = {terms}", terms=terms), region.width, style.SMALL_SIZE, style.CONTEXT
            ),
            typeset.plain_text(f"\u2248 {written_point(lesson.context)}", style.SMALL_SIZE, style.CONTEXT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
        formula[1].name = "context_value"
        self.summary = VGroup(formula, context)  # what the chapter ends on
        formula.next_to(w_v, DOWN, buff=GAP["large"], aligned_edge=LEFT)
        self.keep_above_caption(formula)
        self.say(
            "projection.context",
            Succession(AnimationGroup(*(GrowArrow(a) for a in arrows), FadeIn(formula)), FadeIn(context)),
        )
