"""Advice for an example that is valid but will not teach well, and the preview's watch loop:
the advice is printed by --check-example and by renders, listed in the manifest, and never
stops anything; --watch draws the preview again on each save and outlives a broken save."""

import os
import queue
import signal
import subprocess
import threading
import time

import numpy as np
import pytest
from example_texts import ALONE, MINIMAL
from helpers import ROOT, ctrl_c_reaches_it, render_command, render_py

from attention_core.advice import CROWDED, WEAK_PULL, example_advice
from attention_core.example_file import load_example, parse_example, shipped_examples

pytestmark = pytest.mark.process


def advice_of(text: str) -> dict[str, str]:
    return {advice.field: advice.message for advice in example_advice(parse_example(text))}


def test_a_clear_example_gets_no_advice():
    assert advice_of(MINIMAL) == {}
    for path in shipped_examples():
        fields = [advice.field for advice in example_advice(load_example(path))]
        assert fields in ([], ["similarity"]), path.name  # it-animal-or-street: dot products on purpose


def test_each_weakness_is_named_with_its_field():
    # two words in the same place, the focus word twice, pulls that cancel, a sentence with nobody else
    text = (
        MINIMAL.replace("phone = [4.0, 0.0]", "phone = [4.0, 0.0]\nmobile = [4.01, 0.02]\ncar = [3.0, -1.0]").replace(
            "An apple and an orange", "An apple, an orange, a car and an apple"
        )
        + '[[sentences]]\ntext = "Just an apple"\nfocus = "apple"\n'
    )
    advice = advice_of(text)
    assert set(advice) == {"words.mobile", "sentences[1].focus", "sentences[1].text", "sentences[2].text"}
    assert advice["words.mobile"].startswith("is only 0.02 from \u201cphone\u201d")
    assert advice["sentences[1].focus"] == (
        "\u201capple\u201d appears 2 times in the sentence; the clips read its first occurrence"
    )
    assert "nothing pulls it" in advice["sentences[2].text"]
    # orange (up) and car (down right) pull apple two ways: the context vector hardly moves
    apple, orange, car = np.array([2.0, 2.0]), np.array([0.0, 3.0]), np.array([3.0, -1.0])
    tokens = [apple, orange, car, apple]
    cosines = np.array([t @ apple / np.linalg.norm(t) / np.linalg.norm(apple) for t in tokens])
    weights = np.exp(cosines) / np.exp(cosines).sum()
    moved = np.linalg.norm(weights @ np.array(tokens) - apple)
    away = np.mean([np.linalg.norm(orange - apple), np.linalg.norm(car - apple)])
    assert moved < WEAK_PULL * away  # worked out here: the advice is right to speak
    assert f"moves only {moved:.2f}" in advice["sentences[1].text"]
    assert 0.02 < CROWDED * 4.01  # the plane spans 4.01 (x from 0 to 4.01; y from -1 to 3)


def test_dot_products_that_reward_length_are_pointed_out():
    text = (
        MINIMAL.replace('title = "Only what is required"', 'title = "Only what is required"\nsimilarity = "dot"')
        .replace("phone = [4.0, 0.0]", "phone = [9.0, 0.0]")
        .replace("An apple and an orange", "An apple, an orange and a phone")
    )
    advice = advice_of(text)
    assert list(advice) == ["similarity"]
    assert advice["similarity"].startswith(
        "in sentences[1], \u201cphone\u201d pulls hardest because its embedding "
        "is long (9.00 against 3.00), though \u201corange\u201d points closer"
    )
    assert advice_of(text.replace('similarity = "dot"', 'similarity = "cosine"')) == {}


def run(*arguments):
    return render_py(*arguments, timeout=300)


