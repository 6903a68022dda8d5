"""User text is drawn literally: never LaTeX, never Pango markup."""

import pytest
from manim import MarkupText, SingleStringMathTex, Text
from scene_harness import build_scene, one, text_of

from attention_core.example_file import parse_example
from scenes.catalog import SCENES

pytestmark = pytest.mark.render

HOSTILE = r"""
name = "hostile"
title = "\\input{/etc/passwd} <span foreground=\"red\">x</span>"
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
[[sentences]]
text = "<b>An</b> apple \\input{/etc/passwd} and an orange & $x^2$"
focus = "apple"
"""


WITH_MODEL = '[[sentences]]\ntext = "An apple <i>phone</i>"\nfocus = "apple"\n[model]\n'  # for RealModelScene


@pytest.fixture(scope="module")
def hostile():
    return parse_example(HOSTILE)


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_hostile_text_is_shown_literally_and_never_typeset(hostile, scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    if scene_name == "RealModelScene":
        hostile = parse_example(HOSTILE + WITH_MODEL)
    scene, shown = build_scene(scene_class, scene_class.lesson_for(hostile), tmp_path)
    family = [m for top in scene.mobjects for m in top.get_family()]
    everything = family + [m for found in shown.values() for top in found for m in top.get_family()]
    assert not any(isinstance(m, MarkupText) for m in everything)
    for formula in (m for m in everything if isinstance(m, SingleStringMathTex)):
        assert not any(piece in formula.tex_string for piece in ("passwd", "span", "apple", "$x"))
    for tex_file in tmp_path.rglob("*.tex"):  # whatever LaTeX ran saw none of the user's text
        source = tex_file.read_text()
        assert "passwd" not in source and "span" not in source and "orange" not in source
    texts = [text_of(m) for m in everything if isinstance(m, Text)]
    if scene_name == "IntroCard":
        assert text_of(one(shown, "title")).replace("\n", " ") == hostile.title
    if scene_name == "GravityScene":
        sentence = one(shown, "sentence:0")
        assert sentence.text == hostile.sentences[0].text
    elif scene_name in ("ProjectionScene", "MultiHeadScene", "FormulaScene"):
        assert any(hostile.sentences[0].text in t for t in texts)
    elif scene_name == "RealModelScene":  # the word pieces, and the sentences in full beside the paths
        assert text_of(one(shown, "piece0:1")) == "<"
        assert text_of(one(shown, "path_sentence:0")) == f"\u201c{hostile.sentences[0].text}\u201d"
