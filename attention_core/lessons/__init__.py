"""Lessons: every number one clip teaches, computed by the core from an example.

A lesson is a frozen dataclass; `to_dict()` gives it as JSON-ready data for the manifest.
A scene draws one lesson and computes nothing of its own.
"""

from .base import Lesson
from .cards import HistoryLesson, IntroLesson, history_lesson, intro_lesson
from .formula import FormulaLesson, formula_lesson
from .gravity import GravityLesson, SentenceReading, gravity_lesson
from .masks import MaskLesson, mask_lesson
from .multihead import HeadReading, MultiHeadLesson, multihead_lesson
from .parallel import ParallelLesson, parallel_lesson
from .projection import ProjectionLesson, projection_lesson
from .reading import focus_reading
from .scaling import ScalingLesson, scaling_lesson
from .softmax_sweep import SoftmaxLesson, softmax_lesson

__all__ = [
    "FormulaLesson",
    "GravityLesson",
    "HistoryLesson",
    "IntroLesson",
    "MaskLesson",
    "ParallelLesson",
    "ScalingLesson",
    "SoftmaxLesson",
    "formula_lesson",
    "history_lesson",
    "intro_lesson",
    "mask_lesson",
    "parallel_lesson",
    "scaling_lesson",
    "softmax_lesson",
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
