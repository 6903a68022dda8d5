"""Build a scene without writing video (manim's dry run, animations skipped) and collect
every named mobject it ever showed, so tests can compare what is drawn with the lesson."""

from __future__ import annotations

from collections import defaultdict

from manim import Mobject, tempconfig


def build_scene(scene_class, lesson, media_dir, **options):
    """Run `scene_class(lesson, **options)` to its end; return (scene, {name: [mobjects shown]})."""
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
    settings = {"dry_run": True, "media_dir": str(media_dir), "disable_caching": True,
                "verbosity": "ERROR", "progress_bar": "none"}
    with tempconfig(settings):
        scene = Recording(lesson=lesson, skip_animations=True, **options)
        scene.render()
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
    settings = {"dry_run": True, "media_dir": str(media_dir), "disable_caching": True,
                "verbosity": "ERROR", "progress_bar": "none", "pixel_height": 480, "pixel_width": 854}
    with tempconfig(settings):
        scene = scene_class(lesson=lesson, skip_animations=True)
        scene.render()
        scene.renderer.update_frame(scene, ignore_skipping=True)
        return scene.renderer.get_frame().copy()
