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
from ..language import t
from ..text import SYMBOLS, quoted
from .base import Lesson

Q, K, V, O = (SYMBOLS[role] for role in ("query", "key", "value", "output"))


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
    values = dict(focus=quoted(focus), number=token_id(example, focus))
    if shared >= 2:  # the card shows at most two sentences
        question = t(
            "intro.question.both",
            "A puzzle. In both sentences, {focus} is one token, number {number}, with one embedding. How can a model "
            "tell what it means?",
            **values,
        )
    else:
        question = t(
            "intro.question.every",
            "A puzzle. In every sentence, {focus} is one token, number {number}, with one embedding. How can a model "
            "tell what it means?",
            **values,
        )
    return Arc(
        heading=t("intro.heading", "Introduction"),
        key=t("intro.key", "pull"),
        question=question,
        guess=t("intro.guess", "What would you look at to decide? Take a moment."),
        takeaway=t(
            "intro.takeaway",
            "The answer is attention: a sentence's other words pull on a word, like gravity, and give it its meaning "
            "there.",
        ),
    )


def gravity_arc(example: Example) -> Arc:
    focus = quoted(first_focus(example))
    return Arc(
        heading=t("gravity.heading", "Context pulls a word, like gravity"),
        key=t("gravity.key", "weighted average"),
        question=t(
            "gravity.question",
            "Words pull on {focus}. How hard does each one pull, and where does {focus} end up?",
            focus=focus,
        ),
        guess=t("gravity.guess", "Which word will pull hardest on {focus}? Make a guess.", focus=focus),
        takeaway=t(
            "gravity.takeaway",
            "Attention leaves the embedding where it is and makes a context vector per sentence: a weighted average "
            "of its words.",
        ),
    )


def softmax_arc(example: Example) -> Arc:
    return Arc(
        heading=t("softmax.heading", "Why a weighted average, not the best word?"),
        key=t("softmax.key", "scores"),
        question=t(
            "softmax.question",
            "A context vector is a weighted average. Why average at all? Why not just take the best word?",
        ),
        guess=t("softmax.guess", "When one score slides past another, what will each answer do? Picture it first."),
        takeaway=t(
            "softmax.takeaway", "Softmax turns scores into positive weights that sum to one and change smoothly."
        ),
    )


def projection_arc(example: Example) -> Arc:
    focus = quoted(first_focus(example))
    return Arc(
        heading=t(
            "projection.heading", "{query}, {key} and {value}: learned maps of the plane", query=Q, key=K, value=V
        ),
        key=t("projection.key-words", "{query} and {key}", query=Q, key=K),
        question=t(
            "projection.question",
            "Those scores compared embeddings, but the word that tells what {focus} means need not be alike. How can "
            "a model learn what scores high?",
            focus=focus,
        ),
        guess=t("projection.guess", "Will the maps raise or lower that word's weight? Place your bet."),
        takeaway=t(
            "projection.takeaway",
            "Learned maps {query} and {key} decide who scores high; {value} changes only what is averaged.",
            query=Q,
            key=K,
            value=V,
        ),
    )


def formula_arc(example: Example) -> Arc:
    return Arc(
        heading=t("formula.heading", "The formula, step by step"),
        key="\u221ad\u2096",
        question=t(
            "formula.question",
            "{query} and {key} make the weights, {value} makes what is averaged. Can we write it all in one line?",
            query=Q,
            key=K,
            value=V,
        ),
        takeaway=t(
            "formula.takeaway",
            "Attention is softmax(Q K\u1d40 \u00f7 \u221ad\u2096) times V: weights from Q and K, averaging V.",
        ),
    )


def scaling_arc(example: Example) -> Arc:
    return Arc(
        heading=t("scaling.heading", "Why divide by \u221ad\u2096?"),
        key=t("scaling.key", "softmax"),
        question=t(
            "scaling.question",
            "In our plane, dividing by \u221ad\u2096 hardly mattered. But real heads are much wider: why divide at all?",
        ),
        guess=t("scaling.guess", "What will softmax do with very large scores? Think before we look."),
        takeaway=t(
            "scaling.takeaway", "Dividing by \u221ad\u2096 keeps the scores small at any width, so softmax stays soft."
        ),
    )


