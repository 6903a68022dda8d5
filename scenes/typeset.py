"""Text set for the screen: user and caption text drawn literally (Pango without markup, never
LaTeX), in the fonts its characters need (scenes/fonts.py, the bundled and Noto faces, all
registered here by file, so that a clip looks the same on every machine); lines wrapped to a
width as the font measures them, CJK broken between characters; right-to-left runs kept in
place; the maps' subscripts (W_Q); each distinct text typeset once, and kept between runs.

User text (words, titles, sentences) is only ever drawn with `plain_text`: it is shown
literally, never interpreted. Sizes and colours come from scenes/style.py.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
import re
from collections.abc import Sequence
from pathlib import Path

import manimpango
from manim import DOWN, LEFT, RIGHT, Text, VGroup, VMobject
from PIL import ImageFont

from attention_core._files import replaced_whole
from attention_core.text import format_number, strong_directions
from scenes.fonts import BUNDLED, FONT, FONT_FILE, MONO_FONT, family_for, font_files, needs_shaping, runs_by_face
from scenes.manim_internals import without_svg_sources
from scenes.style import BODY_SIZE, CAPTION_SIZE, FOREGROUND, LABEL_SIZE

for font_file in font_files():
    manimpango.register_font(str(font_file))


def plain_text(text: str, size: float = BODY_SIZE, colour: str = FOREGROUND, **kwargs) -> Text:
    """User or caption text drawn literally: Pango without markup, never LaTeX; with the fonts
    its characters need (scenes/fonts.py). A text drawn one glyph per character, left to right,
    has its glyphs indexed by character (no ligatures); one that needs shaping (Arabic letters
    join, Hebrew runs right to left, a Devanagari conjunct is one glyph) keeps Pango's glyphs,
    which no character index reaches: `indexed_by_character` tells which. `reads` ("ltr" or
    "rtl") is the direction of the text's lines: by default the lecture's own; a title or a
    sentence of the example passes its own (`attention_core.text.reading_direction`)."""
    text = str(text)
    reads = kwargs.pop("reads", LECTURE_DIRECTION)
    kwargs.setdefault("disable_ligatures", not needs_shaping(text))
    font = family_for(text)
    if font != FONT:
        kwargs["warn_missing_font"] = False  # a list of families, which manim's check does not know
    made = _typeset(laid_out_left(text, reads), font, size, colour, tuple(sorted(kwargs.items()))).copy()
    made.original_text = text
    return made


LEFT_TO_RIGHT_MARK, RIGHT_TO_LEFT_EMBEDDING, POP_DIRECTIONAL_FORMATTING = "\u200e", "\u202b", "\u202c"
RIGHT_TO_LEFT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2067", "\u2069"
LECTURE_DIRECTION = "ltr"  # every shipped catalogue's language reads left to right (one that did not would set this)
RIGHT_TO_LEFT_RUN = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)*"
)


def laid_out_left(text: str, reads: str = LECTURE_DIRECTION) -> str:
    """`text` as handed to Pango, line by line, so that each line starts at the left of Pango's
    canvas, where manim finds it (a right-to-left paragraph would be set against the canvas's
    right edge, and cut there), and reads as `reads` says:
    - a text that reads right to left: each line in a right-to-left embedding, inside a
      left-to-right line (its words and punctuation in the order a reader of Arabic or Hebrew
      expects);
    - one that reads left to right: each run of Hebrew or Arabic words in it isolated, so that
      it keeps its place as a whole and a number beside it stays outside it ("0.38 تفاحة + ...").
    A Latin, Greek, Cyrillic or CJK text is unchanged. The marks draw nothing."""
    if "rtl" not in strong_directions(text):
        return text
    lines = text.split("\n")
    if reads == "rtl":
        laid = [f"{LEFT_TO_RIGHT_MARK}{RIGHT_TO_LEFT_EMBEDDING}{line}{POP_DIRECTIONAL_FORMATTING}" for line in lines]
    else:
        laid = [
            LEFT_TO_RIGHT_MARK
            + RIGHT_TO_LEFT_RUN.sub(lambda run: f"{RIGHT_TO_LEFT_ISOLATE}{run.group()}{POP_DIRECTIONAL_ISOLATE}", line)
            for line in lines
        ]
    return "\n".join(laid)


def indexed_by_character(text: Text) -> bool:
    """Whether `text[i]` is the glyph of its i-th character that is not a space."""
    return bool(text.disable_ligatures)


def number_text(value: float, places: int = 2, size: float = LABEL_SIZE, colour: str = FOREGROUND) -> Text:
    """A number as the clip shows it, in the monospaced font."""
    return _typeset(format_number(value, places), MONO_FONT, size, colour, (("disable_ligatures", True),)).copy()


TYPESET_CACHE: Path | None = None  # where typeset texts are kept between runs: set by `keep_typeset_in`


def keep_typeset_in(folder: Path | None) -> None:
    """Keep the texts typeset from now on in `folder` (a render's or preview's cache, shared by
    its processes), and load the ones kept there; None: typeset in memory only."""
    global TYPESET_CACHE
    TYPESET_CACHE = folder


@functools.lru_cache(maxsize=2048)
def _typeset(text: str, font: str, size: float, colour: str, options: tuple) -> Text:
    """One Text per distinct string and look, kept as a prototype that callers copy: manim
    parses the glyphs' SVG on every Text, and a copy costs a third of that. With a
    TYPESET_CACHE folder, the prototype is also kept on disk (pickled: a later run loads it in
    a twentieth of the time; its points are the same floats, so the pictures are the same)."""
    if TYPESET_CACHE is None:
        return without_svg_sources(Text(text, font=font, font_size=size, color=colour, **dict(options)))
    key = hashlib.sha256(
        json.dumps([text, font, size, colour, list(options), _typesetting_version()]).encode("utf-8")
    ).hexdigest()
    kept = TYPESET_CACHE / f"{key}.pickle"
    try:
        return pickle.loads(kept.read_bytes())
    except Exception:  # not kept yet, or a broken file (a killed run's): whatever fails, typeset it again
        pass
    made = without_svg_sources(Text(text, font=font, font_size=size, color=colour, **dict(options)))
    TYPESET_CACHE.mkdir(parents=True, exist_ok=True)
    with replaced_whole(kept) as partial:  # whole or not at all, also with two processes at once
        partial.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    return made


@functools.lru_cache(maxsize=1)
def _typesetting_version() -> str:
    """What a kept text depends on besides its own arguments: manim's version and the fonts."""
    import manim

    fonts = hashlib.sha256(b"".join(path.read_bytes() for path in font_files())).hexdigest()
    return f"manim {manim.__version__}, fonts {fonts}, without SVG sources 2"


