"""Soak: thousands of live plot updates and a 30-epoch run without a crash.

On PySide6 6.12.0 with Python 3.11 each void Qt call drops a reference to None; a few thousand
setData + repaint cycles then abort the process ('none_dealloc'). These tests are what would
catch that, or any other slow leak in the plotting path.
"""

from __future__ import annotations

import math
import sys
from typing import Any

import pytest
from pane_support import state_with

from gui.training.pane import TrainingPane
from gui.training.plots import LivePlots


@pytest.mark.slow
def test_two_thousand_plot_updates(qtbot: Any, monkeypatch: Any) -> None:
    # Every timer tick may repaint (no per-plot pause), so each update below is a real one.
    monkeypatch.setattr("gui.training.plots.MIN_REPAINT_S", (0.0, 0.0, 0.0, 0.0))
    monkeypatch.setattr("gui.training.plots.PLOT_TIME_SHARE", math.inf)
    plots = LivePlots()
    qtbot.addWidget(plots)
    plots.resize(360, 240)
    plots.show()
    plots.reset("classification")
    none_refs = sys.getrefcount(None)
    for i in range(2000):
        x = i / 100.0
        plots.add_batch(
            {"epoch": x, "loss": 1.0 / (1 + x) + 0.05 * math.sin(i), "accuracy": x / 20, "lr": 1e-3}
        )
        if i % 100 == 99:
            plots.add_epoch(x, {"loss": 1.0 / (1 + x), "val_loss": 1.1 / (1 + x)})
        plots._redraw()  # one timer tick: setData on one plot's series, round robin
        if i % 4 == 0:  # 500 synchronous repaints: far past the ~100 that abort on 6.12.0
            plots.canvas.viewport().repaint()
    plots.flush()
    assert plots.step_loss.size == 2000 and plots.redraw_count == 2001
    assert len(plots.history["val_loss"]) == 20
    if sys.version_info < (3, 12):  # None is mortal there: its count must not have collapsed
        assert sys.getrefcount(None) >= none_refs - 1000


@pytest.mark.slow
def test_thirty_epoch_run(qtbot: Any) -> None:
    pane = TrainingPane(state_with(epochs=30))
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    with qtbot.waitSignal(pane.sig_run_finished, timeout=120_000) as finished:
        assert pane.start()
    record = finished.args[0]
    assert record.status == "finished", record.message
    assert len(record.history["val_loss"]) == 30
    pane.plots.flush()
    assert len(pane.plots.history["val_loss"]) == 30
    assert not pane.running
