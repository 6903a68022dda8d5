"""Example files: every mistake is one line naming the file and field, exit 2, nothing written."""

import hashlib
import json

import numpy as np
import pytest
from example_texts import HEADS, TINY
from helpers import render_in_process

from attention_core.example_file import ExampleError, load_example, parse_example, shipped_examples
from attention_core.examples import default_heads, default_maps, default_output_map

# (what is wrong, the file, the field named, a piece of the advice)
BAD = [
    ("not toml", TINY + "\nthis is = = not toml\n", "toml", "not valid TOML"),
    ("missing key", TINY.replace('title = "A tiny example"\n', ""), "title", "is missing"),
    ("unknown key", TINY.replace("title =", "titel ="), "titel", "did you mean 'title'"),
    (
        "unknown key in a table",
        TINY.replace('focus = "apple"', 'focus = "apple"\nfocal = "x"'),
        "sentences[1].focal",
        "did you mean 'focus'",
    ),
    ("wrong type", TINY.replace('title = "A tiny example"', "title = 5"), "title", "must be a string"),
    ("vector of 3", TINY.replace("apple = [2.0, 2.0]", "apple = [2.0, 2.0, 1.0]"), "words.apple", "2 numbers"),
    ("vector of text", TINY.replace("apple = [2.0, 2.0]", 'apple = ["2", 2.0]'), "words.apple", "must be a number"),
    ("nan", TINY.replace("apple = [2.0, 2.0]", "apple = [nan, 2.0]"), "words.apple", "finite"),
    ("infinity", TINY.replace("apple = [2.0, 2.0]", "apple = [inf, 2.0]"), "words.apple", "finite"),
    ("absurdly large", TINY.replace("apple = [2.0, 2.0]", "apple = [1e9, 2.0]"), "words.apple", "too large"),
    (
        "duplicate word",
        TINY.replace("phone = [4.0, 0.0]", "phone = [4.0, 0.0]\napple = [1.0, 1.0]"),
        "toml",
        "given twice",
    ),
    ("upper-case word", TINY.replace("phone = [4.0, 0.0]", "Phone = [4.0, 0.0]"), "words.Phone", "'phone'"),
    (
        "word of two tokens",
        TINY.replace("phone = [4.0, 0.0]", '"new york" = [4.0, 0.0]'),
        "words.new york",
        "one token",
    ),
    (
        "focus without embedding",
        TINY.replace('focus = "apple"', 'focus = "pear"').replace("An apple", "A pear"),
        "sentences[1].focus",
        "has no embedding",
    ),
    (
        "focus not in sentence",
        TINY.replace('focus = "apple"', 'focus = "phone"'),
        "sentences[1].focus",
        "is not a word of the sentence",
    ),
    (
        "no sentences",
        'name = "tiny"\ntitle = "T"\nsentences = []\n[words]\napple = [2.0, 2.0]\n',
        "sentences",
        "is empty",
    ),
    ("zero vector for cosine", TINY.replace("phone = [4.0, 0.0]", "phone = [0.0, 0.0]"), "words.phone", "zero vector"),
    ("unknown similarity", TINY.replace('"cosine"', '"euclid"'), "similarity", "must be one of"),
    (
        "map not 2x2",
        TINY + "[maps]\nquery = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]\nkey = [[1.0, 0.0], [0.0, 1.0]]\n"
        "value = [[1.0, 0.0], [0.0, 1.0]]\n",
        "maps.query",
        "2x2",
    ),
    (
        "map entry huge",
        TINY + "[maps]\nquery = [[1e6, 0.0], [0.0, 1.0]]\nkey = [[1.0, 0.0], [0.0, 1.0]]\n"
        "value = [[1.0, 0.0], [0.0, 1.0]]\n",
        "maps.query",
        "too large",
    ),
    ("W_O wrong shape", TINY + HEADS + "[output]\nmap = [[1.0, 0.0], [0.0, 1.0]]\n", "output.map", "4 rows"),
    ("one head", TINY + HEADS.split('[[heads]]\nname = "two"')[0], "heads", "from 2 to"),
    ("bad name", TINY.replace('name = "tiny"', 'name = "../My Lesson"'), "name", "lower-case letters"),
    ("name with slash", TINY.replace('name = "tiny"', 'name = "a/b"'), "name", "lower-case letters"),
    (
        "too many words",
        TINY.replace("[words]\n", "[words]\n" + "".join(f"w{i} = [1.0, {i}.0]\n" for i in range(1, 16))),
        "words",
        "at most 16",
    ),
    (
        "too many tokens",
        TINY.replace('"An apple and an orange"', '"' + "an apple " * 9 + '"'),
        "sentences[1].text",
        "at most 16",
    ),
    ("title with a line break", TINY.replace('"A tiny example"', '"A tiny\\nexample"'), "title", "control character"),
    (
        "latex in a word",
        TINY.replace("phone = [4.0, 0.0]", '"\\\\input{/etc/passwd}" = [4.0, 0.0]'),
        "words.\\input{/etc/passwd}",
        "one token",
    ),
    (
        "markup in a word",
        TINY.replace("phone = [4.0, 0.0]", '"<span>x</span>" = [4.0, 0.0]'),
        "words.<span>x</span>",
        "one token",
    ),
]


