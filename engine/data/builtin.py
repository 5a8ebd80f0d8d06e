"""Built-in datasets: NumPy archives under resources/datasets (read with numpy alone, never
pickle), toy point clouds and the Python-docs text. resources/datasets/LICENSES.md says where
each archive comes from."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from typing import Any

import numpy as np

import resources
from engine.data._common import Progress
from engine.data.catalog import BUILTINS
from engine.data.dataset import Dataset, Parts, build_dataset
from engine.data.text import python_docs_corpus, text_parts
from engine.data.toy import TOYS, make_points
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

_IMAGES = ("mnist-5k", "digits-8x8")
_TABLES = ("iris", "wine", "breast-cancer")


def read_archive(name: str) -> dict[str, np.ndarray[Any, Any]]:
    """The arrays of resources/datasets/<name>.npz (the file is small and trusted, but a damaged
    install still gets a message, not a traceback)."""
    path = resources.path("datasets", f"{name}.npz")
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {key: archive[key] for key in archive.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The built-in data file '{path}' is missing or damaged ({error}). Reinstall NetCanvas.",
            ),
            path=path,
            error=error,
        ) from None


def load_builtin(name: str, options: Mapping[str, Any], progress: Progress) -> Dataset:
    info = BUILTINS[name]
    common: dict[str, Any] = {"name": info.title, "source": name, "options": options}
    if name in _IMAGES:
        arrays = read_archive(name)
        x = arrays["x"]
        if name == "digits-8x8":  # UCI stores counts 0-16 per 4×4 block: scale to grey levels
            x = np.rint(x.astype(np.float64) * (255 / 16)).astype(np.uint8)
        parts = Parts(x, arrays["y"].astype(np.int64))
        return build_dataset(kind="image", task="classification", parts=parts,
                             class_names=[str(i) for i in range(10)], **common)  # fmt: skip
    if name in _TABLES:
        arrays = read_archive(name)
        parts = Parts(arrays["x"].astype(np.float32), arrays["y"].astype(np.int64))
        return build_dataset(kind="table", task="classification", parts=parts,
                             class_names=[str(c) for c in arrays["class_names"]],
                             feature_names=[str(f) for f in arrays["feature_names"]], **common)  # fmt: skip
    if name in TOYS:
        points, labels = make_points(name, options)
        classes = sorted(set(labels.tolist()))
        return build_dataset(kind="points", task="classification", parts=Parts(points, labels),
                             class_names=[f"class {c}" for c in classes], feature_names=["x1", "x2"],
                             **common)  # fmt: skip
    if name == "python-docs":
        text = python_docs_corpus()
        if len(text) < 10_000:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "This Python has no docstrings (run without -OO) for 'python-docs'."
                )
            )
        parts, vocab, note = text_parts(text, name, options)
        return build_dataset(kind="text", task="next_char", parts=parts, vocab=vocab,
                             notes=[note], text_excerpt=text[:2000], contiguous=True, **common)  # fmt: skip
    raise DataError(QT_TRANSLATE_NOOP("Engine", "Unknown built-in dataset '{name}'."), name=name)
