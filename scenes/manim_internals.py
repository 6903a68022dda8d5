"""Every place the project reaches below manim's public API, in one module, each with its reason.

manim 0.22 has no public option for any of these (its config has no colour matrix, no way to
drop parsed SVG paths, no frame-on-demand in a dry run). `internals_problems()` names each
part that an installed manim no longer has; tests/test_manim_internals.py fails on any, so an
upgrade that moves one is caught by name, not by a wrong colour or a slow build.

1. `Bt709SegmentEncoder` and `bt709_segments()`: manim converts RGBA frames to yuv420p with
   swscale's default matrix, BT.601, while players read HD video as BT.709, so every colour
   shifts. The encoder subclass converts with BT.709; it writes frames through the segment
   encoder's own stream, container and frame counter, and is swapped in for the class that
   manim's scene file writer instantiates.
2. `without_svg_sources()`: every glyph keeps its parsed SVG path (`path_obj`), and each copy
   of a text deep-copies it; 70 % of a dry-run build went there (measured).
   A Text's id-to-group map goes too, for the same reason.
3. `movie_file()`: where manim writes a scene's movie, and its subtitles beside it.
4. `uncombined()` and `segments_of()`: manim joins its partial movies into one movie file, and
   the project then copies that movie's packets again, beside the narration, into the clip. The
   clip is written from the partial movies (its file writer's `partial_movie_files`) instead,
   and manim's `combine_to_movie` does nothing while inside: one copy of every packet fewer.
5. `hold_drawing()` and `drawn_now()`: a dry run still draws a frame for every play and wait;
   the preview and the tests need a few, drawn from scratch (no frame kept from a play).
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import VideoReformatter
from manim import Text
from manim.scene import scene_file_writer
from manim.scene.scene_file_writer import SceneFileWriter
from manim.scene.video_segment_encoder import VideoSegmentEncoder


class Bt709SegmentEncoder(VideoSegmentEncoder):
    """manim's segment encoder, converting RGBA to the stream's format with BT.709.

    A frame repeated (a held picture: manim's frozen frame) is converted once. The RGBA frame
    and the converter are made once per segment, not per frame: a new 1080p frame and swscale
    context each time cost more than the conversion itself (measured; the same pixels)."""

    def write_frame(self, pixels, *, repeat: int = 1) -> None:
        self._validate_frame(pixels, repeat)
        try:
            self.encoded(self.converted(pixels), repeat)
        except BaseException as error:
            raise self._operation_error("encode", error) from error

    def converted(self, pixels) -> av.VideoFrame:
        """`pixels` (RGBA) as a frame in the stream's pixel format, BT.709, limited range."""
        if getattr(self, "_rgba", None) is None:
            self._rgba = av.VideoFrame(self.spec.width, self.spec.height, "rgba")
            self._rgba_pixels = np.frombuffer(self._rgba.planes[0], np.uint8).reshape(
                self.spec.height, self._rgba.planes[0].line_size // 4, 4
            )[:, : self.spec.width]
            self._reformatter = VideoReformatter()
        np.copyto(self._rgba_pixels, pixels)
        # chroma taken at one pixel of each 2x2 block, not averaged: a third faster; on a frame of
        # GravityScene at 1080p, a mean difference of 0.0007 levels and at most 7 (at edges only)
        return self._reformatter.reformat(
            self._rgba,
            format=self.spec.pixel_format,
            dst_colorspace="ITU709",
            dst_color_range="MPEG",
            interpolation="POINT",
        )

    def encoded(self, frame: av.VideoFrame, repeat: int) -> None:
        """Code `frame` `repeat` times, at the next timestamps, and write its packets."""
        frame.time_base = Fraction(self.spec.frame_rate.denominator, self.spec.frame_rate.numerator)
        for _ in range(repeat):
            frame.pts = self._next_pts
            self._next_pts += 1
            for packet in self._stream.encode(frame):
                self._container.mux(packet)


@contextlib.contextmanager
def bt709_segments():
    """While inside, manim encodes its partial movies with `Bt709SegmentEncoder`."""
    original = scene_file_writer.VideoSegmentEncoder
    scene_file_writer.VideoSegmentEncoder = Bt709SegmentEncoder
    try:
        yield
    finally:
        scene_file_writer.VideoSegmentEncoder = original


def without_svg_sources(mobject):
    """Drop each glyph's parsed SVG path: manim reads it once, to make the glyph's points, and
    then keeps it, so every copy of a text deep-copies thousands of svgelements objects. A
    Text's map from SVG ids to groups goes too (a copy cost four times more with it): nothing
    reads it once the Text is made. MathTex keeps its map, which its colouring by part reads."""
    for part in mobject.get_family():
        if getattr(part, "path_obj", None) is not None:
            part.path_obj = None
        if isinstance(part, Text):
            part.id_to_vgroup_dict = {}
    return mobject


@contextlib.contextmanager
def uncombined():
    """While inside, manim leaves a scene's partial movies as they are (see `segments_of`)."""
    original = SceneFileWriter.combine_to_movie
    SceneFileWriter.combine_to_movie = lambda writer: None
    try:
        yield
    finally:
        SceneFileWriter.combine_to_movie = original


def movie_file(scene) -> Path:
    """Where manim writes `scene`'s movie (and its subtitles beside it, as .srt)."""
    return Path(scene.renderer.file_writer.movie_file_path)


def segments_of(scene) -> list[Path]:
    """The partial movies manim wrote for `scene`, in the order they play, once it has rendered."""
    return [Path(path) for path in scene.renderer.file_writer.partial_movie_files if path is not None]


def hold_drawing(scene) -> Callable:
    """Stop `scene`'s renderer drawing a frame for every play and wait; return its drawing
    function, for `drawn_now` (or to put back)."""
    draw = scene.renderer.update_frame
    scene.renderer.update_frame = lambda *args, **kwargs: None
    return draw


def drawn_now(scene, draw: Callable) -> np.ndarray:
    """The scene's picture as it stands, drawn from scratch: (height, width, 4) RGBA."""
    scene.renderer.static_image = None  # not over a frame kept from a play
    draw(scene, ignore_skipping=True)
    return scene.renderer.get_frame()


def _source(thing) -> str:
    try:
        return inspect.getsource(thing)
    except (OSError, TypeError):
        return ""


def internals_problems() -> list[str]:
    """What this module relies on that the installed manim no longer has, one line each."""
    import manim
    from manim.mobject.svg import svg_mobject
    from manim.renderer.cairo_renderer import CairoRenderer

    needed = [  # (where, what, present)
        ("manim.scene.scene_file_writer", "VideoSegmentEncoder", hasattr(scene_file_writer, "VideoSegmentEncoder")),
        *[
            ("VideoSegmentEncoder", name, hasattr(VideoSegmentEncoder, name))
            for name in ("write_frame", "_validate_frame", "_operation_error")
        ],
        *[
            ("VideoSegmentEncoder", name, f"self.{name} =" in _source(VideoSegmentEncoder))
            for name in ("spec", "_stream", "_container", "_next_pts")
        ],
        ("SceneFileWriter", "movie_file_path", hasattr(SceneFileWriter, "movie_file_path")),
        *[("SceneFileWriter", name, hasattr(SceneFileWriter, name)) for name in ("combine_to_movie", "finish")],
        ("SceneFileWriter", "partial_movie_files", "self.partial_movie_files" in _source(SceneFileWriter)),
        ("SceneFileWriter.finish", "combine_to_movie", "self.combine_to_movie()" in _source(SceneFileWriter.finish)),
        *[("CairoRenderer", name, hasattr(CairoRenderer, name)) for name in ("update_frame", "get_frame")],
        ("CairoRenderer", "static_image", "self.static_image" in _source(CairoRenderer)),
        ("manim.mobject.svg.svg_mobject", "path_obj", "path_obj" in _source(svg_mobject)),
    ]
    return [
        f"manim {manim.__version__}: {where} has no {what}; scenes/manim_internals.py relies on it (see its docstring)"
        for where, what, present in needed
        if not present
    ]
