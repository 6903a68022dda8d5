"""render.py really renders: frames that are not blank, a true manifest, subtitles. (The same
bytes for the same inputs: test_reuse for silent clips, test_lecture for narrated ones.)"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from helpers import ROOT, render_py

pytestmark = pytest.mark.process


def render(out: Path, *arguments: str) -> subprocess.CompletedProcess:
    return render_py(*arguments, out=out)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    done = render(out, "GravityScene")
    assert done.returncode == 0, done.stderr
    return out / "fruit-vs-tech" / "low"


def test_frames_are_not_blank_and_change(rendered):
    folder = rendered
    with av.open(str(folder / "GravityScene.mp4")) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (854, 480)
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(stream)]
    middle, last = frames[len(frames) // 2], frames[-1]
    assert middle.std() > 10 and last.std() > 10  # drawn on, not a flat background
    assert np.mean(np.abs(middle.astype(int) - last.astype(int))) > 1  # the picture moves


def test_manifest_describes_the_clip(rendered):
    folder = rendered
    manifest = json.loads((folder / "manifest.json").read_text())
    from attention_core.example_file import default_example
    from attention_core.lessons import gravity_lesson
    from clips.files import sha256_of

    example = default_example()
    from attention_core.pretrained import load_model

    weights = load_model().weights_sha256
    assert manifest["example"] == {
        "name": example.name,
        "sha256": example.sha256(),
        "defaults": list(example.defaults_used),
        "advice": [],
        "model": {"name": "all-MiniLM-L6-v2", "weights_sha256": weights},
    }
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


@pytest.mark.parametrize("option", ["--out", "--cache"])
def test_a_file_given_as_a_folder_is_one_line_and_exit_2(tmp_path, option):
    """`--out some-file` (or a folder under a file): refused before anything renders."""
    some_file = tmp_path / "some-file"
    some_file.write_text("not a folder")
    arguments = [option, str(some_file / "sub")] if option == "--cache" else []
    out = some_file if option == "--out" else tmp_path / "out"
    done = render(out, "IntroCard", *arguments)
    given = some_file / "sub" if option == "--cache" else some_file
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"render.py: error: {option} '{given}': '{some_file}' is a file, not a folder; "
        "give a folder (it is made if missing)"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["some-file"]
    assert some_file.read_text() == "not a folder"


def test_help_explains_every_option():
    done = render_py("--help")
    assert done.returncode == 0
    for option in ("--quality", "--out", "--jobs", "SCENE"):
        assert option in done.stdout


def test_subtitles_are_the_captions_in_order(rendered):
    import srt

    from attention_core.example_file import default_example
    from attention_core.lessons import gravity_lesson

    text = (rendered / "GravityScene.srt").read_text(encoding="utf-8")
    subtitles = list(srt.parse(text))
    lesson = gravity_lesson(default_example())
    assert [s.content for s in subtitles] == [line.text for line in lesson.narration]
    assert subtitles[0].content == (
        "Words pull on \u201capple\u201d. How hard does each one pull, and where does \u201capple\u201d end up?"
    )
    starts = [s.start.total_seconds() for s in subtitles]
    assert starts == sorted(starts) and all(s.end > s.start for s in subtitles)
    manifest = json.loads((rendered / "manifest.json").read_text())
    (clip,) = manifest["clips"]
    assert clip["subtitles"] == "GravityScene.srt"
    assert subtitles[-1].end.total_seconds() <= clip["seconds"] + 0.01


def test_a_request_is_checked_and_planned_without_loading_manim():
    """Bad input is answered at once, and an unchanged re-run decides what to reuse, before the
    drawing code (manim, the scenes) is imported: only a clip that renders needs them."""
    script = (
        "import sys; sys.argv = ['render.py']; import render; from clips.reuse import split_reused; "
        "plan = render.plan(render.parse_arguments(['--lecture', '--narrate'])); "
        "split_reused(plan.jobs, {}, False); "
        "print(len(plan.jobs), sorted(name for name in sys.modules if name.split('.')[0] in ('manim', 'scenes')))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["12", "['scenes',", "'scenes.fonts']"]  # the fonts' character maps only


def test_frame_rates_and_sizes_are_manims_presets():
    from manim import config, tempconfig

    from clips.job import PIXELS, QUALITIES, frame_rate, frame_size

    for quality, preset in QUALITIES.items():
        with tempconfig({"quality": preset}):
            assert frame_rate(quality) == config.frame_rate, quality
            assert PIXELS[quality] == (config.pixel_width, config.pixel_height), quality
    assert [frame_rate(quality) for quality in ("low", "medium", "high", "production", "4k")] == [15, 30, 60, 60, 60]
    assert frame_size("high", "vertical") == {
        "pixel_width": 1080,
        "pixel_height": 1920,
        "frame_width": 8.0,
        "frame_height": pytest.approx(8 * 16 / 9),
    }
    assert frame_size("high") == {
        "pixel_width": 1920,
        "pixel_height": 1080,
        "frame_width": pytest.approx(8 * 16 / 9),
        "frame_height": 8.0,
    }


PREVIEW_TOLERANCE = 2.5  # mean difference per pixel and channel, of 255: the clip's H.264 and BT.709 round trip
# (measured here: 1.4 to 2.1 on GravityScene's 13 beats; the next beat's picture instead: over 3)


def test_the_preview_is_the_clip_at_the_end_of_each_beat(rendered):
    """--preview writes preview.png and nothing else; its pictures are the rendered clip's
    frames at the end of each narrated line's beat (the contact sheet's times)."""
    from PIL import Image

    import render as render_module
    from clips.pictures import beat_ends, frames_at
    from clips.preview import preview_frames

    before = {path.name: path.read_bytes() for path in rendered.iterdir()}
    done = render(rendered.parents[1], "GravityScene", "--preview")
    assert done.returncode == 0, done.stderr
    after = {path.name: path.read_bytes() for path in rendered.iterdir()}
    assert sorted(after) == sorted([*before, "preview.png"]) and all(after[name] == before[name] for name in before)
    sheet = Image.open(rendered / "preview.png")
    manifest = json.loads((rendered / "manifest.json").read_text())
    (entry,) = manifest["clips"]
    assert sheet.height > 180 and sheet.width > 180 * len(entry["narration"])  # a row of one picture a line
    (job,) = render_module.plan(render_module.parse_arguments(["GravityScene", "--out", str(rendered.parents[1])])).jobs
    drawn = preview_frames(job)
    shown = frames_at(rendered / "GravityScene.mp4", [seconds for _, seconds in beat_ends(entry)])
    assert len(drawn) == len(shown) == len(entry["narration"])
    differences = [
        np.abs(np.asarray(a, dtype=float) - np.asarray(b.convert("RGB"), dtype=float)).mean()
        for a, b in zip(drawn, shown)
    ]
    assert max(differences) < PREVIEW_TOLERANCE
    shifted = np.abs(np.asarray(drawn[3], dtype=float) - np.asarray(shown[4].convert("RGB"), dtype=float)).mean()
    assert shifted > PREVIEW_TOLERANCE  # the next beat's picture is told apart


def test_a_run_reports_its_own_clips_and_the_manifest_keeps_the_earlier_ones(rendered, tmp_path):
    """The folder's ledger keeps GravityScene from the earlier run; the run's own lines name
    only the clip it made."""
    out = tmp_path / "out"
    shutil.copytree(rendered.parents[1], out)
    done = render(out, "HistoryCard")
    assert done.returncode == 0, done.stderr
    reported = [line.split(":")[0] for line in done.stdout.splitlines() if line.split(":")[0].endswith(".mp4")]
    assert reported == ["HistoryCard.mp4"]  # (the other lines are the progress bar's)
    manifest = json.loads((out / "fruit-vs-tech" / "low" / "manifest.json").read_text())
    assert [clip["scene"] for clip in manifest["clips"]] == ["GravityScene", "HistoryCard"]
