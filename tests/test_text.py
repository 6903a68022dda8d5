"""How numbers are written: the expected strings are spelled out by hand."""

import pytest
from spelled import written

from attention_core.text import format_number, format_pair, quoted


@pytest.mark.parametrize(
    "value, places, shown",
    [
        (1.234, 2, "1.23"),
        (-1.234, 2, "\u22121.23"),
        (-0.001, 2, "0.00"),
        (-0.0, 2, "0.00"),
        (0.7071, 2, "0.71"),
        (2.0, 0, "2"),
        (-2.5, 1, "\u22122.5"),
        (1e-9, 3, "0.000"),
        (12.5, 2, "12.50"),
    ],
)
def test_numbers_have_fixed_places_and_a_true_minus_sign(value, places, shown):
    assert format_number(value, places) == shown
    assert written(value, places) == shown  # the tests' own speller agrees with the hand
    assert "-" not in format_number(value, places)


def test_pairs_and_quotes():
    assert format_pair((-1.0, 0.5)) == "(\u22121.00, 0.50)"
    assert format_pair((-0.004, 3.14159), 3) == "(\u22120.004, 3.142)"
    assert quoted("apple") == "\u201capple\u201d"


def test_the_speller_and_the_code_agree_everywhere():
    values = [i / 1000 - 5 for i in range(10001)] + [-0.0049, 0.0049, -0.005, 0.015, 0.025]
    assert [format_number(v) for v in values] == [written(v) for v in values]


def test_counts_up_to_ten_are_words():
    from attention_core.lessons.narration import count_word

    assert [count_word(n) for n in range(12)] == [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "11",
    ]
