"""Layout: with the most words an example may have, at every step, nothing drawn (named or
not) reaches into the caption lines or off the frame, and no two texts overlap (the clip stays
legible; see the limits in assets/examples/README.md). test_every_example checks the same for
every shipped example."""

import pytest
from scene_harness import build_scene, layout_problems

from attention_core.example_file import parse_example
from scenes.catalog import SCENES

pytestmark = pytest.mark.render

CROWDED = """
name = "crowded"
title = "A crowded sentence with many words that have embeddings"
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
banana = [0.9, 3.6]
strawberry = [-0.9, 3.3]
cherry = [0.5, 2.6]
phone = [4.0, 0.0]
laptop = [4.6, 0.9]
android = [3.4, -0.8]
microsoft = [4.9, -0.4]
[[sentences]]
text = "The apple, orange, banana, strawberry and cherry beat the phone and the laptop today"
focus = "apple"
[[sentences]]
text = "Microsoft and Android make a phone, a laptop and an apple pie"
focus = "apple"
[model]
"""


@pytest.mark.parametrize("format", ["landscape", "vertical"])
@pytest.mark.parametrize("scene_name", list(SCENES))
def test_nothing_reaches_the_caption_leaves_the_frame_or_overlaps(scene_name, format, tmp_path):
    """At every step (after each play and wait), every visible mobject, named or not, in both
    formats: in the frame, out of the caption band, no text under 28 px at 1080p (captions
    36 px), no two texts over each other."""
    scene_class = SCENES[scene_name]
    scene, _ = build_scene(scene_class, scene_class.lesson_for(parse_example(CROWDED)), tmp_path, format)
    assert len(scene.steps) >= 5
    assert layout_problems(scene) == []


@pytest.mark.parametrize(
    "scene_name, plane", [("GravityScene", "plane"), ("ProjectionScene", "plane"), ("RealModelScene", "paths_plane")]
)
def test_the_plane_fills_its_share_of_the_frame(scene_name, plane, tmp_path):
    """Landscape: the plane is at least 45 % of the frame's width (or, for data taller than
    wide, it spans the content's height); vertical: at least 80 % of the frame's width (or
    half the content's height)."""
    from attention_core.example_file import default_example

    scene_class = SCENES[scene_name]
    for format, share in (("landscape", 0.45), ("vertical", 0.8)):
        scene, shown = build_scene(scene_class, scene_class.lesson_for(default_example()), tmp_path, format)
        (drawn,) = shown[plane]
        width = scene.camera.frame_width
        tall_data = drawn.height / drawn.width > 1.0
        if format == "landscape" and not tall_data:
            assert drawn.width >= share * width, f"{format}: {drawn.width / width:.0%} of the width"
        elif format == "vertical" and not tall_data:
            assert drawn.width >= share * width or drawn.height >= 0.45 * scene.stage.content.height, format
        else:
            assert drawn.height >= 0.45 * scene.stage.content.height, format


def test_the_check_sees_unnamed_mobjects_and_every_step(tmp_path):
    """A text off the frame for one step, with no name, is caught."""
    scene, _ = build_scene(SCENES["GravityScene"], SCENES["GravityScene"].lesson_for(parse_example(CROWDED)), tmp_path)
    things = list(scene.steps[3])
    path, (left, right, bottom, top), glyphs, size = next(
        thing for thing in things if thing[2] and "/" not in thing[0][1:] and "caption" not in thing[0]
    )
    moved = tuple((g[0] + 15, g[1] + 15, g[2], g[3]) for g in glyphs)
    things.append(("", (left + 15, right + 15, bottom, top), moved, size))  # a copy off to the right, no name
    scene.steps = [*scene.steps[:3], things, *scene.steps[4:]]
    assert layout_problems(scene) == ["step 3: an unnamed mobject leaves the frame"]
