"""The narrated lecture as a creator uploads it: one file with chapters, one narration track,
an upload-ready encoding (checked in the bytes), subtitles, a chapter list and the script;
the same bytes twice."""

import datetime
import json
import re
import struct
from pathlib import Path

import av
import numpy as np
import pytest
import srt
import webvtt
from helpers import render_py

from attention_core.example_file import default_example
from attention_core.lessons.catalog import heading_for
from scenes.catalog import SCENES, lecture_scenes

pytestmark = pytest.mark.process

FPS = 15  # render.py's low quality
HEADINGS = [  # the clips' headings for the default example, spelled out
    "Introduction",
    "Context pulls a word, like gravity",
    "Why a weighted average, not the best word?",
    "W_Q, W_K and W_V: learned maps of the plane",
    "The formula, step by step",
    "Why divide by \u221ad\u2096?",
    "Several heads, weighed by W_O",
    "Self-attention, masks and cross-attention",
    "Not an RNN: every position at once",
    "Where attention came from",
    "In a real model: all-MiniLM-L6-v2",
    "Recap",
]
CHAPTERS = lecture_scenes(default_example())  # the default example has a [model]: twelve chapters

# The lecture rendered here is three of its chapters: every step of making it (narration,
# joining, chapters, subtitles, script, encoding) at a seventh of the whole's work. Every
# chapter is drawn in test_every_example and voiced in test_voice_pace.
LECTURE = ("IntroCard", "ParallelScene", "HistoryCard")
PART = ("IntroCard", "HistoryCard")  # a part of it, rendered again with two processes


def render(out: Path, *scenes: str, jobs: int = 2) -> Path:
    """The lecture with one process, a part of it with two: a clip is the same bytes either way.
    The renders share one cache of synthesised lines (test_narration checks that the voice itself
    is deterministic), so each line is synthesised once."""
    done = render_py(
        "--lecture",
        "--narrate",
        "--jobs",
        str(jobs),
        "--out",
        str(out),
        "--cache",
        str(out.parent / "shared-cache"),
        *scenes,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr
    return out / "fruit-vs-tech" / "low" / "lecture"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return render(tmp_path_factory.mktemp("whole"), *LECTURE, jobs=1)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    """A part of the lecture rendered, and its files as first written; then the same clips joined
    again (the clips are reused, lecture.mp4 is gone, so it is joined anew)."""
    out = tmp_path_factory.mktemp("part")
    folder = render(out, *PART)
    first = {path.name: path.read_bytes() for path in folder.iterdir()}
    (folder / "lecture.mp4").unlink()
    assert render(out, *PART) == folder
    return first, folder


def clip_files(folder: Path, scenes=LECTURE) -> list[Path]:
    """The lecture's clips, each numbered as its chapter in the whole lecture."""
    return [folder / f"{CHAPTERS.index(scene) + 1:02d}-{scene}.mp4" for scene in scenes]


def headings(scenes=LECTURE) -> list[str]:
    return [HEADINGS[CHAPTERS.index(scene)] for scene in scenes]


def test_the_headings_are_the_chapter_titles():
    assert [heading_for(scene, default_example()) for scene in CHAPTERS] == HEADINGS


def frame_count(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for packet in container.demux(video=0) if packet.size)


def audio_samples(path: Path) -> np.ndarray:
    with av.open(str(path)) as container:
        return np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])


def without_reused(manifest: bytes) -> dict:
    record = json.loads(manifest)
    for entry in [*record["clips"], record["lecture"]]:
        entry.pop("reused")
    return record


def test_the_same_inputs_give_the_same_bytes(parts, folder):
    first, again = parts
    names = sorted(first)
    assert names == sorted(
        [
            "01-IntroCard.mp4",
            "01-IntroCard.srt",
            "10-HistoryCard.mp4",
            "10-HistoryCard.srt",
            "lecture.mp4",
            "lecture.srt",
            "lecture.vtt",
            "chapters.txt",
            "narration.md",
            "manifest.json",
        ]
    )
    assert names == sorted(path.name for path in again.iterdir())
    for name in names[:4]:  # a chapter is the same clip in a part of the lecture (two processes) as in more of it (one)
        assert first[name] == (folder / name).read_bytes(), name
    for name in names[4:]:  # joined again from the same clips: the same lecture, subtitles, chapters and script
        if name != "manifest.json":
            assert first[name] == (again / name).read_bytes(), name
    manifest = json.loads((again / "manifest.json").read_bytes())
    assert [clip["reused"] for clip in manifest["clips"]] == [True, True] and not manifest["lecture"]["reused"]
    assert without_reused(first["manifest.json"]) == without_reused((again / "manifest.json").read_bytes())
    out = again.parents[2]  # --cache: the voices and text live in the shared cache, not under --out
    assert not (out / ".cache").exists() and any((out.parent / "shared-cache").rglob("*.npy"))


