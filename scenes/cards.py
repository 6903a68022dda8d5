"""IntroCard (the lecture's first clip) and HistoryCard (where attention came from); the
recap's card is in scenes/recap.py."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    LaggedStart,
    Line,
    Succession,
    SurroundingRectangle,
    VGroup,
    Write,
)

from attention_core.language import t
from attention_core.lessons.cards import HistoryLesson, IntroLesson
from attention_core.text import format_pair, reading_direction
from attention_core.tokens import token_key
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn
from scenes.layout import GAP
from scenes.mobjects import SentenceLine

TITLE_DROP = 0.12  # the intro's title starts this share of the frame's content below its top
TAG_ROOM = 0.7  # between the intro's sentences: room for the token number under the focus word


class IntroCard(LessonScene):
    """The puzzle: one token, one embedding, in sentences that mean it differently.

    Storyboard:
      1. the example's title
      2. the question, while the sentences appear, the focus word lit in each, and under each
         occurrence the same token number; one embedding for all
      3. a guess
      4. the takeaway: attention, like gravity
    """

    lesson: IntroLesson

    def construct(self):
        lesson = self.lesson
        # 1. the example's title
        content = self.stage.content.below_top(TITLE_DROP * self.stage.content.height)
        title = typeset.wrapped_text(
            lesson.title, content.width, style.TITLE_SIZE, reads=reading_direction(lesson.title)
        )
        content.put(title, UP)
        title.name = "title"
        rule = Line(title.get_left(), title.get_right(), color=style.FOCUS, stroke_width=2)
        rule.next_to(title, DOWN, buff=GAP["small"])
        self.play(Write(title), FadeIn(rule), run_time=style.MEDIUM)

        # 2. the sentences, the focus word lit in each; the question
        sentences = VGroup(
            *(
                SentenceLine(
                    sentence.text,
                    sentence.tokens,
                    [True] * len(sentence.tokens),
                    lesson.focus,
                    content.width,
                    style.BODY_SIZE,
                )
                for sentence in lesson.sentences
            )
        )
        sentences.arrange(DOWN, aligned_edge=LEFT, buff=TAG_ROOM).next_to(rule, DOWN, buff=GAP["large"])
        sentences.set_x(content.point()[0])
        for number, line in enumerate(sentences):
            line.name = f"sentence:{number}"
        tags = VGroup()  # under each occurrence, the same token number; under them all, its one embedding
        for number, line in enumerate(sentences):
            tag = typeset.plain_text(
                t("intro.tag", "token {number}", number=lesson.token_id), style.SMALL_SIZE, style.FOCUS
            )
            tag.next_to(line, DOWN, buff=GAP["tight"]).set_x(self.focus_glyphs(line, lesson.focus).get_x())
            tag.name = f"token_tag:{number}"
            tags.add(tag)
        token = typeset.wrapped_text(
            t(
                "intro.token",
                "token {number} \u2192 one embedding, {point}, in every sentence",
                number=lesson.token_id,
                point=format_pair(lesson.embedding),
            ),
            content.width,
            style.BODY_SIZE,
            style.FOCUS,
        )
        content.below(VGroup(sentences, tags), "large").put(token, UP)
        self.keep_above_caption(token)
        token.name = "token"
        self.ask(
            Succession(
                LaggedStart(*(FadeIn(line, shift=0.2 * RIGHT) for line in sentences), lag_ratio=0.4),
                LaggedStart(*(FadeIn(tag, shift=0.1 * DOWN) for tag in tags), lag_ratio=0.3),
                FadeIn(token),
            )
        )

        # 3. a guess, the word's two occurrences lit in turn
        self.guess(*(self.focus_glyphs(line, lesson.focus) for line in sentences))

        # 4. the takeaway
        self.conclude(token)

    @staticmethod
    def focus_glyphs(line: SentenceLine, focus: str) -> VGroup:
        """The first occurrence of the focus word in a sentence's line."""
        words = [token_key(token) for token in line.written_tokens]
        return line.tokens[words.index(focus)]


