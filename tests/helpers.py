"""What many test files need, written once: where the project is, and render.py run as a user
runs it (its own process, from the project's folder, its output captured as text)."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDER_TIMEOUT = 600  # seconds: the longest render a test makes (a narrated lecture part) takes a few minutes

# One folder for the whole test run, made by conftest (its path in this variable, which the test
# processes inherit): the scene harness keeps its typeset prototypes there (scene_harness.py).
# Renders keep their own caches (render.py's default, OUT/.cache): manim writes its text and
# LaTeX files in place, not whole, so two renders running at once must not share a cache.
SHARED_CACHE_VARIABLE = "ATTENTION_CLIPS_TEST_CACHE"


def shared_cache() -> Path:
    return Path(os.environ[SHARED_CACHE_VARIABLE])


def render_command(*arguments: str, out: Path | None = None) -> list[str]:
    """The command line of `python render.py ARGUMENTS` (with `--out OUT` first, if given), to
    start it as a process of one's own (a test that signals it, or watches it run)."""
    return [sys.executable, str(ROOT / "render.py"), *(["--out", str(out)] if out is not None else []), *arguments]


def render_py(
    *arguments: str, out: Path | None = None, timeout: float = RENDER_TIMEOUT, **options
) -> subprocess.CompletedProcess:
    """`python render.py ARGUMENTS` (with `--out OUT` first, if given); it may fail: check
    returncode and stderr. `options` go to subprocess.run (say, a preexec_fn)."""
    return subprocess.run(
        render_command(*arguments, out=out), cwd=ROOT, capture_output=True, text=True, timeout=timeout, **options
    )


def ctrl_c_reaches_it() -> None:
    """A child's preexec_fn: SIGINT as a terminal delivers it. A job started in the background
    of a non-interactive shell (a CI runner may start the tests so) inherits SIGINT ignored, and
    Python then keeps it ignored: a test that stops a child with Ctrl-C would wait forever."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def render_in_process(*arguments: str, out: Path | None = None) -> subprocess.CompletedProcess:
    """render.py's `main(ARGUMENTS)` (with `--out OUT` first, if given) run in this process: its
    exit status and what it printed, as `render_py` gives them, without a process's start (two
    seconds of importing manim). For the tests of what render.py refuses (a bad file, option or
    voice: one line, exit status 2, nothing written), where the command line's parsing, checks
    and message are what is tested; what it does as a process of its own (signals, Ctrl-C,
    workers, a real render) is tested with `render_py`. A traceback is raised here, and fails
    the test as it would fail the process."""
    import render

    argv = [*(["--out", str(out)] if out is not None else []), *arguments]
    kept = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGXFSZ)}
    hook, warnings = sys.unraisablehook, list(sys.warnoptions)
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), contextlib.chdir(ROOT):
            try:
                status = render.main(argv)
            except SystemExit as exit:  # argparse's own refusals
                status = exit.code if isinstance(exit.code, int) else 1
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)
        sys.unraisablehook, sys.warnoptions[:] = hook, warnings
    return subprocess.CompletedProcess(argv, status, stdout.getvalue(), stderr.getvalue())
