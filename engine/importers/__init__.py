"""Importing models people already have: an ONNX file becomes an editable, trainable graph with
its weights.

Nothing in a file is executed: an ONNX file is a protobuf read field by field. What the layer
library cannot express is refused with one message that lists every such node; nothing is
half-imported.
"""

from __future__ import annotations

from pathlib import Path

from engine.importers.code_import import import_code
from engine.importers.common import ImportResult, ModelImportError
from engine.importers.keras_import import import_keras
from engine.importers.onnx_import import import_onnx

__all__ = [
    "ImportResult",
    "ModelImportError",
    "import_code",
    "import_keras",
    "import_model",
    "import_onnx",
]


def import_model(path: str, data: str | None = None) -> ImportResult:
    """Import the model file at ``path`` (by its extension); ``data`` names the project's
    dataset (a built-in id or a path), else one is chosen from the model's input."""
    from engine.messages import QT_TRANSLATE_NOOP

    suffix = Path(path).suffix.lower()
    if suffix == ".onnx":
        return import_onnx(path, data)
    if suffix in (".h5", ".hdf5", ".keras"):
        return import_keras(path, data)
    if suffix in (".py", ".txt"):
        return import_code(_read_code(Path(path)), Path(path).stem, data)
    raise ModelImportError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "{file} is not a model file NetCanvas can import (it reads .onnx, .h5, .keras and .py files)",
        ),
        file=Path(path).name,
    )


def _read_code(path: Path) -> str:
    from engine.importers.code_import import MAX_CODE_CHARS
    from engine.messages import QT_TRANSLATE_NOOP

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(MAX_CODE_CHARS + 1)
    except OSError as exc:
        raise ModelImportError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read {file}: {reason}"),
            file=path.name,
            reason=exc.strerror or exc,
        ) from None
