"""Lessons: every number one clip teaches, computed by the core from an example.

A lesson is a frozen dataclass; `to_dict()` gives it as JSON-ready data for the manifest.
A scene draws one lesson and computes nothing of its own.
"""

from .base import Lesson
from .gravity import GravityLesson, SentenceReading, gravity_lesson
from .multihead import HeadReading, MultiHeadLesson, multihead_lesson
from .projection import ProjectionLesson, projection_lesson
from .reading import focus_reading

__all__ = [
    "GravityLesson",
    "HeadReading",
    "Lesson",
    "MultiHeadLesson",
    "ProjectionLesson",
    "SentenceReading",
    "focus_reading",
    "gravity_lesson",
    "multihead_lesson",
    "projection_lesson",
]
