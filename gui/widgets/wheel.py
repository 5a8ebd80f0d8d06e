"""Wheel-safe forms: a spin box, combo box or slider changes on the wheel only when it has focus.

Every settings column scrolls; scrolling it over an unfocused field used to change the field
instead (0.001 became 0.00098 in the learning-rate box, in every lab). A guarded field passes
the wheel to the scroll area around it, which scrolls; once clicked or tabbed into, the field
takes the wheel as usual. Scroll bars (sliders too) are never guarded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        event.ignore()
        return True


_guard: _WheelGuard | None = None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def wheel_safe(*widgets: QWidget) -> None:
    """Guard these fields: the wheel reaches them only while they have focus (which the wheel
    itself never gives)."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    for widget in widgets:
        if isinstance(widget, QScrollBar) or not isinstance(widget, GUARDED):
            continue
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_guard)  # installing twice keeps one filter


def wheel_safe_children(root: QWidget) -> None:
    """Guard every spin box, combo box and slider under ``root`` (call after building it)."""
    for kind in GUARDED:
        wheel_safe(*root.findChildren(kind))
