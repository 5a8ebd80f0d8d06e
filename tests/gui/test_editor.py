"""The network editor driven like a user: drops, port drags, inspector edits, undo/redo."""

from __future__ import annotations

from typing import Any

from editor_testing import drop_layer, mouse_drag
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox

from engine import default_project
from gui.editor import EditorController
from gui.editor.edge_item import EdgeItem
from gui.editor.node_item import NodeItem


def node_by_name(ed: EditorController, name: str) -> str:
    for nid, node in ed.graph.nodes.items():
        if node.name == name:
            return nid
    raise AssertionError(f"no node named {name}: {[n.name for n in ed.graph.nodes.values()]}")


def node_of_type(ed: EditorController, layer_type: str) -> list[str]:
    return [nid for nid, n in ed.graph.nodes.items() if n.type == layer_type]


def edge_between(ed: EditorController, src: str, dst: str) -> Any:
    found = [e for e in ed.graph.edges if e.src == src and e.dst == dst]
    return found[0] if found else None


def edge_item(ed: EditorController, src: str, dst: str) -> EdgeItem:
    edge = edge_between(ed, src, dst)
    assert edge is not None
    return ed.scene.edge_items[edge]


def chain(ed: EditorController) -> list[str]:
    return [ed.graph.nodes[n].type for n in ed.graph.topological_order()]


def test_palette_drop_adds_a_node_where_dropped_and_undo_redo(editor: EditorController) -> None:
    before = set(editor.graph.nodes)
    spot = editor.scene.nodes_bounding_rect().topRight() + QPointF(300, 200)  # empty canvas
    drop_layer(editor.view, "Dropout", spot)
    new = set(editor.graph.nodes) - before
    assert len(new) == 1
    nid = new.pop()
    node = editor.graph.nodes[nid]
    assert node.type == "Dropout"
    item = editor.scene.node_items[nid]
    # The node sits where it was dropped (its header centred on the drop point).
    assert abs(item.pos().x() - spot.x()) <= 2
    assert item.sceneBoundingRect().top() < spot.y() < item.sceneBoundingRect().bottom()
    assert (item.pos().x(), item.pos().y()) == tuple(node.pos)
    assert item.isSelected()
    editor.undo_stack.undo()
    assert nid not in editor.graph.nodes and nid not in editor.scene.node_items
    editor.undo_stack.redo()
    assert editor.graph.nodes[nid].type == "Dropout"  # the same id comes back
    assert nid in editor.scene.node_items


def test_drop_onto_an_edge_inserts_the_layer(editor: EditorController) -> None:
    lin = node_of_type(editor, "Linear")[0]
    relu = next(e.dst for e in editor.graph.outputs_of(lin))
    target = edge_item(editor, lin, relu)
    mid = target.path().pointAtPercent(0.5)
    drop_layer(editor.view, "Dropout", mid)
    drop_id = node_of_type(editor, "Dropout")[0]
    assert edge_between(editor, lin, relu) is None
    assert edge_between(editor, lin, drop_id) is not None
    assert edge_between(editor, drop_id, relu) is not None
    assert edge_item(editor, drop_id, relu).label == "128"
    editor.undo_stack.undo()
    assert edge_between(editor, lin, relu) is not None
    assert not node_of_type(editor, "Dropout")


def test_a_layer_dropped_on_an_edge_gets_a_row_of_its_own(editor: EditorController) -> None:
    editor.tidy_layout()
    lin = node_of_type(editor, "Linear")[0]
    relu = next(e.dst for e in editor.graph.outputs_of(lin))
    items = editor.scene.node_items
    below = [nid for nid, item in items.items() if item.pos().y() > items[lin].pos().y()]
    before = {nid: items[nid].sceneBoundingRect() for nid in below}
    drop_layer(editor.view, "Dropout", edge_item(editor, lin, relu).path().pointAtPercent(0.5))
    drop_id = node_of_type(editor, "Dropout")[0]
    dropped = items[drop_id].sceneBoundingRect()
    for nid, item in items.items():  # no node overlaps another
        if nid != drop_id:
            assert not dropped.intersects(item.sceneBoundingRect()), editor.graph.nodes[nid].name
    assert items[lin].sceneBoundingRect().bottom() < dropped.top()
    assert dropped.bottom() < items[relu].sceneBoundingRect().top()
    shift = {round(items[nid].sceneBoundingRect().top() - r.top()) for nid, r in before.items()}
    assert len(shift) == 1 and shift.pop() > 0  # everything below moved down together
    editor.undo_stack.undo()  # one undo takes the layer out and puts the others back
    assert not node_of_type(editor, "Dropout")
    assert {nid: items[nid].sceneBoundingRect() for nid in below} == before


