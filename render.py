"""Render the attention clips and write manifest.json beside them.

    python render.py                          every clip, low quality, into build/
    python render.py GravityScene -q high     one clip at 1080p60
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

SCENE_NAMES = ["GravityScene", "ProjectionScene", "MultiHeadScene"]  # teaching order


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="render.py",
        description="Render explanatory clips about attention, plus manifest.json. Clips go to "
        "OUT/<example-name>/<quality>/<SceneName>.mp4; the manifest records each clip's lesson "
        "(every number it shows), file hash and length.",
    )
    parser.add_argument("scenes", nargs="*", metavar="SCENE",
                        help=f"clips to render, by scene name (default: all): {', '.join(SCENE_NAMES)}")
    parser.add_argument("-q", "--quality", choices=list(QUALITIES), default="low",
                        help="low 480p15, medium 720p30, high 1080p60, production 1440p60, 4k 2160p60 "
                        "(default: low)")
    parser.add_argument("-o", "--out", default="build", metavar="DIR",
                        help="output folder (default: build)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="render N clips at once, each in its own process (default: 1)")
    return parser.parse_args(argv)


def chosen_scenes(names: list[str]) -> list[str]:
    for name in names:
        if name not in SCENE_NAMES:
            close = difflib.get_close_matches(name, SCENE_NAMES, n=1)
            hint = f"did you mean {close[0]}?" if close else f"choose from {', '.join(SCENE_NAMES)}"
            raise UsageError(f"unknown scene {name!r}: {hint}")
    return [name for name in SCENE_NAMES if not names or name in names]


def render(arguments: argparse.Namespace) -> dict:
    from attention_core.examples import default_example

    if arguments.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, got {arguments.jobs}")
    scenes = chosen_scenes(arguments.scenes)
    example = default_example()
    folder = Path(arguments.out) / example.name / arguments.quality
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [ClipJob(scene, None, arguments.quality, str(folder / f"{scene}.mp4")) for scene in scenes]
    entries = run_jobs(jobs, arguments.jobs)
    return write_manifest(folder, {"name": example.name, "sha256": example.sha256()},
                          arguments.quality, entries, SCENE_NAMES)


def run_jobs(jobs: list[ClipJob], workers: int) -> list[dict]:
    """Run the jobs with a progress bar; in worker processes when workers > 1."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    entries = []
    with Progress(*columns, transient=False) as progress:
        task = progress.add_task("rendering", total=len(jobs))
        if workers == 1:
            for job in jobs:
                progress.update(task, description=f"rendering {job.scene}")
                entries.append(run_job(job))
                progress.advance(task)
        else:
            context = multiprocessing.get_context("spawn")  # manim's config is process-global
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                for entry in pool.map(run_job, jobs):
                    entries.append(entry)
                    progress.update(task, description=f"rendered {entry['scene']}")
                    progress.advance(task)
    return entries


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        manifest = render(arguments)
    except UsageError as error:
        print(f"render.py: error: {error}", file=sys.stderr)
        return 2
    for clip in manifest["clips"]:
        print(f"{clip['file']}: {clip['seconds']:.1f} s, {clip['frames']} frames")
    return 0


if __name__ == "__main__":
    sys.exit(main())
