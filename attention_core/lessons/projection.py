"""The projection lesson: Q, K and V are linear maps, and they change who scores high.

For the first sentence, k participating tokens with embeddings E (k, 2), focus token f:

    queries = E W_Q,  keys = E W_K,  values = E W_V         (k, 2) each
    scores_before = e_f E^T / sqrt(2)                         (k,)  raw embeddings
    scores_after  = q_f K^T / sqrt(2)                         (k,)  after the maps
    weights       = softmax(scores_after)                     (k,)  from Q and K only
    context       = weights V                                 (2,)  V is what is averaged

`highlight` is the other token whose weight the maps changed most: the pair they re-scored
(the focus itself only when it is alone). With two maps a pair's score depends on who asks:

    focus_asks = q_f . k_h / sqrt(2),   other_asks = q_h . k_f / sqrt(2)    (equal only if W_Q = W_K, or by chance)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention
from ..examples import Example
from ..language import t
from ..text import SYMBOLS, format_number, quoted
from . import arc, narration
from .arc import similarity_name
from .chapter import Chapter
from .narration import ClipLesson, guess
from .panels import Panel, WeightsPanel
from .reading import focus_reading

Q, K, V = (SYMBOLS[role] for role in ("query", "key", "value"))  # written as on screen


@dataclass(frozen=True)
class ProjectionLesson(ClipLesson):
    sentence: str
    focus: str
    tokens: tuple[str, ...]
    query_map: np.ndarray  # (2, 2) W_Q
    key_map: np.ndarray  # (2, 2) W_K
    value_map: np.ndarray  # (2, 2) W_V
    embeddings: np.ndarray  # (k, 2)
    queries: np.ndarray  # (k, 2)
    keys: np.ndarray  # (k, 2)
    values: np.ndarray  # (k, 2)
    scores_before: np.ndarray  # (k,) the focus word's row
    scores_after: np.ndarray  # (k,)
    weights: np.ndarray  # (k,) softmax(scores_after)
    context: np.ndarray  # (2,) weights @ values
    focus_index: int
    weights_before: np.ndarray  # (k,) softmax(scores_before), for comparison
    highlight: int  # index of the token whose weight changed most
    focus_asks: float  # q_focus . k_highlight / sqrt(2): the focus word's score for the highlighted word
    other_asks: float  # q_highlight . k_focus / sqrt(2): the same pair, the other way round
    similarity: str  # the earlier chapters' score (the example's), named where the score changes
    score_note: str  # under the table: what made its numbers


def projection_lesson(example: Example) -> ProjectionLesson:
    reading = focus_reading(example, example.sentences[0])
    f = reading.focus_index
    embeddings = reading.embeddings  # (k, 2)
    w_q, w_k, w_v = (example.maps[role] for role in ("query", "key", "value"))
    queries, keys, values = embeddings @ w_q, embeddings @ w_k, embeddings @ w_v  # (k, 2)
    before = attention(embeddings[f : f + 1], embeddings, embeddings)  # scaled dot
    after = attention(queries[f : f + 1], keys, values)
    change = np.abs(after.weights[0] - before.weights[0])  # (k,)
    others = [j for j, token in enumerate(reading.tokens) if token != reading.focus] or [f]
    highlight = max(others, key=lambda j: change[j])
    root = np.sqrt(embeddings.shape[1])
    return narration.attach(
        ProjectionLesson(
            sentence=reading.text,
            focus=reading.focus,
            tokens=reading.tokens,
            query_map=w_q,
            key_map=w_k,
            value_map=w_v,
            embeddings=embeddings,
            queries=queries,
            keys=keys,
            values=values,
            scores_before=before.scores[0],
            scores_after=after.scores[0],
            weights=after.weights[0],
            context=after.output[0],
            focus_index=f,
            weights_before=before.weights[0],
            highlight=highlight,
            focus_asks=float(queries[f] @ keys[highlight] / root),
            other_asks=float(queries[highlight] @ keys[f] / root),
            similarity=example.similarity,
            score_note=score_note(example.similarity),
        ),
        arc.projection_arc(example),
        "projection",
        projection_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def rescore_line(lesson) -> str:
    """How the maps change the weight of the highlighted word: rises, falls or stays (one number said)."""
    j = lesson.highlight
    before, after = lesson.weights_before[j], lesson.weights[j]
    shown_before, shown_after = format_number(before), format_number(after)
    values = dict(word=quoted(lesson.tokens[j]), weight=shown_after)
    if shown_before == shown_after:
        return t(
            "projection.rescore.stays",
            "The weight of {word} stays at {weight}: these maps leave this pair as it was.",
            **values,
        )
    if after > before:
        return t(
            "projection.rescore.rises", "The weight of {word} rises to {weight}: the maps change who matches.", **values
        )
    return t(
        "projection.rescore.falls", "The weight of {word} falls to {weight}: the maps change who matches.", **values
    )


def self_line(lesson) -> str:
    """Q3: what the maps do to the focus word's weight on itself, decided from both weights."""
    f, h = lesson.focus_index, lesson.highlight
    before, after = format_number(lesson.weights_before[f]), format_number(lesson.weights[f])
    values = dict(focus=quoted(lesson.tokens[f]), weight=after)
    if before == after:
        return t("projection.self.same", "{focus} keeps {weight} on itself, as before the maps.", **values)
    if lesson.weights[f] < lesson.weights_before[f] and h != f and lesson.weights[h] > lesson.weights_before[h]:
        return t(
            "projection.self.past",
            "{focus} now keeps only {weight} on itself: its query looks past itself, to {other}.",
            other=quoted(lesson.tokens[h]),
            **values,
        )
    if lesson.weights[f] > lesson.weights_before[f]:  # decided from the numbers, not from how they are written
        return t("projection.self.more", "{focus} keeps {weight} on itself, more than before the maps.", **values)
    return t("projection.self.less", "{focus} keeps {weight} on itself, less than before the maps.", **values)


