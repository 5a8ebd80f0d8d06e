"""EditorController: wires the palette, canvas, inspector and summary to the project's graph.

Every edit goes through the document (``ProjectDocument.edit``, onto its undo stack); the controller is where gestures become commands.
"""

from __future__ import annotations

import atexit
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from engine import GraphError
from gui.editor._text import tr
from gui.editor.commands import (
    AddNodeCommand,
    ConnectCommand,
    DiffCommand,
    ErrorSink,
    GraphState,
    MoveNodesCommand,
    RenameCommand,
    SetParamCommand,
    batched,
)
from gui.editor.context_menu import build_context_menu
from gui.editor.inspector import Inspector
from gui.editor.layout import room_for_insertion, tidy_positions
from gui.editor.node_item import HEADER_H
from gui.editor.palette import LayerPalette
from gui.editor.scene import GraphScene
from gui.editor.summary import SummaryStrip
from gui.editor.view import GraphView
from gui.i18n import engine_text

if TYPE_CHECKING:
    from engine import Graph, Node
    from gui.document import ProjectDocument

NODES_MIME = "application/x-netcanvas-nodes"


PASTE_STEP = 30.0
APPEND_GAP = 70.0
T = TypeVar("T")


class EditorController(QObject):
    sig_status = Signal(str)

    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.undo_stack: QUndoStack = state.undo_stack  # the document's: one history per project
        self.scene = GraphScene(self.undo_stack, self)
        self.view: QGraphicsView = GraphView(self.scene, parent)
        self.palette: QWidget = LayerPalette(parent)
        self.inspector: QWidget = Inspector(self, parent)
        self.summary: QWidget = SummaryStrip(self._batch_size, parent)
        self._clipboard: dict[str, Any] | None = None
        self._paste_count = 0
        self._actions: dict[str, QAction] = {}
        self._action_sources: dict[str, str] = {}  # untranslated action texts
        self._make_actions()

        self.scene.sig_status.connect(self.sig_status)
        self.scene.sig_connect_requested.connect(self._on_connect_requested)
        self.scene.sig_analysis_changed.connect(self._on_analysis_changed)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.scene.sig_node_activated.connect(lambda _nid: self.focus_name())
        view = self._graph_view
        view.sig_layer_dropped.connect(self._on_layer_dropped)
        view.sig_layer_dropped_on_edge.connect(self.insert_on_edge)
        view.sig_context_menu.connect(self._on_context_menu)
        view.sig_language_changed.connect(self._on_language_changed)
        self._palette.sig_layer_activated.connect(self.append_layer)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        state.sig_project_replaced.connect(self._on_project_replaced)
        state.sig_dirty_changed.connect(self._on_dirty_changed)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._update_actions)
        self._bind()

    # Typed views of the public widget attributes.
    @property
    def _graph_view(self) -> GraphView:
        assert isinstance(self.view, GraphView)
        return self.view

    @property
    def _palette(self) -> LayerPalette:
        assert isinstance(self.palette, LayerPalette)
        return self.palette

    @property
    def _inspector(self) -> Inspector:
        assert isinstance(self.inspector, Inspector)
        return self.inspector

    @property
    def graph(self) -> Graph:
        return self.state.project.graph

    def _batch_size(self) -> int:
        settings = getattr(self.state.project, "settings", None)
        return int(getattr(settings, "batch_size", 64) or 64)

    # --- binding ---------------------------------------------------------------------------

    def _bind(self) -> None:
        self._paste_count = 0
        self.scene.set_graph(self.graph)
        if self.scene.has_overlaps():
            # Graphs laid out for another geometry (templates, old files) would show stacked
            # nodes; lay them out once. Presentation only, so not an undoable edit.
            with batched(self.graph):
                for nid, (x, y) in self._tidy_targets().items():
                    self.graph.move_node(nid, x, y)
        self._inspector.set_node(None)
        self._update_actions()
        # Frame the network once the view has its real size (it may not be shown yet).
        QTimer.singleShot(0, self._graph_view.show_network)

    def _on_project_replaced(self) -> None:
        self._bind()

    def _on_dirty_changed(self, _dirty: bool) -> None:
        # Often a training setting changed: the memory estimate depends on the batch size.
        self.refresh_summary()

    def refresh_summary(self) -> None:
        """Re-read the batch size and show the summary again (call after settings change)."""
        if self.scene.graph is not None:
            self._on_analysis_changed(self.graph.analysis)

    def _on_index_changed(self, _index: int) -> None:
        # One analysis per edit: the scene coalesced the edit's events; refresh once now
        # (which refreshes the inspector too). A rename alone needs no analysis.
        if not self.scene.flush():
            self._inspector.refresh()
        self._update_actions()

    def _on_analysis_changed(self, analysis: Any) -> None:
        summary = self.summary
        assert isinstance(summary, SummaryStrip)
        summary.show_analysis(analysis)
        # Also after changes that are not edits (a dataset load changes the graph's context).
        self._inspector.refresh()

    def _on_selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        # Mid-edit (items vanishing one by one) the inspector waits for the edit's refresh,
        # so an edit still costs one analysis.
        self._inspector.set_node(ids[0] if len(ids) == 1 else None, refresh=not self.scene.dirty)
        self._update_actions()

    # --- edits (the public API first) ----------------------------------------------------

    def add_layer(self, layer_type: str, pos: QPointF | None = None) -> str:
        """Add a layer (undoable) with its top centre near ``pos`` (scene); returns its id."""
        if pos is None:
            centre = self._graph_view.visible_scene_rect().center()
            pos = QPointF(centre.x(), centre.y() - HEADER_H / 2)
        else:
            pos = QPointF(pos.x(), pos.y() - HEADER_H / 2)
        sink = ErrorSink()
        command = AddNodeCommand(
            self.graph, layer_type, (round(pos.x()), round(pos.y())), sink=sink
        )
        self.state.edit(command)
        if sink.message:
            self.sig_status.emit(sink.message)
            return ""
        node_id = command.node_id or ""
        self.scene.select_nodes([node_id])
        return node_id

    def connect_nodes(self, src: str, dst: str, dst_port: int | None = None) -> bool:
        """Connect ``src`` to ``dst`` (undoable); on refusal the reason goes to sig_status."""
        graph = self.graph
        if src not in graph.nodes or dst not in graph.nodes:
            self.sig_status.emit(tr("There is no such layer to connect."))
            return False
        if dst_port is None:
            dst_port = graph.free_port(dst)
            if dst_port is None:
                reason = engine_text(graph.can_connect(src, dst, 0) or "") or (
                    tr("%s has no free input.") % graph.nodes[dst].name
                )
                self.sig_status.emit(tr("Cannot connect: %s") % reason)
                return False
        reason = graph.can_connect(src, dst, dst_port)
        if reason:
            self.sig_status.emit(tr("Cannot connect: %s") % engine_text(reason))
            return False
        sink = ErrorSink()
        self.state.edit(ConnectCommand(graph, src, dst, dst_port, sink))
        if sink.message:
            self.sig_status.emit(tr("Cannot connect: %s") % sink.message)
            return False
        self.sig_status.emit(
            tr("Connected %s → %s") % (graph.nodes[src].name, graph.nodes[dst].name)
        )
        return True

    def set_param(self, node_id: str, key: str, value: Any) -> str | None:
        sink = ErrorSink()
        self.state.edit(SetParamCommand(self.graph, node_id, key, value, sink))
        if sink.message:
            self.sig_status.emit(sink.message)
        return sink.message

    def set_trainable(self, node_id: str, trainable: bool) -> None:
        """Freeze or unfreeze a layer as one undoable edit."""
        text = tr("Unfreeze %s") if trainable else tr("Freeze %s")
        name = self.graph.nodes[node_id].name
        self.run_edit(text % name, lambda g: g.set_trainable(node_id, trainable))

    def rename_node(self, node_id: str, name: str) -> str | None:
        sink = ErrorSink()
        self.state.edit(RenameCommand(self.graph, node_id, name, sink))
        return sink.message

    def apply_fix(self, issue: Any) -> None:
        """Apply the engine's one-click fix for ``issue`` as one undoable edit."""
        fix = issue.fix
        if fix is None:
            return
        self.run_edit(tr("Fix: %s") % engine_text(fix.label), fix.apply)

    def append_layer(self, layer_type: str) -> str:
        """Add a layer below the selected one and connect it (palette double-click / Enter)."""
        selected = self.scene.selected_node_ids()
        anchor = selected[-1] if len(selected) == 1 else None
        if anchor is None:
            return self.add_layer(layer_type)
        item = self.scene.node_items[anchor]
        below = item.output_port_scene() + QPointF(0, APPEND_GAP + HEADER_H / 2)
        self.undo_stack.beginMacro(tr("Append layer"))
        try:
            node_id = self.add_layer(layer_type, below)
            if node_id:
                port = self.graph.free_port(node_id)
                if port is not None and self.graph.can_connect(anchor, node_id, port) is None:
                    self.state.edit(ConnectCommand(self.graph, anchor, node_id, port))
        finally:
            self.undo_stack.endMacro()
        if node_id:
            self.scene.select_nodes([node_id])
        return node_id

    def insert_on_edge(self, layer_type: str, edge: Any) -> str:
        """Insert a layer into an existing connection (drop onto an edge)."""

        def insert(g: Graph) -> Node:
            node = g.insert_on_edge(edge, layer_type)
            positions = {nid: (float(n.pos[0]), float(n.pos[1])) for nid, n in g.nodes.items()}
            pairs = [(e.src, e.dst) for e in g.edges]
            for nid, (x, y) in room_for_insertion(
                positions, pairs, edge.src, node.id, edge.dst
            ).items():
                g.move_node(nid, x, y)
            return node

        node = self.run_edit(tr("Insert layer"), insert)
        if node is None:
            return ""
        self.scene.select_nodes([node.id])
        return str(node.id)

    def delete_selected(self) -> None:
        ids = self.scene.selected_node_ids()
        edges = self.scene.selected_edges()
        if not ids and not edges:
            return

        def delete(graph: Graph) -> None:
            for edge in edges:
                if edge in graph.edges:
                    graph.disconnect(edge)
            for nid in ids:
                if nid in graph.nodes:
                    graph.remove_node(nid)

        self.run_edit(tr("Delete"), delete)

    def copy(self) -> None:
        ids = self.scene.selected_node_ids()
        if not ids:
            return
        data = self.graph.copy_nodes(ids)
        self._clipboard = data
        self._paste_count = 0
        mime = QMimeData()
        try:
            mime.setData(NODES_MIME, QByteArray(json.dumps(data).encode("utf-8")))
            _release_clipboard_at_exit()
            QGuiApplication.clipboard().setMimeData(mime)
        except (TypeError, ValueError):
            pass  # not JSON-friendly: the in-process copy above still pastes
        self._update_actions()

    def cut(self) -> None:
        self.copy()
        self.delete_selected()

    def paste(self) -> list[str]:
        data = self._clipboard_data()
        if data is None:
            return []
        self._paste_count += 1
        offset = (PASTE_STEP * self._paste_count, PASTE_STEP * self._paste_count)
        new_ids = self.run_edit(tr("Paste"), lambda g: g.paste(data, offset)) or []
        self.scene.select_nodes(list(new_ids))
        return list(new_ids)

    def select_all(self) -> None:
        for item in self.scene.node_items.values():
            item.setSelected(True)

    def _tidy_targets(self) -> dict[str, tuple[float, float]]:
        graph = self.graph
        heights = {nid: item.rect().height() for nid, item in self.scene.node_items.items()}
        current = {nid: (float(n.pos[0]), float(n.pos[1])) for nid, n in graph.nodes.items()}
        return tidy_positions(graph.nodes, [(e.src, e.dst) for e in graph.edges], current, heights)

    def tidy_layout(self) -> None:
        """Lay the network out top to bottom by depth, as one undoable edit."""
        graph = self.graph
        current = {nid: (float(n.pos[0]), float(n.pos[1])) for nid, n in graph.nodes.items()}
        target = self._tidy_targets()

        def move(g: Graph) -> None:
            for nid, (x, y) in target.items():
                if current[nid] != (x, y):
                    g.move_node(nid, x, y)

        self.run_edit(tr("Tidy layout"), move)
        self._graph_view.zoom_to_fit()

    def run_edit(self, text: str, edit: Callable[[Graph], T]) -> T | None:
        """Run a compound edit on the graph and record it as one undoable command.

        If the graph refuses part-way, what was done is rolled back and the reason shown.
        """
        graph = self.graph
        before = GraphState.capture(graph)
        try:
            with batched(graph):
                result = edit(graph)
        except GraphError as error:
            before.apply_to(graph)
            self.scene.flush()
            self.sig_status.emit(engine_text(error))
            return None
        after = GraphState.capture(graph)
        if after != before:
            self.state.edit(DiffCommand(text, graph, before, after))
        else:
            self.scene.flush()
        return result

    # --- helpers ---------------------------------------------------------------------------

    def _on_layer_dropped(self, layer_type: str, pos: QPointF) -> None:
        self.add_layer(layer_type, pos)
        self.view.setFocus()

    def _on_connect_requested(self, src: str, dst: str, dst_port: int) -> None:
        self.connect_nodes(src, dst, dst_port)

    def _clipboard_data(self) -> dict[str, Any] | None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(NODES_MIME):
            try:
                data = json.loads(bytes(mime.data(NODES_MIME).data()).decode("utf-8"))
                if isinstance(data, dict):
                    return data
            except ValueError:
                pass
        return self._clipboard

    def move_nodes(self, moves: dict[str, tuple[float, float]]) -> None:
        """Move nodes to new positions as one undoable step (keyboard flows and tests)."""
        graph = self.graph
        pairs = {
            nid: ((float(graph.nodes[nid].pos[0]), float(graph.nodes[nid].pos[1])), pos)
            for nid, pos in moves.items()
        }
        self.state.edit(MoveNodesCommand(graph, pairs, drag_id=-1))  # never merges

    def duplicate(self) -> list[str]:
        self.copy()
        return self.paste()

    def focus_name(self) -> None:
        """Start renaming the selected layer (its name field in the inspector)."""
        self._inspector.name_edit.setFocus()
        self._inspector.name_edit.selectAll()

    # --- context menu ----------------------------------------------------------------------

    def context_menu(self, scene_pos: QPointF) -> QMenu:
        """The right-click menu for what is selected at ``scene_pos`` (built, not shown)."""
        return build_context_menu(self, scene_pos)

    def _on_context_menu(self, scene_pos: QPointF, global_pos: QPoint) -> None:
        menu = self.context_menu(scene_pos)
        menu.exec(global_pos)
        menu.deleteLater()

    # --- actions ---------------------------------------------------------------------------

    def _make_actions(self) -> None:
        # No prefix: Qt then words them "Undo Add relu_3" itself, in the interface language.
        undo = self.undo_stack.createUndoAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self._actions["undo"] = undo
        self._actions["redo"] = redo
        undo.setObjectName("editor_undo")
        redo.setObjectName("editor_redo")

        def make(key: str, text: object, slot: Callable[[], Any], shortcut: Any) -> QAction:
            action = QAction(tr(str(text)), self)
            self._action_sources[key] = str(text)
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False: slot())
            action.setObjectName(f"editor_{key}")  # stable names for menus, toolbars, tests
            self._actions[key] = action
            return action

        std = QKeySequence.StandardKey
        # Marked for lupdate; translated when set (and again on a language switch).
        make("cut", QT_TRANSLATE_NOOP("Editor", "Cu&t"), self.cut, std.Cut)
        make("copy", QT_TRANSLATE_NOOP("Editor", "&Copy"), self.copy, std.Copy)
        make("paste", QT_TRANSLATE_NOOP("Editor", "&Paste"), self.paste, std.Paste)
        make(
            "delete",
            QT_TRANSLATE_NOOP("Editor", "&Delete"),
            self.delete_selected,
            [QKeySequence(std.Delete), QKeySequence("Backspace")],
        )
        make(
            "select_all", QT_TRANSLATE_NOOP("Editor", "Select &All"), self.select_all, std.SelectAll
        )
        view = self._graph_view
        make("zoom_in", QT_TRANSLATE_NOOP("Editor", "Zoom &In"), view.zoom_in, std.ZoomIn)
        make("zoom_out", QT_TRANSLATE_NOOP("Editor", "Zoom &Out"), view.zoom_out, std.ZoomOut)
        make(
            "zoom_fit",
            QT_TRANSLATE_NOOP("Editor", "Zoom to &Fit"),
            view.zoom_to_fit,
            QKeySequence("Ctrl+0"),
        )
        make(
            "tidy",
            QT_TRANSLATE_NOOP("Editor", "&Tidy Layout"),
            self.tidy_layout,
            QKeySequence("Ctrl+Shift+L"),
        )

    def _on_language_changed(self) -> None:
        for key, source in self._action_sources.items():
            self._actions[key].setText(tr(source))
        self.refresh_summary()

    def action(self, key: str) -> QAction:
        return self._actions[key]

    def edit_actions(self) -> list[QAction]:
        keys = ("undo", "redo", "cut", "copy", "paste", "delete", "select_all")
        return [self._actions[k] for k in keys]

    def view_actions(self) -> list[QAction]:
        return [self._actions[k] for k in ("zoom_in", "zoom_out", "zoom_fit", "tidy")]

    def _update_actions(self) -> None:
        if not self._actions:
            return
        has_nodes = bool(self.scene.selected_node_ids())
        has_any = has_nodes or bool(self.scene.selected_edges())
        self._actions["cut"].setEnabled(has_nodes)
        self._actions["copy"].setEnabled(has_nodes)
        self._actions["delete"].setEnabled(has_any)
        mime = QGuiApplication.clipboard().mimeData()
        on_clipboard = mime is not None and mime.hasFormat(NODES_MIME)
        self._actions["paste"].setEnabled(on_clipboard or self._clipboard is not None)
        self._actions["select_all"].setEnabled(bool(self.scene.node_items))
        self._actions["tidy"].setEnabled(bool(self.scene.node_items))


_clipboard_hook_registered = False


def _release_clipboard_at_exit() -> None:
    """PySide6 6.11 segfaults at interpreter exit while the clipboard still holds a QMimeData
    made in Python (both sides free it). Clearing it before Python finalises avoids that."""
    global _clipboard_hook_registered
    if _clipboard_hook_registered:
        return
    _clipboard_hook_registered = True

    def clear() -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()

    atexit.register(clear)
