"""Build a scene without writing video (manim's dry run, animations skipped) and collect
every named mobject it ever showed, so tests can compare what is drawn with the lesson; keep
its last frame at 480p for the golden-frame tests."""

from __future__ import annotations

import atexit
import functools
import gc
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
from helpers import shared_cache
from manim import AnimationGroup, Indicate, Mobject, Text, VMobject, tempconfig

from clips.job import typeset_cache
from scenes import typeset
from scenes.manim_internals import hold_drawing
from scenes.typeset import SUBSCRIPT_SCALE

# manim keeps typeset text and LaTeX as files named by a hash of what they draw; one folder
# per test process (never shared between processes, which would race) spares every test a
# cold start: each Text and MathTex is made once per process, not once per test.
TEXT_CACHE = Path(tempfile.mkdtemp(prefix="attention-clips-text-"))
atexit.register(shutil.rmtree, TEXT_CACHE, ignore_errors=True)

# The prototypes of typeset texts (scenes/style.py) kept for the whole run, in its shared folder:
# a text one test process typeset, the other loads in a twentieth of the time. Each is written
# whole (then renamed), so two processes may share them; manim's own text files above may not.
typeset.keep_typeset_in(typeset_cache(str(shared_cache())))


FRAMES = {  # format -> (pixel width, pixel height, frame width, frame height) of a 480p test build
    "landscape": (854, 480, 8 * 16 / 9, 8.0),
    "vertical": (480, 854, 8.0, 8 * 16 / 9),
}


def dry_run_settings(media_dir, format: str = "landscape") -> dict:
    pixel_width, pixel_height, frame_width, frame_height = FRAMES[format]
    return {
        "dry_run": True,
        "media_dir": str(media_dir),
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
        "text_dir": str(TEXT_CACHE / "texts"),
        "tex_dir": str(TEXT_CACHE / "tex"),
        "pixel_height": pixel_height,
        "pixel_width": pixel_width,
        "frame_width": frame_width,
        "frame_height": frame_height,
    }


BUILT: dict = {}  # (scene, lesson, options) -> (scene, shown): tests only read what was built


def build_scene(scene_class, lesson, media_dir, format: str = "landscape", **options):
    """Run `scene_class(lesson, **options)` to its end at 480p, in `format` (landscape or
    vertical); return (scene, {name: [mobjects shown]}). A build of the same scene, lesson,
    format and options in this test process is reused."""
    key = (scene_class.__name__, json.dumps(lesson.to_dict(), sort_keys=True), format, repr(sorted(options.items())))
    if key not in BUILT:
        BUILT[key] = record_scene(scene_class, lesson, media_dir, format, **options)
        gc.freeze()  # kept to the end: the collector need not walk it again and again
    return BUILT[key]


def record_scene(scene_class, lesson, media_dir, format: str = "landscape", **options):
    shown: dict[str, list[Mobject]] = defaultdict(list)

    class Recording(scene_class):
        steps: list  # after each play and wait: what is on screen (see `on_screen`)

        def play(self, *args, **kwargs):
            self.lit += [lit_box(animation) for animation in indications(args)]
            start = self.time
            super().play(*args, **kwargs)
            self.steps.append(on_screen(self))
            self.timeline.append(("play", start, self.time))

        def wait(self, *args, **kwargs):
            start = self.time
            super().wait(*args, **kwargs)
            self.steps.append(on_screen(self))
            self.timeline.append(("wait", start, self.time))

        def add(self, *mobjects):
            super().add(*mobjects)
            for mobject in mobjects:
                for part in mobject.get_family():
                    named = part.name and part.name != type(part).__name__
                    if named and not any(part is seen for seen in shown[part.name]):
                        shown[part.name].append(part)
            return self

    Recording.__name__ = scene_class.__name__
    with tempconfig(dry_run_settings(media_dir, format)):
        scene = Recording(lesson=lesson, skip_animations=True, **options)
        scene.steps, scene.timeline = [], []  # what is on screen after each step; (kind, start, end) of each
        scene.lit = []  # the box of everything an Indicate lights, at its largest
        draw = render_undrawn(scene)
        scene.renderer.static_image = None
        draw(scene, ignore_skipping=True)  # the last frame alone, from scratch
        scene.last_frame = scene.renderer.get_frame().copy()
    return scene, shown


def indications(animations) -> list[Indicate]:
    """Every Indicate among `animations`, in groups (LaggedStart, Succession) too."""
    found = []
    for animation in animations:
        if isinstance(animation, Indicate):
            found.append(animation)
        elif isinstance(animation, AnimationGroup):
            found += indications(animation.animations)
    return found


