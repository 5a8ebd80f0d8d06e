"""Views the Evaluate pane composes: confusion heatmap, probability bars, decision boundary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.data.views import CLASS_COLOURS, apply_theme, scatter_points
from gui.widgets.colours import OKABE_ITO


class _OutlinedSelection(QStyledItemDelegate):
    """The selected cell keeps its colour (blue meant "right") and gets its own outline, dark
    with a light inner line so that it shows on every cell colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor("black"), 3))
            painter.drawRect(option.rect.adjusted(2, 2, -2, -2))
            painter.setPen(QPen(QColor("white"), 1))
            painter.drawRect(option.rect.adjusted(4, 4, -4, -4))
            painter.restore()


class ConfusionMatrixView(QTableWidget):
    """Rows are true classes, columns predicted ones; colour is the share of the row.

    Numbers are printed in every cell so the colour is never the only cue; clicking a cell emits
    ``sig_cell_clicked(true_class, predicted_class)``.
    """

    sig_cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(_OutlinedSelection(self))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.cellClicked.connect(lambda row, column: self.sig_cell_clicked.emit(row, column))
        self.matrix = np.zeros((0, 0), dtype=np.int64)

    def set_matrix(self, matrix: np.ndarray, names: Sequence[str]) -> None:
        self.matrix = np.asarray(matrix, dtype=np.int64)
        k = self.matrix.shape[0]
        self.clear()
        self.setRowCount(k)
        self.setColumnCount(k)
        labels = [str(n) for n in names][:k] + [str(i) for i in range(len(names), k)]
        self.setHorizontalHeaderLabels([self.tr("→ {0}").format(n) for n in labels])
        self.setVerticalHeaderLabels(labels)
        rows = self.matrix.sum(axis=1, keepdims=True).clip(min=1)
        share = self.matrix / rows
        hot = QColor(OKABE_ITO["blue"])
        wrong = QColor(OKABE_ITO["vermillion"])
        for i in range(k):
            for j in range(k):
                count = int(self.matrix[i, j])
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = QColor(hot if i == j else wrong)
                # Off-diagonal cells are usually small shares: boost them so errors stand out.
                alpha = share[i, j] if i == j else min(1.0, 3 * share[i, j])
                if count:
                    colour.setAlphaF(0.12 + 0.88 * float(alpha))
                    item.setBackground(QBrush(colour))
                else:  # empty cells stay plain and quiet, so the counts stand out
                    item.setForeground(self.palette().brush(QPalette.ColorRole.PlaceholderText))
                if alpha > 0.55:
                    item.setForeground(QBrush(QColor("white")))
                item.setToolTip(
                    self.tr("true {0}, predicted {1}: {2} samples ({3:.0%} of the row)").format(
                        labels[i], labels[j], count, share[i, j]
                    )
                )
                self.setItem(i, j, item)


