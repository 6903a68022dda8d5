"""The lecture's pages (render.py --lecture --present), opened from file:// in headless
Chromium (Debian's, driven by Playwright; nothing is downloaded): the presenter stops on each
beat's last frame and follows its keys, the speaker view keeps in step, the lecture page's
transcript seeks and its subtitles show, a hostile example's text stays text, and a missing
video says so on the page."""

import shutil
from pathlib import Path

import pytest
from example_texts import MINIMAL
from helpers import render_py

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"  # make installs Debian's chromium package
HOSTILE_TITLE = '</title><script>window.pwned=1</script> "q" & <b>b</b>'
HOSTILE = MINIMAL.replace('title = "Only what is required"', f"title = '{HOSTILE_TITLE}'").replace(
    "An apple and an orange", "An apple <img src=x onerror=window.pwned=2> and an orange"
)


def render_site(out: Path, example: Path, *arguments: str) -> Path:
    done = render_py("--lecture", "--present", "--example", str(example), "--out", str(out), *arguments, timeout=600)
    assert done.returncode == 0, done.stderr
    return next(out.glob("**/lecture/site"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A silent lecture of two chapters of the hostile example: the beats come from the manifest."""
    folder = tmp_path_factory.mktemp("site")
    (example := folder / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    return render_site(folder / "out", example, "IntroCard", "HistoryCard")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"]
        )
        yield launched
        launched.close()


def open_page(browser, site: Path, page_name: str):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"file://{site}/{page_name}")
    page.problems = problems
    return page


def wait_for_video(page):
    page.wait_for_function("document.getElementById('video').readyState >= 1", timeout=20000)


def rested(page):
    page.wait_for_function(
        "window.presenter.state.target === null && document.getElementById('video').paused", timeout=30000
    )
    return page.evaluate("[window.presenter.state.index, document.getElementById('video').currentTime]")


def test_the_presenter_stops_on_each_beats_last_frame_and_follows_its_keys(site, browser):
    page = open_page(browser, site, "present.html?rate=4")
    wait_for_video(page)
    beats = page.evaluate("window.LECTURE.beats")
    frame = 1 / page.evaluate("window.LECTURE.frame_rate")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        index, time = rested(page)
    assert index == 3 and abs(time - beats[2]["end"]) <= frame  # within one frame of the third beat's end
    page.keyboard.press("ArrowLeft")
    assert rested(page) == [2, pytest.approx(beats[1]["end"] - frame / 2, abs=1e-3)]
    first_of_next = next(i for i, beat in enumerate(beats) if beat["chapter"] == 1)
    page.keyboard.press("PageDown")  # the next chapter's start: the last frame before its first beat
    assert rested(page) == [first_of_next, pytest.approx(beats[first_of_next - 1]["end"] - frame / 2, abs=1e-3)]
    page.keyboard.press("PageUp")
    assert rested(page)[0] == 0
    page.keyboard.press("End")
    assert rested(page)[0] == len(beats)
    page.keyboard.press("Home")
    assert rested(page) == [0, 0]
    page.keyboard.press("b")
    assert page.is_visible("#black")
    assert page.problems == []


def test_the_speaker_view_shows_the_current_and_the_next_line(site, browser):
    page = open_page(browser, site, "present.html?rate=4")
    wait_for_video(page)
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("window.speaker !== undefined")
    page.keyboard.press("ArrowRight")
    rested(page)
    beats = page.evaluate("window.LECTURE.beats")
    speaker.wait_for_function("window.speaker.index === 1")
    assert speaker.text_content(".now") == beats[0]["text"]
    assert speaker.text_content(".next") == f"Next: {beats[1]['text']}"
    speaker.keyboard.press("End")  # keys in the speaker view drive the main window
    page.wait_for_function(f"window.presenter.state.index === {len(beats)}")


def test_the_lecture_page_seeks_shows_subtitles_and_keeps_text_as_text(site, browser):
    page = open_page(browser, site, "index.html")
    wait_for_video(page)
    assert page.evaluate("window.pwned") is None  # no script from the example ran
    assert page.text_content("h1") == HOSTILE_TITLE and page.title() == HOSTILE_TITLE
    assert page.locator("#transcript img").count() == 0 and page.locator("#transcript b").count() == 0
    beats = page.evaluate("window.LECTURE.beats")
    page.locator(".line").nth(4).click()
    page.wait_for_function(f"Math.abs(document.getElementById('video').currentTime - {beats[4]['start']}) < 0.01")
    page.wait_for_function("document.getElementById('video').textTracks[0].cues?.length > 0", timeout=20000)
    cue = page.evaluate(f"""(() => {{
        const track = document.getElementById('video').textTracks[0];
        const at = {beats[4]["start"]} + 0.05;
        return [...track.cues].find((c) => c.startTime <= at && at < c.endTime)?.text; }})()""")
    assert cue == beats[4]["text"]
    numbers = page.locator("#chapter-2 details td")
    assert numbers.count() > 0 and page.text_content("#chapter-2 summary") == "The numbers behind this picture"
    assert page.problems == []


def test_a_missing_video_says_so_on_the_page(site, browser, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "lecture.mp4").unlink()
    for page_name in ("index.html", "present.html"):
        page = open_page(browser, copy, page_name)
        page.wait_for_selector("#problem:not([hidden])", timeout=20000)
        assert "lecture.mp4 could not be played" in page.text_content("#problem")


def test_a_vertical_lecture_gets_the_same_pages(tmp_path, browser):
    (example := tmp_path / "minimal.toml").write_text(MINIMAL, encoding="utf-8")
    site = render_site(tmp_path / "out", example, "IntroCard", "--format", "vertical")
    assert sorted(path.name for path in site.iterdir()) == [
        "common.js",
        "index.html",
        "lecture.js",
        "lecture.mp4",
        "lecture.vtt",
        "page.js",
        "present.html",
        "present.js",
        "site.css",
    ]
    page = open_page(browser, site, "index.html")
    wait_for_video(page)
    assert page.evaluate("window.LECTURE.vertical") is True
    assert page.evaluate("document.body.classList.contains('vertical')")
    size = page.evaluate("[document.getElementById('video').videoWidth, document.getElementById('video').videoHeight]")
    assert size[1] > size[0]


def test_the_pages_data_is_the_manifests(site):
    """lecture.js: each beat on the lecture's clock (its chapter's start plus the line's times in
    its clip), each number as written; nothing computed that the manifest does not hold."""
    import json

    manifest = json.loads((site.parent / "manifest.json").read_text(encoding="utf-8"))
    text = (site / "lecture.js").read_text(encoding="utf-8")
    assert text.startswith("window.LECTURE = ") and "</script>" not in text  # a hostile title cannot end a script
    data = json.loads(text[len("window.LECTURE = ") :].rstrip().rstrip(";"))
    expected = [
        (number, line["id"], round(chapter["start"] + line["start"], 3), round(chapter["start"] + line["end"], 3))
        for number, (chapter, clip) in enumerate(zip(manifest["lecture"]["chapters"], manifest["clips"]))
        for line in clip["narration"]
    ]
    assert [(b["chapter"], b["id"], b["start"], b["end"]) for b in data["beats"]] == expected
    assert data["title"] == HOSTILE_TITLE and data["frame_rate"] == 15
    history = manifest["clips"][1]["lesson"]
    rows = dict(data["chapters"][1]["numbers"])
    assert rows["sqrt d k"] == f"{history['sqrt_d_k']:.2f}" and rows["entries 1 \u00b7 year"] == "2014"


def test_a_lecture_in_spanish_gets_its_pages_in_spanish(tmp_path, browser):
    """The pages' own words, their language, the subtitles and the numbers are the lecture's."""
    (example := tmp_path / "minimal.toml").write_text(MINIMAL, encoding="utf-8")
    site = render_site(tmp_path / "out", example, "--language", "es", "IntroCard")
    assert (site / "lecture.es.vtt").is_file() and not (site / "lecture.vtt").exists()
    page = open_page(browser, site, "index.html")
    wait_for_video(page)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("h2").all_text_contents() == ["Capítulos", "Transcripción"]
    assert page.text_content("header a") == "Presentarla en clase"
    track = page.evaluate("(() => { const t = document.querySelector('track'); return [t.label, t.srclang]; })()")
    assert track == ["Subtítulos", "es"]
    assert page.text_content("#chapter-1 summary") == "Los números detrás de esta imagen"
    cells = page.locator("#chapter-1 details td").all_text_contents()
    assert "2,00, 2,00" in cells  # the embedding (2.0, 2.0), written the Spanish way
    beats = page.evaluate("window.LECTURE.beats")
    presenter = open_page(browser, site, "present.html")
    assert presenter.text_content("#hint").startswith("→ o espacio: línea siguiente")
    with presenter.expect_popup() as opened:
        presenter.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("window.speaker !== undefined")
    assert speaker.text_content(".now") == "(el comienzo)"
    assert speaker.text_content(".next") == f"Siguiente: {beats[0]['text']}"
    assert speaker.text_content(".clock").endswith(f"de presentación · línea 0 de {len(beats)}")
    assert speaker.evaluate("document.documentElement.lang") == "es"
    assert page.problems == [] and presenter.problems == []
