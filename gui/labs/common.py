"""What every lab widget shares: the colour-blind-safe palette, plot set-up and a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui.worker import Task, TaskSlot

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Lines also differ by dash style or symbol so that colour is never the only cue.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SERIES = ("blue", "vermillion", "green", "purple", "orange", "sky_blue")


def colour(name: str, alpha: int = 255) -> QColor:
    result = QColor(OKABE_ITO[name])
    result.setAlpha(alpha)
    return result


def pen(name: str, width: float = 2.0, dashed: bool = False) -> Any:
    from PySide6.QtCore import Qt

    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(colour(name), width=width, style=style)


def make_plot(
    title: str = "", x_label: str = "", y_label: str = "", legend: bool = True
) -> pg.PlotWidget:
    """A white-background plot with readable labels, a grid and (unless the lab shows one
    legend for several plots, see ``legend_html``) a legend in the top-left corner."""
    plot = pg.PlotWidget(background="w")
    item = plot.getPlotItem()
    if title:
        item.setTitle(title, color="#000000")
    for axis_name, label in (("bottom", x_label), ("left", y_label)):
        axis = item.getAxis(axis_name)
        axis.setPen(pg.mkPen("#000000"))
        axis.setTextPen(pg.mkPen("#000000"))
        if label:
            axis.setLabel(label)
    item.showGrid(x=True, y=True, alpha=0.2)
    if legend:
        item.addLegend(
            offset=(8, 8), labelTextColor="#000000", brush=pg.mkBrush(255, 255, 255, 200)
        )
    plot.setMinimumSize(220, 180)
    return plot


def legend_html(entries: list[tuple[str, str, str]]) -> str:
    """One legend line for several plots, outside them so that it never hides data: each entry
    is (palette colour, a line-and-marker sample such as "━●━", label)."""
    parts = [
        f"<span style='color:{OKABE_ITO[name]}; font-weight:bold'>{sample}</span>&nbsp;{label}"
        for name, sample, label in entries
    ]
    return "&nbsp;&nbsp;&nbsp;".join(parts)


def decade_ticks(plot: pg.PlotWidget) -> None:
    """Label a log-scale y axis at whole decades only (1e-3, 0.01, 0.1, 1, 10, ...): pyqtgraph's
    default also labels every minor tick, which crowds the axis."""

    def label(k: int) -> str:
        return f"{10.0**k:g}" if -3 <= k <= 4 else f"1e{k}"

    ticks = [(float(k), label(k)) for k in range(-40, 41)]
    plot.getPlotItem().getAxis("left").setTicks([ticks, []])


def cividis_lookup() -> Any:
    """Cividis: a colour map designed to read the same for colour-blind viewers."""
    return pg.colormap.get("cividis").getLookupTable(nPts=256)


LabFunction = Callable[[Callable[[Any], None], Callable[[], bool]], Any]


def lab_task(fn: LabFunction) -> Callable[[Task], Any]:
    """``fn(report, should_stop)`` as a worker task's function, on one torch thread."""

    def run(task: Task) -> Any:
        from gui.labs.mini_train import one_torch_thread

        with one_torch_thread():  # every lab computation is tiny: see one_torch_thread
            return fn(task.report, lambda: task.cancelled)

    return run


class WorkerOwner:
    """Mixin for a lab widget that runs one computation at a time on a worker task.

    ``fn(report, should_stop)`` runs off the GUI thread: ``report(value)`` arrives at
    ``on_progress`` (the function itself keeps that to a few per second), the return value at
    ``on_result``, a failure at ``on_failed`` as a plain message. Starting another computation
    cancels the one in flight: nothing it reports afterwards reaches the widget.
    """

    _slot: TaskSlot | None = None

    def start_worker(
        self,
        fn: LabFunction,
        on_progress: Callable[[Any], None] | None,
        on_result: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> Task:
        assert isinstance(self, QWidget)
        if self._slot is None:
            self._slot = TaskSlot("NetCanvasLab", self)
        return self._slot.start(lab_task(fn), on_result, on_failed, yielded=on_progress)

    def stop_worker(self) -> None:
        if self._slot is not None:
            self._slot.shutdown()

    def is_busy(self) -> bool:
        return self._slot is not None and self._slot.busy

    def shutdown(self) -> None:
        """Called when the lab is left or the panel closes: no thread may outlive the widget."""
        self.stop_worker()


class LabWidget(QWidget, WorkerOwner):
    """Base of every lab's interactive element.

    ``run_demo()`` performs the element's main interaction once, quickly (the tests call it and
    wait until ``is_busy()`` is False); ``shutdown()`` stops any worker before the widget goes.
    """

    sig_done = Signal()  # a demo computation finished (or failed) and the view shows it
    _shown_once = False

    def run_demo(self) -> None:
        self.sig_done.emit()

    def first_shown(self) -> None:
        """Called once, when the widget is first on screen: a lab whose computation takes well
        under a second starts it here, so that it never opens on an empty plot."""

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown()

    def show_failure(self, label: Any, message: str) -> None:
        label.setText(self.tr("The computation failed: %s") % message)
        self.sig_done.emit()
