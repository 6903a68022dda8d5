"""Benchmarks: prints its figures and writes them to build/bench.json. Not a test: nothing here
passes or fails.

    python bench.py                  the real model's load and forward times; the preview; narration speed; the narrated lecture of the default example at
                                     low and high, --jobs 1 and 2, from a cold start; an unchanged re-run
    python bench.py --quality low    only at 480p15 (a few minutes)
    python bench.py --model          only the real model's times
    python bench.py --course         only the course of the three examples: local --jobs 2 against a
                                     2-worker Dask cluster on this machine, and each clip's time
    python bench.py --phases         only where each clip's CPU time goes (tools/phases.py): the
                                     narrated lecture's clips one after another in this process,
                                     CPU-s per video-s and each phase's share (--quality: which)

The goals (issue 30, a 2-core machine): the narrated 1080p60 lecture at most 0.5x its running
time with --jobs 2 and at most 1.0 CPU-s per video-s; at 480p at most 0.15x; an unchanged re-run
at most 1 s; the lecture's preview, warm, at most 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GOALS = {("high", 2): " (goal: at most 0.5x)", ("low", 2): " (goal: at most 0.15x)"}


def narration_speed() -> dict:
    """Synthesis of every line of the default lecture, cold (no cache): × real time."""
    from attention_core.example_file import default_example
    from attention_core.lessons.catalog import lecture_scenes, lesson_for
    from clips.voice import piper_voice, synthesise

    started = time.perf_counter()
    piper_voice()
    load = time.perf_counter() - started
    example = default_example()
    texts = [line.text for scene in lecture_scenes(example) for line in lesson_for(scene, example).narration]
    started = time.perf_counter()
    spoken = sum(synthesise(text).seconds for text in texts)
    took = time.perf_counter() - started
    return {
        "lines": len(texts),
        "speech_seconds": round(spoken, 2),
        "synthesis_seconds": round(took, 2),
        "times_real_time": round(spoken / took, 1),
        "voice_load_seconds": round(load, 2),
    }


def model_speed() -> dict:
    """all-MiniLM-L6-v2 in attention_core: the load (weights and tokenizer, cold in this
    process) and one forward pass of a 16-piece sentence (the median of 21)."""
    from attention_core.pretrained import load_model

    started = time.perf_counter()
    model = load_model()
    load = time.perf_counter() - started
    sentence = "The quick brown fox jumps over the lazy dog near the quiet river bank"
    pieces = len(model.run(sentence).tokens)
    times = []
    for _ in range(21):
        started = time.perf_counter()
        model.run(sentence)
        times.append(time.perf_counter() - started)
    return {
        "load_seconds": round(load, 3),
        "pieces": pieces,
        "forward_milliseconds": round(1000 * sorted(times)[len(times) // 2], 1),
    }


def run_render(out: str, quality: str, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of `render.py --lecture --narrate` into `out`. (The largest process's
    peak memory is in resource.getrusage(RUSAGE_CHILDREN).ru_maxrss, in kB, after it.)"""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "render.py"),
            "--lecture",
            "--narrate",
            "--quality",
            quality,
            "--jobs",
            str(jobs),
            "--out",
            out,
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def lecture_render(quality: str, jobs: int) -> dict:
    """The narrated lecture from a cold start (a new output folder: no voice or text cache),
    then the same command again, with nothing changed."""
    with tempfile.TemporaryDirectory(prefix="bench-") as out:
        wall, cpu = run_render(out, quality, jobs)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # of the largest process so far
        again, _ = run_render(out, quality, jobs)
        manifest = json.loads(next(Path(out).glob("*/*/lecture/manifest.json")).read_text())
    running = manifest["lecture"]["seconds"]
    return {
        "quality": quality,
        "jobs": jobs,
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "lecture_seconds": running,
        "wall_per_video_second": round(wall / running, 2),
        "cpu_per_video_second": round(cpu / running, 2),
        "unchanged_rerun_seconds": round(again, 2),
        "peak_megabytes": round(peak / 1024),
        "clip_megabytes": {clip["file"]: round(clip["bytes"] / 1e6, 2) for clip in manifest["clips"]},
        "lecture_megabytes": round(manifest["lecture"]["bytes"] / 1e6, 2),
    }


