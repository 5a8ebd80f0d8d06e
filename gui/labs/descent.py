"""Gradient descent lab: a 2-D loss surface, the paths of gradient descent, momentum and Adam
from one start, and a learning-rate slider that goes from too small to divergent."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSlider, QWidget

from engine.labs import descent as dm
from gui.labs.common import (
    LabWidget,
    cividis_lookup,
    colour,
    decade_ticks,
    legend_html,
    make_plot,
    pen,
)

# Learning rates from 10⁻³ to 10⁰ on a log scale, 20 slider positions per decade.
_LR_MIN_EXP, _LR_MAX_EXP, _PER_DECADE = -3, 0, 20
_METHODS = (  # (method, colour, dashed, symbol)
    ("gd", "blue", False, "o"),
    ("momentum", "vermillion", True, "t"),
    ("adam", "green", False, "s"),
)
_SAMPLES = {"gd": "━●━", "momentum": "╍▼╍", "adam": "━■━"}  # what each line looks like


class DescentLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels = {
            "gd": self.tr("Gradient descent (SGD)"),
            "momentum": self.tr("Momentum (β = 0.9)"),
            "adam": self.tr("Adam"),
        }
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, (_LR_MAX_EXP - _LR_MIN_EXP) * _PER_DECADE)
        self.slider.setAccessibleName(self.tr("Learning rate"))
        self.slider.setPageStep(_PER_DECADE // 4)
        self.lr_label = QLabel()
        self.lr_label.setMinimumWidth(90)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)

        self.surface_plot = make_plot(
            self.tr("Loss surface J(w) and the paths"), "w₁", "w₂", legend=False
        )
        image = pg.ImageItem(dm.surface())
        image.setLookupTable(cividis_lookup())
        x0, x1, y0, y1 = dm.EXTENT
        image.setRect(x0, y0, x1 - x0, y1 - y0)
        image.setOpacity(0.55)
        self.surface_plot.addItem(image)
        for level in np.linspace(0.2, 1.6, 8):
            contour = pg.IsocurveItem(dm.surface(), level=level, pen=pg.mkPen("#555555"))
            contour.setParentItem(image)
        self.surface_plot.plot(
            [0], [0], pen=None, symbol="+", symbolSize=16, symbolPen=pg.mkPen("#000000", width=2)
        )
        self.surface_plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.loss_plot = make_plot(self.tr("Loss per step"), self.tr("step"), "J(w)", legend=False)
        self.loss_plot.setLogMode(y=True)
        decade_ticks(self.loss_plot)

        self.paths: dict[str, pg.PlotDataItem] = {}
        self.losses: dict[str, pg.PlotDataItem] = {}
        for method, name, dashed, symbol in _METHODS:
            self.paths[method] = self.surface_plot.plot(
                pen=pen(name, 2, dashed),
                symbol=symbol,
                symbolSize=6,
                symbolBrush=colour(name),
                symbolPen=None,
                name=labels[method],
            )
            self.losses[method] = self.loss_plot.plot(pen=pen(name, 2, dashed), name=labels[method])

        self.legend = QLabel(
            legend_html([(name, _SAMPLES[m], labels[m]) for m, name, _d, _s in _METHODS])
        )
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Learning rate η:")))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.lr_label)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 2)
        layout.addWidget(self.legend, 1, 0, 1, 2)
        layout.addWidget(self.surface_plot, 2, 0)
        layout.addWidget(self.loss_plot, 2, 1)
        layout.addWidget(self.verdict, 3, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)

        self.slider.valueChanged.connect(self._on_slider)
        self.set_learning_rate(0.1)

    def learning_rate(self) -> float:
        return 10.0 ** (_LR_MIN_EXP + self.slider.value() / _PER_DECADE)

    def set_learning_rate(self, lr: float) -> None:
        position = round((math.log10(lr) - _LR_MIN_EXP) * _PER_DECADE)
        self.slider.setValue(position)
        self._on_slider(position)  # also when the position did not change

    def _on_slider(self, _value: int) -> None:
        lr = self.learning_rate()
        self.lr_label.setText(f"η = {lr:.3g}")
        for method, _name, _dashed, _symbol in _METHODS:
            path = dm.run(method, lr)
            self.paths[method].setData(path.points[:, 0], path.points[:, 1])
            self.losses[method].setData(np.arange(len(path.losses)), np.maximum(path.losses, 1e-12))
        texts = {
            "too_small": self.tr(
                "Too small: after 50 steps gradient descent is still far from the minimum."
            ),
            "good": self.tr("Good: gradient descent reaches the minimum."),
            "oscillating": self.tr(
                "Too large: gradient descent bounces across the narrow valley without settling."
            ),
            "divergent": self.tr(
                "Divergent: each step overshoots more than the last (η > 2/b = 0.5)."
            ),
        }
        self.current_verdict = dm.verdict(lr)
        self.verdict.setText(texts[self.current_verdict])

    def run_demo(self) -> None:
        for lr in (0.005, 0.2, 0.8):
            self.set_learning_rate(lr)
        self.sig_done.emit()
