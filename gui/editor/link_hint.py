"""LinkHint: the note beside the cursor while a connection is dragged (why it is refused)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from gui.editor.style import draw_warning_sign, error_colour, palette

_PAD = 6.0
_SIGN = 14.0
MAX_WIDTH = 300.0


class LinkHint(QGraphicsTextItem):
    """Wrapped text on a tool-tip coloured card with an error outline and a warning sign.

    It ignores the view's zoom so it stays legible however far the canvas is zoomed out.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(11)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setTextWidth(MAX_WIDTH)
        self.document().setDocumentMargin(_PAD)

    def text(self) -> str:
        return self.toPlainText()

    def show_message(self, message: str, at: QPointF) -> None:
        pal = palette()
        self.setDefaultTextColor(pal.color(QPalette.ColorRole.ToolTipText))
        self.setPlainText(message)
        self.setTextWidth(-1)
        if self.document().idealWidth() > MAX_WIDTH:
            self.setTextWidth(MAX_WIDTH)
        self.setPos(at)
        self.setVisible(True)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-_SIGN - 4, 0, 0, 0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pal = palette()
        err = error_colour(pal)
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(err, 1.5))
        painter.setBrush(pal.color(QPalette.ColorRole.ToolTipBase))
        painter.drawRoundedRect(rect, 6, 6)
        sign = QPointF(rect.left() + _PAD + _SIGN / 2, rect.top() + _PAD + _SIGN / 2 + 2)
        draw_warning_sign(painter, sign, _SIGN, err)
        painter.setPen(Qt.PenStyle.NoPen)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # None is fine
