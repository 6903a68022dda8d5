"""MultiHeadScene draws its lesson: each head's pull, the concatenation, W_O and the sum."""

import numpy as np
import pytest
from scene_harness import build_scene, one, plane_coords, text_of
from spelled import written

from attention_core.lessons import multihead_lesson
from scenes.multihead import MultiHeadScene

pytestmark = pytest.mark.render


@pytest.fixture(scope="module", params=["default", "crowded"])
def drawn(request, tmp_path_factory):
    example = request.getfixturevalue("example" if request.param == "default" else "crowded_example")
    lesson = multihead_lesson(example)
    scene, shown = build_scene(MultiHeadScene, lesson, tmp_path_factory.mktemp("media"))
    return lesson, scene, shown


def test_each_head_output_sits_at_its_output(drawn):
    lesson, _, shown = drawn
    for i, head in enumerate(lesson.heads):
        plane = one(shown, f"head_plane:{i}")
        assert plane_coords(plane, one(shown, f"head_output:{i}").get_center()) == pytest.approx(head.output)
        drawn_weights = text_of(one(shown, f"head_weights:{i}")).replace("\n", " ")
        for token, weight in zip(lesson.tokens, head.weights):
            assert f"{token}\u00a0{written(weight)}" in drawn_weights  # a no-break space: the pair stays on one line


def test_concat_and_w_o_are_written_out(drawn):
    lesson, _, shown = drawn
    for k, value in enumerate(lesson.concat):
        assert text_of(one(shown, f"concat:{k}")) == written(value)
    rows, cols = lesson.output_map.shape
    for i in range(rows):
        for j in range(cols):
            assert text_of(one(shown, f"W_O[{i},{j}]")) == written(lesson.output_map[i, j])


def test_contributions_add_tip_to_tail_to_the_output(drawn):
    lesson, _, shown = drawn
    plane = one(shown, "output_plane")
    tip = np.zeros(2)
    for i, head in enumerate(lesson.heads):
        expected = f"head {i + 1} adds ({written(head.contribution[0])}, {written(head.contribution[1])})"
        assert text_of(one(shown, f"contribution:{i}")) == expected
        arrow = one(shown, f"contribution_arrow:{i}")
        assert plane_coords(plane, arrow.get_start()) == pytest.approx(tip, abs=1e-6)
        tip = tip + head.contribution
        assert plane_coords(plane, arrow.get_end()) == pytest.approx(tip, abs=1e-6)
    assert plane_coords(plane, one(shown, "output").get_center()) == pytest.approx(lesson.output)
    assert text_of(one(shown, "output_value")) == (
        f"output = ({written(lesson.output[0])}, {written(lesson.output[1])})"
    )


def test_each_head_names_the_words_it_weighs_most_and_reads_its_own_rows_of_w_o(drawn):
    """The lesson decides (the scene only draws): a head names at most three value dots, those
    it weighs most, and its two rows of W_O are drawn in its colour."""
    lesson, _, shown = drawn
    for i, head in enumerate(lesson.heads):
        most = sorted(range(len(lesson.tokens)), key=lambda j: (-head.weights[j], j))[:3]
        assert list(head.weighed_most) == most
        named = {name.removeprefix("label:v ") for name in shown if name.startswith("label:v ")}
        assert {lesson.tokens[j] for j in most} <= named
        assert head.output_rows == (2 * i, 2 * i + 1)
        assert head.contribution == pytest.approx(head.output @ lesson.output_map[2 * i : 2 * i + 2])
    w_o = one(shown, "W_O")
    for i, head in enumerate(lesson.heads):
        colours = {entry.get_fill_color().to_hex().upper() for row in head.output_rows for entry in w_o.row(row)}
        assert len(colours) == 1  # a head's rows in one colour...
        for other in lesson.heads[i + 1 :]:
            others = {e.get_fill_color().to_hex().upper() for row in other.output_rows for e in w_o.row(row)}
            assert colours != others  # ...another head's in another
