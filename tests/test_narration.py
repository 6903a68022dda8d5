"""The narration: its words come from the lessons, its voice is deterministic and levelled,
its beats last as long as their sentences, and a creator's own recordings are used."""

import json
import math
import re
import wave
from types import SimpleNamespace

import av
import numpy as np
import pytest
from helpers import render_in_process, render_py
from scene_harness import build_scene

from attention_core.example_file import default_example, load_example, shipped_examples
from attention_core.lessons.narration import rescore_line
from scenes.catalog import SCENES

pytestmark = pytest.mark.process

DECIMAL = re.compile(r"[\u2212-]?\d+\.\d+")


def numbers_in(value) -> list[float]:
    """Every number anywhere in a lesson's data, its narration left out."""
    if isinstance(value, dict):
        return [n for key, item in value.items() if key != "narration" for n in numbers_in(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers_in(item)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [float(value)]
    return []


@pytest.mark.parametrize("path", shipped_examples(), ids=lambda path: path.stem)
def test_every_spoken_number_is_the_lessons(path):
    example = load_example(path)
    for name, scene in SCENES.items():
        lesson = scene.lesson_for(example)
        values = np.array(numbers_in(lesson.to_dict()))
        for line in lesson.narration:
            for written in DECIMAL.findall(line.text):
                number = float(written.replace("\u2212", "-"))
                places = len(written.split(".")[1])
                assert np.any(np.abs(values - number) <= 0.5 * 10**-places + 1e-9), (
                    f"{name} {line.id}: {written} is not a number of the lesson"
                )


def test_the_default_lectures_numbers_spelled_out():
    texts = {line.id: line.text for scene in SCENES.values() for line in scene.lesson_for(default_example()).narration}
    assert texts["gravity.sentence-1.pull"] == (
        "Of the other words, \u201corange\u201d pulls hardest, with weight "
        "0.43; \u201capple\u201d keeps more on itself."
    )
    assert texts["gravity.sentence-2.pull"] == (
        "Here \u201cphone\u201d pulls hardest, with weight 0.43; again \u201capple\u201d holds on to more."
    )
    assert texts["gravity.sentence-3.pull"] == (
        "Now \u201cbanana\u201d leads, with weight 0.19, and \u201capple\u201d still keeps the largest share."
    )
    assert texts["formula.scale"] == (
        "Divide by \u221ad\u2096. Here d\u2096 is only 2, so this changes little; "
        "the next chapter shows why it matters."
    )
    assert texts["history.scaling"] == "Its heads were 64 wide, so every score was divided by 8.00."
    assert texts["parallel.recurrent"].endswith("Six words, six steps.")
    assert (
        texts["scaling.saturate"]
        == "Softmax saturates: at the widest, the top word takes 0.96 of the weight, on average."
    )
    assert texts["multihead.heads"].startswith("Each of the two heads")


@pytest.mark.parametrize(
    "before, after, expected",
    [
        (0.20, 0.61, "rises to 0.61: the maps change who matches"),
        (0.61, 0.20, "falls to 0.20: the maps change who matches"),
        (0.5, 0.5001, "stays at 0.50: these maps leave this pair as it was"),
    ],
)
def test_the_rescore_claim_follows_the_numbers(before, after, expected):
    lesson = SimpleNamespace(
        highlight=1, tokens=("apple", "orange"), weights_before=np.array([0.5, before]), weights=np.array([0.5, after])
    )
    assert rescore_line(lesson) == f"The weight of \u201corange\u201d {expected}."


def test_symbols_are_named_aloud():
    from clips.voice import spoken_text

    assert (
        spoken_text("Divide by \u221ad\u2096 = \u221a2 = 1.41: it")
        == "Divide by the square root of d k is the square root of 2 is 1.41: it"
    )
    assert spoken_text("\u201corange\u201d is about (1.15, \u22122.43).") == "orange is about 1.15, minus 2.43."
    assert spoken_text("W_Q moves every point: p \u2192 p W_Q.") == "W Q moves every point: p goes to p W Q."
    assert spoken_text("divided by 8.00: a score of 24.00") == "divided by 8: a score of 24"
    assert (
        spoken_text("A real model, all-MiniLM-L6-v2, adds [CLS] and [SEP].")
        == "A real model, all Mini L M, L 6, v 2, adds C L S and S E P."
    )


def test_the_voice_is_deterministic_and_levelled():
    from clips.voice import synthesise

    first, second = synthesise("The weight of orange is 0.43."), synthesise("The weight of orange is 0.43.")
    assert first.samples.tobytes() == second.samples.tobytes()
    assert 1.0 < first.seconds < 5.0
    rms = math.sqrt(float(np.mean(first.samples.astype(np.float64) ** 2)))
    peak = float(np.max(np.abs(first.samples)))
    assert peak <= 10 ** (-2 / 20) + 1e-6  # never above -2 dBFS
    assert 20 * math.log10(rms) > -26  # speech, not a whisper


def test_a_narrated_beat_lasts_its_sentence(tmp_path):
    scene_class = SCENES["MaskScene"]
    lesson = scene_class.lesson_for(default_example())
    silent, _ = build_scene(scene_class, lesson, tmp_path / "silent")
    lengths = {line.id: 12.0 for line in lesson.narration}  # longer than any caption's reading time
    narrated, _ = build_scene(scene_class, lesson, tmp_path / "narrated", voice_lengths=lengths)
    starts = [start for _, start in narrated.said]
    for earlier, later in zip(starts, starts[1:]):
        assert later - earlier >= 12.0 + 0.4 - 1e-6  # the voice, then a pause
    assert narrated.time >= starts[-1] + 12.0
    assert narrated.time > silent.time  # stretched, never cut
    assert [line for line, _ in narrated.said] == [line for line, _ in silent.said]


@pytest.mark.parametrize("scene_name", ["GravityScene", "ProjectionScene", "RecapCard"])
def test_without_a_voice_each_caption_stays_long_enough_to_read(scene_name, tmp_path):
    """At most 15 characters a second, the usual subtitle limit: a line of 90 characters stays 6 s."""
    scene_class = SCENES[scene_name]
    lesson = scene_class.lesson_for(default_example())
    scene, _ = build_scene(scene_class, lesson, tmp_path)
    texts = {line.id: line.text for line in lesson.narration}
    for (line_id, start), end in zip(scene.said, scene.beat_ends):
        assert end - start >= len(texts[line_id]) / 15 - 1e-6, (line_id, end - start, len(texts[line_id]))


def test_captions_none_leaves_the_picture_clean(tmp_path):
    scene_class = SCENES["ParallelScene"]
    lesson = scene_class.lesson_for(default_example())
    scene, shown = build_scene(scene_class, lesson, tmp_path, burn_captions=False)
    assert "caption" not in shown
    assert [line for line, _ in scene.said] == [line.id for line in lesson.narration]


# -- a creator's own voice ------------------------------------------------------------------


def write_wav(path, seconds: float, rate: int = 22050, lead: float = 0.5, frequency: float = 220.0):
    """A tone `seconds` long after `lead` seconds of silence, 16-bit mono."""
    t = np.arange(int(seconds * rate)) / rate
    tone = 0.3 * np.sin(2 * np.pi * frequency * t)
    samples = np.concatenate([np.zeros(int(lead * rate)), tone])
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((samples * 32767).astype("<i2").tobytes())


def render(out, *arguments):
    return render_py("--out", str(out), *arguments, timeout=600)


def test_a_recording_is_used_and_paces_its_beat(tmp_path):
    voices = tmp_path / "voices"
    voices.mkdir()
    write_wav(voices / "history.years.wav", 7.0)
    write_wav(voices / "gravity.plane.wav", 1.0)  # a line of another clip: checked, not used here
    (voices / "notes.txt").write_text("take 2 was better")  # not a recording: left alone, and said so
    done = render(tmp_path / "out", "HistoryCard", "--voice-dir", str(voices))
    assert done.returncode == 0, done.stderr
    assert "render.py: --voice-dir: left alone, not .wav recordings: notes.txt" in done.stderr
    assert (
        "render.py: --voice-dir: 1 of 4 lines recorded; the offline voice says the other 3: "
        "history.question, history.scaling, history.takeaway"
    ) in done.stderr
    folder = tmp_path / "out" / "fruit-vs-tech" / "low"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["settings"]["narration"]["recorded"] == ["history.years"]
    said = {line["id"]: line for line in manifest["clips"][0]["narration"]}
    years, scaling = said["history.years"], said["history.scaling"]
    assert years["seconds"] == pytest.approx(7.0, abs=0.01)  # the silence before it is trimmed
    assert scaling["start"] >= years["start"] + 7.0 + 0.4 - 1e-6
    with av.open(str(folder / "HistoryCard.mp4")) as container:
        audio = np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])
    window = audio[int((years["start"] + 1) * 48000) : int((years["start"] + 6) * 48000)]
    spectrum = np.abs(np.fft.rfft(window))
    assert np.fft.rfftfreq(len(window), 1 / 48000)[spectrum.argmax()] == pytest.approx(220, abs=2)


