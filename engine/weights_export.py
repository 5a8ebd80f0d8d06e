"""Trained weights in the two formats other tools open: safetensors and a PyTorch ``.pt``.

Both hold the model's ``state_dict`` under the same keys the network's layer names give
(``conv2d_1.weight``), so ``model.load_state_dict(...)`` on the generated script's model works.
The ``.pt`` file is a plain ``dict`` of tensors: ``torch.load(path, weights_only=True)`` opens it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from engine.export_files import atomic_write
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError

if TYPE_CHECKING:
    import torch

WeightsFormat = Literal["safetensors", "pt"]
SUFFIXES: dict[str, WeightsFormat] = {".safetensors": "safetensors", ".pt": "pt", ".pth": "pt"}


def plain_state_dict(model_or_state: Any) -> dict[str, torch.Tensor]:
    """Detached, contiguous CPU copies of the tensors of a module's state_dict (or of a mapping).

    Copies, because safetensors refuses tensors that share memory (tied weights) and a file
    must not depend on the device the model was trained on.
    """
    import torch

    state = model_or_state.state_dict() if hasattr(model_or_state, "state_dict") else model_or_state
    if not isinstance(state, Mapping):
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "There are no weights to export: build or train the network first."
            )
        )
    tensors = {
        str(key): value.detach().to("cpu").contiguous().clone()
        for key, value in state.items()
        if isinstance(value, torch.Tensor)
    }
    if not tensors:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "The network has no weights to export (it has no trainable layers)."
            )
        )
    return tensors


def weights_format(path: str | os.PathLike[str]) -> WeightsFormat:
    """The format a file name asks for: ``.safetensors``, or ``.pt`` / ``.pth``."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' needs the extension .safetensors or .pt to say which format to write.",
            ),
            name=Path(path).name,
        )
    return SUFFIXES[suffix]


def export_weights(
    model_or_state: Any,
    path: str | os.PathLike[str],
    fmt: WeightsFormat | None = None,
    metadata: Mapping[str, str] | None = None,
) -> Path:
    """Write the weights to ``path`` (format from ``fmt`` or else the extension); returns the path.

    ``metadata`` (text only) goes into the safetensors header, e.g. the network as JSON; the
    ``.pt`` format has no place for it and ignores it.
    """
    chosen = fmt or weights_format(path)
    tensors = plain_state_dict(model_or_state)
    if chosen == "safetensors":
        from safetensors.torch import save_file

        header = {"format": "pt", "producer": "NetCanvas", **dict(metadata or {})}
        return atomic_write(path, lambda tmp: save_file(tensors, str(tmp), metadata=header))
    import torch

    # A plain dict (not the OrderedDict with _metadata a state_dict is) keeps the file loadable
    # with weights_only=True in any torch version.
    return atomic_write(path, lambda tmp: torch.save(dict(tensors), tmp))


def load_weights(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """Read a file written by ``export_weights`` (either format) back as a dict of tensors."""
    chosen = weights_format(path)
    try:
        if chosen == "safetensors":
            from safetensors.torch import load_file

            return dict(load_file(str(path)))
        import torch

        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError, ValueError) as error:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Could not read the weights file '{path}' ({error})."),
            path=path,
            error=error,
        ) from None
    if not isinstance(loaded, dict):
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "'{path}' does not hold a dict of tensors."), path=path
        )
    return {str(k): v for k, v in loaded.items()}