def test_connect_ports_by_dragging_and_refusal_while_dragging(
    editor: EditorController, qtbot: Any
) -> None:
    flat = node_of_type(editor, "Flatten")[0]
    lin = node_of_type(editor, "Linear")[0]
    # Remove the Flatten -> Linear edge by selecting it and pressing Delete.
    editor.scene.clearSelection()
    edge_item(editor, flat, lin).setSelected(True)
    editor.action("delete").trigger()
    assert edge_between(editor, flat, lin) is None
    assert editor.scene.node_items[lin].issues  # Linear lost its input: flagged

    # Drag from Flatten's output port to Linear's input port.
    start = editor.scene.node_items[flat].output_port_scene()
    end = editor.scene.node_items[lin].input_port_scene(0)
    mouse_drag(editor.view, start, end)
    assert edge_between(editor, flat, lin) is not None
    assert edge_item(editor, flat, lin).label == "5408"
    assert not editor.scene.node_items[lin].issues
    editor.undo_stack.undo()
    assert edge_between(editor, flat, lin) is None
    editor.undo_stack.redo()
    assert edge_between(editor, flat, lin) is not None

    # A connection that would make a cycle is refused while dragging, with the reason shown.
    conv = node_of_type(editor, "Conv2d")[0]
    messages: list[str] = []
    editor.sig_status.connect(messages.append)
    start = editor.scene.node_items[lin].output_port_scene()
    over = editor.scene.node_items[conv].sceneBoundingRect().center()
    edges_before = list(editor.graph.edges)
    mouse_drag(editor.view, start, over, release=False)
    assert editor.scene.linking
    reason = editor.graph.can_connect(lin, conv, 0)
    assert reason and editor.scene.link_reason == reason
    assert any(reason in m for m in messages)
    assert editor.scene.link_label.isVisible() and reason in editor.scene.link_label.text()
    from editor_testing import mouse_release

    mouse_release(editor.view, over)
    assert editor.graph.edges == edges_before
    assert not editor.scene.linking


def test_inspector_edits_a_parameter_with_undo_and_refusal(editor: EditorController) -> None:
    conv = node_of_type(editor, "Conv2d")[0]
    relu = next(e.dst for e in editor.graph.outputs_of(conv))
    editor.scene.select_nodes([conv])
    inspector = editor.inspector
    filters = inspector.editors["filters"].widget  # type: ignore[attr-defined]
    assert isinstance(filters, QSpinBox)
    assert (filters.minimum(), filters.maximum()) == (1, 4096)
    filters.setValue(16)
    assert editor.graph.nodes[conv].params["filters"] == 16
    assert editor.scene.node_items[conv].output_shape == (16, 26, 26)
    assert edge_item(editor, conv, relu).label == "16×26×26"
    assert "16" in editor.scene.node_items[conv].key_param_text()
    editor.undo_stack.undo()
    assert editor.graph.nodes[conv].params["filters"] == 32
    assert filters.value() == 32  # the editor follows the graph on undo
    assert edge_item(editor, conv, relu).label == "32×26×26"
    editor.undo_stack.redo()
    assert filters.value() == 16

    # Bias is a check box; padding a choice list that also accepts text — "banana" is refused.
    assert isinstance(inspector.editors["bias"].widget, QCheckBox)  # type: ignore[attr-defined]
    padding = inspector.editors["padding"].widget  # type: ignore[attr-defined]
    assert isinstance(padding, QComboBox)
    padding.setEditText("banana")
    padding.lineEdit().editingFinished.emit()
    refusal: QLabel = inspector.refusal  # type: ignore[attr-defined]
    assert refusal.isVisibleTo(inspector) and "padding" in refusal.text().lower()
    assert editor.graph.nodes[conv].params["padding"] == "valid"
    assert padding.currentText() == "valid"

    # Renaming goes through the graph too; an invalid name is refused with a message.
    name_edit = inspector.name_edit  # type: ignore[attr-defined]
    name_edit.setText("features")
    name_edit.editingFinished.emit()
    assert editor.graph.nodes[conv].name == "features"
    assert editor.scene.node_items[conv].name == "features"
    name_edit.setText("bad name!")
    name_edit.editingFinished.emit()
    assert editor.graph.nodes[conv].name == "features"
    assert refusal.isVisibleTo(inspector)


