"""Where things go: named regions of the frame, computed from its size, for both formats.

    landscape (16:9)                      vertical (9:16)
    +------------------------------+      +------------+
    | heading                      |      | heading    |
    | +-----------+ +------------+ |      | +--------+ |
    | |   main    | |   panel    | |      | |  main  | |
    | | (plane)   | | (numbers)  | |      | +--------+ |
    | +-----------+ +------------+ |      | | panel  | |
    |           caption            |      | +--------+ |
    +------------------------------+      |  caption   |
                                          |(20 % free) |
                                          +------------+

`content` is everything between the heading and the caption band; `main` and `panel` split
it: side by side in landscape (main on the left, at least MAIN_SHARE of the frame's width),
one above the other in vertical. A scene asks its stage for a region and puts mobjects in it
(`put`, `fit`, `shrink_to_fit`); it types no coordinate. Spacing comes in named steps (GAP).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from manim import DOWN, LEFT, UP, Mobject, VGroup

from scenes import style

# -- spacing steps (scene units): every gap a scene leaves is one of these ----------------
GAP = {"tight": 0.1, "small": 0.2, "medium": 0.35, "large": 0.5}

MARGIN = style.EDGE_BUFFER  # between the frame's edge and anything drawn
MAIN_SHARE = 0.5  # landscape: the main region reaches the frame's middle (a plane in it: 45 % of the width or more)
VERTICAL_MAIN_SHARE = 0.5  # vertical: the main region's height, as a share of the content's
PLATFORM_ZONE = 0.2  # vertical: the bottom fifth of the frame is covered by a platform's buttons
CAPTION_LINES = {"landscape": 2, "vertical": 4}  # lines the caption band holds
CENTRE = np.zeros(3)  # an edge of none: a region's centre (read-only, as a default argument)
CENTRE.setflags(write=False)
CAPTION_SIZES = {"landscape": style.CAPTION_SIZE, "vertical": style.CAPTION_SIZE * 7 / 8}  # 45 and 39 px at 1080p
FIRST_LINE, LINE_PITCH = 0.4, 0.475  # a caption's first line (accented capitals too), each next one, at CAPTION_SIZE


@dataclass(frozen=True)
class Region:
    """A rectangle of the frame, in scene units, that places things and splits into smaller ones.

    Scenes type no coordinate: they put a mobject in a region (`put`, `fit`), or split one
    (`left_part`, `rows`, `columns`, `split`, `below`) and put things in the parts.

    Parameters
    ----------
    left, right, bottom, top
        Its edges, in scene units.

    Examples
    --------
    .. manim:: RegionExample
        :save_last_frame:

        from manim import UP, Scene
        from scenes import style, typeset
        from scenes.layout import Stage

        class RegionExample(Scene):
            def construct(self):
                stage = Stage(self.camera.frame_width, self.camera.frame_height)
                top, bottom = stage.content.rows(2)
                heading = top.put(typeset.plain_text("the top row, at its top", style.BODY_SIZE), UP)
                filled = bottom.fit(typeset.plain_text("the bottom row, as large as it holds", style.BODY_SIZE))
                self.add(heading, filled)
    """

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

    def point(self, edge=CENTRE) -> np.ndarray:
        """The region's centre, or the middle of its `edge` (UP, LEFT, UP + LEFT, ...)."""
        x = (self.left + self.right) / 2 + edge[0] * self.width / 2
        y = (self.bottom + self.top) / 2 + edge[1] * self.height / 2
        return np.array([x, y, 0.0])

    def left_part(self, fraction: float) -> Region:
        return replace(self, right=self.left + fraction * self.width)

    def top_part(self, fraction: float) -> Region:
        return replace(self, bottom=self.top - fraction * self.height)

    def below_top(self, depth: float) -> Region:
        """The region less a band `depth` high at its top."""
        return replace(self, top=self.top - depth)

    def below(self, mobject: Mobject, gap: str = "medium") -> Region:
        """The part of the region under `mobject`, a spacing step below it."""
        return replace(self, top=min(self.top, mobject.get_bottom()[1] - GAP[gap]))

    def columns(self, count: int, gap: str = "medium") -> list[Region]:
        """`count` equal regions side by side, a spacing step apart."""
        width = (self.width - (count - 1) * GAP[gap]) / count
        return [
            replace(self, left=self.left + i * (width + GAP[gap]), right=self.left + i * (width + GAP[gap]) + width)
            for i in range(count)
        ]

    def rows(self, count: int, gap: str = "medium") -> list[Region]:
        """`count` equal regions one above the other (the first on top), a spacing step apart."""
        height = (self.height - (count - 1) * GAP[gap]) / count
        return [
            replace(self, top=self.top - i * (height + GAP[gap]), bottom=self.top - i * (height + GAP[gap]) - height)
            for i in range(count)
        ]

    def split(self, vertical: bool, first_share: float = 0.5, gap: str = "large") -> tuple[Region, Region]:
        """Two parts: left and right (top and bottom when `vertical`), the first `first_share` of it."""
        if vertical:
            first = self.top_part(first_share)
            return first, replace(self, top=first.bottom - GAP[gap])
        first = self.left_part(first_share)
        return first, replace(self, left=first.right + GAP[gap])

    def put(self, mobject: Mobject, edge=CENTRE) -> Mobject:
        """`mobject` against the region's `edge` (centred along it), or at its centre."""
        return mobject.move_to(self.point(edge), aligned_edge=edge)

    def fit(self, mobject: Mobject, grow: bool = True) -> Mobject:
        """`mobject` scaled to the largest size the region holds (never larger, with grow=False)."""
        factor = min(
            self.height / mobject.height if mobject.height else np.inf,
            self.width / mobject.width if mobject.width else np.inf,
        )
        return mobject.scale(factor if grow else min(factor, 1.0))

    def shrink_to_fit(self, mobject: Mobject, edge=UP) -> Mobject:
        """`mobject` put against `edge`, and made smaller if it is too large for the region."""
        return self.put(self.fit(mobject, grow=False), edge)


