"""PathCachingCamera draws what manim's own camera draws: the first time, from a kept path, after
a mobject has moved (never a stale outline), and with only so many outlines kept."""

import numpy as np
from manim import DOWN, RIGHT, Camera, Circle, Square, Text, VGroup

from scenes.camera import PathCachingCamera

SIZE = {"pixel_width": 320, "pixel_height": 180, "frame_width": 16 * 8 / 9, "frame_height": 8.0}


def picture(camera, mobjects) -> np.ndarray:
    camera.reset()
    camera.capture_mobjects(mobjects)
    return camera.pixel_array.copy()


def scene_parts():
    circle = Circle(radius=1.5, color="#ffcc00", fill_opacity=0.5)
    return circle, VGroup(circle, Square(side_length=2).shift(3 * RIGHT), Text("apple", font_size=48).shift(2.5 * DOWN))


def differing(a: np.ndarray, b: np.ndarray) -> int:
    """How many channel values differ by more than one level (cairo's rounding of the same path)."""
    return int(np.count_nonzero(np.abs(a.astype(int) - b.astype(int)) > 1))


def test_it_draws_what_manims_camera_draws_first_time_and_from_kept_paths():
    _, group = scene_parts()
    theirs = picture(Camera(**SIZE), [group])
    camera = PathCachingCamera(**SIZE)
    first = picture(camera, [group])
    kept = len(camera.paths)
    again = picture(camera, [group])
    assert kept == 2 + len("apple")  # the circle, the square, each glyph: one outline each
    assert len(camera.paths) == kept  # the second frame traced nothing new
    assert np.array_equal(first, again)
    assert differing(first, theirs) == 0 and first.any()


def test_a_moved_mobject_is_drawn_where_it_is_now():
    circle, group = scene_parts()
    camera = PathCachingCamera(**SIZE)
    before = picture(camera, [group])
    circle.shift(2 * RIGHT)
    moved = picture(camera, [group])
    assert not np.array_equal(before, moved)
    assert differing(moved, picture(Camera(**SIZE), [group])) == 0


def test_only_so_many_outlines_are_kept():
    camera = PathCachingCamera(kept_paths=2, **SIZE)
    shapes = [Square(side_length=side) for side in (1.0, 2.0, 3.0)]
    for shape in shapes:
        picture(camera, [shape])
    assert len(camera.paths) == 2
    assert differing(picture(camera, shapes), picture(Camera(**SIZE), shapes)) == 0
