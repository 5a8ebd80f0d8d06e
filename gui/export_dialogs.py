"""File ▸ Export: ONNX (verified, on a worker thread), the PyTorch script, the weights, the run
histories (CSV or TensorBoard) and the lab report.

Each ``export_*_dialog(parent, state)`` is what one menu action calls. They ask for a file, call
the engine, and report the outcome in the window's status bar; an engine error is shown once,
in plain language. torch loads lazily, inside the functions, never at import.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import settings as app_settings
from gui.i18n import engine_text
from gui.worker import Task, user_message

if TYPE_CHECKING:
    from gui.document import ProjectDocument

log = logging.getLogger(__name__)

OPSET_MIN, OPSET_MAX, OPSET_DEFAULT = 13, 20, 18


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialogs", text)


# -- helpers shared by the exports ---------------------------------------------------------------


def default_path(state: ProjectDocument, suffix: str) -> str:
    """<project folder, else the last folder used>/<project name><suffix>: where a user most
    likely wants it."""
    folder = Path(app_settings.start_folder(state.path))
    stem = re.sub(r'[\\/:*?"<>|]+', "_", state.project.name).strip(" .") or "netcanvas"
    return str(folder / f"{stem}{suffix}")


def _with_suffix(path: str, suffix: str) -> Path:
    """The chosen path, given ``suffix`` when the user typed a name without one."""
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


def _notify(parent: QWidget | None, text: str) -> None:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def _fail(parent: QWidget | None, title: str, error: BaseException) -> None:
    """One dialog with the engine's message; anything unexpected is logged, not shown raw."""
    QMessageBox.warning(parent, title, user_message(error, title))


def _model_ready(parent: QWidget | None, state: ProjectDocument, title: str) -> bool:
    """Exports of the model need one, and not while a run is changing its weights."""
    if state.training:
        QMessageBox.information(
            parent, title, tr("Training is running. Stop it or let it finish, then export.")
        )
        return False
    from engine import NetCanvasError

    try:
        state.exportable_model()
    except NetCanvasError as error:
        QMessageBox.information(parent, title, engine_text(error))
        return False
    return True


