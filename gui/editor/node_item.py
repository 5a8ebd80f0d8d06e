"""NodeItem: the canvas view of one engine ``Node``.

It draws the node's name, type and key parameters, its output shape and its issues; it never
changes the graph. The scene turns gestures into undo commands and pushes the graph's answers
back into the item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from engine import layer_spec
from gui.editor._text import format_shape, tr
from gui.editor.style import (
    draw_issue_sign,
    error_colour,
    is_dark,
    issue_colour,
    issue_mark,
    palette,
)
from gui.i18n import engine_text, localized
from gui.icons import category_colour, layer_pixmap

if TYPE_CHECKING:
    from engine import Node
    from gui.editor.edge_item import EdgeItem

NODE_WIDTH = 200.0
HEADER_H = 30.0
LINE_H = 18.0
PORT_R = 6.0
PORT_HIT = 11.0  # how close (scene px) a press must be to a port to start a connection
LOD_TEXT = 0.35  # below this zoom, items skip their text


class NodeItem(QGraphicsItem):
    """The view of one engine ``Node``. Its local origin is the top centre (the node's pos)."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node_id = node.id
        self.edges: set[EdgeItem] = set()
        self._spec = layer_spec(node.type)
        self._name = str(node.name)
        self._params: dict[str, Any] = dict(node.params)
        self._trainable = bool(node.trainable)
        self._shape: tuple[int, ...] | None = None
        self._issues: list[tuple[str, str]] = []  # (message, "error" | "warning")
        self._in_ports = 0
        self._height = HEADER_H + 2 * LINE_H + 6
        self._syncing = False  # True while the graph moves us, so no move command is pushed
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        # Painting text is the costly part; cache the rendered node until its content changes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)
        self.setPos(QPointF(*node.pos))
        self._update_ports(-1)
        self._relayout()

    # --- data from the graph -------------------------------------------------------------

    @property
    def layer_type(self) -> str:
        return str(self._spec.type)

    @property
    def name(self) -> str:
        return self._name

    @property
    def output_shape(self) -> tuple[int, ...] | None:
        return self._shape

    @property
    def issues(self) -> list[str]:
        return [message for message, _severity in self._issues]

    @property
    def frozen(self) -> bool:
        return not self._trainable

    @property
    def has_error(self) -> bool:
        return any(severity == "error" for _m, severity in self._issues)

    def set_name(self, name: str) -> None:
        self._name = name
        self._refresh()

    def set_params(self, params: dict[str, Any]) -> None:
        self._params = dict(params)
        self._refresh()

    def set_trainable(self, trainable: bool) -> None:
        self._trainable = bool(trainable)
        self._refresh()

    def set_analysis(self, shape: tuple[int, ...] | None, issues: list[tuple[str, str]]) -> bool:
        """Show the analysis result; returns whether anything visible changed."""
        if shape is not None and not isinstance(shape, tuple):
            shape = tuple(shape)
        if shape == self._shape and issues == self._issues:
            return False
        self._shape = shape
        self._issues = list(issues)
        self._refresh()
        return True

    def set_graph_pos(self, x: float, y: float) -> None:
        if (self.pos().x(), self.pos().y()) != (x, y):
            self._syncing = True
            try:
                self.setPos(x, y)
            finally:
                self._syncing = False

    def _update_ports(self, used_max_port: int) -> None:
        spec = self._spec
        if spec.max_inputs == 0:
            count = 0
        elif spec.max_inputs == 1:
            count = 1
        else:
            # Variadic merges show one spare port beyond those in use.
            count = max(spec.min_inputs, used_max_port + 2)
            if spec.max_inputs is not None:
                count = min(count, spec.max_inputs)
        if count != self._in_ports:
            self.prepareGeometryChange()
            self._in_ports = count
            for edge in self.edges:  # the ports spread out again: move the edge ends
                edge.update_path()

    def update_ports(self) -> None:
        used = [e.dst_port for e in self.edges if e.dst_id == self.node_id]
        self._update_ports(max(used) if used else -1)
        self.update()

    def retranslate(self) -> None:
        """Layer titles and tooltips follow an interface language switch."""
        self._refresh()

    def _refresh(self) -> None:
        self._relayout()
        self.setToolTip(self._tooltip())
        self.update()

    def _relayout(self) -> None:
        height = HEADER_H + 2 * LINE_H + 6
        if self._issues:
            height += LINE_H * min(2, len(self._issues)) + 4
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height
            for edge in self.edges:
                edge.update_path()

    def _tooltip(self) -> str:
        spec = self._spec
        lines = [f"<b>{self._name}</b> — {localized(spec.title_en, spec.title_zh)}"]
        lines.append(localized(spec.explain_en, spec.explain_zh))
        if spec.formula:
            lines.append(f"<code>{spec.formula}</code>")
        lines.append(tr("Output: %s") % format_shape(self._shape))
        if self.frozen:
            lines.append(tr("Frozen: training leaves this layer's weights as they are."))
        for message, severity in self._issues:
            lines.append(f"{issue_mark(severity)} {engine_text(message)}")
        return "<br>".join(lines)

    # --- geometry --------------------------------------------------------------------------

    def rect(self) -> QRectF:
        return QRectF(-NODE_WIDTH / 2, 0, NODE_WIDTH, self._height)

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-4, -PORT_R - 2, 4, PORT_R + 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # ports overlap the body: keep the union
        path.addRoundedRect(self.rect(), 8, 8)
        for i in range(self._in_ports):
            path.addEllipse(self.input_port_local(i), PORT_R + 2, PORT_R + 2)
        if self.has_output():
            path.addEllipse(self.output_port_local(), PORT_R + 2, PORT_R + 2)
        return path

    def has_output(self) -> bool:
        return bool(self._spec.type != "Output")

    @property
    def in_port_count(self) -> int:
        return self._in_ports

    def input_port_local(self, port: int) -> QPointF:
        n = max(1, self._in_ports)
        if n == 1:
            return QPointF(0, 0)
        span = NODE_WIDTH * 0.6
        return QPointF(-span / 2 + span * port / (n - 1), 0)

    def output_port_local(self) -> QPointF:
        return QPointF(0, self._height)

    def input_port_scene(self, port: int) -> QPointF:
        return self.mapToScene(self.input_port_local(min(port, max(0, self._in_ports - 1))))

    def output_port_scene(self) -> QPointF:
        return self.mapToScene(self.output_port_local())

    def port_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        """("in", port) or ("out", 0) when ``scene_pos`` is on one of this node's ports."""
        local = self.mapFromScene(scene_pos)
        if self.has_output():
            d = local - self.output_port_local()
            if d.x() ** 2 + d.y() ** 2 <= PORT_HIT**2:
                return ("out", 0)
        for i in range(self._in_ports):
            d = local - self.input_port_local(i)
            if d.x() ** 2 + d.y() ** 2 <= PORT_HIT**2:
                return ("in", i)
        return None

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.update_path()
            scene = self.scene()
            if scene is not None and not self._syncing:
                scene.node_item_moved(self)  # type: ignore[attr-defined]
        return super().itemChange(change, value)

    # --- painting --------------------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pal = palette()
        dark = is_dark(pal)
        rect = self.rect()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = category_colour(self._spec.category)
        err = error_colour(pal)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # Body: the palette's base colour, so light and dark themes both read well.
        body = pal.color(QPalette.ColorRole.Base)
        painter.setPen(Qt.PenStyle.NoPen)
        shadow = QColor(0, 0, 0, 70 if dark else 35)
        painter.setBrush(shadow)
        painter.drawRoundedRect(rect.translated(0, 2), 8, 8)
        painter.setBrush(body)
        painter.drawRoundedRect(rect, 8, 8)

        # Header band tinted with the category colour.
        header = QPainterPath()
        header.addRoundedRect(QRectF(rect.left(), rect.top(), rect.width(), HEADER_H), 8, 8)
        header.addRect(QRectF(rect.left(), rect.top() + HEADER_H - 8, rect.width(), 8))
        # A frozen layer's header is grey and hatched (and says "frozen" below): its weights are
        # set in stone, which must read without telling colours apart.
        band = QColor(pal.color(QPalette.ColorRole.Mid)) if self.frozen else QColor(accent)
        tint = QColor(band)
        tint.setAlpha(70 if dark else 45)
        painter.setBrush(tint)
        painter.drawPath(header.simplified())
        if self.frozen:
            hatch = QColor(pal.color(QPalette.ColorRole.Text))
            hatch.setAlpha(60)
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.drawPath(header.simplified())
        painter.setBrush(band)
        painter.drawRect(QRectF(rect.left() + 1, rect.top() + HEADER_H - 2, rect.width() - 2, 2))

        # Outline: highlight when selected; on issues a dashed outline (errors) or a dotted one
        # (warnings only), so the two differ in more than colour.
        worst = "error" if self.has_error else "warning"
        if self._issues:
            style = Qt.PenStyle.DashLine if self.has_error else Qt.PenStyle.DotLine
            pen = QPen(issue_colour(pal, worst), 2.2 if not selected else 3.0, style)
        elif selected:
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 2.5)
        else:
            mid = pal.color(QPalette.ColorRole.Mid)
            pen = QPen(mid, 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 8, 8)
        if self._issues and selected:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 1.2))
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 6, 6)

        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            if self._issues:
                draw_issue_sign(painter, rect.center(), 40, issue_colour(pal, worst), worst)
            return  # zoomed far out: shapes and colours only, text would be unreadable

        # Header: icon and name (the type goes on the first body line, so names never elide
        # for lack of room).
        text = pal.color(QPalette.ColorRole.Text)
        painter.drawPixmap(
            QRectF(rect.left() + 8, rect.top() + 6, 18, 18),
            layer_pixmap(self._spec.type, self._spec.category, 18),
            QRectF(0, 0, 36, 36),
        )
        bold = QFont(painter.font())
        bold.setBold(True)
        bold.setPointSizeF(10.5)
        painter.setFont(bold)
        painter.setPen(text)
        fm = QFontMetricsF(bold)
        name_rect = QRectF(rect.left() + 32, rect.top(), rect.width() - 40, HEADER_H)
        if self.frozen:
            name_rect.setRight(name_rect.right() - self._draw_frozen_badge(painter, rect, text))
            painter.setFont(bold)
            painter.setPen(text)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(self._name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(10.0)  # ≥ 8 px on screen at the view's readable zoom
        sfm = QFontMetricsF(small)
        painter.setFont(small)
        faint = QColor(text)
        faint.setAlpha(150)

        # Body lines: key parameters, then the output shape.
        y = rect.top() + HEADER_H + 3
        line = QRectF(rect.left() + 10, y, rect.width() - 20, LINE_H)
        painter.setPen(text)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            sfm.elidedText(self.key_param_text(), Qt.TextElideMode.ElideRight, line.width()),
        )
        line.translate(0, LINE_H)
        painter.setPen(faint)
        painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, "→")
        mono = QFont(small)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamily("monospace")
        mono.setBold(True)
        painter.setFont(mono)
        painter.setPen(text if self._shape is not None else err)
        painter.drawText(
            line.adjusted(14, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            format_shape(self._shape),
        )

        if self._issues:
            painter.setFont(small)
            line.translate(0, LINE_H + 4)
            for message, severity in self._issues[:2]:
                colour = issue_colour(pal, severity)
                mark_at = QPointF(line.left() + 6, line.center().y())
                draw_issue_sign(painter, mark_at, 11, colour, severity)
                painter.setPen(colour)
                painter.drawText(
                    line.adjusted(16, 0, 0, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    sfm.elidedText(
                        engine_text(message), Qt.TextElideMode.ElideRight, line.width() - 16
                    ),
                )
                line.translate(0, LINE_H)

        # Ports: hollow inputs on top, a filled output at the bottom.
        port_pen = QPen(pal.color(QPalette.ColorRole.Text), 1.4)
        painter.setPen(port_pen)
        painter.setBrush(body)
        for i in range(self._in_ports):
            painter.drawEllipse(self.input_port_local(i), PORT_R, PORT_R)
        if self.has_output():
            painter.setBrush(accent)
            painter.drawEllipse(self.output_port_local(), PORT_R, PORT_R)

    def _draw_frozen_badge(self, painter: QPainter, rect: QRectF, colour: QColor) -> float:
        """The word "frozen" in a framed badge at the header's right end; returns its width."""
        font = QFont(painter.font())
        font.setBold(False)
        font.setPointSizeF(8.5)
        label = tr("frozen")
        width = QFontMetricsF(font).horizontalAdvance(label) + 10
        badge = QRectF(rect.right() - width - 6, rect.top() + 7, width, HEADER_H - 14)
        painter.setFont(font)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(badge, 4, 4)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return width + 6

    def key_param_text(self) -> str:
        title = localized(self._spec.title_en, self._spec.title_zh)
        # "conv2d_1" already says Conv2d; a renamed layer ("features") gets its type shown.
        named_after_type = self._name.lower().startswith(self._spec.type.lower())
        parts = [] if named_after_type and self._spec.key_params else [title]
        for key in self._spec.key_params:
            if key not in self._params:
                continue
            value = self._params[key]
            try:
                param = self._spec.param(key)
            except KeyError:
                parts.append(f"{key} {_fmt_value(value)}")
                continue
            label = localized(param.label_en, param.label_zh)
            if param.kind == "bool":  # "Causal mask" when on, nothing when off
                if value:
                    parts.append(label)
                continue
            shown = localized(*param.value_title(value)) if param.choices else _fmt_value(value)
            parts.append(f"{label} {shown}")
        return " · ".join(parts)


def _fmt_value(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "×".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
