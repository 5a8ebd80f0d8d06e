"""Checkpoints without pickle: tensors in safetensors files, everything else in JSON.

A checkpoint ``NAME`` in a folder is three files: ``NAME.safetensors`` (model weights),
``NAME.state.safetensors`` (optimiser tensors and RNG states) and ``NAME.json`` (epoch, history,
optimiser hyper-parameters, ...). The JSON is written last, so a checkpoint whose JSON exists is
complete. Loading never unpickles anything.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError

if TYPE_CHECKING:
    import torch

FORMAT_VERSION = 1


@dataclass
class Checkpoint:
    weights: dict[str, torch.Tensor]
    meta: dict[str, Any]
    optimizer_state: dict[str, Any] | None = None
    extra_tensors: dict[str, torch.Tensor] = field(default_factory=dict)  # e.g. RNG states


def _atomic_write(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # must not hide why the write failed
            Path(tmp).unlink(missing_ok=True)
        raise


def _json_safe(value: Any) -> Any:
    """Plain JSON: tuples become lists, non-finite floats become None."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def save_tensors(path: Path, tensors: dict[str, torch.Tensor], metadata: dict[str, str]) -> None:
    from safetensors.torch import save_file

    plain = {k: v.detach().cpu().contiguous() for k, v in tensors.items()}
    _atomic_write(path, lambda tmp: save_file(plain, tmp, metadata=metadata))


def split_optimizer_state(
    state: dict[str, Any],
) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """An optimiser state_dict as (tensors keyed 'opt.<param>.<key>', JSON-able rest)."""
    import torch

    tensors: dict[str, torch.Tensor] = {}
    scalars: dict[str, dict[str, Any]] = {}
    for pid, entries in state["state"].items():
        for key, value in entries.items():
            if isinstance(value, torch.Tensor):
                tensors[f"opt.{pid}.{key}"] = value
            else:
                scalars.setdefault(str(pid), {})[key] = value
    return tensors, {"scalars": scalars, "param_groups": _json_safe(state["param_groups"])}


def join_optimizer_state(tensors: dict[str, torch.Tensor], rest: dict[str, Any]) -> dict[str, Any]:
    state: dict[int, dict[str, Any]] = {}
    for name, value in tensors.items():
        if name.startswith("opt."):
            _, pid, key = name.split(".", 2)
            state.setdefault(int(pid), {})[key] = value
    for pid, entries in rest.get("scalars", {}).items():
        state.setdefault(int(pid), {}).update(entries)
    return {"state": state, "param_groups": rest.get("param_groups", [])}


def save_checkpoint(directory: str | Path, name: str, checkpoint: Checkpoint) -> Path:
    """Write ``checkpoint`` as ``directory/name.*``; returns the JSON path."""
    folder = Path(directory)
    meta = dict(checkpoint.meta)
    state_tensors = dict(checkpoint.extra_tensors)
    if checkpoint.optimizer_state is not None:
        opt_tensors, opt_rest = split_optimizer_state(checkpoint.optimizer_state)
        state_tensors.update(opt_tensors)
        meta["optimizer"] = opt_rest
    meta["format_version"] = FORMAT_VERSION
    try:
        save_tensors(folder / f"{name}.safetensors", checkpoint.weights, {"netcanvas": "weights"})
        save_tensors(folder / f"{name}.state.safetensors", state_tensors, {"netcanvas": "state"})
        text = json.dumps(_json_safe(meta), indent=1)
        _atomic_write(folder / f"{name}.json", lambda tmp: Path(tmp).write_text(text, "utf-8"))
    except OSError as exc:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "Could not write checkpoint '{name}' in {folder}: {reason}. Check that the folder exists and is writable.",
            ),
            name=name,
            folder=folder,
            reason=exc.strerror or exc,
        ) from exc
    return folder / f"{name}.json"


def load_checkpoint(directory: str | Path, name: str = "last") -> Checkpoint:
    """Read a checkpoint written by :func:`save_checkpoint` (no pickle involved)."""
    from safetensors.torch import load_file

    folder = Path(directory)
    meta_path = folder / f"{name}.json"
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        weights = load_file(str(folder / f"{name}.safetensors"))
        state_tensors = load_file(str(folder / f"{name}.state.safetensors"))
    except (OSError, ValueError) as exc:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "Checkpoint '{name}' in {folder} is missing or unreadable ({error}). Train again to write a new one.",
            ),
            name=name,
            folder=folder,
            error=exc,
        ) from exc
    opt_rest = meta.pop("optimizer", None)
    optimizer_state = join_optimizer_state(state_tensors, opt_rest) if opt_rest else None
    extra = {k: v for k, v in state_tensors.items() if not k.startswith("opt.")}
    return Checkpoint(
        weights=weights, meta=meta, optimizer_state=optimizer_state, extra_tensors=extra
    )
