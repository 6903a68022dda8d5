"""Still pictures of rendered clips, for reviewers to look before they play: each clip's most
telling frame as a PNG beside it, and a contact sheet of every clip's key frames.

A key frame is the picture at the end of a narration line's beat (the scene records when: its
voice and pause are over, nothing has yet left for the next line): what the line was about,
fully drawn. Frames are decoded from the finished clip with PyAV, so a picture shows exactly
what the clip shows; a transparent clip's pictures keep their alpha. PNGs are written with
Pillow, the same bytes for the same frames.
"""

from __future__ import annotations

import functools
from pathlib import Path

import av
from PIL import Image, ImageDraw, ImageFont

from attention_core.lessons.catalog import TELLING
from clips.files import replaced_whole
from scenes.fonts import FONT_FILE  # the bundled font (scenes.fonts loads no manim)

SHEET_NAME = "contact-sheet.png"
SHEET_BACKGROUND = (255, 255, 255, 255)
SHEET_INK = (20, 20, 20, 255)
THUMB_HEIGHT = 180  # pixels of a key frame on the contact sheet (its width keeps the clip's shape)
SHEET_GAP = 8
NAME_ROOM = 34  # above each clip's row: its file name


def beat_ends(entry: dict) -> list[tuple[str, float]]:
    """(line id, seconds) of the end of each narration line's beat in a clip's manifest entry:
    its picture complete, before anything leaves for the next line."""
    return [(line["id"], max(0.0, line["end"] - 1e-3)) for line in entry["narration"]]


def telling_time(entry: dict) -> float:
    """When the clip's most telling picture is on screen (see TELLING); its end if the line is
    not in the clip."""
    ends = dict(beat_ends(entry))
    return ends.get(TELLING.get(entry["scene"], ""), max(0.0, entry["seconds"] - 1 / 60))


def frames_at(clip: Path, times: list[float]) -> list[Image.Image]:
    """The clip's frames on screen at each of `times` (seconds, ascending), as RGBA images
    (converted from the clip's BT.709 colours; opaque unless the clip has alpha)."""
    shown, wanted, last = [], list(times), None
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        for frame in decoded(container, stream):
            while wanted and float(frame.pts * stream.time_base) > wanted[0] + 1e-6:
                shown.append(last)  # the frame before this one was on screen then
                wanted.pop(0)
            if not wanted:
                break
            last = frame
        shown += [last] * len(wanted)  # at or past the last frame
        return [picture_of(frame) for frame in shown]


def decoded(container, stream):
    """The stream's frames. VP9 with alpha is decoded by libvpx, which reads the alpha that
    WebM carries beside each frame (FFmpeg's own VP9 decoder drops it)."""
    if stream.codec_context.name != "vp9" or not has_alpha(stream):
        yield from container.decode(stream)
        return
    decoder = av.CodecContext.create("libvpx-vp9", "r")
    for packet in container.demux(stream):
        if packet.dts is not None:
            yield from decoder.decode(packet)
    yield from decoder.decode(None)


def has_alpha(stream) -> bool:
    """Whether a WebM video stream says it carries alpha (its ALPHA_MODE tag, any case)."""
    return any(key.lower() == "alpha_mode" and value == "1" for key, value in stream.metadata.items())


def picture_of(frame: av.VideoFrame) -> Image.Image:
    rgba = frame.reformat(format="rgba", src_colorspace="ITU709", src_color_range="MPEG")
    return Image.fromarray(rgba.to_ndarray(), "RGBA")


def save_png(picture: Image.Image, target: Path) -> None:
    """`picture` as a PNG at `target`, which is replaced only once it is whole."""
    with replaced_whole(target) as partial:
        picture.save(partial, format="PNG", optimize=False)


def write_thumbnail(clip: Path, entry: dict) -> str:
    """The clip's most telling frame as <clip>.png beside it; returns the PNG's name."""
    target = clip.with_suffix(".png")
    (picture,) = frames_at(clip, [telling_time(entry)])
    save_png(picture, target)
    return target.name


@functools.lru_cache(maxsize=None)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


def write_contact_sheet(folder: Path, entries: list[dict]) -> str:
    """contact-sheet.png in `folder`: one row a clip (in the manifest's order), its file name
    above the key frame of each of its narration lines. Returns the sheet's name."""
    rows = [
        (entry["file"], frames_at(folder / entry["file"], [seconds for _, seconds in beat_ends(entry)]))
        for entry in entries
    ]
    save_png(sheet_of(rows), folder / SHEET_NAME)
    return SHEET_NAME


def sheet_sized(frame: Image.Image) -> Image.Image:
    """A key frame at the contact sheet's size: THUMB_HEIGHT high, the clip's shape kept."""
    if frame.height == THUMB_HEIGHT:
        return frame
    return frame.resize((round(THUMB_HEIGHT * frame.width / frame.height), THUMB_HEIGHT), Image.LANCZOS)


def sheet_of(rows: list[tuple[str, list[Image.Image]]]) -> Image.Image:
    """A contact sheet: one row a clip, its name above its key frames (each THUMB_HEIGHT high)."""
    rows = [(name, [sheet_sized(frame).convert("RGBA") for frame in frames]) for name, frames in rows]
    width = max(SHEET_GAP + sum(frame.width + SHEET_GAP for frame in frames) for _, frames in rows)
    height = sum(NAME_ROOM + THUMB_HEIGHT + SHEET_GAP for _ in rows) + SHEET_GAP
    sheet = Image.new("RGBA", (width, height), SHEET_BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    y = SHEET_GAP
    for name, frames in rows:
        draw.text((SHEET_GAP, y + 4), name, fill=SHEET_INK, font=_font(20))  # a file name: drawn as it is
        x = SHEET_GAP
        for frame in frames:
            sheet.alpha_composite(frame, (x, y + NAME_ROOM))
            x += frame.width + SHEET_GAP
        y += NAME_ROOM + THUMB_HEIGHT + SHEET_GAP
    return sheet
