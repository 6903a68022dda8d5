"""Linear maps of the plane, as 2x2 matrices in the row-vector convention: p' = p @ W.

    shear(k, "x"):  (x, y) -> (x + k y, y)     W = [[1, 0], [k, 1]]
    shear(k, "y"):  (x, y) -> (x, y + k x)     W = [[1, k], [0, 1]]
    rotation(t):    counter-clockwise by t     W = [[cos t, sin t], [-sin t, cos t]]
    scaling(a, b):  (x, y) -> (a x, b y)       W = [[a, 0], [0, b]]

A map moves the points of the plane; the coordinate axes we draw them on stay where they are.
An x-shear with k > 0 slides points above the x-axis to the right, in proportion to height.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_scalar, choice


def shear(k: float, axis: str = "x") -> np.ndarray:
    """Shear along `axis` ("x" or "y") by factor k: (2, 2)."""
    k = as_scalar(k, "k")
    choice(axis, "axis", ("x", "y"))
    if axis == "x":
        return np.array([[1.0, 0.0], [k, 1.0]])
    return np.array([[1.0, k], [0.0, 1.0]])


def rotation(theta: float) -> np.ndarray:
    """Counter-clockwise rotation by `theta` radians: (2, 2)."""
    theta = as_scalar(theta, "theta")
    cos, sin = np.cos(theta), np.sin(theta)
    return np.array([[cos, sin], [-sin, cos]])


def scaling(sx: float, sy: float) -> np.ndarray:
    """Stretch x by sx and y by sy: (2, 2)."""
    return np.diag([as_scalar(sx, "sx"), as_scalar(sy, "sy")])
