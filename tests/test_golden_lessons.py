"""Golden lessons: every number, word and sentence each clip teaches, for each shipped example
and the two smallest valid ones, stored as reviewed JSON in tests/golden/lessons/.

The other tests compute what they expect from the core; this one catches everything else a
clip shows or says (a heading, a history entry, a sentence of narration, a label) changing by
accident. After a deliberate change, rerun with UPDATE_GOLDEN=1 and read the diff of the JSON
before committing it. Numbers are compared to 1e-9 (the real model's to 1e-5, as BLAS may sum
in another order on another machine); text exactly.
"""

import json
import math
import os
from pathlib import Path

import pytest
from example_texts import ALONE, MINIMAL

from attention_core.example_file import DEFAULT_EXAMPLE, load_example, parse_example, shipped_examples
from attention_core.lessons.catalog import lecture_scenes, lesson_for

GOLDEN = Path(__file__).parent / "golden" / "lessons"


def examples():
    for path in shipped_examples():
        yield pytest.param(path.stem, lambda path=path: load_example(path), id=path.stem)
    yield pytest.param("only-required-fields", lambda: parse_example(MINIMAL), id="only-required-fields")
    yield pytest.param("focus-word-alone", lambda: parse_example(ALONE), id="focus-word-alone")
    yield pytest.param(
        "one-word-sentence",
        lambda: parse_example(MINIMAL.replace("An apple and an orange", "Apple")),
        id="one-word-sentence",
    )
    four = ALONE.replace("phone = [4.0, 0.0]", "phone = [4.0, 0.0]\npear = [0.5, 2.5]\nlaptop = [3.5, 0.5]")
    yield pytest.param("alone-among-four-words", lambda: parse_example(four), id="alone-among-four-words")
    default = DEFAULT_EXAMPLE.read_text(encoding="utf-8")
    for name, layer, head in (
        ("layer-and-head-given", "2", "3"),
        ("layer-given", "2", '"auto"'),
        ("head-given", '"auto"', "3"),
    ):
        given = default.replace('layer = "auto"', f"layer = {layer}").replace('head = "auto"', f"head = {head}")
        yield pytest.param(name, lambda given=given: parse_example(given), id=name)
    closer = MINIMAL.replace("phone = [4.0, 0.0]", "phone = [4.0, 0.0]\npear = [0.5, 3.0]").replace(
        "An apple and an orange", "The apple is red"
    ) + ('[[sentences]]\ntext = "The pear is red"\nfocus = "pear"\n[model]\nname = "all-MiniLM-L6-v2"\n')
    yield pytest.param("two-focus-words-come-closer", lambda: parse_example(closer), id="two-focus-words-come-closer")


def differences(found, expected, where: str, tolerance: float) -> list[str]:
    """Where `found` differs from `expected` (JSON data): paths with both values."""
    if isinstance(expected, dict) and isinstance(found, dict):
        if sorted(found) != sorted(expected):
            return [f"{where}: keys {sorted(found)} != {sorted(expected)}"]
        return [d for key in expected for d in differences(found[key], expected[key], f"{where}.{key}", tolerance)]
    if isinstance(expected, list) and isinstance(found, list):
        if len(found) != len(expected):
            return [f"{where}: {len(found)} items != {len(expected)}"]
        return [
            d
            for index, (a, b) in enumerate(zip(found, expected))
            for d in differences(a, b, f"{where}[{index}]", tolerance)
        ]
    if isinstance(expected, float) and isinstance(found, (int, float)) and not isinstance(found, bool):
        return (
            []
            if math.isclose(found, expected, rel_tol=tolerance, abs_tol=tolerance)
            else [f"{where}: {found!r} != {expected!r}"]
        )
    return [] if (type(found), found) == (type(expected), expected) else [f"{where}: {found!r} != {expected!r}"]


@pytest.mark.parametrize(("name", "make_example"), list(examples()))
def test_every_lesson_is_the_reviewed_one(name, make_example):
    example = make_example()
    found = {scene: json.loads(json.dumps(lesson_for(scene, example).to_dict())) for scene in lecture_scenes(example)}
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden lessons {path.name}: run once with UPDATE_GOLDEN=1 and read them"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert list(found) == list(expected)  # the same clips, in the same order
    problems = [
        problem
        for scene in expected
        for problem in differences(found[scene], expected[scene], scene, 1e-5 if scene == "RealModelScene" else 1e-9)
    ]
    assert problems == []


def test_the_comparison_sees_a_small_change():
    lesson = {"weights": [0.25, 0.75], "caption": "orange pulls hardest", "count": 2}
    assert differences(lesson, lesson, "x", 1e-9) == []
    assert differences({**lesson, "weights": [0.25, 0.7500001]}, lesson, "x", 1e-9) == [
        "x.weights[1]: 0.7500001 != 0.75"
    ]
    assert differences({**lesson, "caption": "orange pulls hardest "}, lesson, "x", 1e-9) != []
    assert differences({**lesson, "count": 3}, lesson, "x", 1e-9) != []
    assert differences({**lesson, "count": 2.0}, lesson, "x", 1e-9) != []  # a count stays a whole number
    assert differences({key: value for key, value in lesson.items() if key != "count"}, lesson, "x", 1e-9) != []


def test_the_real_model_clip_needs_a_model_table():
    with pytest.raises(ValueError) as raised:
        lesson_for("RealModelScene", parse_example(MINIMAL))
    assert str(raised.value) == "the example has no [model] table: the real-model clip needs one"
