"""Files for the core, the scenes and the clips: a file's sha256, and writing a file so that it
appears only whole (a temporary name, then a rename), with a full disk reported by name."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def sha256_of(path: Path) -> str:
    """sha256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")  # two processes may write one file
    try:
        yield partial
        os.replace(partial, target)
    except OSError as error:
        if full_disk(error):
            raise DiskFull(str(target), refusal(error)) from None
        raise
    finally:
        partial.unlink(missing_ok=True)
