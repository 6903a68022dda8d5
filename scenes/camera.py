"""PathCachingCamera: manim's cairo camera, tracing each distinct outline once.

manim builds every vectorized mobject's cairo path again on every frame it draws, in Python: a
move and a curve per Bézier segment, after finding where its subpaths split. Most of what a
frame draws has the outline it had on the frame before (a caption's glyphs while a dot moves
above them, a word plane's grid while a label fades), so this camera keeps each outline as a
cairo path, keyed by the mobject's points, and appends the kept path instead. Measured on
GravityScene at 1080p: the path's making was 40 % of the drawing.

Every outline is drawn from its kept path, the first time too, so a picture does not depend
on what this process drew before (a worker renders several clips one after another).
"""

from __future__ import annotations

from collections import OrderedDict

import cairo
from manim import Camera


class PathCachingCamera(Camera):
    """A cairo Camera that traces each distinct outline (a mobject's points) once and keeps it.

    Parameters
    ----------
    kept_paths
        How many outlines to keep; the least recently drawn is dropped past that.
    kwargs
        Passed to :class:`~manim.camera.camera.Camera`.

    Examples
    --------
    A scene draws with it when it is its camera class; LessonScene's scenes all do.

    .. manim:: PathCachingExample
        :save_last_frame:

        from manim import Circle, Scene, Text, VGroup, DOWN
        from scenes.camera import PathCachingCamera

        class PathCachingExample(Scene):
            def __init__(self, **kwargs):
                super().__init__(camera_class=PathCachingCamera, **kwargs)

            def construct(self):
                # 1. a circle and a word: each outline is traced once, then appended
                self.add(VGroup(Circle(), Text("apple")).arrange(DOWN))
    """

    def __init__(self, kept_paths: int = 10_000, **kwargs):
        self.kept_paths = kept_paths
        self.paths: OrderedDict[bytes, cairo.Path] = OrderedDict()
        super().__init__(**kwargs)

    def set_cairo_context_path(self, ctx: cairo.Context, vmobject) -> PathCachingCamera:
        points = vmobject.points
        if len(points) == 0:  # manim leaves the context's path as it is
            return super().set_cairo_context_path(ctx, vmobject)
        key = points.tobytes() + vmobject.n_points_per_cubic_curve.to_bytes(1, "little")
        path = self.paths.get(key, False)
        if path is False:  # not traced yet: trace it as manim does, keep what cairo made
            super().set_cairo_context_path(ctx, vmobject)
            path = ctx.copy_path()
            self.paths[key] = path
            if len(self.paths) > self.kept_paths:
                self.paths.popitem(last=False)
        else:
            self.paths.move_to_end(key)
        ctx.new_path()
        ctx.append_path(path)
        return self