def test_copy_paste_keeps_internal_connections(editor: EditorController) -> None:
    conv = node_of_type(editor, "Conv2d")[0]
    relu = next(e.dst for e in editor.graph.outputs_of(conv))
    editor.scene.select_nodes([conv, relu])
    editor.action("copy").trigger()
    assert editor.action("paste").isEnabled()
    n_nodes, n_edges = len(editor.graph.nodes), len(editor.graph.edges)
    editor.action("paste").trigger()
    assert len(editor.graph.nodes) == n_nodes + 2
    assert len(editor.graph.edges) == n_edges + 1
    new = sorted(set(editor.scene.selected_node_ids()))
    assert len(new) == 2 and conv not in new
    new_edge = [e for e in editor.graph.edges if e.src in new and e.dst in new]
    assert len(new_edge) == 1
    assert editor.scene.edge_items[new_edge[0]] is not None
    editor.undo_stack.undo()
    assert len(editor.graph.nodes) == n_nodes and len(editor.scene.node_items) == n_nodes
    editor.undo_stack.redo()
    assert set(new) <= set(editor.graph.nodes)  # same ids: later commands stay valid
    assert len(editor.scene.edge_items) == n_edges + 1


def test_delete_and_cut_are_undoable(editor: EditorController) -> None:
    relu = node_of_type(editor, "ReLU")[0]
    n_edges = len(editor.graph.edges)
    editor.scene.select_nodes([relu])
    editor.action("delete").trigger()
    assert relu not in editor.graph.nodes and relu not in editor.scene.node_items
    assert len(editor.graph.edges) == n_edges - 2
    assert not editor.graph.analysis.valid
    editor.undo_stack.undo()
    assert relu in editor.scene.node_items
    assert len(editor.graph.edges) == n_edges and len(editor.scene.edge_items) == n_edges
    assert editor.graph.analysis.valid
    editor.scene.select_nodes([relu])
    editor.action("cut").trigger()
    assert relu not in editor.graph.nodes
    editor.action("paste").trigger()
    assert len(editor.graph.nodes) == 8


def test_one_click_fix_is_one_undoable_edit(editor: EditorController) -> None:
    flat = node_of_type(editor, "Flatten")[0]
    editor.scene.select_nodes([flat])
    editor.action("delete").trigger()
    lin = node_of_type(editor, "Linear")[0]
    pool = node_of_type(editor, "MaxPool2d")[0]
    assert editor.connect_nodes(pool, lin)
    item: NodeItem = editor.scene.node_items[lin]
    assert item.has_error and any("Flatten" in m for m in item.issues)
    editor.scene.select_nodes([lin])
    buttons = editor.inspector.fix_buttons  # type: ignore[attr-defined]
    assert buttons and "Flatten" in buttons[0].text()
    depth = editor.undo_stack.index()
    buttons[0].click()
    assert editor.undo_stack.index() == depth + 1
    assert not item.issues
    assert editor.graph.analysis.total_params == 693_962
    assert "Flatten" in chain(editor)
    editor.undo_stack.undo()
    assert "Flatten" not in chain(editor)
    assert item.has_error


def test_dragging_a_node_is_one_merged_move(editor: EditorController) -> None:
    relu = node_of_type(editor, "ReLU")[0]
    item = editor.scene.node_items[relu]
    old = tuple(editor.graph.nodes[relu].pos)
    grab = item.mapToScene(QPointF(-40, 10))
    depth = editor.undo_stack.index()
    mouse_drag(editor.view, grab, grab + QPointF(150, 40), steps=8)
    assert editor.undo_stack.index() == depth + 1
    x, y = editor.graph.nodes[relu].pos
    assert abs(x - old[0] - 150) <= 2 and abs(y - old[1] - 40) <= 2
    edge = editor.graph.inputs_of(relu)[0]
    # The edge followed the node.
    end = editor.scene.edge_items[edge].path().pointAtPercent(1.0)
    assert (end - item.input_port_scene(0)).manhattanLength() < 1
    editor.undo_stack.undo()
    assert tuple(editor.graph.nodes[relu].pos) == old
    assert (item.pos().x(), item.pos().y()) == old


def test_edits_mark_the_project_dirty_and_replacing_it_rebinds(editor: EditorController) -> None:
    state = editor.state
    assert not state.dirty
    editor.add_layer("ReLU", QPointF(500, 500))
    assert state.dirty
    fresh = default_project()
    state.replace(fresh, None)
    assert editor.scene.graph is fresh.graph
    assert editor.undo_stack.count() == 0
    assert len(editor.scene.node_items) == len(fresh.graph.nodes)
    editor.add_layer("ReLU")
    assert len(fresh.graph.nodes) == len(editor.scene.node_items)


