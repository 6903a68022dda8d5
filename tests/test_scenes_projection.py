"""ProjectionScene draws its lesson: maps, queries, keys, scores and values, axes fixed."""

import pytest
from scene_harness import build_scene, one, plane_coords, text_of
from spelled import written

from attention_core.lessons import projection_lesson
from scenes.projection import ProjectionScene

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from attention_core.example_file import default_example

    lesson = projection_lesson(default_example())
    scene, shown = build_scene(ProjectionScene, lesson, tmp_path_factory.mktemp("media"))
    return lesson, scene, shown


@pytest.mark.parametrize("name, field", [("W_Q", "query_map"), ("W_K", "key_map"), ("W_V", "value_map")])
def test_matrices_shown_equal_the_maps(drawn, name, field):
    lesson, _, shown = drawn
    matrix = getattr(lesson, field)
    for i in range(2):
        for j in range(2):
            assert text_of(one(shown, f"{name}[{i},{j}]")) == written(matrix[i, j])
    assert one(shown, name).values.tolist() == matrix.tolist()


def test_the_axes_never_move(drawn):
    _, scene, shown = drawn
    plane = scene.plane
    x_axis, y_axis = one(shown, "axes")
    assert x_axis.get_start() == pytest.approx(plane.point((plane.x_range[0], 0)))
    assert x_axis.get_end() == pytest.approx(plane.point((plane.x_range[1], 0)))
    assert y_axis.get_start() == pytest.approx(plane.point((0, plane.y_range[0])))
    assert y_axis.get_end() == pytest.approx(plane.point((0, plane.y_range[1])))
    fixed = one(shown, "fixed_grid")
    first = fixed[0]
    assert first.get_start() == pytest.approx(plane.point((plane.x_range[0], plane.y_range[0])))


def test_the_moving_grid_ends_carried_by_w_v(drawn):
    lesson, scene, shown = drawn
    plane, grid = scene.plane, one(shown, "moving_grid")
    resting = scene.resting_grid  # the grid before any map
    for line, rest in zip(grid, resting):
        start = plane_coords(plane, rest.get_start()) @ lesson.value_map
        assert plane_coords(plane, line.get_start()) == pytest.approx(start)


def test_query_and_key_marks_sit_at_the_lesson_points(drawn):
    lesson, scene, shown = drawn
    f = lesson.focus_index
    mark = one(shown, f"mark:q {lesson.focus}")
    assert plane_coords(scene.plane, mark.dot.get_center()) == pytest.approx(lesson.queries[f])
    for token, key in zip(lesson.tokens, lesson.keys):
        assert plane_coords(scene.plane, one(shown, f"mark:k {token}").dot.get_center()) == pytest.approx(key)


def test_score_table_before_and_after(drawn):
    lesson, _, shown = drawn
    for column, values in (
        ("score_before", lesson.scores_before),
        ("weight_before", lesson.weights_before),
        ("score_after", lesson.scores_after),
        ("weight_after", lesson.weights),
    ):
        for i, value in enumerate(values):
            assert text_of(one(shown, f"{column}:{i}")) == written(value)
    box = one(shown, "highlight")
    row_cell = one(shown, f"score_after:{lesson.highlight}")
    assert box.get_center()[1] == pytest.approx(row_cell.get_center()[1], abs=0.05)
    rescore = {line.id: line.text for line in lesson.narration}["projection.rescore"]
    assert lesson.tokens[lesson.highlight] in rescore
    assert rescore in [text_of(caption).replace("\n", " ") for caption in shown["caption"]]


def test_values_and_context_in_v_space(drawn):
    lesson, scene, shown = drawn
    for token, value in zip(lesson.tokens, lesson.values):
        assert plane_coords(scene.plane, one(shown, f"value:v {token}").dot.get_center()) == pytest.approx(value)
    assert plane_coords(scene.plane, one(shown, "context").get_center()) == pytest.approx(lesson.context)
    expected = f"\u2248 ({written(lesson.context[0])}, {written(lesson.context[1])})"
    assert text_of(one(shown, "context_value")) == expected
    for index, weight in enumerate(lesson.weights):
        if f"value_arrow:{index}" in shown:
            assert one(shown, f"value_arrow:{index}").weight == pytest.approx(weight)


