"""The preview: the picture at the end of every narrated line's beat, of every clip of a run,
as one contact sheet (preview.png), drawn without rendering or encoding any video.

Each clip's scene is played as a dry run with its animations skipped: every `play` jumps to
its last state, and at the end of each line's beat (where the contact sheet takes its key
frame) the frame is drawn once. That picture does not depend on how long anything lasts, so
no voice is synthesised: a beat's end state is the same at the voice's pace as at the
caption's reading pace. tests/test_preview.py compares it with the rendered clip's frame.
"""

from __future__ import annotations

import dataclasses
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from attention_core.language import writing_in
from clips.files import held_alone
from clips.job import ClipJob, manim_settings, text_cache_of, typeset_cache
from clips.request import Request, UsageError

PREVIEW_NAME = "preview.png"


def preview_frames(job: ClipJob) -> list[Image.Image]:
    """The picture at the end of each narrated line's beat of `job`'s clip, in order."""
    from scenes import typeset
    from scenes.catalog import scene_class as scene_class_of

    typeset.keep_typeset_in(typeset_cache(job.cache))
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


# -- render.py's --preview and --watch ---------------------------------------------------------


def preview(request: Request) -> Path:
    """Plan as a render would (checking everything), then draw the picture at the end of each
    line's beat of every planned clip into preview.png; no clip or manifest is written."""
    from clips.plan import languages_asked, plan
    from clips.run import progress_bar, run_jobs, tell_advice

    codes = languages_asked(request)
    if len(codes) > 1:
        raise UsageError("--preview draws one lecture: give --language one code")
    job_plan = plan(request, codes[0])
    tell_advice(job_plan.run.example["advice"], request.example or job_plan.run.example["name"])
    with progress_bar() as progress:  # rows come back as they finish: put back in the plan's order
        rows = dict(run_jobs(job_plan.jobs, request.jobs, progress, preview_row, "previewing"))
    return write_preview(
        job_plan.folder, [(name, rows[name]) for name in (Path(job.target).name for job in job_plan.jobs)]
    )


WATCH_SETTLE = 0.3  # seconds after a save before the preview is drawn: an editor may write in several steps


def watch(request: Request) -> int:
    """Draw the preview, then again each time the example file is saved; the example's
    problems are printed, not fatal, so the next save can mend them. Ctrl-C ends it."""
    import threading
    import time

    from watchdog.events import (
        EVENT_TYPE_CLOSED,
        EVENT_TYPE_CREATED,
        EVENT_TYPE_MODIFIED,
        EVENT_TYPE_MOVED,
        FileSystemEventHandler,
    )
    from watchdog.observers import Observer

    from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, find_example

    try:
        path = find_example(request.example or DEFAULT_EXAMPLE).resolve()
    except ExampleError as error:
        raise UsageError(f"{request.example}: {error}") from None
    request = dataclasses.replace(request, example=str(path))
    saved = threading.Event()

    # written in place, or written aside and renamed over it; not opened or read (the preview
    # reads the file: reacting to that would draw it again and again)
    writes = {EVENT_TYPE_MODIFIED, EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_MOVED}

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type in writes and str(path) in (event.src_path, getattr(event, "dest_path", "")):
                saved.set()

    observer = Observer()
    observer.schedule(Saved(), str(path.parent))
    observer.start()
    try:
        while True:
            try:
                report_preview(preview(request))
            except UsageError as error:
                print(f"render.py: error: {error}", file=sys.stderr)
            print(f"watching {path}: save it to draw the preview again (Ctrl-C stops)", flush=True)
            saved.wait()
            time.sleep(WATCH_SETTLE)
            saved.clear()
    except KeyboardInterrupt:
        print("stopped watching")
        return 0
    finally:
        observer.stop()
        observer.join()


def report_preview(path: Path) -> int:
    print(f"{path}: the picture at the end of every narrated line")
    return 0
