"""The one place for colours, sizes and timings: every scene draws with these.

Q, K and V have one colour each, everywhere. Text is set by scenes/typeset.py (its fonts, its
wrapping, its cache); its old names here (`style.plain_text`, ...) lead there for one release.
"""

from __future__ import annotations

import unicodedata

from attention_core.text import (
    format_number,  # noqa: F401  (scenes write numbers with it)
)
from scenes.manim_internals import without_svg_sources  # noqa: F401  (scenes call style.without_svg_sources)

# -- colours ---------------------------------------------------------------------------
BACKGROUND = "#0E1117"
FOREGROUND = "#E8EAED"
MUTED = "#8A8F98"  # captions' second line, faded words
GRID_FIXED = "#2A2F3A"  # the background grid that never moves
GRID_MOVING = "#3C6E8F"  # the grid that a linear map carries
AXES = "#9AA0A6"

QUERY = "#4FC3F7"  # Q: sky blue
KEY = "#FFB74D"  # K: amber
VALUE = "#81C784"  # V: green
OUTPUT = "#F06292"  # W_O and the final output: pink

FOCUS = "#FFE082"  # the ambiguous word being re-read in context
WORD = "#E8EAED"  # an ordinary word with an embedding
ABSENT_WORD_OPACITY = 0.35  # words without an embedding: shown, take no part
EMBEDDING_GHOST = "#B0BEC5"  # the static embedding, left in place (faded)
CONTEXT = "#FF5252"  # the context vector: red, so that it is never read as the word "orange"
HIGHLIGHT = "#FFF176"  # the cell or pair being pointed at
WEIGHT = FOCUS  # every attention weight's bar, in every chapter: the focus word's weights

HEAD_COLOURS = ("#4DD0E1", "#BA68C8", "#AED581", "#FF8A65", "#90A4AE", "#F48FB1")

# -- sizes (font sizes in manim's units; chosen to stay legible at 480p) ----------------
TITLE_SIZE = 44
HEADING_SIZE = 32
BODY_SIZE = 26
CAPTION_SIZE = 24
LABEL_SIZE = 22
SMALL_SIZE = 18

EDGE_BUFFER = 0.35  # the frame's margin (scenes/layout.py places everything inside it)
DOT_RADIUS = 0.08
CONTEXT_DOT_RADIUS = DOT_RADIUS * 1.3  # the context vector's dot, and its key in a legend: a little larger
GHOST_OPACITY = 0.55  # the static embedding once the context vector has moved on
BAR_OPACITY = 0.85  # a weight bar's fill
ARROW_MAX_WIDTH = 9.0  # stroke width of an arrow with weight 1
ARROW_MIN_OPACITY = 0.25


def weight_stroke(weight: float) -> tuple[float, float]:
    """(stroke width, opacity) of an arrow or arc drawn for an attention weight in [0, 1]."""
    return 1 + ARROW_MAX_WIDTH * weight, ARROW_MIN_OPACITY + (1 - ARROW_MIN_OPACITY) * weight


# -- timing (seconds) -------------------------------------------------------------------
SHORT = 0.6
MEDIUM = 1.2
LONG = 2.0
PAUSE = 1.0
BEAT_PAUSE = 0.4  # after a narrated line, before the next one
FILL = 0.85  # of a line's voice (or reading time), the share its animations take: the picture moves meanwhile
GUESS_PAUSE = 2.5  # after a prediction prompt, before the reveal: time to think
INDICATE_SCALE = 1.15  # a mobject lit (Indicate: a guess's candidates, a word pointed at) grows this much...
INDICATE_MOST_GROWTH = 0.3  # ...but never by more than this (scene units): a wide panel stays in the frame
READING_RATE = 15.0  # characters a second: without a voice, a caption stays up this long (subtitle norm)
WIDE_CHARACTER_WEIGHT = 2  # a Chinese or Japanese character reads as two Latin ones (7-8 a second, their norm)


def reading_length(text: str) -> int:
    """How long `text` takes to read, in Latin characters: a CJK character counts for two."""
    return sum(WIDE_CHARACTER_WEIGHT if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def indicate_scale(mobject) -> float:
    """How much `mobject` grows while it is lit (Indicate): INDICATE_SCALE, or less for a large
    one, so that it grows by at most INDICATE_MOST_GROWTH."""
    size = max(mobject.width, mobject.height, 1e-6)
    return min(INDICATE_SCALE, 1 + INDICATE_MOST_GROWTH / size)


MOVED_TO_TYPESET = (
    "CJK",
    "CJK_BREAK",
    "CLOSING",
    "LECTURE_DIRECTION",
    "LEFT_TO_RIGHT_MARK",
    "MEASURE_SLACK",
    "POP_DIRECTIONAL_FORMATTING",
    "POP_DIRECTIONAL_ISOLATE",
    "RIGHT_TO_LEFT_EMBEDDING",
    "RIGHT_TO_LEFT_ISOLATE",
    "RIGHT_TO_LEFT_RUN",
    "SUBSCRIPTED",
    "SUBSCRIPT_DROP",
    "SUBSCRIPT_ROOM",
    "SUBSCRIPT_SCALE",
    "Subscripted",
    "TYPESET_CACHE",
    "_measuring_face",
    "_measuring_font",
    "_typeset",
    "_typesetting_version",
    "_units_per_point",
    "glyph_in_lines",
    "glyphs_of_span",
    "greedy_ranges",
    "indexed_by_character",
    "keep_typeset_in",
    "laid_out_left",
    "left_aligned_text",
    "nearest_glyph",
    "number_text",
    "one_space",
    "plain_text",
    "sentence_line_ranges",
    "shaped_lines",
    "span_edges",
    "text_width",
    "typeset",
    "wrap_lines",
    "wrapped_text",
)


def __getattr__(name: str):
    """The text engine's names by their old path (`style.plain_text`): scenes/typeset.py."""
    if name in MOVED_TO_TYPESET:
        from scenes import typeset

        return getattr(typeset, name)
    raise AttributeError(name)
