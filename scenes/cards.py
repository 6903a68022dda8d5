"""IntroCard (the lecture's first clip) and HistoryCard (where attention came from)."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, Line, VGroup, Write

from attention_core.lessons import HistoryLesson, IntroLesson, history_lesson, intro_lesson
from scenes import style
from scenes.base import LessonScene
from scenes.layout import GAP


TITLE_DROP = 0.12  # the intro's title starts this share of the frame's content below its top


class IntroCard(LessonScene):
    lesson: IntroLesson

    build_lesson = staticmethod(intro_lesson)

    def construct(self):
        lesson = self.lesson
        # 1. the example's title
        content = self.stage.content.below_top(TITLE_DROP * self.stage.content.height)
        title = style.wrapped_text(lesson.title, content.width, style.TITLE_SIZE)
        content.put(title, UP)
        title.name = "title"
        rule = Line(title.get_left(), title.get_right(), color=style.FOCUS, stroke_width=2)
        rule.next_to(title, DOWN, buff=GAP["small"])
        subtitle = style.wrapped_text("how attention re-reads a word in the light of its sentence", content.width,
                                      style.BODY_SIZE, style.MUTED).next_to(rule, DOWN, buff=GAP["medium"])
        self.heading_text = "Introduction"  # its chapter title; the next clip is headed by the example's title
        self.play(Write(title), run_time=style.MEDIUM)
        self.say("intro.title")
        self.end_beat()
        self.play(FadeIn(rule), FadeIn(subtitle), run_time=style.SHORT)
        self.say("intro.promise")
        # 2. what the lecture shows, in order
        chapters = VGroup(*(style.plain_text(f"{i + 1}. {chapter}", style.LABEL_SIZE)
                            for i, chapter in enumerate(lesson.chapters)))
        chapters.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"]).next_to(subtitle, DOWN, buff=GAP["large"])
        self.keep_above_caption(chapters)
        chapters.name = "chapters"
        self.end_beat()
        self.play(FadeIn(chapters, lag_ratio=0.1), run_time=style.LONG)
        self.say("intro.chapters")
        self.wait(style.LONG)


class HistoryCard(LessonScene):
    lesson: HistoryLesson

    build_lesson = staticmethod(history_lesson)

    def construct(self):
        lesson = self.lesson
        heading = self.title("Where attention came from")
        content = self.stage.content
        self.play(FadeIn(heading), run_time=style.SHORT)
        # 1. the two papers, one after the other
        previous = None
        for index, entry in enumerate(lesson.entries):
            year = style.plain_text(str(entry.year), style.HEADING_SIZE, style.FOCUS)
            room = content.width - year.width - GAP["large"]
            text = VGroup(style.left_aligned_text(entry.authors, room, style.BODY_SIZE),
                          style.left_aligned_text(entry.idea, room, style.LABEL_SIZE, style.MUTED),
                          style.left_aligned_text(entry.score, room, style.LABEL_SIZE, style.QUERY))
            text.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
            card = VGroup(year, text).arrange(RIGHT, aligned_edge=UP, buff=GAP["large"])
            card.name = f"entry:{index}"
            if previous is None:
                content.put(card, UP + LEFT)
            else:
                card.next_to(previous, DOWN, buff=GAP["large"], aligned_edge=LEFT)
            self.play(FadeIn(card, shift=0.2 * RIGHT), run_time=style.MEDIUM)
            previous = card
        self.say("history.years")
        # 2. the scaling, with a number
        example = style.wrapped_text(
            f"With d\u2096 = {lesson.d_k} per head, scores are divided by \u221a{lesson.d_k} = "
            f"{style.format_number(lesson.sqrt_d_k)}: a score of {style.format_number(lesson.raw_score)} "
            f"becomes {style.format_number(lesson.scaled_score)}.", content.width, style.LABEL_SIZE, style.KEY)
        example.next_to(previous, DOWN, buff=GAP["large"], aligned_edge=LEFT)
        example.name = "scaling_example"
        self.end_beat()
        self.play(FadeIn(example), run_time=style.SHORT)
        self.say("history.scaling")
        self.wait(style.LONG)
