"""render.py really renders: frames that are not blank, the same bytes twice, a true manifest."""

import json
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest

ROOT = Path(__file__).parent.parent


def render(out: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "render.py"), "--out", str(out), *arguments],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def two_renders(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    for out in (first, second):
        done = render(out, "GravityScene")
        assert done.returncode == 0, done.stderr
    return first / "fruit-vs-tech" / "low", second / "fruit-vs-tech" / "low"


def test_two_renders_are_byte_identical(two_renders):
    first, second = two_renders
    assert (first / "GravityScene.mp4").read_bytes() == (second / "GravityScene.mp4").read_bytes()
    assert (first / "manifest.json").read_text() == (second / "manifest.json").read_text()


def test_frames_are_not_blank_and_change(two_renders):
    folder, _ = two_renders
    with av.open(str(folder / "GravityScene.mp4")) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (854, 480)
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(stream)]
    middle, last = frames[len(frames) // 2], frames[-1]
    assert middle.std() > 10 and last.std() > 10  # drawn on, not a flat background
    assert np.mean(np.abs(middle.astype(int) - last.astype(int))) > 1  # the picture moves


def test_manifest_describes_the_clip(two_renders):
    folder, _ = two_renders
    manifest = json.loads((folder / "manifest.json").read_text())
    from attention_core.example_file import default_example
    from attention_core.lessons import gravity_lesson
    from clips.files import sha256_of

    example = default_example()
    from attention_core.pretrained import load_model

    weights = load_model().weights_sha256
    assert manifest["example"] == {"name": example.name, "sha256": example.sha256(),
                                   "defaults": list(example.defaults_used),
                                   "model": {"name": "all-MiniLM-L6-v2", "weights_sha256": weights}}
    assert manifest["quality"] == "low"
    (clip,) = manifest["clips"]
    assert clip["scene"] == "GravityScene" and clip["file"] == "GravityScene.mp4"
    assert clip["sha256"] == sha256_of(folder / "GravityScene.mp4")
    with av.open(str(folder / "GravityScene.mp4")) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert clip["frames"] == frames
    assert clip["seconds"] == pytest.approx(frames / 15, abs=0.01)
    assert clip["lesson"] == json.loads(json.dumps(gravity_lesson(example).to_dict()))


def test_unknown_scene_is_one_line_and_exit_2(tmp_path):
    done = render(tmp_path, "GravitySene")
    assert done.returncode == 2
    assert done.stderr.strip() == "render.py: error: unknown scene 'GravitySene': did you mean GravityScene?"
    assert not any(tmp_path.iterdir())


def test_help_explains_every_option():
    done = subprocess.run([sys.executable, str(ROOT / "render.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for option in ("--quality", "--out", "--jobs", "SCENE"):
        assert option in done.stdout


def test_subtitles_are_the_captions_in_order(two_renders):
    import srt

    from attention_core.example_file import default_example
    from attention_core.lessons import gravity_lesson
    first, second = two_renders
    text = (first / "GravityScene.srt").read_text(encoding="utf-8")
    assert text == (second / "GravityScene.srt").read_text(encoding="utf-8")
    subtitles = list(srt.parse(text))
    lesson = gravity_lesson(default_example())
    assert [s.content for s in subtitles] == [line.text for line in lesson.narration]
    assert subtitles[0].content == "Each word has one point in the plane: its embedding."
    starts = [s.start.total_seconds() for s in subtitles]
    assert starts == sorted(starts) and all(s.end > s.start for s in subtitles)
    manifest = json.loads((first / "manifest.json").read_text())
    (clip,) = manifest["clips"]
    assert clip["subtitles"] == "GravityScene.srt"
    assert subtitles[-1].end.total_seconds() <= clip["seconds"] + 0.01
