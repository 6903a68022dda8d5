"""Clips and manifests appear only complete; the manifest keeps clips rendered earlier."""

import json
import shutil

import pytest

from clips.files import atomic_copy, atomic_write_json
from clips.manifest import read_manifest, write_manifest


def test_an_interrupted_copy_leaves_the_old_clip(tmp_path, monkeypatch):
    target = tmp_path / "GravityScene.mp4"
    target.write_bytes(b"old complete clip")
    source = tmp_path / "new.mp4"
    source.write_bytes(b"new clip " * 1000)

    def copy_half_then_fail(src, dst):
        with open(dst, "wb") as handle:
            handle.write(b"new clip")
        raise KeyboardInterrupt

    monkeypatch.setattr(shutil, "copyfile", copy_half_then_fail)
    with pytest.raises(KeyboardInterrupt):
        atomic_copy(source, target)
    assert target.read_bytes() == b"old complete clip"


def test_a_copy_replaces_the_clip_whole(tmp_path):
    target, source = tmp_path / "clip.mp4", tmp_path / "new.mp4"
    target.write_bytes(b"old")
    source.write_bytes(b"new clip")
    atomic_copy(source, target)
    assert target.read_bytes() == b"new clip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4", "new.mp4"]


def test_manifest_keeps_earlier_clips_of_the_same_example(tmp_path):
    example = {"name": "tiny", "sha256": "abc", "defaults": []}
    (tmp_path / "GravityScene.mp4").write_bytes(b"1")
    (tmp_path / "MultiHeadScene.mp4").write_bytes(b"2")
    order = ["GravityScene", "ProjectionScene", "MultiHeadScene"]
    write_manifest(tmp_path, example, "low", [{"scene": "MultiHeadScene", "file": "MultiHeadScene.mp4"}], order)
    manifest = write_manifest(tmp_path, example, "low", [{"scene": "GravityScene", "file": "GravityScene.mp4"}], order)
    assert [c["scene"] for c in manifest["clips"]] == ["GravityScene", "MultiHeadScene"]
    assert read_manifest(tmp_path) == manifest
    changed = dict(example, sha256="def")  # the example changed: old clips no longer belong
    manifest = write_manifest(tmp_path, changed, "low", [{"scene": "GravityScene", "file": "GravityScene.mp4"}], order)
    assert [c["scene"] for c in manifest["clips"]] == ["GravityScene"]


def test_json_is_written_whole(tmp_path):
    target = tmp_path / "manifest.json"
    atomic_write_json({"a": [1, 2]}, target)
    assert json.loads(target.read_text()) == {"a": [1, 2]}
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]
