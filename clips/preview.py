"""The preview: the picture at the end of every narrated line's beat, of every clip of a run,
as one contact sheet (preview.png), drawn without rendering or encoding any video.

Each clip's scene is played as a dry run with its animations skipped: every `play` jumps to
its last state, and at the end of each line's beat (where the contact sheet takes its key
frame) the frame is drawn once. That picture does not depend on how long anything lasts, so
no voice is synthesised: a beat's end state is the same at the voice's pace as at the
caption's reading pace. tests/test_preview.py compares it with the rendered clip's frame.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from attention_core.language import writing_in
from clips.files import held_alone
from clips.job import ClipJob, manim_settings, text_cache_of, typeset_cache

PREVIEW_NAME = "preview.png"


def preview_frames(job: ClipJob) -> list[Image.Image]:
    """The picture at the end of each narrated line's beat of `job`'s clip, in order."""
    from scenes import style
    from scenes.catalog import scene_class as scene_class_of

    style.TYPESET_CACHE = typeset_cache(job.cache)
    random.seed(0)
    np.random.seed(0)
    example = job.example_object()
    scene_class = scene_class_of(job.scene, example)
    with writing_in(example.language):  # the lesson, and the scene's own labels, in its language
        return frames_of(scene_class, scene_class.lesson_for(example), job)


def frames_of(scene_class, lesson, job: ClipJob) -> list[Image.Image]:
    """preview_frames' work once the lesson is made."""
    from manim import tempconfig

    from scenes.manim_internals import drawn_now, hold_drawing

    frames: list[Image.Image] = []

    class Previewing(scene_class):
        def end_beat(self):
            ended = len(self.beat_ends)
            super().end_beat()
            if len(self.beat_ends) > ended:  # a beat ended just now: its picture is complete
                frames.append(Image.fromarray(drawn_now(self, draw)).convert("RGB"))

    Previewing.__name__ = scene_class.__name__
    text_cache = text_cache_of(job)
    with tempfile.TemporaryDirectory(prefix="attention-preview-") as media_dir:
        settings = {  # the renders' own text cache: a warm one is shared
            **manim_settings(job.quality, media_dir, job.scene, text_cache, job.format, job.transparent),
            "dry_run": True,
        }
        with held_alone(text_cache), tempconfig(settings):
            scene = Previewing(lesson=lesson, burn_captions=job.burn_captions, skip_animations=True)
            draw = hold_drawing(scene)  # drawn only where a beat ends
            scene.render()
    return frames


def preview_row(job: ClipJob) -> tuple[str, list[Image.Image]]:
    """A row of the preview sheet: the clip's file name and its key pictures, already at the
    sheet's size (so that a worker process hands back little)."""
    from clips.pictures import sheet_sized

    return Path(job.target).name, [sheet_sized(frame) for frame in preview_frames(job)]


def write_preview(folder: Path, rows: list[tuple[str, list[Image.Image]]]) -> Path:
    """preview.png in `folder`: the rows as a contact sheet. Returns its path."""
    from clips.pictures import save_png, sheet_of

    folder.mkdir(parents=True, exist_ok=True)
    save_png(sheet_of(rows), folder / PREVIEW_NAME)
    return folder / PREVIEW_NAME
