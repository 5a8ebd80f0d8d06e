"""Loads torch after the window is up, then reports the detected devices.

``import torch`` takes ~2 s on a 2-core machine; doing it on a worker task keeps the window
painting meanwhile. The task only imports and reports: the devices arrive on the GUI thread,
then the task warms up the training stack.
"""

from __future__ import annotations

import contextlib
import gc
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui.worker import Task


def _import_torch(task: Task) -> None:
    # No garbage collection while the imports run: they create ~450 000 objects that live
    # for good, and each full collection among them held the GIL (so froze the window) for
    # 0.1-0.35 s, several times. warm_training_stack() then freezes them out of the
    # collector's view (see there) before collection resumes.
    gc.disable()
    try:
        started = time.perf_counter()
        import torch  # noqa: F401  (the slow part)

        from engine import detect_devices

        task.report((list(detect_devices()), time.perf_counter() - started))  # usable now
        # The first optimiser imports torch._dynamo (seconds): pay that here, off the GUI thread.
        with contextlib.suppress(Exception):  # a warm-up must never break anything
            from gui.training.performance import warm_training_stack

            warm_training_stack()
    finally:
        gc.enable()


class TorchLoader(QObject):
    sig_loaded = Signal(object, float)  # list[DeviceInfo], seconds the import took
    sig_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.devices: list[object] | None = None  # set on the GUI thread, once loaded

    def start(self) -> None:
        if self._task is None:
            task = Task(
                _import_torch,
                "NetCanvasTorchLoader",
                doing=QCoreApplication.translate("TorchLoader", "Loading PyTorch"),
            )
            task.sig_yielded.connect(self._on_loaded)
            task.sig_errored.connect(self.sig_failed)
            self._task = task.start()

    def wait(self, timeout_s: float = 60.0) -> bool:
        """Block until torch has loaded and the result was delivered (unattended modes)."""
        if self._task is None:
            return True
        done = self._task.wait(int(timeout_s * 1000))
        QCoreApplication.sendPostedEvents()
        return done

    def _on_loaded(self, result: tuple[list[Any], float]) -> None:
        devices, seconds = result
        self.devices = devices
        self.sig_loaded.emit(devices, seconds)
