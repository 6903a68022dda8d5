"""A lecture of four chapters an example chose, one of them a creator's own from a Python file
(tests/fixtures/chapters/positions.py), rendered and narrated as a user renders it: its
heading in chapters.txt and the lecture's chapters, its lines in narration.md and the
subtitles, its key picture in the recap; the chapter file changed, its clip and the recap are
made again while the others are reused. (test_chapters plans chapters without rendering.)"""

import json

import av
import pytest
from helpers import render_py
from test_chapters import example_with

pytestmark = pytest.mark.process

CHAPTERS = '["intro", "positions.py:Positions", "history", "recap"]'
HEADINGS = ["Introduction", "Where a word stands", "Where attention came from", "Recap"]  # as each arc writes it


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chosen")
    path = example_with(folder, CHAPTERS)
    done = render_py("--lecture", "--narrate", "--jobs", "2", "--example", str(path), "--out", str(folder / "out"))
    assert done.returncode == 0, done.stderr
    return folder, path, folder / "out" / "fruit-vs-tech" / "low" / "lecture"


def test_the_chosen_chapters_are_the_lecture(rendered):
    _, _, lecture = rendered
    clips = sorted(path.name for path in lecture.glob("*.mp4"))
    assert clips == [
        "01-IntroCard.mp4",
        "02-PositionsScene.mp4",
        "03-HistoryCard.mp4",
        "04-RecapCard.mp4",
        "lecture.mp4",
    ]
    listed = [line.split(" ", 1)[1] for line in (lecture / "chapters.txt").read_text(encoding="utf-8").splitlines()]
    assert listed == HEADINGS
    with av.open(str(lecture / "lecture.mp4")) as container:
        assert [chapter["metadata"]["title"] for chapter in container.chapters()] == HEADINGS


def test_the_creators_chapter_is_said_and_subtitled_and_in_the_recap(rendered):
    _, _, lecture = rendered
    manifest = json.loads((lecture / "manifest.json").read_text(encoding="utf-8"))
    entry = next(clip for clip in manifest["clips"] if clip["scene"] == "PositionsScene")
    assert [line["id"] for line in entry["narration"]] == [
        "positions.question",
        "positions.guess",
        "positions.add",
        "positions.takeaway",
    ]
    said = {
        "question": "Attention reads every word at once. How does it know their order?",
        "add": "Every place adds its own vector: “apple” gets (0.00, 0.25), “salad” gets (0.15, −0.20).",
        "takeaway": "Each place adds its own small vector, so order is in the numbers.",
    }
    script = (lecture / "narration.md").read_text(encoding="utf-8")
    subtitles = (lecture / "lecture.srt").read_text(encoding="utf-8")
    for text in said.values():
        assert text in script
        assert text.split(":")[0] in subtitles  # a subtitle may wrap a long line
    recap = next(clip for clip in manifest["clips"] if clip["scene"] == "RecapCard")["lesson"]
    assert [chapter["id"] for chapter in recap["chapters"]] == ["positionsscene", "historycard"]
    panel = recap["chapters"][0]["picture"][0]
    assert panel["lines"][0] == "apple: (0.00, 0.25)" and len(panel["lines"]) == 6


def test_a_changed_chapter_file_makes_its_clip_and_the_recap_again_and_reuses_the_rest(rendered):
    folder, path, lecture = rendered
    command = ("--lecture", "--narrate", "--example", str(path), "--out", str(folder / "out"))
    assert render_py(*command).returncode == 0  # unchanged: all four reused
    manifest = json.loads((lecture / "manifest.json").read_text(encoding="utf-8"))
    assert all(clip["reused"] for clip in manifest["clips"])
    chapter_file = folder / "positions.py"
    text = chapter_file.read_text(encoding="utf-8")
    chapter_file.write_text(text.replace('"Where a word stands"', '"Where each word stands"'), encoding="utf-8")
    done = render_py(*command)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((lecture / "manifest.json").read_text(encoding="utf-8"))
    made_again = [clip["scene"] for clip in manifest["clips"] if not clip["reused"]]
    assert made_again == ["PositionsScene", "RecapCard"]  # its heading is in both
    assert (lecture / "chapters.txt").read_text(encoding="utf-8").splitlines()[1].endswith("Where each word stands")
