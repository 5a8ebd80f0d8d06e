"""The canvas's right-click menu: layer actions, "Connect To", "Add Layer" by category."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from engine import CATEGORIES, LAYERS
from gui.editor._text import tr
from gui.i18n import localized
from gui.icons import layer_icon

if TYPE_CHECKING:
    from gui.editor.controller import EditorController


def build_context_menu(editor: EditorController, scene_pos: QPointF) -> QMenu:
    """The menu for what is selected (the view selects what was right-clicked first)."""
    menu = QMenu(editor.view)
    nodes = editor.scene.selected_node_ids()
    if nodes:
        if len(nodes) == 1:
            menu.addAction(tr("Rename…"), editor.focus_name)
            _add_connect_menu(editor, menu, nodes[0])
        menu.addAction(tr("Duplicate"), editor.duplicate)
        for key in ("cut", "copy", "delete"):
            menu.addAction(editor.action(key))
        menu.addSeparator()
    elif editor.scene.selected_edges():
        menu.addAction(tr("Delete Connection"), editor.delete_selected)
        menu.addSeparator()
    menu.addAction(editor.action("paste"))
    add_menu = menu.addMenu(tr("Add Layer"))
    at = QPointF(scene_pos)
    for cat_id, title_en, title_zh in CATEGORIES:
        types = [t for t, spec in LAYERS.items() if spec.category == cat_id]
        if not types:
            continue
        sub = add_menu.addMenu(localized(title_en, title_zh))
        for layer_type in types:
            spec = LAYERS[layer_type]
            action = sub.addAction(
                layer_icon(layer_type, spec.category, 16), localized(spec.title_en, spec.title_zh)
            )
            action.triggered.connect(lambda _c=False, t=layer_type: editor.add_layer(t, at))
    menu.addSeparator()
    menu.addAction(editor.action("tidy"))
    menu.addAction(editor.action("zoom_fit"))
    return menu


def _add_connect_menu(editor: EditorController, menu: QMenu, src: str) -> None:
    """ "Connect To ▸": every layer this one may feed (a keyboard path to wiring)."""
    graph = editor.graph
    targets = []
    for nid, node in graph.nodes.items():
        port = graph.free_port(nid) if nid != src else None
        if port is not None and graph.can_connect(src, nid, port) is None:
            targets.append((node.name, nid))
    sub = menu.addMenu(tr("Connect To"))
    sub.setEnabled(bool(targets))
    for name, nid in sorted(targets):
        action = sub.addAction(name)
        action.triggered.connect(lambda _c=False, d=nid: editor.connect_nodes(src, d))
