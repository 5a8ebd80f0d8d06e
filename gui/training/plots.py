"""Live training curves: loss, accuracy and learning rate on a shared epoch axis.

Signals from the training worker only append to numpy buffers; a single-shot timer redraws at
most every 50 ms (about 20 Hz), so a burst of signals costs one repaint. Each series is one
long-lived PlotDataItem updated with setData; pyqtgraph peak-downsamples and clips to the view,
so a long run with many thousand points stays cheap to draw.

What keeps a repaint cheap while training (bench/bench_gui_training.py measures it): a new point
repaints only the strip of the plot it touches (2-5 ms). A changed axis range repaints the whole
plot and rebuilds its ticks (~10 ms, two to three times that while training competes for the
CPU), and an axis whose labels change width re-lays out and repaints all four plots (35-50 ms).
So the left axes have a fixed width, accuracy has the fixed range 0-1, and the other y ranges
start at zero and only grow, with headroom, when a value leaves them.
"""

from __future__ import annotations

import csv
import math
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.training.series import SeriesBuffer, decimate, find_overfitting, finite, nearest
from gui.widgets.colours import (
    LR_COLOUR,
    OKABE_ITO,
    OVERLAY_COLOURS,
    TRAIN_COLOUR,
    VAL_COLOUR,
    WARN_COLOUR,
    mix,
)

if TYPE_CHECKING:
    from engine.types import RunRecord

REDRAW_INTERVAL_MS = 50  # the timer's tick (about 20 Hz); each tick repaints one plot
# The least time between two repaints of one plot. Repaints cost the GUI thread and, through
# the GIL, the training thread: the main curves refresh 4 times a second, the others once.
MIN_REPAINT_S = (0.25, 0.25, 1.0, 1.0)
# And each plot takes at most this share of the GUI thread: a repaint that cost t seconds (data,
# ranges and paint, all holding the GIL the training thread needs) waits t / PLOT_TIME_SHARE
# before the next. A fast machine refreshes at MIN_REPAINT_S; a slow or busy one less often,
# rather than slowing training down.
PLOT_TIME_SHARE = 0.025
# When a value leaves a y range, the range grows to this multiple of the largest value, so it
# grows a handful of times per run rather than with every new peak.
Y_HEADROOM = 1.25
# The left axes' tick labels get room for this text; a fixed width never re-lays out the plots.
WIDEST_TICK = "1.5e+05"  # pyqtgraph writes below 0.001 and from 10 000 up as %g


class _LossAxis(pg.AxisItem):
    """The loss plot's left axis. On a log scale pyqtgraph labels every 1-9 tick of a decade,
    and the top ones run into each other; this one labels 1, 2 and 5 of each decade."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = list(super().logTickStrings(values, scale, spacing))
        if spacing is not None:  # the decades themselves (10^k): always labelled
            return strings
        mantissas = [round(10 ** (value % 1), 6) for value in values]  # values are in decades
        return [s if m in (1.0, 2.0, 5.0) else "" for s, m in zip(strings, mantissas, strict=True)]


class _TimedCanvas(pg.GraphicsLayoutWidget):
    """The plots' canvas; it reports how long each paint took (see PLOT_TIME_SHARE)."""

    def __init__(self, on_painted: Callable[[float], None]) -> None:
        super().__init__()
        # A weak reference: a strong one would tie the plots and their canvas into a cycle that
        # only the garbage collector frees, at any moment, even in the middle of a scene
        # update that then reads the deleted items (a crash valgrind traced to exactly that).
        self._on_painted = weakref.WeakMethod(on_painted)

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        super().paintEvent(event)
        report = self._on_painted()
        if report is not None:
            report(time.perf_counter() - started)