def lit_box(indicate: Indicate) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of what an Indicate lights, at its largest."""
    grown = indicate.mobject.copy().scale(indicate.scale_factor)
    return grown.get_left()[0], grown.get_right()[0], grown.get_bottom()[1], grown.get_top()[1]


def longest_hold(scene) -> tuple[float, float]:
    """(seconds, when) of the longest stretch in which the scene only waits: nothing animates."""
    longest, when, start = 0.0, 0.0, None
    for kind, begin, end in scene.timeline:
        if kind == "wait":
            start = begin if start is None else start
            if end - start > longest:
                longest, when = end - start, start
        else:
            start = None
    return longest, when


def render_undrawn(scene):
    """Run `scene` without drawing: manim draws a frame for every play and wait even in a
    dry run, and the tests need at most the last one. Returns the drawing function."""
    draw = hold_drawing(scene)
    scene.render()
    scene.renderer.update_frame = draw
    return draw


def box_of(mobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of a mobject's own points (a leaf, or a glyph)."""
    points = mobject.points
    low, high = points.min(axis=0), points.max(axis=0)
    return (low[0], high[0], low[1], high[1])


def glyph_boxes(text: Text) -> tuple[tuple[float, float, float, float], ...]:
    """`box_of` each glyph of `text` that has points: its points' least and greatest x and y,
    for all glyphs in one pass (a text's glyphs, one by one, were a tenth of a build)."""
    points = [glyph.points for glyph in text.submobjects if glyph.has_points()]
    starts = np.cumsum([0] + [len(part) for part in points[:-1]])
    joined = np.concatenate(points)
    low, high = np.minimum.reduceat(joined, starts, axis=0), np.maximum.reduceat(joined, starts, axis=0)
    return tuple(zip(low[:, 0], high[:, 0], low[:, 1], high[:, 1]))


SIZES: dict = {}  # (the text, its box, its sizes as made) -> manim's font_size: unchanged while they are


def font_size_of(text: Text, box) -> float:
    """manim's font_size of `text` (its height over its height as made, times its size as made),
    kept while its box is unchanged: the height walks every glyph again, after every step."""
    key = (id(text), box, text.initial_height, text._font_size)
    if key not in SIZES:
        SIZES[key] = text.font_size
    return SIZES[key]


def overlap(a, b, margin: float = 0.03) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > margin and min(a[3], b[3]) - max(a[2], b[2]) > margin


def on_screen(scene) -> list[tuple[str, tuple[float, float, float, float], tuple, float | None]]:
    """Every visible thing on screen, named or not: (the names of it and its groups, joined by
    '/', its box (left, right, bottom, top), for a text the boxes of its glyphs, and for a text
    its size as drawn: manim's font_size, scaling included). A text counts as one thing; a
    group is looked into down to what draws."""
    found = []

    def walk(mobject, path):
        name = mobject.name if mobject.name and mobject.name != type(mobject).__name__ else ""
        path = f"{path}/{name}" if name else path
        if isinstance(mobject, Text) or not mobject.submobjects:
            if not isinstance(mobject, VMobject):
                return  # a ValueTracker and the like: nothing drawn
            visible = any(
                part.has_points()
                and (
                    part.get_fill_opacity() > 0.01 or (part.get_stroke_width() > 0 and part.get_stroke_opacity() > 0.01)
                )
                for part in mobject.get_family()
            )  # a text: any of its glyphs
            if visible:
                if isinstance(mobject, Text):
                    glyphs = glyph_boxes(mobject)
                    box = (
                        min(g[0] for g in glyphs),
                        max(g[1] for g in glyphs),
                        min(g[2] for g in glyphs),
                        max(g[3] for g in glyphs),
                    )
                    found.append((path, box, glyphs, font_size_of(mobject, box)))
                else:
                    found.append((path, box_of(mobject), (), None))
            return
        for part in mobject.submobjects:
            walk(part, path)

    for mobject in scene.mobjects:
        walk(mobject, "")
    return found


MIN_TEXT_PX, MIN_CAPTION_PX = 28, 36  # the least em height of a text, of a caption, at 1080p


