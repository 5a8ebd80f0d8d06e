"""The Trainer: callbacks, control from other threads, faults, early stopping, determinism."""

from __future__ import annotations

import math
import threading
import time
from typing import Any
from unittest.mock import Mock

import pytest
import torch
from test_train_fixtures import (
    CharModel,
    image_dataset,
    image_model,
    table_dataset,
    table_model,
    text_dataset,
    weights_equal,
)
from torch import nn

from engine.train import Callback, Trainer, messages
from engine.types import TrainSettings


def settings(**kw: Any) -> TrainSettings:
    base: dict[str, Any] = {"epochs": 2, "batch_size": 32, "lr": 0.01, "device": "cpu"}
    base.update(kw)
    return TrainSettings(**base)


class Recorder(Callback):
    """Collects every hook's logs; optionally runs an action on a batch end."""

    def __init__(self, on_batch: Any = None) -> None:
        self.batches: list[tuple[int, dict[str, float]]] = []
        self.epochs: list[dict[str, float]] = []
        self.on_batch = on_batch

    def on_batch_end(self, step: int, logs: dict[str, float]) -> None:
        self.batches.append((step, logs))
        if self.on_batch is not None:
            self.on_batch(step)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self.epochs.append(logs)


def test_callback_order_and_plain_float_logs() -> None:
    cb = Mock(spec=Callback)
    ds = table_dataset()
    # A long interval: on_batch_end fires once per epoch (at its end), not per step.
    Trainer(table_model(), ds, settings(log_interval_ms=60_000), [cb]).fit()
    names = [c[0] for c in cb.method_calls]
    epoch = ["on_epoch_begin", "on_batch_end", "on_validation_end", "on_epoch_end"]
    assert names == ["on_train_begin", *epoch, *epoch, "on_train_end"]
    for call in cb.method_calls:
        logs = call.args[-1]
        assert all(type(v) is float for v in logs.values()), (call, logs)
    end_logs = cb.on_epoch_end.call_args.args[1]
    assert {"loss", "accuracy", "val_loss", "val_accuracy", "lr"} <= end_logs.keys()
    batch_logs = cb.on_batch_end.call_args.args[1]
    assert {"loss", "accuracy", "lr", "samples_per_s", "epoch", "progress", "eta_s"} <= set(
        batch_logs
    )
    assert batch_logs["progress"] == 1.0 and batch_logs["epoch"] == 2.0


def test_learns_and_records_history() -> None:
    ds = table_dataset(400)
    trainer = Trainer(table_model(), ds, settings(epochs=8, lr=0.02, log_interval_ms=0))
    record = trainer.fit()
    assert record.status == "finished" and trainer.state == "finished"
    assert len(record.history["loss"]) == 8
    assert record.history["val_accuracy"][-1] > 0.75  # chance is 0.33
    assert record.history["loss"][-1] < record.history["loss"][0]
    steps_per_epoch = math.ceil(len(ds.train) / 32)
    assert len(record.steps["loss"]) == 8 * steps_per_epoch  # interval 0: every step logged
    assert trainer.samples_seen == 8 * len(ds.train)


def test_same_seed_same_weights_on_cpu() -> None:
    ds = table_dataset()

    def run(seed: int) -> dict[str, torch.Tensor]:
        trainer = Trainer(table_model(), ds, settings(seed=seed))
        trainer.fit()
        return trainer.state_dict_cpu()

    first, again, other = run(1), run(1), run(2)
    assert weights_equal(first, again)
    assert not weights_equal(first, other)


def test_stop_is_honoured_within_one_batch_and_run_continues() -> None:
    ds = table_dataset()
    trainer: Trainer

    def stop_at(step: int) -> None:
        if step == 3:
            trainer.request_stop()

    rec = Recorder(stop_at)
    trainer = Trainer(table_model(), ds, settings(epochs=3, log_interval_ms=0), [rec])
    record = trainer.fit()
    assert trainer.global_step == 3  # no batch ran after the request
    assert record.status == "stopped" and trainer.state == "stopped"
    assert record.history == {}  # the partial epoch is not an epoch
    rec.on_batch = None
    record = trainer.fit(1)  # continue: same model, optimiser and history
    assert record.status == "finished"
    assert trainer.epoch == 1 and len(record.history["loss"]) == 1
    record = trainer.fit(2)
    assert trainer.epoch == 3 and len(record.history["loss"]) == 3


