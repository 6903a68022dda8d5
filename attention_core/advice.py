"""Advice on an example that is valid but will not teach well: printed by --check-example,
--preview and every render, listed in the manifest, never fatal.

Each piece of advice names the field it is about and what to change, like the loader's errors.
The thresholds are chosen from what the clips show (see each constant's comment).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from .examples import Example
from .lessons.gravity import gravity_lesson
from .similarity import similarity
from .text import format_number, quoted
from .tokens import token_key

WEAK_PULL = 0.2  # the context vector moves less than this share of the way toward the words pulling it:
# in the gravity picture its dot then sits on the embedding's (the shipped examples move 0.29 to 0.77)
CROWDED = 0.03  # two words closer than this share of the plane's span: at 480p their dots touch
FLAT = 0.05  # the other words' weights all within this of each other: no word stands out, no bar wins
# (at 0.05 the bars look equal at 480p)
AGREE = 0.8  # ... unless the words lie one way from the focus word (the mean of their unit directions is
# at least this long): then they pull together, as a cluster, and the picture still has a direction
# (bank-river-vs-money's third sentence: five money words, weights 0.14 to 0.18, all down and right)
LONGER = 1.5  # with dot products, a word this many times longer than the one that points closest wins by length


@dataclass(frozen=True)
class Advice:
    field: str  # where in the example file, as the loader's errors name it
    message: str  # what the viewer will see, and what to change

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def example_advice(example: Example) -> list[Advice]:
    """Every piece of advice for `example`, in the order of the file."""
    return [*crowded_words(example), *sentence_advice(example)]


def crowded_words(example: Example) -> list[Advice]:
    points = np.array(list(example.words.values()) + [(0.0, 0.0)])
    span = float((points.max(axis=0) - points.min(axis=0)).max()) or 1.0
    found = []
    for (a, xy_a), (b, xy_b) in combinations(example.words.items(), 2):
        distance = float(np.hypot(xy_a[0] - xy_b[0], xy_a[1] - xy_b[1]))
        if distance < CROWDED * span:
            found.append(
                Advice(
                    f"words.{b}",
                    f"is only {format_number(distance)} from {quoted(a)} in a plane "
                    f"{format_number(span)} wide: their dots touch and their labels crowd; move it at "
                    f"least {format_number(CROWDED * span * 2)} away",
                )
            )
    return found


def sentence_advice(example: Example) -> list[Advice]:
    found = []
    for number, (sentence, reading) in enumerate(zip(example.sentences, gravity_lesson(example).sentences), start=1):
        field = f"sentences[{number}]"
        written = [token_key(t) for t in sentence.tokens]
        if written.count(sentence.focus) > 1:
            found.append(
                Advice(
                    f"{field}.focus",
                    f"{quoted(sentence.focus)} appears {written.count(sentence.focus)} "
                    "times in the sentence; the clips read its first occurrence",
                )
            )
        others = [j for j, token in enumerate(reading.tokens) if token != reading.focus]
        if not others:
            found.append(
                Advice(
                    f"{field}.text",
                    f"no word but {quoted(reading.focus)} has an embedding, so nothing "
                    "pulls it; give another word of the sentence an embedding under [words]",
                )
            )
            continue
        found += flat_weights(field, reading, others)
        found += weak_pull(field, reading, others) + long_words(field, reading, others, example.similarity)
    by_length = [advice for advice in found if advice.field == "similarity"]
    if len(by_length) > 1:  # the same choice, said once
        found = [a for a in found if a.field != "similarity"] + [
            Advice(
                "similarity",
                f"{by_length[0].message} (and so in {len(by_length) - 1} more sentence"
                f"{'s' if len(by_length) > 2 else ''})",
            )
        ]
    return found


def flat_weights(field: str, reading, others: list[int]) -> list[Advice]:
    """Three or more other words, their weights all within FLAT of each other, lying different ways
    from the focus word: the bars have no winner and the pulls no direction, so the sentence
    teaches nothing about who pulls."""
    if len(others) < 3:  # two words at one weight are a tie, which a picture can show
        return []
    weights = reading.weights[others]
    if float(weights.max() - weights.min()) >= FLAT:
        return []
    focus = reading.token_embeddings[reading.focus_index]
    offsets = reading.token_embeddings[others] - focus  # (m, 2)
    distances = np.linalg.norm(offsets, axis=1)
    directions = offsets / np.maximum(distances, 1e-12)[:, None]
    if float(np.linalg.norm(directions.mean(axis=0))) >= AGREE:  # one cluster, pulling one way
        return []
    nearest = quoted(reading.tokens[others[int(np.argmin(distances))]])
    farthest = quoted(reading.tokens[others[int(np.argmax(distances))]])
    shown = ", ".join(f"{reading.tokens[j]} {format_number(reading.weights[j])}" for j in others)
    return [
        Advice(
            f"{field}.text",
            f"no word stands out: the weights of the words around {quoted(reading.focus)} are all within "
            f"{format_number(FLAT)} of each other ({shown}), so no bar wins and the pull has no direction; "
            f"move {nearest} closer to {quoted(reading.focus)} under [words], or {farthest} farther away",
        )
    ]


def weak_pull(field: str, reading, others: list[int]) -> list[Advice]:
    """The sentence's pulls cancel or are weak: its context vector stays near the embedding."""
    moved = float(np.linalg.norm(reading.context - reading.embedding))
    away = float(np.mean([np.linalg.norm(reading.token_embeddings[j] - reading.embedding) for j in others]))
    if moved >= WEAK_PULL * away:
        return []
    weights = ", ".join(f"{token} {format_number(w)}" for token, w in zip(reading.tokens, reading.weights))
    strongest = quoted(reading.strongest_pull)
    return [
        Advice(
            f"{field}.text",
            f"the pull will be hard to see: the context vector of {quoted(reading.focus)} "
            f"moves only {format_number(moved)}, under a fifth of the way to its words (weights {weights}); "
            f"to let {strongest} win, move it closer to {quoted(reading.focus)}'s direction, or the other "
            "words away from it",
        )
    ]


def long_words(field: str, reading, others: list[int], kind: str) -> list[Advice]:
    """With dot products, the word that pulls hardest does so by its length, not its direction."""
    if kind == "cosine":
        return []
    f = reading.focus_index
    cosines = similarity(reading.token_embeddings[f : f + 1], reading.token_embeddings, "cosine")[0]
    closest = max(others, key=lambda j: cosines[j])
    winner = reading.tokens.index(reading.strongest_pull)
    lengths = np.linalg.norm(reading.token_embeddings, axis=1)
    if winner == closest or lengths[winner] < LONGER * lengths[closest]:
        return []
    return [
        Advice(
            "similarity",
            f"in {field}, {quoted(reading.tokens[winner])} pulls hardest because its embedding "
            f"is long ({format_number(lengths[winner])} against {format_number(lengths[closest])}), though "
            f"{quoted(reading.tokens[closest])} points closer to {quoted(reading.focus)}; use "
            'similarity = "cosine" to compare directions, or keep the dot product if length is the point',
        )
    ]
