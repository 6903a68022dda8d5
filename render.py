"""Render the attention clips and write manifest.json beside them.

    python render.py                                   every clip of the default example
    python render.py GravityScene -q high              one clip at 1080p60
    python render.py --example my-lesson.toml          every clip of your own example
    python render.py --lecture                         the whole lecture, in order
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from clips.job import QUALITIES, ClipJob, run_job
from clips.manifest import write_manifest

from scenes.catalog import HEADLINE, LECTURE

SCENE_NAMES = list(LECTURE)  # every clip, in teaching order


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="render.py",
        description="Render explanatory clips about attention, plus manifest.json. Clips go to "
        "OUT/<example-name>/<quality>/<SceneName>.mp4; the manifest records the example's hash "
        "and each clip's lesson (every number it shows), file hash and length.",
    )
    parser.add_argument("scenes", nargs="*", metavar="SCENE",
                        help=f"clips to render, by scene name (default: the headline clips "
                        f"{', '.join(HEADLINE)}); any of: {', '.join(SCENE_NAMES)}")
    parser.add_argument("--lecture", action="store_true",
                        help="render every clip in teaching order, numbered, into OUT/<name>/<quality>/lecture/")
    parser.add_argument("-e", "--example", metavar="PATH",
                        help="the example file (TOML) to draw: words, sentences, maps "
                        "(default: assets/examples/fruit-vs-tech.toml)")
    parser.add_argument("-q", "--quality", choices=list(QUALITIES), default="low",
                        help="low 480p15, medium 720p30, high 1080p60, production 1440p60, 4k 2160p60 "
                        "(default: low)")
    parser.add_argument("-o", "--out", default="build", metavar="DIR",
                        help="output folder (default: build)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="render N clips at once, each in its own process (default: 1)")
    parser.add_argument("--list-examples", action="store_true",
                        help="list the shipped example files with their titles, then stop")
    parser.add_argument("--check-example", metavar="PATH",
                        help="check an example file and say what is wrong, without rendering")
    return parser.parse_args(argv)


def chosen_scenes(names: list[str]) -> list[str]:
    for name in names:
        if name not in SCENE_NAMES:
            close = difflib.get_close_matches(name, SCENE_NAMES, n=1)
            hint = f"did you mean {close[0]}?" if close else f"choose from {', '.join(SCENE_NAMES)}"
            raise UsageError(f"unknown scene {name!r}: {hint}")
    return [name for name in SCENE_NAMES if (name in names if names else name in HEADLINE)]


def read_example(path: str | None):
    """The example at `path` (default: the shipped one); a bad file is a UsageError."""
    from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, load_example

    path = path or str(DEFAULT_EXAMPLE)
    try:
        return load_example(path)
    except ExampleError as error:
        raise UsageError(f"{path}: {error}") from None


def plan(arguments: argparse.Namespace) -> tuple[Path, dict, list[ClipJob]]:
    """Check everything the user gave; return the output folder, the manifest's example
    record and the jobs. Writes nothing."""
    if arguments.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {arguments.jobs}")
    if arguments.lecture and arguments.scenes:
        raise UsageError("--lecture renders every clip; give no scene names with it")
    scenes = SCENE_NAMES if arguments.lecture else chosen_scenes(arguments.scenes)
    example = read_example(arguments.example)
    folder = Path(arguments.out) / example.name / arguments.quality  # the name is [a-z0-9-]+
    if arguments.lecture:
        folder = folder / "lecture"
    canonical = example.canonical()
    record = {"name": example.name, "sha256": example.sha256(), "defaults": list(example.defaults_used)}
    files = [f"{number:02d}-{scene}.mp4" if arguments.lecture else f"{scene}.mp4"
             for number, scene in enumerate(scenes, start=1)]
    jobs = [ClipJob(scene, canonical, arguments.quality, str(folder / file)) for scene, file in zip(scenes, files)]
    return folder, record, jobs


def render(arguments: argparse.Namespace) -> dict:
    """Plan (which checks everything), then create the folder and render clip by clip."""
    folder, record, jobs = plan(arguments)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for entry in run_jobs(jobs, arguments.jobs):  # the manifest follows each finished clip
        manifest = write_manifest(folder, record, arguments.quality, [entry], SCENE_NAMES)
    return manifest


def run_jobs(jobs: list[ClipJob], workers: int):
    """Yield each job's manifest entry as it finishes, under a progress bar; in worker
    processes when workers > 1 (manim's config is process-global)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task("rendering", total=len(jobs))
        if workers == 1:
            for job in jobs:
                progress.update(task, description=f"rendering {job.scene}")
                yield run_job(job)
                progress.advance(task)
        else:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                for entry in pool.map(run_job, jobs):
                    progress.update(task, description=f"rendered {entry['scene']}")
                    yield entry
                    progress.advance(task)


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
    try:
        if arguments.list_examples:
            list_examples()
            return 0
        if arguments.check_example:
            example = read_example(arguments.check_example)
            defaults = f" (defaults used for: {', '.join(example.defaults_used)})" if example.defaults_used else ""
            print(f"{arguments.check_example}: ok, example {example.name!r}{defaults}")
            return 0
        manifest = render(arguments)
    except UsageError as error:
        print(f"render.py: error: {error}", file=sys.stderr)
        return 2
    for clip in manifest["clips"]:
        print(f"{clip['file']}: {clip['seconds']:.1f} s, {clip['frames']} frames")
    return 0


if __name__ == "__main__":
    sys.exit(main())
