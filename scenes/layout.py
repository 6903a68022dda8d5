"""Where things go: named regions of the frame, computed from its size and the clip's heading.

    the heading band        the clip's title, top left (LessonScene.title)
    stage.content           below the heading, above the caption band, inside the edge margins
    the caption band        the narration's line, bottom (LessonScene.say)

A scene asks a region for a part of it (`left(0.55)`, `below_top(1.7)`) and puts its
mobjects there (`put`, `fit`); it types no coordinate. (So far RealModelScene places
everything this way; the older scenes still have positions of their own, see issue #12.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import Mobject

from scenes import style

HEADING_GAP = 0.35  # between the heading's bottom and the content
CAPTION_GAP = 0.15  # between the content and the caption band


@dataclass(frozen=True)
class Region:
    left: float
    right: float
    bottom: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def point(self, edge=np.zeros(3)) -> np.ndarray:
        """The region's centre, or the middle of its `edge` (UP, LEFT, ...)."""
        x = (self.left + self.right) / 2 + edge[0] * self.width / 2
        y = (self.bottom + self.top) / 2 + edge[1] * self.height / 2
        return np.array([x, y, 0.0])

    def left_part(self, fraction: float) -> Region:
        return Region(self.left, self.left + fraction * self.width, self.bottom, self.top)

    def below_top(self, depth: float) -> Region:
        """The region less a band `depth` high at its top."""
        return Region(self.left, self.right, self.bottom, self.top - depth)

    def put(self, mobject: Mobject, edge=np.zeros(3)) -> Mobject:
        """`mobject` against the region's `edge` (centred along it), or at its centre."""
        return mobject.move_to(self.point(edge), aligned_edge=edge)

    def fit(self, mobject: Mobject) -> Mobject:
        """`mobject` scaled, up or down, to the largest size the region holds."""
        return mobject.scale(min(self.height / mobject.height, self.width / mobject.width))


class Stage:
    """The regions of one clip's frame, once its heading is placed."""

    def __init__(self, frame_width: float, frame_height: float, heading: Mobject):
        self.frame = Region(-frame_width / 2, frame_width / 2, -frame_height / 2, frame_height / 2)
        margin = style.EDGE_BUFFER
        self.content = Region(self.frame.left + margin, self.frame.right - margin,
                              style.CAPTION_TOP + CAPTION_GAP, heading.get_bottom()[1] - HEADING_GAP)

