"""RealModelScene: the lesson's choices checked against the model's own run, every number and
word drawn checked against the lesson, and bad [model] tables refused in one line."""

from pathlib import Path

import numpy as np
import pytest
from example_texts import MINIMAL
from helpers import render_in_process
from manim import LEFT, UP
from scene_harness import build_scene, one, plane_coords, text_of

from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, load_example, parse_example
from attention_core.lessons.real_model import real_model_lesson
from attention_core.pretrained import load_model
from scenes.real_model import RealModelScene

pytestmark = pytest.mark.render


def drawn_weights(grid) -> np.ndarray:
    """(n, n) the opacity each square of a head's weight grid is drawn with, read back from
    the shapes on screen (each square's first point is its top-left corner)."""
    n = len(grid.weights)
    cell = grid.border.width / n
    top_left = grid.border.get_corner(UP + LEFT)
    drawn = np.zeros((n, n))
    for shade in grid.shades:
        starts = shade.points[::16, :2]
        cols = np.rint((starts[:, 0] - top_left[0]) / cell).astype(int)
        rows = np.rint((top_left[1] - starts[:, 1]) / cell).astype(int)
        drawn[rows, cols] = shade.get_fill_opacity()
    return drawn


MODEL = '\n[model]\nlayer = "auto"\nhead = "auto"\n'
TWO = MINIMAL + '[[sentences]]\ntext = "A phone, an apple phone"\nfocus = "apple"\n'


def two_decimals(value: float) -> str:
    return f"{value:.2f}"  # every weight and cosine here is positive: no minus sign to spell


@pytest.fixture(scope="module")
def lesson():
    return real_model_lesson(load_example(DEFAULT_EXAMPLE))


@pytest.fixture(scope="module")
def drawn(lesson, tmp_path_factory):
    scene, shown = build_scene(RealModelScene, lesson, tmp_path_factory.mktemp("media"))
    return scene, shown


def test_auto_takes_the_head_that_pulls_hardest_on_a_context_word(lesson):
    model = load_model()
    runs = [model.run(s) for s in ("Please buy an apple and an orange", "Apple unveiled the new phone")]
    # the focus piece and the context words with embeddings, found by hand in these two sentences
    pairs = [
        (runs[0].tokens.index("apple"), [runs[0].tokens.index("orange")]),
        (runs[1].tokens.index("apple"), [runs[1].tokens.index("phone")]),
    ]
    best, strength = None, -1.0
    for layer in range(6):
        for head in range(12):
            weakest = min(
                run.attentions[layer, head, focus, context].max() for run, (focus, context) in zip(runs, pairs)
            )
            if weakest > strength:
                best, strength = (layer + 1, head + 1), weakest
    assert (lesson.layer, lesson.head) == best and lesson.chosen_by == "auto"
    for run, (focus, _), reading in zip(runs, pairs, lesson.readings):
        assert reading.pieces == run.tokens and reading.focus_index == focus
        assert np.array_equal(reading.weights, run.attentions[best[0] - 1, best[1] - 1, focus])
    assert np.array_equal(lesson.grids, runs[0].attentions[best[0] - 1])


def test_the_paths_keep_each_layers_angle_and_lengths(lesson):
    model = load_model()
    first = model.run("Please buy an apple and an orange").hidden_states[:, 4]
    second = model.run("Apple unveiled the new phone").hidden_states[:, 1]
    cosines = np.sum(first * second, axis=1) / np.linalg.norm(first, axis=1) / np.linalg.norm(second, axis=1)
    assert lesson.cosines == pytest.approx(cosines)
    assert lesson.cosines[-1] < lesson.cosines[0]  # "move apart", as the narration says
    assert lesson.paths.shape == (2, 7, 2)
    left, right = lesson.paths
    # a picture of vectors keeps their angles and lengths: each drawn pair's cosine is the table's
    drawn = np.sum(left * right, axis=1) / np.linalg.norm(left, axis=1) / np.linalg.norm(right, axis=1)
    assert drawn == pytest.approx(cosines, abs=1e-9)
    assert np.linalg.norm(left, axis=1) == pytest.approx(np.linalg.norm(first, axis=1))
    assert np.linalg.norm(right, axis=1) == pytest.approx(np.linalg.norm(second, axis=1))
    assert np.all(left[:, 0] < 0) and np.all(right[:, 0] > 0)  # the first sentence's on the left
    assert np.all(left[:, 1] > 0) and np.all(right[:, 1] > 0)  # at cosines above 0, both point up


