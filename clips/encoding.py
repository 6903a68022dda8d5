"""How clips are encoded: settings a video platform takes as they are (H.264 High, yuv420p,
BT.709, closed GOPs of half a second, no B-frames), quick to encode, the same bytes every time.

Manim converts its RGBA frames to yuv420p with swscale's default matrix, BT.601, and tags
nothing; players then read HD video as BT.709 and shift every colour a little. The segment
encoder in scenes/manim_internals.py converts with the BT.709 matrix (limited range), and the
options below tag the stream so.
"""

from __future__ import annotations

COLOUR_TAGS = {"color_primaries": "bt709", "color_trc": "bt709", "colorspace": "bt709"}


def encoder_options(frame_rate: int) -> dict[str, str]:
    """x264 options for a clip at `frame_rate`: a keyframe at least every half second, closed
    GOPs, and no B-frames, so that no edit list is needed once the file is remuxed."""
    return {
        # x264's fastest preset with four of its tools back: CABAC, the deblocking filter,
        # adaptive quantisation and 8x8 transforms (which make the stream High profile, as
        # platforms ask). Measured on 240 frames of GravityScene at 1080p60, one thread: 4.1 ms a
        # frame against veryfast's 8.1 (the earlier setting), at the same PSNR-Y (51.5 dB against
        # 51.3), the file 1.9x larger (about 1.7 Mbit/s while it moves, well under what platforms
        # ask of an upload). The encoder was a third of a render's CPU time, and a held picture
        # costs x264 as much as a moving one, so its speed is paid on every frame.
        "preset": "ultrafast",
        "crf": "21",
        "g": str(max(1, frame_rate // 2)),
        "bf": "0",
        "x264-params": "open-gop=0:cabac=1:deblock=0,0:aq-mode=1:8x8dct=1",
        # one thread: left to FFmpeg, x264 ran slice threads (two slices a frame) and coded the
        # last macroblocks of a frame differently from run to run under load (the same pictures,
        # other bytes: seen in CI, in a clip rendered beside other work). A clip's encode is a
        # small part of its render.
        "threads": "1",
        **COLOUR_TAGS,
    }


def transparent_settings() -> dict:
    """manim's output settings for a clip with alpha: VP9 in WebM, the alpha coded beside the
    colour (alpha_mode 1), which browsers, DaVinci Resolve and After Effects read. Not ProRes
    4444: FFmpeg's prores_ks gave different bytes from run to run when the width is not a
    multiple of 16 (854 at 480p, 1080 in a vertical 1080p clip), measured here. One thread and
    no look-ahead: libvpx gives the same bytes every time. The real-time speed preset: on 90
    frames of GravityScene at 1080p it encoded 4x faster than `good` at cpu-used 4, at the same
    PSNR (43.9 dB colour, 54 dB alpha), 25 % larger."""
    return {
        "format": "webm",
        "video_codec": "libvpx-vp9",
        "pixel_format": "yuva420p",
        "video_encoder_options": {
            "crf": "24",
            "b": "0",
            "deadline": "realtime",
            "cpu-used": "8",
            "row-mt": "0",
            "threads": "1",
            "auto-alt-ref": "0",
            "lag-in-frames": "0",
            **COLOUR_TAGS,
        },
    }
