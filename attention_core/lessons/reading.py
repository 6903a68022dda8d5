"""Reading a sentence: which of its tokens have embeddings, and where the focus word is."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..examples import Example, Sentence
from ..tokens import token_key


@dataclass(frozen=True)
class FocusReading:
    text: str
    focus: str
    sentence_tokens: tuple[str, ...]  # every token as written, in order
    takes_part: tuple[bool, ...]  # per sentence token: has an embedding
    tokens: tuple[str, ...]  # the k tokens that take part, lower-case, in order
    focus_index: int  # index of the focus word's first occurrence in `tokens`
    embeddings: np.ndarray  # (k, 2) their embeddings


def most_words(example: Example) -> Sentence:
    """The sentence with the most words that have embeddings (the first of equals): where a
    clip needs room to show its point (a mask, a recurrence, several relations)."""
    return max(example.sentences, key=lambda s: sum(token_key(t) in example.words for t in s.tokens))


def focus_reading(example: Example, sentence: Sentence) -> FocusReading:
    """Take `sentence`'s tokens, keep the tokens that have embeddings, find the focus word."""
    sentence_tokens = sentence.tokens
    takes_part = tuple(token_key(token) in example.words for token in sentence_tokens)
    tokens = tuple(token_key(t) for t, part in zip(sentence_tokens, takes_part) if part)
    if sentence.focus not in tokens:
        raise ValueError(f"focus word {sentence.focus!r} is not in {sentence.text!r}")
    embeddings = np.array([example.words[token] for token in tokens], dtype=np.float64)
    return FocusReading(
        text=sentence.text,
        focus=sentence.focus,
        sentence_tokens=sentence_tokens,
        takes_part=takes_part,
        tokens=tokens,
        focus_index=tokens.index(sentence.focus),
        embeddings=embeddings,
    )
