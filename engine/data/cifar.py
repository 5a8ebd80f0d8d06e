"""CIFAR-10 and CIFAR-100 "python version" batches: a folder, one batch file or the .tar.gz.

The batches are pickles, and unpickling runs whatever code a pickle names. They are read with
an unpickler that admits only the few numpy constructors an array needs (and refuses object
arrays), so a file carrying a payload is refused before anything runs.
"""

from __future__ import annotations

import codecs
import io
import pickle
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import MAX_ARRAY_BYTES, Progress, file_size, index_labels, read_bytes
from engine.data.dataset import Parts
from engine.types import DataError

CIFAR10_TRAIN = [f"data_batch_{i}" for i in range(1, 6)]
CIFAR_FILES = {*CIFAR10_TRAIN, "test_batch", "batches.meta", "train", "test", "meta"}

_RECONSTRUCT = np.ndarray.__reduce__(np.zeros(1))[0]  # numpy's array reconstructor, any version
_SCALAR = np.float64(0).__reduce__()[0]


def _safe_dtype(*args: Any) -> np.dtype[Any]:
    dtype: np.dtype[Any] = np.dtype(*args)
    if dtype.hasobject:
        raise pickle.UnpicklingError("object arrays are not allowed")
    return dtype


def _latin1_encode(text: str, encoding: str = "utf-8") -> bytes:
    # Python 3 pickles of bytes (protocol ≤ 2) go through _codecs.encode(text, 'latin1').
    if codecs.lookup(encoding).name not in ("latin-1", "iso8859-1"):
        raise pickle.UnpicklingError(f"codec {encoding!r} is not allowed")
    return text.encode("latin-1")


_ALLOWED: dict[tuple[str, str], Any] = {
    ("numpy.core.multiarray", "_reconstruct"): _RECONSTRUCT,
    ("numpy._core.multiarray", "_reconstruct"): _RECONSTRUCT,
    ("numpy.core.multiarray", "scalar"): _SCALAR,
    ("numpy._core.multiarray", "scalar"): _SCALAR,
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): _safe_dtype,
    ("_codecs", "encode"): _latin1_encode,
}


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"refused reference to {module}.{name}")
        return found


def unpickle_batch(data: bytes, name: str) -> dict[str, Any]:
    """One CIFAR pickle as a dict with str keys; DataError for anything else."""
    if not data.startswith(b"\x80"):
        raise DataError(f"'{name}' is not a CIFAR python batch (not a pickle file).")
    try:
        obj = _RestrictedUnpickler(io.BytesIO(data), encoding="bytes").load()
    except pickle.UnpicklingError as error:
        if "refused" in str(error) or "not allowed" in str(error):
            raise DataError(
                f"'{name}' was refused for safety: it asks to run code ({error}), "
                "which a CIFAR batch never does."
            ) from None
        raise DataError(f"'{name}' is a damaged pickle ({error}).") from None
    except MemoryError:
        raise DataError(f"'{name}' is damaged: it claims more data than it holds.") from None
    except Exception as error:  # the pickle VM raises many types on malformed input
        raise DataError(f"'{name}' is a damaged or truncated pickle ({error}).") from None
    if not isinstance(obj, dict):
        raise DataError(f"'{name}' is not a CIFAR batch: it holds a {type(obj).__name__}.")
    return {(k.decode("latin-1") if isinstance(k, bytes) else str(k)): v for k, v in obj.items()}


def _batch_arrays(
    batch: Mapping[str, Any], name: str, label_key: str
) -> tuple[NDArray[Any], NDArray[Any]]:
    data = batch.get("data")
    labels = batch.get(label_key, batch.get("labels"))
    if not isinstance(data, np.ndarray) or labels is None:
        raise DataError(f"'{name}' is not a CIFAR batch: it lacks 'data' or '{label_key}'.")
    if data.dtype != np.uint8 or data.ndim not in (2, 4):
        raise DataError(f"'{name}': 'data' must be N×3072 bytes, not {data.dtype} {data.shape}.")
    if data.ndim == 2:
        if data.shape[1] != 3 * 32 * 32:
            raise DataError(f"'{name}': each image must have 3072 values, not {data.shape[1]}.")
        data = data.reshape(-1, 3, 32, 32)
    try:
        y = np.asarray(labels, dtype=np.int64).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        raise DataError(f"'{name}': the labels are not whole numbers.") from None
    if len(y) != len(data):
        raise DataError(f"'{name}' has {len(data)} images but {len(y)} labels.")
    if len(y) and (y.min() < 0 or y.max() > 1000):
        raise DataError(f"'{name}': labels must be class numbers from 0, not {y.min()}..{y.max()}.")
    return data, y


