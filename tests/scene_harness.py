"""Build a scene without writing video (manim's dry run, animations skipped) and collect
every named mobject it ever showed, so tests can compare what is drawn with the lesson; keep
its last frame at 480p for the golden-frame tests."""

from __future__ import annotations

import atexit
import gc
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from manim import Mobject, Text, VMobject, tempconfig

# manim keeps typeset text and LaTeX as files named by a hash of what they draw; one folder
# per test process (never shared between processes, which would race) spares every test a
# cold start: each Text and MathTex is made once per process, not once per test.
TEXT_CACHE = Path(tempfile.mkdtemp(prefix="attention-clips-text-"))
atexit.register(shutil.rmtree, TEXT_CACHE, ignore_errors=True)


def dry_run_settings(media_dir) -> dict:
    return {"dry_run": True, "media_dir": str(media_dir), "disable_caching": True, "verbosity": "ERROR",
            "progress_bar": "none", "text_dir": str(TEXT_CACHE / "texts"), "tex_dir": str(TEXT_CACHE / "tex"),
            "pixel_height": 480, "pixel_width": 854}


BUILT: dict = {}  # (scene, lesson, options) -> (scene, shown): tests only read what was built


def build_scene(scene_class, lesson, media_dir, **options):
    """Run `scene_class(lesson, **options)` to its end at 480p; return (scene, {name: [mobjects
    shown]}). A build of the same scene, lesson and options in this test process is reused."""
    key = (scene_class.__name__, json.dumps(lesson.to_dict(), sort_keys=True), repr(sorted(options.items())))
    if key not in BUILT:
        BUILT[key] = record_scene(scene_class, lesson, media_dir, **options)
        gc.freeze()  # kept to the end: the collector need not walk it again and again
    return BUILT[key]


def record_scene(scene_class, lesson, media_dir, **options):
    shown: dict[str, list[Mobject]] = defaultdict(list)

    class Recording(scene_class):
        steps: list  # after each play and wait: what is on screen (see `on_screen`)

        def play(self, *args, **kwargs):
            super().play(*args, **kwargs)
            self.steps.append(on_screen(self))

        def wait(self, *args, **kwargs):
            super().wait(*args, **kwargs)
            self.steps.append(on_screen(self))

        def add(self, *mobjects):
            super().add(*mobjects)
            for mobject in mobjects:
                for part in mobject.get_family():
                    named = part.name and part.name != type(part).__name__
                    if named and not any(part is seen for seen in shown[part.name]):
                        shown[part.name].append(part)
            return self

    Recording.__name__ = scene_class.__name__
    with tempconfig(dry_run_settings(media_dir)):
        scene = Recording(lesson=lesson, skip_animations=True, **options)
        scene.steps = []
        draw = render_undrawn(scene)
        scene.renderer.static_image = None
        draw(scene, ignore_skipping=True)  # the last frame alone, from scratch
        scene.last_frame = scene.renderer.get_frame().copy()
    return scene, shown


def render_undrawn(scene):
    """Run `scene` without drawing: manim draws a frame for every play and wait even in a
    dry run, and the tests need at most the last one. Returns the drawing function."""
    draw = scene.renderer.update_frame
    scene.renderer.update_frame = lambda *args, **kwargs: None
    scene.render()
    scene.renderer.update_frame = draw
    return draw


def box_of(mobject) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of a mobject's own points (a leaf, or a glyph)."""
    points = mobject.points
    low, high = points.min(axis=0), points.max(axis=0)
    return (low[0], high[0], low[1], high[1])


def overlap(a, b, margin: float = 0.03) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > margin and min(a[3], b[3]) - max(a[2], b[2]) > margin


def on_screen(scene) -> list[tuple[str, tuple[float, float, float, float], tuple]]:
    """Every visible thing on screen, named or not: (the names of it and its groups, joined by
    '/', its box (left, right, bottom, top), and for a text the boxes of its glyphs). A text
    counts as one thing; a group is looked into down to what draws."""
    found = []

    def walk(mobject, path):
        name = mobject.name if mobject.name and mobject.name != type(mobject).__name__ else ""
        path = f"{path}/{name}" if name else path
        if isinstance(mobject, Text) or not mobject.submobjects:
            if not isinstance(mobject, VMobject):
                return  # a ValueTracker and the like: nothing drawn
            visible = any(part.has_points() and (
                part.get_fill_opacity() > 0.01 or (part.get_stroke_width() > 0 and part.get_stroke_opacity() > 0.01))
                for part in mobject.get_family())  # a text: any of its glyphs
            if visible:
                if isinstance(mobject, Text):
                    glyphs = tuple(box_of(glyph) for glyph in mobject.submobjects if glyph.has_points())
                    box = (min(g[0] for g in glyphs), max(g[1] for g in glyphs),
                           min(g[2] for g in glyphs), max(g[3] for g in glyphs))
                    found.append((path, box, glyphs))
                else:
                    found.append((path, box_of(mobject), ()))
            return
        for part in mobject.submobjects:
            walk(part, path)

    for mobject in scene.mobjects:
        walk(mobject, "")
    return found


def layout_problems(scene, carried=("grid", "plane", "moving")) -> list[str]:
    """What breaks the layout at any step of `scene`: anything outside the frame or in the
    caption band (but the caption, and grids or planes a map carries, whose names contain one
    of `carried`), and two texts over each other."""
    from scenes.style import CAPTION_TOP

    half_width, half_height = scene.camera.frame_width / 2, scene.camera.frame_height / 2
    problems = []
    for step, things in enumerate(scene.steps):
        for path, (left, right, bottom, top), _ in things:
            if "caption" in path or any(word in path for word in carried):
                continue
            where = f"step {step}: {path or 'an unnamed mobject'}"
            if left < -half_width - 0.01 or right > half_width + 0.01 or top > half_height + 0.01:
                problems.append(f"{where} leaves the frame")
            if bottom < CAPTION_TOP - 0.05:
                problems.append(f"{where} reaches into the caption band")
        texts = [(path, box, glyphs) for path, box, glyphs in things if glyphs]
        for index, (path, a, glyphs_a) in enumerate(texts):
            for other, b, glyphs_b in texts[index + 1:]:  # boxes first; glyph by glyph if they meet
                if overlap(a, b) and any(overlap(g, h) for g in glyphs_a for h in glyphs_b):
                    problems.append(f"step {step}: texts overlap: {path or 'unnamed'} and {other or 'unnamed'}")
    return problems


def one(shown, name: str) -> Mobject:
    """The single mobject shown under `name`."""
    found = shown.get(name, [])
    assert len(found) == 1, f"{len(found)} mobjects named {name!r}"
    return found[0]


def text_of(mobject) -> str:
    """The string a Text mobject draws (or a group of per-character glyphs, joined)."""
    return mobject.original_text if hasattr(mobject, "original_text") else mobject.text


def last_frame(scene_class, lesson, media_dir):
    """The scene's last frame at 480p as an (480, 854, 4) uint8 array, without writing video."""
    scene, _ = build_scene(scene_class, lesson, media_dir)
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