@pytest.mark.parametrize("case, text, field, advice", BAD, ids=[case[0] for case in BAD])
def test_each_mistake_names_its_field(case, text, field, advice):
    with pytest.raises(ExampleError) as raised:
        parse_example(text)
    assert raised.value.field == field
    assert advice in str(raised.value)
    assert "\n" not in str(raised.value)


# Each mistake's whole line, as the user reads it (reviewed): the field, what is wrong, the fix
MESSAGES = {
    "not toml": "toml: not valid TOML: Expected '=' after a key in a key/value pair (at line 15, column 6); check the quoting and brackets there",
    "missing key": "title: is missing; add it (see assets/examples/README.md)",
    "unknown key": "titel: unknown key; did you mean 'title'?",
    "unknown key in a table": "sentences[1].focal: unknown key; did you mean 'focus'?",
    "wrong type": "title: must be a string, got a number 5",
    "vector of 3": "words.apple: must be 2 numbers like [2.0, 1.5], got a list [2.0, 2.0, 1.0]",
    "vector of text": "words.apple: must be a number, got a string '2'",
    "nan": "words.apple: must be a finite number, got nan",
    "infinity": "words.apple: must be a finite number, got inf",
    "absurdly large": "words.apple: 1000000000.0 is too large to draw; keep it within ±20",
    "duplicate word": "toml: a key or table is given twice (at line 10, column 19); give each word and each table once",
    "upper-case word": "words.Phone: words are matched in lower case; write it as 'phone'",
    "word of two tokens": "words.new york: a word must be one token: letters and digits only, no spaces, punctuation or symbols",
    "focus without embedding": "sentences[1].focus: 'pear' has no embedding; add it under [words] or choose a word that has one",
    "focus not in sentence": "sentences[1].focus: 'phone' is not a word of the sentence 'An apple and an orange'; choose one of its words",
    "no sentences": "sentences: is empty; add at least one [[sentences]] with text and focus",
    "zero vector for cosine": "words.phone: is the zero vector, which has no direction for cosine similarity; move it off the origin",
    "unknown similarity": "similarity: must be one of 'dot', 'cosine', 'scaled_dot', got 'euclid'",
    "map not 2x2": "maps.query: must be a 2x2 matrix like [[1.0, 0.0], [0.5, 1.0]], got a list [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]",
    "map entry huge": "maps.query: 1000000.0 is too large to draw; keep it within ±3",
    "W_O wrong shape": "output.map: must be 4 rows (2 per head) of 2 numbers, got a list [[1.0, 0.0], [0.0, 1.0]]",
    "one head": "heads: has 1; give from 2 to 4 [[heads]] (several heads are the point of the clip)",
    "bad name": "name: '../My Lesson' must be lower-case letters, digits and single hyphens (like 'fruit-vs-tech'), at most 40 characters",
    "name with slash": "name: 'a/b' must be lower-case letters, digits and single hyphens (like 'fruit-vs-tech'), at most 40 characters",
    "too many words": "words: has 18 words; at most 16 fit legibly in the plane",
    "too many tokens": "sentences[1].text: has 18 words; at most 16 fit on screen",
    "title with a line break": "title: has a control character (a line break or tab?); keep it on one line",
    "latex in a word": "words.\\input{/etc/passwd}: a word must be one token: letters and digits only, no spaces, punctuation or symbols",
    "markup in a word": "words.<span>x</span>: a word must be one token: letters and digits only, no spaces, punctuation or symbols",
}


