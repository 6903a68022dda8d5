"""all-MiniLM-L6-v2 run by attention_core agrees with transformers' BertModel (eager attention).

The reference numbers (tests/fixtures/minilm_reference.npz) were made by
tools/minilm_reference.py with torch and transformers, by hand; neither is installed here.
"""

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from attention_core import MultiHeadAttention
from attention_core.pretrained import load_model, load_tokenizer, model_folder, word_pieces

FIXTURE = np.load(Path(__file__).parent / "fixtures" / "minilm_reference.npz")
SENTENCES = [str(sentence) for sentence in FIXTURE["sentences"]]


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_attention_and_hidden_states_match_transformers(model, index):
    run = model.run(SENTENCES[index])
    assert list(run.tokens) == [str(piece) for piece in FIXTURE[f"tokens_{index}"]]
    reference = FIXTURE[f"attentions_{index}"]  # (6, 12, n, n)
    assert run.attentions.shape == reference.shape == (6, 12, len(run.tokens), len(run.tokens))
    assert np.abs(run.attentions - reference).max() < 1e-5
    hidden = FIXTURE[f"hidden_states_{index}"]  # (7, n, 384)
    assert run.hidden_states.shape == hidden.shape
    assert np.abs(run.hidden_states - hidden).max() < 1e-4  # float32 reference, values up to ~10
    assert np.allclose(run.attentions.sum(axis=-1), 1.0)


def test_the_fixture_says_what_made_it():
    versions = json.loads(str(FIXTURE["versions"]))
    assert versions["transformers"] and versions["torch"]
    assert SENTENCES[0] == "Apple unveiled the new phone"


def test_the_public_api(model):
    run = model.run("Apple unveiled the new phone")
    assert run.tokens == ("[CLS]", "apple", "unveiled", "the", "new", "phone", "[SEP]")
    assert run.offsets[1] == (0, 5) and run.offsets[0] == (0, 0)
    with pytest.raises(ValueError):
        run.attentions[0, 0, 0, 0] = 1.0  # read-only
    assert (model.num_layers, model.num_heads, model.d_model, model.max_positions) == (6, 12, 384, 512)
    assert model.word_embeddings.shape == (30522, 384) and model.position_embeddings.shape == (512, 384)
    for table in (model.word_embeddings, model.position_embeddings, model.layers[0].attention.w_q):
        with pytest.raises(ValueError):
            table[0, 0] = 1.0  # the weights are locked too
    assert load_model() is model  # loaded once per process


def test_long_sentences_are_neither_padded_nor_cut(model):
    tokenizer = load_tokenizer()
    short = tokenizer.encode("an apple")
    assert short.tokens == ["[CLS]", "an", "apple", "[SEP]"]  # the shipped file would pad to 128
    long_text = " ".join(["orange"] * 200)
    assert len(tokenizer.encode(long_text).tokens) == 202  # and would cut at 128
    with pytest.raises(ValueError, match="at most 512"):
        model.run(" ".join(["orange"] * 600))


def test_word_pieces_map_our_words_to_the_models_pieces():
    pieces = word_pieces(load_tokenizer(), "Buy a kumquat, or an apple!")
    assert pieces[2] == ("kumquat", ("ku", "##m", "##qua", "##t"), (3, 4, 5, 6))
    assert pieces[-1] == ("apple", ("apple",), (10,))


def test_the_weights_hash_is_the_files(model):
    expected = hashlib.sha256((model_folder() / "model.safetensors").read_bytes()).hexdigest()
    assert model.weights_sha256 == expected


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="unknown model 'gpt-2'"):
        model_folder("gpt-2")


def test_multi_head_biases_are_added_per_head():
    rng = np.random.default_rng(7)
    h, d, k = 2, 4, 3
    w_q, w_k, w_v = (rng.normal(size=(h, d, k)) for _ in range(3))
    w_o = rng.normal(size=(h * k, d))
    b_q, b_k, b_v = (rng.normal(size=(h, k)) for _ in range(3))
    b_o = rng.normal(size=d)
    x = rng.normal(size=(5, d))
    result = MultiHeadAttention(w_q, w_k, w_v, w_o, biases={"b_q": b_q, "b_k": b_k, "b_v": b_v, "b_o": b_o})(x)
    outputs = []
    for i in range(h):  # written out here, head by head
        q, key, v = x @ w_q[i] + b_q[i], x @ w_k[i] + b_k[i], x @ w_v[i] + b_v[i]
        scores = q @ key.T / np.sqrt(k)
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        assert np.allclose(result.heads[i].weights, weights)
        outputs.append(weights @ v)
    assert np.allclose(result.output, np.hstack(outputs) @ w_o + b_o)
    with pytest.raises(ValueError, match="b_k must have shape"):
        MultiHeadAttention(w_q, w_k, w_v, w_o, biases={"b_k": np.zeros((h + 1, k))})
    with pytest.raises(ValueError, match="unknown names"):
        MultiHeadAttention(w_q, w_k, w_v, w_o, biases={"b_x": np.zeros(k)})
