"""Benchmarks: prints its figures and writes them to build/bench.json. Not a test: nothing here
passes or fails.

    python bench.py                       narration speed; the narrated lecture at high (as make lecture)
    python bench.py --quality low         the lecture at 480p15 instead (quick)
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


def narration_speed() -> dict:
    """Synthesis of every line of the default lecture, cold (no cache): × real time."""
    from attention_core.example_file import default_example
    from clips.voice import piper_voice, synthesise
    from scenes.catalog import LECTURE

    started = time.perf_counter()
    piper_voice()
    load = time.perf_counter() - started
    example = default_example()
    texts = [line.text for scene in LECTURE.values() for line in scene.lesson_for(example).narration]
    started = time.perf_counter()
    spoken = sum(synthesise(text).seconds for text in texts)
    took = time.perf_counter() - started
    return {"lines": len(texts), "speech_seconds": round(spoken, 2), "synthesis_seconds": round(took, 2),
            "times_real_time": round(spoken / took, 1), "voice_load_seconds": round(load, 2)}


def lecture_render(quality: str, jobs: int) -> dict:
    """`render.py --lecture --narrate` from a cold start (new output folder, no voice cache)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "render.py"), "--lecture", "--narrate", "--quality", quality,
                        "--jobs", str(jobs), "--out", out], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        manifest = json.loads(next(Path(out).glob("*/*/lecture/manifest.json")).read_text())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    running = manifest["lecture"]["seconds"]
    return {"quality": quality, "jobs": jobs, "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
            "lecture_seconds": running, "wall_per_video_second": round(wall / running, 2),
            "cpu_per_video_second": round(cpu / running, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quality", default="high", help="the lecture's quality (default: high, as make lecture)")
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    figures = {"machine": {"cores": os.cpu_count()}}
    figures["narration"] = narration_speed()
    print(f"narration: {figures['narration']['times_real_time']}x real time "
          f"({figures['narration']['speech_seconds']} s of speech in {figures['narration']['synthesis_seconds']} s)")
    figures["lecture"] = lecture_render(arguments.quality, arguments.jobs)
    lecture = figures["lecture"]
    print(f"lecture at {lecture['quality']}, --jobs {lecture['jobs']}: {lecture['wall_seconds']} s for "
          f"{lecture['lecture_seconds']} s of video ({lecture['wall_per_video_second']}x its running time, "
          f"{lecture['cpu_per_video_second']} CPU-s per video-second)")
    target = ROOT / "build" / "bench.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"written to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
