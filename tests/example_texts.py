"""Small example files shared by the tests, as TOML text."""

MINIMAL = """
name = "minimal"
title = "Only what is required"
[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
phone = [4.0, 0.0]
[[sentences]]
text = "An apple and an orange"
focus = "apple"
"""

# Every field an example may leave out, given: the example-file tests change one thing at a time
TINY = """
name = "tiny"
title = "A tiny example"
similarity = "cosine"

[words]
apple = [2.0, 2.0]
orange = [0.0, 3.0]
phone = [4.0, 0.0]

[[sentences]]
text = "An apple and an orange"
focus = "apple"
"""
ALONE = MINIMAL.replace("An apple and an orange", "Just an apple")  # the focus word has no company

# Two heads, to append to an example with [words] and [[sentences]]
HEADS = """
[[heads]]
name = "one"
query = [[1.0, 0.0], [0.0, 1.0]]
key = [[1.0, 0.0], [0.0, 1.0]]
value = [[1.0, 0.0], [0.0, 1.0]]

[[heads]]
name = "two"
query = [[1.0, 0.0], [0.5, 1.0]]
key = [[1.0, 0.0], [0.5, 1.0]]
value = [[1.0, 0.0], [0.0, 1.0]]
"""
