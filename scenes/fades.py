"""FadeIn and FadeOut that copy nothing: the same picture as manim's, a fraction of the cost.

manim's fades are Transforms between the mobject and a faded deep copy of it: FadeIn makes two
copies of its mobject (the faded start, the target's copy), FadeOut three. Deep copies of texts
were the largest cost of building a scene and of a render's bookkeeping (measured with
cProfile). A fade changes only opacities, and with `shift` the position, so these keep each
part's colours and points as numpy arrays and scale the opacity channel frame by frame.

They take what the scenes pass to manim's (mobjects, `shift`, `run_time`, `rate_func`...) and
are subclasses of manim's, so a scene reads the same. Every part of the family must be a
VMobject; `scale` and `target_position` are not taken.
"""

from __future__ import annotations

import numpy as np
from manim import FadeIn as ManimFadeIn
from manim import FadeOut as ManimFadeOut
from manim import VMobject
from manim.animation.animation import Animation

COLOUR_ARRAYS = ("fill_rgbas", "stroke_rgbas", "background_stroke_rgbas")


class _OpacityFade:
    """What both fades share: the parts' colours and points as they stand when the fade begins,
    and the picture at `seen` of them (1 the mobject as it is, 0 invisible and shifted)."""

    def _check(self):
        strangers = [
            type(part).__name__
            for part in self.mobject.get_family()
            if not isinstance(part, VMobject) and len(part.points)  # a Group of several holds no points
        ]
        if strangers:
            raise TypeError(f"{type(self).__name__} fades VMobjects only, not {strangers[0]}: use manim's")

    def begin(self) -> None:
        self._parts = [
            (part, [getattr(part, name).copy() for name in COLOUR_ARRAYS], part.points.copy())
            for part in self.mobject.family_members_with_points()  # as manim's: a group's own colours stay
            if isinstance(part, VMobject)
        ]
        Animation.begin(self)  # not Transform's: it would copy the mobject

    def create_starting_mobject(self):
        return self.mobject  # nothing is interpolated from a copy

    def get_all_mobjects(self):
        return [self.mobject]

    def show(self, seen: float, offset: np.ndarray) -> None:
        """Each part at `seen` of its opacities, moved by `offset` from where it began."""
        moved = bool(np.any(offset))
        for part, colours, points in self._parts:
            for name, original in zip(COLOUR_ARRAYS, colours):
                faded = original.copy()
                faded[:, 3] *= seen
                setattr(part, name, faded)
            part.points = points + offset if moved else points.copy()


class FadeIn(_OpacityFade, ManimFadeIn):
    """Fade mobjects in, optionally from `shift` away, without copying them.

    Parameters
    ----------
    mobjects
        The mobjects to fade in (several are grouped).
    shift
        Where they come from, as an offset of where they end (default: they do not move).
    kwargs
        What manim's animations take: `run_time`, `rate_func`...

    Examples
    --------
    .. manim:: FadeInExample
        :save_last_frame:

        from manim import DOWN, Scene, Text
        from scenes.fades import FadeIn

        class FadeInExample(Scene):
            def construct(self):
                self.play(FadeIn(Text("attention"), shift=DOWN))
    """

    def __init__(self, *mobjects, shift=None, **kwargs) -> None:
        super().__init__(*mobjects, shift=shift, **kwargs)
        self._check()

    def interpolate_mobject(self, alpha: float) -> None:
        shown = self.rate_func(alpha)
        self.show(shown, -(1 - shown) * np.asarray(self.shift_vector, dtype=float))


class FadeOut(_OpacityFade, ManimFadeOut):
    """Fade mobjects out, optionally moving by `shift`, without copying them; once removed from
    the scene, they are as they were before (as with manim's FadeOut).

    Parameters
    ----------
    mobjects
        The mobjects to fade out (several are grouped).
    shift
        Where they go, as an offset of where they start (default: they do not move).
    kwargs
        What manim's animations take: `run_time`, `rate_func`...

    Examples
    --------
    .. manim:: FadeOutExample
        :save_last_frame:

        from manim import UP, Scene, Text
        from scenes.fades import FadeOut

        class FadeOutExample(Scene):
            def construct(self):
                word = Text("attention")
                self.add(word)
                self.play(FadeOut(word, shift=UP))
    """

    def __init__(self, *mobjects, shift=None, **kwargs) -> None:
        super().__init__(*mobjects, shift=shift, **kwargs)
        self._check()

    def interpolate_mobject(self, alpha: float) -> None:
        gone = self.rate_func(alpha)
        self.show(1 - gone, gone * np.asarray(self.shift_vector, dtype=float))
