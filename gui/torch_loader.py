"""Loads torch after the window is up, then reports the detected devices.

``import torch`` takes ~2 s on a 2-core machine; doing it on a Python thread keeps the window
painting meanwhile. The thread only imports and emits: the signal is delivered on the GUI thread.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time

from PySide6.QtCore import QObject, Signal


class TorchLoader(QObject):
    sig_loaded = Signal(object, float)  # list[DeviceInfo], seconds the import took
    sig_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self.devices: list[object] | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="torch-loader", daemon=True)
            self._thread.start()

    def wait(self, timeout_s: float = 60.0) -> bool:
        """Block until torch has loaded (used by --smoke/--self-test and on shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    def _load(self) -> None:
        # No garbage collection while the imports run: they create ~450 000 objects that live
        # for good, and each full collection among them held the GIL (so froze the window) for
        # 0.1-0.35 s, several times. warm_training_stack() then freezes them out of the
        # collector's view (see there) before collection resumes.
        gc.disable()
        try:
            self._import_and_warm()
        finally:
            gc.enable()

    def _import_and_warm(self) -> None:
        started = time.perf_counter()
        try:
            import torch  # noqa: F401  (the slow part)

            from engine import detect_devices

            devices = detect_devices()
        except Exception as error:  # a broken torch install must not kill the window
            self.sig_failed.emit(f"PyTorch could not be loaded: {error}")
            return
        self.devices = list(devices)
        self.sig_loaded.emit(devices, time.perf_counter() - started)
        # The first optimiser imports torch._dynamo (seconds): pay that here, off the GUI thread.
        with contextlib.suppress(Exception):  # a warm-up must never break anything
            from gui.training_worker import warm_training_stack

            warm_training_stack()
