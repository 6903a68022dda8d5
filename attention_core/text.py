"""How numbers are written, on screen and in the narration: one definition for both."""

from __future__ import annotations

from .language import current, t

MINUS = "\u2212"  # a true minus sign, not a hyphen

# How each learned map is written, everywhere: captions, subtitles, headings and the matrices'
# labels. Plain text, as a subtitle file keeps it (it has no subscripts, and Unicode has no
# subscript Q); on screen scenes.style.Subscripted draws each as W with a true subscript.
SYMBOLS = {"query": "W_Q", "key": "W_K", "value": "W_V", "output": "W_O"}


def closest(given: str, options, cutoff: float = 0.6) -> str | None:
    """The option `given` was most likely meant as (for "did you mean"), or None. A higher
    `cutoff` asks for a typo rather than a guess."""
    import difflib

    found = difflib.get_close_matches(given, list(options), n=1, cutoff=cutoff)
    return found[0] if found else None


def format_number(value: float, places: int = 2) -> str:
    """Fixed places, a true minus sign, no '-0.00'; the decimal sign of the language being
    written (attention_core.language: 0,57 in Spanish). The digits are the same in every
    language: one rounding, here."""
    text = f"{float(value):.{places}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    text = text.replace("-", MINUS)
    sign = current().decimal_sign
    return text if sign == "." else text.replace(".", sign)


def format_pair(xy, places: int = 2) -> str:
    """A 2-D point as "(x, y)", as the language writes one ("(x; y)" where the decimal sign is a
    comma)."""
    return t("point", "({x}, {y})", x=format_number(xy[0], places), y=format_number(xy[1], places))


def places_that_add_up(weights, vectors, result, fewest: int = 2, most: int = 4) -> int:
    """The fewest decimal places, from `fewest`, at which `weights` (k,), written, times
    `vectors` (k, 2) as written (two places) sum to `result` (2,) as written: a viewer who
    works out "0.57 apple + 0.43 orange" from the numbers on screen gets the point beside it.
    (The weights 0.574 and 0.426 round to the 0.57 and 0.43 written elsewhere.)"""
    shown_vectors = [[round(float(value), 2) for value in vector] for vector in vectors]
    goal = [f"{float(value):.2f}" for value in result]
    for places in range(fewest, most):
        shown_weights = [round(float(weight), places) for weight in weights]
        total = [sum(w * v[axis] for w, v in zip(shown_weights, shown_vectors)) for axis in range(2)]
        if [f"{value + 0.0:.2f}" for value in total] == goal:
            return places
    return most


def quoted(word: str) -> str:
    """A word of the example, in the language's quotation marks (English: typographic quotes)."""
    return t("quote", "\u201c{word}\u201d", word=word)


def strong_directions(text: str) -> list[str]:
    """ "rtl" or "ltr" for each letter of `text` that has a direction (Unicode's bidirectional
    class: Hebrew and Arabic letters read right to left; Latin, Greek, CJK... left to right)."""
    import unicodedata

    kinds = (unicodedata.bidirectional(character) for character in text)
    return ["rtl" if kind in ("R", "AL") else "ltr" for kind in kinds if kind in ("R", "AL", "L")]


def reading_direction(text: str) -> str:
    """How `text` reads: "rtl" if its first letter that has a direction is Hebrew or Arabic,
    else "ltr" (Unicode's rule for a paragraph): how a text of the example's own reads, a title or a
    sentence. Text the lecture writes (a caption, a label, a sum) reads as its language does."""
    directions = strong_directions(text)
    return directions[0] if directions else "ltr"
