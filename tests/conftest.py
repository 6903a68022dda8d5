import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # scene_harness

from helpers import SHARED_CACHE_VARIABLE  # noqa: E402

from attention_core.example_file import default_example  # noqa: E402
from attention_core.examples import Example, Sentence  # noqa: E402


def pytest_configure(config):
    """The run's shared cache (see helpers.shared_cache): made by the first process, before the
    test workers start, so that they inherit its folder; removed by it at the end."""
    if SHARED_CACHE_VARIABLE not in os.environ:
        folder = tempfile.mkdtemp(prefix="attention-clips-test-cache-")
        os.environ[SHARED_CACHE_VARIABLE] = folder
        config.made_shared_cache = folder


def pytest_unconfigure(config):
    folder = getattr(config, "made_shared_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ[SHARED_CACHE_VARIABLE]


@pytest.fixture(scope="session", autouse=True)
def manim_files_of_this_process(tmp_path_factory):
    """manim writes a text's SVG in place, by default under ./media: the project's folder, which
    both test processes share, so a Text made outside a scene build's settings could read the
    other process's half-written file. Each test process keeps its own."""
    from manim import config

    config.media_dir = str(tmp_path_factory.mktemp("manim-media"))


@pytest.fixture(autouse=True)
def fresh_caches_under_mutation():
    """Under mutmut (make mutate), each mutant's tests run in a fork of a process that has already
    run them: clear what the project keeps between calls (the model, typeset text, scene builds),
    so the mutated code really runs. In a normal run (no mutant under test), nothing is cleared."""
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):  # a mutant's name
        import scene_harness

        scene_harness.BUILT.clear()
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] in ("attention_core", "scenes", "clips"):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
    yield


TIERS = ("process", "render", "browser", "cluster")  # pyproject.toml's markers; unmarked: the quick tier


@pytest.fixture(autouse=True)
def quick_tests_start_no_python(request, monkeypatch):
    """A test of the quick tier (its file has no tier mark) may not start a Python process:
    render.py, a worker or a child interpreter costs seconds, and belongs to the process tier.
    (Other programs are allowed: manim runs LaTeX to typeset a formula.)"""
    if any(request.node.get_closest_marker(tier) for tier in TIERS):
        yield
        return
    import subprocess

    started = subprocess.Popen.__init__

    def refuse_python(self, args, *rest, **options):
        program = args[0] if isinstance(args, (list, tuple)) else str(args).split()[0]
        if os.path.basename(str(program)).startswith("python") or str(program) == sys.executable:
            raise AssertionError(
                f"{request.node.nodeid} starts a Python process ({args!r}) in the quick tier: "
                "mark its file with pytest.mark.process (pyproject.toml names the tiers)"
            )
        started(self, args, *rest, **options)

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse_python)
    yield


# Session-wide: an Example is a frozen dataclass, so one copy serves every test, and a
# module-scoped fixture (a scene drawn once per file) can ask for it
@pytest.fixture(scope="session")
def example():
    return default_example()


@pytest.fixture(scope="session")
def crowded_example():
    """Four words in one sentence, so arrows and weights have an order to check."""
    return Example(
        name="crowded",
        title="Four words",
        similarity="dot",
        words={"apple": (2.0, 2.0), "orange": (0.0, 3.0), "banana": (1.0, 2.5), "phone": (4.0, 0.0)},
        sentences=(Sentence("An apple, an orange, a banana and a phone.", "apple"),),
        output_map=np.vstack([np.eye(2) * 0.6, np.eye(2) * 0.3, np.eye(2) * 0.1]),
    )


# The test workers (pytest-xdist, --dist loadfile --no-loadscope-reorder) take whole files, in
# the order below: the longest first (measured), so that the quick ones fill in at the end
# beside them and neither worker sits idle while the other finishes a long file. The narrated
# lecture, a render in a subprocess, runs beside everything else.
LONGEST_FIRST = (
    "test_lecture",
    "test_every_example",
    "test_cluster",
    "test_layout",
    "test_faults",
    "test_narration",
    "test_render",
    "test_example_guide",
    "test_site",
    "test_formats",
    "test_reuse",
    "test_voice_pace",
    "test_course",
    "test_untrusted_text",
    "test_example_file",
    "test_real_model",
)


def pytest_collection_modifyitems(config, items):
    def order(item):
        module = item.module.__name__
        return LONGEST_FIRST.index(module) if module in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=order)  # stable: within a file, tests keep their order


def pytest_sessionfinish(session):
    """What the tests built stays until the process ends: freeze it, so that the collector's
    last pass at exit does not walk every mobject again (seconds per test process)."""
    gc.freeze()
