"""Every clip the project renders, by scene name, in teaching order (the lecture's order):
the Manim class that draws each lesson of attention_core.lessons.catalog."""

from __future__ import annotations

from attention_core.lessons.catalog import HEADLINE, LESSONS, lecture_scenes
from scenes.cards import HistoryCard, IntroCard
from scenes.formula import FormulaScene
from scenes.gravity import GravityScene
from scenes.masks import MaskScene
from scenes.multihead import MultiHeadScene
from scenes.parallel import ParallelScene
from scenes.projection import ProjectionScene
from scenes.real_model import RealModelScene
from scenes.recap import RecapCard
from scenes.scaling import ScalingScene
from scenes.softmax_scene import SoftmaxScene

SCENES = {
    scene.__name__: scene
    for scene in (  # every scene by name, in teaching order
        IntroCard,
        GravityScene,
        SoftmaxScene,
        ProjectionScene,
        FormulaScene,
        ScalingScene,
        MultiHeadScene,
        MaskScene,
        ParallelScene,
        HistoryCard,
        RealModelScene,
        RecapCard,
    )
}

if list(SCENES) != list(LESSONS) or any(SCENES[name].build_lesson is not LESSONS[name] for name in LESSONS):
    raise ImportError(
        "scenes/catalog.py and attention_core/lessons/catalog.py must name the same clips, "
        "in the same order, with the same lessons"
    )

__all__ = ["HEADLINE", "SCENES", "lecture_scenes"]