def test_a_focus_word_alone_still_has_a_head_chosen():
    alone = real_model_lesson(parse_example(TWO.replace("An apple and an orange", "Apple!") + MODEL))
    reading = alone.readings[0]
    assert reading.pieces == ("[CLS]", "apple", "!", "[SEP]") and reading.context_indices == (0, 2, 3)
    bare = real_model_lesson(parse_example(TWO.replace("An apple and an orange", "apple") + MODEL))
    assert bare.readings[0].context_indices == (0, 2)  # only the markers the model adds
    assert len(alone.readings[0].weights) == 4 and alone.readings[0].strongest in (0, 2, 3)
    assert bare.chosen_by == "auto" and 1 <= bare.layer <= 6


def test_a_layer_and_head_given_are_used(tmp_path):
    text = DEFAULT_EXAMPLE.read_text().replace('layer = "auto"', "layer = 2").replace('head = "auto"', "head = 11")
    chosen = real_model_lesson(parse_example(text))
    assert (chosen.layer, chosen.head, chosen.chosen_by) == (2, 11, "example")
    run = load_model().run("Apple unveiled the new phone")
    assert np.array_equal(chosen.readings[1].weights, run.attentions[1, 10, 1])
    assert "as the example asks" in chosen.narration[2].text


def test_pieces_arcs_and_bars_are_the_lessons(lesson, drawn):
    _, shown = drawn
    for number, reading in enumerate(lesson.readings):
        assert [text_of(one(shown, f"piece{number}:{i}")) for i in range(len(reading.pieces))] == list(reading.pieces)
        depth = None
        for index, weight in enumerate(reading.weights):
            bar = one(shown, f"weight{number}_bar:{index}")
            if weight > 0.05:
                depth = depth or bar.height / weight
                assert bar.height == pytest.approx(depth * weight, rel=1e-6)
            if index != reading.focus_index:
                arc = one(shown, f"arc{number}:{index}")
                assert arc.get_stroke_width() == pytest.approx(1 + 9 * weight)
                end = one(shown, f"piece{number}:{reading.focus_index}").get_top()
                assert arc.get_end() == pytest.approx(end + [0, 0.08, 0], abs=0.02)
        assert [text_of(one(shown, f"weight{number}:{i}")) for i in reading.labelled] == [
            two_decimals(reading.weights[i]) for i in reading.labelled
        ]


def test_layer_head_cosines_and_grids_are_the_lessons(lesson, drawn):
    scene, shown = drawn
    assert text_of(one(shown, "layer_head")) == f"layer {lesson.layer} of 6 \u00b7 head {lesson.head} of 12"
    for layer, cosine in enumerate(lesson.cosines):
        assert text_of(one(shown, f"cosine:{layer}")) == two_decimals(cosine)
    plane = one(shown, "paths_plane")
    for side in range(2):
        for layer in range(7):
            dot = one(shown, f"path{side}:{layer}")
            assert plane_coords(plane, dot.get_center()) == pytest.approx(lesson.paths[side, layer])
            assert text_of(one(shown, f"path_label{side}:{layer}")) == str(layer)
    for side in range(2):  # the rays end on the last layer's vectors, from the plane's origin
        ray = one(shown, f"ray{side}")
        assert plane_coords(plane, ray.get_start()) == pytest.approx((0, 0), abs=1e-9)
        assert plane_coords(plane, ray.get_end()) == pytest.approx(lesson.paths[side, -1])
    for layer in range(7):  # the cosine of the angle drawn, to two places, is the number beside it
        left, right = (plane_coords(plane, one(shown, f"path{side}:{layer}").get_center()) for side in range(2))
        drawn = np.dot(left, right) / np.linalg.norm(left) / np.linalg.norm(right)
        assert f"{drawn:.2f}" == text_of(one(shown, f"cosine:{layer}"))
    for head in range(12):
        grid = one(shown, f"grid:{head}")
        assert drawn_weights(grid) == pytest.approx(lesson.grids[head], abs=0.5 / 32 + 1e-9)  # 32 shades
        assert text_of(one(shown, f"grid_label:{head}")) == f"head {head + 1}"
    frame = one(shown, "chosen_head")
    assert frame.get_center() == pytest.approx(
        one(shown, f"grid:{lesson.head - 1}").get_center() + [0, -0.12, 0], abs=0.2
    )  # the head and its label, framed


