"""Planning: a Request (render.py's command line, frozen) or a course file turned into Plans,
every check made first, nothing written. `render` and `render_course` then render the plans
(clips/run.py). Tests of planning and of bad options call these in process."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from attention_core.lessons.catalog import HEADLINE, lecture_scenes
from attention_core.lessons.lecture import chapter_by_scene
from attention_core.text import closest
from clips.job import FORMATS, QUALITIES, ClipJob
from clips.manifest import RunRecord
from clips.request import Request, UsageError
from clips.run import SCENE_NAMES, Plan, render_plans

CACHE = ".cache"  # under --out: synthesised lines and typeset text, by a hash of what made them


def chosen_scenes(
    names: list[str], default: list[str] | tuple[str, ...] = HEADLINE, lecture: list[str] | None = None
) -> list[str]:
    """The scenes named (or `default`), in the lecture's order (`lecture`: an example's own
    chapters, else teaching order); an unknown name is a UsageError."""
    known = list(dict.fromkeys([*(lecture or []), *SCENE_NAMES]))
    for name in names:
        if name not in known:
            close = closest(name, known)
            hint = f"did you mean {close}?" if close else f"choose from {', '.join(known)}"
            raise UsageError(f"unknown scene {name!r}: {hint}")
    return [name for name in known if (name in names if names else name in default)]


def read_example(path: str | None):
    """The example at `path` (default: the shipped one); a bad file, or one with characters the
    bundled font cannot draw, is a UsageError."""
    from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, load_example
    from scenes.fonts import check_drawable

    path = path or str(DEFAULT_EXAMPLE)
    try:
        example = load_example(path)
        check_drawable(example)
        return example
    except ExampleError as error:
        raise UsageError(f"{path}: {error}") from None


def with_chapters(example, chapters: tuple[str, ...], folder: str):
    """`example` with a course's `chapters` list (its chapter files in the course's `folder`)."""
    from attention_core.example_file import ExampleError, read_chapters

    try:
        chosen, files = read_chapters(list(chapters), Path(folder), example.model is not None)
    except ExampleError as error:
        raise UsageError(str(error)) from None
    return dataclasses.replace(example, chapters=chosen, chapter_files=files)


def languages_asked(request: Request) -> list[str | None]:
    """The languages of --language, each checked (None: the example's own)."""
    if request.language is None:
        return [None]
    from attention_core.language import LanguageError, language

    codes = [code.strip() for code in request.language.split(",")]
    if "" in codes or len(set(codes)) != len(codes):
        raise UsageError(f"--language takes codes separated by commas, each once (en,es), got {request.language!r}")
    for code in codes:
        try:
            language(code)
        except LanguageError as refused:
            raise UsageError(f"--language: {refused}") from None
    return codes


def plan(request: Request, language_code: str | None = None) -> Plan:
    """Check everything the user gave; return what to render (in `language_code`, or the
    example's own language). Writes nothing."""
    from clips.voice import check_voice_installed, check_voice_speaks, chosen_voice, find_recordings

    if request.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {request.jobs}")
    example = read_example(request.example)
    if request.chapters is not None:  # a course's, for every lecture in it
        example = with_chapters(example, request.chapters, request.chapters_folder)
    if language_code is not None:
        example = dataclasses.replace(example, language=language_code)
    chapters = lecture_scenes(example)
    scenes = chosen_scenes(request.scenes, chapters if request.lecture else HEADLINE, chapters)
    for scene in scenes:
        if request.lecture and scene not in chapters:
            raise UsageError(f"{scene} is not a chapter of this example's lecture: add it to its chapters list")
        if chapter_by_scene(scene, example).needs_model and example.model is None:
            raise UsageError(
                f"{scene} draws a pretrained model: add a [model] table to the example (see assets/examples/README.md)"
            )
    if request.transparent and (request.narrate or request.voice_dir or request.voice_model):
        raise UsageError(
            "--transparent makes silent clips to composite over your footage: drop --narrate "
            "(the .srt files still have every line), or render the narration without --transparent"
        )
    variant = "".join(
        f"-{part}"
        for part, wanted in (("vertical", request.format == "vertical"), ("transparent", request.transparent))
        if wanted
    )
    folder = Path(request.out) / example.name  # the name is [a-z0-9-]+
    if example.language != "en":
        folder = folder / example.language  # a language code: letters, a hyphen
    folder = folder / f"{request.quality}{variant}"
    if request.lecture:
        folder = folder / "lecture"
    check_folder(folder, "--out", request.out)
    narrate = request.narrated
    if narrate:
        check_voice_installed()
    voice = chosen_voice(request) if narrate else None
    recordings = find_recordings(request.voice_dir, example, scenes) if request.voice_dir else {}
    if narrate:
        check_voice_speaks(voice, request, example, scenes, recordings)
    canonical = example.canonical()
    record = {
        "name": example.name,
        "sha256": example.sha256(),
        "defaults": list(example.defaults_used),
        "advice": example_advice_lines(example),
    }
    if example.language != "en":
        from attention_core.language import language

        record["language"] = {"code": example.language, "catalogue_sha256": language(example.language).digest}
    if example.model is not None:
        from attention_core.pretrained import weights_sha256

        record["model"] = {"name": example.model.name, "weights_sha256": weights_sha256(example.model.name)}
    settings = {"captions": request.captions, "format": request.format, "transparent": request.transparent}
    if narrate:
        from clips.voice import voice_versions

        settings["narration"] = {**voice_versions(voice), "recorded": sorted(recordings)}
    cache = request.cache or str(Path(request.out) / CACHE)
    check_folder(Path(cache), "--cache" if request.cache else "--out", request.cache or request.out)
    suffix = ".webm" if request.transparent else ".mp4"
    files = [
        f"{chapters.index(scene) + 1:02d}-{scene}{suffix}" if request.lecture else f"{scene}{suffix}"
        for scene in scenes
    ]
    jobs = [
        ClipJob(
            scene=scene,
            example=canonical,
            quality=request.quality,
            target=str(folder / file),
            cache=cache,
            narrate=narrate,
            recordings=tuple(sorted((line, str(path)) for line, path in recordings.items())),
            voice_model=str(voice.model) if voice is not None and not voice.bundled else None,
            burn_captions=request.captions == "burned",
            format=request.format,
            transparent=request.transparent,
            thumbnail=request.thumbnail,
        )
        for scene, file in zip(scenes, files)
    ]
    if request.present and not request.lecture:
        raise UsageError("--present writes the lecture's pages: use it with --lecture")
    return Plan(
        folder=folder,
        run=RunRecord(example=record, quality=request.quality, settings=settings),
        jobs=jobs,
        lecture=request.lecture and (narrate or request.present),
        title=example.title,
        cache=cache,
        force=request.force,
        present=request.present,
        thumbnail=request.thumbnail,
        example_path=request.example,
    )


COURSE_OPTIONS = ("course", "out", "cache", "jobs", "cluster", "force")  # the rest comes from the course file


def plan_course(request: Request):
    """Check the course file and every lecture in it; return the course and one plan per
    lecture (each example in each format). Writes nothing."""
    from attention_core.example_file import ExampleError
    from clips.course import load_course

    defaults = Request()
    for option in (field.name for field in dataclasses.fields(Request)):
        if option not in COURSE_OPTIONS and getattr(request, option) != getattr(defaults, option):
            given = "SCENE" if option == "scenes" else f"--{option.replace('_', '-')}"
            raise UsageError(
                f"--course takes the examples, formats, quality and narration from the course file: "
                f"drop {given} (see docs/course.md)"
            )
    path = Path(request.course)
    try:
        course = load_course(path, FORMATS, tuple(QUALITIES), SCENE_NAMES)
    except ExampleError as error:
        raise UsageError(f"{path}: {error}") from None
    settings = dict(
        out=str(Path(request.out) / course.name),
        jobs=request.jobs,
        force=request.force,
        cache=request.cache or str(Path(request.out) / CACHE),
        quality=course.quality,
        lecture=True,
        scenes=course.scenes,
        chapters=course.chapters,
        chapters_folder=str(course.folder),
        narrate=course.narrate,
        captions=course.captions,
        voice_dir=str(course.voice_dir) if course.voice_dir else None,
        voice_model=str(course.voice_model) if course.voice_model else None,
        present=course.present,
        thumbnail=course.thumbnail,
    )
    plans, folders = [], {}
    for index, example in enumerate(course.examples):
        for language_code, format in itertools.product(course.languages or (None,), course.formats):
            try:
                lecture_request = Request(**settings, example=str(example), format=format)
                lecture_plan = plan(lecture_request, language_code)
            except UsageError as error:
                raise UsageError(f"{path}: examples[{index}]: {error}") from None
            if lecture_plan.folder in folders:
                raise UsageError(
                    f"{path}: examples[{index}]: its name {lecture_plan.run.example['name']!r} is also "
                    f"examples[{folders[lecture_plan.folder]}]'s; give one of them another name"
                )
            folders[lecture_plan.folder] = index
            plans.append(lecture_plan)
    return course, plans


def render(request: Request) -> list[dict]:
    """Plan (which checks everything: every language asked), then render the plans together;
    return what this run made or reused, a manifest per language, less the earlier runs' clips
    and lecture that the ledger keeps."""
    plans = [plan(request, code) for code in languages_asked(request)]
    made = []
    for job_plan, manifest in zip(plans, render_plans(plans, request.jobs, request.cluster)):
        planned = {job.scene for job in job_plan.jobs}
        own = {**manifest, "clips": [clip for clip in manifest["clips"] if clip["scene"] in planned]}
        if not job_plan.lecture:
            own.pop("lecture", None)
        made.append(own)
    return made


def render_course(request: Request) -> Path:
    """Render every lecture of the course (their clips together), then write course.json and,
    with the lectures' pages, the course's index page; return course.json's path."""
    from clips.course import write_course

    course, plans = plan_course(request)
    manifests = render_plans(plans, request.jobs, request.cluster)
    return write_course(Path(request.out) / course.name, course, plans, manifests)


def example_advice_lines(example) -> list[str]:
    """What would make the example teach better (never fatal): "field: advice", in file order."""
    from attention_core.advice import example_advice

    return [str(advice) for advice in example_advice(example)]


def check_folder(folder: Path, option: str, given: str) -> None:
    """`folder` can be made (or is there): none of it, from the top, is a file. Checked before
    anything renders, so a wrong `option` is one line, not a traceback after the first clip."""
    for part in [folder, *folder.parents]:
        if part.exists() and not part.is_dir():
            raise UsageError(
                f"{option} {given!r}: {str(part)!r} is a file, not a folder; give a folder (it is made if missing)"
            )
        if part.is_dir():
            return
