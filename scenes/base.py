"""LessonScene: a Scene that draws one lesson, with a title and a caption line."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circumscribe,
    Indicate,
    LaggedStart,
    Line,
    Scene,
    VGroup,
    VMobject,
    Write,
)

from attention_core.examples import Example
from attention_core.language import writing_in
from scenes import style, typeset
from scenes.camera import PathCachingCamera
from scenes.fades import FadeIn, FadeOut
from scenes.layout import CAPTION_LINES, GAP, Stage
from scenes.source import current_example


@contextlib.contextmanager
def updating(followers: list[tuple[VMobject, Callable]]):
    """While inside, each (mobject, updater) pair is attached: for the plays that move what the
    updaters follow. Outside, the mobjects hold still, so a held picture is drawn once (manim
    redraws every frame of a wait while any mobject has an updater)."""
    for mobject, updater in followers:
        mobject.add_updater(updater)
    try:
        yield
    finally:
        for mobject, updater in followers:
            mobject.remove_updater(updater)


class LessonScene(Scene):
    """Subclasses write `construct()` drawing `self.lesson`: the lesson of the chapter whose
    Chapter record names the subclass (attention_core/lessons/chapter.py). A scene outside any
    chapter (an example in a docstring) may set `build_lesson`, a function of the example."""

    build_lesson: Callable[[Example], object] | None = None

    @classmethod
    def lesson_for(cls, example: Example):
        """The lesson this scene draws for `example`, in the example's language: its chapter's
        (kept per process: attention_core.lessons.catalog.lesson_for). The scene itself is then
        built inside `writing_in(example.language)` too (its labels)."""
        if cls.build_lesson is not None:
            with writing_in(example.language):
                return cls.build_lesson(example)
        from attention_core.lessons.catalog import lesson_for

        return lesson_for(cls.__name__, example)

    def __init__(
        self, lesson=None, voice_lengths: dict[str, float] | None = None, burn_captions: bool = True, **kwargs
    ):
        """`voice_lengths` (seconds per narration line id) paces the clip to a narration;
        without it the clip keeps its own timing. `burn_captions=False` leaves the picture clean
        (the subtitle file still has every line)."""
        self.lesson = lesson if lesson is not None else self.lesson_for(current_example())
        self.lines = {line.id: line for line in self.lesson.narration}
        self.voice_lengths = voice_lengths
        self.burn_captions = burn_captions
        self.said: list[tuple[str, float]] = []  # (line id, when its voice starts), in order
        self.beat_ends: list[float] = []  # when each said line's beat ends: its picture complete, before any exit
        self.caption_mobject: VMobject | None = None
        self.heading: VMobject | None = None  # set by `title`
        self.open_subtitle: tuple[str, float] | None = None  # (line text, when it appeared)
        kwargs.setdefault("camera_class", PathCachingCamera)  # each outline traced once (scenes/camera.py)
        super().__init__(**kwargs)

    def setup(self):
        self.camera.background_color = style.BACKGROUND
        self.stage = Stage(self.camera.frame_width, self.camera.frame_height)  # `title` moves its top down
        longest = max(  # a language whose captions run longer gets a deeper caption band
            (
                len(typeset.wrap_lines(line.text, self.stage.text_width, self.stage.caption_size))
                for line in self.lesson.narration
            ),
            default=0,
        )
        if longest > CAPTION_LINES[self.stage.format]:
            self.stage = Stage(self.camera.frame_width, self.camera.frame_height, caption_lines=longest)

    def title(self, sentence: str | None = None) -> VMobject:
        """The clip's heading (its lesson's chapter title), top left, on as many lines as the
        frame's width needs; under it, in small print, the sentence it reads. The stage's
        content starts below it."""
        heading = typeset.left_aligned_text(self.lesson.arc.heading, self.stage.text_width, style.HEADING_SIZE)
        self.stage.content.put(heading, UP + LEFT)
        heading.name = "heading"
        if sentence is not None:
            line = typeset.left_aligned_text(
                f"\u201c{sentence}\u201d", self.stage.text_width, style.SMALL_SIZE, style.MUTED
            )
            line.next_to(heading, DOWN, buff=GAP["tight"], aligned_edge=LEFT)
            line.name = "heading_sentence"
            heading = VGroup(heading, line)
        self.stage = self.stage.below(heading)
        self.heading = heading
        return heading

    def keep_above_caption(self, mobject: VMobject, top: float | None = None, margin: float = 0.0) -> VMobject:
        """Shrink `mobject` (about its top edge) if it would reach into the caption lines (with
        `margin` to spare, for a frame drawn around it later); with `top`, first move its top
        edge there."""
        if top is not None:
            mobject.shift((top - mobject.get_top()[1]) * UP)
        room = mobject.get_top()[1] - self.stage.caption_top - margin
        if mobject.height > room:
            mobject.scale(room / mobject.height, about_edge=UP)
        return mobject

    @property
    def prefix(self) -> str:
        """The first part of this clip's narration ids ("gravity" of "gravity.question")."""
        return self.lesson.narration[0].id.split(".")[0]

    def ask(self, *animations):
        """Say the chapter's question, before anything on screen answers it, while the heading
        writes itself and `animations` (the stage being set) play."""
        heading = [Write(self.heading)] if self.heading is not None else []  # a card has none
        self.say(f"{self.prefix}.question", *heading, *animations)

    def guess(self, *candidates: VMobject):
        """Ask for a prediction, then leave a deliberate pause before the reveal: a bar under
        the caption runs out while the viewer thinks, and the `candidates` (what the answer
        could be) are lit one after another."""
        line_id = f"{self.prefix}.guess"
        self.say(line_id)
        bar = self.caption_bar(style.FOCUS)
        self.add(bar)  # it runs out over the question and the pause after it
        scan = [
            LaggedStart(
                *(Indicate(c, scale_factor=style.indicate_scale(c), color=style.FOCUS) for c in candidates),
                lag_ratio=0.6,
            )
        ]
        self.play(
            bar.animate.stretch(1e-3, 0, about_edge=LEFT),
            *(scan if candidates else []),
            run_time=self.beat_left() + style.GUESS_PAUSE,
        )
        self.end_beat()
        self.remove(bar)

    def conclude(self, key: VMobject | None = None):
        """End the chapter on its takeaway: said last, in the focus colour, a rule growing
        under it; the `key` picture it sums up is traced round while it is said."""
        line_id = f"{self.prefix}.takeaway"
        self.say(line_id, colour=style.FOCUS)
        bar = self.caption_bar(style.FOCUS).stretch(1e-3, 0, about_edge=LEFT)
        trace = [Circumscribe(key, color=style.FOCUS, buff=GAP["tight"])] if key is not None else []
        self.play(bar.animate.stretch(1e3, 0, about_edge=LEFT), *trace, run_time=self.line_time(line_id, style.MEDIUM))
        self.end_beat()
        self.wait(style.PAUSE)

    def caption_bar(self, colour: str) -> VMobject:
        """A thin bar as wide as the caption band, just under the caption (or the band)."""
        band = self.stage.caption
        bar = Line(band.point(LEFT + DOWN), band.point(RIGHT + DOWN), color=colour, stroke_width=3)
        bar.name = "timer_bar"
        under = band.bottom  # landscape: the caption stands on the band's bottom
        if self.stage.vertical and self.caption_mobject is not None:  # vertical: it hangs from the band's top
            under = self.caption_mobject.get_bottom()[1]
        return bar.set_y(under - GAP["tight"])

    def say(
        self,
        line_id: str,
        *animations,
        lasting: float = style.MEDIUM,
        run_time: float = style.SHORT,
        colour: str = style.FOREGROUND,
    ):
        """Say the lesson's narration line `line_id`: first let the line before it finish (its
        voice, then a short pause), then show this one as the caption. Every line is also
        written, with its times, to the subtitle file (.srt) beside the clip.

        `animations` are what the line is about: they play while it is said, for most of its
        voice (FILL of it; without a voice, of its reading time), at least `lasting` seconds,
        so that the picture moves while the line is said instead of standing still after a
        quick change.

        Parameters
        ----------
        line_id
            A narration line of the lesson (`lesson.narration`), by its id.
        animations
            What the line is about, played while it is said.
        lasting
            The least time the animations take, in seconds.
        run_time
            The caption's change: half for the old one's exit, half for the new one's entry.
        colour
            The caption's colour.

        Examples
        --------
        A storyboard in two beats: a line said while its picture appears, then the end of its
        beat (the picture holds until the voice has ended) before what comes next.

        .. manim:: SayExample
            :save_last_frame:

            from scenes.fades import FadeIn
            from attention_core.lessons import gravity_lesson
            from scenes import style, typeset
            from scenes.base import LessonScene

            class SayExample(LessonScene):
                build_lesson = staticmethod(gravity_lesson)

                def construct(self):
                    # 1. the question is asked while the sentence appears
                    sentence = typeset.plain_text(self.lesson.sentences[0].text, style.BODY_SIZE)
                    self.say("gravity.question", FadeIn(sentence))
                    # 2. its beat ends: the picture is complete, and holds until the line is said
                    self.end_beat()
        """
        line = self.lines[line_id]
        self.end_beat()
        exits = self.caption_exit()
        if exits:
            self.play(*exits, run_time=run_time / 2)
        self.said.append((line_id, self.time))  # the voice starts as the caption appears
        self.open_subtitle = (line.text, self.time)
        if self.burn_captions:
            new = typeset.wrapped_text(line.text, self.stage.text_width, self.stage.caption_size, colour)
            self.stage.caption.put(new, UP if self.stage.vertical else DOWN)
            new.name = "caption"
            self.play(FadeIn(new, shift=0.1 * UP), run_time=run_time / 2)
            # under everything else now: manim redraws every mobject above a moving one on each
            # frame, and nothing is drawn over the caption band, so the picture is the same
            self.bring_to_back(new)
            self.caption_mobject = new
        if animations:
            self.play(*animations, run_time=self.line_time(line_id, lasting))

    def line_time(self, line_id: str, lasting: float) -> float:
        """How long what a line is about takes: at least `lasting`, and most of the line's time."""
        return max(lasting, style.FILL * self.line_lasts(line_id) - style.SHORT / 2)

    def line_lasts(self, line_id: str) -> float:
        """How long a line's beat lasts: its voice and a pause, or without one, its reading time."""
        if self.voice_lengths is not None:
            return self.voice_lengths[line_id] + style.BEAT_PAUSE
        return style.reading_length(self.lines[line_id].text) / style.READING_RATE

    def beat_left(self) -> float:
        """What is left of the beat of the last line said (0 if it is over)."""
        line_id, start = self.said[-1]
        return max(0.0, start + self.line_lasts(line_id) - self.time)

    def end_beat(self):
        """End the beat of the last line said: hold the picture until its voice has ended, plus
        a pause, so a narrated beat lasts as long as its sentence (nothing is cut). `say` does
        this first; a storyboard does it before showing what the next line is about. The time
        each beat ends is kept in `beat_ends` (the preview and thumbnails show those frames).
        See `say` for an example."""
        if not self.said or len(self.beat_ends) == len(self.said):
            return  # nothing said yet, or this beat has ended already
        remaining = self.beat_left()  # without a voice, the caption stays long enough to read
        if remaining > 1e-6:
            self.wait(remaining)
        self.beat_ends.append(self.time)

    def caption_exit(self) -> list:
        """The caption's exit, to play together with other exits: its subtitle ends now."""
        self.close_subtitle()
        caption, self.caption_mobject = self.caption_mobject, None
        if caption is None:
            return []
        self.bring_to_front(caption)  # only it is drawn again while it fades (see `say`)
        return [FadeOut(caption)]

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
