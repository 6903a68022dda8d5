"""ParallelScene: attention updates every position in one step; an RNN goes word by word.

Storyboard (the example's sentence with the most words that have embeddings):
  1. attention: every word looks at every word at once; all outputs appear in step 1
  2. a recurrent network: the state passes word to word; n words take n steps
  3. where order comes from: positional information added to the embeddings
"""

from __future__ import annotations

from manim import DOWN, RIGHT, Arrow, Create, CurvedArrow, FadeIn, GrowArrow, RoundedRectangle, VGroup

from attention_core.lessons import ParallelLesson, parallel_lesson
from scenes import style
from scenes.base import LessonScene


def token_box(word: str, colour: str, width: float) -> VGroup:
    label = style.plain_text(word, style.SMALL_SIZE)
    if label.width > width - 0.12:  # a long word in a narrow box
        label.scale_to_fit_width(width - 0.12)
    box = RoundedRectangle(corner_radius=0.1, width=width, height=0.5, color=colour, stroke_width=2)
    return VGroup(box, label.move_to(box))


def pair_text(xy) -> str:
    """A 2-D vector as a column: x above y."""
    return f"{style.format_number(xy[0])}\n{style.format_number(xy[1])}"


class ParallelScene(LessonScene):
    lesson: ParallelLesson

    build_lesson = staticmethod(parallel_lesson)

    def construct(self):
        lesson = self.lesson
        n = len(lesson.tokens)
        heading = self.title("Not an RNN: every position at once")
        self.play(FadeIn(heading), run_time=style.SHORT)
        width = min(1.5, 5.6 / max(n, 1) - 0.15)

        # 1. attention: all outputs in one step
        left_title = style.plain_text("attention", style.LABEL_SIZE, style.QUERY).move_to([-3.5, 2.5, 0])
        words = VGroup(*(token_box(t, style.QUERY, width) for t in lesson.tokens)).arrange(RIGHT, buff=0.15)
        words.move_to([-3.5, 1.5, 0])
        links = VGroup()
        for i, a in enumerate(words):
            for j, b in enumerate(words):
                if i < j:
                    links.add(CurvedArrow(a.get_top(), b.get_top(), angle=-0.9, color=style.QUERY,
                                          stroke_width=1, tip_length=0.08).set_opacity(0.45))
        outputs = VGroup()
        for i, (box, xy) in enumerate(zip(words, lesson.attention_outputs)):
            text = style.plain_text(pair_text(xy), style.SMALL_SIZE, style.CONTEXT)
            text.next_to(box, DOWN, buff=0.45)
            text.name = f"attention_output:{i}"
            outputs.add(text)
        caption_x = style.plain_text("each word's new vector (x above y)", style.SMALL_SIZE, style.MUTED)
        caption_x.next_to(outputs, DOWN, buff=0.25)
        outputs.add(caption_x)
        counter = style.plain_text(f"steps: {lesson.attention_steps}", style.LABEL_SIZE, style.FOREGROUND)
        counter.move_to([-3.5, -1.2, 0])
        counter.name = "attention_steps"
        self.play(FadeIn(left_title), FadeIn(words), run_time=style.SHORT)
        if len(links):  # one word alone has nobody to look at
            self.play(*(Create(link) for link in links), run_time=style.MEDIUM)
        self.play(*(FadeIn(o, shift=0.2 * DOWN) for o in outputs), FadeIn(counter), run_time=style.MEDIUM)
        self.say("parallel.attention")

        # 2. recurrent: one word per step
        right_title = style.plain_text("recurrent network", style.LABEL_SIZE, style.KEY).move_to([3.5, 2.5, 0])
        chain = VGroup(*(token_box(t, style.KEY, width) for t in lesson.tokens)).arrange(RIGHT, buff=0.15)
        chain.move_to([3.5, 1.5, 0])
        self.end_beat()
        self.play(FadeIn(right_title), FadeIn(chain), run_time=style.SHORT)
        self.say("parallel.recurrent")
        step_text = None
        previous = None
        for i, (box, xy) in enumerate(zip(chain, lesson.recurrent_states)):
            state = style.plain_text(pair_text(xy), style.SMALL_SIZE, style.KEY)
            state.next_to(box, DOWN, buff=0.45)
            state.name = f"recurrent_state:{i}"
            arrows = [Arrow(box.get_bottom(), state.get_top(), buff=0.05, color=style.KEY, stroke_width=2,
                            max_tip_length_to_length_ratio=0.3)]
            if previous is not None:
                arrows.append(Arrow(previous.get_right(), state.get_left(), buff=0.08, color=style.KEY,
                                    stroke_width=2, tip_length=0.12))
            new_step = style.plain_text(f"steps: {i + 1}", style.LABEL_SIZE).move_to([3.5, -1.2, 0])
            new_step.name = f"recurrent_steps:{i + 1}"
            animations = [*(GrowArrow(a) for a in arrows), FadeIn(state), FadeIn(new_step)]
            if step_text is not None:
                animations.append(step_text.animate.set_opacity(0))
            self.play(*animations, run_time=style.SHORT)
            self.remove(step_text) if step_text is not None else None
            step_text, previous = new_step, state

        # 3. order from positions
        self.say("parallel.positions")
        self.wait(style.LONG)
