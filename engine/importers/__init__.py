"""Importing models people already have: an ONNX file becomes an editable, trainable graph with
its weights.

Nothing in a file is executed: an ONNX file is a protobuf read field by field. What the layer
library cannot express is refused with one message that lists every such node; nothing is
half-imported.
"""

from __future__ import annotations

from engine.importers.common import ImportResult, ModelImportError
from engine.importers.keras_import import import_keras
from engine.importers.onnx_import import import_onnx

__all__ = ["ImportResult", "ModelImportError", "import_keras", "import_model", "import_onnx"]


def import_model(path: str, data: str | None = None) -> ImportResult:
    """Import the model file at ``path`` (by its extension); ``data`` names the project's
    dataset (a built-in id or a path), else one is chosen from the model's input."""
    from pathlib import Path

    from engine.messages import QT_TRANSLATE_NOOP

    suffix = Path(path).suffix.lower()
    if suffix == ".onnx":
        return import_onnx(path, data)
    if suffix in (".h5", ".hdf5", ".keras"):
        return import_keras(path, data)
    raise ModelImportError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "{file} is not a model file NetCanvas can import (it reads .onnx, .h5 and .keras files)",
        ),
        file=Path(path).name,
    )
