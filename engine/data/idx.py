"""MNIST-family IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST), gzipped or raw.

A header can claim any size, so every size is checked against the file before allocating:
a raw file must be exactly as long as its header says, and a gzip file cannot expand more than
deflate's maximum ratio, nor more than real data does (a bomb), nor beyond the memory budget.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import (
    MAX_ARRAY_BYTES,
    Progress,
    check_expansion,
    index_labels,
    read_bytes,
)
from engine.data.dataset import Parts
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError

_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
_GZIP_MAGIC = b"\x1f\x8b"
_DEFLATE_MAX_RATIO = 1100  # deflate cannot expand beyond ~1032:1
_CHUNK = 8 * 1024 * 1024

FASHION_NAMES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]  # fmt: skip
KMNIST_NAMES = ["お", "き", "す", "つ", "な", "は", "ま", "や", "れ", "を"]


def is_idx_name(name: str) -> bool:
    lower = name.lower()
    return "ubyte" in lower or bool(re.search(r"idx\d", lower))


def read_idx(path: Path, progress: Progress | None = None) -> NDArray[Any]:
    """One IDX file as a native-endian array; DataError for anything malformed."""
    data = read_bytes(path)
    name = path.name
    if data[:2] == _GZIP_MAGIC:
        return _read_gzip(data, name, progress or Progress())
    if name.lower().endswith(".gz"):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' ends in .gz but is not a gzip file."), name=name
        )
    dtype, dims, offset = _parse_header(data, name)
    expected = _byte_count(dtype, dims, name)
    actual = len(data) - offset
    if actual < expected:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' is truncated: its header promises {expected} bytes of data, the file holds {actual}. Download it again.",
            ),
            name=name,
            expected=expected,
            actual=actual,
        )
    if actual > expected:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' has {extra} unexpected bytes after its data."),
            name=name,
            extra=actual - expected,
        )
    return np.frombuffer(data, dtype=dtype, count=int(np.prod(dims)), offset=offset).reshape(dims)


def _parse_header(data: bytes, name: str) -> tuple[np.dtype[Any], tuple[int, ...], int]:
    if len(data) < 4:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is too short to be an IDX file ({size} bytes)."),
            name=name,
            size=len(data),
        )
    if data[0] != 0 or data[1] != 0 or data[2] not in _DTYPES or not 1 <= data[3] <= 4:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' is not an IDX file: wrong magic number 0x{magic} (expected 0x0000080N for MNIST-style files).",
            ),
            name=name,
            magic=data[:4].hex(),
        )
    ndim = data[3]
    offset = 4 + 4 * ndim
    if len(data) < offset:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is truncated inside its header."), name=name
        )
    dims = tuple(int(d) for d in np.frombuffer(data, dtype=">u4", count=ndim, offset=4))
    return np.dtype(_DTYPES[data[2]]), dims, offset


def _byte_count(dtype: np.dtype[Any], dims: tuple[int, ...], name: str) -> int:
    count = 1
    nonzero = 1  # an empty array with absurd other dimensions is still a corrupt header
    for d in dims:
        count *= d
        nonzero *= max(d, 1)
    size = count * dtype.itemsize
    if max(size, nonzero * dtype.itemsize) > MAX_ARRAY_BYTES:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' claims {dims} values ({gigabytes:.0f} GB): the header is corrupt or the file is far too large to load.",
            ),
            name=name,
            dims=" × ".join(map(str, dims)),
            gigabytes=size / 1e9,
        )
    return size


def _read_gzip(data: bytes, name: str, progress: Progress) -> NDArray[Any]:
    inflater = zlib.decompressobj(wbits=31)
    try:
        head = inflater.decompress(data, 4)
        if len(head) == 4 and 1 <= head[3] <= 4:
            head += inflater.decompress(inflater.unconsumed_tail, 4 * head[3])
        dtype, dims, _ = _parse_header(head, name)
        expected = _byte_count(dtype, dims, name)
        if expected > len(data) * _DEFLATE_MAX_RATIO:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "'{name}' claims {expected} bytes of data but is only {size} bytes compressed: the header is corrupt.",
                ),
                name=name,
                expected=expected,
                size=len(data),
            )
        check_expansion(expected, len(data), name)  # possible, but a bomb or beyond memory
        out = np.empty(expected, dtype=np.uint8)
        done = 0
        while done < expected:
            chunk = inflater.decompress(inflater.unconsumed_tail, min(_CHUNK, expected - done))
            if not chunk:
                break
            out[done : done + len(chunk)] = np.frombuffer(chunk, dtype=np.uint8)
            done += len(chunk)
            progress.step(done / expected)
        extra = inflater.decompress(inflater.unconsumed_tail, 1)
    except zlib.error as error:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' is a damaged gzip file ({error}). Download it again."
            ),
            name=name,
            error=error,
        ) from None
    if done < expected:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' is truncated: its header promises {expected} bytes of data, the file holds {done}. Download it again.",
            ),
            name=name,
            expected=expected,
            done=done,
        )
    if extra:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' has unexpected data after the {expected} bytes its header gives.",
            ),
            name=name,
            expected=expected,
        )
    return out.view(dtype).reshape(dims)


@dataclass
class IdxGroup:
    """The files of one IDX dataset: (images, labels) per split, found by name."""

    key: str
    files: dict[str, dict[str, Path]] = field(default_factory=dict)  # split -> role -> path


def _classify(name: str) -> tuple[str, str, str] | None:
    """(group key, split, role) from a file name like 'emnist-letters-train-images-idx3-ubyte'."""
    if not is_idx_name(name):
        return None
    tokens = [t for t in re.split(r"[-_.]+", name.lower()) if t]
    role = split = ""
    rest = []
    for token in tokens:
        if token in ("images", "imgs", "idx3"):
            role = role or "images"
        elif token in ("labels", "lbls", "idx1"):
            role = role or "labels"
        elif token in ("t10k", "test"):
            split = "test"
        elif token == "train":
            split = "train"
        elif token not in ("ubyte", "gz") and not re.fullmatch(r"idx\d", token):
            rest.append(token)
    if not role:
        return None
    return "-".join(rest), split or "train", role


def find_groups(folder: Path) -> dict[str, IdxGroup]:
    groups: dict[str, IdxGroup] = {}
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Cannot list folder '{folder}': {reason}."),
            folder=folder,
            reason=error.strerror or error,
        ) from None
    for path in entries:
        parsed = _classify(path.name)
        if parsed is None:
            continue
        key, split, role = parsed
        group = groups.setdefault(key, IdxGroup(key))
        # Prefer the .gz when both raw and gzipped copies exist (same content, less to read).
        current = group.files.setdefault(split, {}).get(role)
        if current is None or path.name.endswith(".gz"):
            group.files[split][role] = path
    return groups


def load_idx(
    path: Path, options: Mapping[str, Any], progress: Progress
) -> tuple[Parts, list[str], list[str]]:
    """An IDX dataset from a folder or from any one of its files: (parts, class names, notes)."""
    folder = path if path.is_dir() else path.parent
    groups = find_groups(folder)
    notes: list[str] = []
    if path.is_file():
        parsed = _classify(path.name)
        key = parsed[0] if parsed else ""
        if key not in groups:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "'{file}' is not named like an IDX file (…-images-idx3-ubyte)."
                ),
                file=path.name,
            )
    else:
        if not groups:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "No IDX files (…-images-idx3-ubyte[.gz]) in '{folder}'."
                ),
                folder=folder,
            )
        key = str(options.get("subset", ""))
        if key not in groups:
            preferred = [k for k in groups if "balanced" in k] or sorted(groups)
            key = preferred[0]
            if len(groups) > 1:
                others = ", ".join(k or "(plain)" for k in sorted(groups) if k != key)
                notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine", "Loaded the '{key}' files; the folder also holds: {others}."
                        ),
                        key=key,
                        others=others,
                    )
                )
    group = groups[key]
    if "train" not in group.files:
        group.files["train"] = group.files.pop("test", {})
    pairs: dict[str, tuple[NDArray[Any], NDArray[Any]]] = {}
    splits = [s for s in ("train", "test") if s in group.files]
    for i, split in enumerate(splits):
        files = group.files[split]
        sub = progress.sub(i / len(splits), (i + 1) / len(splits))
        # Read what is there first: a damaged file is the more useful message.
        loaded = {role: read_idx(p, sub.sub(0.0, 0.9)) for role, p in sorted(files.items())}
        if "images" not in loaded or "labels" not in loaded:
            have = next(iter(files.values())).name
            missing = "labels" if "images" in files else "images"
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "Found '{have}' but no matching {missing} file next to it."
                ),
                have=have,
                missing=missing,
            )
        images, labels = loaded["images"], loaded["labels"]
        pairs[split] = _check_pair(images, labels, files["images"].name, files["labels"].name)
    transpose = "emnist" in key
    if transpose:  # EMNIST stores each image transposed
        pairs = {s: (x.transpose(0, 2, 1), y) for s, (x, y) in pairs.items()}
    shapes = {x.shape[1:] for x, _ in pairs.values()}
    if len(shapes) > 1:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "The train and test images in '{folder}' have different sizes: {shapes}."
            ),
            folder=folder,
            shapes=shapes,
        )
    label_arrays, class_names = index_labels(
        [y for _, y in pairs.values()], _class_names(folder, key)
    )
    xs = [np.ascontiguousarray(x)[:, None] for x, _ in pairs.values()]
    train_x, train_y = xs[0], label_arrays[0]
    test = (xs[1], label_arrays[1]) if len(xs) > 1 else None
    return Parts(train_x, train_y, test=test), class_names, notes


def _check_pair(
    images: NDArray[Any], labels: NDArray[Any], image_name: str, label_name: str
) -> tuple[NDArray[Any], NDArray[Any]]:
    if images.ndim != 3:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{image_name}' holds {ndim}-D data, not a stack of images."
            ),
            image_name=image_name,
            ndim=images.ndim,
        )
    if images.dtype != np.uint8:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{image_name}' must hold unsigned bytes (IDX type 0x08)."),
            image_name=image_name,
        )
    if labels.ndim != 1 or labels.dtype.kind not in "iu":
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{label_name}' is not an IDX label file (1-D integers)."),
            label_name=label_name,
        )
    if len(images) != len(labels):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{image_name}' has {images} images but '{label_name}' has {labels} labels: the files do not belong together.",
            ),
            image_name=image_name,
            images=len(images),
            label_name=label_name,
            labels=len(labels),
        )
    if len(images) == 0:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{image_name}' contains no images."), image_name=image_name
        )
    return images, labels.astype(np.int64)


def _class_names(folder: Path, key: str) -> dict[Any, str]:
    mapping = folder / f"{key}-mapping.txt"
    if key and mapping.is_file():
        names: dict[Any, str] = {}
        try:
            for line in mapping.read_text("ascii").splitlines():
                parts = [int(p) for p in line.split()]
                if len(parts) >= 2:
                    names[parts[0]] = "".join(dict.fromkeys(chr(c) for c in parts[1:]))
        except (OSError, ValueError):
            return {}
        return names
    path_text = str(folder).lower() + key
    if "fashion" in path_text:
        return dict(enumerate(FASHION_NAMES))
    if "kmnist" in path_text:
        return dict(enumerate(KMNIST_NAMES))
    return {}
