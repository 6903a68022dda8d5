"""Any script on screen, and no empty boxes: an example in Chinese, Japanese, Arabic, Hebrew,
Devanagari, Russian or Greek is drawn with the fonts that have its letters (right to left
where it reads so); one with a character that no installed font can draw is refused before
anything renders, naming the field and the characters."""

import unicodedata

import pytest
from example_texts import HEADS
from helpers import render_in_process
from PIL import ImageFont

from attention_core.example_file import ExampleError, parse_example
from attention_core.text import reading_direction
from scenes.fonts import (
    BUNDLED,
    SCRIPT_FACES,
    check_drawable,
    faces_for,
    family_for,
    installed_faces,
    missing_characters,
    runs_by_face,
)

LINEAR_B = """
name = "linear-b"
title = "Apple in context"
[words]
"𐀀𐀁" = [2.0, 2.0]
orange = [0.0, 3.0]
[[sentences]]
text = "𐀀𐀁 and orange"
focus = "𐀀𐀁"
"""  # a script (Linear B) that none of the fonts has
REFUSAL = (
    "words.𐀀𐀁: no installed font can draw '𐀀' (U+10000 LINEAR B SYLLABLE B008 A), "
    "'𐀁' (U+10001 LINEAR B SYLLABLE B038 E); write it with letters of a script the fonts cover "
    "(see docs/guide.md)"
)


def run_render(*arguments):
    return render_in_process(*arguments)


def test_a_character_no_font_has_is_refused_naming_the_field_and_characters(tmp_path):
    example_file = tmp_path / "linear-b.toml"
    example_file.write_text(LINEAR_B, encoding="utf-8")
    expected = f"render.py: error: {example_file}: {REFUSAL}"
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

SCRIPTS = {  # a title in each script the fonts cover, as a user would write it
    "latin": "Äpfel, “ok” … € — ß",
    "greek": "λόγος και μήλο",
    "cyrillic": "яблоко и апельсин",
    "chinese": "苹果和橙子",
    "japanese": "りんごとみかん",
    "korean": "사과와 오렌지",
    "arabic": "تفاحة وبرتقالة",
    "hebrew": "תפוח ותפוז",
    "devanagari": "सेब और संतरा",
    "thai": "แอปเปิลและส้ม",
}


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_every_covered_script_is_drawn(script):
    check_drawable(parse_example(LATIN.format(title=SCRIPTS[script], sentence="An apple, ß")))
    assert missing_characters(SCRIPTS[script]) == []


def test_the_script_faces_are_installed():
    """`make` installs them (fonts-noto-core, fonts-noto-cjk): every face has its file."""
    assert installed_faces() == (BUNDLED, *SCRIPT_FACES)


def test_each_text_gets_the_faces_its_letters_need_in_pangos_order():
    assert family_for("An apple, λόγος, яблоко") == "DejaVu Sans"  # drawn exactly as before
    assert family_for("苹果 and 橙子") == "DejaVu Sans, Noto Sans CJK SC"  # Latin from DejaVu
    assert family_for("りんご and 苹果") == "DejaVu Sans, Noto Sans CJK JP"  # kana: the Japanese Han forms
    # Arabic letters from Noto Sans Arabic, never DejaVu's own (they would join badly with Noto's)
    assert family_for("“تفاحة” keeps 0.57") == "Noto Sans Arabic, DejaVu Sans"
    assert family_for("שלום and सेब") == "Noto Sans Hebrew, Noto Sans Devanagari, DejaVu Sans"
    assert [(face.family, run) for face, run in runs_by_face("I ate “تفاحة” now")] == [
        ("DejaVu Sans", "I ate “"),
        ("Noto Sans Arabic", "تفاحة"),
        ("DejaVu Sans", "” now"),
    ]


def test_reading_direction_is_the_first_letters():
    assert reading_direction("أكلت تفاحة ثم Apple.") == "rtl"
    assert reading_direction("שלום") == "rtl"
    assert reading_direction("2024: Apple تفاحة") == "ltr"
    assert reading_direction("“…” 0.57") == "ltr"  # no letter: left to right


@pytest.mark.parametrize(
    "field, title, sentence",
    [
        ("title", "Äpfel, λόγος — “ok” 🍎", "An apple 🍎 an orange"),
        ("sentences[1].text", "Apples 苹果 تفاحة", "An apple 🍎 an orange"),
    ],
)
def test_the_first_field_that_cannot_be_drawn_is_named(field, title, sentence):
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(LATIN.format(title=title, sentence=sentence)))
    assert raised.value.field == field


def test_more_than_three_missing_characters_are_counted():
    assert missing_characters("🍎🍊🍌🍎🥝") == ["🍎", "🍊", "🍌", "🥝"]
    with pytest.raises(ExampleError, match=r"'🍌' \(U\+1F34C BANANA\) and 1 more;"):
        check_drawable(parse_example(LATIN.format(title="🍎🍊🍌🥝", sentence="An apple")))


def notdef_drawn(character: str) -> bool:
    """FreeType's own answer, apart from the character maps: does every installed face draw
    its empty box for `character` (the pixels of the box it draws for a character none has)?"""

    def drawn(font, c):
        mask = font.getmask(c)
        return mask.size, bytes(mask)

    for face in installed_faces():
        font = ImageFont.truetype(str(face.file), 40, index=face.index)
        if drawn(font, character) != drawn(font, "\U0010fffd"):  # a private-use character no font has
            return False
    return True


@pytest.mark.parametrize("character", list("aZé߯ЖλΩ—“”‘’…€√×·苹果한ًあعשनก\u0378☃😀🍎"))
def test_the_character_map_agrees_with_what_freetype_draws(character):
    assert (missing_characters(character) == [character]) == notdef_drawn(character)


def test_the_message_lists_each_character_by_code_and_name():
    """In-process (the render.py test above runs in a subprocess): the exact line, for a head's
    name, and for exactly three characters (nothing "more")."""
    heads = LATIN + HEADS.replace('name = "one"', 'name = "a\U0001f34eb"')
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(heads.format(title="Apples", sentence="An apple")))
    assert str(raised.value) == (
        "heads[1].name: no installed font can draw '\U0001f34e' (U+1F34E RED APPLE); "
        "write it with letters of a script the fonts cover (see docs/guide.md)"
    )
    with pytest.raises(ExampleError) as raised:
        check_drawable(parse_example(LATIN.format(title="\U0001f34e\U0001f34a\U0001f34c", sentence="An apple")))
    names = [unicodedata.name(c) for c in "\U0001f34e\U0001f34a\U0001f34c"]
    assert str(raised.value) == (
        f"title: no installed font can draw '\U0001f34e' (U+1F34E {names[0]}), '\U0001f34a' (U+1F34A "
        f"{names[1]}), '\U0001f34c' (U+1F34C {names[2]}); write it with letters of a script the fonts cover "
        "(see docs/guide.md)"
    )


def test_a_text_drawn_whole_by_dejavu_keeps_one_face():
    assert faces_for("Straße, 0.57 → context") == (BUNDLED,)
