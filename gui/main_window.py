"""The NetCanvas main window: docks, menus, the project's life cycle, start-up and shutdown.

The window owns the ProjectDocument and hands it to every pane; panes never talk to each other.
torch is not imported here at module level: the window is shown first, torch loads afterwards.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from engine import (
    TEMPLATES,
    DataRef,
    NetCanvasError,
    default_project,
    new_project,
)
from gui import recovery
from gui import settings as app_settings
from gui.data.session import DataSession
from gui.document import ProjectDocument
from gui.editor import EditorController
from gui.evaluate.session import EvaluationSession
from gui.i18n import device_line, engine_text, localized
from gui.start_page import StartPage
from gui.torch_loader import TorchLoader
from gui.training.session import TrainingSession
from gui.widgets.layout import only_the_shown_page_counts

if TYPE_CHECKING:
    from engine.project import Project

PROJECT_FILTER = "NetCanvas projects (*.netcanvas)"


class MainWindow(QMainWindow):
    sig_first_shown = Signal(float)  # seconds from process launch to the first expose
    sig_torch_ready = Signal()  # torch imported and devices known

    def __init__(
        self,
        project_path: str | None = None,
        parent: QWidget | None = None,
        *,
        offer_recovery: bool = True,
    ) -> None:
        super().__init__(parent)
        self.launched_at = time.time()
        self._first_shown = False
        self.first_shown_s: float | None = None  # seconds from launch to the first expose
        self._device_text = ""
        self._closing = False
        self.fills_screen = False  # see _fit_screen
        self.setWindowIcon(self.windowIcon())
        self._fit_screen(1440, 900)
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self.state = ProjectDocument(default_project(), self)
        self.state.sig_dirty_changed.connect(self._update_title)
        self.state.sig_project_replaced.connect(self._update_title)
        # A run's end already redraws the plots and refreshes the evaluation; saving in a later
        # turn of the event loop keeps each of those pauses short.
        self.state.sig_run_added.connect(lambda _run: QTimer.singleShot(0, self._autosave))

        # The window's work lives in these sessions (no widgets); the panes are views of them.
        self.data_session = DataSession(self.state, self)
        self.training_session = TrainingSession(self.state, self)
        self.evaluation_session = EvaluationSession(self.state, self.training_session, self)
        self.data_session.sig_loaded.connect(self._on_data_loaded)

        self.torch_loader = TorchLoader(self)
        self.torch_loader.sig_loaded.connect(self._on_torch_loaded)
        self.torch_loader.sig_failed.connect(self._on_torch_failed)

        self._panes_ready = False
        self._fit_new_project = False  # a template's project fits itself to its data once
        self._import_slot: Any = None  # the TaskSlot that reads a model file, made on first use
        self._code_dialog: Any = None  # View ▸ Show as Code, while open
        self._canvas_only_state: QByteArray | None = None  # the docks hidden by Canvas Only
        self._hidden_panes: list[QDockWidget] = []  # the panes Panes Below hid, to bring back
        self._front_pane: QDockWidget | None = None
        self.state.sig_project_replaced.connect(self._forget_template_fit)
        self._startup_done = False
        self._build_central()
        self._build_editor_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_geometry()

        self._autosave_timer = QTimer(self)
        self._autosave_timer.timeout.connect(self._autosave)
        self._autosave_timer.start(app_settings.autosave_interval_s() * 1000)

        self._pending_open = project_path
        self._offer_recovery = offer_recovery
        self._update_title()

    # -- layout ----------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.editor = EditorController(self.state, self)
        self.editor.sig_status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.start_page = StartPage(app_settings.recent_projects(), self)
        self.start_page.sig_template_chosen.connect(self.new_from_template)
        self.start_page.sig_open_path.connect(self.open_project)
        self.start_page.sig_open_default.connect(self.open_default_project)
        self.start_page.sig_open_dialog.connect(self.open_project_dialog)
        self.editor_page = QWidget(self)  # the canvas with its summary strip underneath
        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.editor.view, 1)
        page.addWidget(self.editor.summary)
        # The strip may clip on a narrow window rather than force the docks aside.
        self.editor.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.editor_page)
        self.central.addWidget(self.start_page)
        only_the_shown_page_counts(self.central)
        self.setCentralWidget(self.central)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState key
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_editor_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.palette_dock = self._dock(self.tr("Layers"), "palette", self.editor.palette, left)
        self.inspector_dock = self._dock(
            self.tr("Inspector"), "inspector", self.editor.inspector, right
        )
        # Never narrower than readable, whatever a saved layout says (one restored a 124 px
        # palette with every layer name cut to "In…", "Co…").
        text = self.palette_dock.fontMetrics()
        self.palette_dock.setMinimumWidth(text.horizontalAdvance("ConvTranspose2d") + 80)
        self.inspector_dock.setMinimumWidth(text.horizontalAdvance("Multiply-adds 000 000") + 90)

    def ensure_panes(self) -> None:
        """Build the Data, Training, Evaluate and Labs panes (plots, pyqtgraph: ~1.5 s here).

        They are built just after the window is first shown, so the editor appears at once;
        code that needs them earlier (the unattended modes, tests) calls this first.
        """
        if self._panes_ready:
            return
        from gui.data.pane import DataPane
        from gui.evaluate.pane import EvaluatePane
        from gui.labs import LabsPanel
        from gui.training.pane import TrainingPane

        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.data_pane = DataPane(self.state, self, self.data_session)
        self.training_pane = TrainingPane(self.state, self, self.training_session)
        self.evaluate_pane = EvaluatePane(self.state, self, self.evaluation_session)
        self.labs_panel = LabsPanel(self.state, self)
        self.labs_panel.sig_open_project.connect(self._open_lab_project)
        self.data_dock = self._dock(self.tr("Data"), "data", self.data_pane, bottom)
        self.training_dock = self._dock(self.tr("Training"), "training", self.training_pane, bottom)
        self.evaluate_dock = self._dock(self.tr("Evaluate"), "evaluate", self.evaluate_pane, bottom)
        self.labs_dock = self._dock(self.tr("Labs"), "labs", self.labs_panel, bottom)
        self.tabifyDockWidget(self.data_dock, self.training_dock)
        self.tabifyDockWidget(self.training_dock, self.evaluate_dock)
        self.tabifyDockWidget(self.evaluate_dock, self.labs_dock)
        self.inspector_dock.raise_()
        self.data_dock.raise_()
        self.training_pane.sig_show_evaluation.connect(self.evaluate_dock.raise_)
        for dock in self.workflow_docks():
            self.view_menu.insertAction(self.act_reset_layout, dock.toggleViewAction())
            dock.visibilityChanged.connect(self._sync_panes_action)
        self.act_panes.setEnabled(True)
        self.act_labs.setEnabled(True)
        self._default_state = self.saveState()
        state = app_settings.settings().value("window/state")
        self._layout_restored = isinstance(state, QByteArray) and self.restoreState(state)
        if not self._layout_restored:
            self._apply_default_sizes()
        self._panes_ready = True
        self._finish_startup()

    def _build_actions(self) -> None:
        def action(text: str, slot: object, shortcut: object = None, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)  # type: ignore[arg-type]
            if tip:
                act.setStatusTip(tip)
            act.triggered.connect(slot)  # type: ignore[arg-type]
            return act

        keys = QKeySequence.StandardKey
        self.act_new = action(
            self.tr("&New…"), self.show_start_page, keys.New, self.tr("Start from a template")
        )
        self.act_open = action(self.tr("&Open…"), self.open_project_dialog, keys.Open)
        self.act_import = action(
            self.tr("&Import Model…"),
            self.import_model_dialog,
            tip=self.tr("Open an ONNX or Keras model file as a new project, with its weights"),
        )
        self.act_reuse = action(
            self.tr("&Reuse Layers from Another Project…"),
            self.reuse_layers_dialog,
            tip=self.tr(
                "Start this network from a trained project's layers and weights (transfer learning)"
            ),
        )
        self.act_save = action(self.tr("&Save"), self.save, keys.Save)
        self.act_save_as = action(self.tr("Save &As…"), self.save_as, keys.SaveAs)
        self.act_preferences = action(
            self.tr("&Preferences…"), self.show_preferences, keys.Preferences
        )
        self.act_quit = action(self.tr("&Quit"), self.close, keys.Quit)
        self.act_show_editor = action(self.tr("&Network Editor"), self.show_editor)
        self.act_show_start = action(self.tr("&Start Page"), self.show_start_page)
        self.act_show_code = action(
            self.tr("Show as &Code…"),
            self.show_code,
            tip=self.tr("The network as Keras and as PyTorch code"),
        )
        self.act_reset_layout = action(self.tr("&Reset Layout"), self.reset_layout)
        self.act_canvas_only = action(
            self.tr("&Canvas Only"),
            self.set_canvas_only,
            QKeySequence(Qt.Key.Key_F11),
            self.tr(
                "Give the network editor the whole window; press F11 again to bring the panes back"
            ),
        )
        self.act_canvas_only.setCheckable(True)
        self.act_panes = action(
            self.tr("&Panes Below"),
            self.set_panes_shown,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_J),
            self.tr(
                "Show or hide the Data, Training, Evaluate and Labs panes, so the canvas gets "
                "the window's height (Ctrl+J)"
            ),
        )
        self.act_panes.setCheckable(True)
        self.act_panes.setChecked(True)
        self.act_panes.setEnabled(False)  # until the panes exist
        self.act_about = action(self.tr("&About NetCanvas"), self._show_about)
        self.act_copy_diagnostics = action(
            self.tr("Copy &Diagnostics"),
            self.copy_diagnostics,
            tip=self.tr(
                "Copy the versions, the device and the end of the log file, to paste into a "
                "message to your teacher or a bug report"
            ),
        )

    def _build_menus(self) -> None:
        from gui import export_dialogs

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new)
        templates_menu = file_menu.addMenu(self.tr("New from &Template"))
        for template in TEMPLATES.values():
            act = templates_menu.addAction(localized(template.title_en, template.title_zh))
            act.setStatusTip(localized(template.description_en, template.description_zh))
            act.triggered.connect(
                lambda _checked=False, tid=template.id: self.new_from_template(tid)
            )
        file_menu.addAction(self.act_open)
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_reuse)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        exports = [
            (self.tr("Model as &ONNX…"), export_dialogs.export_onnx_dialog),
            (self.tr("&PyTorch Script…"), export_dialogs.export_script_dialog),
            (self.tr("&Weights…"), export_dialogs.export_weights_dialog),
            (self.tr("Training &History…"), export_dialogs.export_history_dialog),
            (self.tr("Lab &Report…"), export_dialogs.export_report_dialog),
        ]
        for text, dialog in exports:
            act = export_menu.addAction(text)
            act.triggered.connect(lambda _checked=False, d=dialog: d(self, self.state))
        file_menu.addSeparator()
        file_menu.addAction(self.act_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.act_paste_network = QAction(self.tr("Paste as &Network"), self)
        self.act_paste_network.setStatusTip(
            self.tr(
                "A keras.Sequential([...]) or nn.Sequential(...) from the clipboard, as a new project"
            )
        )
        self.act_paste_network.triggered.connect(self.paste_as_network)
        for act in self.editor.edit_actions():
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_paste_network)

        self.view_menu = view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_show_editor)
        view_menu.addAction(self.act_show_start)
        view_menu.addAction(self.act_show_code)
        view_menu.addSeparator()
        for act in self.editor.view_actions():
            view_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.palette_dock.toggleViewAction())
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        view_menu.addAction(self.act_reset_layout)  # pane toggles join above once built
        view_menu.addAction(self.act_panes)
        view_menu.addAction(self.act_canvas_only)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.act_labs = help_menu.addAction(self.tr("Guided &Labs"))
        self.act_labs.setEnabled(False)  # until the Labs pane exists
        self.act_labs.triggered.connect(lambda: (self.labs_dock.show(), self.labs_dock.raise_()))
        help_menu.addSeparator()
        help_menu.addAction(self.act_copy_diagnostics)
        help_menu.addAction(self.act_about)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = app_settings.recent_projects()
        for path in paths:
            act = self.recent_menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not paths:
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear the List"))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        app_settings.settings().setValue("recent_projects", [])
        self.start_page.set_recent([])

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        for act in (self.act_new, self.act_open, self.act_save):
            toolbar.addAction(act)
        toolbar.addSeparator()
        edit = {a.objectName() or a.text(): a for a in self.editor.edit_actions()}
        for act in list(edit.values())[:2]:  # Undo, Redo
            toolbar.addAction(act)
        toolbar.addSeparator()
        for act in self.editor.view_actions():
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.act_panes)

    def _build_status_bar(self) -> None:
        self._device_label = QLabel(self.tr("Loading PyTorch…"))
        self._device_label.setObjectName("deviceLabel")
        self.statusBar().addPermanentWidget(self._device_label)

    # -- layout persistence ----------------------------------------------------------------
    def _fit_screen(self, width: int, height: int) -> None:
        """Take ``width``×``height``, or the screen's free area where that is smaller: on a
        1366×768 lab screen a 1440×900 window reached past the screen's edges (Windows and a
        bare X server do not shrink it)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            # As large as the free area or larger: shown maximized then (gui.app), so that the
            # window manager fits the title bar in too (a plain resize left the status bar
            # under the desktop's panel).
            self.fills_screen = width >= free.width() or height >= free.height()
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(width, height)

    def _restore_geometry(self) -> None:
        """The window's size and place before it is shown (kept within this screen: a layout
        saved on a larger one would not fit); the docks' layout once all exist."""
        geometry = app_settings.settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            self._fit_screen(self.width(), self.height())

    def _apply_default_sizes(self) -> None:
        """Dock sizes only take once the window has its real size (the first show)."""
        width, height = self.width(), self.height()
        self.resizeDocks([self.palette_dock], [max(200, width // 7)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock], [max(300, width // 5)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.data_dock], [int(height * 0.38)], Qt.Orientation.Vertical)

    def _save_layout(self) -> None:
        if not self._panes_ready:
            return
        store = app_settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        # Canvas Only is for now: the next start gets the docks it hid.
        store.setValue("window/state", self._canvas_only_state or self.saveState())

    def set_canvas_only(self, on: bool) -> None:
        """Hide every dock so the canvas fills the window (a lab screen is small); turning it
        off brings back the docks exactly as they were."""
        self.act_canvas_only.setChecked(on)
        if on == (self._canvas_only_state is not None):
            return
        if on:
            self._canvas_only_state = self.saveState()
            for dock in self.findChildren(QDockWidget):
                dock.hide()
        else:
            state, self._canvas_only_state = self._canvas_only_state, None
            if state is not None:
                self.restoreState(state)
        self.editor.view.setFocus()

    def workflow_docks(self) -> list[QDockWidget]:
        """The panes below the canvas, in the course's order."""
        return [self.data_dock, self.training_dock, self.evaluate_dock, self.labs_dock]

    def set_panes_shown(self, on: bool) -> None:
        """Hide the panes below the canvas (the network then gets the window's height) or bring
        them back, the one that was in front in front again."""
        docks = self.workflow_docks()
        if on:
            shown = self._hidden_panes or docks
            for dock in shown:
                dock.show()
            front = self._front_pane if self._front_pane in shown else shown[0]
            front.raise_()
            self._hidden_panes = []
        elif any(not dock.isHidden() for dock in docks):
            self._hidden_panes = [dock for dock in docks if not dock.isHidden()]
            self._front_pane = next(
                (d for d in self._hidden_panes if not d.visibleRegion().isEmpty()),
                self._hidden_panes[0],
            )
            for dock in self._hidden_panes:
                dock.hide()
        self._sync_panes_action()

    def _sync_panes_action(self, *_visible: bool) -> None:
        self.act_panes.setChecked(any(not dock.isHidden() for dock in self.workflow_docks()))

    def reset_layout(self) -> None:
        self.set_canvas_only(False)
        self.restoreState(self._default_state)
        self._apply_default_sizes()
        for dock in self.findChildren(QDockWidget):
            dock.show()
        self.inspector_dock.raise_()
        self.data_dock.raise_()

    def show_editor(self) -> None:
        self.central.setCurrentWidget(self.editor_page)

    def show_start_page(self) -> None:
        self.start_page.set_recent(app_settings.recent_projects())
        self.central.setCurrentWidget(self.start_page)

    # -- start-up --------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._first_shown and event.type() in (QEvent.Type.Expose, QEvent.Type.Show):
            self._first_shown = True
            self.first_shown_s = time.time() - self.launched_at
            self.sig_first_shown.emit(self.first_shown_s)
            QTimer.singleShot(0, self.ensure_panes)  # right after the first paint
        return handled

    def start_background_loading(self) -> None:
        """After the window is up: load torch, then the project's data (and any recovery)."""
        self.torch_loader.start()

    def device_text(self) -> str:
        return self._device_text

    def _on_torch_loaded(self, devices: list[object], seconds: float) -> None:
        from engine import recommended_device

        best = recommended_device(devices)  # type: ignore[arg-type]
        self._device_text = device_line(best)
        self._device_label.setText(self._device_text)
        names = ", ".join(getattr(d, "name", "?") for d in devices)
        self._device_label.setToolTip(
            self.tr("PyTorch loaded in %1 s. Devices: %2")
            .replace("%1", f"{seconds:.1f}")
            .replace("%2", names)
        )
        self.sig_torch_ready.emit()
        self._finish_startup()

    def _finish_startup(self) -> None:
        """Once torch has loaded and the panes exist: offer recovery, or open the project."""
        if self._startup_done or not self._panes_ready or self.torch_loader.devices is None:
            return
        self._startup_done = True
        if self._offer_recovery and self._offer_restore():
            return
        if self._pending_open:
            path, self._pending_open = self._pending_open, None
            self.open_project(path)
        else:
            self._load_project_data()

    def _on_torch_failed(self, message: str) -> None:
        self._device_label.setText(self.tr("PyTorch unavailable"))
        QMessageBox.critical(self, self.tr("NetCanvas"), message)

    # -- the project's life cycle ----------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        name = self.state.project.name or self.tr("Untitled")
        where = f" — {self.state.path}" if self.state.path else ""
        self.setWindowTitle(f"{name}[*]{where} — NetCanvas")
        self.setWindowModified(self.state.dirty)

    def _confirm_discard(self, action: str) -> bool:
        """Ask before the open project is replaced or the window closes; True to go ahead."""
        if self.state.training:  # one question: the stopped run is unsaved work too
            answer = QMessageBox.question(
                self,
                self.tr("Training is running"),
                self.tr(
                    "A training run is in progress. Stop it and %1? Save keeps the project "
                    "with what the run has learnt so far."
                ).replace("%1", action),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer not in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
                return False
            self.training_session.stop_and_wait(30000)
            return answer == QMessageBox.StandardButton.Discard or self.save()
        if not self.state.dirty:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            self.tr("“%1” has unsaved changes. Save them before you %2?")
            .replace("%1", self.state.project.name)
            .replace("%2", action),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _adopt(self, project: Project, path: Path | None) -> None:
        self.state.replace(project, path)
        self._after_replace()

    def _after_replace(self) -> None:
        self.show_editor()
        self._load_project_data()

    def _load_project_data(self) -> None:
        if self.torch_loader.devices is not None:  # loading data needs torch
            self.ensure_panes()
            self.data_pane.load(self.state.project.data)

    def _on_data_loaded(self, dataset: Any) -> None:
        if self._fit_new_project:
            self._fit_new_project = False
            self._fit_template(dataset)
        self._restore_model(dataset)

    def _forget_template_fit(self) -> None:
        self._fit_new_project = False  # set again by new_from_template, after the replace

    def _fit_template(self, dataset: Any) -> None:
        """A project just made from a template gets its sizes from its data (vocabulary,
        classes, image size) as the CLI's ``new --data`` does: part of creating it, so neither
        an undo step nor a change to save. Not once the user has edited the network."""
        from engine import fit_to_data

        if self.state.undo_stack.count() == 0 and not self.state.project.graph.analysis.valid:
            fit_to_data(self.state.project.graph, dataset.context())

    def _restore_model(self, dataset: Any) -> None:
        """A project saved with trained weights opens ready to evaluate, once its data is in."""
        weights = self.state.project.weights
        if not weights or self.state.model is not None:
            return
        from engine import trained_model

        try:
            model = trained_model(self.state.project, dataset)
        except NetCanvasError as error:
            self.statusBar().showMessage(
                self.tr("The saved weights do not fit this network: %1").replace(
                    "%1", engine_text(error)
                ),
                10000,
            )
            return
        self.state.set_model(model)

    def new_from_template(self, template_id: str) -> None:
        if not self._confirm_discard(self.tr("start a new project")):
            return
        template = TEMPLATES[template_id]
        project = new_project(template_id, DataRef(template.default_data), None)
        self._adopt(project, None)
        self._fit_new_project = True

    def open_default_project(self) -> None:
        if self._confirm_discard(self.tr("open the default project")):
            self._adopt(default_project(), None)

    def _pick_file(self, title: str, file_filter: str, then: Any) -> None:
        """Ask for a file to open, starting in the project's (or the last used) folder; give
        the chosen one to ``then`` and remember its folder."""
        path, _ = QFileDialog.getOpenFileName(
            self, title, app_settings.start_folder(self.state.path), file_filter
        )
        if path:
            app_settings.remember_folder(path)
            then(path)

    def open_project_dialog(self) -> None:
        self._pick_file(self.tr("Open Project"), self.tr(PROJECT_FILTER), self.open_project)

    def open_project(self, path: str) -> bool:
        if not self._confirm_discard(self.tr("open another project")):
            return False
        try:
            self.state.open(path)
        except NetCanvasError as error:
            QMessageBox.warning(self, self.tr("Cannot open project"), engine_text(error))
            if not Path(path).exists():
                self.start_page.set_recent(app_settings.remove_recent_project(path))
            return False
        self._after_replace()
        self.start_page.set_recent(app_settings.add_recent_project(str(Path(path).resolve())))
        return True

    # -- importing a model file --------------------------------------------------------------
    def import_model_dialog(self) -> None:
        self._pick_file(
            self.tr("Import Model"), self.tr("Models (*.onnx *.h5 *.keras)"), self.import_model_file
        )

    def import_model_file(self, path: str) -> None:
        """Read the model on a worker; it opens as a new, unsaved project (refusals in a box)."""
        if not self._confirm_discard(self.tr("import a model")):
            return

        def work(_task: Any) -> Any:
            from engine import import_model

            return import_model(path)

        self.statusBar().showMessage(self.tr("Importing %1…").replace("%1", Path(path).name))
        self._reading_slot().start(
            work, self._on_model_imported, self._on_import_failed, doing=self.tr("Importing")
        )

    def _reading_slot(self) -> Any:
        """The TaskSlot that reads a file to take something from (a model, a project)."""
        from gui.worker import TaskSlot

        if self._import_slot is None:
            self._import_slot = TaskSlot("NetCanvasImport", self)
        return self._import_slot

    def paste_as_network(self) -> None:
        self.import_network_code(QApplication.clipboard().text())

    def import_network_code(self, text: str) -> None:
        """Code from the clipboard as a new, unsaved project (parsed, never run: instant)."""
        from engine import import_code

        if not self._confirm_discard(self.tr("paste a network")):
            return
        try:
            result = import_code(text, self.tr("Pasted network"))
        except NetCanvasError as error:
            QMessageBox.warning(self, self.tr("Cannot paste as a network"), engine_text(error))
            return
        self._on_model_imported(result)

    def _on_model_imported(self, result: Any) -> None:
        self.state.replace(result.project, None, dirty=True)
        self._after_replace()
        notes = " ".join(engine_text(note) for note in result.notes)
        done = self.tr("Imported %1.").replace("%1", result.project.name)
        self.statusBar().showMessage(f"{done} {notes}".strip(), 15000)

    def _on_import_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Cannot import model"), message)

    # -- reusing another project's layers (transfer learning) ---------------------------------
    def reuse_layers_dialog(self) -> None:
        self._pick_file(
            self.tr("Reuse Layers from Another Project"),
            self.tr(PROJECT_FILTER),
            self.reuse_layers_from,
        )

    def reuse_layers_from(self, path: str) -> None:
        """Read the trained project on a worker, then offer the ways to reuse its layers."""
        if self.training_session.running:
            QMessageBox.information(
                self,
                self.tr("Reuse Layers"),
                self.tr("Stop the run first: it is training the network's current weights."),
            )
            return

        def work(_task: Any) -> Any:
            from engine import load_project

            return load_project(path)

        self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", Path(path).name))
        self._reading_slot().start(
            work,
            self._offer_reuse,
            self._on_reuse_failed,
            doing=self.tr("Reading the project"),
        )

    def _offer_reuse(self, other: Project) -> None:
        from gui.reuse_dialog import ReuseDialog

        self.statusBar().clearMessage()
        dataset = self.state.dataset
        context = dataset.context() if dataset is not None else None
        dialog = ReuseDialog(self.state.project, other, context, self)
        if not dialog.previews:  # nothing to offer: say why (no weights, nothing fits)
            self._on_reuse_failed(dialog.refusals[False])
            return
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reuse = dialog.outcome()
        self.state.replace(reuse.project, self.state.path, dirty=True)
        self._after_replace()
        done = self.tr("Reused layers from %1 (%2): %3.")
        self.statusBar().showMessage(
            done.replace("%1", other.name)
            .replace("%2", str(len(reuse.copied)))
            .replace("%3", ", ".join(reuse.copied)),
            15000,
        )

    def _on_reuse_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Cannot reuse layers"), message)

    def _open_lab_project(self, project: Project) -> None:
        if self._confirm_discard(self.tr("open the lab's project")):
            self._adopt(project, None)

    def save(self) -> bool:
        if self.state.path is None:
            return self.save_as()
        return self._write(self.state.path)

    def save_as(self) -> bool:
        from gui.export_dialogs import default_path, save_name

        suggested = (
            str(self.state.path) if self.state.path else default_path(self.state, ".netcanvas")
        )
        path, _ = save_name(self, self.tr("Save Project As"), suggested, [self.tr(PROJECT_FILTER)])
        if not path:
            return False
        if not path.endswith(".netcanvas"):
            path += ".netcanvas"
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        """Save atomically; on failure the file on disk and the open project are untouched."""
        try:
            self.state.save(path)
        except (NetCanvasError, OSError) as error:
            answer = QMessageBox.critical(
                self,
                self.tr("Cannot save project"),
                self.tr(
                    "The project could not be saved to %1:\n%2\n\n"
                    "Nothing was lost: the project is still open. "
                    "Save it somewhere else now?"
                )
                .replace("%1", str(path))
                .replace("%2", engine_text(error)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            # Save: the Save As dialog, where another folder (a USB stick, home) can be chosen.
            return answer == QMessageBox.StandardButton.Save and self.save_as()
        self.start_page.set_recent(app_settings.add_recent_project(str(path.resolve())))
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    # -- autosave and recovery -------------------------------------------------------------
    def _autosave(self) -> None:
        if self._closing:
            return
        try:
            self.state.autosave()
        except (NetCanvasError, OSError) as error:
            self.statusBar().showMessage(
                self.tr("Autosave failed: %1").replace("%1", engine_text(error)), 8000
            )

    def _offer_restore(self) -> bool:
        found, set_aside = recovery.find_recovery()
        if set_aside:
            QMessageBox.warning(
                self,
                self.tr("Damaged recovery note"),
                self.tr(
                    "A crash-recovery note could not be read and was set aside as %1. "
                    "NetCanvas starts normally."
                ).replace("%1", ", ".join(str(p) for p in set_aside)),
            )
        if found is None:
            return False
        self._offer_recovery = False
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(found.saved_at))
        answer = QMessageBox.question(
            self,
            self.tr("Restore unsaved work?"),
            self.tr(
                "NetCanvas did not close normally last time. An autosaved copy of your project "
                "from %1 was found. Restore it?"
            ).replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            recovery.discard_recovery(found)  # that slot only: another window's stays
            return False
        try:
            self.state.restore(found)
        except NetCanvasError as error:
            QMessageBox.warning(self, self.tr("Cannot restore"), engine_text(error))
            recovery.discard_recovery(found)
            return False
        self._autosave()  # the restored work now lives in this window's own slot
        recovery.discard_recovery(found)
        self._after_replace()
        return True

    # -- drag and drop files ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        path = paths[0]
        self.ensure_panes()
        if path.endswith(".netcanvas"):
            self.open_project(path)
        else:
            self.data_dock.show()
            self.data_dock.raise_()
            self.data_pane.load_path(path)

    # -- preferences, about ----------------------------------------------------------------
    def show_code(self) -> None:
        """The network as code, in a window of its own that follows the edits."""
        from gui.code_dialog import CodeDialog

        if self._code_dialog is None or not self._code_dialog.isVisible():
            self._code_dialog = CodeDialog(self.state, self)
        self._code_dialog.show()
        self._code_dialog.raise_()

    def show_preferences(self) -> None:
        from gui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        if not dialog.exec():
            return
        self._autosave_timer.start(app_settings.autosave_interval_s() * 1000)
        if dialog.language_changed():
            answer = QMessageBox.question(
                self,
                self.tr("Restart in the new language"),
                self.tr(
                    "NetCanvas shows the new language after a restart. Restart now? You are "
                    "asked first about unsaved changes, and the project opens again."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restart()

    def restart(self) -> bool:
        """Close (asking about unsaved changes) and start NetCanvas again on this project's file;
        False when the user kept the window open."""
        from gui.app import relaunch_command

        path = self.state.path
        if not self.close():
            return False
        program, *arguments = relaunch_command(path)
        QProcess.startDetached(program, arguments)
        return True

    def copy_diagnostics(self) -> str:
        """Help ▸ Copy Diagnostics: the versions, device and log tail on the clipboard."""
        from gui.diagnostics import copy_diagnostics, log_file

        text = copy_diagnostics(self.device_text())
        path = log_file()
        self.statusBar().showMessage(
            self.tr("Diagnostics copied. The log file is %1").replace("%1", str(path))
            if path is not None
            else self.tr("Diagnostics copied."),
            8000,
        )
        return text

    def _show_about(self) -> None:
        from gui.diagnostics import log_file, versions

        details = "\n".join(f"{name} {version}" for name, version in versions()[1:])
        QMessageBox.about(
            self,
            self.tr("About NetCanvas"),
            self.tr("NetCanvas %1\nBuild, train, inspect and export neural networks.").replace(
                "%1", versions()[0][1]
            )
            + "\n\n"
            + details
            + "\n\n"
            + self.tr("Log file: %1").replace("%1", str(log_file() or "-")),
        )

    # -- shutdown --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard(self.tr("quit")):
            event.ignore()
            return
        self._closing = True
        self._autosave_timer.stop()
        self.training_session.stop_and_wait(30000)
        self.data_session.shutdown()
        self.evaluation_session.shutdown()
        if self._import_slot is not None:
            self._import_slot.shutdown()
        if self._panes_ready:
            self.labs_panel.shutdown()  # a lab may be computing on a task of its own
        self._save_layout()
        recovery.discard_recovery()
        event.accept()
