"""Thumbnails and contact sheets, in-process on a clip made here: each frame a flat grey whose
level says its number, so a picture tells which frame it is."""

import av
import numpy as np
import pytest
from PIL import Image

from clips.pictures import SHEET_NAME, beat_ends, frames_at, telling_time, write_contact_sheet, write_thumbnail

RATE = 15


def numbered_clip(path, frames: int, size=(64, 36), alpha: bool = False):
    """A clip of `frames` frames at 15 fps; frame i is grey at level 5 * i (alpha: half clear)."""
    width, height = size
    with av.open(str(path), "w", options={"fflags": "+bitexact"} if alpha else {}) as container:
        stream = container.add_stream(
            "libvpx-vp9" if alpha else "libx264",
            rate=RATE,
            options={"lossless": "1"} if alpha else {"qp": "0", "preset": "ultrafast"},
        )
        stream.width, stream.height, stream.pix_fmt = width, height, "yuva420p" if alpha else "yuv444p"
        for index in range(frames):
            rgba = np.full((height, width, 4), 5 * index, dtype=np.uint8)
            rgba[..., 3] = 255
            if alpha:
                rgba[:, : width // 2, 3] = 0
            frame = av.VideoFrame.from_ndarray(rgba, format="rgba").reformat(format=stream.pix_fmt)
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def number_of(picture: Image.Image) -> int:
    """The frame number a picture shows (its grey level over 5), read at its right edge."""
    rgba = np.asarray(picture)
    return round(float(rgba[:, -8:, :3].mean()) / 5)


def entry(scene: str, file: str, ends: list[float], frames: int) -> dict:
    narration = [
        {"id": f"line.{i}", "start": max(0.0, end - 1), "end": end, "seconds": None} for i, end in enumerate(ends)
    ]
    return {"scene": scene, "file": file, "frames": frames, "seconds": frames / RATE, "narration": narration}


def test_a_beat_ends_just_before_its_end_time_and_the_telling_line_is_the_catalogs():
    made = entry("HistoryCard", "x.mp4", [1.0, 2.5], 60)
    assert beat_ends(made) == [("line.0", pytest.approx(0.999)), ("line.1", pytest.approx(2.499))]
    made["narration"][1]["id"] = "history.scaling"  # HistoryCard's telling line
    assert telling_time(made) == pytest.approx(2.499)
    made["scene"] = "NoSuchScene"  # no telling line known: the clip's end
    assert telling_time(made) == pytest.approx(4.0 - 1 / 60)


def test_frames_at_are_the_frames_on_screen_then(tmp_path):
    clip = tmp_path / "clip.mp4"
    numbered_clip(clip, 30)
    times = [0.0, 0.05, 1 / RATE, 1.0 - 1e-3, 1.0, 1.99, 5.0]  # the last is past the end
    shown = [number_of(picture) for picture in frames_at(clip, times)]
    assert shown == [0, 0, 1, 14, 15, 29, 29]
    assert all(
        picture.mode == "RGBA" and np.asarray(picture)[..., 3].min() == 255 for picture in frames_at(clip, [0.5])
    )


def test_a_thumbnail_and_a_sheet_are_written_whole_and_name_themselves(tmp_path):
    for name, frames in (("a.mp4", 30), ("b.mp4", 20)):
        numbered_clip(tmp_path / name, frames)
    first = entry("IntroCard", "a.mp4", [0.5, 1.0, 1.5], 30)
    first["narration"][2]["id"] = "intro.guess"  # IntroCard's telling line: the frame at 1.5 s
    second = entry("HistoryCard", "b.mp4", [0.4], 20)
    assert write_thumbnail(tmp_path / "a.mp4", first) == "a.png"
    assert number_of(Image.open(tmp_path / "a.png")) == 22  # 1.499 s at 15 fps
    assert write_contact_sheet(tmp_path, [first, second]) == SHEET_NAME
    sheet = np.asarray(Image.open(tmp_path / SHEET_NAME))
    thumb_width = round(180 * 64 / 36)
    assert sheet.shape == (8 + 2 * (34 + 180 + 8), 8 + 3 * (thumb_width + 8), 4)
    row_top = [8 + 34, 8 + 34 + 180 + 8 + 34]
    for row, expected in ((0, [7, 14, 22]), (1, [5])):
        for column, number in enumerate(expected):
            left = 8 + column * (thumb_width + 8)
            grey = sheet[row_top[row] + 60, left + thumb_width // 2, :3].astype(int)
            assert abs(int(grey.mean()) - 5 * number) <= 2, (row, column)
    assert (sheet[row_top[1] + 60, 8 + thumb_width + 8 + 10, :3] == 255).all()  # the second row is shorter
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.mp4", "a.png", "b.mp4", SHEET_NAME]


def test_a_transparent_clip_keeps_its_alpha_in_pictures(tmp_path):
    clip = tmp_path / "clip.webm"
    numbered_clip(clip, 10, alpha=True)
    (picture,) = frames_at(clip, [0.3])
    alpha = np.asarray(picture)[..., 3]
    assert alpha[:, :20].max() <= 2 and alpha[:, -20:].min() >= 253  # the left half clear
    assert number_of(picture) == 4


def test_the_preview_is_a_sheet_of_each_clips_key_pictures_in_order(tmp_path):
    """clips/preview.py's sheet (the dry-run pictures themselves are test_render's): a row a
    clip, named, its pictures left to right at the thumbnails' height, written whole."""
    from clips.pictures import NAME_ROOM, SHEET_GAP, THUMB_HEIGHT
    from clips.preview import PREVIEW_NAME, write_preview

    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    rows = [("01-IntroCard.mp4", [Image.new("RGB", (160, 90), c) for c in colours[:2]])]
    rows.append(("02-GravityScene.mp4", [Image.new("RGB", (160, 90), colours[2])]))
    path = write_preview(tmp_path / "new", rows)
    assert path == tmp_path / "new" / PREVIEW_NAME and [p.name for p in path.parent.iterdir()] == [PREVIEW_NAME]
    sheet = np.asarray(Image.open(path).convert("RGB"))
    width = THUMB_HEIGHT * 16 // 9  # each picture scaled to the thumbnails' height
    assert sheet.shape[0] == 2 * (NAME_ROOM + THUMB_HEIGHT + SHEET_GAP) + SHEET_GAP
    middle = SHEET_GAP + NAME_ROOM + THUMB_HEIGHT // 2
    for index, colour in enumerate(colours[:2]):  # the first row's pictures, left to right
        x = SHEET_GAP + index * (width + SHEET_GAP) + width // 2
        assert tuple(sheet[middle, x]) == colour
    second = middle + NAME_ROOM + THUMB_HEIGHT + SHEET_GAP
    assert tuple(sheet[second, SHEET_GAP + width // 2]) == colours[2]