def multihead_arc(example: Example) -> Arc:
    return Arc(
        heading=t("multihead.heading", "Several heads, weighed by {output}", output=O),
        key=t("multihead.key", "heads"),
        question=t(
            "multihead.question",
            "One head gives one softmax row of weights, summing to 1. What if a word must look at two things at once?",
        ),
        guess=t("multihead.guess", "Can a single head give its full attention to both? Decide, then watch."),
        takeaway=t(
            "multihead.takeaway",
            "Several heads look for different things at once; {output} mixes what each found.",
            output=O,
        ),
    )


def mask_arc(example: Example) -> Arc:
    return Arc(
        heading=t("mask.heading", "Self-attention, masks and cross-attention"),
        key=t("mask.key", "row"),
        question=t(
            "mask.question",
            "So far, the heads let every word see every other. But a model writing a sentence cannot read words not "
            "yet written. What stops it?",
        ),
        guess=t("mask.guess", "Which weights in the grid must go? Point to them."),
        takeaway=t("mask.takeaway", "A mask hides the future in every row; cross-attention reads another sentence."),
    )


def parallel_arc(example: Example) -> Arc:
    return Arc(
        heading=t("parallel.heading", "Not an RNN: every position at once"),
        key=t("parallel.key", "at once"),
        question=t(
            "parallel.question",
            "Every row of those grids was computed together. So is a transformer an RNN, reading word by word?",
        ),
        guess=t("parallel.guess", "How many steps will each one need for the whole sentence? Count before we do."),
        takeaway=t(
            "parallel.takeaway",
            "Reading or training, a transformer updates every word at once; writing still takes one step a word. "
            "Order comes from positions added to embeddings.",
        ),
    )


def history_arc(example: Example) -> Arc:
    return Arc(
        heading=t("history.heading", "Where attention came from"),
        key=t("history.key", "block"),
        question=t("history.question", "Attention that updates every word at once: where did the idea come from?"),
        takeaway=t(
            "history.takeaway",
            "Attention began in 2014 as a helper for an RNN; in 2017 it replaced the RNN, in every block of the "
            "transformer.",
        ),
    )


def real_model_arc(example: Example) -> Arc:
    name = example.model.name if example.model is not None else t("realmodel.a-model", "a trained model")
    return Arc(
        heading=t("realmodel.heading", "In a real model: {name}", name=name),
        key=t("realmodel.key", "model"),
        question=t(
            "realmodel.question",
            "That was attention, one part of every block, in a toy plane. Does a real, trained model pull the same way?",
        ),
        takeaway=t(
            "realmodel.takeaway", "A trained model does the same: each sentence gives a word its own context vector."
        ),
    )


def recap_arc(example: Example) -> Arc:
    return Arc(
        heading=t("recap.heading", "Recap"),
        key="",
        question=t("recap.question", "What should you keep of attention, in each block of a model?"),
        takeaway=t("recap.takeaway", "Attention lets every word re-read itself in the light of its sentence."),
    )


def similarity_name(kind: str) -> str:
    """How a similarity kind is said: "cosine similarity", "dot product", "scaled dot product"."""
    names = {
        "cosine": lambda: t("similarity.cosine", "cosine similarity"),
        "dot": lambda: t("similarity.dot", "dot product"),
        "scaled_dot": lambda: t("similarity.scaled_dot", "scaled dot product"),
    }
    return names[kind]()


def __getattr__(name: str):
    """`ARCS` (every chapter's arc by scene name, in order) and `chapter_scenes`, as before:
    derived from the lecture's chapters (lessons/lecture.py), which are made from these arcs."""
    if name == "ARCS":
        from .lecture import LECTURE

        return {chapter.scene_name: chapter.arc for chapter in LECTURE}
    if name == "chapter_scenes":
        from .lecture import scene_names

        return scene_names
    raise AttributeError(name)
