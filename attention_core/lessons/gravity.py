"""The gravity lesson: context words pull the focus word's context vector their way.

For one sentence with k participating tokens e_1..e_k and focus token f:

    similarities_j = sim(e_f, e_j)             (k,)   cosine in the lecture
    weights        = softmax(similarities)     (k,)
    context        = sum_j weights_j e_j       (2,)

The embedding e_f itself never changes: the context vector is a new vector per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from ..language import nt, t
from ..text import format_number, quoted
from . import arc, narration
from .arc import similarity_name
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson, count_word, guess
from .panels import Panel, PlanePanel
from .reading import focus_reading


@dataclass(frozen=True)
class SentenceReading(Lesson):
    text: str
    focus: str
    tokens: tuple[str, ...]  # the k participating tokens, lower-case, in order
    weights: np.ndarray  # (k,) how much each token pulls; sums to 1
    embedding: np.ndarray  # (2,) the focus word's static embedding
    context: np.ndarray  # (2,) its context vector in this sentence
    focus_index: int
    token_embeddings: np.ndarray  # (k, 2)
    similarities: np.ndarray  # (k,) before the softmax
    sentence_tokens: tuple[str, ...]  # all tokens as written
    takes_part: tuple[bool, ...]  # per sentence token
    strongest_pull: str | None  # the other word with the largest weight (None if alone)
    leaves_ghost: bool  # the first reading of this focus word: its embedding is left as a faded dot


@dataclass(frozen=True)
class GravityLesson(ClipLesson):
    title: str
    similarity: str
    plane: dict[str, tuple[float, float]]  # every word of the example, for the picture
    sentences: tuple[SentenceReading, ...]
    guess_sentence: int | None  # where the viewer guesses who pulls hardest: the sentence with most words


def guess_sentence(readings) -> int | None:
    """The sentence with the most words that could pull (the first of equals), if any can."""
    pulling = [len(r.tokens) - 1 if r.strongest_pull is not None else 0 for r in readings]
    return pulling.index(max(pulling)) if max(pulling) > 0 else None


def gravity_lesson(example: Example) -> GravityLesson:
    readings = []
    focused: set[str] = set()
    for sentence in example.sentences:
        reading = focus_reading(example, sentence)
        f = reading.focus_index
        embeddings = reading.embeddings  # (k, 2)
        result = attention(embeddings[f : f + 1], embeddings, embeddings, kind=example.similarity)
        weights = result.weights[0]  # (k,)
        others = [j for j in range(len(reading.tokens)) if reading.tokens[j] != reading.focus]
        strongest = max(others, key=lambda j: weights[j]) if others else None
        readings.append(
            SentenceReading(
                text=reading.text,
                focus=reading.focus,
                tokens=reading.tokens,
                weights=weights,
                embedding=embeddings[f].copy(),
                context=result.output[0],
                focus_index=f,
                token_embeddings=embeddings,
                similarities=result.scores[0],
                sentence_tokens=reading.sentence_tokens,
                takes_part=reading.takes_part,
                strongest_pull=None if strongest is None else reading.tokens[strongest],
                leaves_ghost=reading.focus not in focused,
            )
        )
        focused.add(reading.focus)
    return narration.attach(
        GravityLesson(
            title=example.title,
            similarity=example.similarity,
            plane=dict(example.words),
            sentences=tuple(readings),
            guess_sentence=guess_sentence(readings),
        ),
        arc.gravity_arc(example),
        "gravity",
        gravity_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def pull_kind(reading) -> str:
    """How the strongest other word's weight compares with the focus word's own, as written
    (two places): "alone" (no other word), "as-much", "less" (the focus keeps more) or "more"."""
    if reading.strongest_pull is None:
        return "alone"
    weight = reading.weights[list(reading.tokens).index(reading.strongest_pull)]
    own = reading.weights[reading.focus_index]
    if format_number(own) == format_number(weight):
        return "as-much"
    return "less" if own > weight else "more"


def pull_line(reading, said_before: int = 0) -> str:
    """What one sentence does to its focus word, decided by its weights: one number said.
    `said_before`: how many earlier sentences of the clip kept more on the focus word (their
    `pull_kind` "less"), so that the third time is not said in the first time's words."""
    kind = pull_kind(reading)
    if kind == "alone":
        return t(
            "gravity.pull.alone",
            "No other word here is in the plane: {focus} keeps its own point.",
            focus=quoted(reading.focus),
        )
    weight = reading.weights[list(reading.tokens).index(reading.strongest_pull)]
    values = dict(strongest=quoted(reading.strongest_pull), weight=format_number(weight), focus=quoted(reading.focus))
    if kind == "as-much":
        return t(
            "gravity.pull.as-much",
            "{strongest} pulls hardest, with weight {weight}: as much as {focus} keeps on itself.",
            **values,
        )
    if kind == "less":
        if said_before == 1:
            return t(
                "gravity.pull.less-again",
                "Here {strongest} pulls hardest, with weight {weight}; again {focus} holds on to more.",
                **values,
            )
        if said_before >= 2:
            return t(
                "gravity.pull.less-still",
                "Now {strongest} leads, with weight {weight}, and {focus} still keeps the largest share.",
                **values,
            )
        return t(
            "gravity.pull.less",
            "Of the other words, {strongest} pulls hardest, with weight {weight}; {focus} keeps more on itself.",
            **values,
        )
    return t(
        "gravity.pull.more",
        "{strongest} pulls hardest, with weight {weight}: more than {focus} keeps on itself.",
        **values,
    )


