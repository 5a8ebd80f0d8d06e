"""The Training pane: a real run on a worker thread, live plots, controls, runs, close."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from pane_support import state_with
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.training.pane import TrainingPane, settings_differences
from gui.training.series import find_overfitting


def make_pane(qtbot: Any, epochs: int = 2) -> TrainingPane:
    pane = TrainingPane(state_with(epochs=epochs))
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    return pane


def test_on_a_lab_screen_the_settings_and_the_outcome_are_in_view(qtbot: Any) -> None:
    """The pane as tall as it gets at 1366×768 (~330 px): the settings are shown without
    scrolling before a run, and the run's outcome sits at the top with the evaluation offered."""
    pane = make_pane(qtbot, epochs=1)
    pane.resize(1366, 330)
    qtbot.waitExposed(pane)

    def in_view(widget: Any) -> bool:
        top_left = widget.mapTo(pane, widget.rect().topLeft())
        return widget.isVisible() and pane.rect().contains(top_left)

    form = pane.settings_form
    assert in_view(form.batch) and in_view(pane.start_button)
    with qtbot.waitSignal(pane.sig_run_finished, timeout=60_000):
        qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
    assert pane.message_bar.level == "success" and "finished" in pane.message_label.text()
    assert in_view(pane.message_label) and in_view(pane.evaluate_button)
    assert pane.message_bar.mapTo(pane, pane.message_bar.rect().topLeft()).y() < 20
    assert in_view(pane.epoch_label)  # the run's figures replaced the locked settings
    qtbot.mouseClick(pane.message_bar.close_button, Qt.MouseButton.LeftButton)
    assert not pane.message_bar.isVisible()