def save_name(
    parent: QWidget | None, title: str, default: str, filters: list[str]
) -> tuple[str, str]:
    """Ask where to save (the chosen path and filter; "" when cancelled); the folder chosen is
    where the next dialog starts."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, default, ";;".join(filters))
    if path:
        app_settings.remember_folder(path)
    return path, chosen


# -- ONNX ----------------------------------------------------------------------------------------


class OnnxExportDialog(QDialog):
    """File, opset and dynamic batch; Export runs the verified export on a worker thread and shows
    the parity check (largest difference from PyTorch on real samples) or the error."""

    sig_exported = Signal(object)  # engine.ExportResult

    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.result: Any = None  # the last ExportResult
        self._task: Task | None = None
        self.setWindowTitle(tr("Export Model as ONNX"))

        self.path_edit = QLineEdit(default_path(state, ".onnx"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._on_browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.opset_spin = QSpinBox()
        self.opset_spin.setRange(OPSET_MIN, OPSET_MAX)
        self.opset_spin.setValue(OPSET_DEFAULT)
        self.opset_spin.setToolTip(
            tr(
                "ONNX operator set version. Newer opsets know more operators; older runtimes "
                "need older opsets. 18 suits ONNX Runtime 1.14 and later."
            )
        )
        self.dynamic_check = QCheckBox(tr("Any batch size"))
        self.dynamic_check.setChecked(True)
        self.dynamic_check.setToolTip(
            tr(
                "Lets the exported model take any number of samples at once. Turn off to fix "
                "the batch size (some accelerators and converters want fixed shapes)."
            )
        )

        form = QFormLayout()
        form.addRow(tr("File:"), path_row)
        form.addRow(tr("Opset:"), self.opset_spin)
        form.addRow(tr("Dynamic axes:"), self.dynamic_check)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the exporters report no progress
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(
            tr("The file is checked in ONNX Runtime against PyTorch on real samples.")
        )
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            tr("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    @property
    def running(self) -> bool:
        return self._task is not None

    def _on_browse(self) -> None:
        path, _ = save_name(
            self, tr("Export Model as ONNX"), self.path_edit.text(), [tr("ONNX model (*.onnx)")]
        )
        if path:
            self.path_edit.setText(str(_with_suffix(path, ".onnx")))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.path_edit, self.opset_spin, self.dynamic_check, self.export_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)

    def start_export(self) -> None:
        if self.running:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(tr("Choose a file to export to."))
            return
        from engine import NetCanvasError, export_onnx

        try:
            model = self.state.exportable_model()
        except NetCanvasError as error:
            self.status.setText(engine_text(error))
            return
        path = _with_suffix(text, ".onnx")
        self.path_edit.setText(str(path))
        dataset = self.state.dataset
        opset, dynamic = self.opset_spin.value(), self.dynamic_check.isChecked()
        task = Task(
            lambda _task: export_onnx(model, dataset, path, opset=opset, dynamic_batch=dynamic),
            "NetCanvasOnnxExport",
            doing=tr("The ONNX export"),
        )
        task.sig_returned.connect(self._on_finished)
        task.sig_errored.connect(self._on_failed)
        task.sig_finished.connect(self._on_task_finished)
        self._task = task
        self._set_busy(True)
        self.status.setText(tr("Exporting and checking in ONNX Runtime…"))
        task.start()

    def _on_finished(self, result: Any) -> None:
        self.result = result
        verdict = tr(
            "Saved {path}.\nVerified in ONNX Runtime on {n} real samples: the largest difference "
            "from PyTorch is {diff:.2e} (opset {opset}, {exporter} exporter)."
        ).format(
            path=result.path,
            n=result.samples,
            diff=result.max_abs_diff,
            opset=result.opset,
            exporter=result.exporter,
        )
        self.status.setText(verdict)
        _notify(self.parentWidget(), tr("Exported {0}").format(result.path))
        self.sig_exported.emit(result)

    def _on_failed(self, message: str) -> None:
        self.status.setText(tr("Export failed: {0}").format(message))

    def _on_task_finished(self) -> None:
        self._set_busy(False)
        self._task = None

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until a running export ends and its result is shown (closing, tests)."""
        task = self._task
        if task is None:
            return True
        done = task.wait(timeout_ms)
        QCoreApplication.sendPostedEvents()
        return done

    def reject(self) -> None:
        if self.running:  # an export cannot be interrupted: keep the dialog until it ends
            self.status.setText(tr("Please wait: the export is still running."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            self.status.setText(tr("Please wait: the export is still running."))
            return
        super().closeEvent(event)


def export_onnx_dialog(parent: QWidget | None, state: ProjectDocument) -> OnnxExportDialog | None:
    """Open the (window-modal) ONNX dialog; None when there is nothing to export yet."""
    title = tr("Export Model as ONNX")
    if not _model_ready(parent, state, title):
        return None
    if state.dataset is None:
        QMessageBox.information(
            parent,
            title,
            tr("Load the dataset first: the export is checked on real samples from it."),
        )
        return None
    dialog = OnnxExportDialog(state, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# -- script, weights, histories, report ----------------------------------------------------------


def export_script_dialog(parent: QWidget | None, state: ProjectDocument) -> Path | None:
    """Save the standalone PyTorch training script for the project, with the data archive it
    reads beside it (as ``netcanvas-cli export-script`` does), so the folder runs anywhere."""
    from engine import export_script, generate_script

    title = tr("Export PyTorch Script")
    try:
        generate_script(state.project)  # an invalid network is refused before the file picker
    except Exception as error:
        _fail(parent, title, error)
        return None
    path, _ = save_name(parent, title, default_path(state, ".py"), [tr("Python (*.py)")])
    if not path:
        return None
    QGuiApplication.setOverrideCursor(
        Qt.CursorShape.WaitCursor
    )  # compressing the data takes a moment
    try:
        written = export_script(state.project, _with_suffix(path, ".py"), state.dataset)
    except Exception as error:
        QGuiApplication.restoreOverrideCursor()
        _fail(parent, title, error)
        return None
    QGuiApplication.restoreOverrideCursor()
    if len(written) > 1:
        message = tr("Exported {0} and its data {1}").format(written[0], written[1].name)
    else:
        message = tr("Exported {0} without its data: load the dataset, then export again").format(
            written[0]
        )
    _notify(parent, message)
    return written[0]


def export_weights_dialog(parent: QWidget | None, state: ProjectDocument) -> Path | None:
    """Save the model's weights as safetensors or as a ``.pt`` state_dict."""
    title = tr("Export Weights")
    if not _model_ready(parent, state, title):
        return None
    safetensors_filter = tr("safetensors (*.safetensors)")
    pt_filter = tr("PyTorch state_dict (*.pt)")
    path, chosen = save_name(
        parent, title, default_path(state, ".safetensors"), [safetensors_filter, pt_filter]
    )
    if not path:
        return None
    suffix = Path(path).suffix.lower()
    if suffix not in (".safetensors", ".pt", ".pth"):
        suffix = ".pt" if chosen == pt_filter else ".safetensors"
    from engine import export_weights

    # The network travels in the safetensors header, so the file alone says what it fits.
    metadata = {"netcanvas.graph": json.dumps(state.project.graph.to_dict())}
    try:
        written = export_weights(state.model, _with_suffix(path, suffix), metadata=metadata)
    except Exception as error:
        _fail(parent, title, error)
        return None
    _notify(parent, tr("Exported {0}").format(written))
    return written


def export_history_dialog(parent: QWidget | None, state: ProjectDocument) -> Path | None:
    """Save every run's curves as CSV (per epoch or per logged step) or TensorBoard files."""
    title = tr("Export Training History")
    runs = list(state.project.runs)
    if not runs:
        QMessageBox.information(
            parent, title, tr("This project has no training runs yet. Train once, then export.")
        )
        return None
    epoch_filter = tr("CSV, one row per epoch (*.csv)")
    step_filter = tr("CSV, one row per logged step (*.csv)")
    tb_filter = tr("TensorBoard event files (a folder)")
    path, chosen = save_name(
        parent, title, default_path(state, "-history.csv"), [epoch_filter, step_filter, tb_filter]
    )
    if not path:
        return None
    from engine import export_history_csv, export_tensorboard

    try:
        if chosen == tb_filter:
            folder = Path(path)
            folder = folder.with_suffix("") if folder.suffix.lower() == ".csv" else folder
            export_tensorboard(runs, folder)
            written = folder
        else:
            level = "step" if chosen == step_filter else "epoch"
            written = export_history_csv(runs, _with_suffix(path, ".csv"), level=level)
    except Exception as error:
        _fail(parent, title, error)
        return None
    _notify(parent, tr("Exported {0}").format(written))
    return written


def export_report_dialog(parent: QWidget | None, state: ProjectDocument) -> Path | None:
    """Save the lab report (HTML); with a trained model and data it includes the evaluation."""
    title = tr("Export Lab Report")
    if state.training:
        QMessageBox.information(
            parent, title, tr("Training is running. Stop it or let it finish, then export.")
        )
        return None
    path, _ = save_name(
        parent, title, default_path(state, "-report.html"), [tr("Web page (*.html)")]
    )
    if not path:
        return None
    author, ok = QInputDialog.getText(
        parent, title, tr("Your name, printed on the report (leave empty to omit):")
    )
    if not ok:
        return None
    from engine import export_report

    evaluation = None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if state.model is not None and state.dataset is not None:
            from engine import evaluate_project

            try:
                evaluation = evaluate_project(state.project, state.model, state.dataset)
            except Exception as error:  # the report is still worth having without it
                log.warning("report without evaluation: %s", error, exc_info=error)
        written = export_report(
            state.project, _with_suffix(path, ".html"), evaluation, author=author
        )
    except Exception as error:
        QGuiApplication.restoreOverrideCursor()
        _fail(parent, title, error)
        return None
    QGuiApplication.restoreOverrideCursor()
    _notify(parent, tr("Exported {0}").format(written))
    return written
