"""Small views the Data pane composes: a pandas table model, the class histogram, 2-D points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from gui.widgets.colours import OKABE_ITO

# Class colours for scatter plots and decision boundaries (Okabe–Ito order, blue first).
CLASS_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["purple"],
    OKABE_ITO["sky"],
    OKABE_ITO["yellow"],
    OKABE_ITO["grey"],
)

_Index = QModelIndex | QPersistentModelIndex


class DataFrameModel(QAbstractTableModel):
    """Read-only view of a (small) pandas DataFrame, such as a CSV's first rows."""

    def __init__(self, frame: Any = None) -> None:
        super().__init__()
        self._frame = frame

    def set_frame(self, frame: Any) -> None:
        self.beginResetModel()
        self._frame = frame
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if self._frame is None or parent.isValid() else int(self._frame.shape[0])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if self._frame is None or parent.isValid() else int(self._frame.shape[1])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._frame is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._frame.iat[index.row(), index.column()]
        if isinstance(value, float):
            return f"{value:.6g}"
        return str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._frame is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section])
        return str(self._frame.index[section])


def apply_theme(widget: pg.PlotWidget) -> None:
    """Colour a PlotWidget from the application palette (light or dark)."""
    palette = widget.palette()
    widget.setBackground(palette.color(QPalette.ColorRole.Base))
    foreground = palette.color(QPalette.ColorRole.Text)
    item = widget.getPlotItem()
    for axis in ("left", "bottom"):
        item.getAxis(axis).setPen(foreground)
        item.getAxis(axis).setTextPen(foreground)
    item.setMenuEnabled(False)


def themed_plot(parent: QWidget | None = None) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent)
    apply_theme(widget)
    return widget


class ClassHistogram(pg.PlotWidget):  # type: ignore[misc]
    """Bars of samples per class, labelled with the class names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self)
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.setLabel("left", self.tr("samples"))
        self._bars: pg.BarGraphItem | None = None
        self.counts: list[int] = []

    def set_counts(self, counts: Sequence[int], names: Sequence[str]) -> None:
        item = self.getPlotItem()
        if self._bars is not None:
            item.removeItem(self._bars)
        self.counts = list(counts)
        x = np.arange(len(counts))
        self._bars = pg.BarGraphItem(
            x=x, height=np.asarray(counts), width=0.7, brush=OKABE_ITO["blue"], pen=None
        )
        item.addItem(self._bars)
        step = max(1, len(names) // 20)  # at most ~20 labels stay readable
        ticks = [(float(i), str(names[i])) for i in range(0, len(names), step)]
        item.getAxis("bottom").setTicks([ticks])
        item.setXRange(-0.6, len(counts) - 0.4, padding=0)
        item.setYRange(0, max(counts, default=1) * 1.08, padding=0)


def scatter_points(
    plot: pg.PlotItem, x: np.ndarray, labels: np.ndarray, size: float = 5
) -> pg.ScatterPlotItem:
    """2-D points coloured by class (one brush per class, colour-blind safe)."""
    brushes = [pg.mkBrush(CLASS_COLOURS[int(c) % len(CLASS_COLOURS)]) for c in labels]
    item = pg.ScatterPlotItem(
        x=x[:, 0], y=x[:, 1], size=size, brush=brushes, pen=pg.mkPen("#00000060")
    )
    plot.addItem(item)
    return item
