"""The lecture: one ordered list of chapters (each a `Chapter`, declared beside its lesson),
and the chapters of one example's lecture (its own `chapters` list, or the whole lecture).

A chapter is named by its `name` ("gravity") in an example's `chapters` list, or, for a
creator's own chapter, as "path/to/file.py:Name", `Name` being a `Chapter` in that file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

from ..examples import Example
from ..text import closest
from . import cards, formula, gravity, masks, multihead, parallel, projection, real_model, recap, scaling, softmax_sweep
from .chapter import Chapter

LECTURE: tuple[Chapter, ...] = (  # the whole lecture, in teaching order
    cards.INTRO_CHAPTER,
    gravity.CHAPTER,
    softmax_sweep.CHAPTER,
    projection.CHAPTER,
    formula.CHAPTER,
    scaling.CHAPTER,
    multihead.CHAPTER,
    masks.CHAPTER,
    parallel.CHAPTER,
    cards.HISTORY_CHAPTER,
    real_model.CHAPTER,  # needs a [model]: left out of an example without one
    recap.CHAPTER,  # last: every key picture again
)
BUILT_IN = {chapter.name: chapter for chapter in LECTURE}
RECAP = "recap"


class ChapterError(ValueError):
    """A chapter an example names that cannot be had: one line, naming it and the fix."""


def chapters_for(example: Example) -> list[Chapter]:
    """The chapters of `example`'s lecture, in order: those its `chapters` list names, or the
    whole lecture (the real model's only with a [model] table)."""
    if example.chapters is None:
        return [chapter for chapter in LECTURE if not chapter.needs_model or example.model is not None]
    return [chapter_named(entry) for entry in example.chapters]


def chapter_named(entry: str) -> Chapter:
    """The chapter an entry of a `chapters` list names: a built-in one's name, or
    "/path/file.py:Name" for a creator's own (the path already made absolute)."""
    if entry in BUILT_IN:
        return BUILT_IN[entry]
    path, _, name = entry.rpartition(":")
    if not path.endswith(".py"):
        close = closest(entry, list(BUILT_IN))
        hint = f"did you mean {close!r}?" if close else f"choose from {', '.join(BUILT_IN)}"
        raise ChapterError(f"no chapter is named {entry!r}: {hint} (or give your own as file.py:Name)")
    module = chapter_module(Path(path))
    chapter = getattr(module, name, None)
    if not isinstance(chapter, Chapter):
        found = sorted(key for key, value in vars(module).items() if isinstance(value, Chapter))
        close = closest(name, found)
        hint = f"did you mean {close!r}?" if close else f"it defines {', '.join(found) or 'no Chapter'}"
        raise ChapterError(f"{Path(path).name} has no Chapter named {name!r}: {hint}")
    if chapter.name in BUILT_IN:
        raise ChapterError(
            f"{Path(path).name}:{name}: its name {chapter.name!r} is a built-in chapter's; give it its own"
        )
    return chapter


def chapter_module(path: Path):
    """The creator's chapter file at `path`, imported once per process (by its path and bytes)."""
    key = f"attention_chapters_{hashlib.sha256(str(path).encode() + path.read_bytes()).hexdigest()[:16]}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # while it runs, as an import would (dataclasses look it up)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the creator's code: any failure is theirs, said in one line
        del sys.modules[key]
        where = error.__traceback__
        while where.tb_next is not None:
            where = where.tb_next
        line = f", line {where.tb_lineno}" if Path(where.tb_frame.f_code.co_filename) == path else ""
        raise ChapterError(
            f"{path.name} could not be imported ({type(error).__name__}{line}: {error}); fix it and run again"
        ) from None
    return module


def check_chapters(entries: tuple[str, ...], example_has_model: bool) -> None:
    """Refuse, in one line, a `chapters` list that cannot make a lecture."""
    if not entries:
        raise ChapterError("name at least one chapter, or leave the list out for the whole lecture")
    made = [chapter_named(entry) for entry in entries]
    names = [chapter.name for chapter in made]
    for name in names:
        if names.count(name) > 1:
            raise ChapterError(f"{name!r} is named twice; give each chapter once")
    if RECAP in names and names[-1] != RECAP:
        raise ChapterError("the recap brings back the chapters before it; put 'recap' last")
    for chapter in made:
        if chapter.needs_model and not example_has_model:
            raise ChapterError(
                f"{chapter.name!r} draws a pretrained model: add a [model] table to the example "
                "(see assets/examples/README.md), or leave it out"
            )
    scenes = [chapter.scene_name for chapter in made]
    for scene in scenes:
        if scenes.count(scene) > 1:
            raise ChapterError(f"two chapters are drawn by a scene named {scene}; rename one")


def chapter_by_scene(scene: str, example: Example) -> Chapter:
    """The chapter of `example`'s lecture (or a built-in one) whose clip is `scene`."""
    for chapter in (*chapters_for(example), *LECTURE):
        if chapter.scene_name == scene:
            return chapter
    raise KeyError(scene)


def creator_file_hash(scene: str, example: Example) -> str | None:
    """The hash of the creator's file that declares the chapter drawn by `scene` (its drawing
    is there, beside its lesson), or None for a built-in chapter (the project's code)."""
    files = dict(example.chapter_files)
    for entry in example.chapters or ():
        path = entry.rpartition(":")[0]
        if path in files and chapter_named(entry).scene_name == scene:
            return files[path]
    return None


def scene_names(example: Example) -> list[str]:
    """The clips of `example`'s lecture, by scene name, in order."""
    return [chapter.scene_name for chapter in chapters_for(example)]
