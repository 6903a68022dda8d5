"""The mask lesson: self-attention, masked self-attention, cross-attention.

One sequence X (n, 2): the example's sentence with the most words that have embeddings.

    self:   Q, K, V all from X                      weights (n, n)
    masked: the same with causal_mask(n): position i sees 0..i; rows still sum to 1
    cross:  Q from a decoder sentence Y (m, 2); K and V from an encoder sentence X'
            weights (m, n'), what a translation model's decoder does

Maps are the example's W_Q, W_K, W_V; scores are scaled dot products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..attention import attention, causal_mask
from ..examples import Example, Passage, Sentence
from ..language import t
from ..tokens import token_key
from . import arc, narration
from .chapter import Chapter
from .narration import ClipLesson, guess
from .panels import GridPanel, Panel
from .reading import most_words

MAX_TOKENS = 6  # a grid wider than this is unreadable at 480p


@dataclass(frozen=True)
class MaskLesson(ClipLesson):
    sentence: str
    tokens: tuple[str, ...]  # n
    self_weights: np.ndarray  # (n, n)
    self_scores: np.ndarray  # (n, n) Q K^T / sqrt(d_k): what the mask sets to minus infinity, before softmax
    mask: np.ndarray  # (n, n) bool, True = may attend
    masked_weights: np.ndarray  # (n, n), zero above the diagonal
    masked_row_sums: np.ndarray  # (n,) all 1
    encoder_sentence: str
    encoder_tokens: tuple[str, ...]  # n'
    decoder_sentence: str
    decoder_tokens: tuple[str, ...]  # m
    cross_weights: np.ndarray  # (m, n')
    notes: tuple[str, ...]


def embedded_tokens(example: Example, passage: Passage | Sentence, notes: list[str]) -> tuple[str, ...]:
    tokens = tuple(token_key(t) for t in passage.tokens if token_key(t) in example.words)
    if len(tokens) > MAX_TOKENS:
        notes.append(f"only the first {MAX_TOKENS} words of {passage.text!r} are shown")
    return tokens[:MAX_TOKENS]


def longest_sentence(example: Example) -> Sentence:
    """The sentence with the most words that have embeddings (the first of equals)."""
    return most_words(example)


def mask_lesson(example: Example) -> MaskLesson:
    notes: list[str] = []
    sentence = longest_sentence(example)
    tokens = embedded_tokens(example, sentence, notes)
    w_q, w_k, w_v = (example.maps[role] for role in ("query", "key", "value"))
    x = np.array([example.words[t] for t in tokens])  # (n, 2)
    mask = causal_mask(len(tokens))
    plain = attention(x @ w_q, x @ w_k, x @ w_v)
    masked = attention(x @ w_q, x @ w_k, x @ w_v, mask=mask)
    if example.cross:
        encoder, decoder = example.cross
    else:
        encoder = example.sentences[0]
        decoder = example.sentences[1 if len(example.sentences) > 1 else 0]
        notes.append(
            "no [cross] in the example: the encoder is sentence 1, the decoder "
            + ("sentence 2" if len(example.sentences) > 1 else "sentence 1 again")
        )
    encoder_tokens = embedded_tokens(example, encoder, notes)
    decoder_tokens = embedded_tokens(example, decoder, notes)
    source = np.array([example.words[t] for t in encoder_tokens])  # (n', 2)
    target = np.array([example.words[t] for t in decoder_tokens])  # (m, 2)
    cross = attention(target @ w_q, source @ w_k, source @ w_v)
    return narration.attach(
        MaskLesson(
            sentence=sentence.text,
            tokens=tokens,
            self_weights=plain.weights,
            self_scores=plain.scores,
            mask=mask,
            masked_weights=masked.weights,
            masked_row_sums=masked.weights.sum(axis=1),
            encoder_sentence=encoder.text,
            encoder_tokens=encoder_tokens,
            decoder_sentence=decoder.text,
            decoder_tokens=decoder_tokens,
            cross_weights=cross.weights,
            notes=tuple(notes),
        ),
        arc.mask_arc(example),
        "mask",
        mask_lines,
    )


# -- the lines between its question and its takeaway ------------------------------


def mask_lines(lesson) -> list[tuple[str, str]]:
    return [
        ("mask.self", t("mask.self", "Self-attention: each row is a word asking; each column, a word it looks at.")),
        guess(lesson, "mask"),
        (
            "mask.scores",
            t(
                "mask.scores",
                "A decoder writes left to right, so every score above the diagonal, looking ahead, is set to minus "
                "infinity.",
            ),
        ),
        (
            "mask.causal",
            t("mask.causal", "Softmax turns minus infinity into a weight of 0, and each row still sums to 1."),
        ),
        (
            "mask.cross",
            t("mask.cross", "Cross-attention: the decoder asks, with Q; the encoder's sentence answers, with K and V."),
        ),
    ]


# -- its key picture, for the recap --------------------------------------------------


def mask_picture(lesson) -> tuple[Panel, ...]:
    return (
        GridPanel(
            title=t("recap.panel.mask", "a causal mask: no row sees a later word"),
            tokens=lesson.tokens,
            weights=lesson.masked_weights,
            mask=lesson.mask,
        ),
    )


# -- the chapter ----------------------------------------------------------------------


CHAPTER = Chapter(
    name="mask",
    scene="scenes.masks:MaskScene",
    lesson=mask_lesson,
    arc=arc.mask_arc,
    lines=mask_lines,
    key_picture=mask_picture,
    recap=lambda example: t("recap.say.mask", "Masks hide the future."),
    telling="mask.causal",
)
