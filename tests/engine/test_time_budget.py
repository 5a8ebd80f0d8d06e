"""Training to a time budget: the run stops at the first batch boundary past the limit, says so,
leaves paused time out, and the CLI's --time-limit does the same and saves the run."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import torch
from test_train_fixtures import table_dataset
from torch import nn

from engine.cli import main
from engine.project import load_project
from engine.train.callbacks import Callback
from engine.train.trainer import Trainer
from engine.types import TrainSettings

torch.set_num_threads(1)
BATCH_S = 0.04  # each training batch takes at least this long


class SlowNet(nn.Module):
    """A linear classifier whose training forward pass sleeps: batches of a known duration."""

    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training:
            time.sleep(BATCH_S)
        return self.linear(x)  # type: ignore[no-any-return]


def _trainer(budget: float, callbacks: list[Callback] | None = None) -> Trainer:
    settings = TrainSettings(epochs=1000, batch_size=16, time_budget_s=budget, log_interval_ms=10)
    return Trainer(SlowNet(), table_dataset(n=200), settings, callbacks or [], num_threads=1)


def test_the_run_stops_within_one_batch_of_the_limit_and_says_why() -> None:
    trainer = _trainer(0.6)
    record = trainer.fit()
    assert record.status == "stopped"
    assert record.message.startswith("Stopped at the time limit of 0.6 s")
    seconds = record.message_args["seconds"]
    # Checked before every batch: past the limit by less than one batch (and some slack for a
    # busy machine), never short of it.
    assert 0.6 <= seconds < 0.6 + BATCH_S + 0.05, seconds
    assert 0 < trainer.global_step <= 0.6 / BATCH_S + 1


class BatchLogs(Callback):
    def __init__(self) -> None:
        self.logs: list[dict[str, float]] = []

    def on_batch_end(self, step: int, logs: dict[str, float]) -> None:
        self.logs.append(dict(logs))


def test_the_learning_rate_schedule_spans_the_time_limit() -> None:
    # 1000 epochs would take minutes: sized by epochs alone, a one-cycle run stopped after 1 s
    # would still be warming up at lr/25. Sized by the limit, it peaks and anneals within it.
    seen = BatchLogs()
    trainer = _trainer(1.0, [seen])
    trainer.settings.schedule = "onecycle"
    trainer.settings.lr = 0.01
    trainer.fit()
    rates = [logs["lr"] for logs in seen.logs]
    assert max(rates) > 0.009, rates
    assert rates[-1] < 0.004 and rates.index(max(rates)) < len(rates) - 1, rates
    # The time left, not the 1000 epochs, is what the progress bar counts down.
    assert all(logs["eta_s"] <= 1.0 for logs in seen.logs)


def test_paused_time_does_not_count() -> None:
    class PauseOnce(Callback):
        def __init__(self) -> None:
            self.steps: list[int] = []

        def on_batch_end(self, step: int, logs: dict[str, float]) -> None:
            self.steps.append(step)
            if len(self.steps) == 1:
                trainer.request_pause()
                threading.Timer(0.8, trainer.resume).start()

    watch = PauseOnce()
    trainer = _trainer(0.5, [watch])
    started = time.perf_counter()
    record = trainer.fit()
    assert record.status == "stopped" and time.perf_counter() - started >= 0.8 + 0.5
    assert record.message_args["seconds"] < 0.5 + BATCH_S + 0.05
    assert trainer.global_step >= 5  # it trained after the pause, on the budget left


def test_no_limit_by_default() -> None:
    settings = TrainSettings(epochs=2, batch_size=64)
    assert settings.time_budget_s == 0
    trainer = Trainer(nn.Linear(4, 3), table_dataset(n=100), settings, num_threads=1)
    assert trainer.fit().status == "finished"


def test_cli_time_limit_stops_evaluates_and_saves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "iris.netcanvas")
    assert main(["new", path, "--template", "mlp", "--data", "iris"]) == 0
    code = main(["train", path, "--epochs", "10000", "--time-limit", "1", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "time limit: 1 s" in out
    run = load_project(path).runs[-1]
    assert run.status == "stopped" and "time limit of 1 s" in run.message
    assert "test_loss" in run.metrics  # evaluated like an ordinary stop
    assert main(["train", path, "--time-budget", "-3"]) == 2
    assert "--time-budget" in capsys.readouterr().err
