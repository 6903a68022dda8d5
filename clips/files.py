"""Writing files so that they appear only complete: a temporary name, then a rename.

Every file the project writes in place goes through `replaced_whole`. A write the disk refuses
(full, over a quota, or past a file-size limit) is a `DiskFull` naming the file, and the file
that was there before is left as it was.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from attention_core._files import sha256_of  # noqa: F401  (clips import it from here)

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # the disk is full, a quota or a file-size limit is reached


class DiskFull(Exception):
    """A write was refused for want of space: `path` is the file being written."""

    def __init__(self, path: str, reason: str = "no space left on device"):
        super().__init__(path, reason)
        self.path, self.reason = path, reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def full_disk(error: BaseException) -> bool:
    """Whether `error`, or an error it was raised from (manim wraps its encoder's), is a write
    the disk refused for want of space."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DiskFull) or (isinstance(error, OSError) and error.errno in FULL):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def refusal(error: BaseException) -> str:
    """The reason a write was refused, as the system words it ("No space left on device")."""
    while error is not None:
        if isinstance(error, DiskFull):
            return error.reason
        if isinstance(error, OSError) and error.errno in FULL:
            return error.strerror or "no space left on device"
        error = error.__cause__ or error.__context__
    return "no space left on device"


@contextmanager
def replaced_whole(target: Path) -> Iterator[Path]:
    """Yield a partial file's path to write; on success it replaces `target` whole. On any
    failure the partial file goes and `target` keeps what it had."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        os.replace(partial, target)
    except OSError as error:
        if full_disk(error):
            raise DiskFull(str(target), refusal(error)) from None
        raise
    finally:
        partial.unlink(missing_ok=True)


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