class LivePlots(QWidget):
    """Loss, accuracy and learning-rate plots fed by training signals, with overlays of runs."""

    sig_overfitting = Signal(int)  # epoch number (1-based) where validation loss began to rise

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._smoothing = 0.6
        self._task = "classification"
        self._dirty: set[int] = set()  # plots (0 loss, 1 accuracy, 2 lr, 3 speed) to redraw
        self._next_plot = 0
        self._due_at = [0.0, 0.0, 0.0, 0.0]  # time.monotonic() each plot may repaint again
        # (plot, when it was redrawn, seconds that took) until the paint that shows it
        self._awaiting_paint: tuple[int, float, float] | None = None
        self._user_zoomed = False  # the user zoomed or panned: leave the ranges alone
        self._y_from_data: set[int] = set()  # plots whose y range has been set from the data
        self._loss_log = False  # the loss on a logarithmic axis (set_loss_log)
        self._x_span = 1.0
        self.redraw_count = 0  # how many repaints the timer did (tests and benchmarks read it)
        # Per logged step: x is the fractional epoch.
        self.step_loss = SeriesBuffer()
        self.step_accuracy = SeriesBuffer()
        self.step_lr = SeriesBuffer()
        self.step_speed = SeriesBuffer()
        self._loss_ema = SeriesBuffer()
        self._acc_ema = SeriesBuffer()
        self._ema_state = {"loss": (0.0, 0), "accuracy": (0.0, 0)}
        # Per epoch: x is the epoch number at its end (1, 2, ...).
        self.history: dict[str, list[float]] = {}
        self.epochs: list[float] = []
        # The validation curves change once an epoch; their markers are costly to rebuild, so
        # each plot remembers which version of the epoch data it shows.
        self._epoch_version = 0
        self._val_drawn = {0: -1, 1: -1}
        self._overfit_epoch: int | None = None
        self._overlay_items: dict[str, list[pg.PlotDataItem]] = {}  # run id: its curves
        self._overlay_colours: dict[str, str] = {}  # run id: its colour

        self.canvas = _TimedCanvas(self._on_painted)
        self.canvas.setMinimumHeight(260)
        self.loss_plot = self.canvas.addPlot(row=0, col=0, axisItems={"left": _LossAxis("left")})
        self.acc_plot = self.canvas.addPlot(row=0, col=1)
        self.lr_plot = self.canvas.addPlot(row=1, col=0)
        self.speed_plot = self.canvas.addPlot(row=1, col=1)
        self.canvas.ci.layout.setRowStretchFactor(0, 5)
        self.canvas.ci.layout.setRowStretchFactor(1, 2)
        self._plots = (self.loss_plot, self.acc_plot, self.lr_plot, self.speed_plot)
        for plot, title, y_label in (
            (self.loss_plot, self.tr("Loss"), self.tr("loss")),
            (self.acc_plot, self.tr("Accuracy"), self.tr("accuracy")),
            (self.lr_plot, self.tr("Learning rate"), self.tr("lr")),
            (self.speed_plot, self.tr("Throughput"), self.tr("samples/s")),
        ):
            plot.setTitle(title)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.setLabel("left", y_label)
            plot.getAxis("left").enableAutoSIPrefix(False)
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            self._fix_axis_width(plot.getAxis("left"))
            # No grid: pyqtgraph draws it with the axes, and repainting dense grid lines was
            # most of the GUI thread's time while training (it also holds the GIL).
            plot.vb.sigRangeChangedManually.connect(self._on_user_zoomed)
            plot.setMenuEnabled(False)
            if plot is not self.loss_plot:
                plot.setXLink(self.loss_plot)
        # One row each ("━ training  ━● validation"): on a lab screen a plot is ~100 px tall,
        # and a two-row legend covered the curves and was cut at the plot's edge.
        self.loss_plot.addLegend(offset=(-8, 8), labelTextSize="8pt", colCount=2)
        self.acc_plot.addLegend(offset=(-8, -8), labelTextSize="8pt", colCount=2)

        self.loss_raw = self._series(self.loss_plot, TRAIN_COLOUR)
        self.loss_smooth = self._series(
            self.loss_plot, TRAIN_COLOUR, width=2, name=self.tr("training")
        )
        self.val_loss = self._series(
            self.loss_plot, VAL_COLOUR, width=2, name=self.tr("validation"), symbol=True
        )
        self.acc_raw = self._series(self.acc_plot, TRAIN_COLOUR)
        self.acc_smooth = self._series(
            self.acc_plot, TRAIN_COLOUR, width=2, name=self.tr("training")
        )
        self.val_acc = self._series(
            self.acc_plot, VAL_COLOUR, width=2, name=self.tr("validation"), symbol=True
        )
        self.lr_line = self._series(self.lr_plot, LR_COLOUR, width=2)
        self.speed_line = self._series(self.speed_plot, OKABE_ITO["grey"], width=1.5)

        self.overfit_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(WARN_COLOUR, width=2, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={"position": 0.9, "color": WARN_COLOUR, "movable": False},
        )
        self.overfit_line.setVisible(False)
        self.loss_plot.addItem(self.overfit_line, ignoreBounds=True)

        self._cursors: list[pg.InfiniteLine] = []
        for plot in self._plots:
            cursor = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen(OKABE_ITO["grey"], width=1)
            )
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
            self._cursors.append(cursor)
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.readout = QLabel(self.tr("Hover over a plot to read its values."))
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.readout)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw)
        self._apply_palette()

    # -- construction helpers ----------------------------------------------------------------
    @staticmethod
    def _series(
        plot: pg.PlotItem,
        colour: str,
        width: float = 1.0,
        alpha: int = 255,
        name: str | None = None,
        symbol: bool = False,
    ) -> pg.PlotDataItem:
        qcolour = QColor(colour)
        qcolour.setAlpha(alpha)
        options: dict[str, Any] = {"pen": pg.mkPen(qcolour, width=width), "name": name}
        if symbol:
            options.update(symbol="o", symbolSize=6, symbolBrush=qcolour, symbolPen=None)
        item = plot.plot(**options)
        item.setDownsampling(auto=True, method="peak")
        item.setClipToView(True)
        return item

    @staticmethod
    def _fix_axis_width(axis: pg.AxisItem) -> None:
        """Room for WIDEST_TICK and the rotated axis label, fixed (see the module notes)."""
        metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
        label_room = metrics.height() + 6 if axis.label.isVisible() else 0
        axis.setWidth(
            metrics.horizontalAdvance(WIDEST_TICK)
            + axis.style["tickTextOffset"][0]
            + max(0, axis.style["tickLength"])
            + label_room
            + 4
        )

    def _apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        self.canvas.setBackground(background)
        # The raw (unsmoothed) curves are a pale tint of the training colour, mixed with the
        # background here rather than drawn with alpha: blending long polylines is slow.
        pale = mix(QColor(TRAIN_COLOUR), background, 0.3)
        for item in (self.loss_raw, self.acc_raw):
            item.setPen(pg.mkPen(pale, width=1))
        for plot in self._plots:
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(foreground)
                plot.getAxis(axis).setTextPen(foreground)
            plot.titleLabel.setAttr("color", foreground.name())
            plot.setTitle(plot.titleLabel.text)
            if plot.legend is not None:
                plot.legend.setLabelTextColor(foreground)
                for _sample, label in plot.legend.items:  # the colour reaches new labels only
                    label.setText(label.text, color=foreground)
        self.speed_line.setPen(pg.mkPen(foreground, width=1.5))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # -- feeding -------------------------------------------------------------------------------
    def reset(self, task: str = "classification", epochs: int = 0, lr: float = 0.0) -> None:
        """Forget the current run's curves (overlays of earlier runs stay).

        ``epochs``: the run's length; the shared x axis then spans it from the start, so the
        axes do not re-layout on every update. ``lr``: the run's (peak) learning rate, which
        sets the learning-rate plot's range before training begins.
        """
        self._task = task
        self._user_zoomed = False
        self._y_from_data.clear()
        self._x_span = float(max(epochs, 1))
        self.loss_plot.setXRange(0.0, self._x_span, padding=0.02)
        for plot in self._plots:
            plot.enableAutoRange(x=False, y=False)
            plot.setYRange(0.0, 1.0, padding=0.02 if plot is self.acc_plot else 0)
        if lr > 0:
            self.lr_plot.setYRange(0.0, lr * Y_HEADROOM, padding=0)
            self._y_from_data.add(2)
        for buffer in (
            self.step_loss,
            self.step_accuracy,
            self.step_lr,
            self.step_speed,
            self._loss_ema,
            self._acc_ema,
        ):
            buffer.clear()
        self._ema_state = {"loss": (0.0, 0), "accuracy": (0.0, 0)}
        self.history = {}
        self.epochs = []
        self._epoch_version += 1
        self._overfit_epoch = None
        self.overfit_line.setVisible(False)
        has_accuracy = task in ("classification", "binary", "next_char")
        self.acc_plot.setVisible(has_accuracy)
        self._schedule()

    def extend_to(self, epochs: int) -> None:
        """A continued run: keep the curves and widen the epoch axis to ``epochs``."""
        self._x_span = float(max(epochs, 1))
        if not self._user_zoomed:
            self.loss_plot.setXRange(0.0, self._x_span, padding=0.02)

    def add_batch(self, logs: dict[str, float]) -> None:
        """A logged training step: ``epoch`` (fractional), ``loss``, ``accuracy``, ``lr``."""
        x = float(logs.get("epoch", 0.0))
        if finite(logs.get("loss")):
            self.step_loss.append(x, float(logs["loss"]))
            self._append_ema("loss", self._loss_ema, x, float(logs["loss"]))
        if finite(logs.get("accuracy")):
            self.step_accuracy.append(x, float(logs["accuracy"]))
            self._append_ema("accuracy", self._acc_ema, x, float(logs["accuracy"]))
        if finite(logs.get("lr")):
            self.step_lr.append(x, float(logs["lr"]))
        if finite(logs.get("samples_per_s")):
            self.step_speed.append(x, float(logs["samples_per_s"]))
        self._schedule()

    def add_epoch(self, epoch: float, logs: dict[str, float]) -> None:
        """An epoch's summary; ``epoch`` is the x position of its end (1 for the first)."""
        if not self.epochs or epoch > self.epochs[-1]:
            self.epochs.append(epoch)
        row = len(self.epochs) - 1
        for key, value in logs.items():
            if isinstance(value, int | float) and key not in ("epoch", "step"):
                column = self.history.setdefault(key, [])
                column.extend([math.nan] * (row + 1 - len(column)))
                column[row] = float(value)
        self._epoch_version += 1
        if "lr" in logs and self.step_lr.size == 0:
            self.step_lr.append(epoch, float(logs["lr"]))
        self._check_overfitting()
        self._schedule()

    def load_record(self, record: RunRecord) -> None:
        """Show a stored run (a project opened from disk) as if it had just trained.

        Its logged steps are decimated for display (series.decimate): a run of 1.5 M steps fed
        point by point through add_batch blocked the window for seconds. The smoothed curves
        follow the kept points, as set_smoothing recomputes them.
        """
        columns = record.history
        self.reset(self._task, max((len(v) for v in columns.values()), default=1))
        steps = record.steps
        xs = np.asarray(steps.get("epoch", []), dtype=np.float64)
        for key, buffer in (
            ("loss", self.step_loss),
            ("accuracy", self.step_accuracy),
            ("lr", self.step_lr),
            ("samples_per_s", self.step_speed),
        ):
            ys = np.asarray(steps.get(key, [])[: xs.size], dtype=np.float64)
            shown = np.isfinite(ys)  # as add_batch: a step without a finite value is skipped
            buffer.replace(*decimate(xs[: ys.size][shown], ys[shown]))
        self.set_smoothing(self._smoothing)
        count = max((len(v) for v in columns.values()), default=0)
        for i in range(count):
            self.add_epoch(float(i + 1), {k: v[i] for k, v in columns.items() if i < len(v)})

    def _append_ema(self, key: str, target: SeriesBuffer, x: float, value: float) -> None:
        last, count = self._ema_state[key]
        last = self._smoothing * last + (1.0 - self._smoothing) * value
        count += 1
        self._ema_state[key] = (last, count)
        debiased = last / (1.0 - self._smoothing**count) if self._smoothing > 0 else value
        target.append(x, debiased)

    def set_smoothing(self, weight: float) -> None:
        """EMA weight in [0, 0.99]; the smoothed curves are recomputed from the raw buffers."""
        self._smoothing = min(max(weight, 0.0), 0.99)
        for key, raw, target in (
            ("loss", self.step_loss, self._loss_ema),
            ("accuracy", self.step_accuracy, self._acc_ema),
        ):
            target.clear()
            self._ema_state[key] = (0.0, 0)
            for x, y in zip(raw.x.copy(), raw.y.copy(), strict=True):
                self._append_ema(key, target, float(x), float(y))
        self._schedule((0, 1))

    def set_loss_log(self, on: bool) -> None:
        """Show the loss on a logarithmic axis: late, small improvements stay visible."""
        self._loss_log = bool(on)
        self.loss_plot.setLogMode(y=self._loss_log)
        self._y_from_data.discard(0)  # its range is recomputed in the new units
        if not self._user_zoomed:
            self.loss_plot.setYRange(0.0, 1.0, padding=0)
        self._schedule((0,))

    def _schedule(self, plots: tuple[int, ...] = (0, 1, 2, 3)) -> None:
        self._dirty.update(plots)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Redraw every plot now (tests, exports) instead of waiting for the timer."""
        self._timer.stop()
        self._redraw(everything=True)

    def paint_now(self) -> None:
        """Redraw and paint every plot before returning.

        A run's start calls it after ``reset``: new ranges repaint all four plots, which takes
        ~20 ms on an idle CPU but 60-100 ms once the training thread competes for it.
        """
        self.flush()
        self.canvas.viewport().repaint()

    def _redraw(self, everything: bool = False) -> None:
        """Timer tick: redraw ONE dirty plot (round robin), then come back for the next.

        Repainting all four plots at once blocked the event loop for one long stretch; one
        plot per tick keeps each stall short, and every plot still refreshes several times a
        second.
        """
        if not self._dirty or not (everything or self.isVisible()):
            return  # hidden plots wait: showEvent redraws them
        order = [(self._next_plot + k) % 4 for k in range(4)]
        todo = [i for i in order if i in self._dirty]
        now = time.monotonic()
        if not everything:
            todo = [i for i in todo if now >= self._due_at[i]][:1]
            if not todo:
                self._timer.start()  # something is due later
                return
            self._next_plot = (todo[0] + 1) % 4
        self.redraw_count += 1
        epochs = np.asarray(self.epochs, dtype=np.float64)
        for index in todo:
            started = time.perf_counter()
            self._dirty.discard(index)
            self._draw_plot(index, epochs)
            if not self._user_zoomed:
                self._update_range(index, epochs)
            spent = time.perf_counter() - started
            self._due_at[index] = now + max(MIN_REPAINT_S[index], spent / PLOT_TIME_SHARE)
            # Its paint comes next (_on_painted), unless this redraws everything at once.
            self._awaiting_paint = None if everything else (index, now, spent)
        if self._dirty and not everything:
            self._timer.start()

    def _on_painted(self, seconds: float) -> None:
        """The canvas painted: charge the paint to the plot redrawn for it, if any (a paint for
        a resize or a run's start belongs to no plot's budget)."""
        if self._awaiting_paint is None:
            return
        index, drawn_at, spent = self._awaiting_paint
        self._awaiting_paint = None
        earliest = drawn_at + (spent + seconds) / PLOT_TIME_SHARE
        self._due_at[index] = max(self._due_at[index], earliest)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule(())

    def _draw_plot(self, index: int, epochs: np.ndarray) -> None:
        if index in (0, 1):
            raw, smooth, val, key = (
                (self.loss_raw, self.loss_smooth, self.val_loss, "val_loss"),
                (self.acc_raw, self.acc_smooth, self.val_acc, "val_accuracy"),
            )[index]
            steps, ema = (
                (self.step_loss, self._loss_ema),
                (self.step_accuracy, self._acc_ema),
            )[index]
            raw.setData(steps.x, steps.y)
            smooth.setData(ema.x, ema.y)
            if self._val_drawn[index] != self._epoch_version:
                self._val_drawn[index] = self._epoch_version
                values = np.asarray(self.history.get(key, []), dtype=np.float64)
                val.setData(epochs[: values.size], values)
        elif index == 2:
            self.lr_line.setData(self.step_lr.x, self.step_lr.y)
        else:
            self.speed_line.setData(self.step_speed.x, self.step_speed.y)

    def _update_range(self, index: int, epochs: np.ndarray) -> None:
        """Widen the x axis past the run's planned length, and grow a y range a value left.

        Ranges change rarely on purpose: each change repaints the whole plot (module notes).
        Accuracy keeps 0-1; the others span 0 to Y_HEADROOM times their largest value.
        """
        last_x = max(
            float(self.step_loss.x[-1]) if self.step_loss.size else 0.0,
            float(epochs[-1]) if epochs.size else 0.0,
        )
        if last_x > self._x_span:
            self._x_span = float(np.ceil(last_x))
            self.loss_plot.setXRange(0.0, self._x_span, padding=0.02)
        if index == 1:
            return  # accuracy: always 0-1
        plot, series = (
            (self.loss_plot, (self.step_loss.y, self.history.get("val_loss", []))),
            None,
            (self.lr_plot, (self.step_lr.y,)),
            (self.speed_plot, (self.step_speed.y,)),
        )[index]
        values = np.concatenate([np.asarray(v, dtype=np.float64).ravel() for v in series])
        values = values[np.isfinite(values)]
        log_axis = index == 0 and self._loss_log
        if log_axis:  # pyqtgraph's log axes take ranges in decades, and only positive values
            values = np.log10(values[values > 0])
        if not values.size:
            return
        low, high = float(values.min()), float(values.max())
        if log_axis:  # whole decades below, headroom above: changes when a decade is crossed
            target = (math.floor(low), max(high + math.log10(Y_HEADROOM), math.floor(low) + 0.5))
        else:
            low = min(0.0, low)
            target = (low * Y_HEADROOM, max(high * Y_HEADROOM if high > 0 else 1.0, low + 1e-6))
        view_low, view_high = plot.vb.viewRange()[1]
        if index not in self._y_from_data or low < view_low or high > view_high:
            self._y_from_data.add(index)
            plot.setYRange(*target, padding=0)

    def _on_user_zoomed(self, *_args: object) -> None:
        self._user_zoomed = True

    # -- overfitting ---------------------------------------------------------------------------
    def _check_overfitting(self) -> None:
        train, val = self.history.get("loss", []), self.history.get("val_loss", [])
        start = find_overfitting(train, val)
        if start is None or start == self._overfit_epoch:
            return
        self._overfit_epoch = start
        x = self.epochs[start] if start < len(self.epochs) else float(start + 1)
        self.overfit_line.setPos(x)
        self.overfit_line.label.setFormat(self.tr("overfitting from epoch {0}").format(start + 1))
        self.overfit_line.setVisible(True)
        self.sig_overfitting.emit(start + 1)

    @property
    def overfit_epoch(self) -> int | None:
        """1-based epoch where overfitting began, or None."""
        return None if self._overfit_epoch is None else self._overfit_epoch + 1

    # -- overlays ------------------------------------------------------------------------------
    def set_overlays(self, runs: Iterable[RunRecord]) -> None:
        """Draw earlier runs' epoch curves as dashed lines (one colour per run).

        Only the difference to what is drawn changes: ticking one run adds its curves, and
        unticking removes them, instead of rebuilding every overlay (slow with many runs).
        """
        wanted = {run.id: run for run in runs}
        for run_id in [r for r in self._overlay_items if r not in wanted]:
            self._overlay_colours.pop(run_id)
            for item in self._overlay_items.pop(run_id):
                plot = self.loss_plot if item.getViewBox() is self.loss_plot.vb else self.acc_plot
                if plot.legend is not None:
                    plot.legend.removeItem(item)
                plot.removeItem(item)
        for run_id, run in wanted.items():
            if run_id not in self._overlay_items:
                self._overlay_items[run_id] = self._overlay(run)

    def _overlay(self, run: RunRecord) -> list[pg.PlotDataItem]:
        """One run's epoch curves, in the first overlay colour no drawn run uses."""
        used = set(self._overlay_colours.values())
        free = [c for c in OVERLAY_COLOURS if c not in used] or list(OVERLAY_COLOURS)
        colour = free[0]
        items = []
        for plot, key in (
            (self.loss_plot, "loss"),
            (self.loss_plot, "val_loss"),
            (self.acc_plot, "accuracy"),
            (self.acc_plot, "val_accuracy"),
        ):
            values = run.history.get(key, [])
            if not values:
                continue
            style = Qt.PenStyle.DashLine if key.startswith("val_") else Qt.PenStyle.DotLine
            kind = self.tr("validation") if key.startswith("val_") else self.tr("training")
            x, y = decimate(np.arange(1, len(values) + 1, dtype=np.float64), np.asarray(values))
            items.append(
                plot.plot(
                    x, y, pen=pg.mkPen(colour, width=1.5, style=style), name=f"{run.id} {kind}"
                )
            )
        self._overlay_colours[run.id] = colour
        return items

    @property
    def overlay_count(self) -> int:
        return sum(len(items) for items in self._overlay_items.values())

    @property
    def overlay_runs(self) -> list[str]:
        """The ids of the runs drawn as overlays."""
        return list(self._overlay_items)

    # -- hover ---------------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        for plot in self._plots:
            if plot.isVisible() and plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                for cursor in self._cursors:
                    cursor.setPos(x)
                    cursor.setVisible(True)
                self.readout.setText(self.describe_at(x))
                return
        for cursor in self._cursors:
            cursor.setVisible(False)

    def describe_at(self, x: float) -> str:
        """The values nearest to epoch ``x``, as the hover read-out shows them."""
        parts = [self.tr("epoch {0:.2f}").format(x)]
        for label, raw, smooth in (
            (self.tr("loss"), self.step_loss, self._loss_ema),
            (self.tr("accuracy"), self.step_accuracy, self._acc_ema),
        ):
            i = nearest(raw.x, x)
            if i is not None:
                smoothed = self.tr("smoothed")
                parts.append(f"{label} {raw.y[i]:.4g} ({smoothed} {smooth.y[i]:.4g})")
        if self.epochs:
            row = int(np.argmin(np.abs(np.asarray(self.epochs) - x)))
            for key, label in (
                ("val_loss", self.tr("val loss")),
                ("val_accuracy", self.tr("val accuracy")),
            ):
                column = self.history.get(key, [])
                if row < len(column) and finite(column[row]):
                    parts.append(f"{label} {column[row]:.4g} (@{self.epochs[row]:g})")
        i = nearest(self.step_lr.x, x)
        if i is not None:
            parts.append(f"lr {self.step_lr.y[i]:.3g}")
        return " · ".join(parts)

    # -- export --------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        """All three plots as one PNG image."""
        from pyqtgraph.exporters import ImageExporter

        self.flush()
        exporter = ImageExporter(self.canvas.ci)
        exporter.parameters()["width"] = max(1200, self.canvas.width())
        exporter.export(str(path))

    def export_csv(self, path: str | Path) -> None:
        """The epoch history (one row per epoch) followed by nothing else: easy to open anywhere."""
        keys = sorted(self.history)
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["epoch", *keys])
            for row, epoch in enumerate(self.epochs):
                values = [self.history[k][row] if row < len(self.history[k]) else "" for k in keys]
                writer.writerow([f"{epoch:g}", *values])

    def point_count(self) -> int:
        """Points drawn in the loss plot so far (raw steps and validation epochs)."""
        return self.step_loss.size + len(self.history.get("val_loss", []))
