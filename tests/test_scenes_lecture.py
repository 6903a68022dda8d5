"""The learner-question clips draw their lessons: every number on screen traced to the core."""

import numpy as np
import pytest
from scene_harness import build_scene, one, plane_coords, sample_scene, text_of
from spelled import written

from attention_core.example_file import default_example
from scenes.catalog import SCENES
from scenes.formula import FORMULA_PARTS

pytestmark = pytest.mark.render


def drawn(name, tmp_path, example=None):
    scene_class = SCENES[name]
    lesson = scene_class.lesson_for(example or default_example())
    scene, shown = build_scene(scene_class, lesson, tmp_path)
    return lesson, scene, shown


def test_softmax_scene_bars_are_the_lesson_at_every_sample(tmp_path):
    lesson, scene, shown = drawn("SoftmaxScene", tmp_path)
    for sample in (0, len(lesson.sweep_scores) // 2, len(lesson.sweep_scores) - 1):
        panel = scene.weights_at(sample)
        texts = {
            m.name: text_of(m) for m in panel.get_family() if m.name.startswith(("weight:", "score:", "weight_sum"))
        }
        for i, weight in enumerate(lesson.sweep_weights[sample]):
            assert texts[f"weight:{i}"] == written(weight)
        assert texts[f"score:{lesson.swept}"] == written(lesson.sweep_scores[sample])
        assert texts["weight_sum"] == "sum of weights = 1.00"
    # a cosine stops at 1; the slider goes past it, and the note under the bars says it is no cosine
    assert lesson.similarity == "cosine" and lesson.sweep_scores.max() > 1
    assert text_of(one(shown, "slid_note")) == "one score slid freely: a cosine stops at 1"
    final = scene.tempered_at(len(lesson.temperatures) - 1)
    heading = [m for m in final.get_family() if m.name == "bar_heading"][0]
    assert text_of(heading) == f"T = {written(lesson.temperatures[-1])}"
    assert text_of(one(shown, "by_sum_0:1")) == written(lesson.negative_by_sum[0])
    assert text_of(one(shown, "softmax_1:1")) == written(lesson.negative_softmax[1])


def test_the_sweep_draws_the_lesson_while_it_slides(tmp_path):
    """Sampled at every frame (5 per second) of every animation: wherever the slider is, the
    bars, the best word's marker and the weighted average on screen are that sample's; the slider
    goes down to the lowest score, then up to the highest, as the storyboard says. (Shapes and
    places are read, not strings: `become` leaves a Text's string as it was.)"""
    scene_class = SCENES["SoftmaxScene"]
    lesson = scene_class.lesson_for(default_example())

    def probe(scene):
        tracker = getattr(scene, "index", None)
        if tracker is None or not scene.bars.updaters or hasattr(scene, "temperature"):
            return None  # before the sweep, or after it (the temperature's bars)
        bars = {m.name: m for m in scene.bars.get_family() if m.name.startswith("weight_bar:")}
        marks = {m.name: m for m in scene.get_mobject_family_members() if m.name in ("argmax_marker", "softmax_output")}
        if len(marks) < 2:
            return None  # the markers are not on screen yet
        return (
            tracker.get_value(),
            [bars[f"weight_bar:{i}"].width for i in range(len(lesson.tokens))],
            plane_coords(scene.plane, marks["argmax_marker"].get_center()),
            plane_coords(scene.plane, marks["softmax_output"].get_center()),
        )

    samples = [s for s in sample_scene(scene_class, lesson, tmp_path, probe) if s is not None]
    assert len(samples) > 20
    positions = [value for value, *_ in samples]
    lowest = positions.index(min(positions))
    last = len(lesson.sweep_scores) - 1  # (the last frame of a play comes just before its end)
    assert min(positions) < 1 and max(positions) > last - 1
    assert positions[: lowest + 1] == sorted(positions[: lowest + 1], reverse=True)  # down first
    assert positions[lowest:] == sorted(positions[lowest:])  # then up
    for value, widths, best, average in samples:
        sample = int(round(value))
        expected = [max(2.4 * w, 0.02) for w in lesson.sweep_weights[sample]]  # BAR_LENGTH, a sliver at 0
        assert widths == pytest.approx(expected, abs=1e-6)
        assert best == pytest.approx(lesson.sweep_argmax_output[sample], abs=1e-6)
        assert average == pytest.approx(lesson.sweep_softmax_output[sample], abs=1e-6)


def test_scaling_scene_dots_and_spreads(tmp_path):
    lesson, scene, shown = drawn("ScalingScene", tmp_path)
    # the shared axis: its ends are -span and +span, its ticks written where their values fall
    axis = one(shown, "axis:0")
    left, right = axis.get_start()[0], axis.get_end()[0]

    def x_of(value):
        return left + (value + lesson.axis_span) / (2 * lesson.axis_span) * (right - left)

    largest = max(float(np.abs(row.shown_raw).max()) for row in lesson.rows)
    assert largest <= lesson.axis_span < 2 * largest  # every dot on the axis, and the axis not too long
    assert lesson.axis_ticks == (-lesson.axis_span, -lesson.axis_span / 2, 0, lesson.axis_span / 2, lesson.axis_span)
    for index, value in enumerate(lesson.axis_ticks):
        tick = one(shown, f"tick:{index}")
        assert text_of(tick) == f"{value:.0f}".replace("-", "\u2212")
        assert tick.get_x() == pytest.approx(x_of(value), abs=1e-6)
    assert text_of(one(shown, "scores_per_row")).replace("\n", " ") == (
        f"softmax of {len(lesson.rows[0].weights_raw)} scores, largest first: the mean of {lesson.draws} draws"
    )
    for i, row in enumerate(lesson.rows):
        assert one(shown, f"axis:{i}").get_start()[0] == pytest.approx(left)
        assert text_of(one(shown, f"raw_spread:{i}")) == f"spread {written(row.raw_std)}"
        dots = one(shown, f"raw_dots:{i}")  # transformed into the scaled state at the end
        xs = [d.get_center()[0] for d in dots]
        assert xs == pytest.approx([x_of(v) for v in row.shown_scaled])
        bars = [one(shown, f"raw_bar:{i},{j}") for j in range(len(row.weights_raw))]
        heights = [b.height for b in bars]
        assert heights == sorted(heights, reverse=True)  # largest first, as the title says
        assert heights[0] / sum(heights) == pytest.approx(row.max_scaled, abs=0.01)  # ended divided
        assert text_of(one(shown, f"raw_max:{i}")) == f"top {written(row.max_raw)}"


def test_mask_scene_grids(tmp_path):
    lesson, _, shown = drawn("MaskScene", tmp_path)
    n = len(lesson.tokens)
    for i in range(n):
        for j in range(n):
            assert text_of(one(shown, f"self:{i},{j}")) == written(lesson.self_weights[i, j])
            assert text_of(one(shown, f"masked:{i},{j}")) == written(lesson.masked_weights[i, j])
        assert text_of(one(shown, f"masked_sum:{i}")) == "= 1.00"
    for i in range(len(lesson.decoder_tokens)):
        for j in range(len(lesson.encoder_tokens)):
            assert text_of(one(shown, f"cross:{i},{j}")) == written(lesson.cross_weights[i, j])


def test_formula_scene_numbers_and_fixed_latex(tmp_path):
    lesson, _, shown = drawn("FormulaScene", tmp_path)
    assert tuple(one(shown, "formula").tex_strings) == FORMULA_PARTS
    for i in range(len(lesson.tokens)):
        assert text_of(one(shown, f"dot:{i}")) == written(lesson.dots[i])
        assert text_of(one(shown, f"scaled:{i}")) == written(lesson.scaled[i])
        assert text_of(one(shown, f"weight:{i}")) == written(lesson.weights[i])
    expected = f"\u2248 ({written(lesson.output[0])}, {written(lesson.output[1])})"
    assert text_of(one(shown, "output_value")) == expected


def test_parallel_scene_one_step_against_n(tmp_path):
    lesson, _, shown = drawn("ParallelScene", tmp_path)
    for i, (output, state) in enumerate(zip(lesson.attention_outputs, lesson.recurrent_states)):
        # a column: x above y, each written with a true minus sign (spelled by the test)
        assert text_of(one(shown, f"attention_output:{i}")) == f"{written(output[0])}\n{written(output[1])}"
        assert text_of(one(shown, f"recurrent_state:{i}")) == f"{written(state[0])}\n{written(state[1])}"
    assert text_of(one(shown, "attention_steps")) == "steps: 1"
    assert text_of(one(shown, f"recurrent_steps:{lesson.recurrent_steps}")) == f"steps: {len(lesson.tokens)}"
    for i in range(len(lesson.tokens)):  # each place's vector: the 2017 paper's sinusoids at width 2
        assert text_of(one(shown, f"position:{i}")) == f"{written(np.sin(i))}\n{written(np.cos(i))}"
        assert one(shown, f"position:{i}").get_y() > one(shown, f"attention_output:{i}").get_y()  # above its word


def test_cards(tmp_path):
    lesson, _, shown = drawn("IntroCard", tmp_path)
    assert text_of(one(shown, "title")) == default_example().title
    history, _, shown = drawn("HistoryCard", tmp_path)
    parts = [text_of(one(shown, f"block_part:{i}")).strip() for i in range(4)]  # what a 2017 block holds, in order
    assert parts == ["attention", "add & norm", "MLP", "add & norm"]
    written = text_of(one(shown, "scaling_example")).replace("\n", " ")
    assert "\u221a64 = 8.00" in written and "becomes 3.00" in written


def test_lecture_plan_numbers_every_clip_in_order(tmp_path):
    import render

    arguments = render.parse_arguments(["--lecture", "--out", str(tmp_path)])
    plan = render.plan(arguments)
    assert plan.folder == tmp_path / "fruit-vs-tech" / "low" / "lecture"
    assert [job.scene for job in plan.jobs] == list(SCENES)
    assert [job.target.split("/")[-1] for job in plan.jobs][:2] == ["01-IntroCard.mp4", "02-GravityScene.mp4"]
    assert not plan.lecture and not any(job.narrate for job in plan.jobs)  # silent without --narrate
    assert not any(tmp_path.iterdir())  # planning writes nothing


def first_text(shown, name: str) -> str:
    """The text first drawn under `name` (a number that later changes: its first value)."""
    assert name in shown, f"nothing named {name!r} was drawn"
    return text_of(shown[name][0])


def test_a_quantity_is_written_alike_in_every_clip_that_shows_it(tmp_path):
    """The same number in two chapters has one spelling: on failure, both clips and both strings."""
    example = default_example()
    clips = {
        name: drawn(name, tmp_path, example)
        for name in ("GravityScene", "SoftmaxScene", "ProjectionScene", "FormulaScene")
    }
    gravity = clips["GravityScene"][0].sentences[0]
    same = []  # (quantity, (clip, name), (clip, name))
    for j, token in enumerate(gravity.tokens):
        same.append(
            (f"weight of {token} in sentence 1", ("GravityScene", f"weight0:{j}"), ("SoftmaxScene", f"weight:{j}"))
        )
    for j, token in enumerate(clips["ProjectionScene"][0].tokens):
        same.append(
            (
                f"weight of {token} after the maps",
                ("ProjectionScene", f"weight_after:{j}"),
                ("FormulaScene", f"weight:{j}"),
            )
        )
        same.append(
            (f"scaled score of {token}", ("ProjectionScene", f"score_after:{j}"), ("FormulaScene", f"scaled:{j}"))
        )
    for quantity, (clip_a, name_a), (clip_b, name_b) in same:
        a, b = first_text(clips[clip_a][2], name_a), first_text(clips[clip_b][2], name_b)
        assert a == b, f"{quantity}: {clip_a} writes {a!r}, {clip_b} writes {b!r}"
    # the softmax chapter's scores start where the gravity chapter's similarities are
    softmax = clips["SoftmaxScene"][0]
    for j, score in enumerate(gravity.similarities):
        assert first_text(clips["SoftmaxScene"][2], f"score:{j}") == written(score), (j, softmax.tokens[j])
    assert first_text(clips["SoftmaxScene"][2], "score:1") == "0.71"  # cos(apple, orange), as the lecture's notes say


def test_the_recap_writes_each_key_picture_as_its_chapter_did(tmp_path):
    """The recap brings back each chapter's picture with the chapter's own numbers, spelled alike."""
    example = default_example()
    recap = drawn("RecapCard", tmp_path, example)[2]
    clips = {
        name: drawn(name, tmp_path, example)
        for name in ("SoftmaxScene", "ProjectionScene", "MaskScene", "ParallelScene", "RealModelScene")
    }
    same = []  # (quantity, (clip, name), recap's name)
    for j, token in enumerate(clips["SoftmaxScene"][0].tokens):
        same.append((f"softmax weight of {token}", ("SoftmaxScene", f"weight:{j}"), f"recap_softmaxscene:0:{j}"))
    for j, token in enumerate(clips["ProjectionScene"][0].tokens):
        same.append(
            (
                f"weight of {token} before the maps",
                ("ProjectionScene", f"weight_before:{j}"),
                f"recap_projectionscene:0:{j}",
            )
        )
        same.append(
            (
                f"weight of {token} after the maps",
                ("ProjectionScene", f"weight_after:{j}"),
                f"recap_projectionscene:1:{j}",
            )
        )
    n = len(clips["MaskScene"][0].tokens)
    for i in range(n):
        for j in range(n):
            same.append((f"masked weight {i},{j}", ("MaskScene", f"masked:{i},{j}"), f"recap_maskscene:0:{i},{j}"))
    same.append(("attention's steps", ("ParallelScene", "attention_steps"), "recap_parallelscene:1:0"))
    same.append(("the recurrent network's steps", ("ParallelScene", f"recurrent_steps:{n}"), "recap_parallelscene:0:0"))
    real = clips["RealModelScene"][0]
    for number, reading in enumerate(real.readings):
        shown = sorted(sorted(reading.labelled, key=lambda j: reading.weights[j], reverse=True)[:5])  # its five largest
        for row, index in enumerate(shown):
            same.append(
                (
                    f"real model weight of {reading.pieces[index]}",
                    ("RealModelScene", f"weight{number}:{index}"),
                    f"recap_realmodelscene:{number}:{row}",
                )
            )
    for quantity, (clip, name), recap_name in same:
        a, b = first_text(clips[clip][2], name), first_text(recap, recap_name)
        assert a == b, f"{quantity}: {clip} writes {a!r}, RecapCard writes {b!r}"
    assert first_text(recap, "recap_parallelscene:0:0") == f"steps: {n}"  # the sentence's size
    # the gravity picture: a context vector per sentence, where the gravity chapter put it
    gravity_lesson, _, gravity = drawn("GravityScene", tmp_path, example)
    labels = [first_text(recap, f"recap_gravityscene:0:{k}") for k in range(len(gravity_lesson.sentences))]
    assert labels == [first_text(gravity, f"context_label:{k}") for k in range(len(gravity_lesson.sentences))]


def test_symbols_are_drawn_with_true_subscripts(tmp_path):
    """Headings, panels and captions draw W with a small Q below its baseline, never "W_Q";
    the subtitles keep the plain form."""
    from manim import Text

    for name in ("ProjectionScene", "MultiHeadScene"):
        lesson, scene, shown = drawn(name, tmp_path)
        drawn_texts = [
            part for found in shown.values() for top in found for part in top.get_family() if isinstance(part, Text)
        ]
        assert not any("_" in part.text for part in drawn_texts), name
        subscripts = [part for part in shown.get("subscript", [])]
        assert {part.text for part in subscripts} >= ({"Q", "K", "V"} if name == "ProjectionScene" else {"O"})
        assert any("W_" in line.text for line in lesson.narration)  # what the subtitles say
