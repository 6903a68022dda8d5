"""The pages' data (site/lecture.js) from a manifest written by hand: chapters and beats on the
lecture's clock, each chapter's numbers written as the clips write them, in the lecture's
language, and the example's words kept as they are (the pages set them as text). The quick tier's
look at clips/site.py; test_site renders a lecture and opens its pages in Chromium."""

import json

from clips.site import PageSettings, site_data, with_subtitles

LECTURE = {"chapters": [{"title": "One <b>bold</b>", "start": 0.0}, {"title": "Two", "start": 10.0}], "seconds": 25.0}
CLIPS = [
    {
        "seconds": 10.0,
        "lesson": {"narration": [{"id": "one.question", "text": "Why?"}], "weights": [0.5714, 0.4286], "scale": 2.0},
        "narration": [{"id": "one.question", "start": 0.5, "end": 4.0}],
    },
    {
        "seconds": 15.0,
        "lesson": {
            "narration": [{"id": "two.question", "text": "How?"}, {"id": "two.takeaway", "text": "So."}],
            "score": -1.2,
        },
        "narration": [
            {"id": "two.question", "start": 0.0, "end": 6.25},
            {"id": "two.takeaway", "start": 6.25, "end": 14.0},
        ],
    },
]


def settings(language: str = "en") -> PageSettings:
    return PageSettings(quality="low", vertical=False, title='Attention <script>alert("x")</script>', language=language)


def test_chapters_and_beats_are_on_the_lectures_clock():
    data = site_data(LECTURE, CLIPS, settings())
    assert [(c["title"], c["start"], c["end"]) for c in data["chapters"]] == [
        ("One <b>bold</b>", 0.0, 10.0),  # kept as written: the pages set it as text
        ("Two", 10.0, 25.0),  # starts at 10 s and lasts its clip's 15 s
    ]
    assert [(b["chapter"], b["id"], b["text"], b["start"], b["end"]) for b in data["beats"]] == [
        (0, "one.question", "Why?", 0.5, 4.0),
        (1, "two.question", "How?", 10.0, 16.25),  # 10 s + the clip's own times
        (1, "two.takeaway", "So.", 16.25, 24.0),
    ]
    assert (data["frame_rate"], data["seconds"], data["video"], data["subtitles"]) == (
        15,
        25.0,
        "lecture.mp4",
        "lecture.vtt",
    )
    assert data["title"] == 'Attention <script>alert("x")</script>'


def test_numbers_are_written_as_the_clips_write_them_in_the_lectures_language():
    english = site_data(LECTURE, CLIPS, settings())
    assert [c["numbers"] for c in english["chapters"]] == [
        [["weights", "0.57, 0.43"], ["scale", "2.00"]],
        [["score", "\u22121.20"]],  # a minus sign, not a hyphen
    ]
    spanish = site_data(LECTURE, CLIPS, settings("es"))
    assert [c["numbers"] for c in spanish["chapters"]] == [
        [["weights", "0,57, 0,43"], ["scale", "2,00"]],
        [["score", "\u22121,20"]],
    ]
    assert (spanish["language"], spanish["subtitles"]) == ("es", "lecture.es.vtt")
    assert spanish["words"]["chapters"] == "Cap\u00edtulos" and english["words"]["chapters"] == "Chapters"
    assert "{text}" in spanish["words"]["next"]  # a value the page puts in, as text


def test_the_subtitles_text_travels_with_the_data(tmp_path):
    (tmp_path / "lecture.vtt").write_text("WEBVTT\n\n00:00.500 --> 00:04.000\nWhy? <i>&</i>\n", encoding="utf-8")
    data = with_subtitles(site_data(LECTURE, CLIPS, settings()), tmp_path)
    assert data["subtitles_text"].endswith("Why? <i>&</i>\n")
    json.dumps(data)  # all of it is JSON: lecture.js writes it so
