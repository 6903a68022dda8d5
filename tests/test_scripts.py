"""Examples in other scripts, drawn: a Chinese, an Arabic, a Hebrew and a Russian example build
every frame of the opening clips with nothing out of place, each sentence's tokens found and
coloured, right-to-left sentences reading from the right, and no glyph missing."""

import numpy as np
import pytest
from example_texts import CHINESE
from scene_harness import build_scene, layout_problems, text_of

from attention_core.example_file import parse_example
from attention_core.tokens import token_key
from scenes import style, typeset
from scenes.cards import IntroCard
from scenes.fonts import check_drawable
from scenes.gravity import GravityScene

pytestmark = pytest.mark.render

EXAMPLES = {
    "arabic": """
name = "arabic"
title = "تفاحة في سياقها"
[words]
"تفاحة" = [2.0, 2.0]
"برتقالة" = [0.0, 3.0]
"موزة" = [1.0, 2.6]
"هاتف" = [3.2, 0.2]
[[sentences]]
text = "أكلت تفاحة ثم برتقالة ثم موزة."
focus = "تفاحة"
[[sentences]]
text = "اشتريت هاتف تفاحة."
focus = "تفاحة"
""",
    "hebrew": """
name = "hebrew"
title = "תפוח בהקשר"
[words]
"תפוח" = [2.0, 2.0]
"תפוז" = [0.0, 3.0]
"טלפון" = [3.2, 0.2]
[[sentences]]
text = "אכלתי תפוח ותפוז, ואז תפוז."
focus = "תפוח"
[[sentences]]
text = "קניתי טלפון של תפוח."
focus = "תפוח"
""",
    "chinese": CHINESE,
    "russian": """
name = "russian"
title = "Яблоко в контексте"
[words]
"яблоко" = [2.0, 2.0]
"апельсин" = [0.0, 3.0]
"телефон" = [3.2, 0.2]
[[sentences]]
text = "Я съел яблоко и апельсин."
focus = "яблоко"
[[sentences]]
text = "Я купил телефон «Яблоко»."
focus = "яблоко"
""",
}
RIGHT_TO_LEFT = ("arabic", "hebrew")


@pytest.fixture(scope="module", params=list(EXAMPLES))
def built(request, tmp_path_factory):
    example = parse_example(EXAMPLES[request.param])
    check_drawable(example)
    media = tmp_path_factory.mktemp(request.param)
    scenes = {cls.__name__: build_scene(cls, cls.lesson_for(example), media) for cls in (IntroCard, GravityScene)}
    return request.param, example, scenes


def test_every_frame_is_in_place(built):
    _, _, scenes = built
    for scene, _ in scenes.values():
        assert layout_problems(scene) == []


def token_centres(sentence_line) -> list[float]:
    return [float(np.mean([glyph.get_center()[0] for glyph in token])) for token in sentence_line.tokens]


def test_each_token_has_its_glyphs_in_reading_order(built):
    script, example, scenes = built
    _, shown = scenes["GravityScene"]
    sentence_lines = [shown[f"sentence:{number}"][0] for number in range(len(example.sentences))]
    assert [line.text for line in sentence_lines] == [sentence.text for sentence in example.sentences]
    for line in sentence_lines:
        assert all(len(token) > 0 for token in line.tokens)  # every token found among the glyphs
        glyphs = [glyph for token in line.tokens for glyph in token]
        assert len({id(glyph) for glyph in glyphs}) == len(glyphs)  # no glyph in two tokens
        if script not in RIGHT_TO_LEFT:  # one glyph per character: the Chinese tokens listed in the file
            assert [len(token) for token in line.tokens] == [len(word) for word in line.written_tokens]
        centres = token_centres(line)
        expected = sorted(centres, reverse=script in RIGHT_TO_LEFT)
        assert centres == expected, (
            f"{script}: tokens not laid out {'right to left' if script in RIGHT_TO_LEFT else 'left to right'}"
        )


def test_the_focus_word_is_lit_and_the_rest_as_before(built):
    _, example, scenes = built
    _, shown = scenes["GravityScene"]
    line = shown["sentence:0"][0]

    assert line.written_tokens == example.sentences[0].tokens
    for token, word in zip(line.tokens, line.written_tokens):
        colours = {glyph.get_fill_color().to_hex().upper() for glyph in token}
        if token_key(word) == example.sentences[0].focus:
            assert colours == {style.FOCUS.upper()}
        else:
            assert style.FOCUS.upper() not in colours


def test_the_title_and_captions_are_drawn_as_written(built):
    _, example, scenes = built
    scene, shown = scenes["IntroCard"]
    assert text_of(shown["title"][0]).replace("\n", " ") == example.title
    captions = [text_of(caption).replace("\n", " ") for caption in shown["caption"]]
    assert captions == [line.text for line in scene.lesson.narration]


def test_a_symbols_subscript_follows_its_w_in_a_shaped_caption(tmp_path):
    """A caption with an Arabic word and W_Q, W_K: each subscript is set just after a "W"."""
    from manim import tempconfig

    with tempconfig({"dry_run": True, "verbosity": "ERROR", "media_dir": str(tmp_path)}):
        caption = typeset.wrapped_text("Two maps, W_Q and W_K: here “تفاحة” asking “برتقالة” scores", 6.0)
        w_glyph = typeset.plain_text("W").submobjects[0]
        assert isinstance(caption, typeset.Subscripted) and len(caption.subscripts) == 2
        glyphs = [glyph for line in caption.body for glyph in line.submobjects if glyph.width > 1e-6]  # no spaces
        for subscript in caption.subscripts:
            base = min(
                glyphs,
                key=lambda glyph: (
                    abs(glyph.get_right()[0] - subscript.get_left()[0]) + abs(glyph.get_y() - subscript.get_y())
                ),
            )
            assert len(base.points) == len(w_glyph.points)  # the glyph before it is a W
            assert np.allclose(base.width, w_glyph.width, rtol=0.02)
            assert 0 <= subscript.get_left()[0] - base.get_right()[0] < 0.1