def _read_members(path: Path, progress: Progress) -> dict[str, bytes]:
    """The CIFAR files of a folder, of a batch's folder, or inside a .tar.gz archive."""
    if path.is_file() and (path.name.endswith((".tar.gz", ".tgz", ".tar"))):
        out: dict[str, bytes] = {}
        try:
            with tarfile.open(path) as archive:
                for member in archive:
                    base = member.name.rsplit("/", 1)[-1]
                    if member.isfile() and base in CIFAR_FILES and member.size < MAX_ARRAY_BYTES:
                        handle = archive.extractfile(member)
                        if handle is not None:
                            out[base] = handle.read()
                            progress.step(len(out) / 8)
        except (tarfile.TarError, OSError, EOFError) as error:
            raise DataError(f"'{path.name}' is not a readable archive ({error}).") from None
        if not out:
            raise DataError(f"'{path.name}' holds no CIFAR batches (data_batch_1, test_batch, …).")
        return out
    folder = path if path.is_dir() else path.parent
    names = sorted(n for n in CIFAR_FILES if (folder / n).is_file())
    total = sum(file_size(folder / n) for n in names) or 1
    done = 0
    result = {}
    for n in names:
        result[n] = read_bytes(folder / n)
        done += len(result[n])
        progress.step(done / total)
    return result


def looks_like_cifar(folder: Path) -> bool:
    return (folder / "data_batch_1").is_file() or (
        (folder / "meta").is_file() and (folder / "train").is_file()
    )


def load_cifar(
    path: Path, options: Mapping[str, Any], progress: Progress
) -> tuple[Parts, list[str], list[str]]:
    """CIFAR-10 or CIFAR-100 batches as (parts, class names, notes)."""
    files = _read_members(path, progress.sub(0.0, 0.5))
    notes: list[str] = []
    if "train" in files or "meta" in files:  # CIFAR-100
        coarse = options.get("label_mode") == "coarse"
        label_key = "coarse_labels" if coarse else "fine_labels"
        names_key = "coarse_label_names" if coarse else "fine_label_names"
        train_names, test_name, meta_name = ["train"], "test", "meta"
    else:
        label_key, names_key = "labels", "label_names"
        train_names, test_name, meta_name = CIFAR10_TRAIN, "test_batch", "batches.meta"
    present = [n for n in train_names if n in files]
    if not present:
        if path.is_file() and path.name in files:
            present = [path.name]
        else:
            raise DataError(f"No CIFAR training batches in '{path}' (data_batch_1 …, or train).")
    missing = [n for n in train_names if n not in files]
    if missing and len(present) < len(train_names):
        notes.append(f"Missing batches {', '.join(missing)}: loaded {len(present)} of them.")
    xs, ys = [], []
    for i, name in enumerate(present):
        x, y = _batch_arrays(unpickle_batch(files.pop(name), name), name, label_key)
        xs.append(x)
        ys.append(y)
        progress.step(0.5 + 0.4 * (i + 1) / len(present))
    labels = [np.concatenate(ys)]
    test_x = None
    if test_name in files and test_name not in present:
        test_x, test_y = _batch_arrays(
            unpickle_batch(files[test_name], test_name), test_name, label_key
        )
        labels.append(test_y)
    names: dict[Any, str] = {}
    if meta_name in files:
        meta = unpickle_batch(files[meta_name], meta_name)
        raw = meta.get(names_key)
        if isinstance(raw, list):
            names = {
                i: v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                for i, v in enumerate(raw)
            }
    indexed, class_names = index_labels(labels, names)
    train_x = xs[0] if len(xs) == 1 else np.concatenate(xs)
    test = (test_x, indexed[1]) if test_x is not None else None
    return Parts(train_x, indexed[0], test=test), class_names, notes
