"""Checkpoints: pickle-free files, and a resumed run that matches an uninterrupted one."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import torch
from test_train_fixtures import table_dataset, table_model, weights_equal

from engine.train import Trainer, load_checkpoint
from engine.train.optim import Schedule
from engine.types import NetCanvasError, TrainSettings


def _settings(epochs: int) -> TrainSettings:
    return TrainSettings(epochs=epochs, batch_size=32, lr=0.01, device="cpu", schedule="step")


def test_resume_from_checkpoint_matches_uninterrupted_run(tmp_path: Path) -> None:
    ds = table_dataset()
    straight = Trainer(table_model(), ds, _settings(3))
    straight.fit()

    first = Trainer(table_model(), ds, _settings(3), checkpoint_dir=tmp_path)
    first.fit(2)
    assert {p.name for p in tmp_path.iterdir()} >= {
        "last.json",
        "last.safetensors",
        "last.state.safetensors",
        "best.json",
        "best.safetensors",
    }
    assert not list(tmp_path.glob("*.pt")) and not list(tmp_path.glob("*.tmp"))
    meta = json.loads((tmp_path / "last.json").read_text())
    assert meta["epoch"] == 2 and len(meta["history"]["history"]["loss"]) == 2

    resumed = Trainer(table_model(seed=99), ds, _settings(3))  # different initial weights
    resumed.load_checkpoint(tmp_path, "last")
    record = resumed.fit(1)
    assert resumed.epoch == 3 and len(record.history["loss"]) == 3
    assert weights_equal(resumed.state_dict_cpu(), straight.state_dict_cpu())


def test_checkpoint_holds_optimiser_state_without_pickle(tmp_path: Path) -> None:
    trainer = Trainer(table_model(), table_dataset(), _settings(1))
    trainer.fit()
    path = trainer.save_checkpoint(tmp_path, "mine")
    assert path.name == "mine.json"
    ck = load_checkpoint(tmp_path, "mine")
    assert weights_equal(ck.weights, trainer.state_dict_cpu())
    assert ck.optimizer_state is not None
    live = trainer._optimizer.state_dict()
    assert len(ck.optimizer_state["state"]) == len(live["state"])
    for pid, entries in live["state"].items():
        for key, value in entries.items():
            assert torch.equal(torch.as_tensor(ck.optimizer_state["state"][pid][key]), value)
    # The state file is safetensors: it starts with an 8-byte header length, then JSON.
    raw = (tmp_path / "mine.state.safetensors").read_bytes()
    assert raw[8:9] == b"{"


def test_missing_or_mismatched_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NetCanvasError, match="missing or unreadable"):
        load_checkpoint(tmp_path, "nothing")
    Trainer(table_model(), table_dataset(), _settings(1)).save_checkpoint(tmp_path)
    other = Trainer(torch.nn.Sequential(torch.nn.Linear(4, 3)), table_dataset(), _settings(1))
    with pytest.raises(NetCanvasError, match="different network"):
        other.load_checkpoint(tmp_path)


def test_schedules_shape_the_learning_rate() -> None:
    def lrs(kind: str, **kw: float) -> list[float]:
        s = Schedule(TrainSettings(lr=1.0, schedule=kind, **kw))  # type: ignore[arg-type]
        return [s.lr(epoch=e, fit_progress=e / 10) for e in range(11)]

    assert lrs("constant") == [1.0] * 11
    assert lrs("step", step_size=2, gamma=0.5)[:5] == [1.0, 1.0, 0.5, 0.5, 0.25]
    cosine = lrs("cosine")
    assert cosine[0] == 1.0 and cosine[5] == pytest.approx(0.5) and cosine[10] < 1e-12
    onecycle = lrs("onecycle")
    assert onecycle[0] == pytest.approx(1 / 25) and onecycle[3] == pytest.approx(1.0)
    assert onecycle[10] < 1e-4 and max(onecycle) == pytest.approx(1.0)
    short = lrs("onecycle", warmup=0.1)  # the peak moves to the end of the warm-up
    assert short[0] == pytest.approx(1 / 25) and short[1] == pytest.approx(1.0)
    assert short[3] < onecycle[3] and short[10] < 1e-4
    plateau = Schedule(TrainSettings(lr=1.0, schedule="plateau", gamma=0.1, patience=2))
    seen = []
    for loss in (1.0, 0.5, 0.6, 0.4, 0.7, math.nan):  # patience 2 -> reduce after 1 bad epoch
        plateau.end_epoch(loss)
        seen.append(plateau.lr(0, 0.0))
    assert seen == pytest.approx([1.0, 1.0, 0.1, 0.1, 0.01, 0.01])  # NaN is ignored