def score_note(similarity: str) -> str:
    """What made the table's numbers, written under it: the gravity chapter's weights came from
    another similarity, and a viewer comparing the two must see why they differ."""
    if similarity == "scaled_dot":
        return t("projection.note.dot", "scores: scaled dot products")
    return t(
        "projection.note.other",
        "scores: scaled dot products, not the {similarity}",
        similarity=similarity_name(similarity),
    )


def score_change_line(lesson) -> str:
    """Say that the score changes from the gravity clip's similarity to a query dotted with a key."""
    if lesson.similarity == "scaled_dot":
        return t("projection.score.still", "The score is still a scaled dot product, now of a query with a key.")
    return t(
        "projection.score.now",
        "From here on, a score is a scaled dot product, not the {similarity}: a query dotted with a key.",
        similarity=similarity_name(lesson.similarity),
    )


def asymmetry_line(lesson) -> str:
    """Why two maps: the score of a pair depends on which word asks (decided from the two scores)."""
    focus, other = quoted(lesson.tokens[lesson.focus_index]), quoted(lesson.tokens[lesson.highlight])
    if lesson.highlight == lesson.focus_index:
        return t(
            "projection.asymmetry.general",
            "Two maps, {query} and {key}: a score depends on which word asks and which answers.",
            query=Q,
            key=K,
        )
    if format_number(lesson.focus_asks) == format_number(lesson.other_asks):
        return t(
            "projection.asymmetry.same",
            "Two maps, {query} and {key}: here {focus} asking {other} scores the same as the other way round, "
            "but in general it need not.",
            query=Q,
            key=K,
            focus=focus,
            other=other,
        )
    return t(
        "projection.asymmetry.differs",
        "Two maps, so a score depends on who asks: {focus} asking {other} scores differently from {other} asking "
        "{focus}.",
        focus=focus,
        other=other,
    )


def projection_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("projection.grids", t("projection.grids", "The faint grid and the axes are fixed; the blue grid will move.")),
        (
            "projection.query",
            t(
                "projection.query",
                "{query} is a learned linear map: it moves every point, p \u2192 p {query}.",
                query=Q,
            ),
        ),
        ("projection.key", t("projection.key", "{key}, a second learned map, makes a key for every word.", key=K)),
        ("projection.score", score_change_line(lesson)),
        guess(lesson, "projection"),
        ("projection.rescore", rescore_line(lesson)),
        ("projection.self", self_line(lesson)),
        ("projection.asymmetry", asymmetry_line(lesson)),
        (
            "projection.value",
            t("projection.value", "{value} does not make the weights: it only moves what gets averaged.", value=V),
        ),
        ("projection.context", t("projection.context", "The context vector is the weighted average of the values.")),
    ]


# -- its key picture, for the recap --------------------------------------------------


def projection_picture(lesson) -> tuple[Panel, ...]:
    return (
        WeightsPanel(
            title=t(
                "recap.panel.similarity",
                "with {similarity} of the embeddings",
                similarity=similarity_name(lesson.similarity),
            ),
            labels=lesson.tokens,
            weights=lesson.weights_before,
        ),
        WeightsPanel(
            title=t("recap.panel.maps", "after {query} and {key}", query=Q, key=K),
            labels=lesson.tokens,
            weights=lesson.weights,
        ),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="projection",
    scene="scenes.projection:ProjectionScene",
    lesson=projection_lesson,
    arc=arc.projection_arc,
    lines=projection_lines,
    key_picture=projection_picture,
    recap=lambda example: t("recap.say.projection", "Queries and keys choose who matters; values, what moves."),
    telling="projection.rescore",
)
