"""Live plots stay cheap to repaint: fixed axis widths, and y ranges that change rarely."""

from __future__ import annotations

import math
from typing import Any

import pytest

from gui.panes.plots import Y_HEADROOM, LivePlots


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
