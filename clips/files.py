"""Writing files so that they appear only complete: a temporary name, then a rename."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from attention_core._files import sha256_of  # noqa: F401  (clips import it from here)


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
