"""The NetCanvas main window (foundation version: menus, status bar, background torch load)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from gui.torch_loader import TorchLoader


class MainWindow(QMainWindow):
    sig_first_shown = Signal(float)  # seconds from process launch to the first expose

    def __init__(self, project_path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.launched_at = time.time()
        self._first_shown = False
        self.setWindowTitle(self.tr("NetCanvas"))
        self.resize(1400, 900)

        self.torch_loader = TorchLoader(self)
        self.torch_loader.sig_loaded.connect(self._on_torch_loaded)
        self.torch_loader.sig_failed.connect(self._on_torch_failed)
        self._device_label = QLabel(self.tr("Loading PyTorch…"))
        self._device_label.setObjectName("deviceLabel")
        self.statusBar().addPermanentWidget(self._device_label)
        self._device_text = ""

        self._build_menus()

    # -- start-up --------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._first_shown and event.type() in (QEvent.Type.Expose, QEvent.Type.Show):
            self._first_shown = True
            self.sig_first_shown.emit(time.time() - self.launched_at)
        return handled

    def start_background_loading(self) -> None:
        self.torch_loader.start()

    def device_text(self) -> str:
        return self._device_text

    def _on_torch_loaded(self, devices: list[object], seconds: float) -> None:
        from engine import describe_device, recommended_device

        best = recommended_device(devices)  # type: ignore[arg-type]
        self._device_text = describe_device(best)
        self._device_label.setText(self._device_text)
        self._device_label.setToolTip(
            self.tr("PyTorch loaded in %.1f s. Devices: %s")
            % (seconds, ", ".join(d.name for d in devices))  # type: ignore[attr-defined]
        )

    def _on_torch_failed(self, message: str) -> None:
        self._device_label.setText(self.tr("PyTorch unavailable"))
        QMessageBox.critical(self, self.tr("NetCanvas"), message)

    # -- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About NetCanvas"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _show_about(self) -> None:
        from engine import __version__

        QMessageBox.about(
            self,
            self.tr("About NetCanvas"),
            self.tr("NetCanvas %s\nBuild, train, inspect and export neural networks.")
            % __version__,
        )
