"""Explainability lab: occlusion by hand. A small classifier of the 8×8 digits (trained here in a
fraction of a second); click pixels to cover them and watch the class probability, beside the
saliency map (gradient × input) that predicts which pixels matter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from gui.labs.common import LabWidget, colour, make_plot

SIDE = 8  # the digits are 8×8


def train_digit_classifier(epochs: int = 150) -> dict[str, Any]:
    """Softmax regression on the built-in 8×8 digits (raw grey levels 0–255 scaled to [0, 1]):
    its weights, and
    the test images with their labels. Full-batch Adam: about 0.3 s on one core."""
    import torch

    from engine import DataRef, load_dataset

    dataset = load_dataset(DataRef("digits-8x8", {"seed": 0}))
    x = dataset.train.x.reshape(len(dataset.train.x), -1).float() / 255.0
    y = dataset.train.y.long()
    torch.manual_seed(0)
    model = torch.nn.Linear(SIDE * SIDE, 10)
    optimiser = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(epochs):
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimiser.step()
    test = dataset.test if dataset.test is not None else dataset.val
    assert test is not None
    return {
        "weight": model.weight.detach().numpy().astype(np.float64),
        "bias": model.bias.detach().numpy().astype(np.float64),
        "images": (test.x.reshape(len(test.x), SIDE, SIDE).float() / 255.0).numpy(),
        "labels": test.y.numpy(),
    }


def probabilities(model: dict[str, Any], image: NDArray[np.float64]) -> NDArray[np.float64]:
    logits = model["weight"] @ image.reshape(-1) + model["bias"]
    e = np.exp(logits - logits.max())
    return np.asarray(e / e.sum(), dtype=np.float64)


def saliency(model: dict[str, Any], image: NDArray[np.float64], target: int) -> NDArray[np.float64]:
    """Gradient × input of the target's logit, positive part: for this linear model the
    gradient is the class's weights, so each pixel's share is wᵢ·xᵢ."""
    share = model["weight"][target] * image.reshape(-1)
    return np.asarray(np.clip(share, 0, None).reshape(SIDE, SIDE), dtype=np.float64)


class PixelGrid(QWidget):
    """An 8×8 image drawn large; with ``clickable`` a click covers or uncovers a pixel."""

    sig_toggled = Signal(int, int)  # row, column

    def __init__(self, clickable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = np.zeros((SIDE, SIDE))  # in [0, 1]
        self.covered = np.zeros((SIDE, SIDE), dtype=bool)
        self.heat = False  # draw with the heat colours (a map), else grey (an image)
        self.clickable = clickable
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _cell(self) -> float:
        return min(self.width(), self.height()) / SIDE

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        cell = self._cell()
        for r in range(SIDE):
            for c in range(SIDE):
                v = float(np.clip(self.values[r, c], 0, 1))
                if self.heat:
                    fill = QColor.fromRgbF(
                        min(1, 3 * v), min(1, max(0, 3 * v - 1)), max(0, 3 * v - 2)
                    )
                else:
                    fill = QColor.fromRgbF(v, v, v)
                rect = QRectF(c * cell, r * cell, cell - 1, cell - 1)
                painter.fillRect(rect, fill)
                if self.covered[r, c]:
                    painter.fillRect(rect, colour("sky_blue", 200))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self._cell()
        r, c = int(event.position().y() // cell), int(event.position().x() // cell)
        if self.clickable and 0 <= r < SIDE and 0 <= c < SIDE:
            self.sig_toggled.emit(r, c)


class ExplainabilityLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: dict[str, Any] | None = None
        self.sample = QSpinBox()
        self.sample.setRange(0, 0)
        self.sample.setAccessibleName(self.tr("Test digit"))
        self.cover_top = QPushButton(self.tr("Cover the 6 brightest"))
        self.cover_top.setToolTip(self.tr("Cover the six pixels the saliency map marks most"))
        self.reset = QPushButton(self.tr("Uncover all"))
        self.image = PixelGrid(clickable=True)
        self.image.setToolTip(self.tr("Click a pixel to cover it (it becomes 0), again to uncover"))
        self.map = PixelGrid(clickable=False)
        self.map.heat = True
        self.bars_plot = make_plot(self.tr("Class probabilities"), "", "", legend=False)
        self.bars_plot.setYRange(0, 1)
        self.bars_plot.getPlotItem().getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])
        self.bars = pg.BarGraphItem(
            x=np.arange(10), height=np.zeros(10), width=0.6, brush=colour("blue")
        )
        self.bars_plot.addItem(self.bars)
        self.status = QLabel(self.tr("Training a small digit classifier…"))
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Test digit:")))
        controls.addWidget(self.sample)
        controls.addWidget(self.cover_top)
        controls.addWidget(self.reset)
        controls.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 3)
        layout.addWidget(QLabel(self.tr("The digit (click to cover)")), 1, 0)
        layout.addWidget(QLabel(self.tr("Saliency: gradient × input")), 1, 1)
        layout.addWidget(self.image, 2, 0)
        layout.addWidget(self.map, 2, 1)
        layout.addWidget(self.bars_plot, 1, 2, 2, 1)
        layout.addWidget(self.status, 3, 0, 1, 3)
        self.sample.valueChanged.connect(lambda _v: self.choose_sample())
        self.image.sig_toggled.connect(self.toggle)
        self.cover_top.clicked.connect(lambda: self.cover_brightest(6))
        self.reset.clicked.connect(self.uncover)
        for widget in (self.sample, self.cover_top, self.reset):
            widget.setEnabled(False)
        self.target = 0  # the class the network gives the uncovered digit
        self.start_p = 0.0

    # -- the classifier, on a worker ------------------------------------------------------
    def first_shown(self) -> None:
        self.train()

    def train(self) -> None:
        def work(_report: Callable[[Any], None], _stop: Callable[[], bool]) -> dict[str, Any]:
            return train_digit_classifier()

        self.start_worker(work, None, self._on_trained, self._on_failed)

    def _on_trained(self, model: dict[str, Any]) -> None:
        self.model = model
        self.sample.setRange(0, len(model["labels"]) - 1)
        for widget in (self.sample, self.cover_top, self.reset):
            widget.setEnabled(True)
        self.choose_sample()
        self.sig_done.emit()

    def _on_failed(self, message: str) -> None:
        self.show_failure(self.status, message)

    # -- covering pixels ------------------------------------------------------------------
    def choose_sample(self) -> None:
        if self.model is None:
            return
        self.image.values = self.model["images"][self.sample.value()].astype(np.float64)
        self.image.covered[:] = False
        probs = probabilities(self.model, self.image.values)
        self.target, self.start_p = int(np.argmax(probs)), float(probs.max())
        self.map.values = _unit(saliency(self.model, self.image.values, self.target))
        self.update_view()

    def toggle(self, row: int, column: int) -> None:
        self.image.covered[row, column] = not self.image.covered[row, column]
        self.update_view()

    def cover_brightest(self, count: int) -> None:
        order = np.argsort(self.map.values.reshape(-1))[::-1][:count]
        self.image.covered.reshape(-1)[order] = True
        self.update_view()

    def uncover(self) -> None:
        self.image.covered[:] = False
        self.update_view()

    def covered_probability(self) -> float:
        """The probability of the uncovered digit's class with the covered pixels set to 0."""
        assert self.model is not None
        image = np.where(self.image.covered, 0.0, self.image.values)
        return float(probabilities(self.model, image)[self.target])

    def update_view(self) -> None:
        if self.model is None:
            return
        image = np.where(self.image.covered, 0.0, self.image.values)
        probs = probabilities(self.model, image)
        self.bars.setOpts(height=probs)
        label = int(self.model["labels"][self.sample.value()])
        covered = int(self.image.covered.sum())
        self.status.setText(
            self.tr(
                "Digit {0} (labelled {1}): the network says '{2}' with {3:.0%}; with the covered "
                "pixels ({4}) set to 0: {5:.0%}. Covering the pixels the saliency map marks brightest costs "
                "the most — that is what the map claims, and occlusion tests it."
            ).format(
                self.sample.value(),
                label,
                self.target,
                self.start_p,
                covered,
                float(probs[self.target]),
            )
        )
        self.image.update()
        self.map.update()

    def run_demo(self) -> None:
        if self.model is None:
            self.train()  # sig_done follows the training
        else:
            self.cover_brightest(6)
            self.sig_done.emit()


def _unit(values: NDArray[np.float64]) -> NDArray[np.float64]:
    top = float(values.max())
    return values / top if top > 0 else values