def preview_speed() -> dict:
    """`render.py --lecture --preview --jobs 2` of the default example: cold (a new output
    folder), then warm (its cache of typeset text kept). The issue's goal: 15 s warm."""
    times = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as out:
        for run in ("cold", "warm"):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "render.py"), "--lecture", "--preview", "--jobs", "2", "--out", out],
                check=True,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            times[f"{run}_seconds"] = round(time.perf_counter() - started, 1)
    return times


COURSE = """title = "Three examples"
examples = ["fruit-vs-tech", "bank-river-vs-money", "it-animal-or-street"]
"""


def course_speed() -> dict:
    """The course of the three shipped examples at low (silent lectures with their pages), cold:
    locally with --jobs 2, then on a cluster of two workers on this machine (the cluster's
    overhead; goal: at most 10 %). Then each clip alone, in this process, for the scaling
    figures: a course on N workers takes about max(longest clip, all clips / N), plus joining."""
    sys.path.insert(0, str(ROOT / "tools"))
    from local_cluster import LocalCluster

    figures = {}
    with tempfile.TemporaryDirectory(prefix="bench-course-") as scratch:
        folder = Path(scratch)
        (folder / "three.toml").write_text(COURSE)
        for where in ("local", "cluster"):
            cluster = LocalCluster(folder / "dask", workers=2) if where == "cluster" else None
            command = [
                sys.executable,
                str(ROOT / "render.py"),
                "--course",
                str(folder / "three.toml"),
                "--out",
                str(folder / where),
            ]
            command += ["--cluster", cluster.address] if cluster else ["--jobs", "2"]
            started = time.perf_counter()
            try:
                subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            finally:
                if cluster:
                    cluster.stop()
            figures[f"{where}_seconds"] = round(time.perf_counter() - started, 1)
        record = json.loads((folder / "local" / "three" / "course.json").read_text())
        figures["overhead_percent"] = round(100 * (figures["cluster_seconds"] / figures["local_seconds"] - 1), 1)
        figures["video_seconds"] = record["seconds"]
        figures["clip_seconds"] = clip_times(folder / "three.toml", folder / "alone")
    times = sorted(figures["clip_seconds"].values(), reverse=True)
    figures["predicted_seconds"] = {
        workers: round(max(times[0], sum(times) / workers), 1) for workers in (1, 2, 4, 8, 16, 36)
    }
    return figures


def clip_times(course: Path, out: Path) -> dict[str, float]:
    """Seconds to render each clip of the course alone, one after another in this process."""
    from clips.job import render_staged
    from clips.plan import plan_course
    from clips.request import Request

    _, plans = plan_course(Request(course=str(course), out=str(out)))
    times = {}
    for job_plan in plans:
        job_plan.folder.mkdir(parents=True, exist_ok=True)
        for job in job_plan.jobs:
            started = time.perf_counter()
            render_staged(job)
            times[f"{job_plan.run.example['name']}/{Path(job.target).name}"] = round(time.perf_counter() - started, 2)
    return times


