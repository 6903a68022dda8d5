"""A course file (render.py --course): every lecture rendered into OUT/<course-name>/, course.json
naming each lecture's manifest with its hash, running time and chapters, an index page linking
the lectures' pages, reuse across the course, and a bad course file refused in one line."""

import hashlib
import json
import shutil
import subprocess

import pytest
from helpers import ROOT, render_py

pytestmark = pytest.mark.browser

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
