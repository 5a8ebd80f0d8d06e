"""The start page: new from a template (with a picture of each), recent projects, open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine import TEMPLATES, make_template
from gui.editor.thumbnail import render_graph
from gui.i18n import localized
from gui.widgets.layout import scrolled

THUMB = QSize(220, 150)
_COLUMNS = 3


class StartPage(QWidget):
    sig_template_chosen = Signal(str)
    sig_open_path = Signal(str)
    sig_open_default = Signal()
    sig_open_dialog = Signal()

    def __init__(self, recent_paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent: list[str] = []
        self.template_buttons: dict[str, QToolButton] = {}

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        # Left: templates as picture cards.
        cards = QWidget()
        grid = QGridLayout(cards)
        grid.setSpacing(12)
        for i, template_id in enumerate(TEMPLATES):
            button = self._card(template_id)
            self.template_buttons[template_id] = button
            grid.addWidget(button, i // _COLUMNS, i % _COLUMNS)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = scrolled(cards, frame=False)
        self.templates_heading = _heading()
        left = QVBoxLayout()
        left.addWidget(self.templates_heading)
        left.addWidget(scroll, 1)

        # Right: open and recent.
        self.default_button = QPushButton()
        self.default_button.clicked.connect(self.sig_open_default)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.sig_open_dialog)
        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.no_recent = QLabel()
        self.no_recent.setEnabled(False)
        self.open_heading = _heading()
        self.recent_heading = _heading()
        right = QVBoxLayout()
        right.addWidget(self.open_heading)
        right.addWidget(self.default_button)
        right.addWidget(self.open_button)
        right.addSpacing(12)
        right.addWidget(self.recent_heading)
        right.addWidget(self.no_recent)
        right.addWidget(self.recent_list, 10)
        right.addStretch(1)  # keeps the column at the top while the list is hidden

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addSpacing(16)
        outer.addLayout(columns, 1)
        self._retranslate()
        self.set_recent(recent_paths)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("NetCanvas"))
        self.subtitle.setText(
            self.tr("Build a neural network by dragging layers, train it, see what it learned.")
        )
        self.templates_heading.setText(self.tr("New from a template"))
        self.open_heading.setText(self.tr("Open"))
        self.recent_heading.setText(self.tr("Recent projects"))
        self.default_button.setText(self.tr("Open the default project"))
        self.default_button.setToolTip(
            self.tr("The digit-recognition CNN with 5 000 bundled MNIST images, ready to train.")
        )
        self.open_button.setText(self.tr("Open…"))
        self.recent_list.setAccessibleName(self.tr("Recent projects"))
        self.no_recent.setText(self.tr("No recent projects yet."))
        unavailable = self.tr("preview unavailable")
        for template_id, button in self.template_buttons.items():
            template = TEMPLATES[template_id]
            title = localized(template.title_en, template.title_zh)
            description = localized(template.description_en, template.description_zh)
            if button.icon().isNull():
                title = f"{title}\n({unavailable})"
            button.setText(title)
            button.setToolTip(f"<b>{title}</b><br>{description}")
            button.setAccessibleName(title)
            button.setAccessibleDescription(description)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.set_recent(self._recent)
        super().changeEvent(event)

    def _card(self, template_id: str) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(THUMB)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        try:
            pixmap = render_graph(make_template(template_id), THUMB.width(), THUMB.height())
            button.setIcon(QIcon(pixmap))
        except Exception:  # a broken template must not take the start page down with it
            pass  # the card then says "preview unavailable"
        button.clicked.connect(lambda _c=False, t=template_id: self.sig_template_chosen.emit(t))
        return button

    def set_recent(self, paths: list[str]) -> None:
        self._recent = list(paths)
        self.recent_list.clear()
        for path in paths:
            p = Path(path)
            item = QListWidgetItem(p.stem or path)
            item.setToolTip(str(p))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            if not p.exists():
                item.setText(self.tr("%s (missing)") % (p.stem or path))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        self.no_recent.setVisible(not paths)
        self.recent_list.setVisible(bool(paths))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.sig_open_path.emit(str(item.data(Qt.ItemDataRole.UserRole)))


def _heading() -> QLabel:
    label = QLabel()
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    return label
