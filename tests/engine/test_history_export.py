"""Run histories as CSV (always) and TensorBoard files (with the optional package)."""

from __future__ import annotations

import csv
import io
import math
import sys
from pathlib import Path

import pytest

from engine.history_export import (
    export_history_csv,
    export_tensorboard,
    history_csv,
)
from engine.types import NetCanvasError, RunRecord


def _runs() -> list[RunRecord]:
    first = RunRecord(
        id="run-1",
        created="2026-11-26T10:00:00",
        settings={"lr": 0.001},
        history={
            "val_loss": [0.9, 0.5, float("nan")],
            "loss": [1.0, 0.6, 0.4],
            "accuracy": [0.5, 0.75, 0.875],
        },
        steps={"epoch": [0.5, 1.0, 1.5], "loss": [1.2, 1.0, 0.8]},
    )
    # A stopped run: one epoch, and a curve the first run does not have.
    second = RunRecord(
        id="run-2", created="2026-11-26T11:00:00", settings={}, history={"loss": [2.0], "lr": [0.1]}
    )
    return [first, second]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_epoch_csv_has_one_row_per_run_and_epoch() -> None:
    text = history_csv(_runs())
    header = text.splitlines()[0].split(",")
    # The usual curves first, in a fixed order, whatever order the history dict had.
    assert header == ["run", "epoch", "loss", "accuracy", "val_loss", "lr"]
    rows = _rows(text)
    assert [(r["run"], r["epoch"]) for r in rows] == [
        ("run-1", "1"), ("run-1", "2"), ("run-1", "3"), ("run-2", "1"),
    ]  # fmt: skip
    assert float(rows[1]["loss"]) == 0.6
    assert math.isnan(float(rows[2]["val_loss"]))
    assert rows[0]["lr"] == "" and rows[3]["accuracy"] == ""
    assert float(rows[3]["lr"]) == 0.1


def test_values_survive_the_round_trip_exactly() -> None:
    run = RunRecord(id="r", created="", settings={}, history={"loss": [0.1 + 0.2, 1 / 3]})
    values = [float(r["loss"]) for r in _rows(history_csv([run]))]
    assert values == [0.1 + 0.2, 1 / 3]


def test_step_csv_uses_fractional_epochs() -> None:
    rows = _rows(history_csv(_runs(), level="step"))
    assert [r["epoch"] for r in rows] == ["0.5", "1.0", "1.5"]
    assert [float(r["loss"]) for r in rows] == [1.2, 1.0, 0.8]


def test_export_writes_the_file_and_refuses_no_runs(tmp_path: Path) -> None:
    path = export_history_csv(_runs(), tmp_path / "sub" / "history.csv")
    assert path.read_text(encoding="utf-8") == history_csv(_runs())
    with pytest.raises(NetCanvasError, match="no training runs"):
        export_history_csv([], tmp_path / "empty.csv")
    assert not (tmp_path / "empty.csv").exists()


@pytest.mark.parametrize("frozen", [False, True])
def test_tensorboard_files_need_no_tensorboard_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: bool
) -> None:
    """The offline bundle has neither tensorboard nor torch.utils.tensorboard (and pip cannot
    add them there): the export writes the files itself."""
    monkeypatch.setitem(sys.modules, "tensorboard", None)  # None: 'import tensorboard' fails
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)
    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    folders = export_tensorboard(_runs(), tmp_path / "tb")
    files = [f for folder in folders for f in folder.iterdir()]
    assert len(files) == 2 and all(f.name.startswith("events.out.tfevents.") for f in files)
    assert all(f.stat().st_size > 100 for f in files)


def test_tensorboard_files_hold_every_curve_and_the_settings(tmp_path: Path) -> None:
    # The test extras install tensorboard (pyproject.toml), so this runs wherever tests do.
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    folders = export_tensorboard(_runs(), tmp_path / "tb")
    assert [f.name for f in folders] == ["run-1", "run-2"]
    first = EventAccumulator(str(folders[0]), size_guidance={"scalars": 0, "tensors": 0})
    first.Reload()
    loss = first.Scalars("epoch/loss")
    # TensorBoard stores float32: compare to that precision.
    assert [e.step for e in loss] == [1, 2, 3]
    assert [e.value for e in loss] == pytest.approx([1.0, 0.6, 0.4], rel=1e-6)
    val_loss = [e.value for e in first.Scalars("epoch/val_loss")]
    assert val_loss[:2] == pytest.approx([0.9, 0.5], rel=1e-6) and math.isnan(val_loss[2])
    steps = first.Scalars("step/loss")
    assert [e.step for e in steps] == [0, 1, 2]
    assert [e.value for e in steps] == pytest.approx([1.2, 1.0, 0.8], rel=1e-6)
    assert loss[0].wall_time > 1.7e9  # the run's own date, not the export's
    settings = first.Tensors("settings/text_summary")[0].tensor_proto.string_val[0].decode()
    assert "lr: 0.001" in settings
    second = EventAccumulator(str(folders[1]))
    second.Reload()
    assert [e.value for e in second.Scalars("epoch/lr")] == pytest.approx([0.1], rel=1e-6)
