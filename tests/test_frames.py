"""Golden frames: each clip's last frame at 480p, compared with a stored PNG with a tolerance.

Bytes differ across cairo/pango versions, so frames are compared by how many pixels differ
visibly, not by hash. To accept a deliberate change of look, rerun with UPDATE_GOLDEN=1 and
look at the new PNGs in tests/golden/ before committing them.
"""

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from scene_harness import last_frame

from attention_core.example_file import default_example
from scenes.catalog import SCENES

GOLDEN = Path(__file__).parent / "golden"


def frame_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Share of pixels whose colour differs by more than 48 in any channel."""
    assert a.shape == b.shape, f"frame shapes differ: {a.shape} vs {b.shape}"
    return float(np.mean(np.abs(a.astype(int) - b.astype(int)).max(axis=-1) > 48))


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_last_frame_matches_golden(scene_name, tmp_path):
    scene_class = SCENES[scene_name]
    frame = last_frame(scene_class, scene_class.lesson_for(default_example()), tmp_path)[..., :3]
    path = GOLDEN / f"{scene_name}_last.png"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        Image.fromarray(frame).save(path)
    assert path.is_file(), f"no golden frame {path.name}: run once with UPDATE_GOLDEN=1 and look at it"
    golden = np.asarray(Image.open(path).convert("RGB"))
    assert frame_difference(frame, golden) < 0.002  # under 0.2 % of pixels visibly different


def test_the_comparison_sees_a_moved_label(tmp_path):
    scene_class = SCENES["GravityScene"]
    frame = last_frame(scene_class, scene_class.lesson_for(default_example()), tmp_path)[..., :3]
    shifted = np.roll(frame, 6, axis=1)  # everything 6 pixels to the right
    assert frame_difference(frame, frame) == 0.0
    assert frame_difference(frame, shifted) > 0.002
