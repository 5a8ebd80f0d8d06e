"""Activation functions lab: each function with its derivative, where it saturates, and the
decision boundary a small network learns with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.labs.common import LabWidget, colour, make_plot, pen
from gui.labs.mini_train import BOUNDS, BoundaryFrame, moons, train_boundary

F = Callable[[NDArray[np.float64]], NDArray[np.float64]]


def _sigmoid(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return 1.0 / (1.0 + np.exp(-x))


def _gelu(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x**3)))


# name -> (function, derivative). GELU's derivative is taken numerically: its closed form
# teaches nothing here.
FUNCTIONS: dict[str, tuple[F, F]] = {
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * (1.0 - _sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1.0 - np.tanh(x) ** 2),
    "relu": (lambda x: np.maximum(x, 0.0), lambda x: (x > 0).astype(np.float64)),
    "leaky_relu": (
        lambda x: np.where(x > 0, x, 0.1 * x),
        lambda x: np.where(x > 0, 1.0, 0.1),
    ),
    "gelu": (_gelu, lambda x: np.gradient(_gelu(x), x)),
}
SATURATION = 0.1  # shaded where |f'(x)| is below this fraction of its largest value


def saturated_ranges(name: str, x: NDArray[np.float64]) -> list[tuple[float, float]]:
    """The intervals of ``x`` where the derivative is (nearly) zero: gradients stop there."""
    derivative = np.abs(FUNCTIONS[name][1](x))
    flat = derivative < SATURATION * derivative.max()
    ranges: list[tuple[float, float]] = []
    start: float | None = None
    for value, is_flat in zip(x, flat, strict=True):
        if is_flat and start is None:
            start = float(value)
        elif not is_flat and start is not None:
            ranges.append((start, float(value)))
            start = None
    if start is not None:
        ranges.append((start, float(x[-1])))
    return ranges


class ActivationLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = {
            "sigmoid": "Sigmoid",
            "tanh": "Tanh",
            "relu": "ReLU",
            "leaky_relu": "LeakyReLU (α = 0.1)",
            "gelu": "GELU",
        }
        self.combo = QComboBox()
        for key, label in self._names.items():
            self.combo.addItem(label, key)
        self.combo.setAccessibleName(self.tr("Activation function"))
        self.train_button = QPushButton(self.tr("Train the 2-D classifier"))
        self.train_button.setToolTip(
            self.tr("Train a 2-16-16-2 network with this activation on the moons data (300 steps)")
        )
        self.status = QLabel(self.tr("Pick an activation, then train."))
        self.status.setWordWrap(True)

        self.function_plot = make_plot(self.tr("Function and derivative"), "x", "")
        self.xs = np.linspace(-6, 6, 601)  # not self.x: that is QWidget.x()
        self.f_curve = self.function_plot.plot(pen=pen("blue", 3), name="f(x)")
        self.df_curve = self.function_plot.plot(pen=pen("vermillion", 3, dashed=True), name="f′(x)")
        self.regions: list[pg.LinearRegionItem] = []
        self.saturation_note = QLabel(
            self.tr(
                "Shaded: saturated, where f′(x) is below 10 % of its peak and gradients barely flow."
            )
        )
        self.saturation_note.setWordWrap(True)

        self.boundary_plot = make_plot(self.tr("Decision boundary on moons"), "x₁", "x₂")
        self.boundary_plot.getPlotItem().legend.setVisible(False)
        self.image = pg.ImageItem()
        self.boundary_plot.addItem(self.image)
        self.isocurve = pg.IsocurveItem(level=0.5, pen=pg.mkPen("#000000", width=2))
        self.isocurve.setParentItem(self.image)
        points, labels = moons(200, 0.2, 0)
        for cls, name, symbol in ((0, "blue", "o"), (1, "vermillion", "t")):
            chosen = points[labels == cls]
            self.boundary_plot.addItem(
                pg.ScatterPlotItem(
                    chosen[:, 0],
                    chosen[:, 1],
                    symbol=symbol,
                    size=7,
                    brush=pg.mkBrush(colour(name)),
                    pen=pg.mkPen("#000000", width=0.5),
                )
            )
        x0, x1, y0, y1 = BOUNDS
        self.boundary_plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Activation:")))
        controls.addWidget(self.combo)
        controls.addWidget(self.train_button)
        controls.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 2)
        layout.addWidget(self.function_plot, 1, 0)
        layout.addWidget(self.boundary_plot, 1, 1)
        layout.addWidget(self.saturation_note, 2, 0)
        layout.addWidget(self.status, 2, 1)

        self.combo.currentIndexChanged.connect(self._on_activation_changed)
        self.train_button.clicked.connect(lambda: self.train())
        self._draw_function()

    def activation(self) -> str:
        return str(self.combo.currentData())

    def _draw_function(self) -> None:
        f, df = FUNCTIONS[self.activation()]
        self.f_curve.setData(self.xs, f(self.xs))
        self.df_curve.setData(self.xs, df(self.xs))
        for region in self.regions:
            self.function_plot.removeItem(region)
        self.regions = []
        for lo, hi in saturated_ranges(self.activation(), self.xs):
            region = pg.LinearRegionItem(
                (lo, hi), movable=False, brush=pg.mkBrush(colour("yellow", 90)), pen=pg.mkPen(None)
            )
            region.setZValue(-10)
            self.function_plot.addItem(region)
            self.regions.append(region)

    def _on_activation_changed(self, _index: int) -> None:
        self._draw_function()
        if self.is_busy() or self._trained_once:
            self.train()

    _trained_once = False

    def train(self, steps: int = 300) -> None:
        self._trained_once = True
        activation = self.activation()
        self.status.setText(self.tr("Training with %s…") % self.combo.currentText())

        def work(report: Callable[[Any], None], should_stop: Callable[[], bool]) -> BoundaryFrame:
            return train_boundary(activation, report, should_stop, steps=steps)

        self.start_worker(work, self._show_frame, self._on_trained, self._on_failed)

    def run_demo(self) -> None:
        self.train(steps=100)

    def first_shown(self) -> None:
        self.train()

    def _show_frame(self, frame: BoundaryFrame) -> None:
        # ImageItem indexes [x, y]; the grid is [row = y, column = x].
        self.image.setImage(self._shade(frame.probabilities.T), levels=(0, 255))
        x0, x1, y0, y1 = BOUNDS
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)  # maps pixels to the plane; needs the image
        self.isocurve.setData(frame.probabilities.T, level=0.5)
        self.status.setText(
            self.tr("Step %d · loss %.3f · training accuracy %.1f %%")
            % (frame.step, frame.loss, 100 * frame.accuracy)
        )

    @staticmethod
    def _shade(probabilities: NDArray[np.float32]) -> NDArray[np.uint8]:
        """Blend light blue (class 0) and light orange (class 1) by the predicted probability."""
        blue = np.array([0x56, 0xB4, 0xE9], np.float32)
        orange = np.array([0xE6, 0x9F, 0x00], np.float32)
        p = probabilities[..., None]
        rgb = (1 - p) * blue + p * orange
        rgb = 0.45 * rgb + 0.55 * 255  # lighten: the points must stand out
        return rgb.astype(np.uint8)

    def _on_trained(self, frame: BoundaryFrame) -> None:
        self._show_frame(frame)
        self.sig_done.emit()

    def _on_failed(self, message: str) -> None:
        self.show_failure(self.status, message)
