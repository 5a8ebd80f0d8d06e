"""Attention lab: scaled dot-product attention by hand. Six words with two-dimensional queries
and keys: pick the word that asks, sharpen or soften the softmax, switch the causal mask on,
and see which words it takes its value from — the computation inside every head."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QWidget,
)

from gui.labs.common import LabWidget, colour, make_plot, pen

WORDS = ("the", "cat", "sat", "on", "the", "mat")
# Two-dimensional keys and queries, made up so that the geometry reads: nouns point one way,
# the verb another, the function words a third; "sat" asks for nouns (who sat? where?).
KEYS = np.array([[0.15, 1.0], [1.0, 0.4], [-0.6, -0.8], [-0.25, 0.8], [0.4, 0.9], [0.85, 0.0]])
QUERIES = np.array([[1.0, 0.2], [-0.5, -0.9], [1.0, 0.25], [1.0, 0.1], [1.0, 0.3], [-0.4, -1.0]])


def attention_weights(query: int, scale: float, causal: bool) -> NDArray[np.float64]:
    """softmax(q·kⱼ · scale) over the words j (only j ≤ query with the causal mask)."""
    scores = KEYS @ QUERIES[query] * scale
    if causal:
        scores[query + 1 :] = -np.inf
    weights = np.exp(scores - scores.max())
    return np.asarray(weights / weights.sum(), dtype=np.float64)


class AttentionLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QComboBox()
        for i, word in enumerate(WORDS):
            self.query.addItem(f"{i + 1}: {word}", i)
        self.query.setCurrentIndex(2)  # "sat"
        self.query.setAccessibleName(self.tr("The word that asks"))
        self.sharpness = QSlider(Qt.Orientation.Horizontal)
        self.sharpness.setRange(0, 40)  # the scale ×10: 0 to 4
        self.sharpness.setValue(20)
        self.sharpness.setAccessibleName(self.tr("Scale of the scores"))
        self.scale_label = QLabel()
        self.causal = QCheckBox(self.tr("Causal mask (no looking ahead)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.vectors = make_plot(self.tr("Queries and keys"), "", "", legend=False)
        self.vectors.getPlotItem().setAspectLocked(True)
        self.vectors.setXRange(-1.3, 1.3)
        self.vectors.setYRange(-1.3, 1.3)
        self.key_points = pg.ScatterPlotItem(
            size=10, brush=pg.mkBrush(colour("blue")), pen=None, symbol="o"
        )
        self.vectors.addItem(self.key_points)
        self.query_arrow = self.vectors.plot(pen=pen("vermillion", 3))
        self.labels = [
            pg.TextItem(f"{i + 1} {word}", color="#000000", anchor=(0, 1))
            for i, word in enumerate(WORDS)
        ]
        for i, label in enumerate(self.labels):
            label.setPos(*KEYS[i])
            self.vectors.addItem(label)
        self.bars_plot = make_plot(
            self.tr("Attention weights (they sum to 1)"), "", "", legend=False
        )
        self.bars_plot.setYRange(0, 1)
        self.bars_plot.getPlotItem().getAxis("bottom").setTicks(
            [[(i, f"{i + 1} {w}") for i, w in enumerate(WORDS)]]
        )
        self.bars = pg.BarGraphItem(
            x=np.arange(6), height=np.zeros(6), width=0.6, brush=colour("orange")
        )
        self.bars_plot.addItem(self.bars)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("The word that asks:")))
        controls.addWidget(self.query)
        controls.addWidget(QLabel(self.tr("Scale:")))
        controls.addWidget(self.sharpness, 1)
        controls.addWidget(self.scale_label)
        controls.addWidget(self.causal)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 2)
        layout.addWidget(self.vectors, 1, 0)
        layout.addWidget(self.bars_plot, 1, 1)
        layout.addWidget(self.status, 2, 0, 1, 2)
        self.query.currentIndexChanged.connect(lambda _i: self.update_view())
        self.sharpness.valueChanged.connect(lambda _v: self.update_view())
        self.causal.toggled.connect(lambda _on: self.update_view())
        self.weights = np.zeros(len(WORDS))
        self.update_view()

    @property
    def scale(self) -> float:
        return self.sharpness.value() / 10.0

    def update_view(self) -> None:
        query = int(self.query.currentData())
        self.weights = attention_weights(query, self.scale, self.causal.isChecked())
        self.scale_label.setText(f"{self.scale:.1f}")
        self.key_points.setData(pos=KEYS)
        self.query_arrow.setData([0.0, QUERIES[query][0]], [0.0, QUERIES[query][1]])
        self.bars.setOpts(height=self.weights)
        top = int(np.argmax(self.weights))
        self.status.setText(
            self.tr(
                "'{0}' takes {1:.0%} of its value from word {2} ('{3}'). Scale 0 spreads the "
                "attention evenly; a large scale picks the best-matching key almost alone (the "
                "1/√d in softmax(QKᵀ/√d) keeps it from being too sharp when vectors are long)."
            ).format(WORDS[query], float(self.weights[top]), top + 1, WORDS[top])
        )

    def run_demo(self) -> None:
        self.query.setCurrentIndex(2)
        self.causal.setChecked(True)
        self.update_view()
        self.sig_done.emit()
