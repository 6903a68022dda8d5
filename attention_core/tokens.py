"""Splitting a sentence into tokens: runs of letters and digits, matched case-insensitively.

    "Please buy an apple, and an orange!" -> Please | buy | an | apple | and | an | orange

A token takes part in attention when the example gives its lower-case form an embedding.
"""

from __future__ import annotations

import re

TOKEN_PATTERN = re.compile(r"[^\W_]+")  # letters and digits of any script; not "_" or punctuation


def split_tokens(text: str) -> list[str]:
    """The tokens of `text` as written, in order."""
    return TOKEN_PATTERN.findall(text)


def token_key(token: str) -> str:
    """The form under which a token's embedding is looked up: its Unicode lower case
    ("Straße" -> "straße", "ΟΔΟΣ" -> "οδος"). Not str.casefold, which would turn ß into ss and
    so put a spelling on screen that the example never wrote."""
    return token.lower()
