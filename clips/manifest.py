"""manifest.json: which example, which quality, and for each clip its file, hash, length, lesson."""

from __future__ import annotations

import json
from pathlib import Path

from clips.files import atomic_write_json

MANIFEST = "manifest.json"


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(folder: Path, example: dict, quality: str, entries: list[dict], order: list[str],
                   settings: dict | None = None, lecture: dict | None = None,
                   contact_sheet: str | None = None) -> dict:
    """Write the manifest for `entries`, keeping earlier clips of the same example, quality and
    settings (narration, captions).

    A clip rendered now replaces its old entry; clips of another example version are dropped.
    Clips are listed in `order` (teaching order). `lecture` describes the joined lecture;
    `contact_sheet` names the run's contact sheet.
    """
    settings = settings or {}
    clips = {entry["scene"]: entry for entry in entries}
    previous = read_manifest(folder)
    if (previous and previous.get("example") == example and previous.get("quality") == quality
            and previous.get("settings", {}) == settings):
        for entry in previous.get("clips", []):
            if entry.get("scene") not in clips and (folder / str(entry.get("file", ""))).is_file():
                clips[entry["scene"]] = entry
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
    remove_stale_pictures(folder, manifest)
    return manifest


SHEET = "contact-sheet.png"  # clips/pictures.py's SHEET_NAME (a test compares)


def remove_stale_pictures(folder: Path, manifest: dict) -> None:
    """A picture the manifest no longer names goes: the thumbnail of a clip rendered again
    without --thumbnail, and a contact sheet of an earlier run (a --thumbnail run names its own)."""
    for entry in manifest["clips"]:
        thumbnail = folder / f"{Path(entry['file']).stem}.png"
        if not entry.get("thumbnail") and thumbnail.is_file():
            thumbnail.unlink()
    if "contact_sheet" not in manifest:
        (folder / SHEET).unlink(missing_ok=True)
