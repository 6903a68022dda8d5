"""The real-model lesson: a pretrained transformer's own attention, computed by our core.

For the example's first two sentences, each with its focus word, through all-MiniLM-L6-v2:

    pieces   the sentence as the model reads it: word pieces, [CLS] first, [SEP] last
    row      attentions[layer, head, focus, :]          (n,)  the focus piece's weights
    path     hidden_states[:, focus] -> 2-D, true angle   (layers + 1, 2) per sentence
    cosine   cos(h_1[l, focus_1], h_2[l, focus_2])       (layers + 1,) one per layer
    grids    attentions[layer, :] of sentence 1          (heads, n, n) every head

The picture of the paths keeps what the table says: each layer's two focus vectors are drawn
from one origin with their own lengths and the angle between them (the cosine in the table),
the pair placed symmetrically about the upward axis, the first sentence's on the left. No
projection of 384 dimensions onto a plane keeps the angles of every layer's pair; this keeps
them all, and says nothing about directions the table does not speak of.

With layer or head "auto", the lesson takes the (layer, head) whose focus row puts the
most weight on a context word in both sentences: the smaller of the two sentences' largest
context weights is largest there. A context word is a word of the sentence that has an
embedding in the example (as in the toy plane), or, in a sentence with none, any other word
(or, with the focus word alone, every other piece: [CLS], [SEP], punctuation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..examples import Example
from ..language import t
from ..pretrained import load_model, word_pieces
from ..text import format_number, quoted
from . import arc, narration
from .base import Lesson
from .chapter import Chapter
from .narration import ClipLesson, count_word
from .panels import Panel, WeightsPanel

SPECIAL_PIECES = ("[CLS]", "[SEP]")
MOST_LABELLED = 10  # at most this many weights are written out under one row


@dataclass(frozen=True)
class PieceReading(Lesson):
    """One sentence at the chosen layer and head."""

    text: str
    focus: str  # the focus word, as the example names it
    pieces: tuple[str, ...]  # word pieces as the model reads them
    special: tuple[bool, ...]  # [CLS] and [SEP]: drawn muted
    focus_index: int  # the focus word's piece
    context_indices: tuple[int, ...]  # the pieces that count as context words
    weights: np.ndarray  # (n,) the focus piece's attention row at the chosen layer and head
    labelled: tuple[int, ...]  # the pieces whose weight is written out, in sentence order
    strongest: int  # the piece, other than the focus itself, with the largest weight


@dataclass(frozen=True)
class RealModelLesson(ClipLesson):
    title: str
    model: str
    weights_sha256: str
    layers: int
    heads: int
    layer: int  # counted from 1, as on screen
    head: int  # counted from 1
    chosen_by: str  # "example" (both given), "auto" (neither), "layer" or "head" (only that one given)
    readings: tuple[PieceReading, ...]  # the two sentences compared
    paths: np.ndarray  # (2, layers + 1, 2) each focus vector after each layer: its length, the pair's angle
    cosines: np.ndarray  # (layers + 1,) the two focus vectors' cosine after each layer
    lengths: np.ndarray  # (2, layers + 1) each focus vector's length after each layer
    grids: np.ndarray  # (heads, n, n) every head of the chosen layer, for sentence 1


def chosen_by(layer: int | None, head: int | None) -> str:
    """Who chose the (layer, head) drawn: the example (both given), the lesson ("auto"), or the
    example one of them ("layer" or "head") and the lesson the other."""
    return {(True, True): "example", (False, False): "auto", (True, False): "layer", (False, True): "head"}[
        (layer is not None, head is not None)
    ]


def real_model_lesson(example: Example) -> RealModelLesson:
    if example.model is None:
        raise ValueError("the example has no [model] table: the real-model clip needs one")
    model = load_model(example.model.name)
    sentences = example.sentences[:2]
    runs = [model.run(sentence.text) for sentence in sentences]
    words = [word_pieces(model.tokenizer, sentence.text) for sentence in sentences]
    focus = [focus_piece(w, s.focus) for w, s in zip(words, sentences)]
    context = [context_pieces(w, f, example.words, len(run.tokens)) for w, f, run in zip(words, focus, runs)]
    layer, head = chosen_head(example.model.layer, example.model.head, runs, focus, context)
    readings = tuple(piece_reading(run, s, f, c, layer, head) for run, s, f, c in zip(runs, sentences, focus, context))
    focus_states = np.stack([run.hidden_states[:, f] for run, f in zip(runs, focus)])  # (2, L+1, d)
    lengths = np.linalg.norm(focus_states, axis=2)  # (2, L+1)
    first, second = focus_states
    cosines = (first * second).sum(axis=1) / (lengths[0] * lengths[1])  # (L+1,)
    paths = angle_true_paths(lengths, cosines)
    return narration.attach(
        RealModelLesson(
            title=example.title,
            model=model.name,
            weights_sha256=model.weights_sha256,
            layers=model.num_layers,
            heads=model.num_heads,
            layer=layer + 1,
            head=head + 1,
            chosen_by=chosen_by(example.model.layer, example.model.head),
            readings=readings,
            paths=paths,
            cosines=cosines,
            lengths=lengths,
            grids=runs[0].attentions[layer],
        ),
        arc.real_model_arc(example),
        "realmodel",
        real_model_lines,
    )


def focus_piece(words, focus: str) -> int:
    """The piece of the first word of the sentence that is the focus word (one piece: the
    example file's check made sure)."""
    return next(places[0] for word, _, places in words if word == focus)


def context_pieces(words, focus: int, embedded, count: int) -> tuple[int, ...]:
    """The pieces of the sentence's words that have an embedding in the example, the focus
    piece aside; in a sentence with none, the pieces of every other word; in a sentence of the
    focus word alone, every other piece (the markers the model adds, punctuation)."""
    pieces = [(word, place) for word, _, places in words for place in places if place != focus]
    with_embedding = tuple(place for word, place in pieces if word in embedded)
    return with_embedding or tuple(place for _, place in pieces) or tuple(i for i in range(count) if i != focus)


def chosen_head(layer, head, runs, focus, context) -> tuple[int, int]:
    """(layer, head) counted from 0: as given, or the one that pulls most on a context word."""
    strength = np.full(runs[0].attentions.shape[:2], np.inf)  # (layers, heads)
    for run, f, c in zip(runs, focus, context):
        strength = np.minimum(strength, run.attentions[:, :, f, list(c)].max(axis=-1))
    if layer is not None:
        strength[np.arange(len(strength)) != layer - 1] = -np.inf
    if head is not None:
        strength[:, np.arange(strength.shape[1]) != head - 1] = -np.inf
    best = np.unravel_index(int(np.argmax(strength)), strength.shape)  # first of any ties
    return int(best[0]), int(best[1])


def piece_reading(run, sentence, focus, context, layer, head) -> PieceReading:
    weights = run.attentions[layer, head, focus]  # (n,)
    others = [i for i in range(len(weights)) if i != focus]
    largest = sorted(range(len(weights)), key=lambda i: (-weights[i], i))[:MOST_LABELLED]
    return PieceReading(
        text=sentence.text,
        focus=sentence.focus,
        pieces=run.tokens,
        special=tuple(piece in SPECIAL_PIECES for piece in run.tokens),
        focus_index=focus,
        context_indices=context,
        weights=weights,
        labelled=tuple(sorted(largest)),
        strongest=max(others, key=lambda i: (weights[i], -i)),
    )


def angle_true_paths(lengths: np.ndarray, cosines: np.ndarray) -> np.ndarray:
    """lengths (2, layers + 1) and cosines (layers + 1,) -> (2, layers + 1, 2): each layer's pair
    as two vectors from the origin with those lengths and the angle arccos(cosine) between them,
    symmetric about the upward axis, the first on the left: every drawn angle is the one the
    table gives, and every drawn length the vector's own."""
    half = np.arccos(np.clip(cosines, -1.0, 1.0)) / 2  # (L+1,)
    sides = np.array([-1.0, 1.0])[:, None]  # (2, 1) left, right
    return np.stack([sides * lengths * np.sin(half), lengths * np.cos(half)], axis=-1)  # (2, L+1, 2)


# -- the lines between its question and its takeaway ------------------------------


def row_line(lesson, reading) -> str:
    """Where the focus piece looks at the chosen head, decided by its weights (one number said)."""
    strongest = reading.pieces[reading.strongest]
    weight = reading.weights[reading.strongest]
    own = reading.weights[reading.focus_index]
    values = dict(focus=quoted(reading.focus), piece=quoted(strongest), weight=format_number(weight))
    if own > weight:
        return t(
            "realmodel.row.keeps",
            "Of the other pieces, {focus} gives {piece} the most weight, {weight}; it keeps more on itself.",
            **values,
        )
    return t("realmodel.row.gives", "Of the other pieces, {focus} gives {piece} the most weight, {weight}.", **values)


def paths_line(lesson) -> str:
    """The focus word's two vectors, first and last layer: apart, together or the same, and how."""
    cosines = [float(c) for c in lesson.cosines]
    first, last = format_number(cosines[0]), format_number(cosines[-1])
    shown = [round(c, 2) for c in cosines]  # as written: a change too small to show is no step
    if lesson.readings[0].focus != lesson.readings[1].focus:
        word = t(
            "realmodel.paths.both",
            "{first} and {second}",
            first=quoted(lesson.readings[0].focus),
            second=quoted(lesson.readings[1].focus),
        )
    else:
        word = quoted(lesson.readings[0].focus)
    if first == last:
        return t(
            "realmodel.paths.same", "The vectors of {word} in the two sentences end as alike as they start.", word=word
        )
    apart = cosines[-1] < cosines[0]
    steady = all((b < a) if apart else (b > a) for a, b in zip(shown, shown[1:]))
    values = dict(word=word, cosine=last, layers=lesson.layers)
    if apart and steady:
        return t(
            "realmodel.paths.apart-steadily",
            "The vectors of {word} in the two sentences move apart, layer by layer: cosine {cosine} after layer "
            "{layers}.",
            **values,
        )
    if apart:
        return t(
            "realmodel.paths.apart",
            "The vectors of {word} in the two sentences move apart, though not at every layer: cosine {cosine} after "
            "layer {layers}.",
            **values,
        )
    if steady:
        return t(
            "realmodel.paths.closer-steadily",
            "The vectors of {word} in the two sentences come closer, layer by layer: cosine {cosine} after layer "
            "{layers}.",
            **values,
        )
    return t(
        "realmodel.paths.closer",
        "The vectors of {word} in the two sentences come closer, though not at every layer: cosine {cosine} after "
        "layer {layers}.",
        **values,
    )


def start_line(lesson) -> str:
    """Why the two vectors do not start at cosine 1: layer 0 is the token plus its position."""
    first = format_number(lesson.cosines[0])
    if lesson.readings[0].focus != lesson.readings[1].focus:
        return t(
            "realmodel.start.pieces",
            "Before layer 1, each vector is its piece's embedding plus its position: cosine {cosine}.",
            cosine=first,
        )
    if first == format_number(1.0):
        return t(
            "realmodel.start.same",
            "Before layer 1, each vector is the piece's embedding plus its position: here, the same.",
        )
    return t(
        "realmodel.start.differs",
        "Before layer 1, each vector is the piece's embedding plus its position, so the two start at cosine "
        "{cosine}, not 1.",
        cosine=first,
    )


def real_model_lines(lesson) -> list[tuple[str, str]]:
    first = lesson.readings[0]
    added = sum(first.special)
    chosen = {
        "auto": lambda: t(
            "realmodel.chosen.auto", "the head that pulls hardest toward a context word in both sentences"
        ),
        "example": lambda: t("realmodel.chosen.example", "as the example asks"),
        "layer": lambda: t(
            "realmodel.chosen.layer", "in the example's layer, the head that pulls hardest toward a context word"
        ),
        "head": lambda: t(
            "realmodel.chosen.head", "the example's head, in the layer where it pulls hardest toward a context word"
        ),
    }[lesson.chosen_by]()
    said = [
        (
            "realmodel.pieces",
            t(
                "realmodel.pieces",
                "A real model, {model}, reads word pieces: {pieces} here, with {markers} markers it adds. Every piece "
                "has an embedding.",
                model=lesson.model,
                pieces=count_word(len(first.pieces)),
                markers=count_word(added),
            ),
        ),
        (
            "realmodel.head",
            t(
                "realmodel.head",
                "Layer {layer}, head {head} of {heads}: {chosen}.",
                layer=lesson.layer,
                head=lesson.head,
                heads=count_word(lesson.heads),
                chosen=chosen,
            ),
        ),
    ]
    for number, reading in enumerate(lesson.readings, start=1):
        said.append((f"realmodel.sentence-{number}", row_line(lesson, reading)))
    said.append(("realmodel.start", start_line(lesson)))
    said.append(("realmodel.paths", paths_line(lesson)))
    said.append(
        (
            "realmodel.heads",
            t(
                "realmodel.heads",
                "All {heads} heads of layer {layer}: each looks at the sentence in its own way.",
                heads=count_word(lesson.heads),
                layer=lesson.layer,
            ),
        )
    )
    return said


# -- its key picture, for the recap --------------------------------------------------


MODEL_ROWS = 5  # the real model's picture: the focus piece's largest weights in each sentence


def largest(reading, count: int) -> list[int]:
    """The `count` pieces of `reading` that the focus piece weighs most, in sentence order."""
    return sorted(sorted(reading.labelled, key=lambda j: -reading.weights[j])[:count])


def real_model_picture(lesson) -> tuple[Panel, ...]:
    return tuple(
        WeightsPanel(
            title=t(
                "recap.panel.realmodel",
                "sentence {number}: where {focus} looks most",
                number=number,
                focus=quoted(reading.focus),
            ),
            labels=tuple(reading.pieces[j] for j in shown),
            weights=reading.weights[shown],
        )
        for number, reading in enumerate(lesson.readings, start=1)
        for shown in [largest(reading, MODEL_ROWS)]
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="realmodel",
    scene="scenes.real_model:RealModelScene",
    lesson=real_model_lesson,
    arc=arc.real_model_arc,
    lines=real_model_lines,
    key_picture=real_model_picture,
    recap=lambda example: t("recap.say.realmodel", "A trained model agrees."),
    telling="realmodel.sentence-1",
    needs_model=True,
)
