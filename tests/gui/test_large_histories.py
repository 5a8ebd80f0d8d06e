"""Large stored histories stay fast: a long run is drawn decimated, ticking a run to compare
adds or removes only that run's overlay."""

from __future__ import annotations

from typing import Any

import numpy as np
from pane_support import state_with
from PySide6.QtCore import Qt

from engine.types import RunRecord
from gui.training.pane import TrainingPane
from gui.training.series import DISPLAY_POINTS, decimate

STEPS = 1_500_000


def long_run(run_id: str = "run-1", steps: int = STEPS, epochs: int = 30) -> RunRecord:
    rng = np.random.default_rng(0)
    x = np.linspace(0.0, float(epochs), steps)
    loss = 2.0 * np.exp(-x / 5) + rng.normal(0.0, 0.05, steps) ** 2
    loss[steps // 3] = 9.0  # one spike: decimation must keep it
    loss[steps // 2] = 0.001  # and one dip
    history = {
        "loss": list(np.linspace(2.0, 0.2, epochs)),
        "val_loss": list(np.linspace(2.1, 0.3, epochs)),
        "accuracy": list(np.linspace(0.5, 0.9, epochs)),
        "val_accuracy": list(np.linspace(0.5, 0.85, epochs)),
    }
    steps_dict = {"epoch": x.tolist(), "loss": loss.tolist(), "lr": [0.01] * steps}
    return RunRecord(
        id=run_id, created="2026-12-02T00:00:00", settings={}, history=history, steps=steps_dict
    )


def test_decimate_keeps_ends_and_extremes() -> None:
    x = np.arange(100_000, dtype=np.float64)
    y = np.sin(x / 1000.0)
    y[12345] = np.nan
    dx, dy = decimate(x, y, 1000)
    assert dx.size <= 1000 and dx[0] == 0 and dx[-1] == x[-1]
    assert np.nanmax(dy) == np.nanmax(y) and np.nanmin(dy) == np.nanmin(y)
    assert np.all(np.diff(dx) > 0)  # still in x order
    small_x, _ = decimate(x[:10], y[:10], 1000)
    assert small_x.size == 10  # a short curve is drawn as is


def test_a_long_stored_run_opens_decimated(qtbot: Any) -> None:
    state = state_with(epochs=2)
    run = long_run()
    state.project.runs.append(run)
    pane = TrainingPane(state)
    qtbot.addWidget(pane)
    pane._on_project_replaced()  # as opening the project does
    pane.show()
    pane.plots.flush()
    x, y = pane.plots.loss_raw.getOriginalDataset()
    assert x is not None and 2 <= x.size <= DISPLAY_POINTS
    assert x[0] == run.steps["epoch"][0] and x[-1] == run.steps["epoch"][-1]
    assert y.max() == max(run.steps["loss"]) and y.min() == min(run.steps["loss"])
    smooth_x, _ = pane.plots.loss_smooth.getOriginalDataset()
    assert smooth_x.size == x.size
    assert pane.plots.lr_line.getOriginalDataset()[0].size <= DISPLAY_POINTS
    # The validation curve is per epoch: all of it.
    assert pane.plots.val_loss.getOriginalDataset()[0].size == 30
    # Training on afterwards appends to the loaded curve as a live run does.
    pane.plots.add_batch({"epoch": 30.5, "loss": 0.1})
    pane.plots.flush()
    assert pane.plots.loss_raw.getOriginalDataset()[0][-1] == 30.5


def test_ticking_one_run_changes_only_its_overlay(qtbot: Any) -> None:
    state = state_with(epochs=2)
    for i in range(1, 6):
        state.project.runs.append(long_run(f"run-{i}", steps=100, epochs=5))
    pane = TrainingPane(state)
    qtbot.addWidget(pane)
    pane._fill_runs()
    plots = pane.plots
    pane.runs_list.item(0).setCheckState(Qt.CheckState.Checked)
    pane.runs_list.item(2).setCheckState(Qt.CheckState.Checked)
    assert plots.overlay_runs == ["run-1", "run-3"]
    before = {id(item) for item in plots.loss_plot.listDataItems() + plots.acc_plot.listDataItems()}
    pane.runs_list.item(3).setCheckState(Qt.CheckState.Checked)
    after = {id(item) for item in plots.loss_plot.listDataItems() + plots.acc_plot.listDataItems()}
    assert before <= after and len(after - before) == 4  # run-4's four curves, nothing redrawn
    assert plots.overlay_count == 12
    pane.runs_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    removed = {
        id(item) for item in plots.loss_plot.listDataItems() + plots.acc_plot.listDataItems()
    }
    assert removed <= after and len(after - removed) == 4
    assert plots.overlay_runs == ["run-3", "run-4"] and plots.overlay_count == 8
    # The legend lost run-1's entries too.
    labels = [label.text for _sample, label in plots.loss_plot.legend.items]
    assert not any(text.startswith("run-1 ") for text in labels)
    assert any(text.startswith("run-4 ") for text in labels)