def test_a_part_of_the_lecture_has_just_its_chapters(parts):
    with av.open(str(parts[1] / "lecture.mp4")) as container:
        assert [chapter["metadata"]["title"] for chapter in container.chapters()] == headings(PART)


def test_chapters_are_the_clips_headings_at_their_running_sums(folder):
    with av.open(str(folder / "lecture.mp4")) as container:
        chapters = container.chapters()
    assert [chapter["metadata"]["title"] for chapter in chapters] == headings()
    lengths = [frame_count(path) / FPS for path in clip_files(folder)]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    for chapter, start, length in zip(chapters, starts, lengths):
        assert float(chapter["start"] * chapter["time_base"]) == pytest.approx(start, abs=0.002)
        assert float((chapter["end"] - chapter["start"]) * chapter["time_base"]) == pytest.approx(length, abs=0.002)
    assert frame_count(folder / "lecture.mp4") == sum(frame_count(path) for path in clip_files(folder))


def test_chapter_times_agree_to_the_frame(folder):
    """chapters.txt, the manifest and the mp4's chapter atoms give each chapter one start: the
    running sum of the clips' frames before it."""
    frames = [frame_count(path) for path in clip_files(folder)]
    first_frames = [int(sum(frames[:number])) for number in range(len(frames))]
    manifest = json.loads((folder / "manifest.json").read_text())["lecture"]["chapters"]
    assert [chapter["first_frame"] for chapter in manifest] == first_frames
    assert [chapter["start"] for chapter in manifest] == [round(frame / FPS, 3) for frame in first_frames]
    with av.open(str(folder / "lecture.mp4")) as container:
        atoms = container.chapters()
    for atom, frame in zip(atoms, first_frames):  # to the frame: less than half a frame apart
        assert abs(float(atom["start"] * atom["time_base"]) - frame / FPS) < 0.5 / FPS, atom["metadata"]["title"]
    listed = {}
    for line in (folder / "chapters.txt").read_text(encoding="utf-8").splitlines():
        clock, title = line.split(" ", 1)
        minutes, seconds = clock.split(":")
        listed[title.split(" / ")[0]] = int(minutes) * 60 + int(seconds)
    for title, frame in zip(headings(), first_frames):
        if title in listed and title != "Introduction":  # written in whole seconds, rounded down
            assert listed[title] == frame // FPS, title
    assert list(listed) == headings()


def test_audio_is_one_track_as_long_as_the_video(folder):
    for path in [folder / "lecture.mp4", *clip_files(folder)]:
        with av.open(str(path)) as container:
            assert len(container.streams.audio) == 1
            video_seconds = frame_count(path) / FPS
        assert len(audio_samples(path)) / 48000 == pytest.approx(video_seconds, abs=1 / FPS)


def test_every_chapter_is_spoken_without_clipping(folder):
    audio = audio_samples(folder / "lecture.mp4")
    assert np.max(np.abs(audio)) < 0.95
    with av.open(str(folder / "lecture.mp4")) as container:
        chapters = container.chapters()
    for chapter in chapters:
        part = audio[
            int(chapter["start"] * chapter["time_base"] * 48000) : int(chapter["end"] * chapter["time_base"] * 48000)
        ]
        windows = part[: len(part) // 4800 * 4800].reshape(-1, 4800)  # 100 ms each
        loud = np.sqrt(np.mean(windows.astype(np.float64) ** 2, axis=1)) > 10 ** (-40 / 20)
        assert loud.mean() > 0.4, chapter["metadata"]["title"]  # speech through most of it


def boxes(data: bytes, start: int = 0, end: int | None = None):
    """(type, payload start, payload end) of the MP4 boxes in data[start:end]."""
    end = len(data) if end is None else end
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start : start + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[start + 8 : start + 16])[0], 16
        elif size == 0:
            size = end - start
        yield kind.decode("latin-1"), start + header, start + size
        start += size


def all_box_types(data: bytes, start: int, end: int) -> list[str]:
    found = []
    for kind, first, last in boxes(data, start, end):
        found.append(kind)
        if kind in ("moov", "trak", "mdia", "minf", "stbl", "edts", "udta", "dinf", "mvex"):
            found += all_box_types(data, first, last)
    return found


def test_the_file_is_laid_out_for_upload(folder):
    data = (folder / "lecture.mp4").read_bytes()
    top = [kind for kind, _, _ in boxes(data)]
    assert top[0] == "ftyp" and top.index("moov") < top.index("mdat")  # faststart
    ((_, first, last),) = [box for box in boxes(data) if box[0] == "moov"]
    inside = all_box_types(data, first, last)
    assert "elst" not in inside and "edts" not in inside  # no edit lists
    assert inside.count("trak") >= 2


def nal_types(packet_bytes: bytes) -> list[int]:
    """The NAL unit types of an AVCC packet (4-byte lengths)."""
    types, at = [], 0
    while at + 4 <= len(packet_bytes):
        (length,) = struct.unpack(">I", packet_bytes[at : at + 4])
        types.append(packet_bytes[at + 4] & 0x1F)
        at += 4 + length
    return types


