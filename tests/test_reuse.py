"""A clip whose inputs did not change is reused; a change to any input renders it again; a clip
rendered again from the same inputs is the same bytes."""

import json
from dataclasses import replace

import pytest
from helpers import ROOT, render_py

from attention_core.example_file import default_example, parse_example
from attention_core.lessons.catalog import lesson_for
from clips import reuse
from clips.job import ClipJob

pytestmark = pytest.mark.process


def job(tmp_path, **changes):
    made = ClipJob(
        scene="GravityScene",
        example=default_example().canonical(),
        quality="low",
        target=str(tmp_path / "GravityScene.mp4"),
        cache=str(tmp_path / ".cache"),
    )
    return replace(made, **changes)


def key(made, example=None):
    return reuse.clip_key(made, lesson_for(made.scene, example or default_example()))


def test_every_input_changes_the_key(tmp_path, monkeypatch):
    base = key(job(tmp_path))
    assert key(job(tmp_path)) == base  # the same inputs, the same key
    text = (ROOT / "assets" / "examples" / "fruit-vs-tech.toml").read_text()
    other_sentence = parse_example(
        text.replace("Please buy an apple and an orange", "Please buy an apple and a cherry")
    )
    changed = {
        "scene": key(job(tmp_path, scene="SoftmaxScene")),
        "lesson": key(job(tmp_path), other_sentence),
        "quality": key(job(tmp_path, quality="high")),
        "captions": key(job(tmp_path, burn_captions=False)),
        "narration": key(job(tmp_path, narrate=True)),
    }
    recording = tmp_path / "gravity.plane.wav"
    recording.write_bytes(b"RIFF one take")
    changed["recording"] = key(job(tmp_path, narrate=True, recordings=(("gravity.plane", str(recording)),)))
    recording.write_bytes(b"RIFF another take")
    changed["another take"] = key(job(tmp_path, narrate=True, recordings=(("gravity.plane", str(recording)),)))
    monkeypatch.setattr(reuse, "code_fingerprint", lambda: "other code")
    changed["code"] = key(job(tmp_path))
    monkeypatch.undo()
    newer_manim = {**reuse.installed_versions(), "manim": "0.23.0"}
    monkeypatch.setattr(reuse, "installed_versions", lambda: newer_manim)
    changed["versions"] = key(job(tmp_path))
    assert base not in changed.values()
    assert len(set(changed.values())) == len(changed)  # each input on its own


def test_the_code_fingerprint_reads_the_scenes(tmp_path, monkeypatch):
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "gravity.py").write_text("draw = 1\n")
    monkeypatch.setattr(reuse, "ROOT", tmp_path)
    reuse.code_fingerprint.cache_clear()
    first = reuse.code_fingerprint()
    (tmp_path / "scenes" / "gravity.py").write_text("draw = 2\n")
    reuse.code_fingerprint.cache_clear()
    assert reuse.code_fingerprint() != first
    reuse.code_fingerprint.cache_clear()


def render(out, *arguments):
    done = render_py("--out", str(out), *arguments, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads((out / "fruit-vs-tech" / "low" / "manifest.json").read_text())


def test_unchanged_clips_are_reused_and_changed_ones_rendered(tmp_path):
    example = tmp_path / "fruit-vs-tech.toml"
    text = (ROOT / "assets" / "examples" / "fruit-vs-tech.toml").read_text()
    example.write_text(text)
    out = tmp_path / "out"
    clips = ["IntroCard", "HistoryCard"]  # the intro shows the example's title; the history card does not
    first = render(out, *clips, "--example", str(example))
    assert [c["reused"] for c in first["clips"]] == [False, False]
    folder = out / "fruit-vs-tech" / "low"
    stamps = {c["file"]: (folder / c["file"]).stat().st_mtime_ns for c in first["clips"]}

    again = render(out, *clips, "--example", str(example))
    assert [c["reused"] for c in again["clips"]] == [True, True]
    assert {c["file"]: (folder / c["file"]).stat().st_mtime_ns for c in again["clips"]} == stamps
    assert [c["sha256"] for c in again["clips"]] == [c["sha256"] for c in first["clips"]]

    example.write_text(text.replace('title = "Apple: fruit or tech?"', 'title = "Apple: a fruit or a company?"'))
    changed = render(out, *clips, "--example", str(example))
    reused = {c["scene"]: c["reused"] for c in changed["clips"]}
    assert reused == {"IntroCard": False, "HistoryCard": True}

    (folder / "HistoryCard.mp4").write_bytes(b"damaged")  # a clip changed on disk is never trusted
    forced = render(out, "HistoryCard", "--example", str(example))
    history = {c["scene"]: c for c in forced["clips"]}["HistoryCard"]
    assert history["reused"] is False
    # rendered again from the same inputs, in another process: the same bytes as the first time
    assert history["sha256"] == first["clips"][1]["sha256"] == reuse.sha256_of(folder / "HistoryCard.mp4")

    intro_before = {c["scene"]: c for c in changed["clips"]}["IntroCard"]
    subtitles_before = (folder / "IntroCard.srt").read_bytes()
    everything = render(out, "IntroCard", "--example", str(example), "--force")  # unchanged, and rendered again
    intro = {c["scene"]: c for c in everything["clips"]}["IntroCard"]
    assert intro["reused"] is False
    assert intro["sha256"] == intro_before["sha256"] and (folder / "IntroCard.srt").read_bytes() == subtitles_before
    assert intro["sha256"] != first["clips"][0]["sha256"]  # the title it shows did change
