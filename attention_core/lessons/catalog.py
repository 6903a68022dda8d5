"""Every clip by scene name, in teaching order, with what makes its lesson: tables derived
from the lecture's one list of chapters (lessons/lecture.py), each chapter declared once
beside its lesson (lessons/chapter.py).

Kept here, free of manim, so that render.py can check a whole request, and decide what an
unchanged re-run may reuse, without loading the drawing code.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..examples import Example
from ..language import writing_in
from .lecture import LECTURE, chapter_by_scene, scene_names

LESSONS: dict[str, Callable[[Example], object]] = {chapter.scene_name: chapter.lesson for chapter in LECTURE}
TELLING = {chapter.scene_name: chapter.telling for chapter in LECTURE}  # the line whose beat's end is its thumbnail
HEADLINE = ("GravityScene", "ProjectionScene", "MultiHeadScene")  # what render.py renders by default


def lecture_scenes(example: Example) -> list[str]:
    """The lecture's clips for `example`, by scene name, in order: its `chapters` list, or the
    whole lecture (the real model's after the history, if it has a [model]; the recap last)."""
    return scene_names(example)


def heading_for(scene: str, example: Example) -> str:
    """The chapter title of the clip `scene`, known before anything renders (its lesson's arc),
    in the example's language."""
    with writing_in(example.language):
        return chapter_by_scene(scene, example).arc(example).heading


def lesson_for(scene: str, example: Example):
    """The lesson of the clip `scene` for `example`, in the example's language. Kept for the
    process, by the example's canonical form and its language's catalogue (all a lesson reads):
    a run asks for each lesson several times (its voice checks, its reuse keys, the lecture's
    files), some of them run the real model, and a lesson is read-only all the way down."""
    from ..language import language

    catalogue = language(example.language).digest if example.language != "en" else ""
    key = (scene, json.dumps(example.canonical(), sort_keys=True), example.defaults_used, catalogue)
    if key not in _KEPT_LESSONS:
        with writing_in(example.language):
            _KEPT_LESSONS[key] = chapter_by_scene(scene, example).lesson(example)
    return _KEPT_LESSONS[key]


_KEPT_LESSONS: dict[tuple, object] = {}
lesson_for.cache_clear = _KEPT_LESSONS.clear  # as functools' caches: tests under mutation clear it