def test_streams_are_as_a_platform_recommends(folder):
    with av.open(str(folder / "lecture.mp4")) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert video.codec_context.name == "h264" and video.codec_context.profile == "High"
        assert video.codec_context.pix_fmt == "yuv420p"
        assert (video.codec_context.color_primaries, video.codec_context.color_trc, video.codec_context.colorspace) == (
            1,
            1,
            1,
        )  # BT.709
        assert audio.codec_context.name == "aac" and audio.codec_context.profile == "LC"
        assert audio.codec_context.sample_rate == 48000
        keyframes, since, longest = [], 0, 0
        for index, packet in enumerate(p for p in container.demux(video) if p.size):
            types = nal_types(bytes(packet))
            if packet.is_keyframe:
                assert 5 in types  # an IDR picture: the GOP is closed
                keyframes.append(index)
            else:
                assert 5 not in types
        gaps = np.diff(keyframes)
        assert keyframes[0] == 0 and gaps.max() <= FPS // 2  # a keyframe every half second at least
    with av.open(str(folder / "lecture.mp4")) as container:
        kinds = [av.video.frame.PictureType(frame.pict_type).name for frame in container.decode(video=0)]
    for kind in kinds:
        since = since + 1 if kind == "B" else 0
        longest = max(longest, since)
    assert longest <= 2


def cues_of(folder: Path):
    return list(srt.parse((folder / "lecture.srt").read_text(encoding="utf-8")))


def test_subtitles_are_the_narration_timed_to_the_voice(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    example = default_example()
    texts = [line.text for scene in LECTURE for line in SCENES[scene].lesson_for(example).narration]
    cues = cues_of(folder)
    assert [cue.content for cue in cues] == texts
    seconds = frame_count(folder / "lecture.mp4") / FPS
    for cue, following in zip(cues, cues[1:] + [None]):
        assert cue.start < cue.end
        if following is not None:
            assert cue.end <= following.start  # ascending, no overlaps
    assert cues[-1].end.total_seconds() <= seconds
    # each cue lasts as long as its line's voice, placed where its clip said it
    offset, expected = 0.0, []
    for clip, path in zip(manifest["clips"], clip_files(folder)):
        expected += [(offset + line["start"], line["seconds"]) for line in clip["narration"]]
        offset += frame_count(path) / FPS
    for cue, (start, length) in zip(cues, expected):
        assert cue.start.total_seconds() == pytest.approx(start, abs=0.002)
        assert (cue.end - cue.start).total_seconds() == pytest.approx(length, abs=0.002)
    vtt = webvtt.read(str(folder / "lecture.vtt"))
    assert [caption.text for caption in vtt] == texts
    for caption, cue in zip(vtt, cues):
        assert caption.start_time.in_milliseconds() / 1000 == pytest.approx(cue.start.total_seconds(), abs=0.002)
        assert caption.end_time.in_milliseconds() / 1000 == pytest.approx(cue.end.total_seconds(), abs=0.002)


def test_chapters_txt_follows_the_platforms_rules(folder):
    lines = (folder / "chapters.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "0:00 Introduction"
    assert len(lines) >= 3
    starts = []
    for line in lines:
        match = re.fullmatch(r"(\d+):(\d\d) (.+)", line)
        assert match, line
        starts.append(int(match[1]) * 60 + int(match[2]))
    seconds = frame_count(folder / "lecture.mp4") / FPS
    assert all(later - earlier >= 10 for earlier, later in zip(starts, starts[1:] + [seconds]))


def test_the_script_lists_every_line_with_its_id_and_time(folder):
    script = (folder / "narration.md").read_text(encoding="utf-8")
    example = default_example()
    lines = [line for scene in LECTURE for line in SCENES[scene].lesson_for(example).narration]
    cues = cues_of(folder)
    assert len(cues) == len(lines)
    for cue, line in zip(cues, lines):
        assert f"- `{line.id}` {cue.start.total_seconds():.1f} s: {line.text}" in script
    assert script.count("\n## ") == len(LECTURE)


def test_manifest_records_the_lecture(folder):
    from clips.files import sha256_of

    manifest = json.loads((folder / "manifest.json").read_text())
    lecture = manifest["lecture"]
    assert lecture["file"] == "lecture.mp4" and lecture["sha256"] == sha256_of(folder / "lecture.mp4")
    assert [chapter["title"] for chapter in lecture["chapters"]] == headings()
    assert manifest["settings"]["narration"]["piper-tts"] == "1.8.0"
    assert manifest["settings"]["captions"] == "burned"
    assert lecture["seconds"] == pytest.approx(sum(clip["seconds"] for clip in manifest["clips"]), abs=0.01)
    assert datetime.timedelta(seconds=lecture["seconds"]) > datetime.timedelta(minutes=1)