class ProbabilityBars(pg.PlotWidget):  # type: ignore[misc]
    """One bar per class; the most likely class is highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self)
        plot = self.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.setYRange(0, 1, padding=0.02)
        plot.setLabel("left", self.tr("probability"))
        self._bars: pg.BarGraphItem | None = None
        self.values = np.zeros(0)

    def set_probabilities(self, probs: np.ndarray, names: Sequence[str]) -> None:
        plot = self.getPlotItem()
        if self._bars is not None:
            plot.removeItem(self._bars)
        self.values = np.asarray(probs, dtype=np.float64).reshape(-1)
        best = int(np.argmax(self.values)) if self.values.size else -1
        brushes = [
            pg.mkBrush(OKABE_ITO["orange"] if i == best else OKABE_ITO["blue"])
            for i in range(self.values.size)
        ]
        self._bars = pg.BarGraphItem(
            x=np.arange(self.values.size), height=self.values, width=0.7, brushes=brushes, pen=None
        )
        plot.addItem(self._bars)
        step = max(1, len(names) // 20)
        ticks = [
            (float(i), str(names[i])) for i in range(0, min(len(names), self.values.size), step)
        ]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setXRange(-0.6, self.values.size - 0.4, padding=0)


class DecisionBoundaryView(pg.PlotWidget):  # type: ignore[misc]
    """Class regions of a 2-D classifier over the plane, with the data points on top."""

    GRID = 120  # cells per side: 14 400 points, one small forward pass

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self)
        plot = self.getPlotItem()
        plot.setAspectLocked(True)
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        self._points: pg.ScatterPlotItem | None = None
        self.bounds = (-1.0, 1.0, -1.0, 1.0)
        self.updates = 0
        self.probabilities: np.ndarray | None = None

    def set_points(self, x: np.ndarray, labels: np.ndarray) -> None:
        plot = self.getPlotItem()
        if self._points is not None:
            plot.removeItem(self._points)
        self._points = scatter_points(plot, x, labels, size=6)
        low, high = x.min(axis=0), x.max(axis=0)
        pad = 0.1 * (high - low + 1e-6)
        self.bounds = (
            float(low[0] - pad[0]),
            float(high[0] + pad[0]),
            float(low[1] - pad[1]),
            float(high[1] + pad[1]),
        )

    def grid(self) -> np.ndarray:
        """The plane's sample points, GRID² × 2 float32, row-major from the bottom-left."""
        x0, x1, y0, y1 = self.bounds
        xs = np.linspace(x0, x1, self.GRID, dtype=np.float32)
        ys = np.linspace(y0, y1, self.GRID, dtype=np.float32)
        gx, gy = np.meshgrid(xs, ys)
        return np.stack([gx.ravel(), gy.ravel()], axis=1)

    def set_probabilities(self, probs: np.ndarray) -> None:
        """Colour each grid cell by its predicted class, fainter where the model is unsure."""
        probs = np.asarray(probs, dtype=np.float32)
        if probs.ndim == 1 or probs.shape[1] == 1:  # binary: P(class 1)
            p1 = probs.reshape(-1)
            probs = np.stack([1 - p1, p1], axis=1)
        cls = probs.argmax(axis=1)
        confidence = probs.max(axis=1)
        k = probs.shape[1]
        palette = np.array(
            [QColor(CLASS_COLOURS[i % len(CLASS_COLOURS)]).getRgb() for i in range(k)]
        )
        rgba = palette[cls].astype(np.float32)
        # 1/k confidence (a coin flip) draws nearly transparent; certainty draws at 55 %.
        rgba[:, 3] = 255 * 0.55 * ((confidence - 1 / k) / (1 - 1 / k)).clip(0, 1)
        image = rgba.reshape(self.GRID, self.GRID, 4).transpose(1, 0, 2).astype(np.uint8)
        self.image.setImage(image, levels=None)
        self.probabilities = probs  # what is drawn: the class probabilities over the grid
        x0, x1, y0, y1 = self.bounds
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self.updates += 1

    def clear_regions(self) -> None:
        """No model: the points alone."""
        self.image.clear()
        self.updates = 0
        self.probabilities = None


