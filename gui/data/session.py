"""The data session: loads the project's dataset on a worker task, with progress and cancel.

Widget-free (the Data pane binds to it). A new load cancels the one in flight, so an older
dataset can never arrive after a newer one; the loaded dataset goes to the document
(``set_dataset``: the graph re-checks itself against it) before ``sig_loaded`` announces it.
The project becomes dirty only when the data it names changed, never because it was opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui.worker import Task, TaskSlot

if TYPE_CHECKING:
    from engine.types import DataRef
    from gui.document import ProjectDocument


def tr(text: str) -> str:
    return QCoreApplication.translate("DataSession", text)


def _load(task: Task, ref: DataRef) -> Any:
    """The worker thread: load, reporting progress in whole per-mille steps."""
    from engine import DataError, load_dataset
    from gui.training.performance import warm_training_stack

    last = [-1]

    def progress(fraction: float) -> None:
        permille = int(max(0.0, min(1.0, fraction)) * 1000)
        if permille != last[0]:
            last[0] = permille
            task.report(permille / 1000.0)

    dataset = load_dataset(ref, progress, lambda: task.cancelled)
    if task.cancelled:
        raise DataError(tr("Loading cancelled"))
    warm_training_stack()  # the first run then starts without a long import
    return dataset


class DataSession(QObject):
    sig_started = Signal(object)  # the DataRef being loaded
    sig_progress = Signal(float)  # 0..1
    sig_loaded = Signal(object)  # the Dataset, after document.set_dataset
    sig_failed = Signal(str)  # a plain-language message (cancelled included)
    sig_loading_changed = Signal(bool)

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._slot = TaskSlot("NetCanvasDataLoader", self)
        self._pending: DataRef | None = None
        document.sig_project_replaced.connect(self._on_project_replaced)

    @property
    def loading(self) -> bool:
        """From ``load`` until the load's end has been handled."""
        return self._pending is not None

    def load(self, ref: DataRef) -> None:
        """Load ``ref`` in the background, cancelling a load in progress."""
        was_loading = self.loading
        self._pending = ref
        self._slot.start(
            lambda task: _load(task, ref),
            self._on_loaded,
            self._on_failed,
            yielded=self.sig_progress.emit,
            finished=self._on_finished,
            doing=tr("Loading {0}").format(ref.source),
        )
        self.sig_started.emit(ref)
        if not was_loading:
            self.sig_loading_changed.emit(True)

    def cancel(self) -> None:
        """Stop the load in flight; it ends as failed with "Loading cancelled"."""
        if self.loading:
            self._slot.cancel()
            self._pending = None
            self.sig_failed.emit(tr("Loading cancelled"))
            self.sig_loading_changed.emit(False)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Join the load in flight (tests; its result is still delivered)."""
        return self._slot.wait(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        self._pending = None
        return self._slot.shutdown(timeout_ms)

    def _on_loaded(self, dataset: Any) -> None:
        ref = self._pending
        if ref is None:
            return
        self.document.set_data_source(ref)
        self.document.set_dataset(dataset)
        self.sig_loaded.emit(dataset)

    def _on_failed(self, message: str) -> None:
        self.sig_failed.emit(message)

    def _on_finished(self) -> None:
        self._pending = None
        self.sig_loading_changed.emit(False)

    def _on_project_replaced(self) -> None:
        """A load for the previous project must not land in the new one."""
        if self.loading:
            self._slot.cancel()
            self._pending = None
            self.sig_loading_changed.emit(False)
