"""The recap, the lecture's last chapter: a montage of each chapter's key picture, each with a
few new words (its Chapter's `recap` line; its takeaway where it has none), under 45 seconds.

A key picture is a few panels of numbers the chapter showed, taken from that chapter's own
lesson (so the recap writes each number as the chapter did):

    WeightsPanel   one word's attention weights, as bars          softmax, projection, heads
    GridPanel      an n x n weight grid                            the causal mask
    PlanePanel     the word plane: one embedding, its contexts     gravity
    StepsPanel     a sentence's words and how many steps it takes  the recurrent network
    TextPanel      a few lines of text                             the formula, the history

The recap is made from the other chapters' lessons, each chapter's `key_picture` (its Chapter
record, beside its lesson) applied to its lesson.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..examples import Example
from ..text import SYMBOLS
from . import arc, narration
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson
from .panels import GridPanel, Panel, PlanePanel, StepsPanel, TextPanel, WeightsPanel  # noqa: F401 (the old import path)

Q, K = SYMBOLS["query"], SYMBOLS["key"]


@dataclass(frozen=True)
class RecapEntry(Lesson):
    id: str  # the recap line's id part: the chapter's scene name, lower case
    heading: str  # the chapter's title
    takeaway: str  # its takeaway, word for word as the chapter says it
    said: str  # what the recap says over its picture: a few new words (the takeaway, for a chapter without)
    picture: tuple[Panel, ...]  # its key picture, from its lesson's numbers


@dataclass(frozen=True)
class RecapLesson(ClipLesson):
    chapters: tuple[RecapEntry, ...]  # every chapter before the recap but the introduction, in order


def recap_lesson(example: Example) -> RecapLesson:
    """Every chapter's key picture and takeaway again, in the lecture's order: each chapter of
    `example`'s lecture that has a key picture, from its own lesson."""
    from .catalog import lesson_for  # the lessons kept for the run: each chapter's is made once
    from .lecture import chapters_for  # the lecture lists the recap: read when the recap is made

    entries = []
    for chapter in chapters_for(example):
        if chapter.key_picture is None:  # the introduction, the recap itself
            continue
        made = chapter.arc(example)
        entries.append(
            RecapEntry(
                id=chapter.scene_name.lower(),
                heading=made.heading,
                takeaway=made.takeaway,
                said=chapter.recap(example) if chapter.recap is not None else made.takeaway,
                picture=chapter.key_picture(lesson_for(chapter.scene_name, example)),
            )
        )
    return narration.attach(RecapLesson(chapters=tuple(entries)), arc.recap_arc(example), "recap", recap_lines)


# -- the lines between its question and its takeaway ------------------------------


def recap_lines(lesson) -> list[tuple[str, str]]:
    return [(f"recap.{chapter.id}", chapter.said) for chapter in lesson.chapters]


CHAPTER = Chapter(
    name="recap",
    scene="scenes.recap:RecapCard",
    lesson=recap_lesson,
    arc=arc.recap_arc,
    lines=recap_lines,
    telling="recap.takeaway",
)
