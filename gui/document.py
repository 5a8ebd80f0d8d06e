"""The open project as the whole window sees it: one document that panes and sessions bind to.

The document owns the project, its path, the dirty flag and the undo stack, and it opens, saves,
autosaves and restores. Every undoable edit (the editor's gestures, the Data pane's "Adapt
network", a lab's changes) goes through ``edit``; settings and data changes call
``mark_dirty``. Only such a change, or a finished run, makes the project dirty: opening it never
does. Replacing the project (``replace``) empties everything of the previous one — the dataset,
the model, the undo history — and announces it once, so that every pane and session resets.

Heavy engine objects (the dataset's tensors, the trained model) live here so that each pane
does not keep a copy.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui import recovery

if TYPE_CHECKING:
    from engine.data import Dataset
    from engine.project import Project
    from engine.types import DataRef, RunRecord


class ProjectDocument(QObject):
    sig_project_replaced = Signal()  # new / open / restore: every pane and session resets
    sig_dataset_changed = Signal()  # .dataset replaced (None while nothing is loaded)
    sig_model_changed = Signal()  # .model replaced (a trained or freshly built nn.Module, or None)
    sig_run_added = Signal(object)  # a finished / stopped RunRecord stored in the project
    sig_dirty_changed = Signal(bool)
    sig_training_changed = Signal(bool)  # a run started (True) or ended (False)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project = project
        self.path: Path | None = None
        self.dataset: Dataset | None = None
        self.model: Any = None  # torch.nn.Module once torch has loaded; typed loosely on purpose
        self.model_signature: str | None = None  # the network the model was built from
        self.training = False
        self.undo_stack = QUndoStack(self)
        self._changed = False  # a change outside the undo history (settings, data, a run)
        self._dirty = False
        # A bound slot, not a lambda: Qt drops it with the document, before the stack (a child)
        # is deleted and announces its last clean change.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._unsubscribe = project.graph.subscribe(self._on_graph_event, weak=True)

    # -- state -----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def replace(self, project: Project, path: Path | None, *, dirty: bool = False) -> None:
        """Adopt another project (new, opened, restored): nothing of the previous one stays."""
        self._unsubscribe()
        self._unsubscribe = project.graph.subscribe(self._on_graph_event, weak=True)
        self.project = project
        self.path = path
        self.dataset = None
        self.model, self.model_signature = None, None
        self.undo_stack.clear()
        self._changed = dirty
        self._update_dirty()
        self.sig_project_replaced.emit()

    def set_dataset(self, dataset: Dataset | None) -> None:
        """Adopt a loaded dataset; the graph re-checks itself against the data's shape and
        classes. A model trained on data of another shape or other classes is dropped: it
        cannot be evaluated or exported with this data."""
        from engine import follow_input_record

        previous = self.dataset
        self.dataset = dataset
        self.project.graph.set_context(dataset.context() if dataset is not None else None)
        if dataset is not None:
            follow_input_record(self.project.graph, dataset)
        if self.model is not None and (
            dataset is None or previous is None or dataset.context() != previous.context()
        ):
            self.set_model(None)
        self.sig_dataset_changed.emit()

    def _on_graph_event(self, event: Any) -> None:
        """The Input's preprocessing record was edited: the data is now fed as it says (a
        changed preprocessing is changed data for every view of it) — once no run is feeding
        it, which keeps the preprocessing it started with."""
        node = self.project.graph.nodes.get(event.node_id or "")
        is_input = node is not None and node.type == "Input"
        if event.kind == "param_changed" and is_input and not self.training:
            self._follow_input_record()

    def _follow_input_record(self) -> None:
        from engine import follow_input_record

        if self.dataset is not None and follow_input_record(self.project.graph, self.dataset):
            self.sig_dataset_changed.emit()

    def set_data_source(self, ref: DataRef) -> None:
        """The project's data is now ``ref`` (the user loaded other data, or changed its
        options): dirty only when that differs from what the project had."""
        if ref.to_dict() != self.project.data.to_dict():
            self.project.data = ref
            self.mark_dirty()

    def set_model(self, model: Any, signature: str | None = None) -> None:
        """Make ``model`` current; ``signature`` (``engine.graph_signature``) names the network
        it was built from: the current one when not given."""
        from engine import graph_signature

        self.model = model
        if model is None:
            self.model_signature = None
        else:
            self.model_signature = signature or graph_signature(self.project.graph)
        self.sig_model_changed.emit()

    def exportable_model(self) -> Any:
        """The trained model, if it is of the network as the editor shows it now; otherwise
        NetCanvasError saying what to do."""
        from engine import ProjectError, check_model_is_current

        if self.model is None or self.dataset is None:
            raise ProjectError(
                QCoreApplication.translate(
                    "ProjectDocument",
                    "There is no trained model yet. Train the network, then export.",
                )
            )
        check_model_is_current(self.project, self.model_signature)
        return self.model

    def adopt_run(
        self, record: RunRecord, weights: dict[str, Any] | None, model: Any, signature: str
    ) -> None:
        """A run ended: store it (and its weights) in the project, and make its model current
        (a failed run leaves a trained model as it was: engine.adopt_run)."""
        from engine import adopt_run

        adopted = adopt_run(self.project, record, weights)
        self.mark_dirty()
        self.sig_run_added.emit(record)
        if adopted:
            self.set_model(model, signature)
        elif model is self.model and self.project.weights is not None:
            # A continued run trained the current model in place: back to the saved weights.
            model.load_state_dict(self.project.weights)

    def set_training(self, running: bool) -> None:
        if running != self.training:
            self.training = running
            self.sig_training_changed.emit(running)
            if not running:
                self._follow_input_record()  # an edit made during the run applies now

    # -- edits -----------------------------------------------------------------------------
    def edit(self, command: QUndoCommand) -> None:
        """The one entry point for an undoable change of the network."""
        self.undo_stack.push(command)

    def mark_clean(self) -> None:
        """Nothing is unsaved: after a save, or in a scripted session that saves nothing (the
        undo history stays)."""
        self.undo_stack.setClean()
        self._changed = False
        self._update_dirty()

    def mark_dirty(self) -> None:
        self._changed = True
        self._update_dirty()

    @Slot(bool)
    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self._changed or not self.undo_stack.isClean()
        if dirty != self._dirty:
            self._dirty = dirty
            self.sig_dirty_changed.emit(dirty)

    # -- files -----------------------------------------------------------------------------
    def open(self, path: str | Path) -> None:
        """Open a project file; NetCanvasError (the file stays unopened) when it cannot be read."""
        from engine import load_project

        project = load_project(path)
        self.replace(project, Path(path))

    def save(self, path: Path) -> None:
        """Save atomically to ``path``; on failure (NetCanvasError, OSError) the file on disk and
        the open project are untouched and the project stays dirty."""
        from engine import save_project

        save_project(self.project, path)
        self.path = path
        self.mark_clean()

    def autosave(self) -> None:
        """Write the recovery copy when there is something unsaved (OSError/NetCanvasError)."""
        from engine import save_project

        if not self.dirty:
            return
        recovery.recovery_file().parent.mkdir(parents=True, exist_ok=True)
        save_project(self.project, recovery.recovery_file())
        recovery.write_note(str(self.path or ""), time.time())

    def restore(self, found: recovery.Recovery) -> None:
        """Adopt an autosaved copy: unsaved again, under its original path (if it had one)."""
        from engine import load_project

        project = load_project(found.project_file)
        original = Path(found.original_path) if found.original_path else None
        self.replace(project, original, dirty=True)
