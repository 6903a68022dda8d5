"""The teaching arc of every chapter: its heading, the question it asks first, a guess to
make where the answer can be predicted, and the one takeaway it leaves.

Each chapter's question picks up the previous chapter's takeaway: the `key` words of one
chapter's takeaway stand in the next chapter's question (checked by the tests), so the lecture
reads as one argument. Arcs are made from the example alone, never from a rendered clip, so
that every chapter title is known before anything renders, and the recap can bring back
every takeaway without computing the other lessons.

Takeaways hold no numbers: they are what a learner repeats to a friend. Questions and
guesses hold at most the one number the puzzle needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..examples import Example
from ..text import SYMBOLS, quoted
from .base import Lesson

Q, K, V, O = (SYMBOLS[role] for role in ("query", "key", "value", "output"))
SIMILARITY_NAMES = {"cosine": "cosine similarity", "dot": "dot product", "scaled_dot": "scaled dot product"}


@dataclass(frozen=True)
class Arc(Lesson):
    heading: str  # the chapter's title: on screen, in chapters.txt, in the recap
    key: str  # the words of the takeaway that the next chapter's question picks up
    question: str  # the learner's question, asked before anything answers it
    takeaway: str  # one sentence a learner could repeat to a friend
    guess: str | None = None  # a prediction prompt, with a pause before the reveal


def first_focus(example: Example) -> str:
    return example.sentences[0].focus


def token_id(example: Example, word: str) -> int:
    """The word's number in the example's vocabulary, counted from 1 as a tokenizer would."""
    return list(example.words).index(word) + 1


def intro_arc(example: Example) -> Arc:
    focus = first_focus(example)
    shared = sum(sentence.focus == focus for sentence in example.sentences)
    where = "in both sentences" if shared >= 2 else "in every sentence"  # the card shows at most two
    return Arc(
        heading="Introduction",
        key="pull",
        question=(
            f"A puzzle. {where.capitalize()}, {quoted(focus)} is one token, number "
            f"{token_id(example, focus)}, with one embedding. How can a model tell what it means?"
        ),
        guess="What would you look at to decide? Make a guess.",
        takeaway="The answer is attention: a sentence's other words pull on a word, like gravity, "
        "and give it its meaning there.",
    )


def gravity_arc(example: Example) -> Arc:
    focus = quoted(first_focus(example))
    return Arc(
        heading="Context pulls a word, like gravity",
        key="weighted average",
        question=f"Words pull on {focus}. How hard does each one pull, and where does {focus} end up?",
        guess=f"Which word will pull hardest on {focus}? Make a guess.",
        takeaway="Attention leaves the embedding where it is and makes a context vector per sentence: "
        "a weighted average of its words.",
    )


def softmax_arc(example: Example) -> Arc:
    return Arc(
        heading="Why a weighted average, not the best word?",
        key="scores",
        question="A context vector is a weighted average. Why average at all? Why not just take the best word?",
        guess="When one score slides past another, what will each answer do? Make a guess.",
        takeaway="Softmax turns scores into positive weights that sum to one and change smoothly.",
    )


def projection_arc(example: Example) -> Arc:
    focus = quoted(first_focus(example))
    return Arc(
        heading=f"{Q}, {K} and {V}: learned maps of the plane",
        key=f"{Q} and {K}",
        question=(
            f"Those scores compared embeddings, but the word that tells what {focus} means "
            "need not be alike. How can a model learn what scores high?"
        ),
        guess="Will the maps raise or lower that word's weight? Make a guess.",
        takeaway=f"Learned maps {Q} and {K} decide who scores high; {V} changes only what is averaged.",
    )


def formula_arc(example: Example) -> Arc:
    return Arc(
        heading="The formula, step by step",
        key="\u221ad\u2096",
        question=f"{Q} and {K} make the weights, {V} makes what is averaged. Can we write it all in one line?",
        takeaway="Attention is softmax(Q K\u1d40 \u00f7 \u221ad\u2096) times V: weights from Q and K, averaging V.",
    )


def scaling_arc(example: Example) -> Arc:
    return Arc(
        heading="Why divide by \u221ad\u2096?",
        key="softmax",
        question="In our plane, dividing by \u221ad\u2096 hardly mattered. But real heads are much wider: "
        "why divide at all?",
        guess="What will softmax do with very large scores? Make a guess.",
        takeaway="Dividing by \u221ad\u2096 keeps the scores small at any width, so softmax stays soft.",
    )


def multihead_arc(example: Example) -> Arc:
    return Arc(
        heading=f"Several heads, weighed by {O}",
        key="heads",
        question="One head gives one softmax row of weights, summing to 1. "
        "What if a word must look at two things at once?",
        guess="Can a single head give its full attention to both? Make a guess.",
        takeaway=f"Several heads look for different things at once; {O} mixes what each found.",
    )


def mask_arc(example: Example) -> Arc:
    return Arc(
        heading="Self-attention, masks and cross-attention",
        key="row",
        question="So far, the heads let every word see every other. But a model writing a sentence "
        "cannot read words not yet written. What stops it?",
        guess="Which weights in the grid must go? Make a guess.",
        takeaway="A mask hides the future in every row; cross-attention reads another sentence.",
    )


def parallel_arc(example: Example) -> Arc:
    return Arc(
        heading="Not an RNN: every position at once",
        key="at once",
        question="Every row of those grids was computed together. So is a transformer an RNN, reading word by word?",
        guess="How many steps will each one need for the whole sentence? Make a guess.",
        takeaway="A transformer updates every word at once; order comes from positions added to embeddings.",
    )


def history_arc(example: Example) -> Arc:
    return Arc(
        heading="Where attention came from",
        key="model",
        question="Attention that updates every word at once: where did the idea come from?",
        takeaway="Attention began in 2014 as a helper for an RNN; in 2017 it became the whole model.",
    )


def real_model_arc(example: Example) -> Arc:
    name = example.model.name if example.model is not None else "a trained model"
    return Arc(
        heading=f"In a real model: {name}",
        key="model",
        question="That was the whole model, in a toy plane. Does a real, trained model pull the same way?",
        takeaway="A trained model does the same: each sentence gives a word its own context vector.",
    )


def recap_arc(example: Example) -> Arc:
    return Arc(
        heading="Recap",
        key="",
        question="That is the whole model. What is worth remembering?",
        takeaway="Attention lets every word re-read itself in the light of its sentence.",
    )


ARCS = {  # by scene name, in teaching order
    "IntroCard": intro_arc,
    "GravityScene": gravity_arc,
    "SoftmaxScene": softmax_arc,
    "ProjectionScene": projection_arc,
    "FormulaScene": formula_arc,
    "ScalingScene": scaling_arc,
    "MultiHeadScene": multihead_arc,
    "MaskScene": mask_arc,
    "ParallelScene": parallel_arc,
    "HistoryCard": history_arc,
    "RealModelScene": real_model_arc,
    "RecapCard": recap_arc,
}


def chapter_scenes(example: Example) -> list[str]:
    """The lecture's chapters for `example`, by scene name, in order: the real model's only for
    an example with a [model]."""
    return [name for name in ARCS if name != "RealModelScene" or example.model is not None]


def similarity_name(kind: str) -> str:
    """How a similarity kind is said: "cosine similarity", "dot product", "scaled dot product"."""
    return SIMILARITY_NAMES[kind]