@pytest.mark.parametrize(
    "make, message",
    [
        (None, "--voice-dir {dir}: no such folder; give the folder of your WAV recordings"),
        (lambda d: (d / "history.years.wav").write_text("not audio"), "{dir}/history.years.wav: cannot be read as WAV"),
        (
            lambda d: write_wav(d / "history.years.wav", 0.0, lead=0.0),
            "{dir}/history.years.wav: the recording is empty or silent; record the line again",
        ),
        (
            lambda d: write_wav(d / "history.nope.wav", 1.0),
            "{dir}/history.nope.wav: no narration line has the id 'history.nope'; use an id from narration.md",
        ),
        (
            lambda d: write_wav(d / "history.year.wav", 1.0),
            "{dir}/history.year.wav: no narration line has the id 'history.year'; did you mean 'history.years' "
            "(rename it history.years.wav)? Or use an id from narration.md",
        ),
    ],
)
def test_a_bad_voice_dir_is_one_line_and_writes_nothing(tmp_path, make, message):
    voices = tmp_path / "voices"
    if make is not None:
        voices.mkdir()
        make(voices)
    out = tmp_path / "out"
    done = render_in_process("--out", str(out), "--lecture", "--voice-dir", str(voices))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("render.py: error: " + message.format(dir=voices))
    assert not out.exists()


@pytest.mark.parametrize("scene_name", list(SCENES))
def test_no_beat_holds_a_still_picture_for_more_than_4_seconds(scene_name, tmp_path):
    """Something moves in every beat: narrated (each line at 144 words a minute, the voice's pace)
    and without a voice, the longest stretch in which the scene only waits is under 4 s."""
    from scene_harness import longest_hold

    scene_class = SCENES[scene_name]
    example = default_example()
    lesson = scene_class.lesson_for(example)
    lengths = {line.id: len(line.text.split()) / 2.4 for line in lesson.narration}
    for options in ({"voice_lengths": lengths}, {}):
        scene, _ = build_scene(scene_class, lesson, tmp_path / str(len(options)), **options)
        hold, when = longest_hold(scene)
        said = [line for line, start in scene.said if start <= when + 1e-6]
        assert hold <= 4.0, f"{hold:.1f} s still after {said[-1] if said else 'the start'} ({options and 'narrated'})"
