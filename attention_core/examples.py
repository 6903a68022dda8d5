"""An example: the words, sentences and maps that every clip of one lecture is drawn from.

    words      {word: (x, y)}      each word's 2-D embedding (lower-case keys)
    sentences  (text, focus, tokens)...   the focus word is re-read in each sentence's context
    maps       W_Q, W_K, W_V       (2, 2) each, for the projection clip
    heads      (name, W_Q, W_K, W_V)...   two or more, for the multi-head clip
    output_map W_O                 (2 * heads, 2)
    cross      (encoder, decoder)  two passages (text, tokens) for the cross-attention clip (optional)
    model      name, layer, head   a pretrained model for the real-model clip (optional)

Examples are plain data; `example_file.py` reads them from TOML (the default example is
assets/examples/fruit-vs-tech.toml). The defaults used when a file leaves out maps, heads or
the output map are made here, from the core's linear maps.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import numpy as np

from ._checks import frozen
from .linear_maps import rotation, scaling, shear
from .tokens import split_tokens, token_spans


@dataclass(frozen=True)
class Sentence:
    text: str
    focus: str  # lower-case; its first occurrence in the text is the word re-read
    tokens: tuple[str, ...] | None = None  # as written, in order; None: split at spaces and punctuation

    def __post_init__(self):
        object.__setattr__(self, "tokens", written_tokens(self.text, self.tokens))

    def canonical(self) -> dict:
        return {"text": self.text, "focus": self.focus, **listed_tokens(self.text, self.tokens)}


@dataclass(frozen=True)
class Passage:
    """A text with no focus word: one side of cross-attention."""

    text: str
    tokens: tuple[str, ...] | None = None  # as for Sentence.tokens

    def __post_init__(self):
        object.__setattr__(self, "tokens", written_tokens(self.text, self.tokens))


def written_tokens(text: str, tokens) -> tuple[str, ...]:
    """A text's tokens: those the file lists (checked against the text), or split from it."""
    if tokens is None:
        return tuple(split_tokens(text))
    token_spans(text, tokens)  # ValueError unless they are the text's, in order
    return tuple(tokens)


def listed_tokens(text: str, tokens: tuple[str, ...]) -> dict:
    """{"tokens": [...]} when they are not what splitting the text gives; else {}: a file that
    lists the tokens splitting would find means the same example as one that does not."""
    return {} if list(tokens) == split_tokens(text) else {"tokens": list(tokens)}


@dataclass(frozen=True)
class Head:
    name: str
    query_map: np.ndarray  # (2, 2)
    key_map: np.ndarray  # (2, 2)
    value_map: np.ndarray  # (2, 2)

    def __post_init__(self):
        for role in ("query_map", "key_map", "value_map"):
            object.__setattr__(self, role, frozen(getattr(self, role)))


@dataclass(frozen=True)
class ModelChoice:
    """Which pretrained model the real-model clip runs, and which of its heads it draws."""

    name: str  # a key of attention_core.pretrained.MODEL_SHAPES
    layer: int | None  # counted from 1; None: chosen by the lesson ("auto")
    head: int | None  # counted from 1; None: chosen by the lesson ("auto")

    def canonical(self) -> dict:
        return {"name": self.name, "layer": self.layer or "auto", "head": self.head or "auto"}


def default_maps() -> dict[str, np.ndarray]:
    """W_Q a shear that slides words left by 3/4 of their height, W_K one that slides them right
    by half of it (two maps: a pair's score depends on which word asks); W_V a stretch."""
    return {"query": shear(-0.75), "key": shear(0.5), "value": scaling(1.2, 0.7)}


def default_heads() -> tuple[Head, ...]:
    """Three heads that look for different things: a shear, a rotation and a stretch."""
    return (
        Head("shear", shear(-0.75), shear(-0.75), np.eye(2)),
        Head("rotation", rotation(0.5), np.eye(2), rotation(-0.25)),
        Head("stretch", scaling(1.5, 0.5), scaling(1.5, 0.5), scaling(1.0, 0.8)),
    )


def default_output_map(head_count: int) -> np.ndarray:
    """W_O that takes the mean of the heads: (2 * head_count, 2) of stacked I / head_count."""
    return np.vstack([np.eye(2) / head_count] * head_count)


@dataclass(frozen=True)
class Example:
    name: str  # [a-z0-9-]+, used in output paths
    title: str  # shown on screen
    similarity: str  # "dot" | "cosine" | "scaled_dot", for the gravity clip
    words: dict[str, tuple[float, float]]  # lower-case word -> embedding
    sentences: tuple[Sentence, ...]
    maps: dict[str, np.ndarray] = field(default_factory=default_maps)
    heads: tuple[Head, ...] = field(default_factory=default_heads)
    output_map: np.ndarray | None = None  # None: default_output_map(len(heads))
    cross: tuple[Passage, Passage] | None = None  # (encoder, decoder); None: sentences 1 and 2
    model: ModelChoice | None = None  # None: no real-model clip
    defaults_used: tuple[str, ...] = ()  # which of maps, heads, output came from defaults
    language: str = "en"  # the lecture's language: its narration, captions and labels (attention_core.language)
    chapters: tuple[str, ...] | None = None  # the lecture's chapters, in order (names, or /abs/file.py:Name); None: all
    chapter_files: tuple[tuple[str, str], ...] = ()  # (path, sha256) of each creator's chapter file named there

    def __post_init__(self):
        if self.output_map is None:
            object.__setattr__(self, "output_map", default_output_map(len(self.heads)))
        object.__setattr__(self, "output_map", frozen(self.output_map))
        object.__setattr__(self, "maps", {k: frozen(v) for k, v in self.maps.items()})

    def canonical(self) -> dict:
        """The example as plain JSON data, defaults filled in: what the clips are made from."""
        return {
            "name": self.name,
            "title": self.title,
            "similarity": self.similarity,
            "words": {word: [float(v) for v in xy] for word, xy in self.words.items()},
            "sentences": [sentence.canonical() for sentence in self.sentences],
            "maps": {role: np.asarray(m).tolist() for role, m in self.maps.items()},
            "heads": [
                {
                    "name": head.name,
                    "query": np.asarray(head.query_map).tolist(),
                    "key": np.asarray(head.key_map).tolist(),
                    "value": np.asarray(head.value_map).tolist(),
                }
                for head in self.heads
            ],
            "output": {"map": np.asarray(self.output_map).tolist()},
            **({"cross": cross_canonical(*self.cross)} if self.cross else {}),
            **({"model": self.model.canonical()} if self.model else {}),
            **({"language": self.language} if self.language != "en" else {}),  # English: as before
            **({"chapters": list(self.chapters)} if self.chapters is not None else {}),  # all of them: as before
            **({"chapter_files": dict(self.chapter_files)} if self.chapter_files else {}),  # a changed file, new clips
        }

    def sha256(self) -> str:
        """Hash of the canonical form: equal for files that mean the same example."""
        text = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cross_canonical(encoder: Passage, decoder: Passage) -> dict:
    """[cross] as plain data: the two texts, and their tokens where the file listed them."""
    listed = {}
    for role, passage in (("encoder", encoder), ("decoder", decoder)):
        listed.update({f"{role}_{key}": value for key, value in listed_tokens(passage.text, passage.tokens).items()})
    return {"encoder": encoder.text, "decoder": decoder.text, **listed}