def test_every_line_is_said_and_nothing_leaves_the_frame(lesson, drawn):
    scene, shown = drawn
    assert [line_id for line_id, _ in scene.said] == [line.id for line in lesson.narration]
    half_width, half_height = scene.camera.frame_width / 2, scene.camera.frame_height / 2
    for name, mobjects in shown.items():
        if name in ("caption", "timer_bar") or name.endswith("plane"):
            continue
        for mobject in mobjects:
            assert mobject.get_bottom()[1] >= -2.65 - 0.05, f"{name} reaches into the caption"
            assert mobject.get_top()[1] <= half_height and abs(mobject.get_x()) <= half_width, name


BAD_MODELS = [
    ("layer out of range", TWO + MODEL.replace('layer = "auto"', "layer = 7"), "model.layer", "from 1 to 6"),
    ("head zero", TWO + MODEL.replace('head = "auto"', "head = 0"), "model.head", "from 1 to 12"),
    ("layer misspelt", TWO + MODEL.replace('"auto"', '"automatic"', 1), "model.layer", 'or "auto"'),
    ("unknown model", TWO + MODEL + 'name = "gpt-2"\n', "model.name", "'all-MiniLM-L6-v2'"),
    ("one sentence", MINIMAL + MODEL, "model", "at least two [[sentences]]"),
    (
        "focus in pieces",
        TWO.replace("apple", "kumquat") + MODEL,
        "sentences[1].focus",
        "'kumquat' is 4 word pieces in all-MiniLM-L6-v2 ('ku' + '##m' + '##qua' + '##t')",
    ),
    (
        "too many pieces",
        TWO.replace("A phone, an apple phone", "An apple " + "kumquat " * 8) + MODEL,
        "sentences[2].text",
        "is 36 word pieces in all-MiniLM-L6-v2; at most 32",
    ),
]


@pytest.mark.parametrize("case, text, field, advice", BAD_MODELS, ids=[case[0] for case in BAD_MODELS])
def test_a_bad_model_table_names_its_field(case, text, field, advice):
    with pytest.raises(ExampleError) as raised:
        parse_example(text)
    assert raised.value.field == field
    assert advice in str(raised.value) and "\n" not in str(raised.value)


def test_render_refuses_a_bad_model_table_in_one_line(tmp_path):
    example = tmp_path / "lesson.toml"
    example.write_text(BAD_MODELS[0][1])
    done = render_in_process("--example", str(example), "--out", str(tmp_path / "out"), "RealModelScene")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f'render.py: error: {example}: model.layer: must be a whole number from 1 to 6, or "auto"; got a number 7'
    ]
    assert not (tmp_path / "out").exists()
    plain = tmp_path / "plain.toml"
    plain.write_text(TWO)
    done = render_in_process("--example", str(plain), "--out", str(tmp_path / "out"), "RealModelScene")
    assert done.returncode == 2 and "add a [model] table" in done.stderr


def test_the_manifest_names_the_model_and_its_weights(tmp_path):
    import render

    plan = render.plan(render.parse_arguments(["--out", str(tmp_path), "RealModelScene"]))
    model = load_model()
    assert plan.run.example["model"] == {"name": "all-MiniLM-L6-v2", "weights_sha256": model.weights_sha256}
    assert [Path(job.target).name for job in plan.jobs] == ["RealModelScene.mp4"]
    lecture = render.plan(render.parse_arguments(["--out", str(tmp_path), "--lecture"]))
    assert Path(lecture.jobs[-2].target).name == "11-RealModelScene.mp4"
    assert Path(lecture.jobs[-1].target).name == "12-RecapCard.mp4"
