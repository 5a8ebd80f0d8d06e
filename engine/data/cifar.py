"""CIFAR-10 and CIFAR-100 "python version" batches: a folder, one batch file or the .tar.gz.

The batches are pickles, and unpickling runs whatever code a pickle names. They are read with
an unpickler that admits only the few numpy constructors an array needs (and refuses object
arrays), so a file carrying a payload is refused before anything runs.
"""

from __future__ import annotations

import codecs
import io
import math
import pickle
import tarfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from engine.data._common import (
    MAX_ARRAY_BYTES,
    Progress,
    check_expansion,
    check_memory,
    file_size,
    index_labels,
    read_bytes,
)
from engine.data.dataset import Parts
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError

CIFAR10_TRAIN = [f"data_batch_{i}" for i in range(1, 6)]
CIFAR_FILES = {*CIFAR10_TRAIN, "test_batch", "batches.meta", "train", "test", "meta"}
# The largest real batch is CIFAR-100's 'train' (50 000 images of 3 072 bytes, ~155 MB pickled).
MAX_BATCH_BYTES = 256 * 1024**2


def _text(value: Any) -> Any:
    # Python 2 wrote the real CIFAR files: their str values arrive as bytes (encoding="bytes").
    return value.decode("latin-1") if isinstance(value, bytes) else value


class _Dtype:
    """A dtype as a pickle describes it. numpy's own ``dtype.__setstate__`` and
    ``ndarray.__setstate__`` trust their input: a damaged batch crashed the process (fuzzing found
    a segfault), so the pickle only fills these records and :func:`_realise` checks them."""

    def __init__(self, name: Any = None, *_flags: Any) -> None:
        self.name, self.byteorder = _text(name), "|"

    def __setstate__(self, state: Any) -> None:
        order = _text(state[1]) if isinstance(state, tuple) and len(state) > 1 else None
        if order in ("<", ">", "|", "="):
            self.byteorder = order

    def real(self) -> np.dtype[Any]:
        if not isinstance(self.name, str):
            raise DataError(QT_TRANSLATE_NOOP("Engine", "an array's type is not a name"))
        try:
            dtype: np.dtype[Any] = np.dtype(self.name)
        except TypeError:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "unknown array type {kind}"), kind=repr(self.name)
            ) from None
        if dtype.kind not in "biuf":
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "arrays of {dtype} are not allowed"), dtype=dtype
            )
        if self.byteorder == ">":
            return dtype.newbyteorder(">")
        return dtype.newbyteorder("<") if self.byteorder == "<" else dtype


class _Array:
    """An ndarray as a pickle describes it: shape, type and raw bytes (see :class:`_Dtype`)."""

    def __init__(self, *_args: Any) -> None:
        self.state: Any = None

    def __setstate__(self, state: Any) -> None:
        self.state = state

    def real(self) -> NDArray[Any]:
        state = self.state
        if isinstance(state, tuple) and len(state) == 4:
            state = (1, *state)  # the layout before numpy added a version number
        if not (isinstance(state, tuple) and len(state) == 5):
            raise DataError(QT_TRANSLATE_NOOP("Engine", "an array without shape or data"))
        _version, shape, dtype, fortran, raw = state
        if not (isinstance(shape, tuple) and all(type(n) is int and n >= 0 for n in shape)):
            raise DataError(QT_TRANSLATE_NOOP("Engine", "an array with a malformed shape"))
        if not isinstance(dtype, _Dtype) or not isinstance(raw, bytes):
            raise DataError(QT_TRANSLATE_NOOP("Engine", "an array with a malformed type or data"))
        real = dtype.real()
        if len(raw) != math.prod(shape) * real.itemsize or len(raw) > MAX_ARRAY_BYTES:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "an array of shape {shape} holds {size} bytes"),
                shape=shape,
                size=len(raw),
            )
        flat = np.frombuffer(raw, dtype=real).copy()
        return flat.reshape(shape, order="F" if fortran else "C")


