"""One clip to render: a scene, its lesson, a quality. Runs in any process (config is global)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from attention_core.language import writing_in
from clips.files import DiskFull, atomic_copy, atomic_write_bytes, full_disk, held_alone, refusal, sha256_of
from clips.manifest import SCRATCH
from clips.media import SAMPLE_RATE, place_lines, soundtrack_samples, video_length, write_video
from clips.reuse import clip_key

QUALITIES = {  # render.py's names -> manim's
    "low": "low_quality",  # 854x480, 15 fps
    "medium": "medium_quality",  # 1280x720, 30 fps
    "high": "high_quality",  # 1920x1080, 60 fps
    "production": "production_quality",  # 2560x1440, 60 fps
    "4k": "fourk_quality",  # 3840x2160, 60 fps
}
FRAME_RATES = {"low": 15, "medium": 30, "high": 60, "production": 60, "4k": 60}  # manim's presets (a test compares)
PIXELS = {
    "low": (854, 480),
    "medium": (1280, 720),
    "high": (1920, 1080),
    "production": (2560, 1440),
    "4k": (3840, 2160),
}  # (width, height) of a landscape clip: manim's presets (a test compares)
FORMATS = ("landscape", "vertical")  # 16:9, and 9:16 for shorts: the same pixels, turned
FRAME_SHORT_SIDE = 8.0  # scene units across the frame's short side, in both formats


@dataclass(frozen=True, kw_only=True)  # twelve fields: built by keyword, as nanoGPT builds its config
class ClipJob:
    scene: str  # the clip's scene name: a chapter's of the example's lecture (attention_core.lessons.lecture)
    example: dict  # the example's canonical form (checked again where the job runs)
    quality: str  # a key of QUALITIES
    target: str  # where the finished clip goes
    cache: str  # a folder for what is kept between runs: synthesised voices, manim's typeset text
    narrate: bool = False  # False: a silent clip at its own timing
    recordings: tuple[tuple[str, str], ...] = ()  # (line id, WAV path) of the creator's own voice
    voice_model: str | None = None  # a piper voice's .onnx (config beside it) for the rest; None: the bundled one
    burn_captions: bool = True  # False: a clean picture (the subtitles still have every line)
    format: str = "landscape"  # a name in FORMATS
    transparent: bool = False  # True: no background, an alpha channel (VP9 .webm)
    thumbnail: bool = False  # True: a PNG of the clip's most telling frame beside it

    def example_object(self):
        from attention_core.example_file import example_from_data

        return example_from_data(self.example)

    def voices(self, lesson) -> dict[str, np.ndarray] | None:
        """The samples of each narration line of `lesson`, or None for a silent clip."""
        if not self.narrate:
            return None
        from clips.voice import voice_for

        recorded, voice = dict(self.recordings), self.voice
        return {
            line.id: voice_for(
                line.text,
                Path(recorded[line.id]) if line.id in recorded else None,
                Path(self.cache) / "voice",
                voice,
                self.language,
            ).samples
            for line in lesson.narration
        }

    @property
    def voice(self):
        """The piper voice for the lines not recorded: `voice_model`'s, or the bundled one."""
        from clips.voice import voice_named

        return voice_named(self.voice_model)

    @property
    def language(self) -> str:
        """The lecture's language code (the example's; English when it names none)."""
        return self.example.get("language", "en")


def frame_rate(quality: str) -> int:
    """Frames per second of a render.py quality (manim's preset), known without loading manim."""
    return FRAME_RATES[quality]


def frame_size(quality: str, format: str = "landscape") -> dict:
    """Pixels and scene units of a clip's frame: a vertical one is a landscape one turned, in
    pixels and in scene units (8 units across its short side, either way)."""
    width, height = PIXELS[quality]
    long_side = FRAME_SHORT_SIDE * width / height
    if format == "vertical":
        return {
            "pixel_width": height,
            "pixel_height": width,
            "frame_width": FRAME_SHORT_SIDE,
            "frame_height": long_side,
        }
    return {"pixel_width": width, "pixel_height": height, "frame_width": long_side, "frame_height": FRAME_SHORT_SIDE}


