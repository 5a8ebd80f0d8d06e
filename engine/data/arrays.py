"""NumPy .npz and .npy files (``allow_pickle=False``): x/y or named arrays, images or tables."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import (
    MAX_ARRAY_BYTES,
    check_expansion,
    check_memory,
    file_size,
    index_labels,
)
from engine.data.dataset import Kind, Parts
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError, Task

_X_KEYS = ("x", "data", "images", "imgs", "features", "inputs", "arr_0")
_Y_KEYS = ("y", "labels", "label", "targets", "target", "arr_1")


def _check_header(handle: Any, available: int, name: str) -> None:
    """Refuse an array whose header claims more data than the file holds, before loading it."""
    try:
        version = np.lib.format.read_magic(handle)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(handle)
        else:
            shape, _, dtype = np.lib.format.read_array_header_2_0(handle)
    except (ValueError, OSError, EOFError, SyntaxError) as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is not a valid NumPy array file ({error})."),
            name=name,
            error=error,
        ) from None
    if dtype.hasobject:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' holds Python objects, which NetCanvas refuses to load for safety.",
            ),
            name=name,
        )
    count = int(np.prod(shape, dtype=object))
    if count * dtype.itemsize > min(available, MAX_ARRAY_BYTES):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' claims an array of shape {shape} but the file is too short."
            ),
            name=name,
            shape=shape,
        )


def read_arrays(path: Path) -> dict[str, NDArray[Any]]:
    """Every array in a .npy (as 'x') or .npz file; DataError for anything else."""
    name = path.name
    try:
        if path.suffix.lower() == ".npy":
            with path.open("rb") as handle:
                _check_header(handle, file_size(path), name)
            check_memory(file_size(path), name)
            return {"x": np.load(path, allow_pickle=False)}
        with zipfile.ZipFile(path) as archive:
            # The sizes the archive declares bound what reading inflates (zipfile stops there).
            declared = sum(info.file_size for info in archive.infolist())
            check_expansion(declared, file_size(path), name)
            for info in archive.infolist():
                with archive.open(info) as handle:
                    _check_header(handle, info.file_size, f"{name}:{info.filename}")
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except DataError:
        raise
    except zipfile.BadZipFile:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is not a valid .npz file (not a zip archive)."),
            name=name,
        ) from None
    except (ValueError, OSError, EOFError, zipfile.LargeZipFile) as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' could not be read as NumPy data ({error})."),
            name=name,
            error=error,
        ) from None
    except MemoryError:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Not enough memory to load '{name}'."), name=name
        ) from None


def _pick(
    arrays: dict[str, NDArray[Any]], keys: tuple[str, ...], suffix: str = ""
) -> NDArray[Any] | None:
    lower = {k.lower(): v for k, v in arrays.items()}
    for key in keys:
        found = lower.get(key + suffix)
        if found is not None:
            return found
    return None


def _sibling_labels(path: Path) -> dict[str, NDArray[Any]]:
    """KMNIST style: 'kmnist-train-imgs.npz' pairs with 'kmnist-train-labels.npz'."""
    pattern = re.compile(r"(imgs|images|x)(?=[-_.])", re.IGNORECASE)
    other = path.with_name(pattern.sub("labels", path.name, count=1))
    if other != path and other.is_file():
        return read_arrays(other)
    return {}


def array_parts(path: Path) -> tuple[Parts, Kind, Task, list[str], list[str]]:
    """(parts, kind, task, class names, notes) from a .npz/.npy file."""
    arrays = read_arrays(path)
    notes: list[str] = []
    x = _pick(arrays, _X_KEYS) if _pick(arrays, _X_KEYS, "_train") is None else None
    test = None
    if x is None and _pick(arrays, _X_KEYS, "_train") is not None:  # Keras style x_train, …
        x, y = _pick(arrays, _X_KEYS, "_train"), _pick(arrays, _Y_KEYS, "_train")
        tx, ty = _pick(arrays, _X_KEYS, "_test"), _pick(arrays, _Y_KEYS, "_test")
        test = (tx, ty) if tx is not None and ty is not None else None
    else:
        y = _pick(arrays, _Y_KEYS)
        if y is None:
            y = _pick(_sibling_labels(path), _X_KEYS + _Y_KEYS)
    if x is None:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{file}' has no input array (named x, data or images). It has: {arrays}."
            ),
            file=path.name,
            arrays=", ".join(arrays),
        )
    if y is None and x.ndim == 2 and x.shape[1] >= 2:
        x, y = x[:, :-1], x[:, -1]
        notes.append(
            Message(
                QT_TRANSLATE_NOOP("Engine", "No label array: used the last column as the target.")
            )
        )
    if y is None:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{file}' has inputs but no labels (an array named y or labels)."
            ),
            file=path.name,
        )
    pairs = [(x, y)] + ([test] if test else [])
    kind: Kind = "image" if x.ndim in (3, 4) else "table"
    converted = [
        (_to_images(a, path.name, notes) if kind == "image" else _to_table(a, path.name), b)
        for a, b in pairs
    ]
    for inputs, targets in converted:
        if len(inputs) != len(targets):
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "'{file}' has {inputs} inputs but {labels} labels."),
                file=path.name,
                inputs=len(inputs),
                labels=len(targets),
            )
        if len(inputs) == 0:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "'{file}' holds no samples."), file=path.name
            )
    ys = [np.asarray(b) for _, b in converted]
    task: Task
    y_out: list[NDArray[Any]]
    if ys[0].dtype.kind == "f" and not all(np.all(np.mod(v, 1) == 0) for v in ys):
        task = "regression"
        y_out = [v.reshape(len(v), -1).astype(np.float32) for v in ys]
        class_names: list[str] = []
    elif ys[0].dtype.kind in "iufbU":
        task = "classification"
        y_out, class_names = index_labels([v.reshape(-1) for v in ys])
    else:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{file}': labels of type {dtype} are not supported."),
            file=path.name,
            dtype=ys[0].dtype,
        )
    parts = Parts(converted[0][0], y_out[0], test=(converted[1][0], y_out[1]) if test else None)
    return parts, kind, task, class_names, notes


def _to_images(x: NDArray[Any], name: str, notes: list[str]) -> NDArray[np.uint8]:
    if x.ndim == 3:
        x = x[:, None]
    elif x.shape[-1] in (1, 3, 4) and x.shape[1] not in (1, 3, 4):  # N×H×W×C -> N×C×H×W
        x = x.transpose(0, 3, 1, 2)
    if x.shape[1] == 4:
        x = x[:, :3]
    if x.dtype == np.uint8:
        return np.ascontiguousarray(x)
    if x.dtype.kind not in "iuf":
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}': images of type {dtype} are not supported."),
            name=name,
            dtype=x.dtype,
        )
    x = x.astype(np.float32)
    if not np.isfinite(x).all():
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}': the images contain NaN or infinite values."),
            name=name,
        )
    lo, hi = float(x.min()), float(x.max())
    if lo >= 0 and hi <= 1:
        notes.append(
            Message(QT_TRANSLATE_NOOP("Engine", "Images in [0, 1] stored as bytes (×255)."))
        )
        x = x * 255
    elif lo < 0 or hi > 255:
        notes.append(
            Message(
                QT_TRANSLATE_NOOP("Engine", "Image values {lo:g}..{hi:g} rescaled to 0..255."),
                lo=lo,
                hi=hi,
            )
        )
        x = (x - lo) * (255 / max(hi - lo, 1e-12))
    return np.ascontiguousarray(np.clip(np.rint(x), 0, 255).astype(np.uint8))


def _to_table(x: NDArray[Any], name: str) -> NDArray[np.float32]:
    if x.dtype.kind not in "iufb":
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}': inputs of type {dtype} are not numbers."),
            name=name,
            dtype=x.dtype,
        )
    out = x.reshape(len(x), -1).astype(np.float32)
    if not np.isfinite(out).all():
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}': the inputs contain NaN or infinite values."),
            name=name,
        )
    return out
