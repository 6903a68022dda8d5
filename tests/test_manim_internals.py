"""What the project takes from below manim's public API (scenes/manim_internals.py) is all in the
installed manim, and a part that an upgrade moved is named in one clear line."""

import numpy as np
from manim.scene.video_segment_encoder import VideoSegmentEncoder

from scenes.manim_internals import internals_problems


def test_the_installed_manim_has_every_internal_the_project_uses():
    assert internals_problems() == []


def test_a_moved_internal_is_named(monkeypatch):
    monkeypatch.delattr(VideoSegmentEncoder, "_validate_frame")
    (problem,) = internals_problems()
    assert problem.startswith("manim ") and problem.endswith(
        ": VideoSegmentEncoder has no _validate_frame; scenes/manim_internals.py relies on it (see its docstring)"
    )


def _same(made, expected, seen=None) -> None:
    """`made` holds what `expected` holds, attribute by attribute, down the family."""
    assert type(made) is type(expected) and made.__dict__.keys() == expected.__dict__.keys()
    for key, value in expected.__dict__.items():
        if isinstance(value, np.ndarray):
            np.testing.assert_array_equal(made.__dict__[key], value, err_msg=key)
        elif key == "id_to_vgroup_dict":  # groups: compared by what they hold
            assert made.__dict__[key].keys() == value.keys()
        elif key not in ("submobjects", "original_id", "chars"):
            assert made.__dict__[key] == value, key
    assert len(made.submobjects) == len(expected.submobjects)
    for part, expected_part in zip(made.submobjects, expected.submobjects):
        _same(part, expected_part)


def test_the_quick_copy_is_manims_copy_with_nothing_shared():
    """A copy made by the quick copy holds what manim's own deep copy holds, shares no array with
    its original, and keeps an array shared inside the original shared in the copy."""
    from manim import Circle, Dot, Text, VGroup, tempconfig

    from scenes.manim_internals import MANIM_DEEPCOPY, _quick_deepcopy

    with tempconfig({"dry_run": True, "verbosity": "ERROR"}):
        picture = VGroup(Text("apple"), Circle(radius=2).set_fill("#123456", 0.5), Dot()).arrange()
        picture.submobjects[1].shared_points = picture.submobjects[1].points  # one array, two names
        manims = MANIM_DEEPCOPY(picture, {})
        quick = _quick_deepcopy(picture, {})
    _same(quick, manims)
    originals = {id(part.points) for part in picture.get_family()}
    assert not originals & {id(part.points) for part in quick.get_family()}
    circle = quick.submobjects[1]
    assert circle.shared_points is circle.points
    circle.points[0, 0] += 1.0  # the copy's points are its own
    assert picture.submobjects[1].points[0, 0] == manims.submobjects[1].points[0, 0]
