"""Layout: with the most words an example may have, nothing drawn reaches into the caption
lines or off the frame (the clip stays legible; see the limits in assets/examples/README.md)."""

import pytest
from scene_harness import build_scene

from attention_core.example_file import parse_example
from scenes.catalog import SCENES
from scenes.style import CAPTION_TOP

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


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_nothing_reaches_the_caption_or_leaves_the_frame(scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    scene, shown = build_scene(scene_class, scene_class.lesson_for(parse_example(CROWDED)), tmp_path)
    half_width, half_height = scene.camera.frame_width / 2, scene.camera.frame_height / 2
    for name, mobjects in shown.items():
        if name == "caption" or name.endswith(("grid", "plane")) or name.startswith(("head_plane", "moving")):
            continue  # captions own the bottom; a carried grid may run off, as a plane does
        for mobject in mobjects:
            if not mobject.has_points() and not mobject.submobjects:
                continue
            assert mobject.get_bottom()[1] >= CAPTION_TOP - 0.05, f"{name} reaches into the caption"
            assert mobject.get_top()[1] <= half_height + 0.01, f"{name} leaves the frame at the top"
            assert -half_width - 0.01 <= mobject.get_left()[0], f"{name} leaves the frame on the left"
            assert mobject.get_right()[0] <= half_width + 0.01, f"{name} leaves the frame on the right"
