"""What every lesson shares: it is read-only all the way down, and converts to plain JSON data."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np


def plain(value):
    """`value` as JSON-ready data: arrays and tuples become lists, dataclasses dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


def read_only(value):
    """`value` with nothing left to edit in place: arrays copied and locked, lists made tuples,
    dicts made read-only views (lessons in lessons are locked when they are made)."""
    if isinstance(value, np.ndarray):
        locked = np.array(value)
        locked.setflags(write=False)
        return locked
    if isinstance(value, (list, tuple)):
        return tuple(read_only(item) for item in value)
    if isinstance(value, Mapping):
        return MappingProxyType({key: read_only(item) for key, item in value.items()})
    return value


class Lesson:
    """Mixin for lesson dataclasses (frozen): after __init__, every field is read-only, deeply,
    so a scene cannot change a number it was given."""

    def __post_init__(self):
        for field in dataclasses.fields(self):
            object.__setattr__(self, field.name, read_only(getattr(self, field.name)))

    def to_dict(self) -> dict:
        return plain(self)
