"""Sentences without spaces: a Chinese or Japanese sentence lists its tokens in the file
(`tokens = ["我", "买了", "苹果"]`), checked against its text and matched against [words];
and a letter keeps its combining marks, so a Devanagari word is one token."""

import json

import pytest
from example_texts import CHINESE
from manim import tempconfig

from attention_core.example_file import ExampleError, example_from_data, parse_example
from attention_core.lessons import gravity_lesson
from attention_core.lessons.cards import intro_lesson
from attention_core.lessons.masks import mask_lesson
from attention_core.tokens import split_tokens, token_spans
from scenes import style, typeset


def test_the_listed_tokens_are_the_sentences_tokens():
    example = parse_example(CHINESE)
    assert example.sentences[0].tokens == ("我", "吃了", "苹果", "和", "橙子")
    first, second = gravity_lesson(example).sentences
    assert first.sentence_tokens == ("我", "吃了", "苹果", "和", "橙子")
    assert first.takes_part == (False, False, True, False, True)
    assert first.tokens == ("苹果", "橙子") and first.focus_index == 0
    assert second.tokens == ("苹果", "手机")
    assert [s.text for s in intro_lesson(example).sentences] == ["我吃了苹果和橙子。", "我买了苹果手机。"]
    mask = mask_lesson(example)  # the sentence with the most embedded tokens; no [cross]: sentences 1 and 2
    assert mask.tokens == ("苹果", "橙子")
    assert (mask.encoder_tokens, mask.decoder_tokens) == (("苹果", "橙子"), ("苹果", "手机"))


def test_the_canonical_form_keeps_listed_tokens_and_only_those():
    example = parse_example(CHINESE)
    sentences = example.canonical()["sentences"]
    assert sentences[0] == {
        "text": "我吃了苹果和橙子。",
        "focus": "苹果",
        "tokens": ["我", "吃了", "苹果", "和", "橙子"],
    }
    again = example_from_data(json.loads(json.dumps(example.canonical())))
    assert again.sha256() == example.sha256() and again.sentences == example.sentences
    english = '[words]\napple = [2.0, 2.0]\n[[sentences]]\ntext = "An apple, red"\nfocus = "apple"\n'
    plain = parse_example('name = "x"\ntitle = "X"\n' + english)
    listed = parse_example(
        'name = "x"\ntitle = "X"\n' + english.replace("\nfocus", '\ntokens = ["An", "apple", "red"]\nfocus')
    )
    assert plain.sha256() == listed.sha256()  # the tokens splitting finds: the same example
    assert "tokens" not in plain.canonical()["sentences"][0]


def test_cross_passages_list_their_tokens_too():
    cross = '[cross]\nencoder = "苹果和橙子"\nencoder_tokens = ["苹果", "和", "橙子"]\ndecoder = "我的手机"\n'
    cross += 'decoder_tokens = ["我的", "手机"]\n'
    example = parse_example(CHINESE + cross)
    lesson = mask_lesson(example)
    assert (lesson.encoder_tokens, lesson.decoder_tokens) == (("苹果", "橙子"), ("手机",))
    assert lesson.encoder_sentence == "苹果和橙子"
    assert example.canonical()["cross"] == {
        "encoder": "苹果和橙子",
        "decoder": "我的手机",
        "encoder_tokens": ["苹果", "和", "橙子"],
        "decoder_tokens": ["我的", "手机"],
    }
    assert example_from_data(json.loads(json.dumps(example.canonical()))).sha256() == example.sha256()


FIRST_TOKENS = 'tokens = ["我", "吃了", "苹果", "和", "橙子"]'


