"""The open project as the whole window sees it: one QObject that panes read and listen to.

Panes never talk to each other; they change this state and react to its signals. Heavy engine
objects (dataset tensors, the trained model) live here so that each pane does not keep a copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from engine.data import Dataset
    from engine.project import Project
    from engine.types import RunRecord


class ProjectState(QObject):
    sig_project_replaced = Signal()  # new / open / restore: every pane reloads from .project
    sig_dataset_changed = Signal()  # .dataset replaced (None while nothing is loaded)
    sig_model_changed = Signal()  # .model replaced (a trained or freshly built nn.Module, or None)
    sig_run_added = Signal(
        object
    )  # a finished / stopped / failed RunRecord appended to the project
    sig_dirty_changed = Signal(bool)
    sig_training_changed = Signal(bool)  # a run started (True) or ended (False)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project = project
        self.path: Path | None = None
        self.dataset: Dataset | None = None
        self.model: Any = None  # torch.nn.Module once torch has loaded; typed loosely on purpose
        self.dirty = False
        self.training = False

    def set_project(self, project: Project, path: Path | None) -> None:
        self.project = project
        self.path = path
        self.dataset = None
        self.model = None
        self._set_dirty(False)
        self.sig_project_replaced.emit()

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Adopt a loaded dataset; the graph re-checks itself against the data's shape and classes."""
        self.dataset = dataset
        self.project.graph.set_context(dataset.context() if dataset is not None else None)
        self.sig_dataset_changed.emit()

    def set_model(self, model: Any) -> None:
        self.model = model
        self.sig_model_changed.emit()

    def add_run(self, run: RunRecord) -> None:
        self.project.runs.append(run)
        self.mark_dirty()
        self.sig_run_added.emit(run)

    def set_training(self, running: bool) -> None:
        if running != self.training:
            self.training = running
            self.sig_training_changed.emit(running)

    def mark_dirty(self) -> None:
        self._set_dirty(True)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._set_dirty(False)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.sig_dirty_changed.emit(dirty)
