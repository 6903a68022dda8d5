"""Input checks shared by the core: turn array-likes into float64 arrays or fail clearly.

Every public function of the core calls these, so that a bad argument always ends in one
`ValueError` whose message names the argument and, where it matters, the shapes.
"""

from __future__ import annotations

import numpy as np


def as_array(value, name: str, ndim: int | None = None) -> np.ndarray:
    """Return `value` as a finite float64 array with `ndim` dimensions (any if None)."""
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric: {error}") from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimensions, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    return array


def as_matrix(value, name: str) -> np.ndarray:
    """A finite float64 array of shape (rows, cols) with at least one row and column."""
    matrix = as_array(value, name, ndim=2)
    if 0 in matrix.shape:
        raise ValueError(f"{name} must not be empty, got shape {matrix.shape}")
    return matrix


def as_scalar(value, name: str) -> float:
    """A finite Python float."""
    return float(as_array(value, name, ndim=0))


def choice(value: str, name: str, options: tuple[str, ...]) -> str:
    """`value` if it is one of `options`, else a ValueError listing them."""
    if value not in options:
        listed = ", ".join(repr(option) for option in options)
        raise ValueError(f"{name} must be one of {listed}, got {value!r}")
    return value


def frozen(array: np.ndarray) -> np.ndarray:
    """A read-only copy, so that results handed out cannot be edited in place."""
    copy = np.array(array, dtype=np.float64)
    copy.setflags(write=False)
    return copy
