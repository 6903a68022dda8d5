"""Every clip the project renders, by scene name, in teaching order (the lecture's order)."""

from __future__ import annotations

from scenes.cards import HistoryCard, IntroCard
from scenes.formula import FormulaScene
from scenes.gravity import GravityScene
from scenes.masks import MaskScene
from scenes.multihead import MultiHeadScene
from scenes.parallel import ParallelScene
from scenes.projection import ProjectionScene
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

SCENES = LECTURE  # every scene by name
