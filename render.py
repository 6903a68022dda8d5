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
import signal
import sys

from attention_core.lessons.catalog import HEADLINE
from clips.cluster import ClusterError, check_cluster
from clips.files import DiskFull
from clips.job import FORMATS, QUALITIES
from clips.plan import example_advice_lines, plan, plan_course, read_example, render, render_course  # noqa: F401
from clips.pool import Interrupted, WorkerDied
from clips.preview import preview, report_preview, watch
from clips.request import Request, UsageError
from clips.run import SCENE_NAMES, finished_so_far, stopped_by

# render.plan, render.plan_course and render.UsageError: as before (bench.py and the tests call them)


def parse_arguments(argv: list[str]) -> Request:
    """The command line as a Request (clips/request.py)."""
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
    parsed = vars(parser.parse_args(argv))
    return Request(**{**parsed, "scenes": tuple(parsed["scenes"])})


def list_examples() -> None:
    from attention_core.example_file import ExampleError, load_example, shipped_examples

    for path in shipped_examples():
        try:
            example = load_example(path)
            print(f"{path.name:32} {example.title}")
        except ExampleError as error:
            print(f"{path.name:32} (invalid: {error})")


def main(argv: list[str] | None = None) -> int:
    request = parse_arguments(sys.argv[1:] if argv is None else argv)
    from clips.pool import raise_on_terminate, redeliver_swallowed_stops, stop_workers

    signal.signal(signal.SIGTERM, raise_on_terminate)
    sys.unraisablehook = redeliver_swallowed_stops  # a Ctrl-C that lands in a finaliser is not lost
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past a file-size limit: a write error to report, not a crash
    # the workers stopped at an interrupt leave their queue's semaphores to multiprocessing's
    # resource tracker, which frees them and warns; it takes its warning filters from ours
    sys.warnoptions.append("ignore::UserWarning:multiprocessing.resource_tracker")
    try:
        if request.list_examples:
            list_examples()
            return 0
        if request.cluster is not None:
            check_cluster(request)
        if request.course:
            print(f"{render_course(request)}: the course's lectures, with their manifests")
            return 0
        if request.watch and not request.preview:
            raise UsageError("--watch re-draws the preview: use it with --preview")
        if request.preview:
            return watch(request) if request.watch else report_preview(preview(request))
        if request.check_example:
            example = read_example(request.check_example)
            defaults = f" (defaults used for: {', '.join(example.defaults_used)})" if example.defaults_used else ""
            print(f"{request.check_example}: ok, example {example.name!r}{defaults}")
            for line in example_advice_lines(example):
                print(f"{request.check_example}: advice: {line}")
            return 0
        manifests = render(request)
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