def manim_settings(
    quality: str,
    media_dir: str,
    output_file: str,
    text_cache: Path | None = None,
    format: str = "landscape",
    transparent: bool = False,
) -> dict:
    """The manim config for one render; every key is checked, as tempconfig drops unknown ones.
    `text_cache` keeps manim's typeset text and LaTeX between runs (files named by a hash of
    what they draw, so a kept one is what would be made again)."""
    from manim import config

    from clips.encoding import encoder_options, transparent_settings

    settings = {
        "quality": QUALITIES[quality],  # first: the keys below override its pixel sizes
        **frame_size(quality, format),
        "media_dir": media_dir,
        "output_file": output_file,
        "disable_caching": True,  # a fresh render each time: no stale partial movies
        "progress_bar": "none",
        "verbosity": "ERROR",
        "preview": False,
        "format": "mp4",
        "video_encoder_options": encoder_options(frame_rate(quality)),
    }
    if transparent:
        settings.update(background_opacity=0.0, **transparent_settings())  # manim: transparent = an opacity under 1
    if text_cache is not None:
        settings["text_dir"] = str(text_cache / "texts")
        settings["tex_dir"] = str(text_cache / "tex")
    unknown = sorted(set(settings) - set(config.copy()))
    if unknown:
        raise RuntimeError(f"manim does not know the config keys {unknown}")
    return settings


def typeset_cache(cache: str) -> Path:
    """Where a run keeps its typeset texts (scenes/typeset.py): shared by every clip and process."""
    return Path(cache) / "manim" / "typeset"


def run_job(job: ClipJob, scratch: Path | None = None) -> dict:
    """Render `job`, add its narration, and write the clip at its target; return its manifest
    entry. manim's own files go in a temporary folder under `scratch` (default: the system's)."""
    from scenes import typeset
    from scenes.catalog import scene_class as scene_class_of

    typeset.keep_typeset_in(typeset_cache(job.cache))
    random.seed(0)
    np.random.seed(0)
    example = job.example_object()
    scene_class = scene_class_of(job.scene, example)
    with writing_in(example.language):  # the lesson, and the scene's own labels, in its language
        return rendered_entry(job, scene_class, scene_class.lesson_for(example), scratch)


def rendered_entry(job: ClipJob, scene_class, lesson, scratch: Path | None) -> dict:
    """run_job's work once the lesson is made: the clip rendered, written, and its entry."""
    from manim import tempconfig

    from scenes.manim_internals import bt709_segments, movie_file, segments_of, uncombined

    voices = job.voices(lesson)
    lengths = None if voices is None else {line: len(samples) / SAMPLE_RATE for line, samples in voices.items()}
    with tempfile.TemporaryDirectory(prefix="attention-clips-", dir=scratch) as media_dir:
        text_cache = text_cache_of(job)
        settings = manim_settings(job.quality, media_dir, job.scene, text_cache, job.format, job.transparent)
        # another run's render waits; the clip is joined from manim's partial movies, not its movie
        with held_alone(text_cache), tempconfig(settings), bt709_segments(), uncombined():
            scene = scene_class(lesson=lesson, voice_lengths=lengths, burn_captions=job.burn_captions)
            scene.render()
            segments = segments_of(scene)
        target = Path(job.target)
        subtitles = movie_file(scene).with_suffix(".srt")  # written by manim from the scene's captions
        has_subtitles = subtitles.is_file()
        if has_subtitles:
            atomic_copy(subtitles, target.with_suffix(".srt"))
        soundtrack = None
        if voices is not None:
            _, seconds = video_length(*segments)
            soundtrack = place_lines(soundtrack_samples(seconds), [(start, voices[line]) for line, start in scene.said])
        write_video(target, segments, soundtrack)
    frames, seconds = video_length(target)
    entry = {
        "scene": job.scene,
        "file": target.name,
        "sha256": sha256_of(target),
        "bytes": target.stat().st_size,
        "subtitles": target.with_suffix(".srt").name if has_subtitles else None,
        "seconds": seconds,
        "frames": frames,
        "heading": lesson.arc.heading,
        "narration": [
            {
                "id": line,
                "start": round(start, 6),
                "end": round(end, 6),
                "seconds": None if lengths is None else round(lengths[line], 6),
            }
            for (line, start), end in zip(scene.said, scene.beat_ends)
        ],
        "lesson": lesson.to_dict(),
        "key": clip_key(job, lesson),
        "reused": False,
    }
    if job.thumbnail:
        from clips.pictures import write_thumbnail

        entry["thumbnail"] = write_thumbnail(target, entry)
    return entry


