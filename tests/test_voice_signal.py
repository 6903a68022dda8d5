"""The narrator's signal steps on their own, against numbers computed here: loudness and peak
levelling, resampling to 48 kHz mono, silence trimmed at the ends, symbols read aloud."""

import math

import av
import numpy as np
import pytest

from clips.voice import levelled, spoken_text, to_48k_mono, trimmed


def rms_db(samples) -> float:
    return 20 * math.log10(math.sqrt(float(np.mean(np.asarray(samples, dtype=np.float64) ** 2))))


def peak_db(samples) -> float:
    return 20 * math.log10(float(np.max(np.abs(samples))))


def test_speech_is_levelled_to_minus_20_dbfs():
    time = np.arange(48000) / 48000
    quiet = 0.05 * np.sin(2 * np.pi * 220 * time)  # RMS 0.05/sqrt(2): -29 dBFS
    out = levelled(quiet)
    assert out.dtype == np.float32
    assert rms_db(out) == pytest.approx(-20.0, abs=0.01)
    assert np.allclose(out / out.max(), quiet / quiet.max(), atol=1e-6)  # the same shape, only louder


def test_a_spike_is_held_to_minus_2_dbfs():
    spike = np.zeros(48000)
    spike[100] = 0.9  # one loud click: levelling by RMS alone would clip it far over 0 dBFS
    spike[200:300] = 0.01
    out = levelled(spike)
    assert peak_db(out) == pytest.approx(-2.0, abs=0.01)
    assert rms_db(out) < -20  # the peak decided the gain, not the loudness


def test_silence_stays_silent():
    out = levelled(np.zeros(100))
    assert out.dtype == np.float32 and not out.any()


def frames_of(samples: np.ndarray, rate: int, layout: str):
    """PyAV audio frames of planar float samples (channels, n), 1024 a frame."""
    for start in range(0, samples.shape[1], 1024):
        piece = np.ascontiguousarray(samples[:, start : start + 1024], dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(piece, format="fltp", layout=layout)
        frame.sample_rate, frame.pts = rate, start
        yield frame


@pytest.mark.parametrize("rate", [22050, 44100, 16000])
def test_any_rate_and_layout_becomes_48k_mono_at_the_same_pitch(rate):
    seconds, pitch = 0.5, 440.0
    time = np.arange(int(rate * seconds)) / rate
    left = 0.4 * np.sin(2 * np.pi * pitch * time)
    stereo = np.stack([left, left])  # the same in both channels
    out = to_48k_mono(frames_of(stereo, rate, "stereo"))
    assert out.dtype == np.float32
    assert abs(len(out) - 48000 * seconds) <= 64  # the resampler's delay, at most
    middle = out[4800:-4800].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(middle * np.hanning(len(middle))))
    assert np.fft.rfftfreq(len(middle), 1 / 48000)[np.argmax(spectrum)] == pytest.approx(pitch, abs=2.5)
    level = math.sqrt(float(np.mean(middle**2)))
    # FFmpeg's equal-power downmix, (L + R) / sqrt(2): 3 dB over one channel (levelling follows)
    assert level == pytest.approx(math.sqrt(2) * 0.4 / math.sqrt(2), rel=0.03)


def test_no_frames_give_no_samples():
    assert to_48k_mono([]).size == 0


def test_silence_is_trimmed_at_the_ends_only():
    quiet, loud = 10 ** (-60 / 20), 0.2  # -60 dBFS counts as silence, -14 dBFS as sound
    samples = np.array([0, quiet, -quiet, loud, 0, 0, -loud, quiet, 0], dtype=np.float32)
    assert trimmed(samples).tolist() == pytest.approx([loud, 0, 0, -loud])
    just_over = 10 ** (-49.9 / 20)  # over -50 dBFS: kept
    assert trimmed(np.array([0, just_over, 0], dtype=np.float32)).tolist() == pytest.approx([just_over])
    silent = np.zeros(5, dtype=np.float32)
    assert trimmed(silent).tolist() == silent.tolist()  # nothing to trim to: left as it is


@pytest.mark.parametrize(
    "written, said",
    [
        ("W_K makes a key; W_V moves it; W_O weighs heads.", "W K makes a key; W V moves it; W O weighs heads."),
        ("weights \u00d7 values \u00f7 2", "weights times values divided by 2"),
        ("q \u00b7 k", "q dot k"),
        ("\u2248 (0.70, 1.90)", "about 0.70, 1.90"),
        ("a word (one of many) here", "a word, one of many, here"),
        ("Q K\u1d40 and argmax in an RNN", "Q K transpose and arg max in an R N N"),
        ("\u201capple\u201d  ,  \u201corange\u201d", "apple, orange"),
    ],
)
def test_symbols_and_punctuation_are_read_as_words(written, said):
    assert spoken_text(written) == said
