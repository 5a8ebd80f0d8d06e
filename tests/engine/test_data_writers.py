"""Writers for the real file formats, shared by the data tests (every file is generated here)."""

from __future__ import annotations

import gzip
import pickle
import struct
from pathlib import Path
from typing import Any

import numpy as np

IDX_TYPES = {np.dtype(np.uint8): 0x08, np.dtype(np.int8): 0x09, np.dtype(">i4"): 0x0C}


def idx_bytes(array: np.ndarray[Any, Any]) -> bytes:
    code = IDX_TYPES[array.dtype]
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def write_idx(path: Path, array: np.ndarray[Any, Any]) -> Path:
    data = idx_bytes(array)
    path.write_bytes(gzip.compress(data, 1) if path.name.endswith(".gz") else data)
    return path


def digit_images(
    n: int, seed: int = 0, size: int = 28
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Images whose mean brightness encodes the label, so a loader mix-up shows."""
    rng = np.random.default_rng(seed)
    labels = (np.arange(n) % 10).astype(np.uint8)
    images = rng.integers(0, 20, (n, size, size), dtype=np.uint8) + (labels * 20)[:, None, None]
    return images.astype(np.uint8), labels


def write_mnist(
    folder: Path, n_train: int = 60, n_test: int = 20, prefix: str = "", gz: bool = True
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ext = ".gz" if gz else ""
    for split, n in (("train", n_train), ("t10k" if not prefix else "test", n_test)):
        images, labels = digit_images(n, seed=len(split))
        write_idx(folder / f"{prefix}{split}-images-idx3-ubyte{ext}", images)
        write_idx(folder / f"{prefix}{split}-labels-idx1-ubyte{ext}", labels)
    return folder


def cifar_batch(
    n: int, seed: int = 0, label_key: str = "labels", classes: int = 10
) -> dict[bytes, Any]:
    rng = np.random.default_rng(seed)
    labels = [int(v) for v in np.arange(n) % classes]
    data = rng.integers(0, 256, (n, 3072), dtype=np.uint8)
    return {
        b"batch_label": b"testing batch",
        label_key.encode(): labels,
        b"data": data,
        b"filenames": [f"img_{i}.png".encode() for i in range(n)],
    }


def write_pickle(path: Path, obj: Any, protocol: int = 2) -> Path:
    path.write_bytes(pickle.dumps(obj, protocol=protocol))
    return path


def write_cifar10(folder: Path, per_batch: int = 20, batches: int = 5) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, batches + 1):
        write_pickle(folder / f"data_batch_{i}", cifar_batch(per_batch, seed=i))
    write_pickle(folder / "test_batch", cifar_batch(per_batch, seed=99))
    names = [
        b"airplane",
        b"automobile",
        b"bird",
        b"cat",
        b"deer",
        b"dog",
        b"frog",
        b"horse",
        b"ship",
        b"truck",
    ]
    write_pickle(folder / "batches.meta", {b"label_names": names, b"num_vis": 3072})
    return folder


def write_image(path: Path, array: np.ndarray[Any, Any], mode: str | None = None) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.fromarray(array)
    if mode is not None:
        image = image.convert(mode)
    image.save(path)
    return path