class BlockRow(VGroup):
    """One transformer block as a row of boxed parts joined by arrows, a note under them.

    Parameters
    ----------
    parts
        The parts' names, in order (attention, add & norm, MLP, add & norm).
    note
        One line under the row.
    width
        The most room the row may take; it shrinks to fit.

    Examples
    --------
    .. manim:: BlockRowExample
        :save_last_frame:

        from manim import Scene
        from scenes.cards import BlockRow

        class BlockRowExample(Scene):
            def construct(self):
                self.add(BlockRow(("attention", "add & norm", "MLP", "add & norm"), "one block", 12.0))
    """

    def __init__(self, parts, note: str, width: float):
        super().__init__()
        self.parts = VGroup()
        for index, name in enumerate(parts):
            label = typeset.plain_text(name, style.LABEL_SIZE, style.QUERY if index == 0 else style.FOREGROUND)
            box = SurroundingRectangle(label, color=style.QUERY if index == 0 else style.MUTED, buff=0.14)
            part = VGroup(box, label)
            part.name = f"block_part:{index}"
            self.parts.add(part)
        self.parts.arrange(RIGHT, buff=0.55)
        for left, right in zip(self.parts[:-1], self.parts[1:]):
            arrow = Arrow(left.get_right(), right.get_left(), buff=0.06, stroke_width=2, color=style.MUTED)
            right.add(arrow)  # each part brings the arrow into it
        if self.parts.width > width:
            self.parts.scale_to_fit_width(width)
        self.note = typeset.wrapped_text(note, width, style.SMALL_SIZE, style.MUTED)
        self.note.next_to(self.parts, DOWN, buff=GAP["small"], aligned_edge=LEFT)
        self.note.name = "block_note"
        self.add(self.parts, self.note)


class HistoryCard(LessonScene):
    lesson: HistoryLesson

    def construct(self):
        lesson = self.lesson
        self.title()
        content = self.stage.content
        self.ask()
        # 1. the two papers, one after the other
        previous, cards = None, VGroup()
        for index, entry in enumerate(lesson.entries):
            year = typeset.plain_text(str(entry.year), style.HEADING_SIZE, style.FOCUS)
            room = content.width - year.width - GAP["large"]
            text = VGroup(
                typeset.left_aligned_text(entry.authors, room, style.BODY_SIZE),
                typeset.left_aligned_text(entry.idea, room, style.LABEL_SIZE, style.MUTED),
                typeset.left_aligned_text(entry.score, room, style.LABEL_SIZE, style.QUERY),
            )
            text.arrange(DOWN, aligned_edge=LEFT, buff=GAP["tight"])
            card = VGroup(year, text).arrange(RIGHT, aligned_edge=UP, buff=GAP["large"])
            card.name = f"entry:{index}"
            if previous is None:
                content.put(card, UP + LEFT)
            else:
                card.next_to(previous, DOWN, buff=GAP["large"], aligned_edge=LEFT)
            cards.add(card)
            previous = card
        block = BlockRow(lesson.block, lesson.block_note, content.width)
        block.next_to(previous, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        previous = block
        # 2. the scaling, with a number (made first: where it would reach the caption, the block's note gives way)
        example = typeset.wrapped_text(
            t(
                "history.example",
                "With d\u2096 = {d_k} per head, scores are divided by \u221a{d_k} = {root}: a score of {raw} "
                "becomes {scaled}.",
                d_k=lesson.d_k,
                root=style.format_number(lesson.sqrt_d_k),
                raw=style.format_number(lesson.raw_score),
                scaled=style.format_number(lesson.scaled_score),
            ),
            content.width,
            style.LABEL_SIZE,
            style.KEY,
        )
        example.next_to(previous, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        if example.get_bottom()[1] < self.stage.caption_top:  # a longer language: the block's note gives way
            block.remove(block.note)
            example.next_to(block, DOWN, buff=GAP["medium"], aligned_edge=LEFT)
        example.name = "scaling_example"
        self.say(
            "history.years",
            LaggedStart(*(FadeIn(card, shift=0.2 * RIGHT) for card in cards), lag_ratio=1.0),
            LaggedStart(
                *(FadeIn(part, shift=0.2 * RIGHT) for part in block.parts),
                *([FadeIn(block.note)] if block.note in block.submobjects else []),
                lag_ratio=0.6,
            ),
            lasting=style.LONG,
        )  # one paper after the other, while their years are said; then what a 2017 block holds
        self.say("history.scaling", FadeIn(example))
        self.wait(style.PAUSE)
        self.conclude(example)