class PredictionScatter(pg.PlotWidget):  # type: ignore[misc]
    """Regression: predicted against true values; a perfect model lies on the diagonal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self)
        plot = self.getPlotItem()
        plot.setLabel("bottom", self.tr("true value"))
        plot.setLabel("left", self.tr("predicted value"))
        self._points = pg.ScatterPlotItem(
            size=6, brush=pg.mkBrush(OKABE_ITO["blue"]), pen=pg.mkPen("#00000060")
        )
        self._diagonal = pg.PlotDataItem(
            pen=pg.mkPen(OKABE_ITO["orange"], width=1.5, style=Qt.PenStyle.DashLine)
        )
        plot.addItem(self._diagonal)
        plot.addItem(self._points)
        self.count = 0

    def set_values(self, y_true: np.ndarray, y_pred: np.ndarray) -> None:
        """First target only when there are several (the scatter is 2-D)."""
        true = np.asarray(y_true, dtype=np.float64)
        pred = np.asarray(y_pred, dtype=np.float64)
        true = true.reshape(len(true), -1)[:, 0] if true.size else true
        pred = pred.reshape(len(pred), -1)[:, 0] if pred.size else pred
        self._points.setData(x=true, y=pred)
        self.count = int(true.size)
        if true.size:
            low = float(min(true.min(), pred.min()))
            high = float(max(true.max(), pred.max()))
            self._diagonal.setData([low, high], [low, high])


class RankingCurvesView(QWidget):
    """Per-class ROC and precision–recall curves (one class against the rest), with AUC and
    average precision in the legends; the ROC's diagonal is a coin flip."""

    MAX_CURVES = 10  # more classes: the ten with the lowest AUC, where the model struggles

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roc = pg.PlotWidget()
        self.pr = pg.PlotWidget()
        for widget, title, x_label, y_label in (
            (
                self.roc,
                self.tr("ROC curve"),
                self.tr("false positive rate"),
                self.tr("true positive rate"),
            ),
            (self.pr, self.tr("Precision–recall"), self.tr("recall"), self.tr("precision")),
        ):
            apply_theme(widget)
            plot = widget.getPlotItem()
            plot.setTitle(title, color=self.palette().color(QPalette.ColorRole.Text))
            plot.setLabel("bottom", x_label)
            plot.setLabel("left", y_label)
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 1.02, padding=0.02)
            plot.showGrid(x=True, y=True, alpha=0.2)
        self.note = QLabel()
        self.note.setWordWrap(True)
        plots = QHBoxLayout()
        plots.addWidget(self.roc)
        plots.addWidget(self.pr)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(plots, 1)
        self.shown: list[str] = []  # the classes drawn, in legend order

    def set_curves(self, curves: Sequence[Any]) -> None:
        for widget in (self.roc, self.pr):
            plot = widget.getPlotItem()
            plot.clear()
            if plot.legend is not None:
                plot.legend.scene().removeItem(plot.legend)
                plot.legend = None
            # In the corner the curves leave free (ROC: bottom right, PR: bottom left), on the
            # plot's own background so the text stays readable over a grid line or a curve.
            background = QColor(self.palette().color(QPalette.ColorRole.Base))
            background.setAlpha(225)
            plot.addLegend(
                offset=(10, -10) if widget is self.pr else (-10, -10),
                labelTextSize="8pt",
                labelTextColor=self.palette().color(QPalette.ColorRole.Text),
                brush=pg.mkBrush(background),
                colCount=2 if len(curves) > 5 else 1,  # ten rows do not fit a short dock
            )
        scored = [c for c in curves if np.isfinite(c.auc)]
        if len(scored) > self.MAX_CURVES:
            scored = sorted(scored, key=lambda c: c.auc)[: self.MAX_CURVES]
            self.note.setText(
                self.tr("The {0} classes with the lowest AUC of {1}.").format(
                    self.MAX_CURVES, len(curves)
                )
            )
        else:
            self.note.setText(
                self.tr("Each class against all the others. AUC 1 is perfect, 0.5 is chance.")
            )
        self.roc.getPlotItem().plot(
            [0, 1], [0, 1], pen=pg.mkPen("#88888888", width=1, style=Qt.PenStyle.DashLine)
        )
        for i, curve in enumerate(scored):
            colour = CLASS_COLOURS[i % len(CLASS_COLOURS)]
            # Dashes as well as colours: ten curves stay apart for every reader.
            style = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)[i // 4 % 3]
            pen = pg.mkPen(colour, width=2, style=style)
            self.roc.getPlotItem().plot(
                curve.fpr, curve.tpr, pen=pen, name=f"{curve.name}  AUC {curve.auc:.3f}"
            )
            self.pr.getPlotItem().plot(
                curve.recall,
                curve.precision,
                pen=pen,
                name=f"{curve.name}  AP {curve.average_precision:.3f}",
            )
        self.shown = [c.name for c in scored]

    def clear(self) -> None:
        self.set_curves([])
        self.note.setText("")
