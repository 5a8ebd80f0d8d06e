"""Shared helpers for the pane tests (no tests here): a project state with small data, a wheel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from engine import DataRef, load_dataset, new_project
from gui.document import ProjectDocument

# A small moons set trains an epoch in well under a second.
MOONS = DataRef("moons", {"n_samples": 400, "val_split": 0.2, "test_split": 0.2, "seed": 0})


def state_with(
    template: str = "toy2d", ref: DataRef = MOONS, epochs: int = 2, load: bool = True
) -> ProjectDocument:
    """A ProjectDocument holding ``template`` adapted to ``ref``; the data loaded when asked."""
    dataset = load_dataset(ref) if load else None
    project = new_project(template, ref, dataset.context() if dataset is not None else None)
    project.settings.epochs = epochs
    project.settings.batch_size = 32
    project.settings.device = "cpu"
    project.settings.log_interval_ms = 20  # more batch signals in a short run
    state = ProjectDocument(project)
    if dataset is not None:
        state.set_dataset(dataset)
    return state


def train_headless(state: ProjectDocument, epochs: int = 1) -> Any:
    """Train the state's graph without the GUI and adopt the model (for Evaluate tests)."""
    from engine import Trainer, build_model

    assert state.dataset is not None
    model = build_model(state.project.graph, seed=0)
    record = Trainer(model, state.dataset, state.project.settings).fit(epochs)
    assert record.status == "finished", record.message
    state.set_model(model)
    return record


def wheel_up(widget: QWidget) -> bool:
    """One notch of a real mouse wheel over the widget's centre; whether the widget took it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


class Answers:
    """Stands in for the user at a QMessageBox: records each message, answers as told."""

    def __init__(self, monkeypatch: Any, answer: QMessageBox.StandardButton) -> None:
        self.asked: list[str] = []
        self.answer = answer
        for name in ("warning", "question", "critical", "information"):
            monkeypatch.setattr(QMessageBox, name, self._ask)

    def _ask(
        self, _parent: object, title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        self.asked.append(f"{title}: {text}")
        return self.answer
