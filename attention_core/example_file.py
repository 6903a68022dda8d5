"""Reading an example from a TOML file, checking every field (the file is untrusted data).

Every mistake raises ExampleError naming the field (`sentences[2].focus`, counted from 1 as
in the file) and saying what is wrong and how to fix it, in one line. Limits keep each clip
legible at 480p; they are listed in assets/examples/README.md.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from pathlib import Path

import numpy as np

from .assets import assets_folder
from .examples import Example, Head, ModelChoice, Passage, Sentence, default_heads, default_maps
from .language import SOURCE, LanguageError, language
from .similarity import SIMILARITY_KINDS
from .text import closest
from .tokens import SPACELESS_SCRIPT, TOKEN_PATTERN, split_tokens, token_key, tokens_problem

NAME_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
LIMITS = {
    "name": 40,  # characters
    "title": 60,
    "sentence": 90,
    "word": 16,
    "head name": 16,
    "words": 16,  # words in the plane
    "sentences": 4,
    "tokens": 16,  # tokens in one sentence
    "embedded tokens": 8,  # tokens of one sentence that have an embedding
    "heads": 4,
    "coordinate": 20.0,  # |x|, |y| of an embedding
    "map entry": 3.0,  # |entry| of W_Q, W_K, W_V, W_O
    "word pieces": 32,  # word pieces of one sentence in the real model, [CLS] and [SEP] included
}
TOP_KEYS = {
    "name": True,
    "title": True,
    "language": False,
    "similarity": False,
    "words": True,
    "sentences": True,
    "maps": False,
    "heads": False,
    "output": False,
    "cross": False,
    "model": False,
    "chapters": False,
    "chapter_files": False,  # written into the canonical form (each file's hash), refused in a file
}  # key: required


class ExampleError(ValueError):
    """One mistake in an example file: the field and what to do about it."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field, self.problem = field, problem


def find_example(name_or_path: str | Path) -> Path:
    """The example file `name_or_path` names: a path, or a shipped example's name or file name
    ("fruit-vs-tech", "fruit-vs-tech.toml"). ExampleError if it names nothing."""
    path = Path(name_or_path)
    if path.exists():
        return path
    shipped = {p.stem: p for p in shipped_examples()}
    if path.parent == Path(".") and (path.stem in shipped and path.suffix in ("", ".toml")):
        return shipped[path.stem]
    names = ", ".join(shipped)
    close = closest(path.stem, shipped)
    hint = f"did you mean {close!r}? Or give" if close else "give"
    raise ExampleError(
        "file", f"does not exist; {hint} the path of a .toml example, or the name of a shipped one ({names})"
    )


def load_example(path: str | Path) -> Example:
    """Read and check the example at `path` (or a shipped example's name, see `find_example`);
    ExampleError (a ValueError) names the field."""
    path = find_example(path)
    if path.is_dir():
        inside = sorted(p.name for p in path.glob("*.toml"))
        holds = f" (it holds {', '.join(inside[:3])})" if inside else ""
        raise ExampleError("file", f"is a folder, not an example file; give the path of a .toml file{holds}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExampleError("file", "does not exist; give the path of a .toml example") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ExampleError(
            "file", f"cannot be read as UTF-8 text ({type(error).__name__}); save it as a UTF-8 .toml file"
        ) from None
    return parse_example(text, path.parent)