@pytest.mark.parametrize("case, text", [(case[0], case[1]) for case in BAD], ids=[case[0] for case in BAD])
def test_each_mistake_reads_as_reviewed(case, text):
    with pytest.raises(ExampleError) as raised:
        parse_example(text)
    assert str(raised.value) == MESSAGES[case]


def run_render(*arguments):
    return render_in_process(*arguments)


@pytest.mark.parametrize("case, text, field, advice", BAD[::4], ids=[case[0] for case in BAD[::4]])
def test_render_refuses_a_bad_file_and_writes_nothing(tmp_path, case, text, field, advice):
    example = tmp_path / "lesson.toml"
    example.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = run_render("--example", str(example), "--out", str(out))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith(f"render.py: error: {example}: {field}: ")
    assert not out.exists()
    checked = run_render("--check-example", str(example))
    assert checked.returncode == 2 and checked.stderr == done.stderr


def test_a_bad_file_leaves_earlier_clips_untouched(tmp_path):
    out = tmp_path / "out" / "tiny" / "low"
    out.mkdir(parents=True)
    (out / "manifest.json").write_text('{"earlier": true}')
    (out / "GravityScene.mp4").write_bytes(b"earlier clip")
    example = tmp_path / "tiny.toml"
    example.write_text(TINY.replace("apple = [2.0, 2.0]", "apple = [nan, 2.0]"))
    assert run_render("--example", str(example), "--out", str(tmp_path / "out")).returncode == 2
    assert (out / "manifest.json").read_text() == '{"earlier": true}'
    assert (out / "GravityScene.mp4").read_bytes() == b"earlier clip"
    assert sorted(p.name for p in out.iterdir()) == ["GravityScene.mp4", "manifest.json"]


