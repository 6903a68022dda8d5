"""Every clip the project renders, by scene name, in teaching order."""

from __future__ import annotations

from scenes.gravity import GravityScene
from scenes.multihead import MultiHeadScene
from scenes.projection import ProjectionScene

SCENES = {
    "GravityScene": GravityScene,
    "ProjectionScene": ProjectionScene,
    "MultiHeadScene": MultiHeadScene,
}