def clip_phases_table(quality: str) -> list[dict]:
    """Each clip of the narrated lecture rendered in this process (its voice synthesised first,
    outside the figures), with its CPU time by phase (tools/phases.py); printed as a table."""
    sys.path.insert(0, str(ROOT / "tools"))
    from phases import PHASES, clip_phases

    from clips.job import run_job
    from clips.plan import plan
    from clips.request import Request
    from scenes.catalog import SCENES

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-phases-") as out:
        job_plan = plan(Request(lecture=True, narrate=True, quality=quality, out=out))
        job_plan.folder.mkdir(parents=True)
        print(f"{'clip':17s} {'video s':>8s} {'CPU s':>7s} {'CPU/vs':>7s}  " + " ".join(f"{p:>10s}" for p in PHASES))
        for job in job_plan.jobs:
            job.voices(SCENES[job.scene].lesson_for(job.example_object()))  # the voice cached: not the render's
            entry, seconds, total = clip_phases(run_job, job)
            row = {"clip": job.scene, "video_seconds": entry["seconds"], "cpu_seconds": round(total, 1)}
            row["cpu_per_video_second"] = round(total / entry["seconds"], 2)
            row["shares"] = {phase: round(seconds[phase] / total, 3) for phase in PHASES}
            rows.append(row)
            print(
                f"{job.scene:17s} {entry['seconds']:8.1f} {total:7.1f} {row['cpu_per_video_second']:7.2f}  "
                + " ".join(f"{100 * row['shares'][p]:9.0f}%" for p in PHASES)
            )
    video = sum(row["video_seconds"] for row in rows)
    cpu = sum(row["cpu_seconds"] for row in rows)
    print(f"{'all':17s} {video:8.1f} {cpu:7.1f} {cpu / video:7.2f}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quality",
        choices=("low", "high"),
        action="append",
        help="only this quality (may be given twice; default: low and high)",
    )
    parser.add_argument("--model", action="store_true", help="only the real model's load and forward times")
    parser.add_argument("--course", action="store_true", help="only the course: local against a 2-worker cluster")
    parser.add_argument("--phases", action="store_true", help="only each clip's CPU time by phase")
    arguments = parser.parse_args()
    figures = {"machine": {"cores": os.cpu_count()}, "lecture": []}
    if arguments.phases:
        figures["phases"] = {quality: clip_phases_table(quality) for quality in arguments.quality or ["high"]}
        return write_figures(figures)
    figures["model"] = model_speed()
    print(
        f"model: loads in {figures['model']['load_seconds']} s; a {figures['model']['pieces']}-piece sentence "
        f"runs in {figures['model']['forward_milliseconds']} ms"
    )
    if arguments.model:
        return 0
    figures["course"] = course_speed()
    course = figures["course"]
    print(
        f"course of the three examples at low ({course['video_seconds']} s of video): --jobs 2 {course['local_seconds']} s, a 2-worker cluster here "
        f"{course['cluster_seconds']} s (overhead {course['overhead_percent']} %, goal: at most 10 %); "
        f"{len(course['clip_seconds'])} clips, longest {max(course['clip_seconds'].values())} s, all "
        f"{round(sum(course['clip_seconds'].values()), 1)} s; on N workers about "
        + ", ".join(f"{workers}: {seconds} s" for workers, seconds in course["predicted_seconds"].items())
    )
    if arguments.course:
        return write_figures(figures)
    figures["preview"] = preview_speed()
    print(
        f"preview of the whole lecture, --jobs 2: {figures['preview']['cold_seconds']} s cold, "
        f"{figures['preview']['warm_seconds']} s warm (goal: at most 10 s warm)"
    )
    figures["narration"] = narration_speed()
    print(
        f"narration: {figures['narration']['times_real_time']}x real time "
        f"({figures['narration']['speech_seconds']} s of speech in {figures['narration']['synthesis_seconds']} s)"
    )
    figures["phases"] = {"high": clip_phases_table("high")} if "high" in (arguments.quality or ["high"]) else {}
    for quality in arguments.quality or ["low", "high"]:
        for jobs in (1, 2):
            run = lecture_render(quality, jobs)
            figures["lecture"].append(run)
            print(
                f"lecture at {quality}, --jobs {jobs}: {run['wall_seconds']} s for {run['lecture_seconds']} s "
                f"of video = {run['wall_per_video_second']}x its running time{GOALS.get((quality, jobs), '')}, "
                f"{run['cpu_per_video_second']} CPU-s per video-second{' (goal: at most 1.0)' if quality == 'high' else ''}; "
                f"unchanged re-run {run['unchanged_rerun_seconds']} s (goal: at most 1 s); "
                f"peak memory {run['peak_megabytes']} MB; lecture.mp4 {run['lecture_megabytes']} MB"
            )
    return write_figures(figures)


def write_figures(figures: dict) -> int:
    target = ROOT / "build" / "bench.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"written to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
