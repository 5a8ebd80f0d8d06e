"""Layer icons, drawn with QPainter so they stay crisp at any scale and follow the palette.

Each category has an accent colour and a glyph that hints at what the layer does (a grid with a
kernel for convolution, a hinge for ReLU, a loop for recurrent layers, ...). Icons are cached.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from engine import CATEGORY_COLOURS, FALLBACK_COLOUR


def category_colour(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, FALLBACK_COLOUR))


def layer_icon(layer_type: str, category: str, size: int = 32) -> QIcon:
    """The icon of a layer type (``category`` picks colour and glyph when the type has none)."""
    return QIcon(layer_pixmap(layer_type, category, size))


@cache
def layer_pixmap(layer_type: str, category: str, size: int = 32) -> QPixmap:
    ratio = 2.0  # drawn at twice the size so it stays sharp on high-DPI screens
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = category_colour(category)
    rect = QRectF(1, 1, size - 2, size - 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    pen = QPen(QColor("white"), max(1.5, size / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.scale(size / 32, size / 32)  # glyphs are drawn on a 32×32 grid
    _draw_glyph(painter, layer_type, category)
    painter.end()
    return pixmap


def _path(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    return path


def _draw_glyph(p: QPainter, layer_type: str, category: str) -> None:
    t = layer_type.lower()
    if t == "input":
        p.drawPath(_path([(7, 16), (20, 16)]))
        p.drawPath(_path([(15, 11), (20, 16), (15, 21)]))
        p.drawRect(QRectF(21, 9, 4, 14))
    elif t == "output":
        p.drawEllipse(QPointF(16, 16), 9, 9)
        p.drawEllipse(QPointF(16, 16), 4, 4)
    elif t == "flatten" or t == "reshape":
        p.drawRect(QRectF(7, 7, 8, 8))
        p.drawPath(_path([(18, 11), (22, 11)]))
        for y in (7, 12, 17, 22):
            p.drawPoint(QPointF(25, y + 1))
    elif t == "swapaxes":  # a tall block turned on its side
        p.drawRect(QRectF(7, 7, 5, 13))
        p.drawRect(QRectF(12, 20, 13, 5))
        p.drawPath(_path([(16, 9), (22, 9), (22, 15)]))
        p.drawPath(_path([(19.5, 12.5), (22, 15), (24.5, 12.5)]))
    elif t == "embedding":
        p.drawText(QRectF(4, 4, 24, 24), Qt.AlignmentFlag.AlignCenter, "ab")
    elif category == "core":  # dense: three inputs fully connected to two outputs
        for y1 in (9, 16, 23):
            for y2 in (12, 20):
                p.drawLine(QPointF(9, y1), QPointF(23, y2))
    elif category == "conv":
        for i in range(4):
            p.drawLine(QPointF(7 + i * 6, 7), QPointF(7 + i * 6, 25))
            p.drawLine(QPointF(7, 7 + i * 6), QPointF(25, 7 + i * 6))
        p.fillRect(QRectF(7, 7, 12, 12), QColor(255, 255, 255, 150))
    elif category == "pool":
        for x, y in ((6, 6), (13, 6), (6, 13), (13, 13)):
            p.drawRect(QRectF(x, y, 5, 5))
        p.drawPath(_path([(20, 16), (25, 21)]))
        p.fillRect(QRectF(22, 22, 5, 5), QColor("white"))
    elif t == "positionalembedding":  # a sine wave: a code for each position
        path = QPainterPath(QPointF(5, 16))
        path.cubicTo(QPointF(9, 5), QPointF(12, 5), QPointF(16, 16))
        path.cubicTo(QPointF(20, 27), QPointF(23, 27), QPointF(27, 16))
        p.drawPath(path)
    elif t == "transformerblock":  # two stacked sub-layers and the residual path around them
        p.drawRect(QRectF(7, 6, 12, 8))
        p.drawRect(QRectF(7, 18, 12, 8))
        p.drawPath(_path([(13, 2), (24, 2), (24, 30), (13, 30)]))
    elif category == "attention":  # one position weighing all the others, arcs of the mix
        for y in (8, 16, 24):
            p.drawEllipse(QPointF(24, y), 1.8, 1.8)
            path = QPainterPath(QPointF(8, 16))
            path.quadTo(QPointF(15, y), QPointF(22, y))
            p.drawPath(path)
        p.drawEllipse(QPointF(8, 16), 2.5, 2.5)
    elif category == "recurrent":
        path = QPainterPath()
        path.arcMoveTo(QRectF(8, 8, 16, 16), 60)
        path.arcTo(QRectF(8, 8, 16, 16), 60, 300)
        p.drawPath(path)
        p.drawPath(_path([(22, 6), (23, 11), (18, 12)]))
    elif t.startswith("dropout"):
        for i, (x, y) in enumerate(((9, 9), (16, 9), (23, 9), (9, 16), (16, 16), (23, 16))):
            if i in (1, 3):
                p.drawLine(QPointF(x - 2, y - 2), QPointF(x + 2, y + 2))
                p.drawLine(QPointF(x - 2, y + 2), QPointF(x + 2, y - 2))
            else:
                p.drawEllipse(QPointF(x, y), 1.5, 1.5)
        p.drawLine(QPointF(7, 24), QPointF(25, 24))
    elif category == "norm":  # a bell curve
        path = QPainterPath(QPointF(5, 24))
        path.cubicTo(QPointF(12, 24), QPointF(12, 7), QPointF(16, 7))
        path.cubicTo(QPointF(20, 7), QPointF(20, 24), QPointF(27, 24))
        p.drawPath(path)
    elif category == "activation":
        _draw_activation(p, t)
    elif category == "merge":
        p.drawPath(_path([(7, 8), (16, 16), (7, 24)]))
        p.drawPath(_path([(16, 16), (26, 16)]))
        p.drawText(QRectF(17, 4, 10, 10), Qt.AlignmentFlag.AlignCenter, "+" if t == "add" else "‖")
    else:
        p.drawEllipse(QPointF(16, 16), 6, 6)


def _draw_activation(p: QPainter, t: str) -> None:
    p.save()
    axis = QPen(QColor(255, 255, 255, 110), 1.0)
    p.setPen(axis)
    p.drawLine(QPointF(5, 20), QPointF(27, 20))
    p.drawLine(QPointF(16, 5), QPointF(16, 27))
    p.restore()
    if t in ("relu", "leakyrelu", "elu", "gelu", "silu"):
        left = {"relu": 20, "leakyrelu": 22, "elu": 23, "gelu": 21, "silu": 21}[t]
        p.drawPath(_path([(5, left), (16, 20), (27, 8)]))
    elif t in ("sigmoid", "tanh", "softmax"):
        low = 24 if t == "tanh" else 20
        path = QPainterPath(QPointF(5, low))
        path.cubicTo(QPointF(15, low), QPointF(17, 8), QPointF(27, 8))
        p.drawPath(path)
    else:
        p.drawPath(_path([(5, 24), (27, 8)]))