def _scalar(dtype: Any, raw: Any = None) -> Any:
    if not isinstance(dtype, _Dtype) or not isinstance(raw, bytes):
        raise pickle.UnpicklingError("a malformed number")
    real = dtype.real()
    if len(raw) != real.itemsize:
        raise pickle.UnpicklingError("a malformed number")
    return np.frombuffer(raw, dtype=real)[0]


def _realise(value: Any) -> Any:
    """The unpickled batch with each :class:`_Array` checked and made a real ndarray."""
    if isinstance(value, _Array):
        return value.real()
    if isinstance(value, dict):
        return {key: _realise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_realise(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_realise(item) for item in value)
    if isinstance(value, _Dtype):
        return value.real()
    return value


def _latin1_encode(text: str, encoding: str = "utf-8") -> bytes:
    # Python 3 pickles of bytes (protocol ≤ 2) go through _codecs.encode(text, 'latin1').
    if codecs.lookup(encoding).name not in ("latin-1", "iso8859-1"):
        raise pickle.UnpicklingError(f"codec {encoding!r} is not allowed")
    return text.encode("latin-1")


_ALLOWED: dict[tuple[str, str], Any] = {
    ("numpy.core.multiarray", "_reconstruct"): _Array,
    ("numpy._core.multiarray", "_reconstruct"): _Array,
    ("numpy.core.multiarray", "scalar"): _scalar,
    ("numpy._core.multiarray", "scalar"): _scalar,
    ("numpy", "ndarray"): _Array,
    ("numpy", "dtype"): _Dtype,
    ("_codecs", "encode"): _latin1_encode,
}


def _damaged_buffer(unpickler: Any) -> None:
    raise pickle.UnpicklingError("it holds protocol 5 buffer data, which a CIFAR batch never does")


# Python's own pure-Python unpickler (as fast as the C one on a batch's few big strings), because
# its opcodes can be replaced: the C unpickler given a damaged BYTEARRAY8 size frees a half-made
# bytearray, and CPython 3.11 then reports a SystemError.
_DISPATCH = dict(pickle._Unpickler.dispatch)
for _opcode in (pickle.BYTEARRAY8, pickle.NEXT_BUFFER, pickle.READONLY_BUFFER):
    _DISPATCH[_opcode[0]] = _damaged_buffer


class _RestrictedUnpickler(pickle._Unpickler):
    dispatch: ClassVar[dict[int, Any]] = _DISPATCH

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"refused reference to {module}.{name}")
        return found


def unpickle_batch(data: bytes, name: str) -> dict[str, Any]:
    """One CIFAR pickle as a dict with str keys; DataError for anything else."""
    if not data.startswith(b"\x80"):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' is not a CIFAR python batch (not a pickle file)."
            ),
            name=name,
        )
    try:
        obj = _RestrictedUnpickler(io.BytesIO(data), encoding="bytes").load()
    except pickle.UnpicklingError as error:
        if "refused" in str(error) or "not allowed" in str(error):
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "'{name}' was refused for safety: it asks to run code ({error}), which a CIFAR batch never does.",
                ),
                name=name,
                error=error,
            ) from None
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is a damaged pickle ({error})."),
            name=name,
            error=error,
        ) from None
    except MemoryError:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is damaged: it claims more data than it holds."),
            name=name,
        ) from None
    except Exception as error:  # the pickle VM raises many types on malformed input
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is a damaged or truncated pickle ({error})."),
            name=name,
            error=error,
        ) from None
    try:
        obj = _realise(obj)
    except DataError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is a damaged CIFAR batch: {error}."),
            name=name,
            error=error,
        ) from None
    except RecursionError:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is a damaged CIFAR batch (nested too deeply)."),
            name=name,
        ) from None
    if not isinstance(obj, dict):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is not a CIFAR batch: it holds a {what}."),
            name=name,
            what=type(obj).__name__,
        )
    return {(k.decode("latin-1") if isinstance(k, bytes) else str(k)): v for k, v in obj.items()}