def parse_example(text: str, folder: Path | None = None) -> Example:
    """The example in TOML `text`; `folder` is where the chapter files it names are (default:
    the working directory)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if message.startswith(("Cannot overwrite a value", "Cannot declare")):
            where = message[message.find("(") + 1 : message.rfind(")")]
            raise ExampleError(
                "toml", f"a key or table is given twice ({where}); give each word and each table once"
            ) from None
        key = unquoted_key(text, message)
        if key is not None:
            raise ExampleError(
                "toml",
                f"the key {key!r} has letters beyond ASCII, so TOML needs it in quotes: "
                f'write "{key}" = ... ({message[message.find("(") + 1 : message.rfind(")")]})',
            ) from None
        raise ExampleError("toml", f"not valid TOML: {message}; check the quoting and brackets there") from None
    if isinstance(data, dict) and "chapter_files" in data:
        raise ExampleError("chapter_files", "is written by render.py, not read from a file; remove it")
    example = example_from_data(data, folder or Path.cwd())
    if example.model is not None and example.language != SOURCE:
        raise ExampleError(
            "model",
            f"the real model (all-MiniLM-L6-v2) reads English only, and this example is in {example.language!r}: "
            "remove the [model] table, or write the example in English",
        )
    return example


WHERE = re.compile(r"\(at line (\d+), column \d+\)")
BARE_KEY = re.compile(r"\s*([^\s=\"'\[\]#]+)\s*=")  # a key before "=", not in quotes


def unquoted_key(text: str, message: str) -> str | None:
    """The key of the line a TOML error points at, if it is a bare key with a letter beyond
    ASCII (TOML's bare keys are A-Z, a-z, 0-9, "-" and "_" only): it needs quotes."""
    where = WHERE.search(message)
    lines = text.splitlines()
    if where is None or not 0 < int(where[1]) <= len(lines):
        return None
    bare = BARE_KEY.match(lines[int(where[1]) - 1])
    return bare[1] if bare and not bare[1].isascii() else None


def example_from_data(data: dict, folder: Path | None = None) -> Example:
    check_keys(data, TOP_KEYS, "example")
    similarity = data.get("similarity", "cosine")
    if similarity not in SIMILARITY_KINDS:
        raise ExampleError("similarity", f"must be one of {', '.join(map(repr, SIMILARITY_KINDS))}, got {similarity!r}")
    words = read_words(data["words"], similarity)
    sentences = read_sentences(data["sentences"], words)
    defaults = []
    if "maps" in data:
        maps = read_maps(data["maps"])
    else:
        maps, defaults = default_maps(), defaults + ["maps"]
    if "heads" in data:
        heads = read_heads(data["heads"])
    else:
        heads, defaults = default_heads(), defaults + ["heads"]
    if "output" in data:
        check_keys(data["output"], {"map": True}, "output")
        output_map = read_matrix(
            data["output"]["map"], "output.map", (2 * len(heads), 2), f"{2 * len(heads)} rows (2 per head) of 2 numbers"
        )
    else:
        output_map, defaults = None, defaults + ["output"]
    if "cross" in data:
        cross = read_cross(data["cross"], words)
    else:
        cross, defaults = None, defaults + ["cross"]
    model = read_model(data["model"], sentences) if "model" in data else None
    spoken = read_language(data.get("language", SOURCE))
    if "similarity" not in data:
        defaults.append("similarity")
    chapters, chapter_files = (
        read_chapters(data["chapters"], folder, model is not None) if "chapters" in data else (None, ())
    )
    return Example(
        name=read_name(data["name"]),
        title=read_text(data["title"], "title", LIMITS["title"]),
        similarity=similarity,
        words=words,
        sentences=sentences,
        maps=maps,
        heads=heads,
        output_map=output_map,
        cross=cross,
        model=model,
        defaults_used=tuple(defaults),
        language=spoken,
        chapters=chapters,
        chapter_files=chapter_files,
    )


def read_chapters(value, folder: Path | None, has_model: bool) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """`chapters = [...]`: built-in chapters by name ("gravity"), a creator's own as
    "file.py:Name", its path relative to `folder` (the example's or the course's) and inside it;
    with no `folder` (an example's canonical form, read again where a clip renders), the
    absolute path it was made into. Each file's hash is kept, so that a changed file makes its
    clips again. A chapter file is Python, and runs: see docs/guide.md, "Adding a chapter"."""
    from .lessons.lecture import ChapterError, check_chapters

    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise ExampleError(
            "chapters", f'must be a list of chapter names, like ["intro", "gravity", "recap"], got {describe(value)}'
        )
    entries, files = [], {}
    for entry in value:
        path, _, name = entry.rpartition(":")
        if path.endswith(".py"):
            if folder is None:
                found = Path(path)
            elif Path(path).is_absolute() or not (folder / path).resolve().is_relative_to(folder.resolve()):
                raise ExampleError(
                    "chapters", f"{entry!r}: give the chapter file's path from the example's folder, inside it"
                )
            else:
                found = folder / path
            if not found.is_file():
                raise ExampleError(
                    "chapters", f"{entry!r}: there is no file {found}; give the path from the example's folder"
                )
            if not name.isidentifier():
                raise ExampleError("chapters", f"{entry!r}: after the colon, name a Chapter of {found.name}")
            found = found.resolve()
            files[str(found)] = hashlib.sha256(found.read_bytes()).hexdigest()
            entry = f"{found}:{name}"
        entries.append(entry)
    try:
        check_chapters(tuple(entries), has_model)
    except ChapterError as refused:
        raise ExampleError("chapters", str(refused)) from None
    return tuple(entries), tuple(sorted(files.items()))


def read_language(value) -> str:
    """The example's language: the code of a shipped catalogue ("es"), or English ("en")."""
    if not isinstance(value, str):
        raise ExampleError("language", f'must be a language code in quotes, such as "es", got {value!r}')
    try:
        language(value)
    except LanguageError as refused:
        raise ExampleError("language", str(refused)) from None
    return value


def check_keys(table, keys: dict[str, bool], field: str) -> None:
    """`table` is a TOML table with every required key of `keys` and no other."""
    if not isinstance(table, dict):
        raise ExampleError(field, f"must be a table, got {describe(table)}")
    for key in table:
        if key not in keys:
            close = closest(key, keys)
            hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(keys)}"
            where = key if field == "example" else f"{field}.{key}"
            raise ExampleError(where, f"unknown key; {hint}")
    for key, required in keys.items():
        if required and key not in table:
            where = key if field == "example" else f"{field}.{key}"
            raise ExampleError(where, "is missing; add it (see assets/examples/README.md)")


