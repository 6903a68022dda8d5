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

# The example-file tests' own: MINIMAL with a name, a title and the similarity given, spaced
# as those tests' messages expect (they name line numbers)
TINY = MINIMAL.replace(
    'name = "minimal"\ntitle = "Only what is required"\n',
    'name = "tiny"\ntitle = "A tiny example"\nsimilarity = "cosine"\n\n',
).replace("\n[[sentences]]", "\n\n[[sentences]]")
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