def test_pause_step_resume_from_another_thread() -> None:
    ds = table_dataset(600)
    paused_at = threading.Event()
    trainer: Trainer

    def pause_at(step: int) -> None:
        if step == 2:
            trainer.request_pause()
            paused_at.set()

    trainer = Trainer(
        table_model(), ds, settings(epochs=2, log_interval_ms=0), [Recorder(pause_at)]
    )
    worker = threading.Thread(target=trainer.fit)
    worker.start()
    try:
        assert paused_at.wait(20)
        deadline = time.monotonic() + 20
        while trainer.state != "paused" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert trainer.state == "paused"
        time.sleep(0.2)
        assert trainer.global_step == 2  # paused before the next batch
        trainer.step()
        deadline = time.monotonic() + 20
        while trainer.global_step < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        assert trainer.global_step == 3  # exactly one batch
        assert trainer.state == "paused"
        trainer.resume()
    finally:
        trainer.resume()
        worker.join(30)
    assert not worker.is_alive()
    assert trainer.history.status == "finished"
    assert trainer.global_step == 2 * math.ceil(len(ds.train) / 32)


def test_pause_before_fit_then_stop() -> None:
    trainer = Trainer(table_model(), table_dataset(), settings())
    trainer.request_pause()
    worker = threading.Thread(target=trainer.fit)
    worker.start()
    deadline = time.monotonic() + 20
    while trainer.state != "paused" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert trainer.state == "paused" and trainer.global_step == 0
    trainer.request_stop()
    worker.join(20)
    assert trainer.history.status == "stopped" and trainer.global_step == 0


class NaNAfter(nn.Module):
    """A working model until its ``bad_call``-th training forward, which returns NaN."""

    def __init__(self, bad_call: int) -> None:
        super().__init__()
        self.net = table_model()
        self.calls = 0
        self.bad_call = bad_call

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.net(x)
        if self.training:
            self.calls += 1
            if self.calls == self.bad_call:
                return out * float("nan")
        return out


@pytest.mark.parametrize("interval_ms", [0, 60_000])
def test_nan_loss_fails_naming_the_step_and_keeps_good_weights(interval_ms: int) -> None:
    model = NaNAfter(bad_call=5)
    trainer = Trainer(model, table_dataset(), settings(epochs=3, log_interval_ms=interval_ms))
    record = trainer.fit()
    assert record.status == "failed" and trainer.state == "failed"
    assert "step 5" in record.message and "learning rate" in record.message
    assert all(torch.isfinite(v).all() for v in trainer.state_dict_cpu().values())
    assert record.history == {}


class Boom(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = table_model()
        self.calls = 0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        if self.calls == 3:
            raise RuntimeError("sensor exploded")
        out: torch.Tensor = self.net(x)
        return out


def test_other_exception_fails_with_readable_message() -> None:
    cb = Mock(spec=Callback)
    trainer = Trainer(Boom(), table_dataset(), settings(), [cb])
    record = trainer.fit()
    assert record.status == "failed"
    assert "sensor exploded" in record.message and "step 3" in record.message
    assert isinstance(trainer.error, RuntimeError)
    cb.on_train_end.assert_called_once()


def test_early_stopping_restores_best_weights() -> None:
    ds = table_dataset(400)
    # Validation labels are a different rule: the better the model learns the training rule,
    # the worse the validation loss, so the first epoch is the best one.
    ds.val.y = (ds.val.y + 1) % 3
    snapshots: list[dict[str, torch.Tensor]] = []
    trainer: Trainer

    class Snap(Callback):
        def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
            snapshots.append(trainer.state_dict_cpu())

    s = settings(epochs=20, lr=0.05, early_stopping=True, patience=2)
    trainer = Trainer(table_model(), ds, s, [Snap()])
    record = trainer.fit()
    val = record.history["val_loss"]
    best = min(range(len(val)), key=val.__getitem__)
    assert len(val) == best + 3  # two epochs without improvement, then stop
    assert record.status == "finished" and "Early stopping" in record.message
    assert weights_equal(trainer.state_dict_cpu(), snapshots[best])
    assert not weights_equal(trainer.state_dict_cpu(), snapshots[-1])


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "adamw", "rmsprop", "adagrad"])
def test_every_optimiser_reduces_the_loss(optimizer: str) -> None:
    s = settings(optimizer=optimizer, epochs=4, nesterov=True, weight_decay=1e-4)
    record = Trainer(table_model(), table_dataset(), s).fit()
    assert record.status == "finished"
    assert record.history["loss"][-1] < record.history["loss"][0]


def test_step_schedule_and_plateau_show_in_lr_history() -> None:
    s = settings(epochs=4, schedule="step", step_size=1, gamma=0.5)
    record = Trainer(table_model(), table_dataset(), s).fit()
    assert record.history["lr"] == pytest.approx([0.01, 0.005, 0.0025, 0.00125])


