"""Live plots stay cheap to repaint: fixed axis widths, and y ranges that change rarely."""

from __future__ import annotations

import gc
import math
import time
import weakref
from typing import Any

import pytest

from gui.training.plots import PLOT_TIME_SHARE, Y_HEADROOM, LivePlots


def test_ranges_and_layout_hold_still_while_a_run_streams_in(qtbot: Any) -> None:
    plots = LivePlots()
    qtbot.addWidget(plots)
    plots.resize(900, 520)
    plots.show()
    plots.reset("classification", epochs=2, lr=0.01)
    plots.paint_now()
    axis_widths = [plot.getAxis("left").width() for plot in plots._plots]
    view_rects = [plot.vb.sceneBoundingRect() for plot in plots._plots]
    assert plots.acc_plot.vb.viewRange()[1] == pytest.approx([-0.02, 1.02])
    assert plots.lr_plot.vb.viewRange()[1] == pytest.approx([0.0, 0.01 * Y_HEADROOM])
    y_changes = [0, 0, 0, 0]
    for index, plot in enumerate(plots._plots):
        plot.vb.sigYRangeChanged.connect(
            lambda *_a, i=index: y_changes.__setitem__(i, y_changes[i] + 1)
        )

    for step in range(300):
        x = step / 150  # two epochs
        noise = 0.15 * math.sin(step * 1.7)
        plots.add_batch(
            {
                "epoch": x,
                "loss": 2.3 * math.exp(-x) + noise,
                "accuracy": min(1.0, 0.1 + 0.45 * x + noise / 3),
                "lr": 0.01,
                "samples_per_s": 1500 + 60 * math.sin(step),
            }
        )
        plots.flush()
    plots.canvas.viewport().repaint()

    # A handful of range changes in a whole run (the first data, then growth with headroom),
    # none for accuracy and learning rate, and no re-layout: axes keep their width.
    assert y_changes[0] <= 3 and y_changes[3] <= 3
    assert y_changes[1] == 0 and y_changes[2] == 0
    assert [plot.getAxis("left").width() for plot in plots._plots] == axis_widths
    assert [plot.vb.sceneBoundingRect() for plot in plots._plots] == view_rects
    # ... and every point is still in view.
    for plot, values in (
        (plots.loss_plot, plots.step_loss.y),
        (plots.lr_plot, plots.step_lr.y),
        (plots.speed_plot, plots.step_speed.y),
    ):
        low, high = plot.vb.viewRange()[1]
        assert low <= values.min() and values.max() <= high


def test_a_value_beyond_the_range_grows_it_with_headroom(qtbot: Any) -> None:
    plots = LivePlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.reset("regression", epochs=1)
    plots.add_batch({"epoch": 0.1, "loss": 4.0})
    plots.flush()
    assert plots.loss_plot.vb.viewRange()[1] == pytest.approx([0.0, 4.0 * Y_HEADROOM])
    plots.add_batch({"epoch": 0.2, "loss": 4.5})  # inside the headroom: no change
    plots.flush()
    assert plots.loss_plot.vb.viewRange()[1] == pytest.approx([0.0, 4.0 * Y_HEADROOM])
    plots.add_batch({"epoch": 0.3, "loss": 9.0})
    plots.flush()
    assert plots.loss_plot.vb.viewRange()[1] == pytest.approx([0.0, 9.0 * Y_HEADROOM])


def test_slow_paints_space_out_repaints_and_hidden_plots_wait(qtbot: Any) -> None:
    plots = LivePlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.reset("classification", epochs=1)
    plots.add_batch({"epoch": 0.1, "loss": 1.0, "accuracy": 0.5})
    before = time.monotonic()
    plots._redraw()  # one timer tick: the loss plot
    assert plots.redraw_count == 1
    plots._on_painted(0.05)  # the canvas reports its paint: 50 ms on a slow, busy machine
    # 50 ms of paint may take PLOT_TIME_SHARE of the GUI thread: the next is >= 2 s away.
    assert plots._due_at[0] - before >= 0.05 / PLOT_TIME_SHARE
    plots.add_batch({"epoch": 0.15, "loss": 0.95, "accuracy": 0.55})
    for _tick in range(4):  # the other plots are drawn; the loss plot is not due yet
        plots._redraw()
    assert plots._dirty == {0} and plots.redraw_count == 4

    plots.hide()
    count = plots.redraw_count
    plots.add_batch({"epoch": 0.2, "loss": 0.9, "accuracy": 0.6})
    qtbot.wait(300)
    assert plots.redraw_count == count  # nothing drawn while hidden
    plots.show()
    qtbot.waitUntil(lambda: plots.redraw_count > count, timeout=2000)


def test_log_scale_loss_keeps_every_point_in_view_and_switches_back(qtbot: Any) -> None:
    plots = LivePlots()
    qtbot.addWidget(plots)
    plots.show()
    plots.reset("classification", epochs=3)
    losses = [2.3 * math.exp(-2 * step / 100) for step in range(300)]  # 2.3 down to ~0.006
    for step, loss in enumerate(losses):
        plots.add_batch({"epoch": step / 100, "loss": loss})
    plots.set_loss_log(True)
    plots.flush()
    low, high = plots.loss_plot.vb.viewRange()[1]  # in decades on a log axis
    assert low == math.floor(math.log10(min(losses))) == -3
    assert math.log10(max(losses)) < high < math.log10(max(losses)) + 0.2
    # Between the decades only 2 and 5 are labelled (1-9 would run into each other).
    minor_ticks = [math.log10(m) - 1 for m in range(2, 10)]  # 0.2 ... 0.9
    labels = plots.loss_plot.getAxis("left").tickStrings(minor_ticks, 1.0, None)
    assert [label for label in labels if label] == ["0.2", "0.5"]
    # Linear again: from zero, as before.
    plots.set_loss_log(False)
    plots.flush()
    low, high = plots.loss_plot.vb.viewRange()[1]
    assert low == 0.0 and high == pytest.approx(max(losses) * Y_HEADROOM)


def test_plots_are_freed_at_once_without_the_garbage_collector(qtbot: Any) -> None:
    """No reference cycle may hold the plots: one left the collector to free them at a random
    moment, once inside a scene update that then read the deleted items (a segfault)."""
    plots = LivePlots()
    plots.show()
    plots.reset("classification", epochs=1)
    plots.add_batch({"epoch": 0.5, "loss": 1.0, "accuracy": 0.5})
    plots.paint_now()
    freed = weakref.ref(plots)
    gc.collect()
    gc.disable()
    try:
        plots.close()
        del plots
        assert freed() is None
    finally:
        gc.enable()
