"""RecapCard, the lecture's last clip: each chapter's key picture again, with its takeaway.

Each kind of panel of attention_core.lessons.recap is drawn by one function here, from the
numbers the recap lesson carries (the chapters' own): `draw_panel` picks it.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    DashedLine,
    Dot,
    LaggedStart,
    Succession,
    VGroup,
)

from attention_core.lessons.recap import (
    GridPanel,
    PlanePanel,
    RecapEntry,
    RecapLesson,
    StepsPanel,
    TextPanel,
    WeightsPanel,
)
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn, FadeOut
from scenes.layout import GAP, Region, stack
from scenes.mobjects import WeightBars
from scenes.parallel import token_box
from scenes.plane import WordDot, WordPlane, place_labels
from scenes.tables import WeightGrid
from scenes.writing import steps_text

ROW_STEP = 0.34  # between two rows of a panel's weight bars
BAR_LENGTH = 1.4  # a weight of 1
GRID_CELL = 0.72  # a cell of the mask's grid
MOST_GROWTH = 1.5  # a small picture is drawn up to this much larger, to fill its region
TITLE_ROOM = 0.5  # a panel's title, over a plane: its height and the gap under it


def draw_panel(panel, region: Region, name: str) -> VGroup:
    """One panel of a key picture, its numbers named `name:<index>`; a plane fills `region`.
    Its parts, in the order they are built: the title, then what it shows, row by row."""
    if isinstance(panel, WeightsPanel):
        bars = WeightBars(
            panel.labels,
            panel.weights,
            style.WEIGHT,
            bar_length=BAR_LENGTH,
            size=style.SMALL_SIZE,
            prefix=name,
            row_step=ROW_STEP,
        )
        return titled(panel.title, *bars.rows)
    if isinstance(panel, GridPanel):
        grid = WeightGrid(
            panel.tokens,
            panel.tokens,
            panel.weights,
            style.QUERY,
            name,
            mask=panel.mask,
            cell=GRID_CELL,
            size=style.SMALL_SIZE,
        )
        size = len(panel.tokens)
        rows = [VGroup(grid.row_labels[i], *grid.cells[i * size : (i + 1) * size]) for i in range(size)]
        return titled(panel.title, grid.column_labels, *rows)
    if isinstance(panel, PlanePanel):
        return plane_panel(panel, region, name)
    if isinstance(panel, StepsPanel):
        return steps_panel(panel, name)
    if isinstance(panel, TextPanel):
        return stack(
            *(typeset.left_aligned_text(line, region.width, style.BODY_SIZE) for line in panel.lines), gap="medium"
        )
    raise TypeError(f"no drawing for a {type(panel).__name__}")


def titled(title: str, *parts) -> VGroup:
    """A panel: its title in small muted print, over its parts."""
    heading = typeset.typeset(title, style.SMALL_SIZE, style.MUTED)
    body = VGroup(*parts)
    body.next_to(heading, DOWN, buff=GAP["small"], aligned_edge=LEFT)
    return VGroup(heading, *parts)


def plane_panel(panel: PlanePanel, region: Region, name: str) -> VGroup:
    """The word plane, every other word a small muted dot; the focus word's one embedding; a
    dashed trail from it to each sentence's context vector."""
    title = typeset.typeset(panel.title, style.SMALL_SIZE, style.MUTED)
    points = np.array(list(panel.words.values()) + list(panel.contexts))
    plane = WordPlane(points, region.width, region.height - TITLE_ROOM, margin=0.5)
    plane.next_to(title, DOWN, buff=GAP["small"], aligned_edge=LEFT)
    dots = VGroup(
        *(
            Dot(plane.point(xy), radius=style.DOT_RADIUS * 0.8, color=style.MUTED)
            for word, xy in panel.words.items()
            if word != panel.focus
        )
    )
    embedding = WordDot(panel.focus, plane.point(panel.embedding), style.EMBEDDING_GHOST, size=style.SMALL_SIZE)
    contexts = [
        WordDot(f"context {number}", plane.point(xy), style.CONTEXT, size=style.SMALL_SIZE)
        for number, xy in enumerate(panel.contexts, start=1)
    ]
    for number, context in enumerate(contexts):
        context.label.name = f"{name}:{number}"
    box = plane.get_left()[0], plane.get_right()[0], plane.get_bottom()[1], plane.get_top()[1]
    place_labels([embedding, *contexts], bounds=box, keep_clear=[*plane.axes, *dots])
    arrivals = [
        VGroup(
            DashedLine(
                embedding.dot.get_center(),
                context.dot.get_center(),
                color=style.CONTEXT,
                stroke_width=2,
                dash_length=0.08,
            ),
            context,
        )
        for context in contexts
    ]
    return VGroup(title, plane, dots, embedding, *arrivals)