def text_cache_of(job: ClipJob) -> Path:
    """manim's typeset text and LaTeX for `job`, kept between runs: one folder per kind of clip
    (scene, example, format...), so that two processes of one run never write the same file (a
    course may render a scene for two examples, or two formats, at once)."""
    kind = repr((job.scene, job.example, job.quality, job.format, job.transparent, job.burn_captions))
    return Path(job.cache) / "manim" / f"{job.scene}-{hashlib.sha256(kind.encode()).hexdigest()[:12]}"


def scratch_of(job: ClipJob) -> Path:
    """The folder beside the clip's target where it is rendered before it is placed; named by
    the clip, so the main process can clear it after a worker died in it."""
    target = Path(job.target)
    return target.parent / f"{SCRATCH}{target.stem}"


def files_of(entry: dict) -> list[str]:
    """The files a clip's entry names: the clip, its subtitles and thumbnail."""
    return [name for name in (entry["file"], entry.get("subtitles"), entry.get("thumbnail")) if name]


@dataclass(frozen=True)
class Rendered:
    """A clip rendered away from the output folder, to be placed in it by the main process.

    A local worker leaves the files in `scratch`; a cluster worker sends their bytes in
    `contents` with each file's sha256 in `digests`, and the name of the worker in `worker`."""

    target: str  # the job's target: where the clip goes
    entry: dict
    scratch: str | None = None
    contents: dict[str, bytes] | None = None
    digests: dict[str, str] | None = None
    worker: str | None = None


def render_staged(job: ClipJob) -> Rendered:
    """Render `job` in its scratch folder (on the output's disk, so placing it is a rename)."""
    scratch = scratch_of(job)
    shutil.rmtree(scratch, ignore_errors=True)  # what a worker that died in it left
    try:
        scratch.mkdir(parents=True)
        entry = run_job(replace(job, target=str(scratch / Path(job.target).name)), scratch)
    except BaseException as error:
        shutil.rmtree(scratch, ignore_errors=True)
        if full_disk(error):  # say which clip, not which temporary file
            raise DiskFull(job.target, refusal(error)) from None
        raise
    return Rendered(job.target, entry, scratch=str(scratch))


def place(rendered: Rendered, folder: Path) -> dict:
    """Put a rendered clip's files in `folder`, each whole, and return its entry. Bytes from a
    cluster are checked against their sha256 first."""
    names = files_of(rendered.entry)
    if rendered.contents is not None:
        for name in names:
            if hashlib.sha256(rendered.contents[name]).hexdigest() != rendered.digests[name]:
                raise OSError(f"{name} arrived damaged from {rendered.worker}: its sha256 differs")
        for name in names:
            atomic_write_bytes(rendered.contents[name], folder / name)
        return rendered.entry
    scratch = Path(rendered.scratch)
    for name in names[1:] + names[:1]:  # the clip last: once it is there, its side files are too
        os.replace(scratch / name, folder / name)
    shutil.rmtree(scratch, ignore_errors=True)
    return rendered.entry
