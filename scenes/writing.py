"""How the clips write what they compute: a point, a weighted sum. One way each, everywhere.

Numbers are written by attention_core.text.format_number (a true minus sign, no "-0.00").
"""

from __future__ import annotations

from collections.abc import Sequence

from attention_core.language import t
from attention_core.text import format_number, places_that_add_up
from attention_core.text import format_pair as written_point  # a 2-D point: "(1.20, −0.50)", as the narration writes it

__all__ = ["MANY_WORDS", "has_many", "steps_text", "weighted_sum", "written_point"]

MANY_WORDS = 4  # a sentence with more words than this gets smaller print, tighter rows and short sums


def has_many(words: Sequence[str]) -> bool:
    return len(words) > MANY_WORDS


def weighted_sum(words: Sequence[str], weights: Sequence[float], vector: str = "", adding_up=None) -> str:
    """ "0.60 v apple + 0.40 v orange" (vector "v "), or, for many words, "Σ weight × v".

    `adding_up` (vectors (k, 2), result (2,)): the weights are written with as many places as
    make the sum come out at the result written beside it (attention_core.text.places_that_add_up)."""
    if has_many(words):
        if vector.strip():
            return t("sum.many-vectors", "\u03a3 weight \u00d7 {vector}", vector=vector.strip())
        return t("sum.many-embeddings", "\u03a3 weight \u00d7 embedding")
    places = 2 if adding_up is None else places_that_add_up(weights, *adding_up)
    return " + ".join(f"{format_number(weight, places)} {vector}{word}" for word, weight in zip(words, weights))


def steps_text(count: int) -> str:
    """A step counter: "steps: 3"."""
    return t("steps", "steps: {count}", count=count)
