"""Through faults: an interrupt (Ctrl-C to the process group or SIGINT/SIGTERM to the main
process, once or twice) stops a render within seconds with one line and no traceback, leaving
no process behind; a worker killed mid-clip has its clip rendered again, to the same bytes; a
full disk is one line naming the file, with the earlier files intact."""

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, ctrl_c_reaches_it, render_command, render_py

pytestmark = pytest.mark.process


def start(out: Path, *arguments: str) -> subprocess.Popen:
    """render.py in a process group of its own, with Ctrl-C as a terminal would deliver it."""
    return subprocess.Popen(
        render_command("--out", str(out), *arguments),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=ctrl_c_reaches_it,
    )


def wait_until_rendering(out: Path, timeout: float = 60) -> None:
    """Until a worker is inside a clip: its scratch folder (`.rendering-<clip>`) is there."""
    deadline = time.monotonic() + timeout
    while not any(out.rglob(".rendering-*")):
        assert time.monotonic() < deadline, "no clip started rendering"
        time.sleep(0.1)


def group_left(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize(
    "jobs, to, signals, status",
    [
        ("2", "main", [signal.SIGINT], 130),
        ("2", "group", [signal.SIGINT, signal.SIGINT], 130),
        ("1", "group", [signal.SIGINT], 130),
        ("1", "main", [signal.SIGINT, signal.SIGINT], 130),
        ("2", "main", [signal.SIGTERM], 143),
    ],
)
def test_an_interrupt_stops_within_seconds_with_one_line(tmp_path, jobs, to, signals, status):
    run = start(tmp_path / "out", "GravityScene", "ProjectionScene", "--jobs", jobs)
    wait_until_rendering(tmp_path / "out")
    time.sleep(0.5)  # well inside the clip: manim is drawing
    sent = time.monotonic()
    for number in signals:
        (os.killpg(run.pid, number) if to == "group" else run.send_signal(number))
        time.sleep(0.2)
    assert run.wait(timeout=10) == status
    assert time.monotonic() - sent < 10
    said = run.stdout.read()
    assert "Traceback" not in said and "Warning" not in said, said
    (line,) = [line for line in said.splitlines() if line.startswith("render.py:")]
    assert line.startswith("render.py: interrupted; ") and line.endswith("finished clips are reused.")
    deadline = time.monotonic() + 5  # multiprocessing's resource tracker ends once it sees the run gone
    while group_left(run.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_left(run.pid), left_in(run.pid)  # no worker left running


def left_in(group: int) -> list[str]:
    """The command lines of the processes still in `group`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == group:
                    found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except OSError:
                continue
    return found


def workers_of(pid: int) -> list[int]:
    """The pool's worker processes of `pid` (not multiprocessing's resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            parent = int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))
            if parent == pid and "spawn_main" in command:
                found.append(int(entry.name))
    return found


def differing_frames(first: Path, second: Path) -> str:
    """Where two clips that should be the same bytes differ, for a failure's message."""
    import av
    import numpy as np

    with av.open(str(first)) as one, av.open(str(second)) as other:
        pairs = zip(one.decode(video=0), other.decode(video=0))
        differing = [
            number for number, (a, b) in enumerate(pairs) if not np.array_equal(a.to_ndarray(), b.to_ndarray())
        ]
    if not differing:
        return f"{first.name}: the same pictures, coded differently"
    return f"{first.name}: {len(differing)} frames differ, the first {differing[0]}, the last {differing[-1]}"


def test_a_worker_killed_mid_clip_has_its_clip_rendered_again(tmp_path):
    scenes = ("IntroCard", "HistoryCard")
    run = start(tmp_path / "killed", *scenes, "--jobs", "2")
    wait_until_rendering(tmp_path / "killed")
    time.sleep(0.5)  # well inside the clip: manim is drawing
    os.kill(workers_of(run.pid)[0], signal.SIGKILL)
    assert run.wait(timeout=300) == 0, run.stdout.read()
    clean = render_py("--out", str(tmp_path / "clean"), *scenes, timeout=300)
    assert clean.returncode == 0, clean.stderr
    killed, whole = (
        json.loads((tmp_path / name / "fruit-vs-tech" / "low" / "manifest.json").read_text())
        for name in ("killed", "clean")
    )
    folder = tmp_path / "killed" / "fruit-vs-tech" / "low"
    for again, clean_clip in zip(killed["clips"], whole["clips"]):
        assert again["sha256"] == clean_clip["sha256"], differing_frames(
            folder / again["file"], tmp_path / "clean" / "fruit-vs-tech" / "low" / clean_clip["file"]
        )
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [f"{scene}{suffix}" for scene in scenes for suffix in (".mp4", ".srt")] + ["manifest.json"]
    )


def test_a_full_disk_is_one_line_naming_the_file_and_the_earlier_files_stay(tmp_path):
    """The disk refuses more than a few hundred kB per file (a file-size limit, as a small
    tmpfs would): the clip rendered again cannot be written, and the earlier one stays whole."""
    out = tmp_path / "out"
    first = render_py("--out", str(out), "IntroCard", timeout=300)
    assert first.returncode == 0, first.stderr
    folder = out / "fruit-vs-tech" / "low"
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert len(before["IntroCard.mp4"]) > 300_000  # more than the limit lets a file grow

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # render.py must ignore it itself
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    for jobs in ("1", "2"):
        done = render_py("--out", str(out), "IntroCard", "--force", "--jobs", jobs, timeout=300, preexec_fn=limited)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        (line,) = [line for line in done.stderr.splitlines() if line.startswith("render.py:")]
        assert line.startswith(f"render.py: error: could not write {folder / 'IntroCard.mp4'}: File too large "), line
        assert {path.name: path.read_bytes() for path in folder.iterdir()} == before  # intact, nothing half-written


SWALLOWED = """
import sys, time
from clips.pool import redeliver_swallowed_stops

if sys.argv[1] == "hooked":
    sys.unraisablehook = redeliver_swallowed_stops
class Finaliser:
    def __del__(self):
        raise KeyboardInterrupt  # as a Ctrl-C does when it lands while a finaliser runs
Finaliser()
time.sleep(2)
print("went on")
"""


@pytest.mark.parametrize("hook, stopped", [("hooked", True), ("plain", False)])
def test_a_ctrl_c_that_lands_in_a_finaliser_still_stops_the_run(hook, stopped):
    run = subprocess.run(
        [sys.executable, "-c", SWALLOWED, hook],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=ctrl_c_reaches_it,
    )
    if stopped:
        assert run.stderr.rstrip().endswith("KeyboardInterrupt"), run.stderr
        assert "Exception ignored" not in run.stderr and "went on" not in run.stdout  # stopped in the sleep
    else:  # what Python does alone: the interrupt is printed and dropped, and the program goes on
        assert "Exception ignored" in run.stderr and run.stdout == "went on\n"
