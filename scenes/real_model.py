"""RealModelScene: the gravity picture in a real model, all-MiniLM-L6-v2, on its own numbers.

Storyboard:
  1. the sentence as the model reads it: word pieces, [CLS] and [SEP] muted
  2. one head of one layer: the focus piece's attention row as arcs (as thick as the weight)
     and bars, for the first sentence, then the second
  3. the focus word's vector after each layer in both sentences, drawn from one origin at
     its own length and at the angle between the two (the cosine in the table beside it):
     the two rays open as the vectors move apart
  4. all heads of that layer as small weight grids: heads look at different things
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    Dot,
    Indicate,
    LaggedStart,
    Line,
    Succession,
    SurroundingRectangle,
    VGroup,
    VMobject,
)

from attention_core.language import t
from attention_core.lessons.real_model import PieceReading, RealModelLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP, stack
from scenes.pieces import ARC_RISE, PieceBars, PieceColumn, PieceRow, WeightGrid, weighted_arc
from scenes.plane import WordDot, WordPlane, place_labels

BAR_LENGTH = 1.8  # a weight of 1, at most
GRID_ROWS = {"landscape": 2, "vertical": 4}  # the rows the heads' grids are arranged in
SENTENCE_COLOURS = (style.HEAD_COLOURS[0], style.HEAD_COLOURS[1])  # the two sentences' paths


class RealModelScene(LessonScene):
    lesson: RealModelLesson

    def construct(self):
        lesson = self.lesson
        # 1. the sentence as the model reads it
        heading = self.title()
        which = self.layer_and_head(heading)  # shown in step 2; its place is kept from the start
        self.ask()
        row = self.piece_row(0, lesson.readings[0])
        markers = [label for label, special in zip(row.labels, lesson.readings[0].special) if special]
        self.say(
            "realmodel.pieces",
            Succession(  # piece by piece, then the markers the model adds
                LaggedStart(*(FadeIn(label, shift=0.15 * UP) for label in row.labels), lag_ratio=0.3),
                *(Indicate(marker, scale_factor=style.indicate_scale(marker), color=style.FOCUS) for marker in markers),
            ),
        )
        self.add(row)

        # 2. one head of one layer: the focus piece's row of weights, in each sentence
        which.name = "layer_head"
        self.say("realmodel.head", FadeIn(which))
        shown = VGroup(row)
        for number, reading in enumerate(lesson.readings):
            shown = self.show_row(number, reading, shown)

        # 3. the focus word's two vectors, layer by layer
        self.end_beat()
        self.play(FadeOut(shown), *self.caption_exit(), run_time=style.SHORT)
        self.show_paths()

        # 4. every head of the layer
        self.show_heads()
        self.wait(style.PAUSE)
        self.conclude(self.chosen_frame)

    def layer_and_head(self, heading: VMobject) -> VMobject:
        """Which layer and head: beside the heading, or under it (then the stage starts lower)."""
        lesson = self.lesson
        which = typeset.plain_text(
            t(
                "realmodel.which",
                "layer {layer} of {layers} \u00b7 head {head} of {heads}",
                layer=lesson.layer,
                layers=lesson.layers,
                head=lesson.head,
                heads=lesson.heads,
            ),
            style.LABEL_SIZE,
            style.FOCUS,
        )
        which.next_to(heading, RIGHT, buff=GAP["large"]).align_to(heading, DOWN)
        if which.get_right()[0] > self.stage.content.right:
            which.next_to(heading, DOWN, buff=GAP["tight"], aligned_edge=LEFT)
            self.stage = self.stage.below(VGroup(heading, which))
        return which

    def piece_row(self, number: int, reading: PieceReading) -> PieceRow | PieceColumn:
        """The sentence's pieces: a row under room for the arcs, or in a tall frame a column
        right of that room (the bars and numbers take the rest)."""
        content = self.stage.content
        if self.stage.vertical:
            row = PieceColumn(
                reading.pieces, reading.special, reading.focus_index, content.height, prefix=f"piece{number}"
            )
            row.move_to(content.point(UP + LEFT) + (ARC_RISE + 0.2 + row.width) * RIGHT, aligned_edge=UP + RIGHT)
        else:
            row = PieceRow(reading.pieces, reading.special, reading.focus_index, content.width, prefix=f"piece{number}")
            content.below_top(ARC_RISE + 0.1).put(row, UP)
        row.name = f"row:{number}"
        return row

    def show_row(self, number: int, reading: PieceReading, shown: VGroup) -> VGroup:
        """Arcs and bars of one sentence's focus row, replacing what is `shown` (the row alone,
        or the last sentence's row, arcs and bars); returns what it leaves on screen."""
        row = shown[0]
        if number > 0:  # the next sentence takes the row's place
            row = self.piece_row(number, reading)
            self.end_beat()
            self.play(FadeOut(shown), *self.caption_exit(), run_time=style.SHORT)
            self.play(FadeIn(row), run_time=style.SHORT)
        arcs = VGroup()
        for index, weight in enumerate(reading.weights):
            if index == reading.focus_index:
                continue  # its weight on itself is its bar
            arc = weighted_arc(
                row.arc_end(index), row.arc_end(reading.focus_index), float(weight), style.FOCUS, ARC_RISE
            )
            arc.name = f"arc{number}:{index}"
            arcs.add(arc)
        bars = PieceBars(
            row, reading.weights, reading.labelled, style.WEIGHT, self.bar_length(row), prefix=f"weight{number}"
        )
        self.say(
            f"realmodel.sentence-{number + 1}",
            LaggedStart(*(Create(arc) for arc in arcs), lag_ratio=0.1),
            LaggedStart(*(FadeIn(bar) for bar in bars), lag_ratio=0.1),
        )
        self.wait(style.PAUSE)
        return VGroup(row, arcs, bars)

    def bar_length(self, row) -> float:
        """A weight of 1's bar: as long as the room past the pieces allows, less the numbers'."""
        content = self.stage.content
        if self.stage.vertical:
            numbers_room = typeset.number_text(1.0, 2, row.size).width + 0.2
            return min(BAR_LENGTH, content.right - row.bar_start(0)[0] - numbers_room)
        numbers_room = 0.9  # two staggered lines of weights under the bars
        return min(BAR_LENGTH, row.get_bottom()[1] - 0.15 - numbers_room - content.bottom)

    def show_paths(self):
        """The two focus vectors after each layer, as two paths in one plane; beside them,
        their cosine after each layer."""
        lesson = self.lesson
        plane = WordPlane.filling(lesson.paths.reshape(-1, 2), self.stage.main, margin=0.5)
        plane.name = "paths_plane"
        legend = VGroup(
            *(
                typeset.left_aligned_text(
                    f"\u201c{reading.text}\u201d", self.stage.panel.width, style.LABEL_SIZE, colour
                )
                for reading, colour in zip(lesson.readings, SENTENCE_COLOURS)
            )
        )
        legend.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
        note = typeset.wrapped_text(
            t(
                "realmodel.paths-note",
                "each ray: the word's vector after a layer, at its own length and at the angle between the two",
            ),
            self.stage.panel.width,
            style.SMALL_SIZE,
            style.MUTED,
        )
        note.name = "paths_note"
        table = self.cosine_table()
        shown_note = [] if self.stage.vertical else [note]  # a vertical panel has no room: the line says it
        panel = self.stage.panel.shrink_to_fit(stack(legend, *shown_note, table, gap="medium"), UP + LEFT)
        for index, text in enumerate(legend):
            text.name = f"path_sentence:{index}"
        self.play(
            Create(plane), FadeIn(legend), *(FadeIn(n) for n in shown_note), FadeIn(table[0]), run_time=style.MEDIUM
        )
        dots, steps = [[], []], []
        origin = plane.origin()
        rays = [Line(origin, origin, color=colour, stroke_width=3) for colour in SENTENCE_COLOURS]
        for side, ray in enumerate(rays):
            ray.name = f"ray{side}"
        for layer in range(lesson.layers + 1):
            moves = []
            for side, colour in enumerate(SENTENCE_COLOURS):
                point = plane.point(lesson.paths[side, layer])
                dot = Dot(point, radius=style.DOT_RADIUS, color=colour)
                dot.name = f"path{side}:{layer}"
                if dots[side]:
                    step = Line(dots[side][-1].get_center(), point, color=colour, stroke_width=2)
                    step.name = f"step{side}:{layer}"
                    steps.append(step)
                    moves.append(Create(step))
                dots[side].append(dot)
                # the vector itself, from the origin: the angle between the two rays is the cosine's
                moves.append(rays[side].animate.put_start_and_end_on(origin, point))
                moves.append(FadeIn(dot))
            if layer == 0:  # where the two vectors start, said as they appear
                self.add(*rays)
                self.say("realmodel.start", *moves, FadeIn(table[layer + 1]))
            else:
                if layer == 1:  # then where they go, said while they go there
                    self.say("realmodel.paths")
                self.play(*moves, FadeIn(table[layer + 1]), run_time=style.SHORT)
        numbered = [
            WordDot(str(layer), dot.get_center(), SENTENCE_COLOURS[side], size=style.SMALL_SIZE)
            for side in range(2)
            for layer, dot in enumerate(dots[side])
        ]
        for index, word_dot in enumerate(numbered):
            side, layer = divmod(index, lesson.layers + 1)
            word_dot.label.name = f"path_label{side}:{layer}"
        place_labels(numbered, self.stage.label_bounds)
        self.play(*(FadeIn(word_dot.label) for word_dot in numbered), run_time=style.SHORT)
        self.wait(style.PAUSE)
        self.end_beat()
        self.play(
            FadeOut(plane),
            FadeOut(panel),
            *(FadeOut(ray) for ray in rays),
            *(FadeOut(d) for side in dots for d in side),
            *(FadeOut(step) for step in steps),
            *(FadeOut(word_dot.label) for word_dot in numbered),
            *self.caption_exit(),
            run_time=style.SHORT,
        )

    def cosine_table(self) -> VGroup:
        """A title row, then one row a layer: which layer, the cosine of the two vectors."""
        lesson = self.lesson
        rows = VGroup(
            typeset.plain_text(t("realmodel.cosine-title", "cosine of the two vectors"), style.LABEL_SIZE, style.MUTED)
        )
        for layer, cosine in enumerate(lesson.cosines):
            name = typeset.plain_text(
                t("realmodel.layer-0", "0  embedding")
                if layer == 0
                else t("realmodel.after-layer", "after layer {layer}", layer=layer),
                style.LABEL_SIZE,
            )
            value = typeset.number_text(cosine, 2, style.LABEL_SIZE)
            value.name = f"cosine:{layer}"
            rows.add(VGroup(name, value))
        name_width = max(row[0].width for row in rows[1:])
        for row in rows[1:]:
            row[1].next_to(row[0], RIGHT, buff=GAP["medium"] + name_width - row[0].width)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
        return rows

    def show_heads(self):
        """Every head of the chosen layer, for the first sentence, as a grid of weights; the
        head drawn above is framed."""
        lesson = self.lesson
        grids = VGroup()
        for head, weights in enumerate(lesson.grids):
            grid = WeightGrid(weights, style.FOCUS, side=1.45)
            grid.name = f"grid:{head}"
            label = typeset.plain_text(
                t("realmodel.grid-label", "head {number}", number=head + 1),
                style.SMALL_SIZE,
                style.FOCUS if head + 1 == lesson.head else style.MUTED,
            )
            label.name = f"grid_label:{head}"
            grids.add(VGroup(grid, label.next_to(grid, DOWN, buff=GAP["tight"])))
        rows = GRID_ROWS[self.stage.format]
        grids.arrange_in_grid(rows=rows, cols=int(np.ceil(len(grids) / rows)), buff=(GAP["medium"], GAP["small"]))
        content = self.stage.content
        note = typeset.wrapped_text(
            f"\u201c{lesson.readings[0].text}\u201d \u00b7 row: the piece asking, column: the piece looked at",
            content.width,
            style.SMALL_SIZE,
            style.MUTED,
        )
        content.put(note, UP)
        note.name = "grid_note"
        below = content.below(note, "small")
        below.fit(grids)  # the grids fill the rest, as large as it allows
        below.put(grids, UP)
        frame = SurroundingRectangle(grids[lesson.head - 1], color=style.HIGHLIGHT, buff=0.06, stroke_width=2.5)
        frame.name = "chosen_head"
        self.chosen_frame = frame  # what the chapter ends on
        self.say(
            "realmodel.heads",
            Succession(
                AnimationGroup(FadeIn(note), LaggedStart(*(FadeIn(g) for g in grids), lag_ratio=0.05)), Create(frame)
            ),
            lasting=style.LONG,
        )
