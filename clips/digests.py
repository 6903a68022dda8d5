"""A file's sha256, remembered by what the file system says of it, as git's index does: a
re-run checks each clip it reuses (and the joined lecture) against its manifest without
reading hundreds of megabytes again. Written by hand: hashlib has no such memo, and the
standard library's others (functools) last one process, where this must outlast the run.

A file is known by its device and inode, which a rename keeps (a clip is rendered beside its
place, then renamed into it), and its digest is trusted only while its size and modification
time (in nanoseconds) are the ones it was hashed at; any write changes them. One small file per
hashed file, written whole, so processes never write the same memo at once; a memo that cannot
be read or written costs a reading of the file, never a wrong digest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from clips.files import replaced_whole, sha256_of

MEMO_FOLDER = "digests"  # under the run's cache folder


def _memo_path(cache: str | Path, status: os.stat_result) -> Path:
    return Path(cache) / MEMO_FOLDER / f"{status.st_dev}-{status.st_ino}.json"


def _signature(status: os.stat_result) -> list[int]:
    return [status.st_size, status.st_mtime_ns]


def remembered_sha256(path: Path, cache: str | Path) -> str:
    """sha256 of `path`'s bytes: remembered under `cache` if the file is unchanged since it
    was last hashed, else read and hashed (and remembered)."""
    status = path.stat()
    memo = _memo_path(cache, status)
    try:
        kept = json.loads(memo.read_text(encoding="utf-8"))
        if kept["signature"] == _signature(status):
            return kept["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not hashed yet, or a memo a killed run left unreadable: hash it
    digest = sha256_of(path)
    remember_sha256(path, digest, cache, status)
    return digest


def remember_sha256(path: Path, digest: str, cache: str | Path, status: os.stat_result | None = None) -> None:
    """Keep `digest` as `path`'s, for as long as the file stays as it is now."""
    status = status if status is not None else path.stat()
    memo = _memo_path(cache, status)
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        with replaced_whole(memo) as partial:
            partial.write_text(json.dumps({"signature": _signature(status), "sha256": digest}), encoding="utf-8")
    except OSError:
        pass  # a read-only or full cache: the next run reads the file again, nothing worse
