"""User text is drawn literally: never LaTeX, never Pango markup; every clip draws any valid example."""

import pytest
from manim import MarkupText, SingleStringMathTex, Text
from scene_harness import build_scene, one, text_of

from attention_core.example_file import load_example, parse_example, shipped_examples
from scenes.catalog import SCENES

HOSTILE = r'''
name = "hostile"
title = "\\input{/etc/passwd} <span foreground=\"red\">x</span>"
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
[[sentences]]
text = "<b>An</b> apple \\input{/etc/passwd} and an orange & $x^2$"
focus = "apple"
'''


@pytest.fixture(scope="module")
def hostile():
    return parse_example(HOSTILE)


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_hostile_text_is_shown_literally_and_never_typeset(hostile, scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    scene, shown = build_scene(scene_class, scene_class.lesson_for(hostile), tmp_path)
    family = [m for top in scene.mobjects for m in top.get_family()]
    everything = family + [m for found in shown.values() for top in found for m in top.get_family()]
    assert not any(isinstance(m, (SingleStringMathTex, MarkupText)) for m in everything)
    assert not list(tmp_path.rglob("*.tex"))  # LaTeX never ran
    texts = [text_of(m) for m in everything if isinstance(m, Text)]
    if scene_name == "GravityScene":
        assert text_of(one(shown, "heading")) == hostile.title
        sentence = one(shown, "sentence:0")
        assert sentence.text == hostile.sentences[0].text
    else:
        assert any(hostile.sentences[0].text in t for t in texts)


@pytest.mark.parametrize("path", shipped_examples(), ids=lambda p: p.stem)
@pytest.mark.parametrize("scene_name", list(SCENES))
def test_every_clip_draws_every_shipped_example(path, scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    example = load_example(path)
    scene, shown = build_scene(scene_class, scene_class.lesson_for(example), tmp_path)
    assert scene.mobjects and "caption" in shown
