"""The stage's regions, from the frame alone: the numbers a creator relies on (a plane half the
landscape frame wide, captions above a vertical frame's bottom fifth), computed here."""

import pytest

from scenes import typeset
from scenes.layout import GAP, Stage

LANDSCAPE = (8 * 16 / 9, 8.0)
VERTICAL = (8.0, 8 * 16 / 9)


def test_landscape_main_stage_is_the_left_half_and_the_caption_band_is_at_the_bottom():
    stage = Stage(*LANDSCAPE)
    width, height = LANDSCAPE
    assert not stage.vertical and stage.format == "landscape"
    assert stage.main.left == pytest.approx(-width / 2 + 0.35)  # the margin
    assert stage.main.right == pytest.approx(0.0)  # the frame's middle: 48 % of its width
    assert stage.panel.left == pytest.approx(GAP["large"]) and stage.panel.right == pytest.approx(width / 2 - 0.35)
    assert stage.caption.bottom == pytest.approx(-height / 2 + 0.35)
    assert stage.caption.top < stage.content.bottom < stage.main.top  # content above the captions
    assert stage.caption.left == stage.content.left and stage.caption.right == stage.content.right
    assert stage.content.top == pytest.approx(height / 2 - 0.35)  # no heading yet: up to the margin
    assert stage.main.top == stage.content.top and stage.main.bottom == stage.content.bottom


def test_vertical_captions_stay_above_the_bottom_fifth_and_the_main_stage_is_on_top():
    stage = Stage(*VERTICAL)
    width, height = VERTICAL
    assert stage.vertical and stage.format == "vertical"
    assert stage.caption.bottom == pytest.approx(-height / 2 + 0.2 * height)
    assert stage.caption.top - stage.caption.bottom > 1.4  # four caption lines
    assert stage.main.left == stage.content.left and stage.main.right == stage.content.right
    assert stage.main.bottom > stage.panel.top  # the main stage over the panel
    assert stage.main.top == stage.content.top
    assert stage.main.height == pytest.approx(0.5 * stage.content.height)
    assert stage.panel.top == pytest.approx(stage.main.bottom - GAP["medium"])
    assert stage.panel.bottom == stage.content.bottom


def test_a_square_frame_is_laid_out_as_landscape():
    assert not Stage(8.0, 8.0).vertical


@pytest.mark.parametrize("frame", [LANDSCAPE, VERTICAL])
def test_the_caption_band_holds_its_lines_snugly(frame):
    """As many lines of caption as the band is made for fit in it, with little to spare."""

    stage = Stage(*frame)
    lines = 2 if frame == LANDSCAPE else 4
    text = typeset.wrapped_text("\n".join(["Hgy"] * lines), 100, stage.caption_size)
    caption = typeset.plain_text("\n".join(["Hgy Ã"] * lines), stage.caption_size, line_spacing=0.9)
    assert len(text.submobjects) >= lines
    assert caption.height <= stage.caption.height + 0.01
    assert caption.height >= stage.caption.height - 0.15


def test_below_a_heading_the_content_starts_lower_and_keeps_its_split():
    from manim import Square

    stage = Stage(*LANDSCAPE).sharing(0.4)
    heading = Square(0.5).move_to([-5, 3.4, 0])
    lower = stage.below(heading)
    assert lower.content.top == pytest.approx(heading.get_bottom()[1] - GAP["small"])
    assert lower.main.width == pytest.approx(0.4 * lower.content.width)
    shared = Stage(*VERTICAL).below(heading).sharing(0.4)  # shared after the heading: the top stays
    assert shared.content.top == pytest.approx(heading.get_bottom()[1] - GAP["small"])
    assert shared.main.height == pytest.approx(0.4 * shared.content.height)


def test_several_parts_go_across_in_landscape_and_down_in_vertical():
    across = Stage(*LANDSCAPE).several(3)
    assert [part.top for part in across] == [across[0].top] * 3
    assert across[1].left - across[0].right == pytest.approx(GAP["medium"])
    down = Stage(*VERTICAL).several(3)
    assert [part.left for part in down] == [down[0].left] * 3
    assert down[0].bottom - down[1].top == pytest.approx(GAP["medium"])
    first, second = Stage(*LANDSCAPE).side_by_side()
    assert second.left - first.right == pytest.approx(GAP["large"]) and first.top == second.top
    upper, lower = Stage(*VERTICAL).side_by_side()
    assert upper.bottom - lower.top == pytest.approx(GAP["large"]) and upper.left == lower.left
    assert upper.height == pytest.approx(lower.height)


def test_rows_and_columns_share_a_region_with_equal_parts():
    region = Stage(*LANDSCAPE).content
    columns = region.columns(3, "medium")
    assert columns[0].left == region.left and columns[-1].right == pytest.approx(region.right)
    assert len({round(column.width, 9) for column in columns}) == 1
    assert columns[1].left - columns[0].right == pytest.approx(GAP["medium"])
    rows = region.rows(4, "small")
    assert rows[0].top == region.top and rows[-1].bottom == pytest.approx(region.bottom)
    assert rows[0].bottom - rows[1].top == pytest.approx(GAP["small"])
