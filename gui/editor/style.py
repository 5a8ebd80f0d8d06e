"""Colours and marks shared by the canvas items, taken from the application palette so light
and dark themes both read well; errors pair colour with a sign, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QApplication


def palette() -> QPalette:
    return QApplication.palette()


def is_dark(pal: QPalette) -> bool:
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def error_colour(pal: QPalette) -> QColor:
    return QColor("#ff6b6b") if is_dark(pal) else QColor("#c62828")


def warning_colour(pal: QPalette) -> QColor:
    return QColor("#ffb74d") if is_dark(pal) else QColor("#a15c00")


def draw_warning_sign(painter: QPainter, centre: QPointF, size: float, colour: QColor) -> None:
    """A filled triangle with '!': the error state never relies on colour alone."""
    h = size * 0.9
    tri = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - h / 2),
            QPointF(centre.x() + size / 2, centre.y() + h / 2),
            QPointF(centre.x() - size / 2, centre.y() + h / 2),
        ]
    )
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(tri)
    painter.setPen(QPen(QColor("white"), max(1.2, size / 9)))
    painter.drawLine(
        QPointF(centre.x(), centre.y() - h * 0.18), QPointF(centre.x(), centre.y() + h * 0.16)
    )
    painter.drawPoint(QPointF(centre.x(), centre.y() + h * 0.32))
    painter.restore()