def test_l1_and_grad_clip_change_training() -> None:
    ds = table_dataset()

    def weight_sum(**kw: Any) -> float:
        trainer = Trainer(table_model(), ds, settings(epochs=3, **kw))
        trainer.fit()
        return float(sum(p.detach().abs().sum() for p in trainer.model.parameters()))

    def drift(**kw: Any) -> float:
        start = table_model().state_dict()
        trainer = Trainer(table_model(), ds, settings(epochs=1, optimizer="sgd", lr=0.5, **kw))
        trainer.fit()
        end = trainer.state_dict_cpu()
        return float(sum((end[k] - start[k]).abs().sum() for k in start))

    assert weight_sum(l1=0.05) < 0.8 * weight_sum()
    assert drift(grad_clip=0.01) < 0.2 * drift()


def test_label_smoothing_is_minimised_but_the_plain_loss_is_reported() -> None:
    """The step minimises torch's smoothed cross-entropy and reports the plain one, which the
    validation loss also is; the smoothed model ends less confident."""
    from torch.nn import functional as F

    from engine.train.objective import Objective

    out = torch.randn(16, 5, requires_grad=True)
    y = torch.randint(0, 5, (16,))
    loss, shown = Objective("classification", label_smoothing=0.3).training_loss()(out, y)
    assert torch.allclose(loss, F.cross_entropy(out, y, label_smoothing=0.3), atol=1e-6)
    assert torch.allclose(shown, F.cross_entropy(out, y), atol=1e-6)
    loss.backward()
    assert out.grad is not None and out.grad.abs().sum() > 0

    ds = table_dataset()

    def run(**kw: Any) -> tuple[nn.Module, float]:
        trainer = Trainer(table_model(), ds, settings(epochs=12, lr=0.05, **kw))
        return trainer.model, trainer.fit().history["loss"][-1]

    def confidence(model: nn.Module) -> float:
        with torch.no_grad():
            return float(torch.softmax(model(ds.val.x), dim=-1).max(dim=-1).values.mean())

    plain, _ = run()
    smooth, reported = run(label_smoothing=0.3)
    assert confidence(smooth) < confidence(plain) - 0.1
    with torch.no_grad():
        out = smooth(ds.train.x)
    plain_loss = float(F.cross_entropy(out, ds.train.y))
    smoothed_loss = float(F.cross_entropy(out, ds.train.y, label_smoothing=0.3))
    assert abs(reported - plain_loss) < abs(reported - smoothed_loss)


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_binary_and_regression_tasks(task: str) -> None:
    ds = table_dataset(400, task=task)  # type: ignore[arg-type]
    model = table_model(outputs=1 if task == "binary" else 2)
    record = Trainer(model, ds, settings(epochs=6, lr=0.02)).fit()
    assert record.status == "finished"
    assert record.history["val_loss"][-1] < record.history["val_loss"][0]
    assert ("val_accuracy" in record.history) == (task == "binary")


def test_next_char_task_counts_characters() -> None:
    ds = text_dataset()
    trainer = Trainer(CharModel(len(ds.vocab or [])), ds, settings(epochs=3, lr=0.02))
    record = trainer.fit()
    assert record.status == "finished"
    assert record.history["loss"][-1] < record.history["loss"][0]
    assert 0.0 <= record.history["val_accuracy"][-1] <= 1.0


def test_image_augmentation_runs_and_is_seeded() -> None:
    ds = image_dataset()
    s = settings(epochs=2, augment=["shift", "flip", "noise"])

    def run() -> dict[str, torch.Tensor]:
        trainer = Trainer(image_model(), ds, s)
        assert trainer.fit().status == "finished"
        return trainer.state_dict_cpu()

    assert weights_equal(run(), run())


def test_stop_requested_before_fit_is_honoured_once() -> None:
    trainer = Trainer(table_model(), table_dataset(), settings())
    trainer.request_stop()  # e.g. the user pressed Stop while the thread was starting
    record = trainer.fit()
    assert record.status == "stopped" and trainer.global_step == 0
    assert record.message == "Stopped by request. Epochs completed: 0."
    assert (record.message_template, record.message_args) == (
        messages.STOPPED_BY_REQUEST,
        {"epochs": 0},
    )
    record = trainer.fit(1)
    assert record.status == "finished"  # the next run is not stopped by it
    assert (record.message, record.message_template, record.message_args) == ("", "", {})


def test_cannot_fit_twice_at_once() -> None:
    trainer = Trainer(table_model(), table_dataset(), settings())
    trainer.state = "running"
    with pytest.raises(Exception, match="already training"):
        trainer.fit()
