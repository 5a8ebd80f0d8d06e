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


def issue_colour(pal: QPalette, severity: str) -> QColor:
    return error_colour(pal) if severity == "error" else warning_colour(pal)


def issue_mark(severity: str) -> str:
    """The text mark of an issue. Errors and warnings differ in shape as well as colour, for
    readers who cannot tell red from amber."""
    return "✖" if severity == "error" else "⚠"


def draw_issue_sign(
    painter: QPainter, centre: QPointF, size: float, colour: QColor, severity: str
) -> None:
    """An error's filled circle with a white ×, or a warning's triangle with '!'."""
    if severity != "error":
        draw_warning_sign(painter, centre, size, colour)
        return
    radius = size * 0.45
    arm = radius * 0.42
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, radius, radius)
    cross = QPen(QColor("white"), max(1.2, size / 9))
    cross.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(cross)
    x, y = centre.x(), centre.y()
    painter.drawLine(QPointF(x - arm, y - arm), QPointF(x + arm, y + arm))
    painter.drawLine(QPointF(x - arm, y + arm), QPointF(x + arm, y - arm))
    painter.restore()


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
