"""The inspector: the selected layer's name, typed parameter editors, shape and issues.

Editors never change the graph themselves: they ask the controller, which pushes an undo
command and answers with the graph's refusal message, if any. Values are pulled back from the
graph after every edit (and every undo), so the editors always show what the graph holds.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine import layer_spec
from gui.editor._text import format_count, format_shape
from gui.editor.style import error_colour, issue_colour, issue_mark
from gui.i18n import engine_text, localized
from gui.widgets.wheel import wheel_safe

_INT_MAX = 2**31 - 1


class EditorActions(Protocol):
    """What the inspector asks of the controller."""

    @property
    def graph(self) -> Any: ...

    def set_param(self, node_id: str, key: str, value: Any) -> str | None: ...
    def rename_node(self, node_id: str, name: str) -> str | None: ...
    def set_trainable(self, node_id: str, trainable: bool) -> None: ...
    def apply_fix(self, issue: Any) -> None: ...


class ParamEditor:
    """One typed editor for one ParamSpec, with the value it last showed."""

    def __init__(self, spec: Any, on_commit: Any) -> None:
        self.spec = spec
        self._on_commit = on_commit
        self.widget: QWidget = self._make()
        tip = localized(spec.help_en, spec.help_zh)
        if tip:
            self.widget.setToolTip(tip)
        self.widget.setAccessibleName(localized(spec.label_en, spec.label_zh) or spec.name)

    def _make(self) -> QWidget:
        spec = self.spec
        if spec.kind == "int":
            box = QSpinBox()
            box.setRange(
                int(spec.minimum) if spec.minimum is not None else -_INT_MAX,
                int(spec.maximum) if spec.maximum is not None else _INT_MAX,
            )
            box.setKeyboardTracking(False)  # commit on Enter / arrows, not per keystroke
            box.valueChanged.connect(lambda v: self._on_commit(spec.name, int(v)))
            return box
        if spec.kind == "float":
            dbox = QDoubleSpinBox()
            # A value that may be tiny (the Input's scale, 1/255 ≈ 0.0039216) keeps its digits.
            tiny = spec.minimum is not None and 0 < spec.minimum < 1e-4
            dbox.setDecimals(8 if tiny else 4)
            lo = float(spec.minimum) if spec.minimum is not None else -1e9
            hi = float(spec.maximum) if spec.maximum is not None else 1e9
            dbox.setRange(lo, hi)
            dbox.setSingleStep(0.05 if hi - lo <= 10 else 1.0)
            dbox.setKeyboardTracking(False)
            dbox.valueChanged.connect(lambda v: self._on_commit(spec.name, float(v)))
            return dbox
        if spec.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda v: self._on_commit(spec.name, bool(v)))
            return check
        if spec.kind == "choice" or (spec.kind == "str" and spec.choices):
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(localized(*spec.value_title(choice)), choice)
            if spec.kind == "str":
                # Free text allowed too (padding accepts a pixel count).
                combo.setEditable(True)
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                line = combo.lineEdit()
                assert line is not None
                line.editingFinished.connect(lambda: self._on_commit(spec.name, _typed(combo)))
                combo.activated.connect(lambda _i: self._on_commit(spec.name, _typed(combo)))
            else:
                combo.activated.connect(lambda i: self._on_commit(spec.name, combo.itemData(i)))
            return combo
        line_edit = QLineEdit()
        if spec.kind in ("ints", "floats"):
            number = int if spec.kind == "ints" else float
            example = "28, 28" if spec.kind == "ints" else "0.485, 0.456, 0.406"
            line_edit.setPlaceholderText(line_edit.tr("e.g. {0}").format(example))
            line_edit.editingFinished.connect(
                lambda: self._on_commit(spec.name, _parse_numbers(line_edit.text(), number))
            )
        else:
            line_edit.editingFinished.connect(lambda: self._on_commit(spec.name, line_edit.text()))
        return line_edit

    def show_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QSpinBox):
                w.setValue(int(value))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                index = w.findData(value)
                if index >= 0:
                    w.setCurrentIndex(index)
                elif w.isEditable():
                    w.setEditText(str(value))
            elif isinstance(w, QLineEdit):
                listed = self.spec.kind in ("ints", "floats")
                text = ", ".join(f"{v:g}" for v in value) if listed else str(value)
                if w.text() != text:
                    w.setText(text)
        finally:
            w.blockSignals(False)


def _parse_numbers(text: str, number: type) -> Any:
    """'28, 28' -> (28, 28) (or floats); anything unparsable is passed on as text for the graph
    to refuse."""
    parts = [p for p in text.replace("×", ",").replace("x", ",").replace(" ", ",").split(",") if p]
    try:
        return tuple(number(p) for p in parts)
    except ValueError:
        return text


class Inspector(QScrollArea):
    def __init__(self, actions: EditorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.node_id: str | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.fix_buttons: list[QPushButton] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 6, 0, 6)
        self.name_edit = QLineEdit(self.form_host)
        self.name_edit.hide()
        self.name_edit.setAccessibleName(self.tr("Layer name"))
        self.name_edit.editingFinished.connect(self._on_name_edited)
        # Like the name, not a layer parameter: every layer with weights can be frozen.
        self.trainable_check = QCheckBox(self.form_host)
        self.trainable_check.hide()
        self.trainable_check.toggled.connect(self._on_trainable_toggled)
        wheel_safe(self.trainable_check)
        self._retranslate_trainable()
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setObjectName("refusal")
        self.refusal.hide()
        self.stats = QLabel()
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issues_host = QWidget()
        self.issues_layout = QVBoxLayout(self.issues_host)
        self.issues_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, self.explain, self.formula, self.form_host, self.refusal, self.stats):
            self._layout.addWidget(w)
        self._layout.addWidget(self.issues_host)
        self._layout.addStretch(1)
        self.set_node(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.name_edit.setAccessibleName(self.tr("Layer name"))
            self._retranslate_trainable()
            self._build_form()  # labels and help come from the engine in both languages
            self.refresh()
        super().changeEvent(event)

    # --- binding ---------------------------------------------------------------------------

    def set_node(self, node_id: str | None, refresh: bool = True) -> None:
        """Show ``node_id`` (None: nothing selected). Rebuilds the editors for a new node;
        ``refresh=False`` leaves the values to the next refresh (an edit in progress)."""
        graph = self._actions.graph
        if node_id is not None and (graph is None or node_id not in graph.nodes):
            node_id = None
        changed = node_id != self.node_id
        self.node_id = node_id
        if changed:
            self.refusal.hide()
            self._build_form()
        if refresh:
            self.refresh()

    def _build_form(self) -> None:
        # The name field and the trainable box live as long as the inspector (the controller
        # focuses the name to rename); take them out of the form before the rows are deleted.
        if self.form.rowCount():
            for kept in (self.name_edit, self.trainable_check):
                if self.form.indexOf(kept) < 0:
                    continue  # an Input has no trainable box
                taken = self.form.takeRow(kept)
                label = taken.labelItem.widget() if taken.labelItem is not None else None
                if label is not None:
                    label.hide()
                    label.deleteLater()
                kept.hide()  # still a child of the form, no longer laid out
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        graph = self._actions.graph
        if self.node_id is None:
            self.form_host.hide()
            return
        node = graph.nodes[self.node_id]
        spec = layer_spec(node.type)
        self.name_edit.setText(node.name)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.name_edit.show()
        for pspec in spec.params:
            editor = ParamEditor(pspec, self._on_commit)
            self.editors[pspec.name] = editor
            label = localized(pspec.label_en, pspec.label_zh) or pspec.name
            self.form.addRow(label, editor.widget)
        wheel_safe(*(editor.widget for editor in self.editors.values()))
        if spec.type != "Input":
            self.form.addRow(self.tr("Trainable"), self.trainable_check)
            self.trainable_check.show()
        self.form_host.show()

    def refresh(self) -> None:
        """Pull the node's values, shape and issues from the graph (after any edit or undo)."""
        graph = self._actions.graph
        if self.node_id is not None and (graph is None or self.node_id not in graph.nodes):
            self.set_node(None)
            return
        analysis = graph.analysis if graph is not None else None
        if self.node_id is None:
            no_layer = self.tr("No layer selected")
            self.title.setText(f"<b>{no_layer}</b>")
            self.explain.setText(
                self.tr(
                    "Select a layer on the canvas to see and change its settings. "
                    "Drag layers from the palette onto the canvas; drag from a layer's "
                    "bottom port to another layer's top port to connect them."
                )
            )
            self.formula.hide()
            self.stats.hide()
            issues = [i for i in analysis.issues if i.node_id is None] if analysis else []
            self._show_issues(issues)
            return
        node = graph.nodes[self.node_id]
        spec = layer_spec(node.type)
        self.title.setText(f"<b>{localized(spec.title_en, spec.title_zh)}</b>")
        self.explain.setText(localized(spec.explain_en, spec.explain_zh))
        self.formula.setText(f"<code>{spec.formula}</code>" if spec.formula else "")
        self.formula.setVisible(bool(spec.formula))
        if self.name_edit.text() != node.name and not self.name_edit.hasFocus():
            self.name_edit.setText(node.name)
        for key, editor in self.editors.items():
            if key in node.params:
                editor.show_value(node.params[key])
            show_if = getattr(editor.spec, "show_if", None)
            visible = show_if is None or node.params.get(show_if[0]) in show_if[1]
            self.form.setRowVisible(editor.widget, visible)
        info = analysis.nodes.get(self.node_id) if analysis else None
        if node.type != "Input":
            # Only a layer with weights has anything to freeze (a frozen one can always thaw).
            has_weights = info is not None and info.params > 0
            self.trainable_check.blockSignals(True)
            self.trainable_check.setChecked(node.trainable)
            self.trainable_check.blockSignals(False)
            self.form.setRowVisible(self.trainable_check, has_weights or not node.trainable)
        shape = info.output_shape if info is not None else None
        lines = [self.tr("Output shape: %s") % format_shape(shape)]
        if info is not None:
            lines.append(self.tr("Parameters: %s") % format_count(info.params))
            lines.append(self.tr("Multiply-adds per sample: %s") % format_count(info.macs))
        self.stats.setText("\n".join(lines))
        self.stats.show()
        self._show_issues(analysis.issues_for(self.node_id) if analysis else [])

    def _show_issues(self, issues: list[Any]) -> None:
        while self.issues_layout.count():
            item = self.issues_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of the layout at once; deleted when the loop comes round
                widget.deleteLater()
        self.fix_buttons = []
        for issue in issues:
            row = QFrame()
            row.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(row)
            box.setContentsMargins(6, 6, 6, 6)
            message = QLabel(f"{issue_mark(issue.severity)} {engine_text(issue.message)}")
            message.setWordWrap(True)
            message.setObjectName("issue")
            colour = issue_colour(self.palette(), issue.severity)
            message.setStyleSheet(f"color: {colour.name()};")
            box.addWidget(message)
            if issue.fix is not None:
                button = QPushButton(self.tr("Fix: %s") % engine_text(issue.fix.label))
                button.clicked.connect(lambda _c=False, i=issue: self._actions.apply_fix(i))
                self.fix_buttons.append(button)
                line = QHBoxLayout()
                line.addStretch(1)
                line.addWidget(button)
                box.addLayout(line)
            self.issues_layout.addWidget(row)
        self.issues_host.setVisible(bool(issues))

    # --- edits -----------------------------------------------------------------------------

    def _on_commit(self, key: str, value: Any) -> None:
        if self.node_id is None:
            return
        graph = self._actions.graph
        if graph.nodes[self.node_id].params.get(key) == value:
            return
        error = self._actions.set_param(self.node_id, key, value)
        self._show_refusal(error)
        self.refresh()  # on refusal this puts the graph's value back into the editor

    def _on_trainable_toggled(self, checked: bool) -> None:
        if self.node_id is None:
            return
        self._actions.set_trainable(self.node_id, checked)
        self.refresh()

    def _retranslate_trainable(self) -> None:
        self.trainable_check.setAccessibleName(self.tr("Trainable"))
        self.trainable_check.setToolTip(
            self.tr(
                "Off: the layer is frozen. Training leaves its weights as they are (transfer "
                "learning: keep what a trained network learned) and it runs as at inference."
            )
        )

    def _on_name_edited(self) -> None:
        if self.node_id is None:
            return
        name = self.name_edit.text().strip()
        if name == self._actions.graph.nodes[self.node_id].name:
            return
        error = self._actions.rename_node(self.node_id, name)
        self._show_refusal(error)
        if error:
            self.name_edit.setText(self._actions.graph.nodes[self.node_id].name)

    def _show_refusal(self, error: str | None) -> None:
        if error:
            colour = error_colour(self.palette()).name()
            self.refusal.setStyleSheet(f"QLabel#refusal {{ color: {colour}; font-weight: bold; }}")
            self.refusal.setText(f"⚠ {error}")
            self.refusal.show()
        else:
            self.refusal.hide()


def _typed(combo: QComboBox) -> Any:
    """An editable choice's value: a listed choice by its key (its text may be translated),
    anything typed as it is (padding also takes a pixel count)."""
    index = combo.findText(combo.currentText())
    return combo.itemData(index) if index >= 0 else combo.currentText()
