"""GraphScene: the canvas view of an engine ``Graph``.

It subscribes to the graph's events and keeps one ``NodeItem`` per node and one ``EdgeItem`` per
edge. Structural events update items at once; everything that depends on the analysis (shapes,
issues) is refreshed once per edit, not once per event, so a 200-node graph stays smooth.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from gui.editor._text import tr
from gui.editor.commands import MoveNodesCommand
from gui.editor.edge_item import EdgeItem
from gui.editor.link_hint import LinkHint
from gui.editor.node_item import NodeItem
from gui.editor.style import error_colour, palette

if TYPE_CHECKING:
    from engine import Analysis, Graph, GraphEvent

_DRAG_IDS = itertools.count(1)
_SCENE_MARGIN = 1500.0


class GraphScene(QGraphicsScene):
    sig_status = Signal(str)  # a message for the status bar (why a connection was refused, ...)
    sig_connect_requested = Signal(str, str, int)  # src, dst, dst_port from a port drag
    sig_analysis_changed = Signal(object)  # the graph's Analysis after each refresh
    sig_node_activated = Signal(str)  # a node was double-clicked

    def __init__(self, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.graph: Graph | None = None
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[Any, EdgeItem] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self._dirty = False
        self._bounds_dirty = True  # the scene rect must grow to hold new or moved nodes
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_analysis)
        # Move tracking: positions at press, and the id that merges one drag's steps.
        self._press_positions: dict[str, tuple[float, float]] = {}
        self._drag_id = 0
        self._moved: set[str] = set()
        # Connection drag from a port.
        self._link_from: tuple[NodeItem, str, int] | None = None
        self._link_item: QGraphicsPathItem | None = None
        self._link_text: LinkHint | None = None
        self._link_target: tuple[str, str, int] | None = None
        self.link_reason: str | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # --- binding to a graph ----------------------------------------------------------------

    def set_graph(self, graph: Graph | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.graph = graph
        self._rebuild()
        if graph is not None:
            self._unsubscribe = graph.subscribe(self._on_graph_event, weak=True)

    def _rebuild(self) -> None:
        self._cancel_link()
        self.clear()
        self.node_items.clear()
        self.edge_items.clear()
        if self.graph is None:
            return
        for node in self.graph.nodes.values():
            self._add_node_item(node.id)
        for edge in self.graph.edges:
            self._add_edge_item(edge)
        self._bounds_dirty = True
        self.refresh_analysis()

    def _add_node_item(self, node_id: str) -> None:
        assert self.graph is not None
        item = NodeItem(self.graph.nodes[node_id])
        self.node_items[node_id] = item
        self.addItem(item)

    def _add_edge_item(self, edge: Any) -> None:
        src = self.node_items.get(edge.src)
        dst = self.node_items.get(edge.dst)
        if src is None or dst is None or edge in self.edge_items:
            return
        item = EdgeItem(edge, src, dst)
        self.edge_items[edge] = item
        self.addItem(item)

    def _remove_edge_item(self, edge: Any) -> None:
        item = self.edge_items.pop(edge, None)
        if item is not None:
            item.detach()
            self.removeItem(item)

    def _on_graph_event(self, event: GraphEvent) -> None:
        graph = self.graph
        assert graph is not None
        kind = event.kind
        nid = event.node_id
        if kind not in ("node_moved", "node_renamed", "reset"):
            # First, so that anything reacting to item changes below (selection) sees an
            # edit in progress and leaves the analysis to the one refresh.
            self.mark_dirty()
        if kind == "node_added" and nid is not None:
            self._add_node_item(nid)
            self._bounds_dirty = True
        elif kind == "node_removed" and nid is not None:
            for edge in [e for e in self.edge_items if nid in (e.src, e.dst)]:
                self._remove_edge_item(edge)
            item = self.node_items.pop(nid, None)
            if item is not None:
                self.removeItem(item)
        elif kind == "node_renamed" and nid in self.node_items:
            self.node_items[nid].set_name(graph.nodes[nid].name)  # a name changes no shape
        elif kind == "node_moved" and nid in self.node_items:
            x, y = graph.nodes[nid].pos
            self.node_items[nid].set_graph_pos(float(x), float(y))
            self._bounds_dirty = True
        elif kind == "param_changed" and nid in self.node_items:
            self.node_items[nid].set_params(graph.nodes[nid].params)
        elif kind == "trainable_changed" and nid in self.node_items:
            self.node_items[nid].set_trainable(graph.nodes[nid].trainable)
        elif kind == "edge_added" and event.edge is not None:
            self._add_edge_item(event.edge)
        elif kind == "edge_removed" and event.edge is not None:
            self._remove_edge_item(event.edge)
        elif kind == "reset":
            self._rebuild()

    # --- analysis -------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        """Schedule one analysis refresh; many events of one edit cost one analysis."""
        self._dirty = True
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    @property
    def dirty(self) -> bool:
        """Whether an edit's events await their analysis refresh."""
        return self._dirty

    def flush(self) -> bool:
        """Refresh now if an edit is pending (the controller calls this after each command);
        returns whether the analysis was refreshed."""
        if self._dirty:
            self.refresh_analysis()
            return True
        if self._bounds_dirty and self.mouseGrabberItem() is None:
            self._update_scene_rect()  # not per mouse move while dragging: once on release
        return False

    def refresh_analysis(self) -> None:
        self._refresh_timer.stop()
        self._dirty = False
        if self.graph is None:
            return
        analysis: Analysis = self.graph.analysis
        issues: dict[str | None, list[tuple[str, str]]] = {}
        for issue in analysis.issues:
            severity = getattr(issue, "severity", "error")
            issues.setdefault(issue.node_id, []).append((issue.message, severity))
        # Only items whose shape or issues changed are touched (and so repainted).
        shapes = {nid: info.output_shape for nid, info in analysis.nodes.items()}
        no_issues: list[tuple[str, str]] = []
        for nid, item in self.node_items.items():
            item.set_analysis(shapes.get(nid), issues.get(nid, no_issues))
        for edge, edge_item in self.edge_items.items():
            edge_item.set_shape(shapes.get(edge.src))
        if self._bounds_dirty:
            self._update_scene_rect()
        self.sig_analysis_changed.emit(analysis)

    def _update_scene_rect(self) -> None:
        self._bounds_dirty = False
        bounds = QRectF()
        for item in self.node_items.values():
            bounds = bounds.united(item.sceneBoundingRect())
        if bounds.isNull():
            bounds = QRectF(-400, -300, 800, 600)
        bounds = bounds.adjusted(-_SCENE_MARGIN, -_SCENE_MARGIN, _SCENE_MARGIN, _SCENE_MARGIN)
        self.setSceneRect(self.sceneRect().united(bounds))

    def has_overlaps(self) -> bool:
        """Whether any two nodes overlap (a layout made for other node sizes)."""
        rects = sorted(
            (i.sceneBoundingRect() for i in self.node_items.values()), key=lambda r: r.left()
        )
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                if b.left() > a.right():
                    break
                if a.intersects(b):
                    return True
        return False

    def nodes_bounding_rect(self) -> QRectF:
        bounds = QRectF()
        for item in self.node_items.values():
            bounds = bounds.united(item.sceneBoundingRect())
        for edge_item in self.edge_items.values():
            bounds = bounds.united(edge_item.sceneBoundingRect())
        return bounds

    # --- selection helpers -----------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Any]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, node_ids: list[str]) -> None:
        self.clearSelection()
        for nid in node_ids:
            item = self.node_items.get(nid)
            if item is not None:
                item.setSelected(True)

    def node_at(self, scene_pos: QPointF) -> NodeItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def edge_at(self, scene_pos: QPointF) -> EdgeItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, NodeItem):
                return None
            if isinstance(item, EdgeItem):
                return item
        return None

    # --- moves -----------------------------------------------------------------------------

    def node_item_moved(self, item: NodeItem) -> None:
        """Called by a NodeItem that the user dragged (not one the graph moved)."""
        self._moved.add(item.node_id)

    def push_moves(self) -> None:
        """Turn the positions the user dragged items to into one (merging) move command."""
        if self.graph is None or not self._moved:
            return
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
        for nid in self._moved:
            item = self.node_items.get(nid)
            node = self.graph.nodes.get(nid)
            if item is None or node is None:
                continue
            new = (item.pos().x(), item.pos().y())
            old = (float(node.pos[0]), float(node.pos[1]))
            if new != old:
                moves[nid] = (old, new)
        self._moved.clear()
        if moves:
            if self._drag_id == 0:
                self._drag_id = next(_DRAG_IDS)
            self.undo_stack.push(MoveNodesCommand(self.graph, moves, self._drag_id))

    def move_selected(self, dx: float, dy: float) -> bool:
        """Arrow-key moves; consecutive key presses do not merge (each is one undo step)."""
        if self.graph is None:
            return False
        moves = {}
        for nid in self.selected_node_ids():
            x, y = self.graph.nodes[nid].pos
            moves[nid] = ((float(x), float(y)), (float(x) + dx, float(y) + dy))
        if not moves:
            return False
        self.undo_stack.push(MoveNodesCommand(self.graph, moves, next(_DRAG_IDS)))
        return True

    # --- mouse: moves and port connections ----------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            node = self.node_at(event.scenePos())
            port = node.port_at(event.scenePos()) if node is not None else None
            if node is not None and port is not None:
                self._start_link(node, port[0], port[1], event.scenePos())
                event.accept()
                return
        self._drag_id = 0
        self._moved.clear()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_from is not None:
            self._update_link(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)
        self.push_moves()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_from is not None and event.button() == Qt.MouseButton.LeftButton:
            self._update_link(event.scenePos())
            target = self._link_target
            self._cancel_link()
            if target is not None:
                self.sig_connect_requested.emit(*target)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self.push_moves()
        self._drag_id = 0
        self.flush()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        node = self.node_at(event.scenePos())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select_nodes([node.node_id])
            self.sig_node_activated.emit(node.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _start_link(self, node: NodeItem, kind: str, port: int, pos: QPointF) -> None:
        self._link_from = (node, kind, port)
        pen = QPen(palette().color(QPalette.ColorRole.Highlight), 2.0, Qt.PenStyle.DashLine)
        self._link_item = QGraphicsPathItem()
        self._link_item.setPen(pen)
        self._link_item.setZValue(10)
        self.addItem(self._link_item)
        self._link_text = LinkHint()
        self._link_text.setVisible(False)
        self.addItem(self._link_text)
        self._update_link(pos)

    def _update_link(self, pos: QPointF) -> None:
        assert self._link_from is not None and self._link_item is not None
        assert self._link_text is not None and self.graph is not None
        node, kind, port = self._link_from
        start = node.output_port_scene() if kind == "out" else node.input_port_scene(port)
        # Work out the connection this drop would make, and ask the graph whether it may.
        target_node = self.node_at(pos)
        self._link_target = None
        reason: str | None = None
        end = pos
        if target_node is not None and target_node is not node:
            hit = target_node.port_at(pos)
            if kind == "out":
                src, dst = node.node_id, target_node.node_id
                if hit is not None and hit[0] == "in":
                    dst_port: int | None = hit[1]
                else:
                    dst_port = self.graph.free_port(dst)
                if dst_port is None:
                    # The engine words it best ("already has an input — use Add ...").
                    reason = self.graph.can_connect(src, dst, 0) or (
                        tr("%s has no free input.") % target_node.name
                    )
                end = target_node.input_port_scene(dst_port or 0)
            else:
                src, dst, dst_port = target_node.node_id, node.node_id, port
                end = target_node.output_port_scene()
            if reason is None and dst_port is not None:
                reason = self.graph.can_connect(src, dst, dst_port)
                if reason is None:
                    self._link_target = (src, dst, dst_port)
        elif target_node is node:
            reason = tr("A layer cannot connect to itself.")
        a, b = (start, end) if kind == "out" else (end, start)
        dy = max(40.0, abs(b.y() - a.y()) * 0.5)
        path = QPainterPath(a)
        path.cubicTo(QPointF(a.x(), a.y() + dy), QPointF(b.x(), b.y() - dy), b)
        self._link_item.setPath(path)
        pal = palette()
        ok_colour = pal.color(QPalette.ColorRole.Highlight)
        colour = error_colour(pal) if reason else ok_colour
        style = Qt.PenStyle.DotLine if reason else Qt.PenStyle.DashLine
        self._link_item.setPen(QPen(colour, 2.0, style))
        if reason:
            message = tr("Cannot connect: %s") % reason
            self._link_text.show_message(message, pos + QPointF(16, 16))
            self._link_item.setToolTip(message)
            self.sig_status.emit(message)
        else:
            self._link_text.setVisible(False)
            if self._link_target is not None:
                self.sig_status.emit(tr("Release to connect."))
        self.link_reason = reason

    def _cancel_link(self) -> None:
        for item in (self._link_item, self._link_text):
            if item is not None and item.scene() is self:
                self.removeItem(item)
        self._link_item = None
        self._link_text = None
        self._link_from = None

    @property
    def link_label(self) -> LinkHint | None:
        """The text shown beside the cursor while dragging a connection (the refusal)."""
        return self._link_text

    @property
    def linking(self) -> bool:
        return self._link_from is not None

    # --- background ------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        pal = palette()
        painter.fillRect(rect, pal.color(QPalette.ColorRole.Window))
        scale = painter.worldTransform().m11()
        if scale < 0.45:
            return  # a dot grid at this zoom would be noise (and slow)
        step = 24.0
        dot = QColor(pal.color(QPalette.ColorRole.Text))
        dot.setAlpha(40)
        painter.setPen(QPen(dot, 1.6 / max(scale, 0.01)))
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        points = []
        x = left
        while x < rect.right():
            y = top
            while y < rect.bottom():
                points.append(QPointF(x, y))
                y += step
            x += step
        painter.drawPoints(QPolygonF(points))
