"""The narrated lecture: the numbered clips joined into lecture.mp4 with one continuous
narration track and a chapter per clip, its subtitles (.srt, .vtt), the chapter list for a
video description (chapters.txt) and the script with every line's id and time (narration.md).

Times come from the rendered clips: each clip starts where the frames before it end, and
each line of narration starts where its scene said it and lasts as long as its voice.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from attention_core.language import t, writing_in
from clips.files import atomic_write_text, sha256_of
from clips.media import place_lines, soundtrack_samples, video_length, write_video

MIN_CHAPTER_SECONDS = 10  # YouTube's shortest chapter


@dataclass(frozen=True)
class Cue:
    line_id: str
    start: float  # seconds from the start of the lecture
    end: float
    text: str


@dataclass(frozen=True)
class Chapter:
    title: str
    first_frame: int
    end_frame: int  # one past the last
    start: float  # seconds
    cues: tuple[Cue, ...]


def chapters_of(entries: list[dict], texts: dict[str, str], frame_rate: int) -> list[Chapter]:
    """One chapter per clip, in order, with the clip's narration as cues on the lecture's clock."""
    chapters, frame = [], 0
    for entry in entries:
        start = frame / frame_rate
        cues = tuple(
            Cue(said["id"], start + said["start"], start + said["start"] + spoken(said), texts[said["id"]])
            for said in entry["narration"]
        )
        chapters.append(Chapter(entry["heading"], frame, frame + entry["frames"], start, cues))
        frame += entry["frames"]
    return chapters


def spoken(said: dict) -> float:
    """How long a line's cue lasts: its voice, or in a silent clip its whole beat."""
    return said["seconds"] if said["seconds"] is not None else said["end"] - said["start"]


def lecture_soundtrack(chapters: list[Chapter], voices: dict[str, np.ndarray], seconds: float) -> np.ndarray:
    """One continuous track: every line of every chapter at its place on the lecture's clock."""
    return place_lines(
        soundtrack_samples(seconds),
        [
            (cue.start, voices[cue.line_id])  # silent clips: none
            for chapter in chapters
            for cue in chapter.cues
            if cue.line_id in voices
        ],
    )


def clock(seconds: float) -> str:
    """A time as a video description writes it: 0:00, 4:05, 1:02:03."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def description_chapters(chapters: list[Chapter], total: float) -> list[tuple[float, str]]:
    """(start, title) for a video description: a chapter shorter than 10 s is folded into the
    one before it, so that every chapter keeps YouTube's minimum; the first starts at 0:00."""
    kept: list[list] = []
    for chapter in chapters:
        if kept and chapter.start - kept[-1][0] < MIN_CHAPTER_SECONDS:
            kept[-1][1] += f" / {chapter.title}"
        else:
            kept.append([chapter.start, chapter.title])
    if len(kept) > 1 and total - kept[-1][0] < MIN_CHAPTER_SECONDS:
        start, title = kept.pop()
        kept[-1][1] += f" / {title}"
    if kept:
        kept[0][0] = 0.0
    return [(start, title) for start, title in kept]


def chapters_text(chapters: list[Chapter], total: float) -> str:
    return "".join(f"{clock(start)} {one_line(title)}\n" for start, title in description_chapters(chapters, total))


def one_line(text: str) -> str:
    return " ".join(text.split())


def srt_text(chapters: list[Chapter]) -> str:
    import srt

    cues = [cue for chapter in chapters for cue in chapter.cues]
    return srt.compose(
        [
            srt.Subtitle(index, datetime.timedelta(seconds=cue.start), datetime.timedelta(seconds=cue.end), cue.text)
            for index, cue in enumerate(cues, start=1)
        ],
        reindex=False,
    )


