"""GravityScene draws its lesson: every dot, arrow and number traced back to the core."""

import numpy as np
import pytest
from scene_harness import build_scene, one, plane_coords, sample_scene, text_of
from spelled import written

from attention_core.lessons import gravity_lesson
from scenes.gravity import GravityScene
from scenes.mobjects import BAR_LEAST_LENGTH, BAR_LENGTH
from scenes.style import ABSENT_WORD_OPACITY

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from attention_core.example_file import default_example

    lesson = gravity_lesson(default_example())
    scene, shown = build_scene(GravityScene, lesson, tmp_path_factory.mktemp("media"))
    return lesson, scene, shown


def test_every_word_sits_at_its_embedding(drawn):
    lesson, scene, shown = drawn
    for word, xy in lesson.plane.items():
        assert plane_coords(scene.plane, one(shown, f"dot:{word}").get_center()) == pytest.approx(xy)
        assert text_of(one(shown, f"label:{word}")) == word


def test_context_vectors_land_at_the_lesson_context(drawn):
    lesson, scene, shown = drawn
    for number, reading in enumerate(lesson.sentences):
        dot = one(shown, f"context:{number}")
        assert plane_coords(scene.plane, dot.get_center()) == pytest.approx(reading.context, abs=1e-9)
        assert dot in scene.mobjects  # still on screen at the end
        value = text_of(one(shown, f"context_value:{number}"))
        assert value == f"\u2248 ({written(reading.context[0])}, {written(reading.context[1])})"


def test_the_embedding_stays_where_it_was_faded_and_labelled(drawn):
    lesson, scene, shown = drawn
    reading = lesson.sentences[0]
    ghost = one(shown, f"dot:{reading.focus}")
    assert plane_coords(scene.plane, ghost.get_center()) == pytest.approx(reading.embedding)
    assert ghost.get_fill_opacity() < 1
    captions = [text_of(c) for c in shown["caption"]]
    assert any(f"\u201c{reading.focus}\u201d keeps its embedding" in c for c in captions)
    assert "embedding" in text_of(one(shown, "legend")[0][1][0])
    assert any(ghost in m.get_family() for m in scene.mobjects)


def test_weights_written_are_the_lesson_weights(drawn):
    lesson, _, shown = drawn
    for number, reading in enumerate(lesson.sentences):
        for index, weight in enumerate(reading.weights):
            assert text_of(one(shown, f"weight{number}:{index}")) == written(weight)
            bar = one(shown, f"weight{number}_bar:{index}")
            assert bar.width == pytest.approx(BAR_LENGTH * weight, abs=BAR_LEAST_LENGTH)


def test_faded_tokens_are_the_ones_without_embedding(drawn):
    lesson, _, shown = drawn
    for number, reading in enumerate(lesson.sentences):
        line = one(shown, f"sentence:{number}")
        assert len(line.tokens) == len(reading.sentence_tokens)
        for glyphs, part in zip(line.tokens, reading.takes_part):
            opacity = glyphs[0].get_fill_opacity()
            assert opacity == pytest.approx(1.0 if part else ABSENT_WORD_OPACITY)


def test_captions_come_from_the_lesson(drawn):
    _, _, shown = drawn
    captions = [text_of(c).replace("\n", " ") for c in shown["caption"]]
    # the lecture's numbers: orange and phone each weigh 0.43 beside apple's own 0.57
    assert (
        "Of the other words, \u201corange\u201d pulls hardest, with weight 0.43; \u201capple\u201d keeps more "
        "on itself."
    ) in captions
    assert (
        "Here \u201cphone\u201d pulls hardest, with weight 0.43; again \u201capple\u201d holds on to more."
    ) in captions
    assert captions[-2] == "One token, one embedding, three context vectors: one for each sentence."


def test_arrow_strength_follows_the_weights(crowded_example, tmp_path):
    lesson = gravity_lesson(crowded_example)
    scene, shown = build_scene(GravityScene, lesson, tmp_path)
    reading = lesson.sentences[0]
    arrows = {i: one(shown, f"arrow0:{i}") for i in range(len(reading.tokens)) if reading.tokens[i] != "apple"}
    assert len(arrows) == 3
    order_by_weight = sorted(arrows, key=lambda i: reading.weights[i])
    widths = [arrows[i].get_stroke_width() for i in order_by_weight]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    for i, arrow in arrows.items():  # a pull on "apple": from it, toward the word pulling
        assert np.linalg.norm(plane_coords(scene.plane, arrow.get_start()) - reading.embedding) < 0.2
        assert plane_coords(scene.plane, arrow.get_end()) == pytest.approx(reading.token_embeddings[i], abs=0.2)


def test_the_cosine_is_drawn_as_the_angle_between_rays_from_the_origin(tmp_path):
    """With cosine similarity, each word of the sentence gets a ray from the origin: the angle
    between its ray and the focus word's is the one whose cosine makes the weight. (With a dot
    product, test_arrow_strength's example, no rays: length counts too.)"""
    from attention_core.example_file import default_example

    example = default_example()
    lesson = gravity_lesson(example)
    assert example.similarity == "cosine"
    scene, shown = build_scene(GravityScene, lesson, tmp_path)
    reading = lesson.sentences[0]
    focus = np.asarray(example.words["apple"], dtype=float)
    for i, token in enumerate(reading.tokens):
        ray = one(shown, f"ray0:{i}")
        assert plane_coords(scene.plane, ray.get_start()) == pytest.approx((0, 0), abs=1e-9)
        end = plane_coords(scene.plane, ray.get_end())
        word = np.asarray(example.words[token], dtype=float)
        assert end == pytest.approx(word)
        drawn = np.dot(end, focus) / np.linalg.norm(end) / np.linalg.norm(focus)
        assert drawn == pytest.approx(word @ focus / np.linalg.norm(word) / np.linalg.norm(focus))


