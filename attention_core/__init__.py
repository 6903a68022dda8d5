"""attention_core: the numbers behind every clip, in numpy alone (never manim).

Row-vector convention: a sequence is an (n, d) array, one token per row; a linear map W
acts as X @ W. Bad input raises ValueError with a one-line message naming the argument.
"""

from .attention import AttentionResult, attention, causal_mask
from .linear_maps import rotation, scaling, shear
from .multihead import MultiHeadAttention, MultiHeadResult
from .recurrence import recurrent_states
from .similarity import SIMILARITY_KINDS, similarity
from .softmax import softmax

__all__ = [
    "AttentionResult",
    "MultiHeadAttention",
    "MultiHeadResult",
    "SIMILARITY_KINDS",
    "attention",
    "causal_mask",
    "recurrent_states",
    "rotation",
    "scaling",
    "shear",
    "similarity",
    "softmax",
]
