"""A project that embeds its dataset: one file that opens, trains and evaluates anywhere, and
that still refuses hostile content."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

import engine.data.embedded as embedded
from engine.cli import main
from engine.data import load_dataset
from engine.data.embedded import pack_dataset
from engine.project import DATA, load_project, new_project, save_project
from engine.types import DataError, DataRef


def _table(folder: Path) -> Path:
    rows = "".join(f"{i % 7},{(i * 3) % 5},{i % 2}\n" for i in range(120))
    (folder / "data.csv").write_text("a,b,label\n" + rows, encoding="utf-8")
    return folder / "data.csv"


def test_an_embedded_project_copied_alone_opens_trains_and_evaluates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = tmp_path / "teacher"
    made.mkdir()
    _table(made)
    monkeypatch.chdir(made)
    assert (
        main(["new", "lab.netcanvas", "--template", "mlp", "--data", "data.csv", "--embed-data"])
        == 0
    )
    with zipfile.ZipFile(made / "lab.netcanvas") as zf:
        assert DATA in zf.namelist()

    student = tmp_path / "student"
    student.mkdir()
    shutil.copy(made / "lab.netcanvas", student / "lab.netcanvas")
    shutil.rmtree(made)  # the data exists nowhere else now
    monkeypatch.chdir(student)
    capsys.readouterr()
    assert main(["train", "lab.netcanvas", "--epochs", "2"]) == 0
    assert main(["eval", "lab.netcanvas", "--json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(out)["n"] > 0
    project = load_project(student / "lab.netcanvas")
    assert project.data.embedded is not None and project.runs[-1].status == "finished"


@pytest.mark.parametrize("source", ["digits-8x8", "iris", "moons"])
def test_the_embedded_splits_are_the_loaded_ones(source: str, tmp_path: Path) -> None:
    original = load_dataset(DataRef(source))
    ref = DataRef(source, embedded=pack_dataset(original))
    save_project(new_project("mlp", ref, original.context()), tmp_path / "p.netcanvas")
    again = load_dataset(load_project(tmp_path / "p.netcanvas").data)
    for name in ("train", "val", "test"):
        a, b = original.split(name), again.split(name)
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert torch.equal(a.x, b.x) and torch.equal(a.y, b.y)
    assert torch.equal(original.mean, again.mean) and torch.equal(original.std, again.std)
    assert again.class_names == original.class_names and again.kind == original.kind
    assert again.feature_names == original.feature_names


def test_a_dataset_over_the_limit_is_refused_by_name_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "MAX_EMBEDDED_BYTES", 1000)
    monkeypatch.chdir(tmp_path)
    code = main(["new", "p.netcanvas", "--template", "mlp", "--data", "iris", "--embed-data"])
    err = capsys.readouterr().err
    assert code == 2 and "a project can embed at most 0 MB" in err and err.count("\n") == 1
    assert not (tmp_path / "p.netcanvas").exists()


def _npz(**arrays: object) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # type: ignore[arg-type]
    return buffer.getvalue()


_NOTE = np.array(json.dumps({"kind": "table", "task": "classification", "class_names": ["a", "b"]}))
_GOOD = {"x_train": np.zeros((4, 2), np.float32), "y_train": np.zeros(4, np.int64)}
_GOOD |= {"x_val": np.zeros((2, 2), np.float32), "y_val": np.zeros(2, np.int64)}


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        (b"not a zip at all", r"damaged"),
        (_npz(**_GOOD, note=np.array([{"a": 1}], dtype=object)), r"damaged"),  # a pickle
        (_npz(**_GOOD), r"description is missing"),
        (_npz(**_GOOD, note=np.array("{")), r"description is not readable"),
        (_npz(**{**_GOOD, "x_train": np.zeros((4, 2), np.complex64)}, note=_NOTE), r"inputs"),
        (_npz(**{**_GOOD, "y_val": np.zeros(3, np.int64)}, note=_NOTE), r"val split"),
        (_npz(**{**_GOOD, "x_val": np.zeros((2, 3), np.float32)}, note=_NOTE), r"shapes"),
        (_npz(x_train=_GOOD["x_train"], y_train=_GOOD["y_train"], note=_NOTE), r"validation"),
        (
            _npz(**_GOOD, note=np.array(json.dumps({"kind": "exe", "task": "classification"}))),
            r"unknown kind",
        ),
    ],
)
def test_hostile_embedded_data_is_refused_with_a_message(
    payload: bytes, said: str, tmp_path: Path
) -> None:
    project = new_project("mlp", DataRef("iris", embedded=payload))
    save_project(project, tmp_path / "p.netcanvas")
    loaded = load_project(tmp_path / "p.netcanvas")
    with pytest.raises(DataError, match=said):
        load_dataset(loaded.data)


def test_an_embedded_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x_train.npy", bytes(200 * 1024**2))
    with pytest.raises(DataError, match="decompression bomb"):
        load_dataset(DataRef("iris", embedded=buffer.getvalue()))
