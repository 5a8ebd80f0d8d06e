"""RNN/LSTM lab: how much gradient reaches each earlier time step, plain RNN against LSTM."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.labs.common import LabWidget, decade_ticks, make_plot, pen
from gui.labs.mini_train import gradient_norms_per_step


class RecurrentLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.length = QSpinBox()
        self.length.setRange(5, 200)
        self.length.setValue(40)
        self.length.setAccessibleName(self.tr("Sequence length"))
        self.forget_bias = QDoubleSpinBox()
        self.forget_bias.setRange(0.0, 5.0)
        self.forget_bias.setSingleStep(0.5)
        self.forget_bias.setValue(1.0)
        self.forget_bias.setAccessibleName(self.tr("LSTM forget-gate bias"))
        self.compute_button = QPushButton(self.tr("Compute gradient norms"))
        self.status = QLabel(self.tr("Press the button to measure."))
        self.status.setWordWrap(True)
        self.plots = {}
        self.curves = {}
        for cell, title, name in (
            ("rnn", self.tr("Plain RNN (tanh)"), "vermillion"),
            ("lstm", self.tr("LSTM"), "blue"),
        ):
            plot = make_plot(title, self.tr("time step t"), "‖∂L/∂xₜ‖")
            plot.setLogMode(y=True)
            decade_ticks(plot)
            self.plots[cell] = plot
            self.curves[cell] = plot.plot(
                pen=pen(name, 2, dashed=cell == "rnn"),
                symbol="o" if cell == "lstm" else "t",
                symbolSize=5,
                symbolBrush=pen(name).color(),
                symbolPen=None,
                name=title,
            )
        self.plots["lstm"].setYLink(self.plots["rnn"])

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Sequence length:")))
        controls.addWidget(self.length)
        controls.addWidget(QLabel(self.tr("LSTM forget-gate bias:")))
        controls.addWidget(self.forget_bias)
        controls.addWidget(self.compute_button)
        controls.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 2)
        layout.addWidget(self.plots["rnn"], 1, 0)
        layout.addWidget(self.plots["lstm"], 1, 1)
        layout.addWidget(self.status, 2, 0, 1, 2)
        self.compute_button.clicked.connect(lambda: self.compute())
        self.norms: dict[str, np.ndarray[Any, Any]] = {}

    def compute(self, repeats: int = 8) -> None:
        length, bias = self.length.value(), self.forget_bias.value()
        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("Computing…"))

        def work(_report: Callable[[Any], None], _stop: Callable[[], bool]) -> dict[str, Any]:
            return {
                cell: gradient_norms_per_step(
                    cell, seq_len=length, repeats=repeats, forget_bias=bias
                )
                for cell in ("rnn", "lstm")
            }

        self.start_worker(work, None, self._on_result, self._on_failed)

    def _on_result(self, norms: dict[str, np.ndarray[Any, Any]]) -> None:
        self.norms = norms
        for cell, values in norms.items():
            self.curves[cell].setData(np.arange(len(values)), np.maximum(values, 1e-30))
        self.compute_button.setEnabled(True)
        ratio = {cell: values[0] / max(values[-1], 1e-30) for cell, values in norms.items()}
        self.status.setText(
            self.tr(
                "Gradient reaching the first step, relative to the last: RNN %.1e, LSTM %.1e. "
                "The smaller it is, the less the first characters can influence learning."
            )
            % (ratio["rnn"], ratio["lstm"])
        )
        self.sig_done.emit()

    def _on_failed(self, message: str) -> None:
        self.compute_button.setEnabled(True)
        self.show_failure(self.status, message)

    def first_shown(self) -> None:
        self.compute()

    def run_demo(self) -> None:
        self.length.setValue(20)
        self.compute(repeats=2)
