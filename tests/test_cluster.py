"""A course on a real Dask cluster on this machine: a scheduler and two worker processes on
127.0.0.1, started with Dask's own CLI by the tests and stopped by them. The course's output
is the same bytes as a local run's; a worker killed mid-clip, a worker with another version and
a scheduler lost mid-run each end as a user would expect."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, render_command, render_py

sys.path.insert(0, str(ROOT / "tools"))
from local_cluster import LocalCluster  # noqa: E402

pytestmark = pytest.mark.cluster

SCENES = ("IntroCard", "HistoryCard")  # two quick chapters per lecture
COURSE = f"""title = "Two examples"
examples = ["fruit-vs-tech", "bank-river-vs-money"]
scenes = {json.dumps(list(SCENES))}
"""


def write_course(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "two-examples.toml").write_text(COURSE)
    return folder / "two-examples.toml"


def render(course: Path, out: Path, *arguments: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return render_py("--course", str(course), "--out", str(out), *arguments, timeout=timeout)


def every_file(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def course_files(out: Path) -> dict[str, bytes]:
    return every_file(out / "two-examples")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return write_course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def local_run(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    done = render(course, out, "--jobs", "2")
    assert done.returncode == 0, done.stderr
    return course_files(out)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = LocalCluster(tmp_path_factory.mktemp("cluster"))
    yield running
    running.stop()


def test_a_course_on_the_cluster_is_the_same_bytes_as_a_local_run(course, local_run, cluster, tmp_path):
    done = render(course, tmp_path, "--cluster", cluster.address)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    files = course_files(tmp_path)
    assert sorted(files) == sorted(local_run)
    assert [name for name in files if files[name] != local_run[name]] == []
    record = json.loads(files["course.json"])
    assert [lecture["example"] for lecture in record["lectures"]] == ["fruit-vs-tech", "bank-river-vs-money"]


def rendering_worker(cluster: LocalCluster, deadline: float) -> tuple[str, int]:
    """The address and process id of a worker rendering a clip now."""
    with cluster.client() as client:
        while time.monotonic() < deadline:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                return busy[0], client.run(os.getpid, workers=[busy[0]])[busy[0]]
            time.sleep(0.1)
    raise AssertionError("no worker started a clip")


def test_a_worker_killed_mid_clip_has_its_clip_rendered_again(course, local_run, cluster, tmp_path):
    run = subprocess.Popen(
        render_command("--course", str(course), "--out", str(tmp_path), "--cluster", cluster.address),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    worker, pid = rendering_worker(cluster, time.monotonic() + 60)
    time.sleep(1)  # inside its clip
    os.kill(pid, signal.SIGKILL)
    _, said = run.communicate(timeout=300)
    assert run.returncode == 0, said
    files = course_files(tmp_path)
    assert [name for name in local_run if files.get(name) != local_run[name]] == []
    assert not [name for name in files if name.endswith(".partial") or "/.rendering-" in name]
    cluster.wait_for(2)  # the nanny started a new worker process: later tests have two again


def test_a_worker_with_another_version_is_refused_before_it_renders(course, tmp_path):
    other = LocalCluster(tmp_path / "other", workers=1, preload=ROOT / "tests" / "fixtures" / "other_manim_worker.py")
    try:
        done = render(course, tmp_path / "out", "--cluster", other.address)
    finally:
        other.stop()
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("render.py:")]
    assert len(lines) == 2 and "Traceback" not in done.stderr, done.stderr
    installed = __import__("importlib.metadata").metadata.version("manim")
    assert "refused" in lines[0] and f"manim 0.18.0 there, {installed} here" in lines[0]
    assert lines[1].startswith("render.py: error: no worker at ")
    assert not (tmp_path / "out").exists()  # nothing written


def listed_clips(out: Path) -> dict[str, dict]:
    """Every clip the course's manifests list, by its path under the course's folder."""
    course = out / "two-examples"
    return {
        str((manifest.parent / clip["file"]).relative_to(course)): clip
        for manifest in sorted(course.rglob("manifest.json"))
        for clip in json.loads(manifest.read_text())["clips"]
    }


def test_a_scheduler_lost_mid_run_keeps_the_finished_clips_and_a_rerun_completes(course, local_run, tmp_path):
    first = LocalCluster(tmp_path / "lost")
    run = subprocess.Popen(
        render_command("--course", str(course), "--out", str(tmp_path / "out"), "--cluster", first.address),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not listed_clips(tmp_path / "out") and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(first.scheduler.pid, signal.SIGKILL)  # the scheduler is lost; its workers go on for a while
        stopped = time.monotonic()
        _, said = run.communicate(timeout=60)
        assert time.monotonic() - stopped < 30
    finally:
        first.stop()
    assert run.returncode == 1
    lines = [line for line in said.splitlines() if line.startswith("render.py:")]
    assert len(lines) == 1 and "Traceback" not in said, said
    assert lines[0].startswith(f"render.py: error: lost the cluster's scheduler at {first.address}")
    kept = listed_clips(tmp_path / "out")
    assert 0 < len(kept) < 2 * len(SCENES)
    assert all(course_files(tmp_path / "out")[name] == local_run[name] for name in kept)  # each whole
    again = LocalCluster(tmp_path / "again", port=first.port)
    try:
        done = render(course, tmp_path / "out", "--cluster", again.address)
    finally:
        again.stop()
    assert done.returncode == 0, done.stderr
    assert {name for name, clip in listed_clips(tmp_path / "out").items() if clip["reused"]} == set(kept)
    files = course_files(tmp_path / "out")
    clips = [name for name in local_run if name.endswith((".mp4", ".srt")) and "/site/" not in name]
    assert [name for name in clips if files[name] != local_run[name]] == []


@pytest.mark.parametrize(
    "arguments, line",
    [
        (["--cluster", "8786"], "--cluster '8786': give the scheduler's address, like tcp://HOST:8786"),
        (
            ["--cluster", "tcp://127.0.0.1:8786", "--preview"],
            "--cluster renders clips; --preview and --check-example run here: drop --cluster",
        ),
    ],
)
def test_a_bad_cluster_option_is_one_line_and_nothing_is_written(tmp_path, arguments, line):
    done = render_py("--out", str(tmp_path / "out"), *arguments, timeout=60)
    assert done.returncode == 2
    (said,) = done.stderr.splitlines()
    assert said.startswith(f"render.py: error: {line}"), said
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_one_line_and_nothing_is_written(course, tmp_path):
    import socket

    with socket.socket() as unused:  # a port no scheduler listens on: bound here, never listened on
        unused.bind(("127.0.0.1", 0))
        done = render(course, tmp_path / "out", "--cluster", f"tcp://127.0.0.1:{unused.getsockname()[1]}")
    assert done.returncode == 1
    (said,) = [line for line in done.stderr.splitlines() if line.startswith("render.py:")]
    assert said.startswith("render.py: error: cannot reach the cluster's scheduler at tcp://127.0.0.1:")
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()
