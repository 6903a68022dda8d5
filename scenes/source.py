"""Which example the scenes draw: ATTENTION_EXAMPLE=PATH, else the shipped default."""

from __future__ import annotations

import os

from attention_core.examples import Example, default_example

EXAMPLE_VARIABLE = "ATTENTION_EXAMPLE"


def current_example() -> Example:
    path = os.environ.get(EXAMPLE_VARIABLE)
    if path:
        from attention_core.example_file import load_example

        return load_example(path)
    return default_example()
