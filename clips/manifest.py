"""manifest.json: the ledger of an output folder.

It lists every clip on disk in its folder, merged across runs, each with what it was made with
(the example's hash and the run's settings), and the joined lecture if there is one. A clip file
the manifest does not list (one moved into place just before a run was stopped) is removed, with
its subtitles and thumbnail: the folder never holds a clip the manifest has forgotten.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from clips.files import atomic_write_json

MANIFEST = "manifest.json"
SHEET = "contact-sheet.png"  # clips/pictures.py's SHEET_NAME (a test compares)
SCRATCH = ".rendering-"  # the prefix of a clip's scratch folder inside the output folder (clips/job.py)
CLIP_SUFFIXES = (".mp4", ".webm")
SIDE_FILES = (".srt", ".png")  # a clip's subtitles and thumbnail, named after it


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@dataclass(frozen=True)
class RunRecord:
    """What a run writes at the top of its folder's manifest, and stamps on what it makes."""

    example: dict  # the example's name, sha256, the defaults it used, advice, and its model
    quality: str  # a key of clips.job.QUALITIES
    settings: dict = field(default_factory=dict)  # captions, format, transparency and narration


def write_manifest(
    folder: Path,
    run: RunRecord,
    entries: list[dict],
    order: list[str],
    lecture: dict | None = None,
    contact_sheet: str | None = None,
) -> dict:
    """Write the manifest with `entries` (clips rendered or reused by this run) and every
    earlier clip still on disk.

    `run` describes this run; an entry without its own `made_with` is stamped with its example
    and settings. A clip rendered now replaces its old entry. Clips are listed in `order`
    (teaching order). `lecture` is the lecture joined now (else the earlier one stays, if on
    disk); `contact_sheet` names this run's contact sheet.
    """
    example, quality, settings = run.example, run.quality, run.settings
    made_with = {"example_sha256": example.get("sha256"), "settings": settings}
    clips = {entry["scene"]: {**entry, "made_with": entry.get("made_with", made_with)} for entry in entries}
    previous = read_manifest(folder) or {}
    before = {"example_sha256": previous.get("example", {}).get("sha256"), "settings": previous.get("settings", {})}
    for entry in previous.get("clips", []):
        if entry.get("scene") not in clips and (folder / str(entry.get("file", ""))).is_file():
            clips[entry["scene"]] = {**entry, "made_with": entry.get("made_with", before)}
    if lecture is None and previous.get("lecture") and (folder / str(previous["lecture"].get("file", ""))).is_file():
        lecture = {**previous["lecture"], "made_with": previous["lecture"].get("made_with", before)}
    elif lecture is not None:
        lecture = {**lecture, "made_with": lecture.get("made_with", made_with)}
    rank = {name: index for index, name in enumerate(order)}
    manifest = {
        "example": example,
        "quality": quality,
        "settings": settings,
        "clips": sorted(clips.values(), key=lambda entry: rank.get(entry["scene"], len(rank))),
    }
    if lecture is not None:
        manifest["lecture"] = lecture
    if contact_sheet is not None:
        manifest["contact_sheet"] = contact_sheet
    atomic_write_json(manifest, folder / MANIFEST)
    remove_unlisted(folder, manifest, order)
    return manifest


def clip_pattern(order: list[str]) -> re.Pattern:
    """The file names a clip of `order` can have: <Scene>.mp4, or 07-<Scene>.mp4 in a lecture."""
    scenes = "|".join(re.escape(name) for name in order)
    suffixes = "|".join(re.escape(suffix) for suffix in CLIP_SUFFIXES)
    return re.compile(rf"(?:\d\d-)?(?:{scenes})(?:{suffixes})")


def remove_unlisted(folder: Path, manifest: dict, order: list[str]) -> None:
    """Remove what the manifest does not name: a clip file (with its side files), the thumbnail
    of a clip rendered again without --thumbnail, and an earlier run's contact sheet."""
    listed = {entry["file"] for entry in manifest["clips"]}
    pattern = clip_pattern(order)
    for path in folder.iterdir():
        if path.is_file() and path.name not in listed and pattern.fullmatch(path.name):
            for unlisted in (path, *(path.with_suffix(suffix) for suffix in SIDE_FILES)):
                unlisted.unlink(missing_ok=True)
    for entry in manifest["clips"]:
        thumbnail = folder / f"{Path(entry['file']).stem}.png"
        if not entry.get("thumbnail") and thumbnail.is_file():
            thumbnail.unlink()
    if "contact_sheet" not in manifest:
        (folder / SHEET).unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> None:
    """Before a run: the scratch folders and partial files a stopped or killed run left."""
    for path in folder.glob(f"{SCRATCH}*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in folder.glob(".*.partial"):
        path.unlink(missing_ok=True)