@pytest.mark.parametrize(
    ("tokens", "message"),
    [
        (
            'tokens = ["我", "苹果", "吃了", "和", "橙子"]',
            "sentences[1].tokens: '吃了' is listed after '苹果' but written before it; "
            "list the tokens in the order written",
        ),
        (
            'tokens = ["我", "吃了", "苹果", "和", "橘子"]',
            "sentences[1].tokens: '橘子' is not in the text after '我吃了苹果和'; "
            "list the sentence's tokens in order, as written",
        ),
        (
            'tokens = ["我", "苹果", "和", "橙子"]',
            "sentences[1].tokens: the text's '吃了' is in no token; list every token of the sentence, in order",
        ),
        (
            'tokens = ["我", "吃了", "苹果", "和"]',
            "sentences[1].tokens: the text's '橙子' is in no token; list every token of the sentence, in order",
        ),
        (
            'tokens = ["我", "吃了", "苹果", "和", "橙子。"]',
            "sentences[1].tokens: '橙子。' is not one token; a token is letters and digits only, "
            "no spaces or punctuation",
        ),
        ("tokens = []", "sentences[1].tokens: is empty; list the sentence's tokens in order, as written"),
        (
            'tokens = "我 吃了"',
            'sentences[1].tokens: must be a list of strings like ["我", "买了", "苹果"], got a string \'我 吃了\'',
        ),
        (
            'tokens = ["我", "吃了", "苹", "果", "和", "橙子"]',
            "sentences[1].focus: '苹果' is not a word of the sentence '我吃了苹果和橙子。'; choose one of its words",
        ),
    ],
)
def test_wrong_tokens_are_one_line_naming_the_field(tokens, message):
    with pytest.raises(ExampleError) as raised:
        parse_example(CHINESE.replace(FIRST_TOKENS, tokens))
    assert str(raised.value) == message


def test_a_spaceless_sentence_without_tokens_is_told_to_list_them():
    with pytest.raises(ExampleError) as raised:
        parse_example(CHINESE.replace(FIRST_TOKENS + "\n", ""))
    assert str(raised.value) == (
        "sentences[1].focus: '苹果' is not a word of the sentence '我吃了苹果和橙子。'; "
        'a sentence without spaces lists its tokens: tokens = ["我", "吃", "了", ...]'
    )


def test_a_word_inside_a_longer_english_one_is_not_told_to_list_tokens():
    english = 'name = "x"\ntitle = "X"\n[words]\napple = [2.0, 2.0]\n[[sentences]]\ntext = "Pineapples!"\n'
    with pytest.raises(ExampleError) as raised:
        parse_example(english + 'focus = "apple"\n')
    assert str(raised.value) == (
        "sentences[1].focus: 'apple' is not a word of the sentence 'Pineapples!'; choose one of its words"
    )


def test_a_letter_keeps_its_marks():
    assert split_tokens("मैंने सेब खाया।") == ["मैंने", "सेब", "खाया"]
    assert split_tokens("সে আপেল খেল") == ["সে", "আপেল", "খেল"]
    assert split_tokens("กินแอปเปิ้ล") == ["กินแอปเปิ้ล"]  # Thai writes no spaces: it lists its tokens
    assert split_tokens("مَدْرَسَة كبيرة") == ["مَدْرَسَة", "كبيرة"]
    assert split_tokens("cafe\u0301 au lait, s'il_vous") == ["cafe\u0301", "au", "lait", "s", "il", "vous"]
    assert token_spans("我吃了苹果和橙子。", ["我", "吃了", "苹果", "和", "橙子"]) == [
        (0, 1),
        (1, 3),
        (3, 5),
        (5, 6),
        (6, 8),
    ]


def test_a_spaceless_sentence_wraps_between_its_tokens_and_keeps_its_closing_mark():
    text, tokens = "我吃了苹果和橙子，我买了手机。", ["我", "吃了", "苹果", "和", "橙子", "我", "买了", "手机"]
    spans = token_spans(text, tokens)
    with tempconfig({"dry_run": True}):
        width = typeset.text_width("我吃了苹果", style.BODY_SIZE) / typeset.MEASURE_SLACK * 1.01
        lines = [text[start:end] for start, end in typeset.sentence_line_ranges(text, spans, width)]
    assert lines == ["我吃了苹果", "和橙子，我", "买了手机。"]
    spaced = "Please buy an apple and an orange"
    with tempconfig({"dry_run": True}):
        width = typeset.text_width("Please buy an apple", style.BODY_SIZE) / typeset.MEASURE_SLACK * 1.01
        ranges = typeset.sentence_line_ranges(spaced, token_spans(spaced), width)
        assert [spaced[a:b] for a, b in ranges] == typeset.wrap_lines(spaced, width)
    assert [spaced[a:b] for a, b in ranges] == ["Please buy an apple", "and an orange"]
