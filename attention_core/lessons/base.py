"""What every lesson shares: conversion to plain JSON data."""

from __future__ import annotations

import dataclasses

import numpy as np


def plain(value):
    """`value` as JSON-ready data: arrays and tuples become lists, dataclasses dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


class Lesson:
    """Mixin for lesson dataclasses."""

    def to_dict(self) -> dict:
        return plain(self)
