"""assets/examples/README.md, the example-design guide, as a newcomer follows it: each of its
commands runs, and its worked example is accepted with no advice (while the mixed sentence
it warns about gets the advice it quotes)."""

import re
import shlex
import signal
import subprocess

import pytest
from helpers import ROOT, ctrl_c_reaches_it

from attention_core.advice import example_advice
from attention_core.example_file import parse_example

pytestmark = pytest.mark.process

GUIDE = (ROOT / "assets" / "examples" / "README.md").read_text(encoding="utf-8")


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", GUIDE, flags=re.S)


def worked_example() -> str:
    (toml,) = [block for block in blocks("toml") if "python-snake-or-language" in block]
    return toml


def test_the_worked_example_teaches_and_the_mixed_sentence_is_warned_of():
    assert example_advice(parse_example(worked_example())) == []
    mixed = worked_example().replace(
        "The python swallowed the cobra in the jungle", "The python ate a snake and wrote code"
    )
    (advice,) = example_advice(parse_example(mixed))
    quoted = " ".join(re.search(r'got: "(.*?) …"', GUIDE, flags=re.S)[1].split())  # as wrapped in the guide
    assert str(advice.message).startswith(quoted)


def test_every_command_of_the_guide_runs(tmp_path):
    (mine := tmp_path / "my-lesson.toml").write_text(worked_example(), encoding="utf-8")
    commands = [line.split("  #")[0].strip() for line in blocks("")[0].splitlines() if line.strip()]
    assert len(commands) == 5
    for command in commands:
        words = [str(mine) if word == "my-lesson.toml" else word for word in shlex.split(command)]
        words += ["--out", str(tmp_path / "out")] if "--example" in words else []
        if "--watch" in words:  # runs until Ctrl-C: stop it once it watches
            watcher = subprocess.Popen(
                words,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                preexec_fn=ctrl_c_reaches_it,
            )
            for line in watcher.stdout:
                if line.startswith("watching"):
                    watcher.send_signal(signal.SIGINT)
            assert watcher.wait(timeout=60) == 0, command
            continue
        done = subprocess.run(words, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (command, done.stderr)
    folder = tmp_path / "out" / "python-snake-or-language" / "low"
    assert sorted(path.name for path in folder.iterdir()) == [
        "IntroCard.mp4",
        "IntroCard.srt",
        "manifest.json",
        "preview.png",
    ]