def vtt_text(chapters: list[Chapter]) -> str:
    import webvtt
    from webvtt.models import Timestamp

    captions = webvtt.WebVTT()
    for chapter in chapters:
        for cue in chapter.cues:
            captions.captions.append(
                webvtt.Caption(
                    str(Timestamp.from_seconds(cue.start)),
                    str(Timestamp.from_seconds(cue.end)),
                    cue.text,
                    identifier=cue.line_id,
                )
            )
    out = io.StringIO()
    captions.write(out)
    return out.getvalue()


def narration_markdown(title: str, chapters: list[Chapter], voice: str) -> str:
    """The script, chapter by chapter: each line with its id (the name of its recording in
    --voice-dir) and the time it is said."""
    out = [
        "# " + t("script.title", "Narration: {title}", title=one_line(title)),
        "",
        t(
            "script.voice",
            "Voice: {voice}. To read a line yourself, record it as `<id>.wav` in a folder and render again with "
            "`--voice-dir FOLDER`; the clip's pacing follows your recording.",
            voice=voice,
        ),
        "",
    ]
    for number, chapter in enumerate(chapters, start=1):
        out += [f"## {number}. {one_line(chapter.title)} ({clock(chapter.start)})", ""]
        out += [f"- `{cue.line_id}` {cue.start:.1f} s: {cue.text}" for cue in chapter.cues]
        out.append("")
    return "\n".join(out)


def subtitle_files(language_code: str = "en") -> tuple[str, str]:
    """The lecture's subtitle files: lecture.srt and lecture.vtt, or in another language than
    English lecture.<code>.srt and .vtt, the way players and upload pages tell a track's language."""
    tag = "" if language_code == "en" else f".{language_code}"
    return f"lecture{tag}.srt", f"lecture{tag}.vtt"


def write_lecture_files(
    folder: Path, title: str, chapters: list[Chapter], total: float, voice: str, language_code: str = "en"
) -> list[str]:
    """Write the subtitles, the chapter list and the script; return their names."""
    srt_name, vtt_name = subtitle_files(language_code)
    files = {
        srt_name: srt_text(chapters),
        vtt_name: vtt_text(chapters),
        "chapters.txt": chapters_text(chapters, total),
        "narration.md": narration_markdown(title, chapters, voice),
    }
    for name, text in files.items():
        atomic_write_text(text, folder / name)
    return list(files)


def make_lecture(folder: Path, jobs: list, entries: list[dict], title: str) -> dict:
    """Join the rendered clips of `jobs` (their manifest `entries`, in order) into
    lecture.mp4 with one narration track and a chapter per clip, write its text files, and
    return the manifest's record of the lecture."""
    from attention_core.lessons.catalog import lesson_for
    from clips.job import frame_rate

    example = jobs[0].example_object()
    lessons = [lesson_for(job.scene, example) for job in jobs]
    texts = {line.id: line.text for lesson in lessons for line in lesson.narration}
    voices = {
        line: samples
        for job, lesson in zip(jobs, lessons)  # none for silent clips: a silent track
        for line, samples in (job.voices(lesson) or {}).items()
    }
    rate = frame_rate(jobs[0].quality)
    chapters = chapters_of(entries, texts, rate)
    total = sum(entry["frames"] for entry in entries) / rate
    target = folder / "lecture.mp4"
    write_video(
        target,
        [folder / entry["file"] for entry in entries],
        lecture_soundtrack(chapters, voices, total),
        [(chapter.title, chapter.first_frame, chapter.end_frame) for chapter in chapters],
    )
    with writing_in(example.language):  # the script's own words in the lecture's language
        files = write_lecture_files(folder, title, chapters, total, jobs[0].voice.name, example.language)
    frames, seconds = video_length(target)
    return {
        "file": target.name,
        "sha256": sha256_of(target),
        "bytes": target.stat().st_size,
        "frames": frames,
        "seconds": seconds,
        "chapters": [{"title": c.title, "start": round(c.start, 3), "first_frame": c.first_frame} for c in chapters],
        "files": files,
    }