def closing_line(count: int) -> str:
    if count == 1:
        return t("gravity.closing.one", "One token, one embedding; the context vector belongs to this sentence.")
    return nt(
        "gravity.closing.many",
        "One token, one embedding, {number} context vector: one for each sentence.",
        "One token, one embedding, {number} context vectors: one for each sentence.",
        count,
        number=count_word(count),
    )


def gravity_lines(lesson) -> list[tuple[str, str]]:
    said = [
        ("gravity.plane", t("gravity.plane", "Each word is a point, its embedding: words that mean alike sit close."))
    ]
    told_faded, kept_more = False, 0
    for number, reading in enumerate(lesson.sentences, start=1):
        part = f"gravity.sentence-{number}"
        focus = quoted(reading.focus)
        said.append(
            (
                f"{part}.words",
                t(
                    "gravity.words.first",
                    "Sentence {number}. Each word pulls on {focus}, like gravity: the larger their {similarity}, "
                    "the stronger.",
                    number=number,
                    focus=focus,
                    similarity=similarity_name(lesson.similarity),
                )
                if number == 1
                else t(
                    "gravity.words.next",
                    "Sentence {number}: now these words pull on {focus}.",
                    number=number,
                    focus=focus,
                ),
            )
        )
        if not told_faded and not all(reading.takes_part):
            told_faded = True
            said.append(
                (
                    f"{part}.faded",
                    t(
                        "gravity.faded",
                        "Faded words are left out of this toy plane; a real model gives every token an embedding.",
                    ),
                )
            )
        if number - 1 == lesson.guess_sentence:
            said.append(guess(lesson, "gravity"))
        said.append((f"{part}.pull", pull_line(reading, kept_more)))
        kept_more += pull_kind(reading) == "less"
        if reading.leaves_ghost:
            said.append(
                (
                    f"{part}.ghost",
                    t(
                        "gravity.ghost",
                        "{focus} keeps its embedding, the faded dot. Attention makes a new point: its context vector.",
                        focus=focus,
                    ),
                )
            )
    said.append(("gravity.closing", closing_line(len(lesson.sentences))))
    return said


# -- its key picture, for the recap --------------------------------------------------


def gravity_picture(lesson) -> tuple[Panel, ...]:
    first = lesson.sentences[0]
    return (
        PlanePanel(
            title=t(
                "recap.panel.gravity",
                "one embedding of {focus}, a context vector per sentence",
                focus=quoted(first.focus),
            ),
            words=lesson.plane,
            focus=first.focus,
            embedding=first.embedding,
            contexts=np.array([reading.context for reading in lesson.sentences]),
        ),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="gravity",
    scene="scenes.gravity:GravityScene",
    lesson=gravity_lesson,
    arc=arc.gravity_arc,
    lines=gravity_lines,
    key_picture=gravity_picture,
    recap=lambda example: t(
        "recap.say.gravity", "Context pulls {focus} where its sentence says.", focus=quoted(example.sentences[0].focus)
    ),
    telling="gravity.closing",
)