@functools.lru_cache(maxsize=None)
def _measuring_font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), 100)


@functools.lru_cache(maxsize=None)
def _units_per_point() -> float:
    """Scene units per point of advance width at size 100: one Text measured once."""
    # at a caption's size: manim cuts a text much wider than the video's pixel width (a vertical one: 480)
    sample = "The quick brown fox jumps over the lazy dog"
    return plain_text(sample, CAPTION_SIZE).width / _measuring_font().getlength(sample) * 100 / CAPTION_SIZE


MEASURE_SLACK = 0.98  # Pango draws a long line up to about 1 % wider than the font file measures it


@functools.lru_cache(maxsize=None)
def _measuring_face(file: Path, index: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(file), 100, index=index)


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float = BODY_SIZE) -> float:
    """Width in scene units of `text` drawn by `plain_text` at `size`, measured without drawing
    (a text of several scripts: each run with the face that draws it)."""
    runs = runs_by_face(text)
    if [face for face, _ in runs] in ([], [BUNDLED]):
        points = _measuring_font().getlength(text)
    else:
        points = sum(_measuring_face(face.file, face.index).getlength(run) for face, run in runs)
    return points * size / 100 * _units_per_point()


def wrap_lines(text: str, max_width: float, size: float = BODY_SIZE) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `max_width` when drawn. Lines break
    at plain spaces, and, in Chinese and Japanese, which write no spaces, between two
    characters, though never before a closing mark ("，", "。", "）"). A no-break space (U+00A0)
    keeps its two sides on one line; a run of spaces is drawn as one."""
    breaks = {match.end() for match in re.finditer(" +", text)} | {match.start() for match in CJK_BREAK.finditer(text)}
    return [one_space(text[start:end]) for start, end in greedy_ranges(text, breaks, max_width, size, one_space)]


def sentence_line_ranges(
    text: str, spans: Sequence[tuple[int, int]], max_width: float, size: float = BODY_SIZE
) -> list[tuple[int, int]]:
    """Greedy wrap of a sentence whose tokens lie at `spans`, as (start, end) ranges of `text`:
    each token whole on one line. Lines break at spaces, and between two tokens that touch or
    have only closing marks between them ("我|买了|苹果，|和"): a sentence written without spaces
    breaks between its listed tokens. With single spaces, the lines `wrap_lines` makes."""
    breaks = {match.end() for match in re.finditer(" +", text)}
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if all(character in CLOSING for character in text[end:start]):
            breaks.add(start)
    return greedy_ranges(text, breaks, max_width, size)


def greedy_ranges(
    text: str, breaks: set[int], max_width: float, size: float, shown=lambda line: line
) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` broken greedily at the positions `breaks` (spaces at
    a line's ends left out), each line as wide as `shown` of it may be drawn within `max_width`."""
    pieces, start = [], 0
    for position in sorted(breaks | {len(text)}):
        piece_end = len(text[start:position].rstrip(" ")) + start
        if piece_end > start:
            pieces.append((start, piece_end))
        start = position
    lines: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        if lines and text_width(shown(text[lines[-1][0] : piece_end]), size) <= MEASURE_SLACK * max_width:
            lines[-1] = (lines[-1][0], piece_end)
        else:
            lines.append((piece_start, piece_end))
    return lines


