"""The Labs panel: one guided lab per concept, read from ``resources/labs``.

Each lab has a text (Markdown, formulas in Unicode math), an interactive widget, questions with
checked answers and a ready project that one click opens. A teacher adds a lab by dropping a
file into ``resources/labs/<language>/``; the format is documented in
README.md (section "Writing a lab").
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import resources
from engine.labs.labfile import Lab, discover_labs
from gui.labs.common import LabWidget, lab_task
from gui.labs.questions import QuestionsView
from gui.widgets.wheel import wheel_safe_children
from gui.worker import TaskSlot

if TYPE_CHECKING:
    from gui.document import ProjectDocument

# widget id (a lab file's ``widget:``) -> (module, class). Imported on first use.
WIDGETS: dict[str, tuple[str, str]] = {
    "activation": ("gui.labs.activation", "ActivationLab"),
    "gradient-descent": ("gui.labs.descent", "DescentLab"),
    "backprop": ("gui.labs.backprop", "BackpropLab"),
    "convolution": ("gui.labs.convolution", "ConvolutionLab"),
    "recurrent": ("gui.labs.recurrent", "RecurrentLab"),
    "overfitting": ("gui.labs.overfitting", "OverfittingLab"),
    "metrics": ("gui.labs.metrics", "MetricsLab"),
    "attention": ("gui.labs.attention", "AttentionLab"),
    "explainability": ("gui.labs.explainability", "ExplainabilityLab"),
}


def create_widget(widget_id: str, parent: QWidget | None = None) -> LabWidget | None:
    """The interactive element a lab names, or None for a lab without one (or an unknown id)."""
    target = WIDGETS.get(widget_id)
    if target is None:
        return None
    module = importlib.import_module(target[0])
    widget: LabWidget = getattr(module, target[1])(parent)
    return widget


def build_lab_project(lab: Lab) -> Any:
    """The engine Project a lab opens: its template fitted to its dataset, with its fixed
    settings. Loads the dataset once to learn its shape and classes (about a second for the
    built-ins), so call it off the GUI thread."""
    from engine import DataRef, TrainSettings, load_dataset, new_project

    assert lab.project is not None
    spec = lab.project
    ref = DataRef(spec.data, dict(spec.options))
    project = new_project(spec.template, ref, load_dataset(ref).context())
    project.name = lab.title
    if spec.settings:
        merged = {**project.settings.to_dict(), **spec.settings}
        project.settings = TrainSettings.from_dict(merged)
    return project


class _FitScrollArea(QScrollArea):
    """Gives its widget the whole viewport, and scrolls only below the widget's minimum size.

    ``setWidgetResizable(True)`` would size a widget holding word-wrapped labels by their
    height-for-width, making the plots far taller than the dock and always scrolling.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        widget = self.widget()
        if widget is not None:
            widget.resize(self.viewport().size().expandedTo(widget.minimumSizeHint()))

    def fit_later(self) -> None:
        """Re-fit after the lab widget inside changed (its minimum size is known next loop)."""
        QTimer.singleShot(0, self, self._fit)  # the context object cancels it if deleted


