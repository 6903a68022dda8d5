"""User text is drawn literally: never LaTeX, never Pango markup; every clip draws any valid example."""

import pytest
from manim import MarkupText, SingleStringMathTex, Text
from example_texts import ALONE, MINIMAL
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
    if scene_name == "GravityScene":
        assert text_of(one(shown, "heading")) == hostile.title
        sentence = one(shown, "sentence:0")
        assert sentence.text == hostile.sentences[0].text
    elif scene_name in ("ProjectionScene", "MultiHeadScene", "FormulaScene"):
        assert any(hostile.sentences[0].text in t for t in texts)
    elif scene_name == "RealModelScene":  # the word pieces, and the sentences in full beside the paths
        assert text_of(one(shown, "piece0:1")) == "<"
        assert text_of(one(shown, "path_sentence:0")) == f"\u201c{hostile.sentences[0].text}\u201d"




def every_example():
    for path in shipped_examples():
        yield pytest.param(lambda path=path: load_example(path), id=path.stem)
    yield pytest.param(lambda: parse_example(MINIMAL), id="only-required-fields")
    yield pytest.param(lambda: parse_example(ALONE), id="focus-word-alone")


@pytest.mark.parametrize("make_example", list(every_example()))
@pytest.mark.parametrize("scene_name", list(SCENES))
def test_every_clip_draws_every_example(make_example, scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    example = make_example()
    if scene_name == "RealModelScene" and example.model is None:  # not a chapter of its lecture
        with pytest.raises(ValueError, match=r"no \[model\] table"):
            scene_class.lesson_for(example)
        return
    lesson = scene_class.lesson_for(example)
    scene, shown = build_scene(scene_class, lesson, tmp_path)
    assert "heading" in shown or "title" in shown
    # every line of the lesson's narration is said once, in order, and shown as the caption
    assert [line_id for line_id, _ in scene.said] == [line.id for line in lesson.narration]
    assert len(lesson.narration) >= 2
    captions = [text_of(caption).replace("\n", " ") for caption in shown["caption"]]
    assert captions == [line.text for line in lesson.narration]
    starts = [start for _, start in scene.said]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
