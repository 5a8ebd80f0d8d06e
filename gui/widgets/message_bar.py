"""The message bar at the top of a pane: what happened and what to do next, always in view
(a message at the end of a scrolled column goes unseen on a 1366×768 screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from gui.widgets.colours import OKABE_ITO, WARN_COLOUR

# Each level has its own mark as well as its colour: the bar never relies on colour alone.
LEVELS = {
    "info": ("ℹ", OKABE_ITO["sky"]),
    "success": ("✔", OKABE_ITO["green"]),
    "warning": ("⚠", OKABE_ITO["orange"]),
    "error": ("✖", WARN_COLOUR),
}


class MessageBar(QFrame):
    """One message with its level's mark, an optional action button and ×; hidden when empty.

    ``action_button`` is the pane's to connect (once); ``show_message`` decides whether it is
    offered with this message.
    """

    def __init__(self, action_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.mark = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(action_text)
        self.action_button.setVisible(False)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self.setVisible(False)

    def show_message(self, text: str, level: str = "info", with_action: bool = False) -> None:
        """Show ``text`` at ``level`` (info, success, warning, error); empty text hides the bar."""
        if not text:
            self.clear()
            return
        mark, colour = LEVELS[level]
        self.level = level
        self.mark.setText(mark)
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.label.setText(text)
        self.setStyleSheet(
            f"#messageBar {{ border: 1px solid {colour}; border-left: 4px solid {colour};"
            " border-radius: 3px; }"
        )
        self.action_button.setVisible(with_action)
        self.setVisible(True)

    def clear(self) -> None:
        self.level = ""
        self.label.setText("")
        self.action_button.setVisible(False)
        self.setVisible(False)