class LabsPanel(QWidget):
    sig_open_project = Signal(object)  # an engine Project the window opens (after asking to save)

    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._labs: dict[str, Lab] = {}
        self._current: Lab | None = None
        self._widget: LabWidget | None = None
        self._project_task = TaskSlot("NetCanvasLabProject", self)
        self._pending = False  # a lab is selected but not built yet (the panel was hidden)

        self.list = QListWidget()
        self.list.setObjectName("labsList")
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openLabProject")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setObjectName("labText")
        self.questions = QuestionsView()
        self.questions_title = QLabel()
        questions_scroll = QScrollArea()
        questions_scroll.setWidgetResizable(True)
        questions_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        questions_holder = QWidget()
        holder_layout = QVBoxLayout(questions_holder)
        holder_layout.addWidget(self.questions_title)
        holder_layout.addWidget(self.questions, 1)
        questions_scroll.setWidget(questions_holder)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)

        self.widget_area = QWidget()
        self.widget_layout = QVBoxLayout(self.widget_area)
        self.widget_layout.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.open_button)
        # Reading column (text over questions) beside the interactive element, which gets
        # the most room: plots need width and height, text reads best in a narrow column.
        reading = QSplitter(Qt.Orientation.Vertical)
        reading.addWidget(self.text)
        reading.addWidget(questions_scroll)
        reading.setStretchFactor(0, 3)
        reading.setStretchFactor(1, 2)
        reading.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(reading)
        # Scrolls instead of forcing the panel taller than a short dock (or than 200 % allows).
        widget_scroll = _FitScrollArea()
        widget_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        widget_scroll.setWidget(self.widget_area)
        body.addWidget(widget_scroll)
        self._widget_scroll = widget_scroll
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setChildrenCollapsible(False)
        self.text.setMinimumWidth(260)
        questions_scroll.setMinimumHeight(120)
        reading.setSizes([520, 380])
        # A wide reading column: on a 1366 px screen the text and the questions were squeezed
        # into ~340 px and their feedback ran out of sight.
        body.setSizes([470, 700])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addWidget(body, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_title = QLabel()
        self.list_title.setBuddy(self.list)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.problems)
        columns = QSplitter(Qt.Orientation.Horizontal)  # every column can be resized
        columns.addWidget(left)
        columns.addWidget(right)
        columns.setStretchFactor(1, 1)
        columns.setChildrenCollapsible(False)
        columns.setSizes([170, 1200])
        outer = QHBoxLayout(self)
        outer.addWidget(columns)

        self.list.currentItemChanged.connect(self._on_lab_selected)
        self.open_button.clicked.connect(self._on_open_project)
        self._retranslate()
        self.reload()
        app = QCoreApplication.instance()
        if app is not None:  # no lab thread may outlive the window (Qt aborts on that)
            app.aboutToQuit.connect(self.shutdown)

    # -- public ------------------------------------------------------------------------------
    def lab_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def show_lab(self, lab_id: str) -> None:
        """Select and display a lab (even while the panel is hidden)."""
        self._select(lab_id)
        if self._pending:
            self._display(self._labs[lab_id])

    def _select(self, lab_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == lab_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(f"there is no lab {lab_id!r}")

    def current_lab(self) -> Lab | None:
        return self._current

    def current_widget(self) -> LabWidget | None:
        return self._widget

    def reload(self) -> None:
        """Read the lab files again (in the interface language) and keep the current lab."""
        from gui.i18n import current_language

        keep = self._current.id if self._current is not None else None
        labs, problems = discover_labs(resources.path("labs"), current_language())
        self._labs = {lab.id: lab for lab in labs}
        self.problems.setText(
            self.tr("Some lab files could not be read:") + "\n" + "\n".join(problems)
        )
        self.problems.setVisible(bool(problems))
        self.list.blockSignals(True)
        self.list.clear()
        for lab in labs:
            item = QListWidgetItem(lab.title)
            item.setData(Qt.ItemDataRole.UserRole, lab.id)
            item.setToolTip(lab.concept)
            self.list.addItem(item)
        self.list.blockSignals(False)
        # Wide enough for every title (they were cut to "Gradient descent and optim…").
        frame = 2 * self.list.frameWidth() + 12
        self.list.setMinimumWidth(max(140, self.list.sizeHintForColumn(0) + frame))
        self._current = None
        if labs:
            # While hidden (a tab behind others at start-up) only select: building the lab's
            # plots took ~0.5 s, which the window's first appearance must not wait for.
            was_built = self._widget is not None  # e.g. a language switch: rebuild it now
            self._select(keep if keep in self._labs else labs[0].id)
            if (self.isVisible() or was_built) and self._pending:
                self._display(self._labs[self.lab_ids()[self.list.currentRow()]])

    # -- lab display ---------------------------------------------------------------------------
    def _on_lab_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        lab = self._labs[item.data(Qt.ItemDataRole.UserRole)]
        self._current = lab
        self.title.setText(lab.title)
        if not self.isVisible():
            self._pending = True  # showEvent displays it
            return
        self._display(lab)

    def _display(self, lab: Lab) -> None:
        self._pending = False
        self._current = lab
        self.title.setText(lab.title)
        self.text.setMarkdown(lab.body)
        self.questions.set_questions(lab.questions)
        self.questions_title.setVisible(bool(lab.questions))
        self.open_button.setVisible(lab.project is not None)
        self._set_widget(create_widget(lab.widget))

    def _set_widget(self, widget: LabWidget | None) -> None:
        if self._widget is not None:
            self._widget.shutdown()
            self.widget_layout.removeWidget(self._widget)
            self._widget.hide()  # deleteLater waits for the event loop; hide it at once
            self._widget.deleteLater()
        self._widget = widget
        if widget is not None:
            self.widget_layout.addWidget(widget)
            wheel_safe_children(widget)  # the lab's column scrolls
        self._widget_scroll.fit_later()

    def _on_open_project(self) -> None:
        lab = self._current
        if lab is None or lab.project is None:
            return
        if self._project_task.busy:
            return
        self.open_button.setEnabled(False)
        self.open_button.setText(self.tr("Preparing the lab project…"))

        def work(_report: Any, _stop: Any) -> Any:
            return build_lab_project(lab)

        self._project_task.start(
            lab_task(work),
            self._on_project_ready,
            self._on_project_failed,
            finished=self._on_project_worker_finished,
        )

    def _on_project_ready(self, project: Any) -> None:
        self.sig_open_project.emit(project)

    def _on_project_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Open the lab project"), message)

    def _on_project_worker_finished(self) -> None:
        self.open_button.setEnabled(True)
        self._retranslate()

    # -- language ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.open_button.setText(self.tr("Open the lab project"))
        self.open_button.setToolTip(
            self.tr("Open this lab's ready-made network and dataset in the editor")
        )
        self.list_title.setText(self.tr("&Labs"))
        self.questions_title.setText(self.tr("Check your understanding"))
        self.text.setAccessibleName(self.tr("Lab text"))
        self.list.setAccessibleName(self.tr("Labs"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending and self._current is not None:
            self._display(self._current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.reload()  # lab texts and widgets exist per language
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the current lab's computation; the window calls this before it closes."""
        if self._widget is not None:
            self._widget.shutdown()
        self._project_task.wait()  # a lab project being built: let it finish
