"""ParallelScene: attention updates every position in one step; an RNN goes word by word.

Storyboard (the example's sentence with the most words that have embeddings):
  1. attention: every word goes into one attention layer together (every pair is scored
     inside it at once); all outputs come out of it in step 1
  2. a recurrent network: the state passes word to word; n words take n steps
  3. where order comes from: each place's own vector, (sin i, cos i), written above its word
"""

from __future__ import annotations

from manim import (
    DOWN,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    GrowArrow,
    LaggedStart,
    RoundedRectangle,
    Succession,
    VGroup,
)

from attention_core.language import t
from attention_core.lessons import ParallelLesson
from scenes import style, typeset
from scenes.base import LessonScene
from scenes.fades import FadeIn
from scenes.layout import GAP, Region
from scenes.writing import steps_text

BOX_GAP = 0.15  # between two words' boxes
POSITION_ROOM = {"landscape": 1.2, "vertical": 0.75}  # between a side's title and its words: the positions'
# vectors, and in a landscape frame their note too


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
        words = self.word_row(lesson.tokens, style.QUERY, attention_side, left_title, POSITION_ROOM[self.stage.format])
        self.spacing = "small" if self.stage.vertical else "medium"  # a vertical frame's sides are short
        layer = self.attention_layer(words, GAP[self.spacing])  # one box every word goes into at once: no arc per pair
        links = VGroup(
            *(
                Arrow(
                    box.get_bottom(),
                    [box.get_x(), layer.get_top()[1], 0],
                    buff=0.04,
                    color=style.QUERY,
                    stroke_width=2,
                    max_tip_length_to_length_ratio=0.35,
                )
                for box in words
            )
        )
        outputs = VGroup()
        for i, (box, xy) in enumerate(zip(words, lesson.attention_outputs)):
            text = typeset.plain_text(pair_text(xy), style.SMALL_SIZE, style.CONTEXT)
            text.next_to([box.get_x(), layer.get_bottom()[1], 0], DOWN, buff=GAP[self.spacing])
            text.name = f"attention_output:{i}"
            outputs.add(text)
        caption_x = typeset.plain_text(
            t("parallel.new-vector", "each word's new vector (x above y)"), style.SMALL_SIZE, style.MUTED
        )
        caption_x.next_to(outputs, DOWN, buff=GAP["small"])
        outputs.add(caption_x)
        counter = typeset.plain_text(steps_text(lesson.attention_steps), style.LABEL_SIZE, style.FOREGROUND)
        counter.next_to(caption_x, DOWN, buff=GAP[self.spacing])
        counter.name = "attention_steps"
        right_title = recurrent_side.put(
            typeset.plain_text(t("parallel.title.recurrent", "recurrent network"), style.LABEL_SIZE, style.KEY), UP
        )
        chain = self.word_row(lesson.tokens, style.KEY, recurrent_side, right_title, POSITION_ROOM[self.stage.format])
        self.play(FadeIn(left_title), FadeIn(words), FadeIn(right_title), FadeIn(chain), run_time=style.SHORT)
        self.guess(words, chain)
        self.say(
            "parallel.attention",
            Succession(  # all words in together, all outputs out together
                AnimationGroup(*(GrowArrow(link) for link in links), FadeIn(layer)),
                AnimationGroup(*(FadeIn(o, shift=0.2 * DOWN) for o in outputs), FadeIn(counter)),
            ),
        )

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

        # 3. order from positions: each place's own vector, added to the embedding of its word
        self.end_beat()
        tags = VGroup()
        for i, (box, xy) in enumerate(zip(words, lesson.positions)):
            tag = typeset.plain_text(pair_text(xy), style.SMALL_SIZE, style.FOCUS)
            tag.next_to(box, UP, buff=GAP["tight"])
            tag.name = f"position:{i}"
            tags.add(tag)
        plus = typeset.plain_text(
            t("parallel.position-note", "+ each place's vector (sin i, cos i)"), style.SMALL_SIZE, style.FOCUS
        )
        plus.next_to(left_title, DOWN, buff=GAP["tight"])
        plus.name = "positions_note"
        notes = [] if self.stage.vertical else [FadeIn(plus)]  # a vertical frame has no room for it: said only
        tags.name = "positions"
        self.say(
            "parallel.positions",
            *notes,
            LaggedStart(*(FadeIn(tag, shift=0.2 * DOWN) for tag in tags), lag_ratio=0.3),
        )
        self.wait(style.PAUSE)
        self.conclude(VGroup(counter, step_text) if step_text is not None else counter)

    @staticmethod
    def attention_layer(words: VGroup, gap: float) -> VGroup:
        """A box as wide as the row of words, under it: the one attention step they all go into."""
        label = typeset.plain_text(t("parallel.layer", "attention: every pair at once"), style.SMALL_SIZE, style.QUERY)
        box = RoundedRectangle(
            corner_radius=0.1,
            width=max(words.width, label.width + BOX_PADDING),
            height=0.42,
            color=style.QUERY,
            stroke_width=2,
        )
        box.next_to(words, DOWN, buff=gap).set_x(words.get_x())
        layer = VGroup(box, label.move_to(box))
        layer.name = "attention_layer"
        return layer

    @staticmethod
    def word_row(tokens, colour: str, side: Region, title, room: float) -> VGroup:
        """The sentence's words as boxes in a row, `room` under `title`, centred on `side`: in the
        largest print that fits its width (made smaller only if none does)."""
        for size in WORD_SIZES:
            row = VGroup(*(token_box(t, colour, size) for t in tokens)).arrange(RIGHT, buff=BOX_GAP)
            if row.width <= side.width:
                break
        side.fit(row, grow=False)
        return row.next_to(title, DOWN, buff=room).set_x(side.point()[0])
