"""The layer library (no torch at module level): specs, categories, shape rules."""

from __future__ import annotations

from engine.layers.catalog import CATEGORIES, CATEGORY_COLOURS, FALLBACK_COLOUR, LAYERS
from engine.layers.spec import (
    FixAction,
    FixSpec,
    LayerSpec,
    ModuleSpec,
    ParamSpec,
    RuleResult,
    ShapeProblem,
    TensorType,
    fmt_shape,
)
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import GraphError

__all__ = [
    "CATEGORIES",
    "CATEGORY_COLOURS",
    "FALLBACK_COLOUR",
    "LAYERS",
    "FixAction",
    "FixSpec",
    "LayerSpec",
    "ModuleSpec",
    "ParamSpec",
    "RuleResult",
    "ShapeProblem",
    "TensorType",
    "fmt_shape",
    "layer_spec",
]


def layer_spec(type: str) -> LayerSpec:
    """The spec of a layer type; GraphError with the known types if there is none."""
    try:
        return LAYERS[type]
    except KeyError:
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "Unknown layer type '{type}'"), type=type
        ) from None