def read_name(name) -> str:
    """The example's name, safe to use as a folder name."""
    if not isinstance(name, str):
        raise ExampleError("name", f"must be a string, got {describe(name)}")
    if len(name) > LIMITS["name"] or not NAME_PATTERN.fullmatch(name):
        raise ExampleError(
            "name",
            f"{name!r} must be lower-case letters, digits and single hyphens "
            f"(like 'fruit-vs-tech'), at most {LIMITS['name']} characters",
        )
    return name


def read_text(value, field: str, limit: int) -> str:
    """A one-line string of printable characters, at most `limit` long."""
    if not isinstance(value, str):
        raise ExampleError(field, f"must be a string, got {describe(value)}")
    if not value.strip():
        raise ExampleError(field, "is empty; write some text")
    if any(not character.isprintable() for character in value):
        raise ExampleError(field, "has a control character (a line break or tab?); keep it on one line")
    if len(value) > limit:
        raise ExampleError(field, f"is {len(value)} characters; at most {limit} fit on screen, shorten it")
    return value


def read_number(value, field: str, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExampleError(field, f"must be a number, got {describe(value)}")
    if not math.isfinite(value):
        raise ExampleError(field, f"must be a finite number, got {value}")
    if abs(value) > limit:
        raise ExampleError(field, f"{value} is too large to draw; keep it within \u00b1{limit:g}")
    return float(value)


def read_words(table, similarity: str) -> dict[str, tuple[float, float]]:
    if not isinstance(table, dict):
        raise ExampleError("words", f"must be a table of word = [x, y], got {describe(table)}")
    if not table:
        raise ExampleError("words", "is empty; give each word an embedding, like apple = [2.0, 2.0]")
    if len(table) > LIMITS["words"]:
        raise ExampleError("words", f"has {len(table)} words; at most {LIMITS['words']} fit legibly in the plane")
    words: dict[str, tuple[float, float]] = {}
    for word, vector in table.items():
        field = f"words.{word}"
        if not TOKEN_PATTERN.fullmatch(word):
            raise ExampleError(
                field, "a word must be one token: letters and digits only, no spaces, punctuation or symbols"
            )
        if word != token_key(word):
            raise ExampleError(field, f"words are matched in lower case; write it as {token_key(word)!r}")
        if len(word) > LIMITS["word"]:
            raise ExampleError(field, f"is {len(word)} characters; at most {LIMITS['word']} fit as a label")
        xy = read_vector(vector, field)
        if similarity == "cosine" and xy == (0.0, 0.0):
            raise ExampleError(
                field, "is the zero vector, which has no direction for cosine similarity; move it off the origin"
            )
        words[word] = xy
    return words


def read_vector(value, field: str) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise ExampleError(field, f"must be 2 numbers like [2.0, 1.5], got {describe(value)}")
    x, y = (read_number(v, field, LIMITS["coordinate"]) for v in value)
    return (x, y)


def read_sentences(value, words) -> tuple[Sentence, ...]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ExampleError("sentences", "must be a list of [[sentences]] tables with text and focus")
    if not value:
        raise ExampleError("sentences", "is empty; add at least one [[sentences]] with text and focus")
    if len(value) > LIMITS["sentences"]:
        raise ExampleError("sentences", f"has {len(value)} sentences; at most {LIMITS['sentences']} fit one clip")
    sentences = []
    for number, table in enumerate(value, start=1):
        field = f"sentences[{number}]"
        check_keys(table, {"text": True, "focus": True, "tokens": False}, field)
        text = read_text(table["text"], f"{field}.text", LIMITS["sentence"])
        focus = read_text(table["focus"], f"{field}.focus", LIMITS["word"])
        tokens = read_tokens(table, "tokens", field, text)
        check_sizes(tokens, words, f"{field}.text")
        key = token_key(focus)
        if key not in words:
            raise ExampleError(
                f"{field}.focus", f"{focus!r} has no embedding; add it under [words] or choose a word that has one"
            )
        if key not in (token_key(t) for t in tokens):
            inside = [t for t in tokens if key in token_key(t) and SPACELESS_SCRIPT.search(t)]  # part of a longer one
            hint = (
                f"; a sentence without spaces lists its tokens: tokens = {spaceless_hint(inside[0])}"
                if "tokens" not in table and inside
                else "; choose one of its words"
            )
            raise ExampleError(f"{field}.focus", f"{focus!r} is not a word of the sentence {text!r}{hint}")
        sentences.append(Sentence(text, key, tokens))
    return tuple(sentences)


def read_tokens(table: dict, key: str, field: str, text: str) -> tuple[str, ...]:
    """The text's tokens: `table[key]`, a list of them in order (a sentence without spaces),
    checked against the text; or, when the key is left out, split at spaces and punctuation."""
    if key not in table:
        return tuple(split_tokens(text))
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(token, str) for token in value):
        raise ExampleError(
            f"{field}.{key}", f'must be a list of strings like ["我", "买了", "苹果"], got {describe(value)}'
        )
    problem = tokens_problem(text, value)
    if problem:
        raise ExampleError(f"{field}.{key}", problem)
    return tuple(value)


