"""Writing files so that they appear only complete: a temporary name, then a rename."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path


def atomic_copy(source: Path, target: Path) -> None:
    """Copy `source` to `target`; `target` is replaced only once the copy is whole."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)  # after a failure: no half-written file left behind


def atomic_write_text(text: str, target: Path) -> None:
    """Write `text` (UTF-8) to `target`, which is replaced only once the text is whole."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def atomic_write_json(data, target: Path) -> None:
    atomic_write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", target)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
