"""How points and weighted sums are written on screen, spelled out here."""

from scenes import typeset
from scenes.writing import MANY_WORDS, has_many, weighted_sum, written_point


def test_a_point_is_two_numbers_with_true_minus_signs():
    assert written_point((1.2, -0.5)) == "(1.20, \u22120.50)"
    assert written_point((-0.001, 3)) == "(0.00, 3.00)"  # never "−0.00"


def test_a_short_sum_is_written_out_term_by_term():
    assert weighted_sum(["apple", "orange"], [0.61, 0.39]) == "0.61 apple + 0.39 orange"
    assert weighted_sum(["apple", "orange"], [0.61, 0.39], "v ") == "0.61 v apple + 0.39 v orange"


def test_a_long_sum_is_written_as_a_sum():
    words = ["a", "b", "c", "d", "e"]
    assert MANY_WORDS == 4 and has_many(words) and not has_many(words[:4])
    assert weighted_sum(words, [0.2] * 5) == "\u03a3 weight \u00d7 embedding"
    assert weighted_sum(words, [0.2] * 5, "v ") == "\u03a3 weight \u00d7 v"


def test_a_symbol_gets_a_true_subscript():
    from scenes.style import Subscripted, typeset

    line = Subscripted("W_Q and W_K are maps", 32)
    assert line.original_text == "W_Q and W_K are maps"
    assert "_" not in line.body.text
    assert [sub.text for sub in line.subscripts] == ["Q", "K"]
    for sub, letter in zip(line.subscripts, (line.body[0], line.body[7])):  # the two W glyphs, as drawn
        assert sub.get_left()[0] >= letter.get_right()[0] - 1e-6  # after its letter
        assert sub.get_bottom()[1] < letter.get_bottom()[1]  # below its baseline
        assert sub.height < letter.height
    assert type(typeset("no symbol here", 32)).__name__ == "Text"


def test_a_kept_text_is_the_text_typeset_again(tmp_path, monkeypatch):
    """With a typeset cache, a text is typeset once and loaded after: the same points, colour
    and size; a broken kept file (a killed run's) is typeset again."""
    import numpy as np

    from scenes import style

    monkeypatch.setattr(typeset, "TYPESET_CACHE", None)  # typeset here, not loaded from the tests' shared cache
    typeset._typeset.cache_clear()
    fresh = typeset.plain_text("Straße, 0.57 \u2192 context", style.LABEL_SIZE, style.FOCUS)
    monkeypatch.setattr(typeset, "TYPESET_CACHE", tmp_path)
    for attempt in range(3):
        typeset._typeset.cache_clear()  # as a new process would
        kept = typeset.plain_text("Straße, 0.57 \u2192 context", style.LABEL_SIZE, style.FOCUS)
        (path,) = list(tmp_path.glob("*.pickle"))
        assert [np.array_equal(a.points, b.points) for a, b in zip(fresh.get_family(), kept.get_family())] == [
            True
        ] * len(fresh.get_family())
        assert kept.get_color() == fresh.get_color() and kept.font_size == fresh.font_size
        if attempt == 1:
            path.write_bytes(path.read_bytes()[:100])  # cut short
    typeset._typeset.cache_clear()
