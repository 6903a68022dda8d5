import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # scene_harness

from attention_core.example_file import default_example  # noqa: E402
from attention_core.examples import Example, Sentence  # noqa: E402


@pytest.fixture
def example():
    return default_example()


@pytest.fixture
def crowded_example():
    """Four words in one sentence, so arrows and weights have an order to check."""
    return Example(
        name="crowded",
        title="Four words",
        similarity="dot",
        words={"apple": (2.0, 2.0), "orange": (0.0, 3.0), "banana": (1.0, 2.5), "phone": (4.0, 0.0)},
        sentences=(Sentence("An apple, an orange, a banana and a phone.", "apple"),),
        output_map=np.vstack([np.eye(2) * 0.6, np.eye(2) * 0.3, np.eye(2) * 0.1]),
    )



# The test workers (pytest-xdist, --dist loadfile) take files in collection order. The files
# that render video go first, so the longest one (the narrated lecture) is not left to the end
# while the other worker sits idle; the quick files then fill in beside it.
RENDERS_VIDEO = ("test_lecture", "test_render", "test_reuse", "test_narration")


def pytest_collection_modifyitems(config, items):
    def order(item):
        module = item.module.__name__
        return RENDERS_VIDEO.index(module) if module in RENDERS_VIDEO else len(RENDERS_VIDEO)

    items.sort(key=order)  # stable: within a file, tests keep their order
