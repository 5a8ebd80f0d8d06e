"""A picture of a graph for start-page cards: layers as coloured pills, wrapped into columns.

A canvas rendering of a long chain is a thin unreadable strip at card size, so the thumbnail
draws its own schematic: the same top-to-bottom layering as the tidy layout, folded into as
many columns as suit the card's shape.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap

from engine import layer_spec
from gui.editor.layout import tidy_positions
from gui.editor.style import is_dark, palette
from gui.i18n import localized
from gui.icons import category_colour

if TYPE_CHECKING:
    from engine import Graph

PILL_W, PILL_H = 92.0, 20.0
ROW_H, COL_GAP, BRANCH_GAP = 30.0, 26.0, 8.0


def render_graph(graph: Graph, width: int, height: int, ratio: float = 2.0) -> QPixmap:
    """A schematic picture of ``graph`` fitted into width×height logical pixels."""
    pal = palette()
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(pal.color(QPalette.ColorRole.Base))
    if not graph.nodes:
        return pixmap
    pos = tidy_positions(graph.nodes, [(e.src, e.dst) for e in graph.edges])
    rows = sorted({y for _x, y in pos.values()})
    row_of = {nid: rows.index(y) for nid, (_x, y) in pos.items()}
    lanes = {nid: x for nid, (x, _y) in pos.items()}
    lane_values = sorted(set(lanes.values()))
    lane_index = {nid: lane_values.index(x) for nid, x in lanes.items()}
    n_lanes = len(lane_values)
    col_w = n_lanes * PILL_W + (n_lanes - 1) * BRANCH_GAP
    # Fold the layers into the number of columns whose shape is closest to the card's.
    target = width / height
    per_col = min(
        range(1, len(rows) + 1),
        key=lambda r: abs(
            math.log((math.ceil(len(rows) / r) * (col_w + COL_GAP)) / (r * ROW_H) / target)
        ),
    )
    centre: dict[str, QPointF] = {}
    for nid in graph.nodes:
        col, row = divmod(row_of[nid], per_col)
        x = col * (col_w + COL_GAP) + lane_index[nid] * (PILL_W + BRANCH_GAP) + PILL_W / 2
        centre[nid] = QPointF(x, row * ROW_H + PILL_H / 2)
    bounds = QRectF()
    for c in centre.values():
        bounds = bounds.united(QRectF(c.x() - PILL_W / 2, c.y() - PILL_H / 2, PILL_W, PILL_H))
    bounds.adjust(-8, -8, 8, 8)
    scale = min(width / bounds.width(), height / bounds.height())

    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate((width - bounds.width() * scale) / 2, (height - bounds.height() * scale) / 2)
    painter.scale(scale, scale)
    painter.translate(-bounds.topLeft())
    line = QColor(pal.color(QPalette.ColorRole.Text))
    line.setAlpha(120)
    faint = QColor(line)
    faint.setAlpha(60)
    for e in graph.edges:
        a = centre[e.src] + QPointF(0, PILL_H / 2)
        b = centre[e.dst] - QPointF(0, PILL_H / 2)
        path = QPainterPath(a)
        if b.y() > a.y():
            bend = max(8.0, (b.y() - a.y()) / 2)
            path.cubicTo(a + QPointF(0, bend), b - QPointF(0, bend), b)
            painter.setPen(QPen(line, 1.3))
        else:  # the chain continues at the top of the next column
            path.cubicTo(a + QPointF(COL_GAP, 6), b - QPointF(COL_GAP, 6), b)
            painter.setPen(QPen(faint, 1.1, Qt.PenStyle.DashLine))
        painter.drawPath(path)
    font = QFont(painter.font())
    font.setPointSizeF(7.5)
    font.setBold(True)
    painter.setFont(font)
    dark = is_dark(pal)
    for nid, node in graph.nodes.items():
        spec = layer_spec(node.type)
        accent = category_colour(spec.category)
        fill = QColor(accent)
        fill.setAlpha(90 if dark else 55)
        rect = QRectF(centre[nid].x() - PILL_W / 2, centre[nid].y() - PILL_H / 2, PILL_W, PILL_H)
        painter.setPen(QPen(accent, 1.2))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignCenter, localized(spec.title_en, spec.title_zh)
        )
    painter.end()
    return pixmap
