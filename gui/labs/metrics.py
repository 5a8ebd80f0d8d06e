"""Metrics lab: an editable confusion matrix, and precision, recall and F1 worked out from its
cells step by step."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.labs.common import LabWidget

CLASSES = ("cat", "dog", "bird")
START = np.array([[50, 8, 2], [10, 35, 5], [3, 4, 23]])


@dataclass(frozen=True)
class ClassScores:
    tp: int
    fp: int
    fn: int
    precision: float  # nan when nothing was predicted as this class
    recall: float
    f1: float


def scores(matrix: NDArray[np.int64]) -> list[ClassScores]:
    """Per-class scores; rows are true classes, columns predicted classes."""
    result = []
    for k in range(matrix.shape[0]):
        tp = int(matrix[k, k])
        fp = int(matrix[:, k].sum()) - tp
        fn = int(matrix[k, :].sum()) - tp
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision + recall > 0  # nan compares False: f1 stays nan
            else float("nan")
        )
        result.append(ClassScores(tp, fp, fn, precision, recall, f1))
    return result


class MetricsLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = (self.tr("cat"), self.tr("dog"), self.tr("bird"))
        self.table = QTableWidget(len(CLASSES), len(CLASSES))
        self.table.setHorizontalHeaderLabels([self.tr("predicted %s") % n for n in self.names])
        self.table.setVerticalHeaderLabels([self.tr("true %s") % n for n in self.names])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setAccessibleName(
            self.tr("Confusion matrix: rows are true classes, columns predicted classes")
        )
        hint = QLabel(
            self.tr("Edit any cell (type a count and press Enter): everything below is recomputed.")
        )
        hint.setWordWrap(True)
        self.steps = QTextBrowser()
        self.steps.setAccessibleName(self.tr("Step-by-step computation"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(self.steps, 1)
        self.set_matrix(START)
        self.table.itemChanged.connect(self._on_item_changed)
        self._fit_table_height()

    def _fit_table_height(self) -> None:
        """Exactly as tall as its rows: no empty band under a 3×3 matrix (at any scale)."""
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.verticalHeader().length()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_table_height()  # fonts and the style are final only now

    def matrix(self) -> NDArray[np.int64]:
        return self._matrix.copy()

    def set_matrix(self, matrix: NDArray[np.int64]) -> None:
        self._matrix = np.array(matrix, dtype=np.int64)
        self.table.blockSignals(True)
        for r in range(self._matrix.shape[0]):
            for c in range(self._matrix.shape[1]):
                existing = self.table.item(r, c)
                if existing is not None:  # edit in place: this may run inside its itemChanged
                    existing.setText(str(self._matrix[r, c]))
                    continue
                item = QTableWidgetItem(str(self._matrix[r, c]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r == c:  # the diagonal holds the correct predictions: bold, not just coloured
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._recompute()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        text = item.text().strip()
        if text.isdigit():
            self._matrix[item.row(), item.column()] = int(text)
        self.set_matrix(self._matrix)  # also puts back the old count after invalid input

    def _recompute(self) -> None:
        m = self._matrix
        total = int(m.sum())
        per_class = scores(m)
        self.scores = per_class

        def fmt(value: float) -> str:
            return "—" if np.isnan(value) else f"{value:.3f}"

        lines = [self.tr("### Accuracy"), ""]
        correct = int(np.trace(m))
        accuracy = correct / total if total else float("nan")
        lines.append(
            self.tr("accuracy = correct / all = (%s) / %d = %d / %d = **%s**")
            % (" + ".join(str(int(v)) for v in np.diag(m)), total, correct, total, fmt(accuracy))
        )
        for name, s in zip(self.names, per_class, strict=True):
            lines += ["", self.tr("### Class “%s”") % name, ""]
            lines.append(
                self.tr(
                    "- TP = %d (diagonal cell), FP = %d (rest of its column), FN = %d (rest of its row)"
                )
                % (s.tp, s.fp, s.fn)
            )
            lines.append(
                self.tr("- precision = TP / (TP + FP) = %d / %d = **%s**")
                % (s.tp, s.tp + s.fp, fmt(s.precision))
            )
            lines.append(
                self.tr("- recall = TP / (TP + FN) = %d / %d = **%s**")
                % (s.tp, s.tp + s.fn, fmt(s.recall))
            )
            lines.append(
                self.tr("- F1 = 2 · P · R / (P + R) = 2 · %s · %s / (%s + %s) = **%s**")
                % (fmt(s.precision), fmt(s.recall), fmt(s.precision), fmt(s.recall), fmt(s.f1))
            )
        macro = float(np.mean([s.f1 for s in per_class]))
        lines += [
            "",
            self.tr("### Macro average"),
            "",
            self.tr("macro F1 = mean of the per-class F1 = **%s**") % fmt(macro),
        ]
        self.macro_f1 = macro
        self.accuracy = accuracy
        self.steps.setMarkdown("\n".join(lines))

    def run_demo(self) -> None:
        cell = self.table.item(0, 1)
        if cell is not None:
            cell.setText("20")
        self.sig_done.emit()