def test_short_run_finishes_and_updates_the_project(qtbot: Any, tmp_path: Path) -> None:
    pane = make_pane(qtbot, epochs=3)
    state = pane.state
    assert pane.start_button.isEnabled() and not pane.stop_button.isEnabled()
    training: list[bool] = []
    state.sig_training_changed.connect(training.append)
    started = time.monotonic()
    with qtbot.waitSignal(pane.sig_run_finished, timeout=60_000) as finished:
        qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
        assert pane.running and not pane.start_button.isEnabled()
        assert pane.stop_button.isEnabled() and not pane.settings_form.isEnabled()
    elapsed_ms = 1000 * (time.monotonic() - started)
    record = finished.args[0]
    assert record.status == "finished" and len(record.history["val_loss"]) == 3
    assert training == [True, False]
    assert state.project.runs == [record]
    assert state.model is pane.session.trainer.model
    weights = state.project.weights
    assert weights is not None and set(weights) == set(state.model.state_dict())
    assert all(t.device.type == "cpu" for t in weights.values())
    # The plots got every logged step and one validation point per epoch.
    pane.plots.flush()
    assert pane.plots.step_loss.size >= 3
    assert pane.plots.history["val_loss"] == record.history["val_loss"]
    x, y = pane.plots.val_loss.getData()
    assert list(x) == [1.0, 2.0, 3.0] and len(y) == 3
    # Redraws come from the 50 ms timer, however many signals arrived.
    assert pane.plots.redraw_count <= elapsed_ms / 50 + 5
    assert pane.run_bar.value() == 100 and pane.start_button.isEnabled()
    assert pane.epoch_label.text() == "3 of 3"  # however the batch updates were throttled
    assert "finished" in pane.message_label.text()
    # The pane stays on the curves; the evaluation is offered, one click away.
    assert pane.evaluate_button.isVisible()
    with qtbot.waitSignal(pane.sig_show_evaluation, timeout=1000):
        qtbot.mouseClick(pane.evaluate_button, Qt.MouseButton.LeftButton)
    # Hover read-out, PNG and CSV exports.
    assert "val loss" in pane.plots.describe_at(2.0)
    pane.plots.export_png(tmp_path / "curves.png")
    pane.plots.export_csv(tmp_path / "history.csv")
    assert (tmp_path / "curves.png").stat().st_size > 1000
    rows = (tmp_path / "history.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("epoch,") and "val_loss" in rows[0] and len(rows) == 4
    # The finished run can be overlaid on the next one, with its settings difference listed.
    assert pane.runs_list.count() == 1
    state.project.settings.lr = 0.05
    pane.runs_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert pane.plots.overlay_count == 4
    assert f"lr: {record.settings['lr']} → 0.05" in pane.diff_label.text()
    # Editing the form afterwards keeps the list of differences current.
    pane.settings_form.batch.setValue(pane.settings_form.batch.value() * 2)
    assert "batch_size: " in pane.diff_label.text()


def test_pause_step_resume_stop_buttons(qtbot: Any) -> None:
    pane = make_pane(qtbot, epochs=300)
    batches: list[dict[str, float]] = []
    pane.start()
    pane.session.sig_batch.connect(batches.append)
    qtbot.waitUntil(lambda: len(batches) >= 2, timeout=20_000)
    assert pane.pause_button.isEnabled() and not pane.resume_button.isEnabled()
    qtbot.mouseClick(pane.pause_button, Qt.MouseButton.LeftButton)
    trainer = pane.session.trainer
    qtbot.waitUntil(lambda: trainer.state == "paused", timeout=5000)
    assert pane.resume_button.isEnabled() and pane.step_button.isEnabled()
    assert not pane.pause_button.isEnabled()
    before = trainer.global_step
    qtbot.mouseClick(pane.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trainer.global_step == before + 1, timeout=5000)
    qtbot.wait(150)
    assert trainer.global_step == before + 1
    qtbot.mouseClick(pane.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trainer.global_step > before + 3, timeout=5000)
    with qtbot.waitSignal(pane.sig_run_finished, timeout=10_000) as finished:
        qtbot.mouseClick(pane.stop_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].status == "stopped"
    assert pane.start_button.isEnabled() and not pane.stop_button.isEnabled()
    assert pane.state.project.runs and pane.state.model is not None


def test_a_stopped_run_says_why_in_the_interface_language(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translator(app, "zh_CN")
    try:
        pane = make_pane(qtbot, epochs=300)
        batches: list[dict[str, float]] = []
        pane.start()
        pane.session.sig_batch.connect(batches.append)
        qtbot.waitUntil(lambda: len(batches) >= 1, timeout=20_000)
        with qtbot.waitSignal(pane.sig_run_finished, timeout=10_000) as finished:
            qtbot.mouseClick(pane.stop_button, Qt.MouseButton.LeftButton)
        record = finished.args[0]
        epochs = record.message_args["epochs"]
        assert record.message == f"Stopped by request. Epochs completed: {epochs}."  # English
        assert f"。已按要求停止。已完成的轮数：{epochs}。" in pane.message_label.text()  # no space
        assert "Stopped by request" not in pane.message_label.text()
    finally:
        i18n.install_translator(app, "en")


def test_closing_during_training_leaves_no_thread(qtbot: Any) -> None:
    pane = make_pane(qtbot, epochs=300)
    pane.start()
    qtbot.waitUntil(
        lambda: pane.session.trainer is not None and pane.session.trainer.global_step > 0,
        timeout=20_000,
    )
    assert pane.stop_and_wait(10_000)
    assert not pane.running and not pane.state.training
    assert pane.state.project.runs[-1].status == "stopped"  # nothing lost
    pane.close()


def test_start_is_disabled_with_the_reason(qtbot: Any) -> None:
    pane = make_pane(qtbot)
    graph = pane.state.project.graph
    output = next(n for n in graph.nodes.values() if n.type == "Output")
    graph.set_param(output.id, "units", 5)  # moons has 2 classes
    pane.update_controls()
    assert not pane.start_button.isEnabled()
    assert pane.reason_label.isVisible() and "Output" in pane.reason_label.text()
    assert not pane.start() and pane.session.state == "idle" and pane.session.trainer is None
    pane.state.set_dataset(None)
    pane.update_controls()
    assert "dataset" in pane.reason_label.text()


def test_overfitting_is_marked_with_a_suggestion(qtbot: Any) -> None:
    pane = make_pane(qtbot)
    pane.plots.reset("classification")
    train = [1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2]
    val = [1.1, 0.9, 0.8, 0.85, 0.9, 0.95, 1.0]
    for i, (t, v) in enumerate(zip(train, val, strict=True)):
        pane.plots.add_epoch(float(i + 1), {"loss": t, "val_loss": v})
    assert pane.plots.overfit_epoch == 3  # lowest validation loss before the rise
    assert pane.plots.overfit_line.isVisible() and pane.plots.overfit_line.value() == 3.0
    assert pane.overfit_banner.isVisible() and "dropout" in pane.overfit_banner.text()
    assert find_overfitting([1, 0.9, 0.8], [1, 1.1, 1.2]) is None  # two epochs are not enough
    assert find_overfitting([1, 1.1, 1.2, 1.3], [1, 1.1, 1.2, 1.3]) is None  # both rising


def test_settings_form_writes_the_project(qtbot: Any) -> None:
    pane = make_pane(qtbot)
    form, settings = pane.settings_form, pane.state.project.settings
    form.lr.setValue(0.01)
    form.epochs.setValue(7)
    form.optimizer.setCurrentIndex(form.optimizer.findData("sgd"))
    form.early_stopping.setChecked(True)
    assert (settings.lr, settings.epochs, settings.optimizer) == (0.01, 7, "sgd")
    assert settings.early_stopping and pane.state.dirty
    names = [form.device.itemData(i) for i in range(form.device.count())]
    assert "auto" in names and "cpu" in names
    assert not form.mixed_precision.isEnabled()  # no CUDA device here
    assert settings_differences({"lr": 0.1, "seed": 1}, {"lr": 0.2, "seed": 1}) == ["lr: 0.1 → 0.2"]


def test_stall_probe_sees_a_blocked_event_loop(qtbot: Any) -> None:
    from gui.training.stall_probe import StallProbe

    probe = StallProbe()
    probe.start()
    qtbot.wait(120)
    time.sleep(0.2)  # the event loop is blocked for 200 ms
    qtbot.wait(60)
    probe.stop()
    assert len(probe.lateness) >= 5
    assert probe.max_ms >= 150 and probe.p99_ms <= probe.max_ms


def test_continue_extends_the_same_run(qtbot: Any) -> None:
    pane = make_pane(qtbot, epochs=2)
    pane.state.project.settings.schedule = "constant"  # the run's lr can then be read off
    assert not pane.continue_button.isEnabled()  # nothing to continue yet
    with qtbot.waitSignal(pane.sig_run_finished, timeout=60_000):
        pane.start()
    assert pane.continue_button.isEnabled()
    first_lr = pane.state.project.settings.lr
    pane.state.project.settings.lr = first_lr / 10  # changed after the run: not for this run
    with qtbot.waitSignal(pane.sig_run_finished, timeout=60_000) as finished:
        qtbot.mouseClick(pane.continue_button, Qt.MouseButton.LeftButton)
        assert f"lr: {first_lr} → {first_lr / 10}" in pane.message_label.text()
    record = finished.args[0]
    assert len(record.history["val_loss"]) == 4
    assert record.history["lr"][-1] == pytest.approx(first_lr)  # the run kept its own lr
    assert "finished" in pane.message_label.text() and "lr: " in pane.message_label.text()
    assert pane.state.project.runs == [record]  # one run, extended
    assert pane.plots.epochs == [1.0, 2.0, 3.0, 4.0]
    # A changed network cannot continue the old run.
    graph = pane.state.project.graph
    dense = next(n for n in graph.nodes.values() if n.type == "Linear")
    graph.set_param(dense.id, "units", int(dense.params["units"]) + 1)
    pane.update_controls()
    assert not pane.continue_button.isEnabled() and not pane.continue_run()
