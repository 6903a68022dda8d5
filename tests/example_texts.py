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

ALONE = MINIMAL.replace("An apple and an orange", "Just an apple")  # the focus word has no company
