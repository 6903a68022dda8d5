"""What many test files need, written once: where the project is, and render.py run as a user
runs it (its own process, from the project's folder, its output captured as text)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDER_TIMEOUT = 600  # seconds: the longest render a test makes (a narrated lecture part) takes a few minutes

# One cache of synthesised lines and typeset text for the whole test run, made by conftest (its
# folder in this variable, which the test processes inherit): render.py keys every entry by a
# hash of what made it, and documents that one cache serves several output folders, so a render
# of one test is not slowed by typesetting and voicing again what another test already did. A
# test about the cache itself gives its own --cache.
SHARED_CACHE_VARIABLE = "ATTENTION_CLIPS_TEST_CACHE"


def shared_cache() -> Path:
    return Path(os.environ[SHARED_CACHE_VARIABLE])


def render_command(*arguments: str, out: Path | None = None, own_cache: bool = False) -> list[str]:
    """The command line of `python render.py ARGUMENTS` (with `--out OUT` first, if given), to
    start it as a process of one's own (a test that signals it, or watches it run). Unless the
    arguments give a cache (or `own_cache`: render.py's default, OUT/.cache), the run's shared one."""
    given_cache = own_cache or any(argument == "--cache" or argument.startswith("--cache=") for argument in arguments)
    cache = [] if given_cache else ["--cache", str(shared_cache())]
    return [
        sys.executable,
        str(ROOT / "render.py"),
        *(["--out", str(out)] if out is not None else []),
        *cache,
        *arguments,
    ]


def render_py(
    *arguments: str, out: Path | None = None, timeout: float = RENDER_TIMEOUT, own_cache: bool = False, **options
) -> subprocess.CompletedProcess:
    """`python render.py ARGUMENTS` (with `--out OUT` first, if given); it may fail: check
    returncode and stderr. `options` go to subprocess.run (say, a preexec_fn)."""
    return subprocess.run(
        render_command(*arguments, out=out, own_cache=own_cache),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        **options,
    )
