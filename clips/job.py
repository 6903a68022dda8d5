"""One clip to render: a scene, its lesson, a quality. Runs in any process (config is global)."""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clips.files import atomic_copy, sha256_of

QUALITIES = {  # render.py's names -> manim's
    "low": "low_quality",  # 854x480, 15 fps
    "medium": "medium_quality",  # 1280x720, 30 fps
    "high": "high_quality",  # 1920x1080, 60 fps
    "production": "production_quality",  # 2560x1440, 60 fps
    "4k": "fourk_quality",  # 3840x2160, 60 fps
}


@dataclass(frozen=True)
class ClipJob:
    scene: str  # a name in scenes.catalog.SCENES
    example: dict  # the example's canonical form (checked again where the job runs)
    quality: str  # a key of QUALITIES
    target: str  # where the finished clip goes


def manim_settings(quality: str, media_dir: str, output_file: str) -> dict:
    """The manim config for one render; every key is checked, as tempconfig drops unknown ones."""
    from manim import config

    settings = {
        "quality": QUALITIES[quality],
        "media_dir": media_dir,
        "output_file": output_file,
        "disable_caching": True,  # a fresh render each time: no stale partial movies
        "progress_bar": "none",
        "verbosity": "ERROR",
        "preview": False,
        "format": "mp4",
    }
    unknown = sorted(set(settings) - set(config.copy()))
    if unknown:
        raise RuntimeError(f"manim does not know the config keys {unknown}")
    return settings


def run_job(job: ClipJob) -> dict:
    """Render `job` and copy the clip into place; return its manifest entry."""
    from manim import tempconfig

    from attention_core.example_file import example_from_data
    from scenes.catalog import SCENES

    random.seed(0)
    np.random.seed(0)
    example = example_from_data(job.example)
    scene_class = SCENES[job.scene]
    lesson = scene_class.lesson_for(example)
    with tempfile.TemporaryDirectory(prefix="attention-clips-") as media_dir:
        with tempconfig(manim_settings(job.quality, media_dir, job.scene)):
            scene = scene_class(lesson=lesson)
            scene.render()
            movie = Path(scene.renderer.file_writer.movie_file_path)
        target = Path(job.target)
        subtitles = movie.with_suffix(".srt")  # written by manim from the scene's captions
        has_subtitles = subtitles.is_file()
        if has_subtitles:
            atomic_copy(subtitles, target.with_suffix(".srt"))
        atomic_copy(movie, target)
    frames, seconds = video_length(target)
    return {
        "scene": job.scene,
        "file": target.name,
        "sha256": sha256_of(target),
        "subtitles": target.with_suffix(".srt").name if has_subtitles else None,
        "seconds": seconds,
        "frames": frames,
        "lesson": lesson.to_dict(),
    }


def video_length(path: Path) -> tuple[int, float]:
    """(frames, seconds) of a video file, counted from its packets with PyAV."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.demux(stream) if _.size)
        rate = stream.average_rate
    return frames, round(frames / float(rate), 3)
