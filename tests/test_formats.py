"""Every format renders: a vertical clip is 9:16 in pixels and in scene units; a transparent clip
carries alpha that a decoder reads back, the same bytes every time; thumbnails and the contact
sheet show the clips' key frames. (The layout of every clip in both formats: test_layout.)"""

import json
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest
from helpers import render_in_process, render_py
from PIL import Image

pytestmark = pytest.mark.process


def render(out: Path, *arguments: str) -> subprocess.CompletedProcess:
    return render_py("--out", str(out), *arguments, timeout=600)


def frames_of(path: Path, decoder: str | None = None) -> list[np.ndarray]:
    """Every frame as RGBA; `decoder` names the codec to decode with (libvpx reads VP9's alpha)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if decoder is None:
            decoded = list(container.decode(stream))
        else:
            context = av.CodecContext.create(decoder, "r")
            decoded = [
                frame
                for packet in container.demux(stream)
                if packet.dts is not None
                for frame in context.decode(packet)
            ] + list(context.decode(None))
        return [
            frame.reformat(format="rgba", src_colorspace="ITU709", src_color_range="MPEG").to_ndarray()
            for frame in decoded
        ]


@pytest.fixture(scope="module")
def vertical(tmp_path_factory):
    out = tmp_path_factory.mktemp("vertical")
    done = render(out, "IntroCard", "--format", "vertical", "--thumbnail")
    assert done.returncode == 0, done.stderr
    return out / "fruit-vs-tech" / "low-vertical"


def test_a_vertical_clip_is_nine_by_sixteen(vertical):
    with av.open(str(vertical / "IntroCard.mp4")) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 480, 854)
    manifest = json.loads((vertical / "manifest.json").read_text())
    assert manifest["settings"] == {"captions": "burned", "format": "vertical", "transparent": False}
    assert manifest["contact_sheet"] == "contact-sheet.png"
    (clip,) = manifest["clips"]
    assert clip["thumbnail"] == "IntroCard.png"


def test_the_thumbnail_is_the_frame_at_the_end_of_the_telling_line(vertical):
    """IntroCard's telling line is its guess, "intro.guess": the thumbnail is the frame on
    screen as that line's beat ends, decoded here from the clip."""
    manifest = json.loads((vertical / "manifest.json").read_text())
    (clip,) = manifest["clips"]
    chapters = next(line for line in clip["narration"] if line["id"] == "intro.guess")
    assert chapters["start"] < chapters["end"] <= clip["seconds"]
    shown = int(np.floor((chapters["end"] - 1e-3) * 15))  # 15 frames a second at low quality
    expected = frames_of(vertical / "IntroCard.mp4")[shown]
    thumbnail = np.asarray(Image.open(vertical / "IntroCard.png"))
    assert thumbnail.shape == (854, 480, 4)
    assert np.array_equal(thumbnail, expected)


def test_the_contact_sheet_has_a_key_frame_for_every_line(vertical):
    manifest = json.loads((vertical / "manifest.json").read_text())
    (clip,) = manifest["clips"]
    lines = len(clip["narration"])
    sheet = Image.open(vertical / "contact-sheet.png")
    thumb_width = round(180 * 480 / 854)  # 180 pixels high, the clip's shape
    assert sheet.size == (8 + lines * (thumb_width + 8), 8 + 34 + 180 + 8)
    telling = [line["id"] for line in clip["narration"]].index("intro.guess")
    last_key_frame = np.asarray(sheet)[8 + 34 : 8 + 34 + 180, 8 + telling * (thumb_width + 8) :][:, :thumb_width]
    thumbnail = np.asarray(Image.open(vertical / "IntroCard.png").resize((thumb_width, 180), Image.LANCZOS))
    assert (
        np.abs(last_key_frame.astype(int) - thumbnail.astype(int)).max() <= 1
    )  # the guess's key frame is the thumbnail


def test_a_reused_clip_gets_its_thumbnail_without_rendering_again(tmp_path):
    out = tmp_path / "out"
    assert render(out, "HistoryCard").returncode == 0
    folder = out / "fruit-vs-tech" / "low"
    clip_bytes = (folder / "HistoryCard.mp4").read_bytes()
    done = render(out, "HistoryCard", "--thumbnail")
    assert done.returncode == 0, done.stderr
    assert "(unchanged: reused)" in done.stdout
    assert (folder / "HistoryCard.mp4").read_bytes() == clip_bytes
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["clips"][0]["thumbnail"] == "HistoryCard.png"
    assert Image.open(folder / "HistoryCard.png").size == (854, 480)
    assert (folder / "contact-sheet.png").is_file()
    # rendered again without --thumbnail: the pictures the manifest no longer names go
    done = render(out, "HistoryCard", "--force")
    assert done.returncode == 0, done.stderr
    manifest = json.loads((folder / "manifest.json").read_text())
    assert "thumbnail" not in manifest["clips"][0] and "contact_sheet" not in manifest
    assert sorted(path.name for path in folder.iterdir()) == ["HistoryCard.mp4", "HistoryCard.srt", "manifest.json"]
    from clips.manifest import SHEET
    from clips.pictures import SHEET_NAME

    assert SHEET == SHEET_NAME


def test_a_transparent_clip_has_alpha_and_the_same_bytes_every_time(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        done = render(out, "IntroCard", "--transparent")
        assert done.returncode == 0, done.stderr
    clip = first / "fruit-vs-tech" / "low-transparent" / "IntroCard.webm"
    again = second / "fruit-vs-tech" / "low-transparent" / "IntroCard.webm"
    assert clip.read_bytes() == again.read_bytes()
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        assert (container.format.name.split(",")[0], stream.codec_context.name) in {
            ("matroska", "vp9"),
            ("webm", "vp9"),
        }
        assert {key.lower(): value for key, value in stream.metadata.items()}["alpha_mode"] == "1"
    frames = frames_of(clip, decoder="libvpx-vp9")
    alpha = frames[-1][..., 3]
    assert alpha.min() == 0 and alpha.max() == 255  # the background is clear, the text is solid
    assert (alpha <= 2).mean() > 0.5  # mostly background (VP9 is lossy: "clear" is within 2 of 255)
    assert frames[0][..., 3].max() <= 2  # nothing drawn yet: all clear
    manifest = json.loads((clip.parent / "manifest.json").read_text())
    assert manifest["settings"]["transparent"] is True and manifest["clips"][0]["file"] == "IntroCard.webm"


def test_transparent_with_narration_is_refused_in_one_line(tmp_path):
    done = render_in_process("--out", str(tmp_path), "IntroCard", "--transparent", "--narrate")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "render.py: error: --transparent makes silent clips to composite over your "
        "footage: drop --narrate (the .srt files still have every line), or render the "
        "narration without --transparent"
    )
    assert not any(tmp_path.iterdir())
