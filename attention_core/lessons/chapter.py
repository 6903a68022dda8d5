"""A chapter of the lecture, declared once, beside its lesson: `Chapter`.

Every table the lecture reads (the lessons by scene, the arcs, the recap's key pictures, the
telling lines, the Manim classes) is derived from the ordered list of chapters in
`lessons/lecture.py`; nothing else names a chapter. A creator's own chapter is a `Chapter`
too, in their own Python file (docs/guide.md, "Adding a chapter").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..examples import Example
from .arc import Arc

NAME = re.compile(r"^[a-z][a-z0-9]*$")  # a line id's first part: letters and digits
SCENE = re.compile(r"^[A-Z][A-Za-z0-9]*$")  # a Manim class's name, and the clip's file name


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """One chapter: what it teaches, how it is drawn and said, and what it needs.

    Parameters
    ----------
    name
        Its one name: the first part of its narration line ids and catalogue messages
        ("gravity" of "gravity.question"), and what an example's `chapters` list names.
    scene
        The Manim class that draws its lesson, as "module:Class" ("scenes.gravity:GravityScene"),
        so that the core names it without loading manim; its class name is the clip's name.
    lesson
        Makes the chapter's lesson (every number it shows and every line it says) from an example.
    arc
        Its heading, question, guess and takeaway, made from the example alone (known before
        anything renders).
    lines
        The lines said between the question and the takeaway, read off its lesson, as
        (id, text) pairs.
    key_picture
        The panels the recap shows for it, from its lesson; None for a chapter the recap leaves
        out (the introduction, the recap itself).
    recap
        What the recap says over its key picture, made from the example: a few new words, not
        the takeaway again (the recap is a montage, not a re-reading). None: its takeaway.
    telling
        The id of the line whose picture, at the end of its beat, tells most of the clip (its
        thumbnail and the preview's frame).
    needs_model
        True: it draws a pretrained model, and an example without a [model] table leaves it out
        of the lecture (and refuses it by name).
    """

    name: str
    scene: str | type
    lesson: Callable[[Example], object]
    arc: Callable[[Example], Arc]
    lines: Callable[[object], list[tuple[str, str]]]
    key_picture: Callable[[object], tuple] | None = None
    recap: Callable[[Example], str] | None = None
    telling: str
    needs_model: bool = False

    def __post_init__(self):
        if not NAME.match(self.name):
            raise ValueError(f"a chapter's name is lower-case letters and digits, got {self.name!r}")
        if not SCENE.match(self.scene_name):
            raise ValueError(f"chapter {self.name}: its scene's class name must be a Python class name")
        if not self.telling.startswith(f"{self.name}."):
            raise ValueError(f"chapter {self.name}: its telling line {self.telling!r} must be one of its own")

    @property
    def scene_name(self) -> str:
        """The Manim class's name: the clip's name ("GravityScene")."""
        return self.scene.__name__ if isinstance(self.scene, type) else self.scene.rpartition(":")[2]

    def scene_class(self) -> type:
        """The Manim class itself (this imports manim)."""
        if isinstance(self.scene, type):
            return self.scene
        import importlib

        module, _, name = self.scene.partition(":")
        return getattr(importlib.import_module(module), name)
