"""render.py's command line is a frozen Request (clips/request.py), and planning takes one
(clips/plan.py): the defaults of the two agree, a Request built by keyword plans as the command
line does, and planning writes nothing."""

import dataclasses

import pytest

import render
from clips.plan import plan
from clips.request import Request


def test_the_command_lines_defaults_are_the_requests():
    assert render.parse_arguments([]) == Request()
    parsed = render.parse_arguments(["GravityScene", "--lecture", "-q", "high", "--jobs", "2"])
    assert parsed == Request(scenes=("GravityScene",), lecture=True, quality="high", jobs=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.jobs = 3


def test_a_request_built_by_keyword_plans_as_the_command_line_does(tmp_path):
    by_keyword = plan(Request(lecture=True, out=str(tmp_path)))
    by_command = plan(render.parse_arguments(["--lecture", "--out", str(tmp_path)]))
    assert [job.target for job in by_keyword.jobs] == [job.target for job in by_command.jobs]
    assert by_keyword.jobs[0].target == str(tmp_path / "fruit-vs-tech" / "low" / "lecture" / "01-IntroCard.mp4")
    assert not any(tmp_path.iterdir())


def test_narration_is_implied_by_recordings_or_a_voice():
    assert not Request().narrated
    assert (
        Request(voice_dir="rec").narrated and Request(voice_model="v.onnx").narrated and Request(narrate=True).narrated
    )
