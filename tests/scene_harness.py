"""Build a scene without writing video (manim's dry run, animations skipped) and collect
every named mobject it ever showed, so tests can compare what is drawn with the lesson; keep
its last frame at 480p for the golden-frame tests."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from manim import Mobject, tempconfig

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
    return BUILT[key]


def record_scene(scene_class, lesson, media_dir, **options):
    shown: dict[str, list[Mobject]] = defaultdict(list)

    class Recording(scene_class):
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
        draw = scene.renderer.update_frame
        # manim draws a frame for every play and wait even when it skips them; a dry run
        # needs only its last frame, drawn below from scratch
        scene.renderer.update_frame = lambda *args, **kwargs: None
        scene.render()
        scene.renderer.update_frame = draw
        scene.renderer.static_image = None
        draw(scene, ignore_skipping=True)
        scene.last_frame = scene.renderer.get_frame().copy()
    return scene, shown


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
