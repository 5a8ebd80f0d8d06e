"""View ▸ Show as Code: the network on the canvas as Keras and as PyTorch code, side by side in
two tabs, kept up to date while the dialog is open (``engine.keras_code``/``pytorch_code``).
Edit ▸ Paste as Network reads either Sequential form back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import engine_text

if TYPE_CHECKING:
    from gui.document import ProjectDocument


class CodeDialog(QDialog):
    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Network as Code"))
        self.resize(760, 560)
        intro = QLabel(
            self.tr(
                "The same network in the two frameworks a course meets. Copy it into a script "
                "or a notebook; Edit ▸ Paste as Network reads a Sequential back."
            )
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.keras = _code_view()
        self.pytorch = _code_view()
        self.tabs.addTab(self.keras, "Keras")
        self.tabs.addTab(self.pytorch, "PyTorch")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Edits arrive one graph event at a time (a paste is dozens): rewrite once they settle.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)
        self._unsubscribe: Callable[[], None] | None = None
        state.sig_project_replaced.connect(self._follow_graph)
        self._follow_graph()

    def _follow_graph(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = self.state.project.graph.subscribe(self._on_graph_event, weak=True)
        self.refresh()

    def _on_graph_event(self, _event: Any) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        from engine import NetCanvasError, keras_code, pytorch_code

        for view, write in ((self.keras, keras_code), (self.pytorch, pytorch_code)):
            try:
                text = write(self.state.project)
            except NetCanvasError as error:
                text = "# " + self.tr("Fix the network first: {0}").format(engine_text(error))
            if text != view.toPlainText():
                view.setPlainText(text)

    def copy(self) -> None:
        view = self.tabs.currentWidget()
        assert isinstance(view, QPlainTextEdit)
        QApplication.clipboard().setText(view.toPlainText())

    def done(self, result: int) -> None:
        if self._unsubscribe is not None:  # the graph outlives the dialog
            self._unsubscribe()
            self._unsubscribe = None
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        self.done(0)
        super().closeEvent(event)


def _code_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return view