def spaceless_hint(text: str) -> str:
    """How a `tokens` list for `text` starts: its first characters, each a token."""
    shown = [f'"{character}"' for character in text[:3]]
    return f"[{', '.join(shown)}, ...]"


def check_sizes(tokens: tuple[str, ...], words, field: str, drawn: str = " can be drawn pulling at once") -> None:
    """A sentence's tokens fit on screen, and its tokens with embeddings can all be drawn."""
    embedded = [t for t in tokens if token_key(t) in words]
    if len(tokens) > LIMITS["tokens"]:
        raise ExampleError(field, f"has {len(tokens)} words; at most {LIMITS['tokens']} fit on screen")
    if len(embedded) > LIMITS["embedded tokens"]:
        raise ExampleError(
            field,
            f"has {len(embedded)} words with embeddings; at most {LIMITS['embedded tokens']}{drawn}",
        )


def read_cross(table, words) -> tuple[Passage, Passage]:
    """[cross]: an encoder and a decoder sentence, each with a word that has an embedding (and
    each with its tokens listed, `encoder_tokens`, `decoder_tokens`, when written without spaces)."""
    keys = {"encoder": True, "decoder": True, "encoder_tokens": False, "decoder_tokens": False}
    check_keys(table, keys, "cross")
    passages = []
    for role in ("encoder", "decoder"):
        text = read_text(table[role], f"cross.{role}", LIMITS["sentence"])
        tokens = read_tokens(table, f"{role}_tokens", "cross", text)
        if not any(token_key(t) in words for t in tokens):
            raise ExampleError(f"cross.{role}", "has no word with an embedding; use words from [words]")
        check_sizes(tokens, words, f"cross.{role}", drawn="")
        passages.append(Passage(text, tokens))
    return passages[0], passages[1]


