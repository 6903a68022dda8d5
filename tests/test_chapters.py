"""Chapters: each declared once (a Chapter record beside its lesson), the lecture one list of
them, every other table derived from it; an example's own `chapters` list, built-in chapters
by name and a creator's own from a Python file; bad lists refused in one line with exit
status 2 and nothing written. Planned here, not rendered (test_chapters_render renders one)."""

import ast
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, render_in_process

from attention_core.example_file import DEFAULT_EXAMPLE, ExampleError, load_example, parse_example
from attention_core.lessons import catalog
from attention_core.lessons.chapter import Chapter
from attention_core.lessons.lecture import LECTURE, chapters_for

FIXTURE = ROOT / "tests" / "fixtures" / "chapters" / "positions.py"
BUILT_IN = {  # written out here, not read from the code: name -> clip
    "intro": "IntroCard",
    "gravity": "GravityScene",
    "softmax": "SoftmaxScene",
    "projection": "ProjectionScene",
    "formula": "FormulaScene",
    "scaling": "ScalingScene",
    "multihead": "MultiHeadScene",
    "mask": "MaskScene",
    "parallel": "ParallelScene",
    "history": "HistoryCard",
    "realmodel": "RealModelScene",
    "recap": "RecapCard",
}


def example_with(folder: Path, chapters: str, *, language: str = "", chapter_file: bool = True) -> Path:
    """The default example without its [model] table, with a `chapters` line (and a language),
    written in `folder`, the fixture chapter file beside it."""
    text = DEFAULT_EXAMPLE.read_text(encoding="utf-8")
    before, model = text.split("\n[model]", 1)
    text = before + "\n" + model.split("\n[", 1)[1] if "\n[" in model else before
    head, rest = text.split("[words]", 1)
    path = folder / "short.toml"
    path.write_text(f"{head}{language}\nchapters = {chapters}\n\n[words]{rest}", encoding="utf-8")
    if chapter_file:
        shutil.copy(FIXTURE, folder / "positions.py")
    return path


def test_the_lecture_is_one_list_of_chapters_and_every_table_comes_from_it():
    assert {chapter.name: chapter.scene_name for chapter in LECTURE} == BUILT_IN
    assert list(catalog.LESSONS) == list(BUILT_IN.values())
    assert all(catalog.TELLING[chapter.scene_name].startswith(f"{chapter.name}.") for chapter in LECTURE)
    from attention_core.lessons.arc import ARCS

    assert list(ARCS) == list(BUILT_IN.values())
    example = load_example(DEFAULT_EXAMPLE)
    lesson = catalog.lesson_for("GravityScene", example)
    assert all(line.id.startswith("gravity.") for line in lesson.narration)  # its one name, its lines' prefix
    recap = catalog.lesson_for("RecapCard", example)
    assert [entry.id for entry in recap.chapters] == [scene.lower() for scene in list(BUILT_IN.values())[1:-1]]