def test_words_end_at_their_values(drawn):
    lesson, scene, shown = drawn
    for token, value in zip(lesson.tokens, lesson.values):
        assert plane_coords(scene.plane, shown[f"dot:{token}"][0].get_center()) == pytest.approx(value)


def test_the_default_example_has_two_maps_and_shows_why(drawn):
    """W_Q differs from W_K, so the highlighted pair scores differently asked each way: both
    scores computed here from the example's embeddings and maps, shown, and said."""
    import numpy as np

    from attention_core.example_file import default_example

    lesson, _, shown = drawn
    example = default_example()
    w_q, w_k = example.maps["query"], example.maps["key"]
    assert not np.allclose(w_q, w_k)
    apple, orange = np.array(example.words["apple"]), np.array(example.words["orange"])
    asked_by_apple = (apple @ w_q) @ (orange @ w_k) / np.sqrt(2)
    asked_by_orange = (orange @ w_q) @ (apple @ w_k) / np.sqrt(2)
    assert (lesson.tokens[lesson.focus_index], lesson.tokens[lesson.highlight]) == ("apple", "orange")
    assert (lesson.focus_asks, lesson.other_asks) == pytest.approx((asked_by_apple, asked_by_orange))
    assert abs(asked_by_apple - asked_by_orange) > 1  # not symmetric, by far
    assert text_of(one(shown, "focus_asks")) == written(asked_by_apple)
    assert text_of(one(shown, "other_asks")) == written(asked_by_orange)
    said = {line.id: line.text for line in lesson.narration}["projection.asymmetry"]
    assert said == (
        "Two maps, so a score depends on who asks: \u201capple\u201d asking \u201corange\u201d scores "
        "differently from \u201corange\u201d asking \u201capple\u201d."
    )  # the numbers are on screen


def test_every_symbol_is_written_one_way(drawn):
    """The matrices' labels are written as the captions (and so the subtitles) write them."""
    lesson, _, shown = drawn
    captions = " ".join(text_of(caption) for caption in shown["caption"])
    for role, written_as in (("query", "W_Q"), ("key", "W_K"), ("value", "W_V")):
        assert text_of(one(shown, f"symbol:{role}")) == written_as
        assert written_as in captions


def test_the_grid_and_the_words_move_together_along_each_map(tmp_path):
    """Sampled at every frame (5 per second) while a map carries the plane: the moving grid is
    the resting grid part of the way to its image under W_Q, W_K or W_V (one fraction for every
    line), and each word is the same part of the way from its embedding to its image. No
    frame shows the grid and the words out of step, or a map the lesson does not have."""
    import numpy as np
    from scene_harness import sample_scene

    from attention_core.example_file import default_example

    lesson = projection_lesson(default_example())

    def probe(scene):
        if not hasattr(scene, "resting_grid"):
            return None
        plane = scene.plane
        points = lambda lines: np.array([plane_coords(plane, line.get_start()) for line in lines])  # noqa: E731
        return (
            points(scene.moving_grid),
            points(scene.resting_grid),
            np.array([plane_coords(plane, word.dot.get_center()) for word in scene.word_dots]),
        )

    maps = {"W_Q": lesson.query_map, "W_K": lesson.key_map, "W_V": lesson.value_map}
    seen = set()
    for sample in sample_scene(ProjectionScene, lesson, tmp_path, probe):
        if sample is None:
            continue
        grid, rest, words = sample
        if np.allclose(grid, rest, atol=1e-6):
            assert words == pytest.approx(lesson.embeddings, abs=1e-6)  # at rest: the words at their embeddings
            continue
        fits = []
        for name, matrix in maps.items():
            way = rest @ matrix - rest  # where the whole map takes each grid point
            share = float(np.sum(way * (grid - rest)) / np.sum(way * way))
            if -1e-6 <= share <= 1 + 1e-6 and np.allclose(grid, rest + share * way, atol=1e-5):
                fits.append((name, share, matrix))  # (two shears along x are on one line: the share tells)
        assert len(fits) == 1, f"the grid is on its way along {len(fits)} of the lesson's maps"
        name, share, matrix = fits[0]
        expected = lesson.embeddings + share * (lesson.embeddings @ matrix - lesson.embeddings)
        assert words == pytest.approx(expected, abs=1e-5), name
        seen.add(name)
    assert seen == {"W_Q", "W_K", "W_V"}
