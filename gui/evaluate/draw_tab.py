"""The Evaluate pane's draw tab: a drawing pad, what the network sees, and its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.evaluate.drawpad import DrawPad
from gui.evaluate.views import ProbabilityBars
from gui.widgets.gallery import ImageGrid

if TYPE_CHECKING:
    from gui.document import ProjectDocument


class DrawTab(QWidget):
    """Draw a sample; the current model's class probabilities follow the strokes live."""

    sig_predicted = Signal()  # a new drawing was classified (feature maps may follow it)

    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.last_probabilities = np.zeros(0)
        self.pad = DrawPad()
        self.pad.sig_changed.connect(self.predict)
        self.probability_bars = ProbabilityBars()
        self.result = QLabel(self.tr("Draw a sample on the pad."))
        font = self.result.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.result.setFont(font)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        self.seen = ImageGrid(cell=84)
        self.seen.setFixedSize(96, 96)
        self.seen.setToolTip(
            self.tr(
                "Your drawing as the network receives it: cropped, centred and scaled to the "
                "dataset's image size, like the training images"
            )
        )
        pad_column = QVBoxLayout()
        pad_column.addWidget(self.pad, 1)
        pad_column.addWidget(clear)
        seen_row = QHBoxLayout()
        seen_row.addWidget(self.result, 1)
        seen_row.addWidget(QLabel(self.tr("The network sees:")))
        seen_row.addWidget(self.seen)
        bars_column = QVBoxLayout()
        bars_column.addLayout(seen_row)
        bars_column.addWidget(self.probability_bars, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(pad_column, 1)
        layout.addLayout(bars_column, 2)

    def drawing_raw(self) -> np.ndarray | None:
        """The drawing as one raw sample of the dataset (1×C×H×W), or None without images."""
        dataset = self.state.dataset
        if dataset is None or dataset.kind != "image":
            return None
        # Raw images are 0..255 (uint8 as loaded); preprocess scales and normalises them.
        floating = dataset.train.x.dtype.is_floating_point
        return self.pad.to_raw(
            tuple(dataset.input_shape), 255.0, np.float32 if floating else np.uint8
        )

    def clear(self) -> None:
        """No model: an empty pad, no answer."""
        self.pad.clear()
        self.seen.clear()
        self.last_probabilities = np.zeros(0)
        self.probability_bars.set_probabilities(np.zeros(0), [])
        self.result.setText(self.tr("Train the network first, then draw."))

    def predict(self) -> None:
        """Classify the drawing with the current model, through the dataset's preprocessing."""
        dataset, model = self.state.dataset, self.state.model
        raw = self.drawing_raw()
        if raw is None or model is None or dataset is None or self.pad.is_empty():
            # The axis names the classes before anything is drawn (it read 0.1…0.9).
            names = [str(n) for n in dataset.class_names] if dataset is not None else []
            self.probability_bars.set_probabilities(np.zeros(len(names)), names)
            self.result.setText(
                self.tr("Draw a sample on the pad.")
                if model is not None
                else self.tr("Train the network first, then draw.")
            )
            return
        from engine import predict_proba

        self.seen.set_images(raw[:1])
        probs = np.asarray(predict_proba(model, dataset, raw)).reshape(-1)
        if probs.size == 1:  # binary: P(class 1)
            probs = np.array([1 - probs[0], probs[0]])
        self.last_probabilities = probs
        names = [str(n) for n in dataset.class_names]
        self.probability_bars.set_probabilities(probs, names)
        best = int(np.argmax(probs))
        label = names[best] if best < len(names) else str(best)
        self.result.setText(
            self.tr("The network says {0} ({1:.0%} sure).").format(label, probs[best])
        )
        self.sig_predicted.emit()