def test_check_example_and_the_manifest_carry_the_advice(tmp_path):
    path = tmp_path / "alone.toml"
    path.write_text(ALONE, encoding="utf-8")
    done = run("--check-example", str(path))
    assert done.returncode == 0
    assert done.stdout.splitlines()[1] == (
        f"{path}: advice: sentences[1].text: no word but \u201capple\u201d has an "
        "embedding, so nothing pulls it; give another word of the sentence an "
        "embedding under [words]"
    )
    import render

    plan = render.plan(render.parse_arguments(["--example", str(path), "--out", str(tmp_path / "out")]))
    assert plan.run.example["advice"] == [str(advice) for advice in example_advice(parse_example(ALONE))]


def read_lines(stream, into: queue.Queue):
    for line in stream:
        into.put(line)


def wait_for(lines: queue.Queue, piece: str, seen: list[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if piece in line:
            return
    pytest.fail(f"{piece!r} never printed; printed: {seen}")


def quiet_for(lines: queue.Queue, seconds: float, seen: list[str]) -> None:
    """Nothing printed for `seconds`: the watcher waits (drawing again unasked would print)."""
    try:
        line = lines.get(timeout=seconds)
    except queue.Empty:
        return
    pytest.fail(f"printed {line!r} with no save; printed before: {seen}")


def test_watch_draws_again_on_each_save_and_outlives_a_broken_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    watcher = subprocess.Popen(
        render_command("IntroCard", "--preview", "--watch", "--example", str(path), "--out", str(out)),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=ctrl_c_reaches_it,
    )
    lines, seen = queue.Queue(), []
    threading.Thread(target=read_lines, args=(watcher.stdout, lines), daemon=True).start()
    try:
        preview = out / "minimal" / "low" / "preview.png"
        wait_for(lines, "watching", seen)
        quiet_for(lines, 2, seen)  # reading the file to draw it is no save
        first = preview.read_bytes()
        path.write_text(MINIMAL.replace("title =", "titel ="), encoding="utf-8")  # a broken save
        wait_for(lines, "titel: unknown key; did you mean 'title'?", seen)
        wait_for(lines, "watching", seen)
        assert watcher.poll() is None  # still watching
        path.write_text(MINIMAL.replace("Only what is required", "A new title"), encoding="utf-8")
        wait_for(lines, "watching", seen)
        assert preview.read_bytes() != first  # the new title is drawn
    finally:
        watcher.send_signal(signal.SIGINT)
        code = watcher.wait(timeout=30)
    assert code == 0, seen
    assert not any("Traceback" in line for line in seen), seen
    assert os.listdir(out / "minimal" / "low") == ["preview.png"]


def test_a_sentence_in_which_no_word_stands_out_is_named_with_the_words_to_move():
    """Three words at nearly one cosine from "apple": their weights are within 0.05, no bar wins."""
    text = """
name = "flat"
title = "No word stands out"
similarity = "cosine"
[words]
apple = [1.0, 0.0]
pear = [0.8, 0.6]
plum = [0.8, -0.6]
fig = [0.6, 0.8]
[[sentences]]
text = "An apple, a pear, a plum and a fig"
focus = "apple"
"""
    cosines = np.array([1.0, 0.8, 0.8, 0.6])  # apple with itself, pear, plum, fig: worked out by hand
    weights = np.exp(cosines) / np.exp(cosines).sum()
    assert weights[1:].max() - weights[1:].min() < 0.05  # the advice is right to speak
    message = advice_of(text)["sentences[1].text"]
    assert message == (
        "no word stands out: the weights of the words around \u201capple\u201d are all within 0.05 of each other "
        f"(pear {weights[1]:.2f}, plum {weights[2]:.2f}, fig {weights[3]:.2f}), so no bar wins and the pull has no "
        "direction; move \u201cpear\u201d closer to \u201capple\u201d under [words], or \u201cfig\u201d farther away"
    )
    shipped = [advice for path in shipped_examples() for advice in example_advice(load_example(path))]
    assert not any("no word stands out" in advice.message for advice in shipped)
