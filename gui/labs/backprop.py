"""Backpropagation lab: step through the forward and backward pass of a 2-3-1 network on one
sample, every number shown, the gradients checked against torch autograd."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.labs.backprop import Step, TinyNet, max_difference, steps
from gui.labs.common import LabWidget


def format_value(value: np.ndarray[Any, Any]) -> str:
    """Numbers to 4 decimals with a real minus sign; matrix rows separated by semicolons."""

    def one(v: float) -> str:
        return f"{v:.4f}".replace("-", "−")

    if value.ndim == 2 and value.shape[0] > 1:
        return "[" + "; ".join(", ".join(one(v) for v in row) for row in value) + "]"
    flat = value.reshape(-1)
    return one(float(flat[0])) if flat.size == 1 else "[" + ", ".join(one(v) for v in flat) + "]"


class BackpropLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.net = TinyNet()
        self.iteration = 1
        self.shown = 0  # how many steps are revealed
        self.steps: list[Step] = steps(self.net)
        self.check_result: float | None = None

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Phase"), self.tr("Formula"), self.tr("Value")]
        )
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Forward and backward pass"))
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Next step ▶"))
        self.all_button = QPushButton(self.tr("Show all"))
        self.again_button = QPushButton(self.tr("Next iteration with the new weights"))
        self.position = QLabel()
        self.autograd_label = QLabel(self.tr("Checking against autograd…"))
        self.autograd_label.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.back_button, self.next_button, self.all_button, self.again_button):
            buttons.addWidget(button)
        buttons.addWidget(self.position)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.autograd_label)

        self.back_button.clicked.connect(lambda: self.show_steps(self.shown - 1))
        self.next_button.clicked.connect(lambda: self.show_steps(self.shown + 1))
        self.all_button.clicked.connect(lambda: self.show_steps(len(self.steps)))
        self.again_button.clicked.connect(self.next_iteration)
        self._phases = {
            "forward": self.tr("forward"),
            "backward": self.tr("backward"),
            "update": self.tr("update"),
        }
        self._refresh_header()
        self.show_steps(0)
        self.check_against_autograd()

    def _refresh_header(self) -> None:
        n = self.net
        self.header.setText(
            self.tr(
                "Iteration %d. Sample x = %s, target y = %s, learning rate η = %s. "
                "Hidden and output neurons use σ; the loss is L = ½(ŷ − y)²."
            )
            % (self.iteration, format_value(n.x), f"{n.y:g}", n.lr)
        )

    def show_steps(self, count: int) -> None:
        self.shown = max(0, min(count, len(self.steps)))
        self.table.setRowCount(self.shown)
        for row, step in enumerate(self.steps[: self.shown]):
            for column, text in enumerate(
                (self._phases[step.phase], step.formula, format_value(step.value))
            ):
                item = QTableWidgetItem(text)
                self.table.setItem(row, column, item)
        last = self.table.item(self.shown - 1, 0) if self.shown else None
        if last is not None:
            self.table.scrollToItem(last)
            self.table.selectRow(self.shown - 1)
        self.position.setText(self.tr("Step %d of %d") % (self.shown, len(self.steps)))
        self.back_button.setEnabled(self.shown > 0)
        self.next_button.setEnabled(self.shown < len(self.steps))
        self.again_button.setEnabled(self.shown == len(self.steps))

    def next_iteration(self) -> None:
        """Adopt the updated weights and start over: the loss should have dropped."""
        values = {step.key: step.value for step in self.steps}
        self.net = TinyNet(
            x=self.net.x,
            y=self.net.y,
            w1=values["W1_new"],
            b1=values["b1_new"],
            w2=values["W2_new"],
            b2=values["b2_new"],
            lr=self.net.lr,
        )
        self.iteration += 1
        self.steps = steps(self.net)
        self._refresh_header()
        self.show_steps(0)
        self.check_against_autograd()

    def check_against_autograd(self) -> None:
        net = self.net

        def work(_report: Callable[[Any], None], _stop: Callable[[], bool]) -> float:
            return max_difference(net)

        self.start_worker(work, None, self._on_checked, self._on_failed)

    def _on_checked(self, difference: float) -> None:
        self.check_result = difference
        verdict = self.tr("they match") if difference < 1e-6 else self.tr("they DIFFER")
        self.autograd_label.setText(
            self.tr("Checked against torch autograd: largest difference %.1e, %s.")
            % (difference, verdict)
        )
        self.sig_done.emit()

    def _on_failed(self, message: str) -> None:
        self.show_failure(self.autograd_label, message)

    def run_demo(self) -> None:
        self.show_steps(len(self.steps))
        self.next_iteration()
