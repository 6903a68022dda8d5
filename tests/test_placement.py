"""The geometry of placing a word's label beside its dot (scenes/placement.py), tested on
boxes and segments directly, without manim: each expected value worked out here by hand."""

import math

import numpy as np
import pytest

from scenes import placement


def test_the_overlap_of_two_boxes_counts_a_small_pad_around_them():
    # widths overlap from 1 to 2, heights from 0.5 to 1; each grows by the pad, 0.08
    assert placement.overlap_area((0, 2, 0, 1), (1, 3, 0.5, 2)) == pytest.approx(1.08 * 0.58)
    assert placement.overlap_area((0, 1, 0, 1), (5, 6, 5, 6)) == 0.0
    assert placement.overlap_area((0, 1, 0, 1), (1.05, 2, 0, 1)) == pytest.approx(0.03 * 1.08)  # within the pad


def test_segments_cross_only_through_each_other():
    o, a, b, c = np.array([0.0, 0.0]), np.array([1.0, 1.0]), np.array([0.0, 1.0]), np.array([1.0, 0.0])
    assert placement.segments_cross(o, a, b, c)
    assert not placement.segments_cross(o, b, c, a)  # two parallel sides of the unit square
    assert not placement.segments_cross(o, a, a, c)  # meeting at an end is not crossing


def test_the_distance_from_a_point_to_a_box():
    box = (0.0, 1.0, 0.0, 1.0)
    assert placement.distance_to_box(np.array([3.0, 0.5]), box) == pytest.approx(2.0)
    assert placement.distance_to_box(np.array([0.5, 0.5]), box) == 0.0
    assert placement.distance_to_box(np.array([2.0, 2.0]), box) == pytest.approx(math.sqrt(2))


def test_a_leader_runs_from_the_dots_rim_to_just_short_of_the_label():
    start, end = placement.leader_ends(np.array([0.0, 0.0, 0.0]), 0.1, (1.0, 2.0, -0.5, 0.5))
    assert start == pytest.approx([0.1, 0.0, 0.0])
    assert end == pytest.approx([1.0 - placement.LEADER_GAP, 0.0, 0.0])


def test_a_line_over_a_box_weighs_its_length_inside_times_a_lines_width():
    # 16 samples at (k + 0.5) / 16 along x from 0 to 1: those from k = 8 on are inside x >= 0.5
    inside = placement.line_crowding(np.array([0.0, 0.0, 0.0]), np.array([1.0, 0.0, 0.0]), [(0.5, 2.0, -1.0, 1.0)])
    assert inside == pytest.approx(8 / 16 * 1.0 * placement.LEADER_WEIGHT_WIDTH)


def test_a_snug_label_nearer_another_dot_than_its_own_seems_to_name_that_dot():
    centres = [np.array([0.0, 0.0]), np.array([1.0, 0.0])]
    assert placement.nearer_another(0, centres, (0.7, 0.9, -0.1, 0.1))
    assert not placement.nearer_another(0, centres, (0.1, 0.3, -0.1, 0.1))


def label_box(side, buff, half=(0.5, 0.2), dot=0.1):
    """A label of half-size `half` beside a dot of radius `dot` at the origin, as manim's
    next_to puts it: edge to edge, `buff` apart, centred on the other axis."""
    x = side[0] * (dot + buff + half[0])
    y = side[1] * (dot + buff + half[1])
    return (x - half[0], x + half[0], y - half[1], y + half[1])


def test_the_label_takes_the_first_side_that_nothing_crowds():
    bounds = (-5.0, 5.0, -5.0, 5.0)
    assert placement.best_side(label_box, bounds, [], []) == ((1, 1), placement.LABEL_GAPS[0])
    up_right = label_box((1, 1), placement.LABEL_GAPS[0])
    assert placement.best_side(label_box, bounds, [up_right], []) == ((-1, 1), placement.LABEL_GAPS[0])


def test_the_label_stays_inside_its_bounds_and_else_takes_the_least_crowded_side():
    right_half_only = (0.0, 5.0, -5.0, 5.0)  # the left sides leave the bounds
    crowd = [label_box((1, 1), g) for g in placement.LABEL_GAPS] + [label_box((1, -1), g) for g in placement.LABEL_GAPS]
    side, _ = placement.best_side(label_box, right_half_only, crowd, [])
    assert side == (1, 0)  # straight right: clear of the boxes above and below
    nowhere = (10.0, 11.0, 10.0, 11.0)
    assert placement.best_side(label_box, nowhere, [], []) == (placement.SIDES[0], placement.LABEL_GAPS[0])