def steps_panel(panel: StepsPanel, name: str) -> VGroup:
    """A sentence's words in boxes, an arrow from word to word if it takes a step per word;
    under them, how many steps it takes."""
    stepwise = panel.steps > 1
    boxes = VGroup(
        *(token_box(token, style.KEY if stepwise else style.QUERY, style.SMALL_SIZE) for token in panel.tokens)
    ).arrange(RIGHT, buff=GAP["medium"] if stepwise else GAP["tight"])
    arrows = VGroup(
        *(
            Arrow(
                a.get_right(),
                b.get_left(),
                buff=0.02,
                color=style.KEY,
                stroke_width=2,
                max_tip_length_to_length_ratio=0.5,
            )
            for a, b in zip(boxes, boxes[1:])
            if stepwise
        )
    )
    count = typeset.plain_text(steps_text(panel.steps), style.LABEL_SIZE)
    count.name = f"{name}:0"
    body = stack(VGroup(boxes, arrows), count)
    return titled(panel.title, *body)


def key_picture(entry: RecapEntry, region: Region, name: str) -> VGroup:
    """A chapter's panels side by side, or one above the other if that shows them larger; as
    large as `region` holds (at most MOST_GROWTH times as drawn), at its top."""
    picture = VGroup(*(draw_panel(panel, region, f"{name}:{index}") for index, panel in enumerate(entry.picture)))
    if len(picture) > 1:
        row = picture.copy().arrange(RIGHT, aligned_edge=UP, buff=GAP["large"])
        column = picture.copy().arrange(DOWN, aligned_edge=LEFT, buff=GAP["large"])
        if scale_in(row, region) >= scale_in(column, region):
            picture.arrange(RIGHT, aligned_edge=UP, buff=GAP["large"])
        else:
            picture.arrange(DOWN, aligned_edge=LEFT, buff=GAP["large"])
    return region.put(picture.scale(scale_in(picture, region)), UP)


def scale_in(mobject: VGroup, region: Region) -> float:
    """How much `mobject` is scaled to fit in `region` (at most MOST_GROWTH)."""
    return min(MOST_GROWTH, region.width / mobject.width, region.height / mobject.height)


class RecapCard(LessonScene):
    """The recap: chapter by chapter, its title and its key picture again while its takeaway
    is said; then every chapter's title in one list.

    Storyboard:
      1. the question: what is worth remembering?
      2. chapter by chapter: its number and title, and its key picture built from its own
         numbers, replacing the chapter before, while its takeaway is said
      3. the list of every chapter; the lecture's takeaway
    """

    lesson: RecapLesson

    def construct(self):
        lesson = self.lesson
        # 1. the question, over the list of the chapters it looks back on
        self.title()
        content = self.stage.content
        entries = self.chapter_list(content)
        entries.name = "chapters_asked"
        self.ask(LaggedStart(*(FadeIn(entry, shift=0.1 * RIGHT) for entry in entries), lag_ratio=0.15))

        # 2. each chapter: its title, its key picture built while a few words on it are said
        shown = entries
        for number, chapter in enumerate(lesson.chapters, start=1):
            heading = typeset.left_aligned_text(
                f"{number}. {chapter.heading}", content.width, style.BODY_SIZE, style.FOCUS
            )
            content.put(heading, UP + LEFT)
            heading.name = f"chapter:{chapter.id}"
            picture = key_picture(chapter, content.below(heading, "medium"), f"recap_{chapter.id}")
            picture.name = f"picture:{chapter.id}"
            parts = [part for panel in picture for part in panel]  # each panel's title, then row by row
            build = LaggedStart(
                FadeIn(heading, shift=0.1 * RIGHT), *(FadeIn(part, shift=0.1 * UP) for part in parts), lag_ratio=0.5
            )
            self.say(
                f"recap.{chapter.id}",
                Succession(FadeOut(shown), build),
                lasting=style.MEDIUM,  # a montage: as long as its few words, no longer
            )
            shown = VGroup(heading, picture)
        self.end_beat()

        # 3. every chapter's title in one list again; the lecture's takeaway
        entries = self.chapter_list(content)
        self.play(FadeOut(shown), FadeIn(entries), run_time=style.SHORT)
        self.conclude(entries)

    def chapter_list(self, content) -> VGroup:
        """Every chapter's title, numbered, in one list at the top left of `content`."""
        entries = VGroup(
            *(
                typeset.typeset(f"{number}. {chapter.heading}", style.LABEL_SIZE)
                for number, chapter in enumerate(self.lesson.chapters, start=1)
            )
        )
        entries.arrange(DOWN, aligned_edge=LEFT, buff=GAP["small"])
        content.shrink_to_fit(entries, UP + LEFT)
        entries.name = "chapters"
        return entries
