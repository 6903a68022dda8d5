"""The fonts: where they are, their names, which characters they can draw, and which of them
draws a given text.

Words, titles and sentences may be written in any of the scripts these fonts cover: the bundled
DejaVu Sans (Latin, Greek, Cyrillic and much typography) and, from Debian's fonts-noto-core
and fonts-noto-cjk (installed by `make`), Noto Sans for Arabic, Hebrew, Devanagari, Bengali,
Tamil, Thai, Georgian, Armenian and Ethiopic, and Noto Sans CJK for Chinese, Japanese and
Korean. Each is registered with Pango by its file (scenes/style.py).

Pango draws a character the listed fonts lack with any font the machine happens to have, or, on
a machine with none, as an empty box. Neither is acceptable (a clip would differ from machine
to machine, or show tofu), so every text an example puts on screen is checked here against the
fonts that will draw it, before anything renders. No manim here: render.py checks an example
without loading the drawing code.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from attention_core.assets import assets_folder
from attention_core.example_file import ExampleError
from attention_core.examples import Example

FONT_DIR = assets_folder() / "fonts"
FONT = "DejaVu Sans"  # every word, sentence and caption that it can draw
MONO_FONT = "DejaVu Sans Mono"  # numbers
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"

NOTO = Path("/usr/share/fonts/truetype/noto")  # Debian's fonts-noto-core
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian's fonts-noto-cjk
FONT_PACKAGES = "fonts-noto-core fonts-noto-cjk"  # what `make` installs for the scripts beyond DejaVu's


@dataclass(frozen=True)
class Face:
    """One font face: its family as Pango names it, its file, and its place in a collection."""

    family: str
    file: Path
    index: int = 0  # the face's number in a .ttc collection


BUNDLED = Face(FONT, FONT_FILE)
# In the order a character is looked for in them, after DejaVu Sans. Chinese before Japanese:
# the two faces share the Han characters, and a text with kana is given the Japanese face first.
SCRIPT_FACES = (
    Face("Noto Sans Arabic", NOTO / "NotoSansArabic-Regular.ttf"),
    Face("Noto Sans Hebrew", NOTO / "NotoSansHebrew-Regular.ttf"),
    Face("Noto Sans Devanagari", NOTO / "NotoSansDevanagari-Regular.ttf"),
    Face("Noto Sans Bengali", NOTO / "NotoSansBengali-Regular.ttf"),
    Face("Noto Sans Tamil", NOTO / "NotoSansTamil-Regular.ttf"),
    Face("Noto Sans Thai", NOTO / "NotoSansThai-Regular.ttf"),
    Face("Noto Sans Georgian", NOTO / "NotoSansGeorgian-Regular.ttf"),
    Face("Noto Sans Armenian", NOTO / "NotoSansArmenian-Regular.ttf"),
    Face("Noto Sans Ethiopic", NOTO / "NotoSansEthiopic-Regular.ttf"),
    Face("Noto Sans CJK SC", NOTO_CJK, 2),
    Face("Noto Sans CJK JP", NOTO_CJK, 0),
)
JAPANESE_FACE = SCRIPT_FACES[-1]
RIGHT_TO_LEFT = ("R", "AL")  # the bidirectional classes of Hebrew and Arabic letters


def installed_faces() -> tuple[Face, ...]:
    """DejaVu Sans, then every script face whose file this machine has."""
    return (BUNDLED, *(face for face in SCRIPT_FACES if face.file.is_file()))


def font_files() -> list[Path]:
    """Every font file a text may be drawn with (the bundled ones and the installed script
    faces'), each once: what a clip's pictures depend on besides the code."""
    return sorted(FONT_DIR.glob("*.ttf")) + list(dict.fromkeys(face.file for face in installed_faces()[1:]))


@functools.lru_cache(maxsize=None)
def drawable_characters(font_file: Path = FONT_FILE, index: int = 0) -> frozenset[str]:
    """Every character face `index` of `font_file` has a glyph for (its Unicode character map)."""
    from fontTools.ttLib import TTCollection, TTFont

    if font_file.suffix == ".ttc":
        font = TTCollection(font_file, lazy=True).fonts[index]
    else:
        font = TTFont(font_file, lazy=True)
    return frozenset(chr(code) for code in font.getBestCmap())


def draws(face: Face, character: str) -> bool:
    return character in drawable_characters(face.file, face.index)


def is_right_to_left(character: str) -> bool:
    return unicodedata.bidirectional(character) in RIGHT_TO_LEFT


def needs_shaping(text: str) -> bool:
    """Whether `text` is drawn other than one glyph per character, left to right: it has a
    right-to-left letter (its glyphs are in the order they are seen, not written) or a
    combining mark (a vowel sign, a conjunct: glyphs join)."""
    return any(is_right_to_left(c) or unicodedata.category(c) in ("Mn", "Mc", "Me") for c in text)


def face_of(character: str, faces: tuple[Face, ...]) -> Face | None:
    """The face that draws `character`: a right-to-left letter or a combining mark by the script
    face that has it (DejaVu's Arabic and Hebrew would join badly with Noto's), anything else
    by DejaVu Sans if it can. None if no face can."""
    prefer_script = is_right_to_left(character) or unicodedata.category(character) in ("Mn", "Mc", "Me")
    ordered = (*faces[1:], faces[0]) if prefer_script else faces
    return next((face for face in ordered if draws(face, character)), None)


@functools.lru_cache(maxsize=4096)
def faces_for(text: str) -> tuple[Face, ...]:
    """The faces that draw `text`, in the order Pango is to try them: DejaVu Sans alone for a
    text it draws whole, left to right (every Latin, Greek and Cyrillic text, drawn exactly as
    before); else the faces of its right-to-left letters and marks, then DejaVu Sans (the Latin
    letters, digits and punctuation among them), then the other faces it needs (CJK, say)."""
    faces = installed_faces()
    if any(is_japanese(c) for c in text) and JAPANESE_FACE in faces:  # kana: Japanese forms of the Han too
        faces = (faces[0], JAPANESE_FACE, *(face for face in faces[1:] if face != JAPANESE_FACE))
    needed = {c: face_of(c, faces) for c in text if not c.isspace()}
    if set(needed.values()) <= {BUNDLED, None} and not needs_shaping(text):
        return (BUNDLED,)
    first = [face for c, face in needed.items() if face not in (None, BUNDLED) and needs_shaping(c)]
    rest = [face for face in needed.values() if face not in (None, BUNDLED)]
    return tuple(dict.fromkeys([*first, BUNDLED, *rest]))


def is_japanese(character: str) -> bool:
    return "\u3040" <= character <= "\u30ff"  # hiragana and katakana


def family_for(text: str) -> str:
    """The font family list Pango draws `text` with: a comma-separated list, tried in order."""
    return ", ".join(face.family for face in faces_for(text))


def runs_by_face(text: str) -> list[tuple[Face, str]]:
    """`text` cut into runs each drawn by one face, as Pango picks it (the first face of
    `faces_for` that has the character; a space goes with the run before it): to measure it."""
    faces = faces_for(text)
    runs: list[tuple[Face, str]] = []
    for character in text:
        if character.isspace() and runs:
            face = runs[-1][0]
        else:
            face = next((face for face in faces if draws(face, character)), faces[0])
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + character)
        else:
            runs.append((face, character))
    return runs


def missing_characters(text: str, faces: tuple[Face, ...] | None = None) -> list[str]:
    """The characters of `text` that none of `faces` (by default: every installed face) can
    draw, each once, in order."""
    faces = installed_faces() if faces is None else faces
    return list(dict.fromkeys(c for c in text if not c.isspace() and not any(draws(face, c) for face in faces)))


def drawn_texts(example: Example) -> list[tuple[str, str]]:
    """(field, text) for every text of `example` that a clip draws, named as in the file."""
    texts = [("title", example.title)]
    texts += [(f"words.{word}", word) for word in example.words]
    texts += [(f"sentences[{number}].text", sentence.text) for number, sentence in enumerate(example.sentences, 1)]
    texts += [(f"heads[{number}].name", head.name) for number, head in enumerate(example.heads, 1)]
    return texts


def check_drawable(example: Example) -> None:
    """ExampleError naming the first field with a character that no installed font can draw."""
    for field, text in drawn_texts(example):
        missing = missing_characters(text)
        if missing:
            shown = ", ".join(
                f"{character!r} (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})"
                for character in missing[:3]
            )
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            absent = [face.family for face in SCRIPT_FACES if not face.file.is_file()]
            advice = (
                f"install the fonts with `make setup` (Debian: {FONT_PACKAGES}), or write it with other letters"
                if absent
                else "write it with letters of a script the fonts cover (see docs/guide.md)"
            )
            raise ExampleError(field, f"no installed font can draw {shown}{more}; {advice}")
