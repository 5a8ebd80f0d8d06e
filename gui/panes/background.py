"""Run one function on a short-lived thread and get its result back as a signal.

For work that would freeze the window for a noticeable moment (evaluating a model on a few
thousand samples). The thread object is kept alive in a module-level set until it has finished,
so a pane closed mid-job never destroys a running QThread (which aborts the process), and
``wait_all`` joins whatever is left when the application quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

_alive: set[QThread] = set()
_quit_hooked = False


class BackgroundJob(QObject):
    """``start()`` runs ``fn()`` on its own thread; then ``sig_done(result)`` or ``sig_failed``."""

    sig_done = Signal(object)
    sig_failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], name: str = "NetCanvasJob") -> None:
        super().__init__()  # lives in the GUI thread: its signals are queued there
        self._fn = fn
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(self)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)

    def start(self) -> None:
        global _quit_hooked
        app = QCoreApplication.instance()
        if app is not None and not _quit_hooked:
            app.aboutToQuit.connect(wait_all)
            _quit_hooked = True
        thread = self._thread
        _alive.add(thread)
        thread.finished.connect(lambda: _alive.discard(thread))
        thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return bool(self._thread.wait(timeout_ms))

    def execute(self) -> None:
        """Runs on the job's thread: call the function, report, end the thread."""
        try:
            result = self._fn()
        except Exception as error:  # reported as a message, never raised into Qt
            from engine import NetCanvasError

            if not isinstance(error, NetCanvasError):
                log.error("background job failed", exc_info=error)
            self.sig_failed.emit(str(error))
        else:
            self.sig_done.emit(result)
        finally:
            app = QCoreApplication.instance()
            if app is not None:
                self._runner.moveToThread(app.thread())
            self._thread.quit()


class _Runner(QObject):
    def __init__(self, job: BackgroundJob) -> None:
        super().__init__()
        self._job = job

    @Slot()
    def run(self) -> None:
        self._job.execute()


def wait_all(timeout_ms: int = 10_000) -> bool:
    """Join every job thread still running (called when the application quits)."""
    return all(thread.wait(timeout_ms) for thread in list(_alive))
