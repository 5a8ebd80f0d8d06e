"""Overfitting lab: the same big network on the same 30 points, trained twice, once plain and
once with the remedies the student ticks; their loss curves side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.labs.common import LabWidget, colour, make_plot, pen
from gui.labs.mini_train import Curves, Remedies, overfit_run


class OverfittingLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {
            "dropout": QCheckBox(self.tr("Dropout (p = 0.3)")),
            "weight_decay": QCheckBox(self.tr("Weight decay (L2, 0.01)")),
            "augmentation": QCheckBox(self.tr("Augmentation (jitter the points)")),
            "early_stopping": QCheckBox(self.tr("Early stopping (patience 30)")),
        }
        self.boxes["dropout"].setChecked(True)
        self.boxes["weight_decay"].setChecked(True)
        self.run_button = QPushButton(self.tr("Run both trainings"))
        self.status = QLabel(
            self.tr("A 2-128-128-2 network, 30 training points, 400 validation points, 300 epochs.")
        )
        self.status.setWordWrap(True)
        self.plots: dict[str, pg.PlotWidget] = {}
        self.train_curves: dict[str, pg.PlotDataItem] = {}
        self.val_curves: dict[str, pg.PlotDataItem] = {}
        self.markers: dict[str, pg.InfiniteLine] = {}
        for key, title in (
            ("plain", self.tr("Without remedies")),
            ("remedied", self.tr("With the chosen remedies")),
        ):
            plot = make_plot(title, self.tr("epoch"), self.tr("loss"))
            self.train_curves[key] = plot.plot(pen=pen("blue", 2), name=self.tr("training loss"))
            self.val_curves[key] = plot.plot(
                pen=pen("vermillion", 2, dashed=True), name=self.tr("validation loss")
            )
            marker = pg.InfiniteLine(
                angle=90,
                pen=pg.mkPen(colour("black"), width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
            )
            marker.setVisible(False)
            plot.addItem(marker)
            self.markers[key] = marker
            self.plots[key] = plot
        self.plots["remedied"].setYLink(self.plots["plain"])

        boxes = QHBoxLayout()
        for box in self.boxes.values():
            boxes.addWidget(box)
        boxes.addWidget(self.run_button)
        boxes.addStretch(1)
        layout = QGridLayout(self)
        layout.addLayout(boxes, 0, 0, 1, 2)
        layout.addWidget(self.plots["plain"], 1, 0)
        layout.addWidget(self.plots["remedied"], 1, 1)
        layout.addWidget(self.status, 2, 0, 1, 2)
        self.run_button.clicked.connect(lambda: self.run())
        self.results: dict[str, Curves] = {}

    def remedies(self) -> Remedies:
        return Remedies(**{key: box.isChecked() for key, box in self.boxes.items()})

    def run(self, epochs: int = 300) -> None:
        remedies = self.remedies()
        self.results = {}
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Training…"))

        def work(
            report: Callable[[Any], None], should_stop: Callable[[], bool]
        ) -> dict[str, Curves]:
            results: dict[str, Curves] = {}
            for key, chosen in (("plain", Remedies()), ("remedied", remedies)):
                results[key] = overfit_run(chosen, key, report, should_stop, epochs=epochs)
            return results

        self.start_worker(work, self._show_curves, self._on_finished, self._on_failed)

    def _show_curves(self, curves: Curves) -> None:
        epochs = list(range(1, len(curves.train_loss) + 1))
        self.train_curves[curves.label].setData(epochs, curves.train_loss)
        self.val_curves[curves.label].setData(epochs, curves.val_loss)
        marker = self.markers[curves.label]
        marker.setVisible(curves.stopped_at is not None)
        if curves.stopped_at is not None:
            marker.setValue(curves.best_epoch)

    def _on_finished(self, results: dict[str, Curves]) -> None:
        self.results = results
        for curves in results.values():
            self._show_curves(curves)
        plain, remedied = results["plain"], results["remedied"]
        self.status.setText(
            self.tr(
                "Final validation loss: %.3f without remedies, %.3f with them "
                "(validation accuracy %.1f %% and %.1f %%). The gap between the training and "
                "validation curves is the overfitting."
            )
            % (
                plain.val_loss[-1],
                remedied.val_loss[-1],
                100 * plain.val_accuracy[-1],
                100 * remedied.val_accuracy[-1],
            )
        )
        self.run_button.setEnabled(True)
        self.sig_done.emit()

    def _on_failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.show_failure(self.status, message)

    def run_demo(self) -> None:
        self.run(epochs=40)
