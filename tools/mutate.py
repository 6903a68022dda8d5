"""make mutate: mutation testing with mutmut, one group of modules at a time, each mutant
run against the tests that cover it (mutmut maps every function to the tests that call it).

    .venv/bin/python tools/mutate.py                     every group: attention_core, clips, scenes, scenes-units
    .venv/bin/python tools/mutate.py attention_core      one group
    .venv/bin/python tools/mutate.py scenes 'scenes.gravity*'   only the mutants whose names match
    .venv/bin/python tools/mutate.py --report            print the scores of the last runs again

Each group runs in its own copy of the project under build/mutate/<group>/ (mutmut writes its
mutated copy, `mutants/`, beside the code it mutates), so the checkout is never touched. The
score per module is printed and written to build/mutate/report.json; the surviving mutants
are listed with `cd build/mutate/<group> && ../../../.venv/bin/mutmut show NAME`.

Why these tests per group: mutmut runs each mutant in a fresh fork, so a test's cost is paid
per mutant (about 1 s of start-up each, here). The core's and the clips' tests are quick:
the core group takes about an hour on 2 cores, the clips group 15 minutes. The scenes' tests
are dry-run builds (2-5 s each), so the scene group uses the files that check one scene's
drawing against its lesson, and a whole run of it takes hours: run it by module, with a
pattern. The scenes-units group mutates the scenes' modules that unit tests check (the stage's
regions, the fonts' character map, how points and sums are written) against those tests only:
minutes, and a floor (the scene builds check these modules too).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutate"
COPIED = ("attention_core", "scenes", "clips", "tests", "assets", "render.py", "pyproject.toml")

GROUPS = {  # group -> the test files its mutants run against (mutmut picks, per mutant, those that cover it)
    "attention_core": [
        "tests/test_core_errors.py",
        "tests/test_core_numbers.py",
        "tests/test_core_properties.py",
        "tests/test_lessons.py",
        "tests/test_lessons_more.py",
        "tests/test_claims.py",
        "tests/test_text.py",
        "tests/test_pretrained.py",
        "tests/test_example_file.py",
        "tests/test_golden_lessons.py",
    ],
    "clips": [
        "tests/test_clip_files.py",
        "tests/test_interrupted_writes.py",
        "tests/test_media.py",
        "tests/test_reuse.py",
        "tests/test_narration.py",
        "tests/test_voice_signal.py",
        "tests/test_pictures.py",
    ],
    "scenes": [
        "tests/test_scenes_gravity.py",
        "tests/test_scenes_lecture.py",
        "tests/test_scenes_multihead.py",
        "tests/test_scenes_projection.py",
        "tests/test_real_model.py",
        "tests/test_layout.py",
        "tests/test_fonts.py",
        "tests/test_stage.py",
    ],
    "scenes-units": ["tests/test_stage.py", "tests/test_fonts.py", "tests/test_writing.py"],
}

PRELOADED = (
    "numpy",
    "scipy.special",
    "manim",
    "av",
    "tokenizers",
    "safetensors.numpy",
    "PIL.Image",
    "srt",
    "webvtt",
    "hypothesis",
    "xdist.plugin",
)  # the libraries the tests import, slow to load


QUICK = {  # group -> (the package it mutates, the modules of it): the scenes' unit-tested modules, against
    # their quick tests only (a scene build per mutant would take hours)
    "scenes-units": ("scenes", ("scenes.layout*", "scenes.fonts*", "scenes.writing*")),
}


def package_of(group: str) -> str:
    return QUICK[group][0] if group in QUICK else group


def mutmut_config(group: str) -> str:
    """mutmut's section of setup.cfg for one group (the copy's pyproject has no [tool.mutmut]).
    The other packages, render.py and the assets are copied beside the mutated one, unchanged."""

    def lines(items) -> str:
        return "".join(f"\n    {item}" for item in items)

    package = package_of(group)
    others = [name for name in COPIED if name not in (package, "tests", "pyproject.toml")]
    return (
        f"[mutmut]\nsource_paths ={lines([package])}\nalso_copy ={lines(others)}\n"
        f"pytest_add_cli_args ={lines(['-n', '0', '-p', 'no:cacheprovider'])}\n"
        f"pytest_add_cli_args_test_selection ={lines(GROUPS[group])}\nuse_git_change_detection = false\n"
        "timeout_multiplier = 60\n"  # the tests' times were measured warm; a mutant's run starts cold
        "process_isolation = forkserver\n"  # fork from a process that ran no test (onnxruntime, tokenizers)
        # and that has imported the libraries but not the tests: a test module's own values (a
        # lesson made at import) are made again, from the mutated code, in each mutant's run
        "forkserver_warmup = import\npreload_modules_file = preload.txt\n"
    )


def prepare(group: str) -> Path:
    """A fresh copy of the project for `group`'s run, its mutmut settings in setup.cfg."""
    folder = WORK / group
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    (folder / "setup.cfg").write_text(mutmut_config(group))
    (folder / "preload.txt").write_text("\n".join(PRELOADED) + "\n")
    return folder


