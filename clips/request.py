"""What a user asked render.py for: a `Request`, frozen, made by render.py from its command
line (or by a test, or bench.py, by keyword), and `UsageError`, a bad request in one line."""

from __future__ import annotations

from dataclasses import dataclass


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


@dataclass(frozen=True, kw_only=True)
class Request:
    """One run of render.py, as asked: every option, with render.py's defaults. Built by
    keyword, as nanoGPT builds its config; `clips.plan` turns it into what to render."""

    scenes: tuple[str, ...] = ()  # the clips named on the command line; (): the headline ones, or the lecture
    lecture: bool = False  # every chapter (or the scenes named), numbered, into .../lecture/, joined if narrated
    narrate: bool = False  # a spoken narration: the offline voice, or recordings
    voice_dir: str | None = None  # the creator's recordings, <line id>.wav (implies narrate)
    voice_model: str | None = None  # a piper voice's .onnx for the lines not recorded (implies narrate)
    captions: str = "burned"  # "burned" into the picture, or "none" (the subtitles keep every line)
    format: str = "landscape"  # or "vertical": 9:16 for shorts
    transparent: bool = False  # no background, an alpha channel: .webm to composite
    thumbnail: bool = False  # a PNG of each clip's most telling frame, and a contact sheet
    example: str | None = None  # the example file; None: the shipped default
    language: str | None = None  # "en,es": one lecture per code; None: the example's own
    quality: str = "low"  # a key of clips.job.QUALITIES
    out: str = "build"  # where everything goes
    cache: str | None = None  # the voice and text cache; None: OUT/.cache
    jobs: int = 1  # clips rendered at once, each in its own process
    cluster: str | None = None  # a Dask scheduler's address: render there
    course: str | None = None  # a course file: several examples, each a lecture
    force: bool = False  # render every clip again, reusing none
    present: bool = False  # with --lecture: the presenter and learner pages in site/
    preview: bool = False  # draw preview.png (every line's last picture) instead of rendering
    watch: bool = False  # with preview: draw it again on every save of the example
    list_examples: bool = False  # list the shipped examples and stop
    check_example: str | None = None  # check an example file, print its advice, and stop
    chapters: tuple[str, ...] | None = None  # a course's chapters list, for every lecture in it
    chapters_folder: str | None = None  # the course file's folder: where its chapter files are

    @property
    def narrated(self) -> bool:
        """A narration: asked for, or implied by recordings or a voice."""
        return self.narrate or self.voice_dir is not None or self.voice_model is not None
