"""Every clip draws any valid example: each shipped one, one with only the required fields,
and one whose focus word stands alone; every line of its narration is said once, in order."""

import pytest
from example_texts import ALONE, MINIMAL
from scene_harness import build_scene, layout_problems, text_of

from attention_core.example_file import load_example, parse_example, shipped_examples
from scenes.catalog import SCENES


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
    assert layout_problems(scene) == []  # at every step, every mobject: in the frame, above the captions
