"""The panel beside GravityScene's plane for one sentence: the sentence, the weights of its
words, and its context vector as their weighted sum.

Every sentence's panel is built before the first is read, so that the plane's labels are placed
once, clear of every panel the clip will show (a long label, or a language whose panel lines run
longer, would otherwise meet one).
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, VGroup

from attention_core.language import t
from attention_core.lessons import SentenceReading
from attention_core.text import quoted
from scenes import style, typeset
from scenes.layout import GAP, Region, stack
from scenes.mobjects import BAR_LENGTH, BAR_ROW_STEP, SentenceLine, WeightBars
from scenes.writing import has_many, weighted_sum, written_point

CROWDED_ROW_STEP = 0.34  # weight bars of a sentence with many words: closer rows
NARROW_BAR_LENGTH = 1.2  # weight bars in two columns: shorter bars


class SentencePanel(VGroup):
    """One sentence's panel, in three parts shown in turn: `words` (its label and the sentence,
    `line`), `weights` (a title and the weight bars) and `formula` (the weighted sum, and the
    context vector it comes to, named `context_value:<number>`).

    Parameters
    ----------
    number
        The sentence's index in the lesson, from 0.
    reading
        The lesson's reading of the sentence: its tokens, weights and context vector.
    similarity
        The lesson's similarity, named in the weights' title.
    region
        Where the panel goes (the stage's panel); its parts stack from the region's top left.
    vertical
        A vertical frame: a sentence of many words then takes two columns of bars.

    Examples
    --------
    ``SentencePanel(0, lesson.sentences[0], lesson.similarity, stage.panel, stage.vertical)``
    """

    def __init__(self, number: int, reading: SentenceReading, similarity: str, region: Region, vertical: bool):
        super().__init__()
        many = has_many(reading.tokens)  # then smaller print, a tighter list and a short formula
        label = typeset.plain_text(
            t("gravity.sentence-label", "Sentence {number}", number=number + 1), style.LABEL_SIZE, style.MUTED
        )
        self.line = SentenceLine(
            reading.text,
            reading.sentence_tokens,
            reading.takes_part,
            reading.focus,
            region.width,
            size=style.LABEL_SIZE if many else style.BODY_SIZE,
        )
        self.line.name = f"sentence:{number}"
        self.label = label
        self.words = stack(label, self.line)
        region.put(self.words, UP + LEFT)
        self.weights = self.weight_bars(number, reading, similarity, many and vertical, many)
        self.weights.next_to(self.words, DOWN, aligned_edge=LEFT, buff=GAP["medium"])
        self.formula = self.weighted_sum(number, reading, region, many)
        self.formula.next_to(self.weights, DOWN, aligned_edge=LEFT, buff=GAP["medium"])
        self.add(self.words, self.weights, self.formula)

    @staticmethod
    def weight_bars(number: int, reading: SentenceReading, similarity: str, two_columns: bool, many: bool) -> VGroup:
        bars = WeightBars(
            reading.tokens,
            reading.weights,
            style.WEIGHT,
            prefix=f"weight{number}",
            size=style.SMALL_SIZE if many else style.LABEL_SIZE,
            row_step=CROWDED_ROW_STEP if many else BAR_ROW_STEP,
            bar_length=NARROW_BAR_LENGTH if two_columns else BAR_LENGTH,
            columns=2 if two_columns else 1,
        )
        title = typeset.plain_text(
            t(
                "gravity.bars-title",
                "attention of {focus} ({similarity}, softmax)",
                focus=quoted(reading.focus),
                similarity=similarity,
            ),
            style.SMALL_SIZE,
            style.MUTED,
        )
        return stack(title, bars)

    @staticmethod
    def weighted_sum(number: int, reading: SentenceReading, region: Region, many: bool) -> VGroup:
        terms = weighted_sum(reading.tokens, reading.weights, adding_up=(reading.token_embeddings, reading.context))
        sum_text = typeset.wrapped_text(
            t("context.sum", "context = {terms}", terms=terms), region.width, style.SMALL_SIZE, style.CONTEXT
        )
        xy_text = typeset.plain_text(f"\u2248 {written_point(reading.context)}", style.SMALL_SIZE, style.CONTEXT)
        xy_text.name = f"context_value:{number}"
        if many:
            return stack(sum_text, xy_text, gap="tight", direction=RIGHT, align=DOWN)
        return stack(sum_text, xy_text, gap="tight")

    @property
    def parts(self) -> list[VGroup]:
        """What the plane's labels keep clear of: each part's own box."""
        return [self.words, self.weights, self.formula]
