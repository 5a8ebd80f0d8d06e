"""The window's sessions without any widget: training, data, evaluation, and the worker under them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pane_support import MOONS, state_with
from PySide6.QtCore import QCoreApplication

from engine import DataRef, load_project, new_project, save_project
from engine.cli import main as cli_main
from gui.data.session import DataSession
from gui.document import ProjectDocument
from gui.evaluate.session import EvaluationSession
from gui.training.session import TrainingSession
from gui.worker import Task, TaskSlot, user_message


def regression_csv(folder: Path) -> DataRef:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(240, 3))
    y = x @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=240)
    rows = ["a,b,c,target", *(",".join(map(str, [*r, t])) for r, t in zip(x, y, strict=True))]
    (folder / "table.csv").write_text("\n".join(rows), encoding="utf-8")
    return DataRef(str(folder / "table.csv"))


def train(qtbot: Any, session: TrainingSession) -> Any:
    with qtbot.waitSignal(session.sig_finished, timeout=60_000) as finished:
        assert session.start() == ""
    return finished.args[0]


# -- training ------------------------------------------------------------------------------------


def test_a_run_ends_with_its_record_weights_and_model_in_the_finished_signal(qtbot: Any) -> None:
    document = state_with(epochs=2)
    session = TrainingSession(document)
    states: list[str] = []
    session.sig_state.connect(states.append)
    outcome = train(qtbot, session)
    assert states[0] == "starting" and "running" in states and states[-1] == "finished"
    record = outcome.record
    assert record.status == "finished" and len(record.history["loss"]) == 2
    assert document.project.runs == [record] and record.id == "run-1"
    assert document.model is outcome.model and document.dirty  # a finished run is a change
    assert set(outcome.weights) == set(outcome.model.state_dict())
    assert all(t.device.type == "cpu" for t in outcome.weights.values())
    assert "test_accuracy" in record.metrics  # the engine's finish_run evaluated it
    assert session.can_continue()


def test_the_window_and_the_cli_both_train_with_the_output_layers_l1_loss(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = regression_csv(tmp_path)
    from engine import load_dataset

    dataset = load_dataset(ref)
    assert dataset.task == "regression"
    project = new_project("mlp", ref, dataset.context())
    output = next(n for n in project.graph.nodes.values() if n.type == "Output")
    project.graph.set_param(output.id, "loss", "l1")
    project.settings.epochs = 1
    project.settings.device = "cpu"
    path = tmp_path / "l1.netcanvas"
    save_project(project, path)

    # The window's path: a document, its training session.
    document = ProjectDocument(load_project(path))
    document.set_dataset(dataset)
    session = TrainingSession(document)
    outcome = train(qtbot, session)
    assert outcome.record.status == "finished"
    assert outcome.record.loss == "l1" and session.trainer.objective.name == "l1"

    # The CLI's path on the same file.
    monkeypatch.chdir(tmp_path)
    assert cli_main(["train", str(path), "--quiet"]) == 0
    record = load_project(path).runs[-1]
    assert record.status == "finished" and record.loss == "l1"
    # Its test loss is the L1 (mean absolute error), not the MSE the window once trained.
    from engine import evaluate_project, trained_model

    saved = load_project(path)
    report = evaluate_project(saved, trained_model(saved, dataset), dataset)
    assert report.loss == pytest.approx(report.to_dict()["mae"], rel=1e-4)
    assert record.metrics["test_loss"] == pytest.approx(report.loss, rel=1e-4)


def test_an_invalid_network_gives_the_reason_and_starts_nothing(qtbot: Any) -> None:
    document = state_with()
    output = next(n for n in document.project.graph.nodes.values() if n.type == "Output")
    document.project.graph.set_param(output.id, "units", 5)  # moons has 2 classes
    session = TrainingSession(document)
    reason = session.start()
    assert "Output" in reason and session.state == "idle" and session.trainer is None
    document.set_dataset(None)
    assert "dataset" in session.start()


def test_an_edited_network_cannot_continue_the_previous_run(qtbot: Any) -> None:
    document = state_with(epochs=1)
    session = TrainingSession(document)
    train(qtbot, session)
    assert session.can_continue()
    dense = next(n for n in document.project.graph.nodes.values() if n.type == "Linear")
    document.project.graph.set_param(dense.id, "units", int(dense.params["units"]) + 3)
    assert not session.can_continue() and not session.continue_run(1)


def test_replacing_the_project_mid_run_stores_nothing_in_the_new_one(qtbot: Any) -> None:
    document = state_with(epochs=500)
    session = TrainingSession(document)
    finished: list[Any] = []
    session.sig_finished.connect(finished.append)
    assert session.start() == ""
    qtbot.waitUntil(lambda: session.state == "running", timeout=20_000)
    other = new_project("toy2d", MOONS, None)
    other.name = "the next project"
    document.replace(other, None)
    assert session.state == "idle" and not session.running and not document.training
    QCoreApplication.sendPostedEvents()
    qtbot.wait(100)
    assert finished == [] and document.project.runs == [] and document.model is None
    assert not document.dirty and not session.can_continue()


# -- data ----------------------------------------------------------------------------------------


def test_a_newer_load_cancels_the_older_one(qtbot: Any) -> None:
    document = state_with(load=False)
    session = DataSession(document)
    loaded: list[Any] = []
    session.sig_loaded.connect(loaded.append)
    session.load(DataRef("digits-8x8"))
    session.load(MOONS)
    qtbot.waitUntil(lambda: not session.loading, timeout=30_000)
    assert session.wait(10_000)
    QCoreApplication.sendPostedEvents()
    assert [d.name for d in loaded] == [document.dataset.name]
    assert document.dataset.kind == "points"  # the moons, not the digits loaded first
    assert not document.dirty  # the project's own data source: nothing changed


def test_a_failed_load_explains_itself_and_keeps_the_data(qtbot: Any, tmp_path: Path) -> None:
    document = state_with()
    before = document.dataset
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    session = DataSession(document)
    with qtbot.waitSignal(session.sig_failed, timeout=30_000) as failed:
        session.load(DataRef(str(broken)))
    assert "broken.csv" in failed.args[0] and "Traceback" not in failed.args[0]
    qtbot.waitUntil(lambda: not session.loading, timeout=5000)
    assert document.dataset is before and not document.dirty


# -- evaluation ----------------------------------------------------------------------------------


def test_an_evaluation_of_the_previous_project_never_arrives_after_a_switch(qtbot: Any) -> None:
    from pane_support import train_headless

    document = state_with(epochs=1)
    train_headless(document)
    session = EvaluationSession(document)
    reports: list[Any] = []
    session.sig_report.connect(reports.append)
    resets: list[bool] = []
    session.sig_reset.connect(lambda: resets.append(True))
    session.evaluate()
    document.replace(new_project("toy2d", MOONS, None), None)
    assert session.wait(20_000)
    qtbot.wait(50)
    assert resets == [True] and reports == [] and session.report is None
    # On the new project with no model, an evaluation says so at once.
    session.evaluate()
    assert reports == [None]


# -- the worker ----------------------------------------------------------------------------------


def test_a_task_error_becomes_one_plain_message(qtbot: Any) -> None:
    def fail(_task: Task) -> None:
        raise ValueError("shapes (3,) and (4,) do not align\nmore lines")

    task = Task(fail, "NetCanvasTest", doing="The test job")
    with qtbot.waitSignal(task.sig_errored, timeout=5000) as errored:
        task.start()
    assert task.wait()
    message = errored.args[0]
    assert message.startswith("The test job failed unexpectedly (ValueError: shapes")
    assert "more lines" not in message and "Traceback" not in message
    from engine import DataError

    assert user_message(DataError("The file is empty.")) == "The file is empty."


def test_starting_a_slot_again_cancels_and_disconnects_the_older_task(qtbot: Any) -> None:
    release = threading.Event()
    results: list[str] = []
    slot = TaskSlot("NetCanvasTest")

    def slow(_task: Task) -> str:
        release.wait(10)
        return "old"

    slot.start(slow, results.append)
    slot.start(lambda _task: "new", results.append)
    release.set()
    assert slot.wait(10_000)
    qtbot.wait(50)
    assert results == ["new"]  # the older result was dropped, though its thread ran on
    assert slot.shutdown() and not slot.busy


def test_start_when_free_keeps_only_the_newest_waiting_request(qtbot: Any) -> None:
    release = threading.Event()
    results: list[int] = []
    slot = TaskSlot("NetCanvasTest")

    def job(value: int) -> Any:
        def run(_task: Task) -> int:
            if value == 0:
                release.wait(10)
            return value

        return run

    for value in range(4):  # 0 runs; 1 and 2 are overtaken by 3 while 0 is in flight
        slot.start_when_free(job(value), results.append)
    release.set()
    qtbot.waitUntil(lambda: results == [0, 3], timeout=10_000)
    assert slot.shutdown()


def test_generate_during_a_run_uses_the_weights_as_they_are_now(qtbot: Any) -> None:
    text = DataRef("python-docs", {"max_chars": 20_000, "seq_len": 32})
    document = state_with("char-lstm", text, epochs=200)
    training = TrainingSession(document)
    evaluation = EvaluationSession(document, training)
    batches: list[dict[str, float]] = []
    training.sig_batch.connect(batches.append)
    assert training.start() == ""
    qtbot.waitUntil(lambda: len(batches) >= 1, timeout=30_000)
    assert document.model is None  # a first run: no trained model, no finished epoch yet
    with qtbot.waitSignal(evaluation.sig_generated, timeout=30_000) as generated:
        assert evaluation.generate("The ", 25, 0.8)
    produced = generated.args[0]
    assert len(produced) == 25 and set(produced) <= set(document.dataset.vocab)
    assert training.running  # generated alongside the run, which went on
    assert training.stop_and_wait() and evaluation.shutdown()


def test_data_of_another_shape_drops_the_model_trained_on_the_previous_data(qtbot: Any) -> None:
    # The old model evaluated on the new data raised a RuntimeError nobody saw.
    from pane_support import train_headless

    document = state_with(epochs=1)
    train_headless(document)
    evaluation = EvaluationSession(document)
    failures: list[str] = []
    evaluation.sig_failed.connect(failures.append)
    same = document.dataset
    document.set_dataset(same)  # the same data again: the model stays
    assert document.model is not None
    session = DataSession(document)
    with qtbot.waitSignal(session.sig_loaded, timeout=30_000):
        session.load(DataRef("iris"))
    assert document.model is None and document.model_signature is None
    reports: list[Any] = []
    evaluation.sig_report.connect(reports.append)
    evaluation.evaluate()
    assert evaluation.wait(10_000) and reports == [None] and failures == []
    assert session.shutdown()


def test_the_boundary_is_drawn_from_the_grid_asked_for_even_if_the_grid_changes_meanwhile(
    qtbot: Any,
) -> None:
    # The pane replaces the grid when the model changes; the worker read it later, found None
    # and the boundary failed (seen once in CI).
    from pane_support import train_headless

    document = state_with(epochs=1)
    train_headless(document)
    session = EvaluationSession(document)
    grid = np.stack(np.meshgrid(np.linspace(-2, 3, 20), np.linspace(-2, 2, 20)), -1).reshape(-1, 2)
    session.boundary_grid = grid.astype(np.float32)
    with qtbot.waitSignal(session.sig_boundary, timeout=20_000) as drawn:
        session.draw_boundary()
        session.boundary_grid = None  # the pane, right after
    assert np.asarray(drawn.args[0]).shape == (400, 2)
    assert session.shutdown()
