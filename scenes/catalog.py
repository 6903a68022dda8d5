"""Every clip the project renders, by scene name, in teaching order (the lecture's order):
the Manim class that draws each chapter's lesson, as its Chapter record names it
(attention_core/lessons/lecture.py)."""

from __future__ import annotations

from attention_core.examples import Example
from attention_core.lessons.catalog import HEADLINE, lecture_scenes
from attention_core.lessons.lecture import LECTURE, chapter_by_scene

SCENES = {chapter.scene_name: chapter.scene_class() for chapter in LECTURE}  # every built-in scene by name


def scene_class(scene: str, example: Example) -> type:
    """The Manim class of the clip `scene` of `example`'s lecture (a creator's own chapter's too)."""
    return SCENES[scene] if scene in SCENES else chapter_by_scene(scene, example).scene_class()


__all__ = ["HEADLINE", "SCENES", "lecture_scenes", "scene_class"]
