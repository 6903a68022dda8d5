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


@contextmanager
def held_alone(folder: Path) -> Iterator[Path]:
    """`folder` used by this process alone until the block ends: another process that asks
    for it waits. For manim's text and LaTeX cache, whose files manim writes in place (not
    whole), so that two render.py runs sharing one --cache never read each other's
    half-written files. The lock is the kernel's (flock): it goes with the process, however
    the process ends, so a killed render leaves nothing held."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
