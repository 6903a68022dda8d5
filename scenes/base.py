"""LessonScene: a Scene that draws one lesson, with a title and a caption line."""

from __future__ import annotations

from collections.abc import Callable

from manim import DOWN, LEFT, UP, FadeIn, FadeOut, Scene, VGroup, VMobject

from attention_core.examples import Example
from scenes import style
from scenes.source import current_example


class LessonScene(Scene):
    """Subclasses set `build_lesson` (a function of the example, from attention_core.lessons)
    and write `construct()` drawing `self.lesson`."""

    build_lesson: Callable[[Example], object]

    @classmethod
    def lesson_for(cls, example: Example):
        return cls.build_lesson(example)

    def __init__(self, lesson=None, voice_lengths: dict[str, float] | None = None, burn_captions: bool = True,
                 **kwargs):
        """`voice_lengths` (seconds per narration line id) paces the clip to a narration;
        without it the clip keeps its own timing. `burn_captions=False` leaves the picture clean
        (the subtitle file still has every line)."""
        self.lesson = lesson if lesson is not None else self.lesson_for(current_example())
        self.lines = {line.id: line for line in self.lesson.narration}
        self.voice_lengths = voice_lengths
        self.burn_captions = burn_captions
        self.said: list[tuple[str, float]] = []  # (line id, when its voice starts), in order
        self.heading_text: str | None = None  # the clip's heading: its chapter title in the lecture
        self.caption_mobject: VMobject | None = None
        self.open_subtitle: tuple[str, float] | None = None  # (line text, when it appeared)
        super().__init__(**kwargs)

    def setup(self):
        self.camera.background_color = style.BACKGROUND

    def title(self, text: str, sentence: str | None = None) -> VMobject:
        """The clip's heading, top left; under it, in small print, the sentence it reads."""
        max_width = self.camera.frame_width - 2 * style.EDGE_BUFFER
        self.heading_text = text
        heading = style.plain_text(text, style.HEADING_SIZE)
        if heading.width > max_width:  # a long title: smaller, still one line
            heading.scale_to_fit_width(max_width)
        heading.to_corner(UP + LEFT, buff=style.EDGE_BUFFER)
        heading.name = "heading"
        if sentence is None:
            return heading
        line = style.plain_text(f"\u201c{sentence}\u201d", style.SMALL_SIZE, style.MUTED)
        if line.width > max_width:
            line.scale_to_fit_width(max_width)
        line.next_to(heading, DOWN, buff=0.12, aligned_edge=LEFT)
        line.name = "heading_sentence"
        return VGroup(heading, line)

    def keep_above_caption(self, mobject: VMobject, top: float | None = None, margin: float = 0.0) -> VMobject:
        """Shrink `mobject` (about its top edge) if it would reach into the caption lines (with
        `margin` to spare, for a frame drawn around it later); with `top`, first move its top
        edge there."""
        if top is not None:
            mobject.shift((top - mobject.get_top()[1]) * UP)
        room = mobject.get_top()[1] - style.CAPTION_TOP - margin
        if mobject.height > room:
            mobject.scale(room / mobject.height, about_edge=UP)
        return mobject

    def say(self, line_id: str, run_time: float = style.SHORT):
        """Say the lesson's narration line `line_id`: first let the line before it finish (its
        voice, then a short pause), then show this one as the caption. Every line is also
        written, with its times, to the subtitle file (.srt) beside the clip."""
        line = self.lines[line_id]
        self.end_beat()
        exits = self.caption_exit()
        if exits:
            self.play(*exits, run_time=run_time / 2)
        self.said.append((line_id, self.time))  # the voice starts as the caption appears
        self.open_subtitle = (line.text, self.time)
        if self.burn_captions:
            max_width = self.camera.frame_width - 2 * style.EDGE_BUFFER
            new = style.wrapped_text(line.text, max_width, style.CAPTION_SIZE)
            new.to_edge(DOWN, buff=style.EDGE_BUFFER)
            new.name = "caption"
            self.play(FadeIn(new, shift=0.1 * UP), run_time=run_time / 2)
            self.caption_mobject = new

    def end_beat(self):
        """End the beat of the last line said: hold the picture until its voice has ended, plus
        a pause, so a narrated beat lasts as long as its sentence (nothing is cut). `say` does
        this first; a storyboard does it before showing what the next line is about."""
        if not self.said or self.voice_lengths is None:
            return
        line_id, start = self.said[-1]
        remaining = start + self.voice_lengths[line_id] + style.BEAT_PAUSE - self.time
        if remaining > 1e-6:
            self.wait(remaining)

    def caption_exit(self) -> list:
        """The caption's exit, to play together with other exits: its subtitle ends now."""
        self.close_subtitle()
        caption, self.caption_mobject = self.caption_mobject, None
        return [] if caption is None else [FadeOut(caption)]

    def close_subtitle(self):
        """End the subtitle of the line on screen now."""
        if self.open_subtitle is None:
            return
        text, start = self.open_subtitle
        shown = self.time - start
        if shown > 0:
            self.add_subcaption(text, duration=shown, offset=-shown)
        self.open_subtitle = None

    def tear_down(self):
        self.end_beat()
        self.close_subtitle()
