"""A table's columns in the Data pane: the target, the columns the features use (each with its
kind and missing count), and the leaks the engine found, each dropped with one click.

Widgets only: the pane turns ``sig_changed`` into a load with the ``target`` and ``drop``
options, and the engine (engine/data/columns.py) decides kinds and leaks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import engine_text
from gui.widgets.colours import WARN_COLOUR


class ColumnsBox(QGroupBox):
    """The target column and the feature columns of a table read from a file."""

    COL_USE, COL_KIND, COL_MISSING = 0, 1, 2
    sig_changed = Signal(str, list)  # the target, the dropped columns: the user changed them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Columns"), parent)
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The column the network learns to predict"))
        self.target.activated.connect(self._on_edited)  # the user's choice, never our own
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Use"), self.tr("Kind"), self.tr("Missing")])
        self.table.setToolTip(self.tr("Untick a column to leave it out of the features"))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            self.COL_USE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(160)
        self.table.itemChanged.connect(self._on_item_changed)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Target"), self.target)
        layout.addRow(self.table)
        self._filling = False
        self.setVisible(False)

    def show_dataset(self, dataset: Any) -> None:
        """Show ``dataset``'s columns (hidden for anything but a table read from a file)."""
        columns = list(getattr(dataset, "columns", None) or [])
        self.setVisible(bool(columns))
        self._filling = True
        self.target.clear()
        self.table.setRowCount(len(columns))
        kinds = {
            "numeric": self.tr("numeric"),
            "categorical": self.tr("categorical"),
            "text": self.tr("text"),
            "id": self.tr("id-like"),
        }
        for row, column in enumerate(columns):
            self.target.addItem(column.name)
            use = QTableWidgetItem(column.name)
            is_target = column.name == dataset.target
            use.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | (Qt.ItemFlag.NoItemFlags if is_target else Qt.ItemFlag.ItemIsUserCheckable)
            )
            if not is_target:
                kept = column.name not in dataset.dropped
                use.setCheckState(Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
            else:
                use.setText(self.tr("{0} (target)").format(column.name))
            use.setData(Qt.ItemDataRole.UserRole, column.name)
            self.table.setItem(row, self.COL_USE, use)
            self.table.setItem(row, self.COL_KIND, QTableWidgetItem(kinds[column.kind]))
            missing = QTableWidgetItem(str(column.missing))
            missing.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, self.COL_MISSING, missing)
        if columns:
            self.target.setCurrentText(dataset.target)
        self.table.resizeColumnToContents(self.COL_KIND)
        self.table.resizeColumnToContents(self.COL_MISSING)
        self._filling = False

    def dropped(self) -> list[str]:
        """The unticked columns, in the file's order."""
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.COL_USE)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and (
                item.checkState() == Qt.CheckState.Unchecked
            ):
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def set_used(self, column: str, used: bool) -> None:
        """Tick or untick ``column`` as a click would (sig_changed follows)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.COL_USE)
            if item.data(Qt.ItemDataRole.UserRole) == column:
                item.setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == self.COL_USE:
            self._on_edited()

    def _on_edited(self) -> None:
        target = self.target.currentText()
        self.sig_changed.emit(target, [c for c in self.dropped() if c != target])


class LeakWarnings(QWidget):
    """The features that give the target away, with the evidence and a Drop button each."""

    sig_drop = Signal(str)  # the column to leave out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.setVisible(False)

    def show_dataset(self, dataset: Any) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        leaks = list(getattr(dataset, "leaks", None) or [])
        for leak in leaks:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(self.tr("Leak: {0}").format(engine_text(leak.evidence)))
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {WARN_COLOUR};")
            button = QPushButton(self.tr("Drop '{0}'").format(leak.column))
            button.setToolTip(self.tr("Leave this column out of the features and reload"))
            button.clicked.connect(lambda _=False, column=leak.column: self.sig_drop.emit(column))
            line.addWidget(label, 1)
            line.addWidget(button)
            self._layout.addWidget(row)
            self.buttons[leak.column] = button
        self.setVisible(bool(leaks))