def test_missing_file_is_one_line(tmp_path):
    done = run_render("--example", str(tmp_path / "nowhere.toml"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_only_required_fields_take_the_core_defaults():
    example = parse_example(TINY.replace('similarity = "cosine"\n', ""))
    assert example.defaults_used == ("maps", "heads", "output", "cross", "similarity")
    assert example.similarity == "cosine"
    for role, matrix in default_maps().items():
        assert example.maps[role].tolist() == matrix.tolist()
    assert [h.name for h in example.heads] == [h.name for h in default_heads()]
    assert example.output_map.tolist() == default_output_map(len(example.heads)).tolist()


def test_canonical_form_round_trips_and_hashes_meaning():
    example = parse_example(TINY + HEADS)
    from attention_core.example_file import example_from_data

    again = example_from_data(json.loads(json.dumps(example.canonical())))
    assert again.sha256() == example.sha256()
    spaced = parse_example(TINY.replace("apple = [2.0, 2.0]", "apple   =   [ 2, 2 ]  # comment") + HEADS)
    assert spaced.sha256() == example.sha256()  # same meaning, same hash
    moved = parse_example(TINY.replace("apple = [2.0, 2.0]", "apple = [2.0, 2.5]") + HEADS)
    assert moved.sha256() != example.sha256()


def test_tokens_match_case_insensitively_and_skip_punctuation():
    example = parse_example(TINY.replace('"An apple and an orange"', '"An APPLE, and an Orange!"'))
    from attention_core.lessons import gravity_lesson

    (reading,) = gravity_lesson(example).sentences
    assert reading.tokens == ("apple", "orange")
    assert reading.sentence_tokens == ("An", "APPLE", "and", "an", "Orange")


@pytest.mark.parametrize("path", shipped_examples(), ids=lambda p: p.name)
def test_shipped_examples_are_valid(path):
    from scenes.fonts import check_drawable

    example = load_example(path)
    assert example.name == path.stem
    check_drawable(example)  # every character has a glyph in the bundled font


def test_list_examples_names_each_with_its_title():
    done = run_render("--list-examples")
    assert done.returncode == 0
    for path in shipped_examples():
        example = load_example(path)
        assert any(line.startswith(path.name) and example.title in line for line in done.stdout.splitlines())
    assert len(shipped_examples()) >= 3


def test_the_default_example_is_the_lecture():
    from attention_core.example_file import default_example

    example = default_example()
    assert example.words["apple"] == (2.0, 2.0) and example.words["orange"] == (0.0, 3.0)
    assert np.asarray(example.output_map).shape == (4, 2)  # two heads, "kind" and "dish", 2 rows each
    assert [head.name for head in example.heads] == ["kind", "dish"]


EVERY_TABLE = (
    TINY.replace('similarity = "cosine"', 'similarity = "dot"')
    + """
[[sentences]]
text = "An apple and a phone"
focus = "apple"

[maps]
query = [[1.0, 0.0], [0.5, 1.0]]
key = [[1.0, 0.0], [0.0, 1.0]]
value = [[2.0, 0.0], [0.0, 1.0]]
"""
    + HEADS
    + """
[output]
map = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.0], [0.0, 0.5]]

[cross]
encoder = "An apple and a phone"
decoder = "An orange"

[model]
name = "all-MiniLM-L6-v2"
layer = 2
"""
)


def test_the_canonical_form_is_spelled_out_and_hashed_sorted_and_compact():
    """What a worker rebuilds the example from, and what the manifest's hash is of."""
    from attention_core.example_file import example_from_data

    identity = [[1.0, 0.0], [0.0, 1.0]]
    expected = {
        "name": "tiny",
        "title": "A tiny example",
        "similarity": "dot",
        "words": {"apple": [2.0, 2.0], "orange": [0.0, 3.0], "phone": [4.0, 0.0]},
        "sentences": [
            {"text": "An apple and an orange", "focus": "apple"},
            {"text": "An apple and a phone", "focus": "apple"},
        ],
        "maps": {"query": [[1.0, 0.0], [0.5, 1.0]], "key": identity, "value": [[2.0, 0.0], [0.0, 1.0]]},
        "heads": [
            {"name": "one", "query": identity, "key": identity, "value": identity},
            {"name": "two", "query": [[1.0, 0.0], [0.5, 1.0]], "key": [[1.0, 0.0], [0.5, 1.0]], "value": identity},
        ],
        "output": {"map": [[1.0, 0.0], [0.0, 1.0], [0.5, 0.0], [0.0, 0.5]]},
        "cross": {"encoder": "An apple and a phone", "decoder": "An orange"},
        "model": {"name": "all-MiniLM-L6-v2", "layer": 2, "head": "auto"},
    }
    example = parse_example(EVERY_TABLE)
    assert example.canonical() == expected
    assert example.defaults_used == ()
    compact = json.dumps(expected, sort_keys=True, separators=(",", ":"))
    assert example.sha256() == hashlib.sha256(compact.encode("utf-8")).hexdigest()
    again = example_from_data(json.loads(json.dumps(expected)))
    assert again.canonical() == expected and again.model == example.model and again.cross == example.cross
    automatic = parse_example(EVERY_TABLE.replace("layer = 2", ""))
    assert automatic.canonical()["model"] == {"name": "all-MiniLM-L6-v2", "layer": "auto", "head": "auto"}


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("true", "got a boolean True"),
        ("5", "got a number 5"),
        ("2.5", "got a number 2.5"),
        ("[1, 2]", "got a list [1, 2]"),
        ("{ a = 1 }", "got a table {'a': 1}"),
        ("1979-05-27", "got date datetime.date(1979, 5, 27)"),
        (
            "[11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
            "got a list [11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
        ),  # 40: whole
        ("[11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "got a list [11, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1..."),  # 41: cut
    ],
)
def test_a_wrong_value_is_described_by_its_kind_and_shown_short(value, said):
    with pytest.raises(ExampleError) as raised:
        parse_example(TINY.replace('focus = "apple"', f"focus = {value}"))
    assert str(raised.value).endswith(said) and str(raised.value).startswith("sentences[1].focus: ")


def test_a_string_where_numbers_belong_is_described_as_a_string():
    with pytest.raises(ExampleError) as raised:
        parse_example(TINY.replace("apple = [2.0, 2.0]", 'apple = "two"'))
    assert str(raised.value) == "words.apple: must be 2 numbers like [2.0, 1.5], got a string 'two'"


@pytest.mark.parametrize(
    ("cross", "message"),
    [
        ('encoder = "An apple"', "cross.decoder: is missing; add it (see assets/examples/README.md)"),
        ('decoder = "An apple"', "cross.encoder: is missing; add it (see assets/examples/README.md)"),
        ('encoder = "An apple"\ndecoder = 5', "cross.decoder: must be a string, got a number 5"),
        (
            'encoder = "Nothing here"\ndecoder = "An apple"',
            "cross.encoder: has no word with an embedding; use words from [words]",
        ),
        (
            'encoder = "An apple"\ndecoder = "' + " ".join(["apple"] * 9) + '"',
            "cross.decoder: has 9 words with embeddings; at most 8",
        ),
    ],
)
def test_a_bad_cross_table_names_its_field(cross, message):
    with pytest.raises(ExampleError) as raised:
        parse_example(TINY + "\n[cross]\n" + cross + "\n")
    assert str(raised.value) == message


TWO_SENTENCES = TINY + '[[sentences]]\ntext = "An apple phone"\nfocus = "apple"\n'
HEAD_ROWS = "query = [[1.0, 0.0], [0.0, 1.0]]\nkey = [[1.0, 0.0], [0.0, 1.0]]\nvalue = [[1.0, 0.0], [0.0, 1.0]]\n"
ONE_SENTENCE = '[[sentences]]\ntext = "An apple"\nfocus = "apple"\n'
NINE_WORDS = "".join(f"w{i} = [1.0, {i}.0]\n" for i in range(1, 9))

# More mistakes, each with its whole line (reviewed): shapes, limits, the real model's choices
MORE_MISTAKES = [
    (
        'name = "tiny"\ntitle = "T"\nwords = 5\n' + ONE_SENTENCE,
        "words: must be a table of word = [x, y], got a number 5",
    ),
    (
        'name = "tiny"\ntitle = "T"\n[words]\n' + ONE_SENTENCE,
        "words: is empty; give each word an embedding, like apple = [2.0, 2.0]",
    ),
    (TINY + ONE_SENTENCE * 4, "sentences: has 5 sentences; at most 4 fit one clip"),
    (
        'name = "tiny"\ntitle = "T"\nsentences = "An apple"\n[words]\napple = [2.0, 2.0]\n',
        "sentences: must be a list of [[sentences]] tables with text and focus",
    ),
    (TINY + "[model]\n", "model: compares the focus word in two sentences; give at least two [[sentences]]"),
    (
        TINY.replace('similarity = "cosine"', 'similarity = "cosine"\nheads = 5'),
        "heads: must be a list of [[heads]] tables",
    ),
    (TINY.replace('name = "tiny"', "name = 5"), "name: must be a string, got a number 5"),
    (
        TWO_SENTENCES + '[model]\nname = "gpt-9"\n',
        "model.name: a string 'gpt-9' is not a model this tool has; use 'all-MiniLM-L6-v2' (or leave name out)",
    ),
    (TINY.replace('"A tiny example"', '"   "'), "title: is empty; write some text"),
    (
        TINY.replace('"A tiny example"', '"' + "t" * 61 + '"'),
        "title: is 61 characters; at most 60 fit on screen, shorten it",
    ),
    (
        TINY.replace("phone = [4.0, 0.0]", "abcdefghijklmnopq = [4.0, 0.0]"),
        "words.abcdefghijklmnopq: is 17 characters; at most 16 fit as a label",
    ),
    (
        TWO_SENTENCES + "[model]\nlayer = 7\n",
        'model.layer: must be a whole number from 1 to 6, or "auto"; got a number 7',
    ),
    (
        TWO_SENTENCES + "[model]\nlayer = 0\n",
        'model.layer: must be a whole number from 1 to 6, or "auto"; got a number 0',
    ),
    (
        TWO_SENTENCES + "[model]\nlayer = true\n",
        'model.layer: must be a whole number from 1 to 6, or "auto"; got a boolean True',
    ),
    (
        TWO_SENTENCES + '[model]\nhead = "best"\n',
        "model.head: must be a whole number from 1 to 12, or \"auto\"; got a string 'best'",
    ),
    (
        TINY + "[maps]\nquery = [[1.0, 0.0], [0.0, 1.0]]\n",
        "maps.key: is missing; add it (see assets/examples/README.md)",
    ),
    (
        TINY + "[[heads]]\n" + HEAD_ROWS + '[[heads]]\nname = "b"\n' + HEAD_ROWS,
        "heads[1].name: is missing; add it (see assets/examples/README.md)",
    ),
    (TINY + HEADS + "[output]\n", "output.map: is missing; add it (see assets/examples/README.md)"),
    (
        TINY.replace("[words]\n", "[words]\n" + NINE_WORDS).replace(
            '"An apple and an orange"', '"An apple and an orange w1 w2 w3 w4 w5 w6 w7 w8"'
        ),
        "sentences[1].text: has 10 words with embeddings; at most 8 can be drawn pulling at once",
    ),
    (
        TINY.replace('similarity = "cosine"', 'similarity = "cosine"\nmodel = "yes"')
        + '[[sentences]]\ntext = "An apple phone"\nfocus = "apple"\n',
        "model: must be a table, got a string 'yes'",
    ),
    (
        TINY.replace("phone = [4.0, 0.0]", "kumquat = [4.0, 0.0]")
        .replace('"An apple and an orange"', '"A kumquat"')
        .replace('focus = "apple"', 'focus = "kumquat"')
        + '[[sentences]]\ntext = "An apple phone"\nfocus = "apple"\n'
        + "[model]\n",
        "sentences[1].focus: 'kumquat' is 4 word pieces in all-MiniLM-L6-v2 ('ku' + '##m' + '##qua' + '##t'); "
        "choose a focus word the model reads as one piece",
    ),
    (
        TWO_SENTENCES.replace('text = "An apple phone"', 'text = "An apple ' + " ".join(["kumquat"] * 8) + '"')
        + "[model]\n",
        "sentences[2].text: is 36 word pieces in all-MiniLM-L6-v2; at most 32 fit the real-model clip, shorten it",
    ),
]


@pytest.mark.parametrize(
    "text, message",
    MORE_MISTAKES,
    ids=[message.split(":")[0] + f"-{index}" for index, (_, message) in enumerate(MORE_MISTAKES)],
)
def test_more_mistakes_read_as_reviewed(text, message):
    with pytest.raises(ExampleError) as raised:
        parse_example(text)
    assert str(raised.value) == message


def test_the_limits_themselves_are_allowed():
    """At each limit exactly: 16 words in the plane, a 16-letter word, 4 sentences, 8 words
    with embeddings in a sentence, a 60-character title, the last layer and head."""
    fifteen = "".join(f"w{i} = [1.0, {i}.0]\n" for i in range(1, 14))  # 3 + 13 = 16 words
    example = parse_example(
        TINY.replace("[words]\n", "[words]\n" + fifteen)
        .replace("phone = [4.0, 0.0]", "abcdefghijklmnop = [4.0, 0.0]")
        .replace('"A tiny example"', '"' + "t" * 60 + '"')
        .replace('"An apple and an orange"', '"An apple and an orange w1 w2 w3 w4 w5 w6"')
        + ONE_SENTENCE * 3
    )
    assert len(example.words) == 16 and "abcdefghijklmnop" in example.words
    assert len(example.sentences) == 4 and len(example.title) == 60
    chosen = parse_example(TWO_SENTENCES + "[model]\nlayer = 6\nhead = 12\n").model
    assert (chosen.layer, chosen.head) == (6, 12)


def test_a_file_that_is_missing_or_not_utf8_is_named(tmp_path):
    with pytest.raises(ExampleError) as raised:
        load_example(tmp_path / "nowhere.toml")
    assert str(raised.value) == (
        "file: does not exist; give the path of a .toml example, or the name of a "
        "shipped one (bank-river-vs-money, fruit-vs-tech, it-animal-or-street)"
    )
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(TINY.replace("A tiny example", "Caf\xe9").encode("latin-1"))
    with pytest.raises(ExampleError) as raised:
        load_example(latin1)
    assert str(raised.value) == "file: cannot be read as UTF-8 text (UnicodeDecodeError); save it as a UTF-8 .toml file"
    utf8 = tmp_path / "utf8.toml"
    utf8.write_bytes(TINY.replace("A tiny example", "Caf\xe9").encode("utf-8"))
    assert load_example(utf8).title == "Caf\xe9"


def test_a_folder_a_name_and_a_near_miss_are_each_told_what_to_do(tmp_path):
    (tmp_path / "mine.toml").write_text(TINY, encoding="utf-8")
    with pytest.raises(ExampleError) as raised:
        load_example(tmp_path)
    assert (
        str(raised.value)
        == "file: is a folder, not an example file; give the path of a .toml file (it holds mine.toml)"
    )
    assert load_example("fruit-vs-tech").name == load_example("fruit-vs-tech.toml").name == "fruit-vs-tech"
    with pytest.raises(ExampleError) as raised:
        load_example("fruit-vs-tec")
    assert str(raised.value).startswith("file: does not exist; did you mean 'fruit-vs-tech'? Or give the path")
    done = run_render("--check-example", "bank-river-vs-money")  # a name from --list-examples
    assert done.returncode == 0 and "ok, example 'bank-river-vs-money'" in done.stdout


def test_a_word_beyond_ascii_keeps_its_spelling():
    """ß stays ß (Unicode lower case, not case folding to "ss"); a capital in the sentence still
    finds the word; a bare key with such letters is told to take quotes."""
    text = TINY.replace("orange = [0.0, 3.0]", '"straße" = [0.0, 3.0]').replace(
        "An apple and an orange", "An apple on the Straße"
    )
    example = parse_example(text)
    assert "straße" in example.words
    from attention_core.lessons.catalog import lesson_for

    assert lesson_for("GravityScene", example).sentences[0].tokens == ("apple", "straße")
    with pytest.raises(ExampleError) as raised:
        parse_example(text.replace('"straße" =', "straße ="))
    assert str(raised.value) == (
        "toml: the key 'straße' has letters beyond ASCII, so TOML needs it in quotes: "
        'write "straße" = ... (at line 8, column 5)'
    )
