"""The core stands alone: it imports without manim, and runs the real model without torch,
transformers or manim. Each check starts a fresh interpreter, where nothing is imported yet."""

import subprocess
import sys

import pytest
from helpers import ROOT

pytestmark = pytest.mark.process


def test_core_imports_without_manim_installed():
    # a meta-path finder refuses manim, as on a machine that lacks it
    code = (
        "import sys\n"
        "class NoManim:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('manim', 'manimpango', 'cairo'):\n"
        "            raise ImportError('manim is not installed')\n"
        "sys.meta_path.insert(0, NoManim())\n"
        "import importlib, pkgutil, attention_core\n"
        "for module in pkgutil.iter_modules(attention_core.__path__):\n"
        "    importlib.import_module('attention_core.' + module.name)\n"
        "print('ok')\n"
    )
    root = ROOT
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


def test_the_core_imports_no_torch_transformers_or_manim():
    code = (
        "import sys; from attention_core.pretrained import load_model; load_model().run('an apple'); "
        "print(sorted(m for m in ('torch', 'transformers', 'manim', 'sentence_transformers') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
