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
