"""The one adapter: engine callbacks become Qt signals; control flags reach the trainer."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from test_panes_support import state_with

from engine import GraphError, TrainSettings, build_model
from gui.training_worker import TrainingWorker


def make_worker(epochs: int = 2, **settings: Any) -> TrainingWorker:
    state = state_with(epochs=epochs)
    values = {**state.project.settings.to_dict(), **settings}
    model = build_model(state.project.graph, seed=0)
    assert state.dataset is not None
    return TrainingWorker(model, state.dataset, TrainSettings.from_dict(values))


def test_run_emits_plain_signals_in_order(qtbot: Any) -> None:
    worker = make_worker(epochs=2)
    seen: list[tuple[str, Any]] = []
    worker.sig_batch.connect(lambda logs: seen.append(("batch", logs)))
    worker.sig_validation.connect(lambda logs: seen.append(("validation", logs)))
    worker.sig_epoch.connect(lambda logs: seen.append(("epoch", logs)))
    worker.sig_state.connect(lambda s: seen.append(("state", s)))
    with qtbot.waitSignal(worker.sig_finished, timeout=30_000) as finished:
        assert worker.start()
    record = finished.args[0]
    assert record.status == "finished"
    assert len(record.history["val_loss"]) == 2
    assert worker.wait(5000) and not worker.running
    batches = [logs for kind, logs in seen if kind == "batch"]
    assert batches and all(isinstance(v, float) for logs in batches for v in logs.values()), (
        "only plain floats cross the thread boundary"
    )
    assert {"loss", "epoch", "lr"} <= set(batches[0])
    epochs = [logs for kind, logs in seen if kind == "epoch"]
    assert [e["epoch_index"] for e in epochs] == [0.0, 1.0]
    assert "val_loss" in epochs[-1]
    states = [s for kind, s in seen if kind == "state"]
    assert states[0] == "starting" and "running" in states and states[-1] == "finished"
    assert worker.weights is not None and set(worker.weights) == set(
        worker.trainer.model.state_dict()
    )
    # The worker came back to the GUI thread when its thread ended.
    assert worker.thread() is QThread.currentThread()


def test_pause_step_resume_stop(qtbot: Any) -> None:
    worker = make_worker(epochs=200)
    batches: list[dict[str, float]] = []
    worker.sig_batch.connect(batches.append)
    worker.start()
    qtbot.waitUntil(lambda: len(batches) >= 2, timeout=20_000)
    worker.pause()
    assert worker.paused
    qtbot.waitUntil(lambda: worker.trainer.state == "paused", timeout=5000)
    qtbot.wait(50)
    steps_when_paused = worker.trainer.global_step
    qtbot.wait(300)
    assert worker.trainer.global_step == steps_when_paused, "no batch runs while paused"
    worker.step()
    qtbot.waitUntil(lambda: worker.trainer.global_step == steps_when_paused + 1, timeout=5000)
    qtbot.wait(200)
    assert worker.trainer.global_step == steps_when_paused + 1, "step runs exactly one batch"
    worker.resume()
    qtbot.waitUntil(lambda: worker.trainer.global_step > steps_when_paused + 3, timeout=5000)
    with qtbot.waitSignal(worker.sig_finished, timeout=10_000) as finished:
        worker.stop()
    assert finished.args[0].status == "stopped"
    assert worker.wait(5000)


def test_stop_and_wait_while_paused_leaves_no_thread(qtbot: Any) -> None:
    worker = make_worker(epochs=200)
    worker.start()
    qtbot.waitUntil(lambda: worker.trainer is not None and worker.trainer.global_step > 0)
    worker.pause()
    qtbot.waitUntil(lambda: worker.trainer.state == "paused", timeout=5000)
    assert worker.stop_and_wait(10_000)
    assert not worker.running
    assert worker.state == "stopped"


def test_refused_run_reports_a_message(qtbot: Any) -> None:
    worker = make_worker(epochs=1, device="cuda:7")  # not on this machine
    with qtbot.waitSignal(worker.sig_failed, timeout=10_000) as failed:
        worker.start()
    assert "cuda:7" in failed.args[0] and "Traceback" not in failed.args[0]
    assert worker.wait(5000) and not worker.running and worker.state == "failed"


def test_pause_and_stop_before_the_trainer_exists(qtbot: Any) -> None:
    worker = make_worker(epochs=200)
    finished: list[Any] = []
    worker.sig_finished.connect(finished.append)
    worker.start()
    worker.pause()  # at once: the thread may still be building the trainer
    assert worker.state == "paused"
    qtbot.waitUntil(lambda: worker.trainer is not None and worker.trainer.state == "paused")
    assert worker.trainer.global_step == 0  # paused before the first batch
    assert worker.stop_and_wait(10_000)
    assert finished and finished[0].status == "stopped"


def test_model_is_built_on_the_training_thread_and_a_failed_build_is_reported(
    qtbot: Any,
) -> None:
    state = state_with(epochs=1)
    assert state.dataset is not None
    settings = TrainSettings.from_dict(state.project.settings.to_dict())
    built_on: list[int] = []

    def build() -> Any:
        built_on.append(threading.get_ident())
        return build_model(state.project.graph, seed=0)

    worker = TrainingWorker(None, state.dataset, settings, build_model=build)
    with qtbot.waitSignal(worker.sig_finished, timeout=30_000) as finished:
        worker.start()
    assert finished.args[0].status == "finished"
    assert built_on and built_on[0] != threading.get_ident()
    assert worker.wait(5000)  # it has reported; its thread ends right after

    def out_of_memory() -> Any:
        raise RuntimeError("not enough memory: tried to allocate 4 TiB")

    def engine_refusal() -> Any:
        raise GraphError("The network could not be built: its 10 parameters need 1 GiB")

    for build, message in (
        (out_of_memory, "The network could not be built: not enough memory: tried to allocate"),
        (engine_refusal, "The network could not be built: its 10 parameters need 1 GiB"),
    ):
        worker = TrainingWorker(None, state.dataset, settings, build_model=build)
        with qtbot.waitSignal(worker.sig_failed, timeout=10_000) as failed:
            worker.start()
        assert failed.args[0].startswith(message) and failed.args[0].count("built") == 1
        assert worker.wait(5000) and worker.state == "failed"
