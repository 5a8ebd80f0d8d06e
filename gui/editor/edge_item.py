"""EdgeItem: the canvas view of one engine ``Edge`` — a curve from an output port to an input
port, labelled with the tensor shape that flows along it."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from gui.editor._text import format_shape
from gui.editor.node_item import LOD_TEXT, PORT_R, NodeItem
from gui.editor.style import palette


@cache
def label_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(7.5)
    font.setFamily("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


@cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(label_font())


class EdgeItem(QGraphicsItem):
    """The view of one engine ``Edge``: a curve from an output port to an input port, labelled
    with the tensor shape that flows along it."""

    def __init__(self, edge: Any, src: NodeItem, dst: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.src = src
        self.dst = dst
        self.dst_id = dst.node_id
        self.dst_port = int(edge.dst_port)
        self._label = ""
        self._shape: tuple[int, ...] | None = None
        self._path = QPainterPath()
        self._label_box = QRectF()
        self._bounds = QRectF()
        self._drop_target = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        src.edges.add(self)
        dst.edges.add(self)
        dst.update_ports()
        self.update_path()

    def detach(self) -> None:
        self.src.edges.discard(self)
        self.dst.edges.discard(self)
        self.dst.update_ports()

    @property
    def label(self) -> str:
        return self._label

    def set_shape(self, shape: Any) -> None:
        """Label the edge with the shape its source produces (blank while unknown)."""
        if shape is not None and not isinstance(shape, tuple):
            shape = tuple(shape)
        if shape != self._shape:
            self._shape = shape
            self.set_label(format_shape(shape) if shape is not None else "")

    def set_label(self, text: str) -> None:
        if text != self._label:
            self.prepareGeometryChange()
            self._label = text
            self._place_label()
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.update()

    def update_path(self) -> None:
        a = self.src.output_port_scene()
        b = self.dst.input_port_scene(self.dst_port)
        dy = max(40.0, abs(b.y() - a.y()) * 0.5)
        path = QPainterPath(a)
        path.cubicTo(QPointF(a.x(), a.y() + dy), QPointF(b.x(), b.y() - dy), b)
        self.prepareGeometryChange()
        self._path = path
        self._place_label()

    def path(self) -> QPainterPath:
        return self._path

    def _place_label(self) -> None:
        """Work out the label's box once per change, not on every paint or hit test."""
        rect = QRectF()
        if self._label:
            fm = _label_metrics()
            w = fm.horizontalAdvance(self._label) + 12
            h = fm.height() + 4
            mid = self._path.pointAtPercent(0.5)
            rect = QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h)
        self._label_box = rect
        self._bounds = self._path.boundingRect().adjusted(-6, -6, 6, 6).united(rect)

    def _label_rect(self) -> QRectF:
        return self._label_box

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        shape = stroker.createStroke(self._path)
        shape.addRect(self._label_box)
        return shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pal = palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or self._drop_target:
            colour = pal.color(QPalette.ColorRole.Highlight)
            width = 3.0
        else:
            colour = QColor(pal.color(QPalette.ColorRole.Text))
            colour.setAlpha(140)
            width = 1.8
        pen = QPen(colour, width)
        if self._drop_target:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            return  # zoomed far out: labels would be unreadable specks
        # Arrow head at the input port.
        end = self._path.pointAtPercent(1.0)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(end.x(), end.y() - PORT_R),
                    QPointF(end.x() - 4.5, end.y() - PORT_R - 8),
                    QPointF(end.x() + 4.5, end.y() - PORT_R - 8),
                ]
            )
        )
        if self._label:
            rect = self._label_rect()
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(QBrush(pal.color(QPalette.ColorRole.Window)))
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setFont(label_font())
            painter.setPen(pal.color(QPalette.ColorRole.Text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._label)
