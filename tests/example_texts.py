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

# Chinese, written without spaces: each sentence lists its tokens (tests/test_spaceless.py, test_scripts.py)
CHINESE = """
name = "chinese"
title = "语境中的苹果"
[words]
"苹果" = [2.0, 2.0]
"橙子" = [0.0, 3.0]
"手机" = [3.2, 0.2]
[[sentences]]
text = "我吃了苹果和橙子。"
tokens = ["我", "吃了", "苹果", "和", "橙子"]
focus = "苹果"
[[sentences]]
text = "我买了苹果手机。"
tokens = ["我", "买了", "苹果", "手机"]
focus = "苹果"
"""
