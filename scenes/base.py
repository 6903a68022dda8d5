"""LessonScene: a Scene that draws one lesson, with a title and a caption line."""

from __future__ import annotations

from manim import DOWN, LEFT, UP, FadeIn, FadeOut, Scene, VMobject

from attention_core.examples import Example
from scenes import style
from scenes.source import current_example


class LessonScene(Scene):
    """Subclasses define `lesson_for(example)` and `construct()` drawing `self.lesson`."""

    @classmethod
    def lesson_for(cls, example: Example):
        raise NotImplementedError

    def __init__(self, lesson=None, **kwargs):
        self.lesson = lesson if lesson is not None else self.lesson_for(current_example())
        self.caption_mobject: VMobject | None = None
        super().__init__(**kwargs)

    def setup(self):
        self.camera.background_color = style.BACKGROUND

    def title(self, text: str) -> VMobject:
        """The clip's heading, top left."""
        heading = style.plain_text(text, style.HEADING_SIZE)
        heading.to_corner(UP + LEFT, buff=style.EDGE_BUFFER)
        heading.name = "heading"
        return heading

    def caption(self, text: str, run_time: float = style.SHORT):
        """Replace the caption at the bottom of the frame with `text`."""
        max_width = self.camera.frame_width - 2 * style.EDGE_BUFFER
        new = style.wrapped_text(text, max_width, style.CAPTION_SIZE)
        new.to_edge(DOWN, buff=style.EDGE_BUFFER)
        new.name = "caption"
        if self.caption_mobject is not None:
            self.play(FadeOut(self.caption_mobject), run_time=run_time / 2)
        self.play(FadeIn(new, shift=0.1 * UP), run_time=run_time / 2)
        self.caption_mobject = new
