"""Every clip by scene name, in teaching order, with the function that makes its lesson.

The names are the scenes' names (scenes/catalog.py pairs each with its Manim class). Kept
here, free of manim, so that render.py can check a whole request, and decide what an
unchanged re-run may reuse, without loading the drawing code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from ..examples import Example
from ..language import writing_in
from .arc import ARCS, chapter_scenes
from .cards import history_lesson, intro_lesson
from .formula import formula_lesson
from .gravity import gravity_lesson
from .masks import mask_lesson
from .multihead import multihead_lesson
from .parallel import parallel_lesson
from .projection import projection_lesson
from .real_model import real_model_lesson
from .recap import KEY_PICTURES, recap_lesson
from .scaling import scaling_lesson
from .softmax_sweep import softmax_lesson

LECTURE: dict[str, Callable[[Example], object]] = {  # the whole lecture, in teaching order
    "IntroCard": intro_lesson,
    "GravityScene": gravity_lesson,
    "SoftmaxScene": softmax_lesson,
    "ProjectionScene": projection_lesson,
    "FormulaScene": formula_lesson,
    "ScalingScene": scaling_lesson,
    "MultiHeadScene": multihead_lesson,
    "MaskScene": mask_lesson,
    "ParallelScene": parallel_lesson,
    "HistoryCard": history_lesson,
}

NEEDS_MODEL = {"RealModelScene": real_model_lesson}  # after the history, for an example with a [model]

CLOSING = {"RecapCard": partial(recap_lesson, makers={**LECTURE, **NEEDS_MODEL})}  # last: every key picture again

LESSONS = {**LECTURE, **NEEDS_MODEL, **CLOSING}  # every clip's lesson maker, by scene name, in teaching order

if list(LESSONS) != list(ARCS):
    raise ImportError("the lessons and the arcs must name the same clips, in the same order")
if list(KEY_PICTURES) != list(LESSONS)[1:-1]:
    raise ImportError("the recap must have a key picture for every chapter between the introduction and itself")

HEADLINE = ("GravityScene", "ProjectionScene", "MultiHeadScene")  # what render.py renders by default

TELLING = {  # the narration line whose picture, at the end of its beat, tells most of the clip (its thumbnail)
    "IntroCard": "intro.guess",
    "GravityScene": "gravity.closing",
    "SoftmaxScene": "softmax.slide",
    "ProjectionScene": "projection.rescore",
    "FormulaScene": "formula.values",
    "ScalingScene": "scaling.saturate",
    "MultiHeadScene": "multihead.sum",
    "MaskScene": "mask.causal",
    "ParallelScene": "parallel.positions",
    "HistoryCard": "history.scaling",
    "RealModelScene": "realmodel.sentence-1",
    "RecapCard": "recap.takeaway",
}


def lecture_scenes(example: Example) -> list[str]:
    """The lecture's chapters for `example`, in order: the real model's after the history, if
    it has one, and the recap last (the arcs' order)."""
    return chapter_scenes(example)


def heading_for(scene: str, example: Example) -> str:
    """The chapter title of the clip `scene`, known before anything renders (its lesson's arc),
    in the example's language."""
    with writing_in(example.language):
        return ARCS[scene](example).heading


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
            _KEPT_LESSONS[key] = LESSONS[scene](example)
    return _KEPT_LESSONS[key]


_KEPT_LESSONS: dict[tuple, object] = {}
lesson_for.cache_clear = _KEPT_LESSONS.clear  # as functools' caches: tests under mutation clear it
