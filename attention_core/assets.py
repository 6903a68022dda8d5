"""Where the bundled example files and fonts are: the package `attention_clips_assets` when the
project is installed (a wheel, or `pip install -e .`), else assets/ beside the code (a checkout
run without installing)."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.lru_cache(maxsize=1)
def assets_folder() -> Path:
    try:
        from importlib.resources import files

        return Path(str(files("attention_clips_assets")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "assets"
