"""The building blocks a creator composes new scenes from are documented as manim documents its
mobjects: a Parameters section and an example scene (`.. manim:: Name`). Every example runs
here, in a dry run, and draws something."""

import inspect
import textwrap

import pytest
from manim import tempconfig
from scene_harness import dry_run_settings

from scenes.base import LessonScene
from scenes.camera import PathCachingCamera
from scenes.layout import Region, Stage
from scenes.mobjects import MatrixPanel, WeightBars
from scenes.plane import WordPlane

DOCUMENTED = {
    "WordPlane": WordPlane,
    "MatrixPanel": MatrixPanel,
    "WeightBars": WeightBars,
    "Region": Region,
    "Stage": Stage,
    "LessonScene.say": LessonScene.say,
    "PathCachingCamera": PathCachingCamera,
}


def examples_of(thing) -> list[tuple[str, str]]:
    """(scene name, code) of each `.. manim:: Name` block in `thing`'s docstring."""
    lines = inspect.getdoc(thing).splitlines()
    found = []
    for number, line in enumerate(lines):
        if line.strip().startswith(".. manim::"):
            indent = len(line) - len(line.lstrip())
            body = []
            for following in lines[number + 1 :]:
                if following.strip() and len(following) - len(following.lstrip()) <= indent:
                    break
                body.append(following)
            code = textwrap.dedent("\n".join(part for part in body if not part.strip().startswith(":")))
            found.append((line.split("::")[1].strip(), code))
    return found


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_building_block_has_its_parameters_and_an_example(name):
    doc = inspect.getdoc(DOCUMENTED[name])
    assert "Parameters\n----------" in doc and "Examples\n--------" in doc
    assert len(examples_of(DOCUMENTED[name])) == 1


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_example_runs_and_draws(name, tmp_path):
    ((scene_name, code),) = examples_of(DOCUMENTED[name])
    namespace = {}
    exec(compile(code, f"<{name} example>", "exec"), namespace)
    with tempconfig(dry_run_settings(tmp_path)):
        scene = namespace[scene_name]()
        scene.render()
    assert scene.mobjects, f"{scene_name} drew nothing"