def stack(*mobjects: Mobject, gap: str = "small", direction=DOWN, align=LEFT) -> VGroup:
    """The mobjects in a column (or a row, with direction=RIGHT), a spacing step apart."""
    return VGroup(*mobjects).arrange(direction, aligned_edge=align, buff=GAP[gap])


class Stage:
    """The regions of one clip's frame: `frame`, `content`, `main`, `panel` and `caption`.

    Made from the frame's size alone; `below(heading)` gives the stage of a clip whose heading
    is placed (its content starts under the heading). Landscape puts the main region (a plane)
    left of the panel (its numbers); vertical puts it above them, and keeps the caption band
    clear of the bottom fifth that a platform covers.

    Parameters
    ----------
    frame_width, frame_height
        The frame's size in scene units (the camera's).
    content_top
        Where the content starts; by default the frame's top, less its margin.
    main_share
        The main region's share of the content along the split.

    Examples
    --------
    .. manim:: StageExample
        :save_last_frame:

        from manim import Rectangle, Scene
        from scenes import style, typeset
        from scenes.layout import Stage

        class StageExample(Scene):
            def construct(self):
                stage = Stage(self.camera.frame_width, self.camera.frame_height)
                for region, colour in ((stage.main, style.QUERY), (stage.panel, style.KEY), (stage.caption, style.MUTED)):
                    box = Rectangle(width=region.width, height=region.height, color=colour)
                    self.add(region.put(box))
    """

    def __init__(
        self,
        frame_width: float,
        frame_height: float,
        content_top: float | None = None,
        main_share: float | None = None,
        caption_lines: int | None = None,
    ):
        """`main_share`: the main region's share of the content along the split (width in
        landscape, height in vertical); by default MAIN_SHARE of the frame's width, or
        VERTICAL_MAIN_SHARE of the content's height. A square frame is laid out as landscape.
        `caption_lines`: the lines the caption band holds, if more than the format's
        CAPTION_LINES (a language whose captions run longer)."""
        self.main_share = main_share
        self.caption_lines = caption_lines
        self.vertical = frame_height > frame_width
        self.format = "vertical" if self.vertical else "landscape"
        self.frame = Region(-frame_width / 2, frame_width / 2, -frame_height / 2, frame_height / 2)
        left, right = self.frame.left + MARGIN, self.frame.right - MARGIN
        caption_bottom = self.frame.bottom + (PLATFORM_ZONE * frame_height if self.vertical else MARGIN)
        self.caption_size = CAPTION_SIZES[self.format]
        lines = max(CAPTION_LINES[self.format], caption_lines or 0)
        self.caption = Region(
            left,
            right,
            caption_bottom,
            caption_bottom + (FIRST_LINE + (lines - 1) * LINE_PITCH) * self.caption_size / style.CAPTION_SIZE,
        )
        top = self.frame.top - MARGIN if content_top is None else content_top
        self.content = Region(left, right, self.caption.top + GAP["tight"], top)
        if self.vertical:
            self.main = self.content.top_part(main_share or VERTICAL_MAIN_SHARE)
            self.panel = replace(self.content, top=self.main.bottom - GAP["medium"])
        else:
            share = main_share or (MAIN_SHARE * frame_width - MARGIN) / self.content.width
            self.main = self.content.left_part(share)
            self.panel = replace(self.content, left=self.main.right + GAP["large"])

    def below(self, heading: Mobject) -> Stage:
        """This frame's stage with the content starting a spacing step under `heading`."""
        return Stage(
            self.frame.width,
            self.frame.height,
            heading.get_bottom()[1] - GAP["small"],
            self.main_share,
            self.caption_lines,
        )

    def sharing(self, main_share: float) -> Stage:
        """This stage with the main region taking `main_share` of the content (see __init__)."""
        return Stage(self.frame.width, self.frame.height, self.content.top, main_share, self.caption_lines)

    @property
    def caption_top(self) -> float:
        """Everything but the caption stays above this line."""
        return self.caption.top

    @property
    def label_bounds(self) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) that a word's label stays within."""
        return (self.content.left, self.content.right, self.caption.top, self.content.top)

    @property
    def text_width(self) -> float:
        """The widest a line of text may be: the frame less its margins."""
        return self.content.width

    def side_by_side(self, region: Region | None = None) -> tuple[Region, Region]:
        """Two equal halves of `region` (the content): left and right in landscape, top and
        bottom in vertical."""
        region = region or self.content
        return tuple(region.rows(2, "large") if self.vertical else region.columns(2, "large"))

    def several(self, count: int, region: Region | None = None) -> list[Region]:
        """`count` equal parts of `region` (the content): side by side in landscape, one above
        the other in vertical."""
        region = region or self.content
        return region.rows(count) if self.vertical else region.columns(count)
