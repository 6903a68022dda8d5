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
