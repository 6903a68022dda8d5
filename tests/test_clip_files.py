"""Clips and manifests appear only complete; the manifest keeps clips rendered earlier."""

import json
import shutil

import pytest

from clips.files import atomic_copy, atomic_write_json
from clips.manifest import RunRecord, read_manifest, write_manifest


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


def test_the_manifest_is_a_ledger_of_every_clip_on_disk(tmp_path):
    """Merged across runs: a clip made with another example version or other settings stays
    listed, with what it was made with; a clip whose file is gone is dropped."""
    example = {"name": "tiny", "sha256": "abc", "defaults": []}
    (tmp_path / "MultiHeadScene.mp4").write_bytes(b"2")
    order = ["GravityScene", "ProjectionScene", "MultiHeadScene"]
    write_manifest(
        tmp_path,
        RunRecord(example, "low", {"captions": "none"}),
        [{"scene": "MultiHeadScene", "file": "MultiHeadScene.mp4"}],
        order,
    )
    (tmp_path / "GravityScene.mp4").write_bytes(b"1")  # the next run places its clip, then records it
    changed = dict(example, sha256="def")
    manifest = write_manifest(
        tmp_path,
        RunRecord(changed, "low", {"captions": "burned"}),
        [{"scene": "GravityScene", "file": "GravityScene.mp4"}],
        order,
    )
    assert [(clip["scene"], clip["made_with"]) for clip in manifest["clips"]] == [
        ("GravityScene", {"example_sha256": "def", "settings": {"captions": "burned"}}),
        ("MultiHeadScene", {"example_sha256": "abc", "settings": {"captions": "none"}}),
    ]
    assert manifest["example"] == changed and manifest["settings"] == {"captions": "burned"}  # the last run's
    assert read_manifest(tmp_path) == manifest
    (tmp_path / "MultiHeadScene.mp4").unlink()
    manifest = write_manifest(tmp_path, RunRecord(changed, "low", {"captions": "burned"}), [], order)
    assert [clip["scene"] for clip in manifest["clips"]] == ["GravityScene"]


def test_a_clip_file_the_manifest_does_not_list_is_removed(tmp_path):
    """A clip placed just before a run was stopped, with its side files, goes at the next
    write; other files (the creator's own, or the lecture's) stay."""
    example = {"name": "tiny", "sha256": "abc", "defaults": []}
    names = [
        "GravityScene.mp4",
        "GravityScene.srt",
        "GravityScene.png",
        "03-ProjectionScene.webm",
        "03-ProjectionScene.srt",
        "IntroCard.mp4",
        "lecture.mp4",
        "notes.txt",
        "Gravity.mp4",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    manifest = write_manifest(
        tmp_path,
        RunRecord(example, "low"),
        [{"scene": "IntroCard", "file": "IntroCard.mp4"}],
        ["IntroCard", "GravityScene", "ProjectionScene"],
    )
    assert [clip["file"] for clip in manifest["clips"]] == ["IntroCard.mp4"]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["IntroCard.mp4", "lecture.mp4", "notes.txt", "Gravity.mp4", "manifest.json"]
    )


def test_json_is_written_whole(tmp_path):
    target = tmp_path / "manifest.json"
    atomic_write_json({"a": [1, 2]}, target)
    assert json.loads(target.read_text()) == {"a": [1, 2]}
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_the_manifest_file_is_spelled_out(tmp_path):
    """The whole file, as a reader of manifest.json sees it: keys, order, indentation, UTF-8 text."""
    example = {"name": "tiny", "sha256": "abc", "defaults": []}
    (tmp_path / "IntroCard.mp4").write_bytes(b"1")
    settings = {"captions": "burned", "narration": {"piper-tts": "1.8.0"}}
    lecture = {"file": "lecture.mp4", "chapters": [{"title": "Apple: fruit or tech?"}]}
    order = ["IntroCard", "GravityScene"]
    write_manifest(
        tmp_path, RunRecord(example, "low", settings), [{"scene": "IntroCard", "file": "IntroCard.mp4"}], order
    )
    written = write_manifest(
        tmp_path,
        RunRecord(example, "low", settings),
        [{"scene": "GravityScene", "file": "GravityScene.mp4"}, {"scene": "Unlisted", "file": "Unlisted.mp4"}],
        order,
        lecture,
    )
    made_with = (
        '      "made_with": {\n        "example_sha256": "abc",\n        "settings": {\n'
        '          "captions": "burned",\n          "narration": {\n            "piper-tts": "1.8.0"\n'
        "          }\n        }\n      }\n"
    )  # each clip's: the example and settings it was made with
    expected = (
        "{\n"
        '  "example": {\n    "name": "tiny",\n    "sha256": "abc",\n    "defaults": []\n  },\n'
        '  "quality": "low",\n'
        '  "settings": {\n    "captions": "burned",\n    "narration": {\n      "piper-tts": "1.8.0"\n    }\n  },\n'
        '  "clips": [\n'
        f'    {{\n      "scene": "IntroCard",\n      "file": "IntroCard.mp4",\n{made_with}    }},\n'
        f'    {{\n      "scene": "GravityScene",\n      "file": "GravityScene.mp4",\n{made_with}    }},\n'
        f'    {{\n      "scene": "Unlisted",\n      "file": "Unlisted.mp4",\n{made_with}    }}\n'
        "  ],\n"
        '  "lecture": {\n    "file": "lecture.mp4",\n    "chapters": [\n      {\n'
        '        "title": "Apple: fruit or tech?"\n      }\n    ],\n'
        '    "made_with": {\n      "example_sha256": "abc",\n      "settings": {\n        "captions": "burned",\n'
        '        "narration": {\n          "piper-tts": "1.8.0"\n        }\n      }\n    }\n'
        "  }\n"
        "}\n"
    )
    assert (tmp_path / "manifest.json").read_bytes() == expected.encode("utf-8")
    assert written == json.loads(expected)
    # a run without a lecture keeps the earlier one while its file is there, with what made it
    (tmp_path / "lecture.mp4").write_bytes(b"3")
    plain = write_manifest(tmp_path, RunRecord(example, "low", {"captions": "none"}), [], order)
    assert plain["lecture"]["made_with"] == {"example_sha256": "abc", "settings": settings}
    (tmp_path / "lecture.mp4").unlink()
    assert "lecture" not in write_manifest(tmp_path, RunRecord(example, "low"), [], order)


def test_a_clip_rendered_again_replaces_its_entry_and_text_stays_readable(tmp_path):
    """One entry per clip (the new one wins), and words outside ASCII written as themselves
    in UTF-8, as a reader of manifest.json expects."""
    example = {"name": "äpfel", "sha256": "1" * 64, "defaults": []}
    (tmp_path / "A.mp4").write_bytes(b"a")
    (tmp_path / "B.mp4").write_bytes(b"b")
    write_manifest(
        tmp_path,
        RunRecord(example, "low"),
        [{"scene": "A", "file": "A.mp4", "heading": "old"}, {"scene": "B", "file": "B.mp4", "heading": "b"}],
        ["A", "B"],
    )
    manifest = write_manifest(
        tmp_path, RunRecord(example, "low"), [{"scene": "A", "file": "A.mp4", "heading": "Äpfel: neu"}], ["A", "B"]
    )
    assert [(entry["scene"], entry["heading"]) for entry in manifest["clips"]] == [("A", "Äpfel: neu"), ("B", "b")]
    raw = (tmp_path / "manifest.json").read_bytes()
    assert "Äpfel: neu".encode("utf-8") in raw and b"\\u00c4" not in raw
    assert read_manifest(tmp_path) == manifest
