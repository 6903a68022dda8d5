"""A write that fails half-way (here: the disk refuses more than a few bytes, as a full disk
would) leaves the previous manifest, clip and lecture files intact and no partial file. The
failure is made in a child process with a file-size limit, so it catches any way of writing a
file in place, whatever function the code uses to write it."""

import json
import subprocess
import sys
import textwrap

import av
import numpy as np
import pytest
from helpers import ROOT

pytestmark = pytest.mark.process


def run_limited(code: str, limit_bytes: int) -> subprocess.CompletedProcess:
    """Run `code` in a child whose files may not grow past `limit_bytes` (EFBIG, not a kill)."""
    prelude = textwrap.dedent(f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_bytes}, {limit_bytes}))
    """)
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_an_interrupted_manifest_leaves_the_old_one(tmp_path):
    old = {"example": {"name": "tiny"}, "quality": "low", "clips": []}
    (tmp_path / "manifest.json").write_text(json.dumps(old))
    done = run_limited(
        f"""
        from pathlib import Path
        from clips.manifest import RunRecord, write_manifest
        entries = [{{"scene": "GravityScene", "file": "GravityScene.mp4", "lesson": {{"words": "x" * 5000}}}}]
        write_manifest(Path({str(tmp_path)!r}), RunRecord({{"name": "tiny"}}, "low"), entries, ["GravityScene"])
    """,
        limit_bytes=2000,
    )
    assert done.returncode != 0 and "File too large" in done.stderr
    assert json.loads((tmp_path / "manifest.json").read_text()) == old
    assert [path.name for path in tmp_path.iterdir()] == ["manifest.json"]


def test_an_interrupted_clip_and_lecture_files_leave_the_old_ones(tmp_path):
    movie = tmp_path / "made.mp4"  # a small H.264 clip, made here: two seconds of seeded noise
    noise = np.random.default_rng(0)
    with av.open(str(movie), "w") as container:
        stream = container.add_stream("libx264", rate=15)
        stream.width, stream.height, stream.pix_fmt = 128, 96, "yuv420p"
        for _ in range(30):
            pixels = noise.integers(0, 256, size=(96, 128, 3), dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    assert movie.stat().st_size > 4000  # more than the limit below lets a file grow
    folder = tmp_path / "clips"
    folder.mkdir()
    for name in ("clip.mp4", "lecture.srt", "chapters.txt"):
        (folder / name).write_bytes(b"the old, complete file")
    done = run_limited(
        f"""
        from pathlib import Path
        from clips.files import DiskFull, atomic_copy, atomic_write_text
        from clips.media import write_video
        folder = Path({str(folder)!r})
        for attempt in (lambda: write_video(folder / "clip.mp4", [Path({str(movie)!r})], None),
                        lambda: atomic_write_text("1\\n00:00:00,000 --> 00:00:01,000\\n" * 400, folder / "lecture.srt"),
                        lambda: atomic_copy(Path({str(movie)!r}), folder / "chapters.txt")):
            try:
                attempt()
            except DiskFull as error:
                print("refused:", error.path, error.reason)
    """,
        limit_bytes=4000,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == sorted(
        f"refused: {folder / name} File too large" for name in ("clip.mp4", "lecture.srt", "chapters.txt")
    )
    for name in ("clip.mp4", "lecture.srt", "chapters.txt"):
        assert (folder / name).read_bytes() == b"the old, complete file", name
    assert sorted(path.name for path in folder.iterdir()) == ["chapters.txt", "clip.mp4", "lecture.srt"]


TRY_LOCK = """
import fcntl, sys

with open(sys.argv[1], "a+b") as handle:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(1)
"""


def test_a_text_cache_in_use_is_held_from_other_processes(tmp_path):
    """Two runs sharing one --cache: while one renders with a text cache, another process cannot
    take it (it would wait); once the render is done, or its process gone, it can."""
    import subprocess
    import sys

    from clips.files import LOCK, held_alone

    folder = tmp_path / "manim" / "GravityScene-0123456789ab"

    def another_can_take_it() -> bool:
        tried = subprocess.run([sys.executable, "-c", TRY_LOCK, str(folder / LOCK)], timeout=30)
        assert tried.returncode in (0, 1)
        return tried.returncode == 0

    with held_alone(folder) as held:
        assert held == folder and folder.is_dir()
        assert not another_can_take_it()
    assert another_can_take_it()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from clips.files import held_alone\n"
            "with held_alone(__import__('pathlib').Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(600)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert not another_can_take_it()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert another_can_take_it()  # a killed holder leaves nothing held


def test_what_a_killed_holder_half_wrote_is_not_kept(tmp_path):
    """manim takes a text's SVG as made once the file is there: a holder killed while writing
    one must not leave it for the next render (it failed to parse, or drew half a text). The
    next holder finds the folder emptied; after a holder that finished, the files stay."""
    import subprocess
    import sys

    from clips.files import held_alone

    folder = tmp_path / "manim" / "IntroCard-0123456789ab"
    with held_alone(folder):
        (folder / "texts").mkdir()
        (folder / "texts" / "whole.svg").write_text("<svg></svg>")
    with held_alone(folder):
        assert (folder / "texts" / "whole.svg").read_text() == "<svg></svg>"  # kept
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import pathlib, sys, time; from clips.files import held_alone\n"
            "with held_alone(pathlib.Path(sys.argv[1])) as folder:\n"
            "    (folder / 'texts' / 'half.svg').write_text('<svg><path d=\"M 1 2')\n"
            "    print('writing', flush=True); time.sleep(600)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "writing"
    holder.kill()
    holder.wait(timeout=30)
    with held_alone(folder) as held:
        assert sorted(path.name for path in held.rglob("*.svg")) == []  # half.svg, and whole.svg with it
    with held_alone(folder) as held:
        (held / "after.svg").write_text("<svg></svg>")
    with held_alone(folder) as held:
        assert (held / "after.svg").is_file()  # a holder that finished leaves no mark behind
