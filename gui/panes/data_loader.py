"""Loads a dataset on a background thread with progress and cancellation.

The engine's ``load_dataset`` takes a progress callback and a cancel predicate; here the
callback only emits a signal (throttled to whole per-mille steps) and the predicate reads a
flag the GUI thread sets. Nothing in this module touches a widget.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from engine.types import DataRef

log = logging.getLogger(__name__)


class DatasetLoader(QObject):
    """One load of one DataRef; create a new loader for the next load."""

    sig_progress = Signal(float)  # 0..1
    sig_loaded = Signal(object)  # the engine Dataset
    sig_failed = Signal(str)  # plain-language message (DataError text, or "Loading cancelled")
    sig_done = Signal()  # after loaded or failed: the thread is ending

    def __init__(self, ref: DataRef) -> None:
        super().__init__()
        self.ref = ref
        self._cancelled = False
        self._last_permille = -1
        self._thread: QThread | None = None

    def start(self) -> None:
        thread = QThread()
        thread.setObjectName("NetCanvasDataLoader")
        self._thread = thread
        self.moveToThread(thread)
        thread.started.connect(self.run)
        thread.start()

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return True if self._thread is None else bool(self._thread.wait(timeout_ms))

    def _progress(self, fraction: float) -> None:
        permille = int(max(0.0, min(1.0, fraction)) * 1000)
        if permille != self._last_permille:
            self._last_permille = permille
            self.sig_progress.emit(permille / 1000.0)

    @Slot()
    def run(self) -> None:
        try:
            from engine import load_dataset

            dataset = load_dataset(self.ref, self._progress, lambda: self._cancelled)
            if not self._cancelled:
                from gui.training_worker import warm_training_stack

                warm_training_stack()  # the first run then starts without a long import
            if self._cancelled:
                self.sig_failed.emit(
                    QCoreApplication.translate("DatasetLoader", "Loading cancelled")
                )
            else:
                self.sig_loaded.emit(dataset)
        except Exception as error:  # every failure reaches the user as one plain message
            from engine import NetCanvasError

            if not isinstance(error, NetCanvasError):
                log.error("loading %s failed", self.ref.source, exc_info=error)
                message = QCoreApplication.translate(
                    "DatasetLoader", "Could not load {0}: {1}"
                ).format(self.ref.source, error)
            else:
                message = str(error)
            self.sig_failed.emit(message)
        finally:
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.sig_done.emit()
            if self._thread is not None:
                self._thread.quit()
