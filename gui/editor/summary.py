"""The summary strip: parameters, multiply-adds, training memory and validity at a glance."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from gui.editor._text import format_bytes, format_count
from gui.editor.style import error_colour, issue_mark


class SummaryStrip(QFrame):
    def __init__(self, batch_size: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._batch_size = batch_size
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(18)
        self.params_label = QLabel()
        self.macs_label = QLabel()
        self.memory_label = QLabel()
        self.valid_label = QLabel()
        for label in (self.params_label, self.macs_label, self.memory_label):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.valid_label)
        self.show_analysis(None)

    def show_analysis(self, analysis: Any) -> None:
        if analysis is None:
            for label in (self.params_label, self.macs_label, self.memory_label, self.valid_label):
                label.setText("")
            return
        batch = self._batch_size()
        params = self.tr("Parameters: <b>%s</b>") % format_count(analysis.total_params)
        tip = self.tr("Learnable weights and biases in the whole network.")
        if analysis.frozen_params:
            params += " " + self.tr("(trainable %s, frozen %s)") % (
                format_count(analysis.trainable_params),
                format_count(analysis.frozen_params),
            )
            tip += " " + self.tr(
                "Frozen layers keep their weights: training changes only the rest."
            )
        self.params_label.setText(params)
        self.params_label.setToolTip(tip)
        self.macs_label.setText(
            self.tr("Multiply-adds per sample: <b>%s</b>") % format_count(analysis.total_macs)
        )
        self.macs_label.setToolTip(
            self.tr("How much arithmetic one forward pass of one sample costs.")
        )
        try:
            memory = format_bytes(float(analysis.memory_bytes(batch)))
        except Exception:  # an invalid network has no meaningful estimate
            memory = "–"
        self.memory_label.setText(
            self.tr("Training memory (batch %d): <b>≈ %s</b>") % (batch, memory)
        )
        self.memory_label.setToolTip(
            self.tr("Weights, gradients, optimiser state and activations for one training step.")
        )
        problems = len(analysis.issues)
        if analysis.valid:
            self.valid_label.setText("✔ " + self.tr("Valid network"))
            self.valid_label.setStyleSheet("")
        else:
            colour = error_colour(self.palette()).name()
            text = (
                self.tr("1 problem to fix")
                if problems == 1
                else self.tr("%d problems to fix") % problems
            )
            self.valid_label.setText(f"{issue_mark('error')} {text}")
            self.valid_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