def one_space(line: str) -> str:
    """`line` with each run of plain spaces drawn as one."""
    return re.sub(" {2,}", " ", line)


CJK = "\u2e80-\u2fff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CLOSING = "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f\u3011\u201d\u2019"
CJK_BREAK = re.compile(f"(?<=[{CJK}])(?=[{CJK}])(?![{CLOSING}])")  # a place to break a line in CJK text


SUBSCRIPTED = re.compile(r"\b([A-Z])_([A-Z])\b")  # a symbol as the core writes it: "W_Q" is W with a subscript Q
SUBSCRIPT_ROOM = "\u2002"  # an en space keeps the subscript's place in the line
SUBSCRIPT_SCALE = 0.62  # the subscript's size, of the text's
SUBSCRIPT_DROP = 0.22  # how far below the baseline it sits, of its letter's height


class Subscripted(VGroup):
    """A line (or lines) of plain text in which every "W_Q" is drawn as W with a true subscript Q.

    The text itself is drawn by `plain_text` (Pango, no markup: user text stays literal), with
    room left after each symbol's letter; the subscripts are small plain texts set into that
    room. `original_text` is the text as written, "W_Q" and all: what a subtitle file says.

    Parameters
    ----------
    text
        The text, with symbols written as in attention_core.text.SYMBOLS.
    size, colour
        As for `plain_text`; the subscripts are SUBSCRIPT_SCALE of `size`.

    Examples
    --------
    ``Subscripted("W_Q and W_K are learned maps", CAPTION_SIZE)`` draws "W" with a subscript "Q".
    """

    def __init__(self, text: str, size: float = BODY_SIZE, colour: str = FOREGROUND, **kwargs):
        super().__init__()
        shown, places = [], []  # the text as drawn; the index in it of each symbol's letter
        end = 0
        for match in SUBSCRIPTED.finditer(text):
            shown.append(text[end : match.start()])
            places.append((len("".join(shown)), match.group(2)))
            shown.append(match.group(1) + SUBSCRIPT_ROOM)
            end = match.end()
        shown.append(text[end:])
        drawn = "".join(shown)
        shaped = needs_shaping(drawn)  # Pango's glyphs, found by where each letter is drawn, line by line
        self.body = shaped_lines(drawn, size, colour) if shaped else plain_text(drawn, size, colour, **kwargs)
        self.subscripts = VGroup()
        for index, letter in places:
            base = glyph_in_lines(self.body, drawn, index, size) if shaped else self.body[index]
            subscript = plain_text(letter, SUBSCRIPT_SCALE * size, colour)
            subscript.next_to(base, RIGHT, buff=0.01 * size / BODY_SIZE)
            subscript.align_to(base, DOWN).shift(SUBSCRIPT_DROP * base.height * DOWN)
            subscript.name = "subscript"
            self.subscripts.add(subscript)
        self.add(self.body, self.subscripts)
        self.original_text = text


