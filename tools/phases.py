"""Where a clip's render spends its CPU time, by phase: for `make bench` (bench.py --phases).

Each phase is a set of functions, wrapped while a clip renders so that the CPU time of the
thread running them (time.thread_time) is charged to the phase. Phases nest: a phase's time
excludes the phases called inside it (text typeset inside a scene's drawing counts as text),
and a phase called inside itself counts once. manim encodes on a thread of its own; each thread
keeps its own stack, so the encoder's time is its own phase while the drawing goes on.

    drawing     cairo: the frame reset or painted from the held picture, each moving mobject
                drawn, the frame copied out
    text        a Text or LaTeX formula typeset (Pango or LaTeX, then its SVG read)
    updaters    mobjects' updaters run
    animation   animations interpolated to each frame's time (what moves, and how)
    labels      label placement and leader lines (scenes.mobjects.place_labels)
    conversion  RGBA frames to yuv420p (BT.709)
    encoding    x264 (or VP9) coding the frames, and the packets written
    voice       narration synthesised or read (piper)
    finishing   the clip's soundtrack and the final file muxed
    other       the rest: the lesson, the scene's construction, manim's bookkeeping
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections import defaultdict

PHASES = (
    "drawing",
    "text",
    "updaters",
    "animation",
    "labels",
    "conversion",
    "encoding",
    "voice",
    "finishing",
    "other",
)


class PhaseClock:
    """CPU seconds per phase, summed over every thread that ran a wrapped function."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.local = threading.local()
        self.lock = threading.Lock()

    def timed(self, phase: str, function):
        clock = self

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            stack = getattr(clock.local, "stack", None)
            if stack is None:
                stack = clock.local.stack = []
            if stack and stack[-1][0] == phase:  # a phase inside itself counts once
                return function(*args, **kwargs)
            now = time.thread_time()
            if stack:  # the enclosing phase stops while this one runs
                outer, since = stack[-1]
                clock.add(outer, now - since)
            stack.append([phase, now])
            try:
                return function(*args, **kwargs)
            finally:
                end = time.thread_time()
                clock.add(phase, end - stack.pop()[1])
                if stack:
                    stack[-1][1] = end

        return wrapper

    def add(self, phase: str, seconds: float) -> None:
        with self.lock:
            self.seconds[phase] += seconds


def _targets():
    """(owner, attribute name, phase) of every function timed."""
    from manim.animation.animation import Animation
    from manim.mobject.svg.svg_mobject import SVGMobject
    from manim.renderer.cairo_renderer import CairoRenderer
    from manim.scene.scene import Scene
    from manim.scene.scene_file_writer import SceneFileWriter
    from manim.scene.video_segment_encoder import VideoSegmentEncoder

    import clips.job
    import clips.media
    import clips.voice
    import scenes.mobjects
    from scenes.manim_internals import Bt709SegmentEncoder

    targets = [
        (CairoRenderer, "update_frame", "drawing"),
        (CairoRenderer, "get_frame", "drawing"),
        (SVGMobject, "__init__", "text"),
        (Scene, "update_mobjects", "updaters"),  # once a frame: every mobject's updaters
        (Animation, "interpolate", "animation"),
        (scenes.mobjects, "place_labels", "labels"),
        (Bt709SegmentEncoder, "converted", "conversion"),
        (Bt709SegmentEncoder, "encoded", "encoding"),
        (VideoSegmentEncoder, "__init__", "encoding"),  # x264 opened for each play's segment
        (VideoSegmentEncoder, "finish", "encoding"),  # and flushed
        (SceneFileWriter, "combine_to_movie", "finishing"),  # the segments joined
        (clips.voice, "voice_for", "voice"),
        (clips.job, "write_video", "finishing"),
        (clips.media, "write_video", "finishing"),
    ]
    import scenes

    for name in dir(scenes):  # scenes that imported place_labels by name
        module = getattr(scenes, name)
        if getattr(module, "place_labels", None) is scenes.mobjects.place_labels and module is not scenes.mobjects:
            targets.append((module, "place_labels", "labels"))
    return targets


@contextlib.contextmanager
def phases_timed():
    """While inside, the phase functions are timed; yields the PhaseClock."""
    import importlib
    import pkgutil

    import scenes

    for module in pkgutil.iter_modules(scenes.__path__):  # every scene module loaded, so its names are found
        importlib.import_module(f"scenes.{module.name}")
    clock = PhaseClock()
    originals = []
    for owner, name, phase in _targets():
        original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
        originals.append((owner, name, original))
        setattr(owner, name, clock.timed(phase, original))
    try:
        yield clock
    finally:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)


def clip_phases(run, *args) -> tuple[object, dict[str, float], float]:
    """`run(*args)` with its phases timed: (its result, CPU seconds per phase, CPU seconds in
    all). "other" is what no phase took."""
    started = time.process_time()
    with phases_timed() as clock:
        result = run(*args)
    total = time.process_time() - started
    seconds = {phase: clock.seconds.get(phase, 0.0) for phase in PHASES if phase != "other"}
    seconds["other"] = max(0.0, total - sum(seconds.values()))
    return result, seconds, total