def test_no_chapter_is_special_cased_by_name_outside_its_declaration():
    """A clip's name appears in the core, the clips and render.py only where its chapter is
    declared (and the default headline clips)."""
    allowed = {"attention_core/lessons/catalog.py"}  # HEADLINE
    for folder in ("attention_core", "clips"):
        for path in [*(ROOT / folder).rglob("*.py"), ROOT / "render.py"]:
            relative = str(path.relative_to(ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
            strings = [
                node.value
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            ]
            for scene in BUILT_IN.values():
                named = [text for text in strings if scene in text and not text.startswith("scenes.")]
                assert not named or relative in allowed, f"{relative} names {scene}: {named[:2]}"


def test_four_chosen_chapters_make_a_lecture_of_four_and_the_recap_follows_them(tmp_path):
    example = load_example(example_with(tmp_path, '["intro", "gravity", "softmax", "recap"]', chapter_file=False))
    assert catalog.lecture_scenes(example) == ["IntroCard", "GravityScene", "SoftmaxScene", "RecapCard"]
    recap = catalog.lesson_for("RecapCard", example)
    assert [entry.id for entry in recap.chapters] == ["gravityscene", "softmaxscene"]
    assert [line.id for line in recap.narration] == [
        "recap.question",
        "recap.gravityscene",
        "recap.softmaxscene",
        "recap.takeaway",
    ]
    import render

    plan = render.plan(render.parse_arguments(["--lecture", "--example", str(tmp_path / "short.toml")]))
    assert [Path(job.target).name for job in plan.jobs] == [
        "01-IntroCard.mp4",
        "02-GravityScene.mp4",
        "03-SoftmaxScene.mp4",
        "04-RecapCard.mp4",
    ]


def test_a_creators_chapter_joins_the_lecture_with_its_lines_and_key_picture(tmp_path):
    example = load_example(example_with(tmp_path, '["intro", "positions.py:Positions", "recap"]'))
    chapters = chapters_for(example)
    assert [chapter.name for chapter in chapters] == ["intro", "positions", "recap"]
    assert isinstance(chapters[1], Chapter) and chapters[1].scene_name == "PositionsScene"
    lesson = catalog.lesson_for("PositionsScene", example)
    assert [line.id for line in lesson.narration] == [
        "positions.question",
        "positions.guess",
        "positions.add",
        "positions.takeaway",
    ]
    assert catalog.heading_for("PositionsScene", example) == "Where a word stands"
    # the longest sentence's six words, each place's vector 0.25 long, turned 0.5 rad a place
    assert lesson.tokens == ("apple", "banana", "cherry", "orange", "fruit", "salad")
    assert lesson.positions[1] == pytest.approx([0.25 * 0.479426, 0.25 * 0.877583], abs=1e-6)
    assert "“apple” gets (0.00, 0.25), “salad” gets (0.15, −0.20)" in lesson.narration[2].text
    (entry,) = catalog.lesson_for("RecapCard", example).chapters
    assert entry.id == "positionsscene" and entry.picture[0].lines[0] == "apple: (0.00, 0.25)"
    from scenes.catalog import scene_class

    assert scene_class("PositionsScene", example).__name__ == "PositionsScene"


def test_a_changed_chapter_file_is_a_changed_example(tmp_path):
    """The file's hash is in the example's canonical form: the reuse keys of its clips change."""
    path = example_with(tmp_path, '["intro", "positions.py:Positions"]')
    before = load_example(path).sha256()
    with (tmp_path / "positions.py").open("a", encoding="utf-8") as file:
        file.write("\n# a comment is a change too\n")
    assert load_example(path).sha256() != before
    assert load_example(DEFAULT_EXAMPLE).canonical().keys().isdisjoint({"chapters", "chapter_files"})


@pytest.mark.parametrize(
    "chapters, line",
    [
        ('["intro", "gravty"]', "chapters: no chapter is named 'gravty': did you mean 'gravity'?"),
        ('["intro", "recap", "gravity"]', "chapters: the recap brings back the chapters before it; put 'recap' last"),
        ('["intro", "intro"]', "chapters: 'intro' is named twice; give each chapter once"),
        ('["realmodel"]', "chapters: 'realmodel' draws a pretrained model: add a [model] table"),
        ("[]", "chapters: name at least one chapter"),
        ('"intro"', "chapters: must be a list of chapter names"),
        ('["missing.py:Positions"]', "chapters: 'missing.py:Positions': there is no file"),
        ('["../positions.py:Positions"]', "chapters: '../positions.py:Positions': give the chapter file's path from"),
        ('["/tmp/positions.py:Positions"]', "chapters: '/tmp/positions.py:Positions': give the chapter file's path"),
        (
            '["positions.py:Position"]',
            "chapters: positions.py has no Chapter named 'Position': did you mean 'Positions'?",
        ),
    ],
)
def test_a_bad_chapters_list_is_one_line_exit_2_and_nothing_written(tmp_path, chapters, line):
    path = example_with(tmp_path, chapters)
    done = render_in_process("--lecture", "--example", str(path), out=tmp_path / "out")
    assert done.returncode == 2, done.stderr
    assert line in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()


def test_a_chapter_file_that_fails_to_import_is_one_line_naming_it(tmp_path):
    path = example_with(tmp_path, '["intro", "positions.py:Positions"]')
    (tmp_path / "positions.py").write_text("import attention_core\n\ndef broken(:\n", encoding="utf-8")
    done = render_in_process("--lecture", "--example", str(path), out=tmp_path / "out")
    assert done.returncode == 2
    assert "positions.py could not be imported (SyntaxError" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and not (tmp_path / "out").exists()
    (tmp_path / "positions.py").write_text("raise RuntimeError('no numbers yet')\n", encoding="utf-8")
    with pytest.raises(ExampleError, match=r"positions.py could not be imported \(RuntimeError, line 1: no numbers"):
        load_example(path)


def test_a_creators_chapter_in_another_language_is_said_in_english_with_a_warning(tmp_path, capsys):
    from attention_core.language import UNTRANSLATED

    UNTRANSLATED.clear()
    example = load_example(example_with(tmp_path, '["intro", "positions.py:Positions"]', language='language = "es"'))
    assert catalog.heading_for("IntroCard", example) == "Introducción"  # the catalogue's own
    assert catalog.heading_for("PositionsScene", example) == "Where a word stands"
    warned = capsys.readouterr().err
    assert "es: no translation of the message 'positions.heading'; it is said in English" in warned


def test_chapter_files_is_written_by_render_py_not_read_from_a_file():
    text = DEFAULT_EXAMPLE.read_text(encoding="utf-8").replace("[words]", "chapter_files = {}\n\n[words]", 1)
    with pytest.raises(ExampleError, match="chapter_files: is written by render.py"):
        parse_example(text)


def test_a_course_chooses_every_lectures_chapters_and_a_bad_list_is_one_line(tmp_path):
    from render import parse_arguments, plan_course

    shutil.copy(FIXTURE, tmp_path / "positions.py")
    (tmp_path / "c.toml").write_text(
        'title = "Short"\nexamples = ["fruit-vs-tech", "bank-river-vs-money"]\n'
        'chapters = ["intro", "positions.py:Positions", "recap"]\n',
        encoding="utf-8",
    )
    _, plans = plan_course(parse_arguments(["--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out")]))
    assert [[job.scene for job in plan.jobs] for plan in plans] == [["IntroCard", "PositionsScene", "RecapCard"]] * 2
    (tmp_path / "c.toml").write_text(
        'title = "Short"\nexamples = ["fruit-vs-tech"]\nchapters = ["intro", "softmx"]\n', encoding="utf-8"
    )
    done = render_in_process("--course", str(tmp_path / "c.toml"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and not (tmp_path / "out").exists()
    (said,) = done.stderr.splitlines()
    assert "examples[0]: chapters: no chapter is named 'softmx': did you mean 'softmax'?" in said, said


def test_the_canonical_form_names_the_file_by_its_absolute_path_and_reads_again(tmp_path):
    from attention_core.example_file import example_from_data

    example = load_example(example_with(tmp_path, '["intro", "positions.py:Positions"]'))
    assert example.chapters[1] == f"{(tmp_path / 'positions.py').resolve()}:Positions"
    again = example_from_data(example.canonical())  # as a worker reads its job's example
    assert again.sha256() == example.sha256() and again.chapters == example.chapters
