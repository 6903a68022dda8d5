"""The lecture's static site, beside lecture.mp4 in site/: a presenter for class (present.html),
a page for learners (index.html), and the one data file both read (lecture.js), derived from
the manifest alone. The pages never recompute the math: every number arrives written.

    site/index.html    the video, its chapters, subtitles on, a transcript that seeks, and
                       under each chapter the numbers behind its picture
    site/present.html  one beat (a narrated line) at a time, stopped on its last frame; ?speaker
                       is the speaker view, kept in step with the main window
    site/lecture.js    window.LECTURE = {...}: JSON (a script, not a .json file, so that the
                       pages work from file://, where a page may not fetch a file)
    site/lecture.mp4, site/lecture.vtt   copies (lecture.<code>.vtt in another language), so that the folder can be copied as it is

Every word from the example reaches the pages as JSON data and is put on them with
textContent, never as HTML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from attention_core.language import t, writing_in
from attention_core.text import format_number
from clips.files import atomic_copy, atomic_write_text
from clips.job import frame_rate
from clips.lecture import subtitle_files

SITE = "site"
PAGES = Path(__file__).parent / "site_files"  # index.html, present.html, site.css, common.js, page.js, present.js
MOST_VALUES = 12  # a list of numbers longer than this is summarised ("61 values"), not written out
MOST_ROWS = 40  # numbers shown under one chapter


@dataclass(frozen=True, kw_only=True)
class PageSettings:
    """How the pages show a lecture, from its run's settings; built by keyword."""

    quality: str  # the clips' quality: the frame rate that beats are timed in
    vertical: bool  # 9:16 clips: the pages lay the video out tall
    title: str  # the lecture's title, as the example writes it
    captions_burned: bool = True  # the picture has the captions: the subtitle track starts hidden
    language: str = "en"  # the lecture's language: its subtitles, the pages' lang and their own words


def site_data(lecture: dict, clips: list[dict], settings: PageSettings) -> dict:
    """What the pages show, from the manifest: the lecture's record and its clips' entries (in
    the lecture's order): chapters, beats (each narrated line from its start to the end of
    its beat, on the lecture's clock), each chapter's numbers, and the pages' own words, all
    in the lecture's language."""
    with writing_in(settings.language):
        return _site_data(lecture, clips, settings)


def _site_data(lecture: dict, clips: list[dict], settings: PageSettings) -> dict:
    rate = frame_rate(settings.quality)
    chapters, beats = [], []
    for number, (chapter, clip) in enumerate(zip(lecture["chapters"], clips)):
        start = chapter["start"]
        lesson = clip["lesson"]
        texts = {line["id"]: line["text"] for line in lesson.get("narration", [])}
        chapters.append(
            {
                "title": chapter["title"],
                "start": start,
                "end": round(start + clip["seconds"], 3),
                "numbers": numbers_of(lesson),
            }
        )
        for line in clip["narration"]:
            beats.append(
                {
                    "chapter": number,
                    "id": line["id"],
                    "text": texts.get(line["id"], ""),
                    "start": round(start + line["start"], 3),
                    "end": round(start + line["end"], 3),
                }
            )
    return {
        "title": settings.title,
        "language": settings.language,  # the subtitles', the pages' and their own words' language
        "frame_rate": round(rate, 3),
        "vertical": settings.vertical,
        "captions_burned": settings.captions_burned,
        "video": "lecture.mp4",
        "subtitles": subtitle_files(settings.language)[1],
        "seconds": lecture["seconds"],
        "chapters": chapters,
        "beats": beats,
        "words": page_words(),
    }


def page_words() -> dict[str, str]:
    """The pages' own words, in the language being written; {name} marks a value the page puts in."""
    return {
        "present": t("site.present", "Present it in class"),
        "present_note": t("site.present-note", "(one line at a time; S opens the speaker view)"),
        "chapters": t("site.chapters", "Chapters"),
        "transcript": t("site.transcript", "Transcript"),
        "subtitles": t("site.subtitles", "Subtitles"),
        "numbers": t("site.numbers", "The numbers behind this picture"),
        "video_problem": t(
            "site.video-problem",
            "The video {video} could not be played. Keep it in this folder, beside {page}.",
            video="{video}",
            page="{page}",
        ),
        "keys": t(
            "site.keys",
            "\u2192 or space: next line \u00b7 \u2190: back \u00b7 Page Up/Down: chapter \u00b7 Home/End \u00b7 "
            "F: full screen \u00b7 B: black \u00b7 S: speaker view",
        ),
        "speaker_keys": t("site.speaker-keys", "Keys here drive the main window too."),
        "start": t("site.start", "(the start)"),
        "next": t("site.next", "Next: {text}", text="{text}"),
        "end": t("site.end", "Next: (the end)"),
        "clock": t(
            "site.clock",
            "{clock} presenting \u00b7 line {index} of {count}",
            clock="{clock}",
            index="{index}",
            count="{count}",
        ),
    }


def with_subtitles(data: dict, folder: Path) -> dict:
    """`data` with the subtitles' text: a page opened from file:// may not load lecture.vtt."""
    return {**data, "subtitles_text": (folder / data["subtitles"]).read_text(encoding="utf-8")}


def numbers_of(lesson: dict) -> list[list[str]]:
    """[name, value] rows: the lesson's numbers, written as the clips write them (two places),
    lists of a few numbers in one row; its text (narration, the arc) is elsewhere on the page."""
    rows: list[list[str]] = []

    def walk(value, name: str):
        if len(rows) >= MOST_ROWS:
            return
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, (int, float)):
            rows.append([name, written(value)])
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("narration", "arc"):
                    walk(item, f"{name}.{key}" if name else key)
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        ):
            rows.append(
                [
                    name,
                    ", ".join(written(v) for v in value)
                    if len(value) <= MOST_VALUES
                    else t(
                        "site.values",
                        "{count} values, from {least} to {most}",
                        count=len(value),
                        least=written(min(value)),
                        most=written(max(value)),
                    ),
                ]
            )
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{name}[{index}]")

    walk(lesson, "")
    return [[readable(name), value] for name, value in rows]


def readable(name: str) -> str:
    """A lesson field's path as a learner reads it: "sentences[0].weights" -> "sentences 1 · weights"."""
    counted = re.sub(r"\[(\d+)\]", lambda match: f" {int(match[1]) + 1}", name)
    return counted.replace(".", " \u00b7 ").replace("_", " ")


def written(value) -> str:
    return str(value) if isinstance(value, int) else format_number(value)


def write_site(folder: Path, lecture: dict, clips: list[dict], settings: PageSettings) -> list[str]:
    """site/ beside lecture.mp4 in `folder` (see site_data for the rest); returns the names of
    the files in it."""
    site = folder / SITE
    site.mkdir(exist_ok=True)
    data = json.dumps(with_subtitles(site_data(lecture, clips, settings), folder), ensure_ascii=False, indent=1)
    escaped = data.replace("</", "<\\/")  # no "</script>" in a text can end a script (JSON reads "<\/" as "</")
    atomic_write_text(f"window.LECTURE = {escaped};\n", site / "lecture.js")
    for page in sorted(PAGES.iterdir()):
        atomic_copy(page, site / page.name)
    for name in ("lecture.mp4", subtitle_files(settings.language)[1]):
        atomic_copy(folder / name, site / name)
    return sorted(path.name for path in site.iterdir())
