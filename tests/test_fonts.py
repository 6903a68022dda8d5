"""No empty boxes: an example with a character the bundled font cannot draw is refused before
anything renders, naming the field and the characters."""

import pytest
from example_texts import HEADS
from helpers import render_py
from PIL import ImageFont

from attention_core.example_file import ExampleError, parse_example
from scenes.fonts import FONT_FILE, check_drawable, missing_characters

CHINESE = """
name = "chinese"
title = "Apple in context"
[words]
"苹果" = [2.0, 2.0]
"橙子" = [0.0, 3.0]
[[sentences]]
text = "苹果 和 橙子"
focus = "苹果"
"""


def run_render(*arguments):
    return render_py(*arguments, timeout=120)


def test_a_chinese_example_is_refused_naming_the_field_and_characters(tmp_path):
    example_file = tmp_path / "chinese.toml"
    example_file.write_text(CHINESE, encoding="utf-8")
    expected = (
        f"render.py: error: {example_file}: words.苹果: the bundled font (DejaVu Sans) cannot draw "
        "'苹' (U+82F9 CJK UNIFIED IDEOGRAPH-82F9), '果' (U+679C CJK UNIFIED IDEOGRAPH-679C); "
        "write it with Latin, Greek or Cyrillic letters"
    )
    checked = run_render("--check-example", str(example_file))
    assert (checked.returncode, checked.stderr.strip()) == (2, expected)
    out = tmp_path / "out"
    rendered = run_render("--example", str(example_file), "--out", str(out))
    assert (rendered.returncode, rendered.stderr.strip()) == (2, expected)
    assert not out.exists()


LATIN = """
name = "latin"
title = "{title}"
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
[[sentences]]
text = "{sentence}"
focus = "apple"
"""


def test_latin_greek_cyrillic_and_typography_are_drawn():
    check_drawable(parse_example(LATIN.format(title="Äpfel, λόγος, яблоко — “ok” … €", sentence="An apple, ß")))


@pytest.mark.parametrize(
    "field, title, sentence",
    [
        ("title", "Äpfel, λόγος — “ok” 苹果", "An apple 🍎 an orange"),
        ("sentences[1].text", "Apples", "An apple 🍎 an orange"),
    ],
)
def test_the_first_field_that_cannot_be_drawn_is_named(field, title, sentence):
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(LATIN.format(title=title, sentence=sentence)))
    assert raised.value.field == field


def test_more_than_three_missing_characters_are_counted():
    assert missing_characters("苹果橙子苹") == ["苹", "果", "橙", "子"]
    with pytest.raises(ExampleError, match=r"'橙' \(U\+6A59 CJK UNIFIED IDEOGRAPH-6A59\) and 1 more;"):
        check_drawable(parse_example(LATIN.format(title="苹果橙子", sentence="An apple")))
    with pytest.raises(ExampleError, match=r"'橙' \(U\+6A59 CJK UNIFIED IDEOGRAPH-6A59\) and 3 more;"):
        check_drawable(parse_example(LATIN.format(title="苹果橙子香蕉", sentence="An apple")))


def notdef_drawn(character: str) -> bool:
    """FreeType's own answer, apart from the character map: does it draw the font's empty box?"""
    font = ImageFont.truetype(str(FONT_FILE), 40)
    empty_box = font.getmask("\U0010fffd")  # a private-use character no font here has

    def drawn(c):
        mask = font.getmask(c)
        return mask.size, bytes(mask)

    return drawn(character) == (empty_box.size, bytes(empty_box))


@pytest.mark.parametrize("character", list("aZé߯ЖλΩ—“”‘’…€√×·苹果한ًあ\u0378☃😀🍎"))
def test_the_character_map_agrees_with_what_freetype_draws(character):
    assert (missing_characters(character) == [character]) == notdef_drawn(character)


def test_the_message_lists_each_character_by_code_and_name():
    """In-process (the render.py test above runs in a subprocess): the exact line, for a head's
    name, and for exactly three characters (nothing "more")."""
    heads = LATIN + HEADS.replace('name = "one"', 'name = "a\u4e00b"')
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(heads.format(title="Apples", sentence="An apple")))
    assert str(raised.value) == (
        "heads[1].name: the bundled font (DejaVu Sans) cannot draw '\u4e00' (U+4E00 "
        "CJK UNIFIED IDEOGRAPH-4E00); write it with Latin, Greek or Cyrillic letters"
    )
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(LATIN.format(title="\u82f9\u679c\u6a59", sentence="An apple")))
    assert str(raised.value) == (
        "title: the bundled font (DejaVu Sans) cannot draw '\u82f9' (U+82F9 CJK UNIFIED "
        "IDEOGRAPH-82F9), '\u679c' (U+679C CJK UNIFIED IDEOGRAPH-679C), '\u6a59' (U+6A59 "
        "CJK UNIFIED IDEOGRAPH-6A59); write it with Latin, Greek or Cyrillic letters"
    )