def test_double_click_a_node_starts_renaming(editor: EditorController, qtbot: Any) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    relu = node_of_type(editor, "ReLU")[0]
    at = editor.view.mapFromScene(editor.scene.node_items[relu].mapToScene(QPointF(-40, 40)))
    viewport = editor.view.viewport()
    left = Qt.MouseButton.LeftButton
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        buttons = left if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        QApplication.sendEvent(
            viewport,
            QMouseEvent(
                kind, QPointF(at), QPointF(at), left, buttons, Qt.KeyboardModifier.NoModifier
            ),
        )
    QApplication.sendEvent(
        viewport,
        QMouseEvent(
            QEvent.Type.MouseButtonDblClick,
            QPointF(at),
            QPointF(at),
            left,
            left,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert editor.scene.selected_node_ids() == [relu]
    name_edit = editor.inspector.name_edit  # type: ignore[attr-defined]
    qtbot.waitUntil(name_edit.hasFocus)
    assert name_edit.selectedText() == editor.graph.nodes[relu].name


def test_a_context_change_refreshes_shapes_without_an_edit(editor: EditorController) -> None:
    from engine import DataContext

    out = node_of_type(editor, "Output")[0]
    editor.scene.select_nodes([out])
    depth = editor.undo_stack.count()
    editor.graph.set_context(DataContext(input_shape=(1, 28, 28), num_classes=3))
    editor.scene.flush()
    item = editor.scene.node_items[out]
    issues = editor.graph.analysis.issues_for(out)
    assert issues and item.issues == [i.message for i in issues]
    assert editor.undo_stack.count() == depth
    buttons = editor.inspector.fix_buttons  # type: ignore[attr-defined]
    assert buttons
    buttons[0].click()
    assert editor.graph.nodes[out].params["units"] == 3
    assert not editor.scene.node_items[out].issues


def test_summary_follows_the_batch_size(editor: EditorController) -> None:
    def memory_text() -> str:
        return editor.summary.memory_label.text()  # type: ignore[attr-defined]

    batch = editor.state.project.settings.batch_size
    assert f"batch {batch}" in memory_text()
    small = memory_text()
    editor.state.project.settings.batch_size = 512 if batch != 512 else 1024
    editor.refresh_summary()
    assert f"batch {editor.state.project.settings.batch_size}" in memory_text()
    assert memory_text() != small


def test_switching_the_language_relabels_palette_nodes_and_actions(
    editor: EditorController, qapp: Any
) -> None:
    from engine import LAYERS
    from gui.i18n import install_translator

    palette = editor.palette
    conv = node_of_type(editor, "Conv2d")[0]
    editor.scene.select_nodes([conv])
    try:
        install_translator(qapp, "zh_CN")
        qapp.processEvents()
        item = palette.layer_items["Conv2d"]  # type: ignore[attr-defined]
        assert item.text(0) == LAYERS["Conv2d"].title_zh
        assert LAYERS["Conv2d"].explain_zh in editor.scene.node_items[conv].toolTip()
        assert editor.inspector.title.text() == f"<b>{LAYERS['Conv2d'].title_zh}</b>"  # type: ignore[attr-defined]
    finally:
        install_translator(qapp, "en")
        qapp.processEvents()
    assert palette.layer_items["Conv2d"].text(0) == LAYERS["Conv2d"].title_en  # type: ignore[attr-defined]
    assert editor.action("copy").text() == "&Copy"


def test_inspector_survives_selection_changes(editor: EditorController) -> None:
    conv = node_of_type(editor, "Conv2d")[0]
    relu = node_of_type(editor, "ReLU")[0]
    inspector = editor.inspector
    for selection in ([conv], [], [relu], [conv, relu], [relu]):
        editor.scene.select_nodes(selection)
        editor.focus_name()  # never touches a deleted widget
    assert inspector.node_id == relu  # type: ignore[attr-defined]
    assert "filters" not in inspector.editors  # type: ignore[attr-defined]
    name_edit = inspector.name_edit  # type: ignore[attr-defined]
    assert name_edit.isVisibleTo(inspector) and name_edit.text() == editor.graph.nodes[relu].name
    name_edit.setText("activation")
    name_edit.editingFinished.emit()
    assert editor.graph.nodes[relu].name == "activation"
    editor.scene.clearSelection()
    assert not name_edit.isVisibleTo(inspector)


def test_a_switch_among_the_key_parameters_is_named_only_when_on(qapp: Any) -> None:
    from engine import Graph

    g = Graph()
    block = g.add_node("TransformerBlock", {"heads": 2, "causal": True})
    assert NodeItem(block).key_param_text() == "Heads 2 · Causal mask"
    g.set_param(block.id, "causal", False)
    assert NodeItem(g.nodes[block.id]).key_param_text() == "Heads 2"