def _batch_arrays(
    batch: Mapping[str, Any], name: str, label_key: str
) -> tuple[NDArray[Any], NDArray[Any]]:
    data = batch.get("data")
    labels = batch.get(label_key, batch.get("labels"))
    if not isinstance(data, np.ndarray) or labels is None:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' is not a CIFAR batch: it lacks 'data' or '{label_key}'."
            ),
            name=name,
            label_key=label_key,
        )
    if data.dtype != np.uint8 or data.ndim not in (2, 4):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}': 'data' must be N×3072 bytes, not {dtype} {shape}."
            ),
            name=name,
            dtype=data.dtype,
            shape=data.shape,
        )
    if data.ndim == 2:
        if data.shape[1] != 3 * 32 * 32:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "'{name}': each image must have 3072 values, not {values}."
                ),
                name=name,
                values=data.shape[1],
            )
        data = data.reshape(-1, 3, 32, 32)
    try:
        y = np.asarray(labels, dtype=np.int64).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}': the labels are not whole numbers."), name=name
        ) from None
    if len(y) != len(data):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' has {images} images but {labels} labels."),
            name=name,
            images=len(data),
            labels=len(y),
        )
    if len(y) and (y.min() < 0 or y.max() > 1000):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}': labels must be class numbers from 0, not {min}..{max}."
            ),
            name=name,
            min=y.min(),
            max=y.max(),
        )
    return data, y


def _read_members(path: Path, progress: Progress) -> dict[str, bytes]:
    """The CIFAR files of a folder, of a batch's folder, or inside a .tar.gz archive."""
    if path.is_file() and (path.name.endswith((".tar.gz", ".tgz", ".tar"))):
        return _read_archive(path, progress)
    folder = path if path.is_dir() else path.parent
    names = sorted(n for n in CIFAR_FILES if (folder / n).is_file())
    total = sum(file_size(folder / n) for n in names) or 1
    check_memory(2 * total, folder.name)  # the batches, then their arrays
    done = 0
    result = {}
    for n in names:
        result[n] = read_bytes(folder / n)
        done += len(result[n])
        progress.step(done / total)
    return result


def _read_archive(path: Path, progress: Progress) -> dict[str, bytes]:
    """The CIFAR batches of a tar archive, member by member. Each member's declared size is
    checked before it is read or skipped (skipping through a .tar.gz inflates what it skips):
    against the file's size, as a decompression bomb would fail it, against a batch's largest
    real size, and against the memory budget."""
    compressed = file_size(path)
    out: dict[str, bytes] = {}
    kept = 0
    try:
        with tarfile.open(path) as archive:
            for member in archive:
                check_expansion(member.offset_data + member.size, compressed, path.name)
                base = member.name.rsplit("/", 1)[-1]
                if not (member.isfile() and base in CIFAR_FILES):
                    continue
                if member.size > MAX_BATCH_BYTES:
                    raise DataError(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "'{file}' is not a CIFAR archive: its '{member}' claims {size:.0f} MB, and a CIFAR batch is at most {most:.0f} MB.",
                        ),
                        file=path.name,
                        member=member.name,
                        size=member.size / 1e6,
                        most=MAX_BATCH_BYTES / 1e6,
                    )
                kept += member.size
                check_memory(2 * kept, path.name)  # the batches, then their arrays
                handle = archive.extractfile(member)
                if handle is not None:
                    out[base] = handle.read()
                    progress.step(len(out) / 8)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{file}' is not a readable archive ({error})."),
            file=path.name,
            error=error,
        ) from None
    if not out:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{file}' holds no CIFAR batches (data_batch_1, test_batch, …)."
            ),
            file=path.name,
        )
    return out


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
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "No CIFAR training batches in '{path}' (data_batch_1 …, or train)."
                ),
                path=path,
            )
    missing = [n for n in train_names if n not in files]
    if missing and len(present) < len(train_names):
        notes.append(
            Message(
                QT_TRANSLATE_NOOP("Engine", "Missing batches {missing}: loaded {loaded} of them."),
                missing=", ".join(missing),
                loaded=len(present),
            )
        )
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
