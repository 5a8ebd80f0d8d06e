"""GraphView: zoom, pan, keyboard navigation and palette drops for the GraphScene."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from gui.editor.edge_item import EdgeItem
from gui.editor.scene import GraphScene

LAYER_MIME = "application/x-netcanvas-layer"
MIN_ZOOM = 0.1
MAX_ZOOM = 3.0
READABLE_ZOOM = 0.62  # the first view of a network is not zoomed out further than this


class GraphView(QGraphicsView):
    sig_layer_dropped = Signal(str, QPointF)  # layer type, scene position (on empty canvas)
    sig_layer_dropped_on_edge = Signal(str, object)  # layer type, engine Edge
    sig_context_menu = Signal(QPointF, QPoint)  # scene position, global position
    sig_language_changed = Signal()

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self._pan_from: QPoint | None = None
        self._drop_edge: EdgeItem | None = None
        self._show_pending = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Smart updates repaint only what changed; with cached node painting this keeps 200
        # nodes smooth while panning and dragging.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the dot grid
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Network canvas"))

    # --- zoom ------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1.0) > 1e-6:
            self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.25)

    def zoom_to_fit(self) -> None:
        bounds = self._scene.nodes_bounding_rect()
        if bounds.isNull():
            return
        bounds = bounds.adjusted(-24, -24, 24, 24)
        self.resetTransform()
        self.fitInView(bounds, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:  # small networks are shown at natural size, not blown up
            self.resetTransform()
            self.centerOn(bounds.center())
        elif self.zoom() < MIN_ZOOM:
            self.resetTransform()
            self.scale(MIN_ZOOM, MIN_ZOOM)
            self.centerOn(bounds.center())

    def show_network(self) -> None:
        """The first view of a network: fit it, but never below a readable zoom (a long network
        then starts at its top, where its input is). Waits until the view has its real size."""
        if not self.isVisible() or self.viewport().height() < 50:
            self._show_pending = True
            return
        self._show_pending = False
        self.zoom_to_fit()
        if self.zoom() < READABLE_ZOOM:
            bounds = self._scene.nodes_bounding_rect()
            self.resetTransform()
            self.scale(READABLE_ZOOM, READABLE_ZOOM)
            visible = self.visible_scene_rect()
            self.centerOn(bounds.center().x(), bounds.top() - 30 + visible.height() / 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._show_pending:
            QTimer.singleShot(0, self.show_network)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._show_pending and self.isVisible() and self.viewport().height() >= 50:
            QTimer.singleShot(0, self.show_network)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift+wheel scrolls
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15**steps)
        event.accept()

    # --- pan (middle-drag) -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    # --- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and not self._scene.linking:
            dx, dy = arrows[Qt.Key(key)]
            step = 50 if mods & Qt.KeyboardModifier.ShiftModifier else 10
            # Arrow keys move the selected nodes (keyboard users can lay out a network);
            # with nothing selected they pan the canvas.
            if not self._scene.move_selected(dx * step, dy * step):
                self.pan_by(dx * step * 4, dy * step * 4)
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and not mods & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ):
            self.zoom_in()
            event.accept()
            return
        if key == Qt.Key.Key_Minus and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.zoom_out()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self._scene.clearSelection()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- drag and drop from the palette ----------------------------------------------------

    @staticmethod
    def _layer_type(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        return bytes(mime.data(LAYER_MIME).data()).decode("utf-8")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._layer_type(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._layer_type(event) is None:
            event.ignore()
            return
        edge = self._scene.edge_at(self.mapToScene(event.position().toPoint()))
        self._set_drop_edge(edge)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_edge(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        layer_type = self._layer_type(event)
        self._set_drop_edge(None)
        if layer_type is None:
            event.ignore()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        # Always a copy: a "move" would make the palette delete its entry after the drag.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        edge = self._scene.edge_at(scene_pos)
        if edge is not None:
            self.sig_layer_dropped_on_edge.emit(layer_type, edge.edge)
        else:
            self.sig_layer_dropped.emit(layer_type, scene_pos)

    def _set_drop_edge(self, edge: EdgeItem | None) -> None:
        if self._drop_edge is not None and self._drop_edge.scene() is self._scene:
            self._drop_edge.set_drop_target(False)
        self._drop_edge = edge
        if edge is not None:
            edge.set_drop_target(True)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        scene_pos = self.mapToScene(event.pos())
        item = self._scene.node_at(scene_pos) or self._scene.edge_at(scene_pos)
        if item is not None and not item.isSelected():
            self._scene.clearSelection()
            item.setSelected(True)
        self.sig_context_menu.emit(scene_pos, event.globalPos())
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        # A light/dark switch: the cached grid and node pictures hold the old colours.
        if event.type() == QEvent.Type.PaletteChange:
            self.resetCachedContent()
            for item in self._scene.items():
                item.update()
        elif event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Network canvas"))
            for node in self._scene.node_items.values():
                node.retranslate()
            self.sig_language_changed.emit()
        super().changeEvent(event)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