@functools.lru_cache(maxsize=None)
def em_per_font_size() -> float:
    """Scene units of one em per unit of manim's font_size, measured: the height manim draws
    an "H" at size 100, over the H's height in the font file (its outline's bounds, read with
    fontTools), per 100."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    font = TTFont(Path(__file__).parent.parent / "assets" / "fonts" / "DejaVuSans.ttf")
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()["H"].draw(pen)
    _, bottom, _, top = pen.bounds
    drawn = Text("H", font="DejaVu Sans", font_size=100).height
    return drawn / ((top - bottom) / font["head"].unitsPerEm) / 100


def pixels_at_1080p(scene, font_size: float) -> float:
    """A text's em height in pixels when the clip's short side is 1080 pixels."""
    short_side = min(scene.camera.frame_width, scene.camera.frame_height)
    return font_size * em_per_font_size() * 1080 / short_side


def layout_problems(scene, carried=("grid", "plane", "moving")) -> list[str]:
    """What breaks the layout at any step of `scene`: anything outside the frame or in the
    caption band (but the caption, and grids or planes a map carries, whose names contain one
    of `carried`), a caption outside its band, text too small to read at 1080p, and two texts
    over each other."""
    caption_top = scene.stage.caption_top
    half_width, half_height = scene.camera.frame_width / 2, scene.camera.frame_height / 2
    problems = []
    for left, right, bottom, top in scene.lit:  # what an Indicate lights, at its largest
        if left < -half_width or right > half_width or top > half_height or bottom < -half_height:
            problems.append(f"a mobject, lit, leaves the frame: {left:.2f}..{right:.2f}, {bottom:.2f}..{top:.2f}")
    for step, things in enumerate(scene.steps):
        for path, (left, right, bottom, top), _, size in things:
            where = f"step {step}: {path or 'an unnamed mobject'}"
            if size is not None:
                least = MIN_CAPTION_PX if "caption" in path else MIN_TEXT_PX
                if path.endswith("subscript"):  # a subscript is smaller than its line by design
                    least *= SUBSCRIPT_SCALE
                if pixels_at_1080p(scene, size) < least - 0.5:
                    problems.append(f"{where} is {pixels_at_1080p(scene, size):.0f} px tall at 1080p, under {least}")
            if "caption" in path:
                band = scene.stage.caption
                if (
                    top > band.top + 0.01
                    or bottom < band.bottom - 0.01
                    or left < band.left - 0.01
                    or right > band.right + 0.01
                ):
                    problems.append(f"{where} leaves the caption band")
                continue
            if any(word in path for word in carried):
                continue
            if path.endswith("timer_bar"):  # the guess's timer and the takeaway's rule: under the caption band
                if bottom < -half_height or left < -half_width - 0.01 or right > half_width + 0.01:
                    problems.append(f"{where} leaves the frame")
                continue
            if left < -half_width - 0.01 or right > half_width + 0.01 or top > half_height + 0.01:
                problems.append(f"{where} leaves the frame")
            if bottom < caption_top - 0.05:
                problems.append(f"{where} reaches into the caption band")
        texts = [(path, box, glyphs) for path, box, glyphs, _ in things if glyphs]
        for index, (path, a, glyphs_a) in enumerate(texts):
            for other, b, glyphs_b in texts[index + 1 :]:  # boxes first; glyph by glyph if they meet
                if overlap(a, b) and any(overlap(g, h) for g in glyphs_a for h in glyphs_b):
                    problems.append(f"step {step}: texts overlap: {path or 'unnamed'} and {other or 'unnamed'}")
    return problems


def plane_coords(plane, point) -> np.ndarray:
    """The plane coordinates (x, y) of a scene point on a WordPlane: what a drawn dot stands for."""
    return (np.asarray(point)[:2] - plane.origin()[:2]) / plane.unit


def one(shown, name: str) -> Mobject:
    """The single mobject shown under `name`."""
    found = shown.get(name, [])
    assert len(found) == 1, f"{len(found)} mobjects named {name!r}"
    return found[0]


def text_of(mobject) -> str:
    """The string a Text mobject draws (or a group of per-character glyphs, joined; or a text
    wrapped onto lines, one Text a line, joined by spaces)."""
    if hasattr(mobject, "original_text"):
        return mobject.original_text
    if hasattr(mobject, "text"):
        return mobject.text
    return " ".join(text_of(line) for line in mobject.submobjects)


def last_frame(scene_class, lesson, media_dir, format: str = "landscape"):
    """The scene's last frame at 480p as an (480, 854, 4) uint8 array (vertical: (854, 480, 4)),
    without writing video."""
    scene, _ = build_scene(scene_class, lesson, media_dir, format)
    return scene.last_frame


def sample_scene(scene_class, lesson, media_dir, probe, frame_rate: int = 5) -> list:
    """Play `scene_class(lesson)` through, animations included (a dry run: nothing drawn or
    written), calling `probe(scene)` after every frame of every animation; return what it gave,
    in order. For values that move while they animate: a sweep, a travelling dot."""
    samples = []

    class Sampling(scene_class):
        def update_to_time(self, t):
            super().update_to_time(t)
            samples.append(probe(self))

    Sampling.__name__ = scene_class.__name__
    with tempconfig({**dry_run_settings(media_dir), "frame_rate": frame_rate}):
        render_undrawn(Sampling(lesson=lesson))
    return samples