def scores(folder: Path) -> dict[str, Counter]:
    """Mutant outcomes per module, read from mutmut's .meta files."""
    from mutmut.stats import status_by_exit_code

    found = {}
    for meta in sorted((folder / "mutants").rglob("*.py.meta")):
        module = str(meta.relative_to(folder / "mutants"))[: -len(".meta")]
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        found[module] = Counter(status_by_exit_code[code] for code in codes.values())
    return found


def survivors(folder: Path) -> list[str]:
    listed = subprocess.run([sys.executable, "-m", "mutmut", "results"], cwd=folder, capture_output=True, text=True)
    return [line.strip() for line in listed.stdout.splitlines() if line.strip().endswith(": survived")]


def run_group(group: str, patterns: list[str]) -> dict:
    folder = prepare(group)
    if group in QUICK and not patterns:
        patterns = list(QUICK[group][1])
    # mutmut forks each mutant's run from a process that has used the word-piece tokenizer and
    # BLAS: with their thread pools in that process, a fork can wait forever on a lock
    single_threaded = {"TOKENIZERS_PARALLELISM": "false", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "run", "--max-children", "2", *patterns],
        cwd=folder,
        env={**os.environ, **single_threaded},
    )
    if done.returncode != 0:
        print(f"mutmut stopped with exit status {done.returncode} in {folder}", file=sys.stderr)
    return result_of(folder)


def result_of(folder: Path) -> dict:
    report = {}
    for module, counts in scores(folder).items():
        tested = sum(counts.values()) - counts["no tests"] - counts["skipped"] - counts["not checked"]
        killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
        report[module] = {"score": round(100 * killed / tested, 1) if tested else None, **counts}
    return {"modules": report, "survived": survivors(folder)}


def print_report(group: str, result: dict) -> None:
    print(f"\n{group}: mutation score per module (killed ÷ mutants with covering tests)")
    for module, row in result["modules"].items():
        score = "   -  " if row["score"] is None else f"{row['score']:5.1f}%"
        rest = ", ".join(f"{count} {status}" for status, count in sorted(row.items()) if status != "score")
        print(f"  {score}  {module:45} {rest}")


def main(argv: list[str]) -> int:
    groups = [name for name in argv if name in GROUPS] or list(GROUPS)
    patterns = [name for name in argv if name not in GROUPS and name != "--report"]
    WORK.mkdir(parents=True, exist_ok=True)
    report_path = WORK / "report.json"
    if "--report" in argv:
        groups = [group for group in groups if (WORK / group / "mutants").is_dir()]
    for group in groups:
        result = result_of(WORK / group) if "--report" in argv else run_group(group, patterns)
        print_report(group, result)
        # read again just before writing: another group may have finished meanwhile
        report = json.loads(report_path.read_text()) if report_path.is_file() else {}
        report[group] = result
        report_path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten: {report_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
