"""The bundled fonts: where they are, their names, and which characters they can draw.

Pango draws a character the registered fonts lack with any font the machine happens to have,
or, on a machine with none, as an empty box. Neither is acceptable (a clip would differ from
machine to machine, or show tofu), so every text an example puts on screen is checked here
against the font that will draw it, before anything renders. No manim here: render.py checks
an example without loading the drawing code.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from attention_core.assets import assets_folder
from attention_core.example_file import ExampleError
from attention_core.examples import Example

FONT_DIR = assets_folder() / "fonts"
FONT = "DejaVu Sans"  # every word, sentence and caption
MONO_FONT = "DejaVu Sans Mono"  # numbers
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"


@functools.lru_cache(maxsize=None)
def drawable_characters(font_file: Path = FONT_FILE) -> frozenset[str]:
    """Every character `font_file` has a glyph for (its Unicode character map)."""
    from fontTools.ttLib import TTFont

    return frozenset(chr(code) for code in TTFont(font_file, lazy=True).getBestCmap())


def missing_characters(text: str, font_file: Path = FONT_FILE) -> list[str]:
    """The characters of `text` that `font_file` cannot draw, each once, in order."""
    drawable = drawable_characters(font_file)
    return list(dict.fromkeys(character for character in text if character not in drawable))


def drawn_texts(example: Example) -> list[tuple[str, str]]:
    """(field, text) for every text of `example` that a clip draws, named as in the file."""
    texts = [("title", example.title)]
    texts += [(f"words.{word}", word) for word in example.words]
    texts += [(f"sentences[{number}].text", sentence.text) for number, sentence in enumerate(example.sentences, 1)]
    texts += [(f"heads[{number}].name", head.name) for number, head in enumerate(example.heads, 1)]
    return texts


def check_drawable(example: Example) -> None:
    """ExampleError naming the first field with a character the bundled font cannot draw."""
    for field, text in drawn_texts(example):
        missing = missing_characters(text)
        if missing:
            shown = ", ".join(
                f"{character!r} (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})"
                for character in missing[:3]
            )
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            raise ExampleError(
                field,
                f"the bundled font ({FONT}) cannot draw {shown}{more}; write it with Latin, Greek or Cyrillic letters",
            )