def shaped_lines(text: str, size: float, colour: str) -> VGroup:
    """A text of several lines that needs shaping, one Text a line, centred under each other:
    a glyph is then found by its line and its place in it (`glyph_in_lines`)."""
    lines = VGroup(*(plain_text(line, size, colour) for line in text.split("\n")))
    return lines.arrange(DOWN, buff=0.12 * size / BODY_SIZE)


def glyph_in_lines(lines: VGroup, text: str, index: int, size: float) -> VMobject:
    """The glyph of `text[index]` in `lines` (from `shaped_lines(text)`)."""
    number = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    line_text, line = text[start:].split("\n")[0], lines[number]
    return line[index - start] if indexed_by_character(line) else nearest_glyph(line, line_text, index - start, size)


def span_edges(
    line: Text, text: str, start: int, end: int, size: float, reads: str = LECTURE_DIRECTION
) -> tuple[float, float]:
    """(left, right) in scene x of characters start..end of `text`, drawn on one line as `line`:
    from their advance widths, measured, laid from the side the line reads from. A word in a
    line of the other direction keeps its place as a whole (one right-to-left word among
    left-to-right ones, or a number in an Arabic sentence)."""
    scale = line.width / max(text_width(text, size), 1e-9)
    before, through = text_width(text[:start], size) * scale, text_width(text[:end], size) * scale
    if reads == "rtl":
        return line.get_right()[0] - through, line.get_right()[0] - before
    return line.get_left()[0] + before, line.get_left()[0] + through


def glyphs_of_span(
    line: Text, text: str, start: int, end: int, size: float, reads: str = LECTURE_DIRECTION
) -> list[VMobject]:
    """The glyphs of `line` (one line of `text`) that draw characters start..end: by index in a
    text drawn one glyph per character; by where they are drawn in one that needs shaping."""
    if indexed_by_character(line):
        return list(line[start:end])
    left, right = span_edges(line, text, start, end, size, reads)
    return [glyph for glyph in line.submobjects if left <= glyph.get_center()[0] <= right]


def nearest_glyph(line: Text, text: str, index: int, size: float) -> VMobject:
    """The glyph of `line` drawn nearest to where `text[index]` is laid (see `span_edges`)."""
    left, right = span_edges(line, text, index, index + 1, size)
    return min(line.submobjects, key=lambda glyph: abs(glyph.get_center()[0] - (left + right) / 2))


def typeset(text: str, size: float = BODY_SIZE, colour: str = FOREGROUND, **kwargs) -> VMobject:
    """`plain_text`, but with true subscripts where the text writes a symbol ("W_Q")."""
    if SUBSCRIPTED.search(text):
        return Subscripted(text, size, colour, **kwargs)
    return plain_text(text, size, colour, **kwargs)


def wrapped_text(
    text: str, max_width: float, size: float = BODY_SIZE, colour: str = FOREGROUND, reads: str = LECTURE_DIRECTION
) -> VMobject:
    """Plain text wrapped onto as many lines as it needs, centred (symbols with subscripts);
    `reads` as for `plain_text` (a title of the example passes its own direction)."""
    kwargs = {} if reads == LECTURE_DIRECTION else {"reads": reads}
    return typeset("\n".join(wrap_lines(text, max_width, size)), size, colour, line_spacing=0.9, **kwargs)


def left_aligned_text(text: str, max_width: float, size: float = BODY_SIZE, colour: str = FOREGROUND) -> VMobject:
    """Plain text wrapped onto as many lines as it needs, each line flush left (one Text per
    line; a single line is the Text itself). A word wider than `max_width` is made smaller."""
    lines = [typeset(line, size, colour) for line in wrap_lines(text, max_width, size)]
    for line in lines:
        if line.width > max_width:
            line.scale_to_fit_width(max_width)
    if len(lines) == 1:
        return lines[0]
    return VGroup(*lines).arrange(DOWN, aligned_edge=LEFT, buff=0.12 * size / BODY_SIZE)
