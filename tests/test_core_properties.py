"""Properties of attention that hold for every input, checked with hypothesis."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from attention_core import MultiHeadAttention, attention, causal_mask, softmax

finite = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)


@st.composite
def qkv(draw, d_k=None):
    """Queries (n, d), keys (m, d), values (m, d_v)."""
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 5))
    d = d_k or draw(st.integers(1, 4))
    d_v = draw(st.integers(1, 4))
    queries = draw(arrays(np.float64, (n, d), elements=finite))
    keys = draw(arrays(np.float64, (m, d), elements=finite))
    values = draw(arrays(np.float64, (m, d_v), elements=finite))
    return queries, keys, values


@given(qkv())
def test_rows_of_weights_sum_to_one(batch):
    result = attention(*batch)
    assert np.allclose(result.weights.sum(axis=1), 1.0)
    assert np.all(result.weights >= 0)


@given(qkv())
def test_output_lies_in_the_convex_hull_of_the_values(batch):
    queries, keys, values = batch
    output = attention(queries, keys, values).output
    # a convex combination lies inside the bounding box of the values ...
    assert np.all(output >= values.min(axis=0) - 1e-9)
    assert np.all(output <= values.max(axis=0) + 1e-9)
    # ... and is exactly the softmax of the scaled scores times the values, written out here
    scores = queries @ keys.T / np.sqrt(queries.shape[1])
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)
    assert np.allclose(output, weights @ values)


@given(qkv(), st.randoms(use_true_random=False))
def test_permuting_keys_and_values_together_leaves_output_unchanged(batch, rng):
    queries, keys, values = batch
    order = list(range(len(keys)))
    rng.shuffle(order)
    before = attention(queries, keys, values).output
    after = attention(queries, keys[order], values[order]).output
    assert np.allclose(before, after)


@given(qkv(), st.randoms(use_true_random=False))
def test_permuting_queries_permutes_the_output(batch, rng):
    queries, keys, values = batch
    order = list(range(len(queries)))
    rng.shuffle(order)
    before = attention(queries, keys, values).output
    after = attention(queries[order], keys, values).output
    assert np.allclose(before[order], after)


@given(st.integers(1, 6), st.integers(1, 3), st.data())
def test_masked_weights_are_zero(n, d, data):
    x = data.draw(arrays(np.float64, (n, d), elements=finite))
    mask = data.draw(arrays(np.bool_, (n, n)))
    mask[np.arange(n), np.arange(n)] = True  # every row keeps at least itself
    weights = attention(x, x, x, mask=mask).weights
    assert np.all(weights[~mask] == 0.0)
    assert np.allclose(weights.sum(axis=1), 1.0)
    causal = attention(x, x, x, mask=causal_mask(n)).weights
    assert np.all(np.triu(causal, k=1) == 0.0)


@given(qkv())
def test_one_head_with_identity_maps_equals_attention(batch):
    queries, keys, _ = batch
    d = keys.shape[1]
    eye = np.eye(d)[None]  # (1, d, d): one head, identity maps
    mha = MultiHeadAttention(eye, eye, eye, np.eye(d))
    assert np.allclose(mha(keys).output, attention(keys, keys, keys).output)
    cross = mha(queries, context=keys)
    assert np.allclose(cross.output, attention(queries, keys, keys).output)


@settings(max_examples=50)
@given(arrays(np.float64, st.integers(2, 6), elements=finite))
def test_temperature_moves_between_argmax_and_uniform(scores):
    cold = softmax(scores, temperature=1e-3)
    hot = softmax(scores, temperature=1e6)
    one_hot = np.zeros_like(scores)
    one_hot[np.argmax(scores)] = 1.0
    gap = np.sort(scores)[-1] - np.sort(scores)[-2]
    if gap > 0.05:  # a clear winner: at T = 1e-3 it takes all but exp(-50) of the weight
        assert np.allclose(cold, one_hot, atol=1e-6)
    assert np.allclose(hot, 1.0 / len(scores), atol=1e-4)
    # colder never spreads the winner's weight: it grows as temperature falls
    temperatures = [10.0, 1.0, 0.1, 0.01]
    winner = [softmax(scores, temperature=t)[np.argmax(scores)] for t in temperatures]
    assert all(a <= b + 1e-12 for a, b in zip(winner, winner[1:]))
