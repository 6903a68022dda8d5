"""Which example the scenes draw: ATTENTION_EXAMPLE=PATH, else the shipped default.

Under the plain manim CLI a bad example file ends like render.py does: one line naming the
file and the field, exit status 2, no traceback.
"""

from __future__ import annotations

import os
import sys

from attention_core.example_file import ExampleError, default_example, load_example
from attention_core.examples import Example

EXAMPLE_VARIABLE = "ATTENTION_EXAMPLE"


def current_example() -> Example:
    path = os.environ.get(EXAMPLE_VARIABLE)
    if not path:
        return default_example()
    try:
        return load_example(path)
    except ExampleError as error:
        print(f"{EXAMPLE_VARIABLE}={path}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
