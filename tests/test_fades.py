"""The copy-free fades (scenes/fades.py) leave every part as manim's own FadeIn and FadeOut do,
at every moment: the same colours, opacities and points, which are all a frame is drawn from."""

import numpy as np
import pytest
from manim import DOWN, UP, Circle, FadeIn, FadeOut, ImageMobject, Square, Text, VGroup, linear, smooth

from scenes import fades

COLOURS = ("fill_rgbas", "stroke_rgbas", "background_stroke_rgbas")


def picture():
    """A group like a scene's: a filled shape, an outline, a text of several glyphs."""
    return VGroup(
        Square(side_length=1.5).set_fill("#3366cc", opacity=0.8),
        Circle(radius=0.5, stroke_opacity=0.6).shift(2 * UP),
        Text("apple", font_size=30).shift(DOWN),
    )


def state(mobject) -> list:
    return [
        [np.array(getattr(part, name)) for name in COLOURS] + [np.array(part.points)] for part in mobject.get_family()
    ]


def assert_same(ours, theirs):
    assert len(ours) == len(theirs)
    for our_part, their_part in zip(ours, theirs):
        for our_array, their_array in zip(our_part, their_part):
            np.testing.assert_allclose(our_array, their_array, atol=1e-9)


@pytest.mark.parametrize("shift", [None, 0.4 * UP])
@pytest.mark.parametrize("kind", ["in", "out"])
def test_a_fade_matches_manims_at_every_moment(kind, shift):
    ours_mobject, theirs_mobject = picture(), picture()
    ours = (fades.FadeIn if kind == "in" else fades.FadeOut)(ours_mobject, shift=shift, rate_func=smooth)
    theirs = (FadeIn if kind == "in" else FadeOut)(theirs_mobject, shift=shift, rate_func=smooth)
    ours.begin()
    theirs.begin()
    for alpha in (0.0, 0.1, 0.37, 0.5, 0.9, 1.0):
        ours.interpolate(alpha)
        theirs.interpolate(alpha)
        assert_same(state(ours_mobject), state(theirs_mobject))
    assert ours.is_introducer() == (kind == "in") and ours.is_remover() == (kind == "out")


def test_a_faded_out_mobject_is_as_it_was_once_removed():
    mobject = picture()
    before = state(mobject)

    class Stage:  # what clean_up_from_scene asks of a scene
        def remove(self, *mobjects):
            self.removed = mobjects

    fade = fades.FadeOut(mobject, shift=UP)
    fade.begin()
    fade.interpolate(0.6)
    assert not np.allclose(mobject[0].fill_rgbas[:, 3], before[1][0][:, 3])  # half faded, moved
    fade.finish()
    stage = Stage()
    fade.clean_up_from_scene(stage)
    assert stage.removed == (mobject,)
    assert_same(state(mobject), before)


def test_several_mobjects_fade_as_a_group():
    square, circle = Square(), Circle()
    fade = fades.FadeIn(square, circle, rate_func=linear)
    fade.begin()
    fade.interpolate(0.25)
    assert square.stroke_rgbas[0, 3] == pytest.approx(0.25 * Square().stroke_rgbas[0, 3])
    assert circle.stroke_rgbas[0, 3] == pytest.approx(0.25 * Circle().stroke_rgbas[0, 3])


def test_a_mobject_that_is_not_a_vmobject_is_refused_by_name():
    image = ImageMobject(np.zeros((4, 4, 3), dtype=np.uint8))
    with pytest.raises(TypeError, match="ImageMobject"):
        fades.FadeIn(image)
