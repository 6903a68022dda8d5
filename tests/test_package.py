"""The project as a package: `pip install .` gives the console command `attention-clips` (the
same CLI as render.py), and the wheel carries the example files, fonts and page files, so an
installed copy runs from any folder without the checkout."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.process

SHIPPED = ["bank-river-vs-money.toml", "fruit-vs-tech.toml", "it-animal-or-street.toml"]


PACKAGED = ("attention_core", "scenes", "clips", "assets", "render.py", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of what it packages (a build leaves build/ in its source)."""
    source, folder = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in PACKAGED:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(
            ROOT / name,
            source / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if copy is shutil.copytree else {}),
        )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "--wheel-dir", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (built,) = folder.glob("attention_clips-*.whl")
    return built


def test_the_wheel_carries_the_assets_and_the_console_command(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in [f"examples/{name}" for name in SHIPPED] + ["fonts/DejaVuSans.ttf", "fonts/DejaVuSansMono.ttf"]:
        assert f"attention_clips_assets/{asset}" in names
    for page in ["site_files/index.html", "site_files/present.js", "course_files/index.html"]:
        assert f"clips/{page}" in names
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    assert "attention-clips = render:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_an_installed_copy_finds_its_examples_and_fonts_away_from_the_checkout(wheel, tmp_path):
    target = tmp_path / "installed"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    script = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import render, attention_core, scenes.fonts; "
        "print(attention_core.__file__); print(scenes.fonts.FONT_DIR); "
        "sys.exit(render.main(['--list-examples']) or render.main(['--check-example', 'fruit-vs-tech']))"
    )
    ran = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    code, fonts, *listed = ran.stdout.splitlines()
    assert code.startswith(str(target)) and fonts == str(target / "attention_clips_assets" / "fonts")
    assert [line.split()[0] for line in listed[:3]] == SHIPPED
    assert listed[3].startswith("fruit-vs-tech: ok, example 'fruit-vs-tech'")


def test_the_console_command_is_render_py(tmp_path):
    command = Path(sys.executable).parent / "attention-clips"  # make installs the project (pip install -e)
    done = subprocess.run([str(command), "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    same = subprocess.run([sys.executable, str(ROOT / "render.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == same.stdout
