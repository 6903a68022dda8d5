"""Splitting a sentence into tokens: runs of letters and digits, matched case-insensitively.

    "Please buy an apple, and an orange!" -> Please | buy | an | apple | and | an | orange

A letter keeps its combining marks ("सेब", "مَدْرَسَة" are one token each). A sentence written
without spaces (Chinese, Japanese) has its tokens listed by the example file, each found in
the text in turn:

    "我买了苹果和橙子。", tokens 我 | 买了 | 苹果 | 和 | 橙子

A token takes part in attention when the example gives its lower-case form an embedding.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

# letters and digits of any script, each with its marks (and the joiners of Indic and Persian
# spelling); not "_" or punctuation
TOKEN_PATTERN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c\u200d]*")


# scripts written without spaces between words: a sentence in them lists its tokens
SPACELESS_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


def split_tokens(text: str) -> list[str]:
    """The tokens of `text` as written, in order, split at spaces and punctuation."""
    return TOKEN_PATTERN.findall(text)


def token_spans(text: str, tokens: Sequence[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of the tokens of `text`: split as `split_tokens` does, or,
    when `tokens` are given (a sentence whose file lists them), each found after the one before.
    ValueError when they are not the text's tokens (see `tokens_problem`)."""
    if tokens is None:
        return [match.span() for match in TOKEN_PATTERN.finditer(text)]
    problem = tokens_problem(text, tokens)
    if problem:
        raise ValueError(f"{problem} (text {text!r})")
    spans, position = [], 0
    for token in tokens:
        start = text.index(token, position)
        spans.append((start, start + len(token)))
        position = start + len(token)
    return spans


def tokens_problem(text: str, tokens: Sequence[str]) -> str | None:
    """Why `tokens` are not the tokens of `text` in order, every letter of it in one of them;
    None when they are. Each token is letters and digits (with their marks) only."""
    if not tokens:
        return "is empty; list the sentence's tokens in order, as written"
    position = 0
    for number, token in enumerate(tokens):
        if not isinstance(token, str) or not TOKEN_PATTERN.fullmatch(token):
            return f"{token!r} is not one token; a token is letters and digits only, no spaces or punctuation"
        start = text.find(token, position)
        if start < 0:
            after = f" after {text[:position]!r}" if position else ""
            return f"{token!r} is not in the text{after}; list the sentence's tokens in order, as written"
        skipped = text[position:start]
        later = next((other for other in tokens[number + 1 :] if isinstance(other, str) and other in skipped), None)
        if later:
            return f"{later!r} is listed after {token!r} but written before it; list the tokens in the order written"
        left_out = TOKEN_PATTERN.search(skipped)
        if left_out:
            return f"the text's {left_out.group()!r} is in no token; list every token of the sentence, in order"
        position = start + len(token)
    left_out = TOKEN_PATTERN.search(text[position:])
    if left_out:
        return f"the text's {left_out.group()!r} is in no token; list every token of the sentence, in order"
    return None


def token_key(token: str) -> str:
    """The form under which a token's embedding is looked up: its Unicode lower case
    ("Straße" -> "straße", "ΟΔΟΣ" -> "οδος"). Not str.casefold, which would turn ß into ss and
    so put a spelling on screen that the example never wrote."""
    return token.lower()
