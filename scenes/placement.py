"""Where a word's label goes beside its dot, as geometry: boxes (left, right, bottom, top),
points and segments in scene units, numpy only (no manim), so that it is tested directly
(tests/test_placement.py). scenes/plane.py measures the mobjects and moves the labels.

A label's crowding on one side is the area it overlaps other labels and dots, plus the length
of lines (leaders, trails) running over it, times a line's width; a leader line from a dot to
a label set further out weighs what it crosses in the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

LABEL_GAPS = (0.06, 0.3, 0.55)  # a word's label from its dot: snug first, further out where that is crowded
LEADER_GAP = 0.04  # between a leader line's end and the label it leads to
LEADER_SAMPLES = 16  # points along a candidate leader line, to see what it would cross
LEADER_WEIGHT_WIDTH = 0.15  # a line (leader, trail) over a label weighs as a strip this wide of overlap
LEADER_ROUNDS = 2  # with leaders, each label is placed twice: the second time against all the others
AMBIGUOUS = 0.05  # a snug label nearer another dot than its own weighs as this much overlap
LEADER_CROSSING = 0.05  # two leader lines crossing weigh as this much overlap: they tangle which goes where


def leader_ends(centre: np.ndarray, radius: float, box: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Where a leader line from a dot (`centre`, `radius`) to a label's `box` starts and ends."""
    left, right, bottom, top = box
    nearest = np.array([min(max(centre[0], left), right), min(max(centre[1], bottom), top), 0.0])
    heading = (nearest - centre) / max(np.linalg.norm(nearest - centre), 1e-9)
    return centre + heading * radius, nearest - heading * LEADER_GAP


def line_crowding(start: np.ndarray, end: np.ndarray, boxes: list[tuple]) -> float:
    """How much of a line (a leader, a trail) runs over `boxes`: its length inside them, times
    a line's width, so that it weighs like the overlap area of a label."""
    samples = [start + (end - start) * (k + 0.5) / LEADER_SAMPLES for k in range(LEADER_SAMPLES)]
    inside = sum(
        1 for x, y, _ in samples for left, right, bottom, top in boxes if left <= x <= right and bottom <= y <= top
    )
    return inside / LEADER_SAMPLES * float(np.linalg.norm(end - start)) * LEADER_WEIGHT_WIDTH


def segments_cross(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> bool:
    """Whether segment ab crosses segment cd (each end strictly on another side of the other)."""

    def side(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def nearer_another(own: int, centres: list[np.ndarray], box: tuple) -> bool:
    """Whether another dot of `centres` is nearer the label's `box` than its own (number `own`)."""
    distance = distance_to_box(centres[own], box)
    return any(distance_to_box(centre, box) < distance for number, centre in enumerate(centres) if number != own)


def distance_to_box(point: np.ndarray, box: tuple) -> float:
    left, right, bottom, top = box
    return math.hypot(max(left - point[0], 0.0, point[0] - right), max(bottom - point[1], 0.0, point[1] - top))


def overlap_area(a: tuple, b: tuple, pad: float = 0.08) -> float:
    width = min(a[1], b[1]) - max(a[0], b[0]) + pad
    height = min(a[3], b[3]) - max(a[2], b[2]) + pad
    return max(width, 0.0) * max(height, 0.0)


SIDES = ((1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))  # tried in this order: up-right first


def best_side(
    box_at: Callable[[tuple[int, int], float], tuple],
    bounds: tuple,
    others: Sequence[tuple],
    lines: Sequence[tuple],
    led: tuple | None = None,
) -> tuple[tuple[int, int], float]:
    """The side (dx, dy) and gap of LABEL_GAPS, inside `bounds` (x0, x1, y0, y1), where a label
    is least crowded by the boxes `others` and the segments `lines`: the first that is not
    crowded at all. `box_at(side, gap)` is the label's box there. With `led` (the dot's number,
    every dot's centre and the dots' radius), a label set further out than snug gets a leader
    line, which weighs what it crosses, and a snug label nearer another dot than its own counts
    as crowded (AMBIGUOUS)."""
    best = None
    x0, x1, y0, y1 = bounds
    for buff in LABEL_GAPS:
        for side in SIDES:
            box = box_at(side, buff)
            if not (box[0] >= x0 and box[1] <= x1 and box[2] >= y0 and box[3] <= y1):
                continue
            crowding = sum(overlap_area(box, other) for other in others)
            crowding += sum(line_crowding(*line, [box]) for line in lines)
            if led is not None and buff > LABEL_GAPS[0]:
                own, centres, radius = led
                line = leader_ends(centres[own], radius, box)
                crowding += line_crowding(*line, others)
                crowding += LEADER_CROSSING * sum(segments_cross(*line, *other) for other in lines)
            elif led is not None and nearer_another(led[0], led[1], box):  # snug, but it seems to name that dot
                crowding += AMBIGUOUS
            if best is None or crowding < best[0]:
                best = (crowding, side, buff)
            if crowding == 0:
                return side, buff
    return (SIDES[0], LABEL_GAPS[0]) if best is None else best[1:]
