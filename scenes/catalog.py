"""Every clip the project renders, by scene name, in teaching order (the lecture's order)."""

from __future__ import annotations

from scenes.cards import HistoryCard, IntroCard
from scenes.formula import FormulaScene
from scenes.gravity import GravityScene
from scenes.masks import MaskScene
from scenes.multihead import MultiHeadScene
from scenes.parallel import ParallelScene
from scenes.projection import ProjectionScene
from scenes.real_model import RealModelScene
from scenes.scaling import ScalingScene
from scenes.softmax_scene import SoftmaxScene

HEADLINE = ("GravityScene", "ProjectionScene", "MultiHeadScene")  # rendered by default

LECTURE = {  # the whole lecture, in teaching order
    "IntroCard": IntroCard,
    "GravityScene": GravityScene,
    "SoftmaxScene": SoftmaxScene,
    "ProjectionScene": ProjectionScene,
    "FormulaScene": FormulaScene,
    "ScalingScene": ScalingScene,
    "MultiHeadScene": MultiHeadScene,
    "MaskScene": MaskScene,
    "ParallelScene": ParallelScene,
    "HistoryCard": HistoryCard,
}

NEEDS_MODEL = {"RealModelScene": RealModelScene}  # the last chapter, for an example with a [model]

SCENES = {**LECTURE, **NEEDS_MODEL}  # every scene by name, in teaching order


def lecture_scenes(example) -> list[str]:
    """The lecture's chapters for `example`, in order: the real model's last, if it has one."""
    return list(LECTURE) + (list(NEEDS_MODEL) if example.model is not None else [])