def read_model(table, sentences: tuple[Sentence, ...]) -> ModelChoice:
    """[model]: a pretrained model (name), and the layer and head the clip draws, or "auto"."""
    from .pretrained import MODEL_NAME, MODEL_SHAPES

    check_keys(table, {"name": False, "layer": False, "head": False}, "model")
    name = table.get("name", MODEL_NAME)
    if name not in MODEL_SHAPES:
        raise ExampleError(
            "model.name", f"{describe(name)} is not a model this tool has; use {MODEL_NAME!r} (or leave name out)"
        )
    layers, heads = MODEL_SHAPES[name]
    layer = read_choice(table.get("layer", "auto"), "model.layer", layers)
    head = read_choice(table.get("head", "auto"), "model.head", heads)
    if len(sentences) < 2:
        raise ExampleError("model", "compares the focus word in two sentences; give at least two [[sentences]]")
    check_word_pieces(name, sentences[:2])
    return ModelChoice(name, layer, head)


def read_choice(value, field: str, count: int) -> int | None:
    """A number from 1 to `count`, or "auto" (None): the lesson chooses."""
    if value == "auto":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= count:
        raise ExampleError(field, f'must be a whole number from 1 to {count}, or "auto"; got {describe(value)}')
    return value


def check_word_pieces(name: str, sentences: tuple[Sentence, ...]) -> None:
    """Each sentence fits the clip in word pieces, and its focus word is one piece."""
    from .pretrained import ModelUnavailable, load_tokenizer, word_pieces

    try:
        tokenizer = load_tokenizer(name)
    except ModelUnavailable as error:
        raise ExampleError("model", str(error)) from None
    for number, sentence in enumerate(sentences, start=1):
        field = f"sentences[{number}]"
        count = len(tokenizer.encode(sentence.text).tokens)
        if count > LIMITS["word pieces"]:
            raise ExampleError(
                f"{field}.text",
                f"is {count} word pieces in {name}; at most "
                f"{LIMITS['word pieces']} fit the real-model clip, shorten it",
            )
        pieces = next(pieces for word, pieces, _ in word_pieces(tokenizer, sentence.text) if word == sentence.focus)
        if len(pieces) != 1:
            shown = " + ".join(repr(piece) for piece in pieces)
            raise ExampleError(
                f"{field}.focus",
                f"{sentence.focus!r} is {len(pieces)} word pieces in {name} "
                f"({shown}); choose a focus word the model reads as one piece",
            )


def read_matrix(value, field: str, shape: tuple[int, int], described: str) -> np.ndarray:
    rows, cols = shape
    if (
        not isinstance(value, list)
        or len(value) != rows
        or not all(isinstance(row, list) and len(row) == cols for row in value)
    ):
        raise ExampleError(field, f"must be {described}, got {describe(value)}")
    return np.array([[read_number(v, field, LIMITS["map entry"]) for v in row] for row in value])


def read_maps(table) -> dict[str, np.ndarray]:
    check_keys(table, {"query": True, "key": True, "value": True}, "maps")
    return {
        role: read_matrix(table[role], f"maps.{role}", (2, 2), "a 2x2 matrix like [[1.0, 0.0], [0.5, 1.0]]")
        for role in ("query", "key", "value")
    }


def read_heads(value) -> tuple[Head, ...]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ExampleError("heads", "must be a list of [[heads]] tables")
    if not 2 <= len(value) <= LIMITS["heads"]:
        raise ExampleError(
            "heads",
            f"has {len(value)}; give from 2 to {LIMITS['heads']} [[heads]] (several heads are the point of the clip)",
        )
    heads = []
    for number, table in enumerate(value, start=1):
        field = f"heads[{number}]"
        check_keys(table, {"name": True, "query": True, "key": True, "value": True}, field)
        name = read_text(table["name"], f"{field}.name", LIMITS["head name"])
        maps = [
            read_matrix(table[role], f"{field}.{role}", (2, 2), "a 2x2 matrix like [[1.0, 0.0], [0.5, 1.0]]")
            for role in ("query", "key", "value")
        ]
        heads.append(Head(name, *maps))
    return tuple(heads)


def describe(value) -> str:
    """A short, safe description of a value the file gave."""
    kind = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown if len(shown) <= 40 else shown[:37] + '...'}"


EXAMPLES_DIR = assets_folder() / "examples"
DEFAULT_EXAMPLE = EXAMPLES_DIR / "fruit-vs-tech.toml"


def shipped_examples() -> list[Path]:
    """The example files in assets/examples, by file name."""
    return sorted(EXAMPLES_DIR.glob("*.toml"))


def default_example() -> Example:
    """The seed lecture's own numbers: is "apple" a fruit or a tech company?"""
    return load_example(DEFAULT_EXAMPLE)
