"""Every clip draws any valid example: each shipped one, one with only the required fields,
and one whose focus word stands alone; every line of its narration is said once, in order.

Golden frames: each clip's last frame for the default example at 480p, compared with a stored
PNG with a tolerance. (Here, beside the builds above: a build is made once per test process.)
Bytes differ across cairo/pango versions, so frames are compared by how many pixels differ
visibly, not by hash. To accept a deliberate change of look, rerun with UPDATE_GOLDEN=1 and
look at the new PNGs in tests/golden/ before committing them.
"""

import os
from pathlib import Path

import numpy as np
import pytest
from example_texts import ALONE, MINIMAL
from PIL import Image
from scene_harness import build_scene, last_frame, layout_problems, text_of

from attention_core.example_file import default_example, load_example, parse_example, shipped_examples
from scenes.catalog import SCENES

pytestmark = pytest.mark.render

GOLDEN = Path(__file__).parent / "golden"


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


def frame_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Share of pixels whose colour differs by more than 48 in any channel."""
    assert a.shape == b.shape, f"frame shapes differ: {a.shape} vs {b.shape}"
    return float(np.mean(np.abs(a.astype(int) - b.astype(int)).max(axis=-1) > 48))


@pytest.mark.parametrize("format", ["landscape", "vertical"])
@pytest.mark.parametrize("scene_name", list(SCENES))
def test_last_frame_matches_golden(scene_name, format, tmp_path):
    scene_class = SCENES[scene_name]
    frame = last_frame(scene_class, scene_class.lesson_for(default_example()), tmp_path, format)[..., :3]
    path = GOLDEN / (f"{scene_name}_last.png" if format == "landscape" else f"{scene_name}_{format}_last.png")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        Image.fromarray(frame).save(path)
    assert path.is_file(), f"no golden frame {path.name}: run once with UPDATE_GOLDEN=1 and look at it"
    golden = np.asarray(Image.open(path).convert("RGB"))
    assert frame_difference(frame, golden) < 0.002  # under 0.2 % of pixels visibly different


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_every_clip_draws_the_default_example_in_a_vertical_frame(scene_name, tmp_path):
    """The same lesson, every line said and captioned, in a 9:16 frame: nothing off the frame,
    in the caption band or the platform's bottom fifth, no text too small or over another."""
    scene_class = SCENES[scene_name]
    lesson = scene_class.lesson_for(default_example())
    scene, shown = build_scene(scene_class, lesson, tmp_path, "vertical")
    assert (scene.camera.frame_width, scene.camera.frame_height) == pytest.approx((8.0, 8 * 16 / 9), abs=0.02)
    captions = [text_of(caption).replace("\n", " ") for caption in shown["caption"]]
    assert captions == [line.text for line in lesson.narration]
    bottom_fifth = -scene.camera.frame_height / 2 + 0.2 * scene.camera.frame_height
    assert all(caption.get_bottom()[1] >= bottom_fifth - 1e-6 for caption in shown["caption"])
    assert layout_problems(scene) == []


def test_the_comparison_sees_a_moved_label(tmp_path):
    scene_class = SCENES["GravityScene"]
    frame = last_frame(scene_class, scene_class.lesson_for(default_example()), tmp_path)[..., :3]
    shifted = np.roll(frame, 6, axis=1)  # everything 6 pixels to the right
    assert frame_difference(frame, frame) == 0.0
    assert frame_difference(frame, shifted) > 0.002
