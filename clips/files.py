"""Writing files so that they appear only complete: a temporary name, then a rename.

Every file the project writes in place goes through `replaced_whole` (attention_core/_files.py,
so that the scenes' cache can use it too). A write the disk refuses
(full, over a quota, or past a file-size limit) is a `DiskFull` naming the file, and the file
that was there before is left as it was.
"""

from __future__ import annotations

import fcntl
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from attention_core._files import (  # noqa: F401  (clips import them from here)
    FULL,
    DiskFull,
    full_disk,
    refusal,
    replaced_whole,
    sha256_of,
)


def atomic_copy(source: Path, target: Path) -> None:
    """Copy `source` to `target`; `target` is replaced only once the copy is whole."""
    with replaced_whole(target) as partial:
        shutil.copyfile(source, partial)


def atomic_write_bytes(data: bytes, target: Path) -> None:
    with replaced_whole(target) as partial:
        partial.write_bytes(data)


def atomic_write_text(text: str, target: Path) -> None:
    """Write `text` (UTF-8) to `target`, which is replaced only once the text is whole."""
    atomic_write_bytes(text.encode("utf-8"), target)


def atomic_write_json(data, target: Path) -> None:
    atomic_write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", target)


LOCK = ".lock"  # in a folder that `held_alone` holds
IN_USE = ".in-use"  # there while a holder works in the folder; left behind, it says the holder died inside


@contextmanager
def held_alone(folder: Path) -> Iterator[Path]:
    """`folder` used by this process alone until the block ends: another process that asks
    for it waits. For manim's text and LaTeX cache, whose files manim writes in place (not
    whole), so that two render.py runs sharing one --cache never read each other's
    half-written files. The lock is the kernel's (flock): it goes with the process, however
    the process ends, so a killed render leaves nothing held.

    A holder killed mid-write leaves a half-written file that manim would take as made (it
    only asks whether the file is there). So the holder marks the folder while it works and
    unmarks it only when its block ends without an error; the next holder that finds the
    mark empties the folder first, and the texts are made again."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            marker = folder / IN_USE
            if marker.exists():
                emptied(folder, keep={LOCK, IN_USE})
            marker.touch()
            yield folder
            marker.unlink()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def emptied(folder: Path, keep: set[str]) -> None:
    """Remove everything in `folder` but the names in `keep`."""
    for entry in folder.iterdir():
        if entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
