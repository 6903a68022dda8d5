"""A course: several examples, each rendered as a lecture, from one TOML file.

    title = "Attention, three ways"
    examples = ["fruit-vs-tech", "bank-river-vs-money", "my-example.toml"]
    formats = ["landscape", "vertical"]   # default ["landscape"]
    quality = "high"                      # default "low"
    narrate = true                        # default false
    voice_dir = "recordings"              # your own voice (implies narrate); default: none
    voice_model = "voices/es_ES-davefx-medium.onnx"   # a piper voice for the lines not recorded (implies narrate)
    languages = ["en", "es"]              # each lecture in each of these; default: each example's own
    captions = "burned"                   # or "none"; default "burned"
    present = true                        # each lecture's pages, and the course's index page; default true
    thumbnail = false                     # a PNG of each clip and a contact sheet; default false
    scenes = ["IntroCard", "GravityScene"]  # only these chapters' clips; default: every chapter
    chapters = ["intro", "gravity", "softmax", "recap"]  # every lecture's chapters, in order (built-in
                                          # by name, your own as file.py:Name); default: each example's

An example is a shipped example's name or a path relative to the course file. The course's
name (its folder under --out) is the file's name without .toml, or `name`. Every mistake is
one ExampleError naming the field, as in an example file.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from attention_core.example_file import ExampleError, describe, find_example, read_name, read_text
from attention_core.text import closest

COURSE_KEYS = {
    "title": True,
    "examples": True,
    "name": False,
    "formats": False,
    "quality": False,
    "narrate": False,
    "voice_dir": False,
    "voice_model": False,
    "languages": False,
    "captions": False,
    "present": False,
    "thumbnail": False,
    "scenes": False,
    "chapters": False,
}
TITLE_LIMIT = 80  # characters: the course page's heading
MOST_EXAMPLES = 50  # a course longer than this is more likely a mistake than a course


@dataclass(frozen=True)
class Course:
    name: str  # the course's folder under --out: lower-case letters, digits and hyphens
    title: str  # the index page's heading
    examples: tuple[Path, ...]  # the example files, in teaching order
    formats: tuple[str, ...]  # each lecture in each of these: "landscape", "vertical"
    quality: str  # a key of clips.job.QUALITIES
    narrate: bool  # spoken lectures (the offline voice, or voice_dir's recordings)
    voice_dir: Path | None  # the creator's recordings, for every lecture
    voice_model: Path | None  # a piper voice (.onnx, its config beside it) for every lecture; None: the bundled one
    languages: tuple[str, ...]  # each lecture in each of these language codes; () for each example's own
    captions: str  # "burned" or "none"
    present: bool  # each lecture's pages and the course's index page
    thumbnail: bool  # a PNG of each clip, and a contact sheet per lecture
    scenes: tuple[str, ...]  # chapters to render in every lecture; () for all
    chapters: tuple[str, ...] | None  # every lecture's chapters (each example's `chapters`); None: each example's own
    folder: Path  # the course file's folder: where its chapter files are
    sha256: str  # of the course file's bytes


def load_course(path: Path, formats: tuple[str, ...], qualities: tuple[str, ...], scene_names: list[str]) -> Course:
    """Read and check the course file at `path`; the choices allowed come from the caller."""
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ExampleError("file", "does not exist; give the path of a course .toml file") from None
    except IsADirectoryError:
        raise ExampleError("file", "is a folder; give the path of a course .toml file") from None
    except UnicodeDecodeError:
        raise ExampleError("file", "is not UTF-8 text; save it as a UTF-8 .toml file") from None
    except tomllib.TOMLDecodeError as error:
        raise ExampleError("toml", f"not valid TOML: {error}; check the quoting and brackets there") from None
    check_course_keys(data)
    name = read_name(data["name"]) if "name" in data else course_name(path)
    voice_dir = data.get("voice_dir")
    if voice_dir is not None:
        voice_dir = path.parent / read_text(voice_dir, "voice_dir", 400)
        if not voice_dir.is_dir():
            raise ExampleError(
                "voice_dir",
                f"{str(voice_dir)!r} is not a folder; give the folder of your recordings, relative to the course file",
            )
    voice_model = data.get("voice_model")
    if voice_model is not None:
        voice_model = path.parent / read_text(voice_model, "voice_model", 400)
        if voice_model.suffix != ".onnx" or not voice_model.is_file():
            raise ExampleError(
                "voice_model",
                f"{str(voice_model)!r} is not a .onnx file; give a piper voice's model, relative to the course file",
            )
    return Course(
        name=name,
        title=read_text(data["title"], "title", TITLE_LIMIT),
        examples=read_examples(data["examples"], path.parent),
        formats=read_choices(data.get("formats", ["landscape"]), "formats", formats),
        quality=read_choice(data.get("quality", "low"), "quality", qualities),
        narrate=read_flag(data.get("narrate", False), "narrate") or voice_dir is not None or voice_model is not None,
        voice_dir=voice_dir,
        voice_model=voice_model,
        languages=read_languages(data["languages"]) if "languages" in data else (),
        captions=read_choice(data.get("captions", "burned"), "captions", ("burned", "none")),
        present=read_flag(data.get("present", True), "present"),
        thumbnail=read_flag(data.get("thumbnail", False), "thumbnail"),
        scenes=read_choices(data["scenes"], "scenes", tuple(scene_names)) if "scenes" in data else (),
        chapters=read_chapter_names(data["chapters"]) if "chapters" in data else None,
        folder=path.parent,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def read_chapter_names(value) -> tuple[str, ...]:
    """`chapters`, as written: each example checks it as its own `chapters` list."""
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise ExampleError(
            "chapters", f'must be a list of chapter names, like ["intro", "gravity", "recap"], got {describe(value)}'
        )
    return tuple(value)


def check_course_keys(data: dict) -> None:
    for key in data:
        if key not in COURSE_KEYS:
            close = closest(key, COURSE_KEYS)
            hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(COURSE_KEYS)}"
            raise ExampleError(key, f"unknown key; {hint}")
    for key, required in COURSE_KEYS.items():
        if required and key not in data:
            raise ExampleError(key, "is missing; add it (see docs/course.md)")


def course_name(path: Path) -> str:
    try:
        return read_name(path.stem)
    except ExampleError:
        raise ExampleError(
            "name",
            f"the file name {path.stem!r} is not a folder name (lower-case letters, digits "
            'and single hyphens): rename the file, or add name = "my-course"',
        ) from None


def read_examples(value, folder: Path) -> tuple[Path, ...]:
    if not isinstance(value, list) or not value:
        raise ExampleError("examples", f"must be a list of example files, got {describe(value)}")
    if len(value) > MOST_EXAMPLES:
        raise ExampleError("examples", f"has {len(value)} examples; at most {MOST_EXAMPLES}: split the course")
    found = []
    for index, entry in enumerate(value):
        field = f"examples[{index}]"
        if not isinstance(entry, str) or not entry.strip():
            raise ExampleError(field, f"must be an example's name or path, got {describe(entry)}")
        beside = folder / entry
        try:
            path = beside if beside.is_file() else find_example(entry)
        except ExampleError as error:
            raise ExampleError(field, f"{entry!r} {error.problem}") from None
        if path.resolve() in {earlier.resolve() for earlier in found}:
            raise ExampleError(field, f"{entry!r} is already in the course; give each example once")
        found.append(path)
    return tuple(found)


def read_languages(value) -> tuple[str, ...]:
    """`languages`: codes of shipped catalogues (or "en"), each once."""
    from attention_core.language import LanguageError, language

    if not isinstance(value, list) or not value:
        raise ExampleError("languages", f'must be a list of language codes like ["en", "es"], got {describe(value)}')
    for index, code in enumerate(value):
        if not isinstance(code, str):
            raise ExampleError(
                f"languages[{index}]", f'must be a language code in quotes, such as "es", got {describe(code)}'
            )
        try:
            language(code)
        except LanguageError as refused:
            raise ExampleError(f"languages[{index}]", str(refused)) from None
    if len(set(value)) != len(value):
        raise ExampleError("languages", "names one twice; give each once")
    return tuple(value)


def read_choices(value, field: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ExampleError(field, f"must be a list of {', '.join(allowed)}, got {describe(value)}")
    chosen = tuple(read_choice(item, f"{field}[{index}]", allowed) for index, item in enumerate(value))
    if len(set(chosen)) != len(chosen):
        raise ExampleError(field, "names one twice; give each once")
    return chosen


def read_choice(value, field: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        close = closest(str(value), allowed) if isinstance(value, str) else None
        hint = f"did you mean {close!r}?" if close else f"choose from {', '.join(allowed)}"
        raise ExampleError(field, f"{describe(value)} is not one of these; {hint}")
    return value


def read_flag(value, field: str) -> bool:
    if not isinstance(value, bool):
        raise ExampleError(field, f"must be true or false, got {describe(value)}")
    return value


COURSE_FILE = "course.json"
COURSE_PAGES = Path(__file__).parent / "course_files"  # index.html, course-page.js


def course_record(folder: Path, course: Course, plans: list, manifests: list[dict]) -> dict:
    """course.json: the course, and for each lecture its manifest (path and hash), running
    time, chapters and page, with paths relative to the course's folder."""
    from clips.files import sha256_of
    from clips.manifest import MANIFEST
    from clips.site import SITE

    lectures = []
    for lecture_plan, manifest in zip(plans, manifests):
        where = lecture_plan.folder.relative_to(folder)
        lecture = manifest.get("lecture") if lecture_plan.lecture else None  # (not a lecture the ledger kept)
        scenes = {job.scene for job in lecture_plan.jobs}
        page = where / SITE / "index.html" if lecture_plan.present and lecture else None
        lectures.append(
            {
                "example": lecture_plan.run.example["name"],
                "title": lecture_plan.title,
                "format": lecture_plan.run.settings["format"],
                "language": lecture_plan.run.example.get("language", {}).get("code", "en"),
                "quality": lecture_plan.run.quality,
                "manifest": str(where / MANIFEST),
                "manifest_sha256": sha256_of(lecture_plan.folder / MANIFEST),
                "clips": [
                    {"file": str(where / clip["file"]), "sha256": clip["sha256"], "seconds": clip["seconds"]}
                    for clip in manifest["clips"]
                    if clip["scene"] in scenes
                ],
                "lecture": None
                if lecture is None
                else {
                    "file": str(where / lecture["file"]),
                    "sha256": lecture["sha256"],
                    "seconds": lecture["seconds"],
                    "chapters": [
                        {"title": chapter["title"], "start": chapter["start"]} for chapter in lecture["chapters"]
                    ],
                },
                "page": None if page is None else str(page),
                "present": None if page is None else str(page.with_name("present.html")),
            }
        )
    seconds = sum(
        lecture["lecture"]["seconds"] if lecture["lecture"] else sum(clip["seconds"] for clip in lecture["clips"])
        for lecture in lectures
    )
    return {
        "course": {"name": course.name, "title": course.title, "sha256": course.sha256},
        "seconds": round(seconds, 3),
        "lectures": lectures,
    }


def write_course(folder: Path, course: Course, plans: list, manifests: list[dict]) -> Path:
    """Write course.json in the course's folder and, when every lecture has its pages, the
    course's index page (index.html, course.js, course-page.js, common.js, site.css); return course.json."""
    import json

    from clips.files import atomic_copy, atomic_write_json, atomic_write_text
    from clips.site import PAGES

    record = course_record(folder, course, plans, manifests)
    if all(lecture["page"] for lecture in record["lectures"]):
        data = json.dumps(record, ensure_ascii=False, indent=1).replace("</", "<\\/")  # as clips/site.py writes it
        atomic_write_text(f"window.COURSE = {data};\n", folder / "course.js")
        for page in sorted(COURSE_PAGES.iterdir()):
            atomic_copy(page, folder / page.name)
        for shared in ("site.css", "common.js"):  # the lecture pages' style and helpers
            atomic_copy(PAGES / shared, folder / shared)
    atomic_write_json(record, folder / COURSE_FILE)
    return folder / COURSE_FILE
