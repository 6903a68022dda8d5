"""ParallelScene: attention updates every position in one step; an RNN goes word by word.

Storyboard (the example's sentence with the most words that have embeddings):
  1. attention: every word looks at every word at once; all outputs appear in step 1
  2. a recurrent network: the state passes word to word; n words take n steps
  3. where order comes from: positional information added to the embeddings
"""

from __future__ import annotations

from manim import (
    DOWN,
    RIGHT,
    UP,
    Arrow,
    Create,
    CurvedArrow,
    FadeIn,
    FadeOut,
    GrowArrow,
    LaggedStart,
    RoundedRectangle,
    VGroup,
)

from attention_core.language import t
from attention_core.lessons import ParallelLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.layout import GAP, Region
from scenes.writing import steps_text

BOX_GAP = 0.15  # between two words' boxes
ARC_ROOM = 0.7  # between a side's title and its words: the arcs of "every word sees every word"


WORD_SIZES = (style.SMALL_SIZE, 16)  # the words' print: the larger that fits the side's width
BOX_PADDING, NARROWEST_BOX = 0.24, 0.9


def token_box(word: str, colour: str, size: float) -> VGroup:
    """A word in a box as wide as it needs (at least NARROWEST_BOX)."""
    label = typeset.plain_text(word, size)
    box = RoundedRectangle(
        corner_radius=0.1, width=max(NARROWEST_BOX, label.width + BOX_PADDING), height=0.5, color=colour, stroke_width=2
    )
    return VGroup(box, label.move_to(box))


def pair_text(xy) -> str:
    """A 2-D vector as a column: x above y."""
    return f"{style.format_number(xy[0])}\n{style.format_number(xy[1])}"


class ParallelScene(LessonScene):
    lesson: ParallelLesson

    def construct(self):
        lesson = self.lesson
        self.title()
        self.ask()
        attention_side, recurrent_side = self.stage.side_by_side()

        # 1. attention: all outputs in one step
        left_title = attention_side.put(
            typeset.plain_text(t("parallel.title.attention", "attention"), style.LABEL_SIZE, style.QUERY), UP
        )
        words = self.word_row(lesson.tokens, style.QUERY, attention_side, left_title)
        links = VGroup()
        for i, a in enumerate(words):
            for j, b in enumerate(words):
                if i < j:
                    links.add(
                        CurvedArrow(
                            a.get_top(), b.get_top(), angle=-0.9, color=style.QUERY, stroke_width=1, tip_length=0.08
                        ).set_opacity(0.45)
                    )
        outputs = VGroup()
        for i, (box, xy) in enumerate(zip(words, lesson.attention_outputs)):
            text = typeset.plain_text(pair_text(xy), style.SMALL_SIZE, style.CONTEXT)
            text.next_to(box, DOWN, buff=GAP["large"])
            text.name = f"attention_output:{i}"
            outputs.add(text)
        caption_x = typeset.plain_text(
            t("parallel.new-vector", "each word's new vector (x above y)"), style.SMALL_SIZE, style.MUTED
        )
        caption_x.next_to(outputs, DOWN, buff=GAP["small"])
        outputs.add(caption_x)
        counter = typeset.plain_text(steps_text(lesson.attention_steps), style.LABEL_SIZE, style.FOREGROUND)
        counter.next_to(caption_x, DOWN, buff=GAP["large"])
        counter.name = "attention_steps"
        right_title = recurrent_side.put(
            typeset.plain_text(t("parallel.title.recurrent", "recurrent network"), style.LABEL_SIZE, style.KEY), UP
        )
        chain = self.word_row(lesson.tokens, style.KEY, recurrent_side, right_title)
        self.play(FadeIn(left_title), FadeIn(words), FadeIn(right_title), FadeIn(chain), run_time=style.SHORT)
        self.guess(words, chain)
        self.say("parallel.attention")
        if len(links):  # one word alone has nobody to look at
            self.play(*(Create(link) for link in links), run_time=style.MEDIUM)
        self.play(*(FadeIn(o, shift=0.2 * DOWN) for o in outputs), FadeIn(counter), run_time=style.MEDIUM)

        # 2. recurrent: one word per step
        counter_offset = counter.get_center() - words.get_center()  # the same place on each side
        self.end_beat()
        self.say("parallel.recurrent")
        step_text = None
        previous = None
        for i, (box, xy) in enumerate(zip(chain, lesson.recurrent_states)):
            state = typeset.plain_text(pair_text(xy), style.SMALL_SIZE, style.KEY)
            state.next_to(box, DOWN, buff=GAP["large"])
            state.name = f"recurrent_state:{i}"
            arrows = [
                Arrow(
                    box.get_bottom(),
                    state.get_top(),
                    buff=0.05,
                    color=style.KEY,
                    stroke_width=2,
                    max_tip_length_to_length_ratio=0.3,
                )
            ]
            if previous is not None:
                arrows.append(
                    Arrow(
                        previous.get_right(),
                        state.get_left(),
                        buff=0.08,
                        color=style.KEY,
                        stroke_width=2,
                        tip_length=0.12,
                    )
                )
            new_step = typeset.plain_text(steps_text(i + 1), style.LABEL_SIZE)
            new_step.move_to(chain.get_center() + counter_offset)
            new_step.name = f"recurrent_steps:{i + 1}"
            animations = [*(GrowArrow(a) for a in arrows), FadeIn(state), FadeIn(new_step)]
            if step_text is not None:
                animations.append(step_text.animate.set_opacity(0))
            self.play(*animations, run_time=style.SHORT)
            self.remove(step_text) if step_text is not None else None
            step_text, previous = new_step, state

        # 3. order from positions: each word's position is added to its embedding
        self.end_beat()
        tags = VGroup(
            *(
                typeset.plain_text(f"+ p{i + 1}", style.SMALL_SIZE, style.FOCUS).next_to(box, UP, buff=GAP["tight"])
                for i, box in enumerate(words)
            )
        )
        tags.name = "positions"
        if len(links):
            self.play(FadeOut(links), run_time=style.SHORT)
        self.say("parallel.positions", LaggedStart(*(FadeIn(tag, shift=0.2 * DOWN) for tag in tags), lag_ratio=0.3))
        self.wait(style.PAUSE)
        self.conclude(VGroup(counter, step_text) if step_text is not None else counter)

    @staticmethod
    def word_row(tokens, colour: str, side: Region, title) -> VGroup:
        """The sentence's words as boxes in a row, under `title`, centred on `side`: in the
        largest print that fits its width (made smaller only if none does)."""
        for size in WORD_SIZES:
            row = VGroup(*(token_box(t, colour, size) for t in tokens)).arrange(RIGHT, buff=BOX_GAP)
            if row.width <= side.width:
                break
        side.fit(row, grow=False)
        return row.next_to(title, DOWN, buff=ARC_ROOM).set_x(side.point()[0])