def test_each_context_dot_travels_straight_from_the_embedding_to_the_context(tmp_path):
    """Sampled at every frame while it moves: the dot leaves the focus word's embedding and
    goes straight to the lesson's context vector, getting closer every frame."""
    from attention_core.example_file import default_example

    lesson = gravity_lesson(default_example())

    def probe(scene):
        moving = [m for m in scene.mobjects if m.name.startswith("context:")]
        return {m.name: plane_coords(scene.plane, m.get_center()) for m in moving}

    paths = {}
    for sample in sample_scene(GravityScene, lesson, tmp_path, probe):
        for name, xy in sample.items():
            paths.setdefault(name, []).append(xy)
    assert sorted(paths) == [f"context:{i}" for i in range(len(lesson.sentences))]
    for number, reading in enumerate(lesson.sentences):
        points = np.array(paths[f"context:{number}"])
        start, end = np.asarray(reading.embedding), np.asarray(reading.context)
        direction = (end - start) / np.linalg.norm(end - start)
        offsets = points - start
        across = offsets[:, 0] * direction[1] - offsets[:, 1] * direction[0]
        assert np.abs(across).max() < 1e-6  # on the straight line from the embedding
        distance = np.linalg.norm(points - end, axis=1)
        assert np.all(np.diff(distance) <= 1e-9)  # never moving away from the context
        assert distance[0] > 0.5 * np.linalg.norm(end - start)  # it starts near the embedding ...
        assert distance[-1] < 1e-6  # ... and comes to rest at the context vector


def boxes_meet(a, b) -> bool:
    return (
        a.get_left()[0] < b.get_right()[0]
        and b.get_left()[0] < a.get_right()[0]
        and a.get_bottom()[1] < b.get_top()[1]
        and b.get_bottom()[1] < a.get_top()[1]
    )


@pytest.mark.parametrize("code", ["en", "zh"])
def test_no_label_of_the_plane_meets_a_sentences_panel(code, tmp_path):
    """Every label is placed once, clear of every panel the clip will show: in Chinese the
    panel's lines run otherwise, and "microsoft" met the last sum line."""
    import dataclasses

    from attention_core.example_file import default_example
    from attention_core.language import writing_in

    with writing_in(code):
        lesson = gravity_lesson(dataclasses.replace(default_example(), language=code))
        scene, shown = build_scene(GravityScene, lesson, tmp_path)
    labels = [
        label for name, found in shown.items() if name.startswith(("label:", "context_label:")) for label in found
    ]
    parts = [part for panel in scene.panels for part in (panel.words, panel.weights, panel.formula)]
    assert len(labels) == len(lesson.plane) + len(lesson.sentences) and len(parts) == 3 * len(lesson.sentences)
    assert [
        (text_of(label), index) for label in labels for index, part in enumerate(parts) if boxes_meet(label, part)
    ] == []


def distance_to_box(point, mobject) -> float:
    """From a point to the nearest point of a mobject's bounding box (0 inside it)."""
    dx = max(mobject.get_left()[0] - point[0], 0.0, point[0] - mobject.get_right()[0])
    dy = max(mobject.get_bottom()[1] - point[1], 0.0, point[1] - mobject.get_top()[1])
    return float(np.hypot(dx, dy))


def crosses(start, end, mobject, samples: int = 64, inset: float = 0.02) -> bool:
    """Whether the segment runs through the mobject's box, more than `inset` inside its edges
    (grazing a corner of a label's box is not crossing its letters)."""
    left, right = mobject.get_left()[0] + inset, mobject.get_right()[0] - inset
    bottom, top = mobject.get_bottom()[1] + inset, mobject.get_top()[1] - inset
    points = [start + (end - start) * (k + 0.5) / samples for k in range(samples)]
    return any(left < x < right and bottom < y < top for x, y, _ in points)


@pytest.mark.parametrize(
    "code, format", [("en", "landscape"), ("es", "landscape"), ("zh", "landscape"), ("en", "vertical")]
)
def test_each_label_is_by_its_own_dot_or_led_to_it(code, format, tmp_path):
    """Which dot a label names is never a guess: a label sits snug by its dot (nearer it than
    any other dot), or a thin line leads from its dot's rim to it, crossing no other label.
    In es, fr and de "contexto 1" once sat far from its dot, nearest another."""
    import dataclasses

    from attention_core.example_file import default_example
    from attention_core.language import writing_in

    with writing_in(code):
        lesson = gravity_lesson(dataclasses.replace(default_example(), language=code))
        scene, _ = build_scene(GravityScene, lesson, tmp_path, format)
    named = [*scene.words.values(), *scene.contexts]
    dots = [word_dot.dot.get_center() for word_dot in named]
    led = 0
    for word_dot in named:
        centre, radius, label = word_dot.dot.get_center(), word_dot.dot.radius, word_dot.label
        gap = distance_to_box(centre, label) - radius
        if gap < 0.15:  # snug: 0.06 units from the dot's box, a little more on a diagonal
            assert len(word_dot.leaders) == 0, word_dot.word
            nearest = min(range(len(dots)), key=lambda index: distance_to_box(dots[index], label))
            assert named[nearest] is word_dot, (word_dot.word, named[nearest].word)
            continue
        (leader,) = word_dot.leaders
        led += 1
        start, end = leader.get_start(), leader.get_end()
        assert np.linalg.norm(start - centre) == pytest.approx(radius, abs=0.01), word_dot.word
        assert distance_to_box(end, label) < 0.06, word_dot.word
        assert [other.word for other in named if other is not word_dot and crosses(start, end, other.label)] == []
    assert led > 0  # the example is crowded enough that some label needs one
