"""The narration's parts every chapter shares: a Line, a ClipLesson and `attach`, which gives a
lesson its question, lines and takeaway. Each chapter's own lines are read off its lesson by a
function in its module (Chapter.lines), beside the lesson.

A line is both a caption (shown, and written to the subtitles) and what the narrator says.
Its id is stable and names a recording in --voice-dir (`<id>.wav`), so a creator can record
their own voice line by line. Every number in a line is the lesson's, written as on screen;
every claim ("pulls hardest", "rises") is decided from the lesson's numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..language import t
from ..text import SYMBOLS
from .arc import Arc
from .base import Lesson

LINE_ID = re.compile(r"^[a-z]+(\.[a-z0-9-]+)+$")  # also a safe file name
Q, K, V, O = (SYMBOLS[role] for role in ("query", "key", "value", "output"))  # written as on screen


@dataclass(frozen=True)
class Line(Lesson):
    id: str  # e.g. "gravity.sentence-1.pull"
    text: str  # the caption and the spoken sentence


@dataclass(frozen=True)
class ClipLesson(Lesson):
    """A lesson that one clip draws: `arc` its heading, question and takeaway; `narration` its
    lines in the order they are said, the question first and the takeaway last."""

    arc: Arc | None = field(default=None, kw_only=True)
    narration: tuple[Line, ...] = field(default=(), kw_only=True)


def lines(*pairs: tuple[str, str]) -> tuple[Line, ...]:
    made = tuple(Line(id, text) for id, text in pairs)
    for line in made:
        if not LINE_ID.match(line.id):
            raise ValueError(f"narration line id {line.id!r} is not of the form clip.part")
    if len({line.id for line in made}) != len(made):
        raise ValueError("narration line ids repeat")
    return made


def count_word(count: int) -> str:
    """A small count as a word ("two"), a larger one in digits."""
    words = (
        t("count.0", "zero"),
        t("count.1", "one"),
        t("count.2", "two"),
        t("count.3", "three"),
        t("count.4", "four"),
        t("count.5", "five"),
        t("count.6", "six"),
        t("count.7", "seven"),
        t("count.8", "eight"),
        t("count.9", "nine"),
        t("count.10", "ten"),
    )
    return words[count] if 0 <= count < len(words) else str(count)


def guess(lesson, prefix: str) -> tuple[str, str]:
    """The chapter's prediction prompt (its arc's guess) as the line `<prefix>.guess`."""
    return (f"{prefix}.guess", lesson.arc.guess)


# -- one function per clip: the lines between the question and the takeaway ------------------


def capitalized(text: str) -> str:
    """`text` with its first letter a capital, the rest as it is ("two" -> "Two")."""
    return text[:1].upper() + text[1:]


def attach(lesson: ClipLesson, arc: Arc, prefix: str, script) -> ClipLesson:
    """`lesson` with its arc and its narration: the arc's question, the lines `script` reads off
    the lesson, the arc's takeaway. Line ids start with `prefix` ("gravity.question")."""
    with_arc = replace(lesson, arc=arc)
    middle = script(with_arc)
    said = lines((f"{prefix}.question", arc.question), *middle, (f"{prefix}.takeaway", arc.takeaway))
    return replace(with_arc, narration=said)


MOVED = {  # old name -> the chapter's module it lives in now, beside its lesson (for one release)
    **dict.fromkeys(("intro_lines", "history_lines"), "cards"),
    **dict.fromkeys(("pull_line", "closing_line", "gravity_lines"), "gravity"),
    "softmax_lines": "softmax_sweep",
    **dict.fromkeys(
        ("rescore_line", "self_line", "score_change_line", "asymmetry_line", "projection_lines"), "projection"
    ),
    "formula_lines": "formula",
    "scaling_lines": "scaling",
    **dict.fromkeys(("MOST", "LITTLE", "split_line", "multihead_lines"), "multihead"),
    "mask_lines": "masks",
    "parallel_lines": "parallel",
    **dict.fromkeys(("row_line", "paths_line", "start_line", "real_model_lines"), "real_model"),
    "recap_lines": "recap",
}


def __getattr__(name: str):
    """A chapter's lines by their old path (`narration.gravity_lines`): each chapter's lines
    live in its own module now, beside its lesson."""
    if name in MOVED:
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{MOVED[name]}"), name)
    raise AttributeError(name)
