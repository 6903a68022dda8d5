"""What the project takes from below manim's public API (scenes/manim_internals.py) is all in the
installed manim, and a part that an upgrade moved is named in one clear line."""

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


def test_a_text_without_its_svg_sources_draws_the_same_and_copies_without_them():
    """What `without_svg_sources` drops is nothing a picture reads: the points and colours stay,
    and a copy carries no parsed SVG path and no id map."""
    import numpy as np
    from manim import Text, tempconfig

    from scenes.manim_internals import without_svg_sources

    with tempconfig({"dry_run": True, "verbosity": "ERROR"}):
        text = Text("apple, orange")
        points = [part.points.copy() for part in text.get_family()]
        assert text.id_to_vgroup_dict and text.submobjects[0].path_obj is not None  # manim keeps both
        kept = without_svg_sources(text).copy()
    assert text.id_to_vgroup_dict == {} and kept.id_to_vgroup_dict == {}
    assert all(getattr(part, "path_obj", None) is None for part in kept.get_family())
    assert len(kept.get_family()) == len(points)
    for part, before in zip(kept.get_family(), points):
        np.testing.assert_array_equal(part.points, before)
