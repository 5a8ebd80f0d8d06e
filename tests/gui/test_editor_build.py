"""Building networks in the editor the way a student would, and the editor's keyboard paths."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from editor_testing import click, drop_layer, mouse_drag
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox

from gui.editor import EditorController
from gui.editor.layout import tidy_positions

REFERENCE = ["Input", "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear", "ReLU", "Output"]
REFERENCE_SHAPES = [
    (1, 28, 28),
    (32, 26, 26),
    (32, 26, 26),
    (32, 13, 13),
    (5408,),
    (128,),
    (128,),
    (10,),
]


def clear_canvas(ed: EditorController) -> None:
    ed.view.setFocus()
    ed.action("select_all").trigger()
    ed.action("delete").trigger()
    assert not ed.graph.nodes and not ed.scene.items()


def set_spin(qtbot: Any, spin: QSpinBox, value: int) -> None:
    """Type a value into a spin box and press Enter, as a user would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_build_the_reference_cnn_by_user_actions(editor: EditorController, qtbot: Any) -> None:
    clear_canvas(editor)
    ids: list[str] = []
    for i, layer in enumerate(REFERENCE):
        before = set(editor.graph.nodes)
        drop_layer(editor.view, layer, QPointF(0, i * 150))
        (new,) = set(editor.graph.nodes) - before
        ids.append(new)
    # Set the sizes through the inspector (clicking each node selects it).
    for nid, key, value in ((ids[1], "filters", 32), (ids[5], "units", 128), (ids[7], "units", 10)):
        click(editor.view, editor.scene.node_items[nid].mapToScene(QPointF(-50, 12)))
        assert editor.scene.selected_node_ids() == [nid]
        assert editor.inspector.node_id == nid  # type: ignore[attr-defined]
        spin = editor.inspector.editors[key].widget  # type: ignore[attr-defined]
        set_spin(qtbot, spin, value + 1)  # a different value first, then the one we want
        assert editor.graph.nodes[nid].params[key] == value + 1
        set_spin(qtbot, spin, value)
        assert editor.graph.nodes[nid].params[key] == value
    # Conv kernel 3×3 and pool size 2 are the defaults the inspector shows.
    click(editor.view, editor.scene.node_items[ids[1]].mapToScene(QPointF(-50, 12)))
    assert editor.inspector.editors["kernel_size"].widget.value() == 3  # type: ignore[attr-defined]
    # Wire them up port to port.
    for a, b in itertools.pairwise(ids):
        start = editor.scene.node_items[a].output_port_scene()
        end = editor.scene.node_items[b].input_port_scene(0)
        mouse_drag(editor.view, start, end)
    assert [(e.src, e.dst) for e in editor.graph.edges] == list(itertools.pairwise(ids))
    analysis = editor.graph.analysis
    assert analysis.valid, analysis.issues
    assert analysis.total_params == 693_962
    for nid, shape in zip(ids, REFERENCE_SHAPES, strict=True):
        assert editor.scene.node_items[nid].output_shape == shape
        assert not editor.scene.node_items[nid].issues
    labels = [editor.scene.edge_items[e].label for e in editor.graph.edges]
    assert labels == ["1×28×28", "32×26×26", "32×26×26", "32×13×13", "5408", "128", "128"]
    summary_text = " ".join(label.text() for label in editor.summary.findChildren(QLabel))
    assert "693,962" in summary_text and "Valid" in summary_text
    # The whole build undoes step by step back to the empty canvas (index 1: after the delete).
    while editor.undo_stack.index() > 1:
        editor.undo_stack.undo()
    assert not editor.graph.nodes and not editor.scene.items()
    editor.undo_stack.undo()  # and the template network comes back
    assert len(editor.scene.node_items) == 8 and len(editor.scene.edge_items) == 7


def test_keyboard_search_enter_appends_and_connects(editor: EditorController, qtbot: Any) -> None:
    clear_canvas(editor)
    palette = editor.palette
    search = palette.search  # type: ignore[attr-defined]
    first = editor.add_layer("Input", QPointF(0, 0))
    for query, expected in (("conv2", "Conv2d"), ("relu", "ReLU"), ("maxpool", "MaxPool2d")):
        search.setFocus()
        search.clear()
        qtbot.keyClicks(search, query)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        (sel,) = editor.scene.selected_node_ids()
        assert editor.graph.nodes[sel].type == expected
    order = [editor.graph.nodes[n].type for n in editor.graph.topological_order()]
    assert order == ["Input", "Conv2d", "ReLU", "MaxPool2d"]
    assert len(editor.graph.edges) == 3 and editor.graph.edges[0].src == first
    # Each appended layer sits below its parent.
    ys = [editor.graph.nodes[n].pos[1] for n in editor.graph.topological_order()]
    assert ys == sorted(ys)
    # Double-clicking (activating) a palette entry appends too.
    item = palette.layer_items["Flatten"]  # type: ignore[attr-defined]
    palette.tree.itemActivated.emit(item, 0)  # type: ignore[attr-defined]
    assert [editor.graph.nodes[n].type for n in editor.graph.topological_order()][-1] == "Flatten"


def test_connect_nodes_refuses_with_a_reason(editor: EditorController) -> None:
    messages: list[str] = []
    editor.sig_status.connect(messages.append)
    out = next(n for n, node in editor.graph.nodes.items() if node.type == "Output")
    inp = next(n for n, node in editor.graph.nodes.items() if node.type == "Input")
    count = editor.undo_stack.count()
    assert not editor.connect_nodes(out, inp)
    assert messages and "Output" in messages[-1]
    assert editor.undo_stack.count() == count


def test_arrow_keys_move_selection_or_pan(editor: EditorController, qtbot: Any) -> None:
    relu = next(n for n, node in editor.graph.nodes.items() if node.type == "ReLU")
    editor.scene.select_nodes([relu])
    x, y = editor.graph.nodes[relu].pos
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert tuple(editor.graph.nodes[relu].pos) == (x + 10, y + 50)
    assert editor.scene.node_items[relu].pos().x() == x + 10
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert tuple(editor.graph.nodes[relu].pos) == (x, y)
    editor.scene.clearSelection()
    bar = editor.view.horizontalScrollBar()
    before = bar.value()
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    assert bar.value() != before or bar.value() == bar.maximum()
    zoom = editor.view.zoom()  # type: ignore[attr-defined]
    qtbot.keyClick(editor.view, Qt.Key.Key_Plus)
    assert editor.view.zoom() > zoom  # type: ignore[attr-defined]
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus)
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus)
    assert editor.view.zoom() < zoom  # type: ignore[attr-defined]


def test_tidy_layout_is_layered_and_undoable(editor: EditorController) -> None:
    nodes = list(editor.graph.nodes)
    for i, nid in enumerate(nodes):  # scatter them
        editor.move_nodes({nid: (float((i * 337) % 900), float((i * 211) % 700))})
    before = {n: tuple(editor.graph.nodes[n].pos) for n in nodes}
    editor.action("tidy").trigger()
    order = editor.graph.topological_order()
    ys = [editor.graph.nodes[n].pos[1] for n in order]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)  # one layer per depth in a chain
    assert len({editor.graph.nodes[n].pos[0] for n in order}) == 1  # a chain is one column
    assert not editor.scene.has_overlaps()
    editor.undo_stack.undo()
    assert {n: tuple(editor.graph.nodes[n].pos) for n in nodes} == before


def test_tidy_positions_branches_side_by_side() -> None:
    pos = tidy_positions(["a", "b", "c", "d"], [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
    assert pos["a"][1] < pos["b"][1] == pos["c"][1] < pos["d"][1]
    assert pos["b"][0] != pos["c"][0]
    assert pos["a"][0] == pos["d"][0]


def test_zoom_to_fit_shows_every_node(editor: EditorController) -> None:
    editor.view.zoom_in()  # type: ignore[attr-defined]
    editor.view.zoom_in()  # type: ignore[attr-defined]
    editor.action("zoom_fit").trigger()
    visible = editor.view.visible_scene_rect()  # type: ignore[attr-defined]
    for item in editor.scene.node_items.values():
        assert visible.contains(item.sceneBoundingRect())


def test_a_node_with_an_issue_shows_it(editor: EditorController) -> None:
    out = next(n for n, node in editor.graph.nodes.items() if node.type == "Output")
    editor.scene.select_nodes([out])
    spin = editor.inspector.editors["units"].widget  # type: ignore[attr-defined]
    assert spin.minimum() == 1
    conv = next(n for n, node in editor.graph.nodes.items() if node.type == "Conv2d")
    editor.set_param(conv, "kernel_size", 40)  # larger than the 28×28 image
    item = editor.scene.node_items[conv]
    assert item.has_error and item.output_shape is None
    assert f"✖ {item.issues[0]}" in item.toolTip()  # an error's mark: a cross
    summary_text = " ".join(label.text() for label in editor.summary.findChildren(QLabel))
    assert "problem" in summary_text
    # A layer that leads nowhere is only a warning, marked with a different sign.
    relu = editor.add_layer("ReLU", QPointF(600, 40))
    assert editor.connect_nodes(conv, relu)  # a side branch: fed, but feeding nothing
    loose = editor.scene.node_items[relu]
    assert loose.issues and not loose.has_error
    assert f"⚠ {loose.issues[0]}" in loose.toolTip() and "✖" not in loose.toolTip()
    editor.scene.select_nodes([loose.node_id])
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the previous node's rows
    marks = {label.text()[0] for label in editor.inspector.findChildren(QLabel, "issue")}
    assert marks == {"⚠"}


def test_rubber_band_selects_and_wheel_zooms_and_middle_drag_pans(
    editor: EditorController, qtbot: Any
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    editor.view.resetTransform()
    bounds = editor.scene.nodes_bounding_rect()
    order = editor.graph.topological_order()
    first, second = (editor.scene.node_items[n] for n in order[:2])
    # Drag a rubber band from empty canvas left of the network across the first two nodes.
    start = QPointF(bounds.left() - 60, first.sceneBoundingRect().top() - 20)
    end = QPointF(bounds.right() + 10, second.sceneBoundingRect().center().y())
    mouse_drag(editor.view, start, end, steps=6)
    assert set(editor.scene.selected_node_ids()) == set(order[:2])

    zoom = editor.view.zoom()  # type: ignore[attr-defined]
    centre = editor.view.viewport().rect().center()
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(editor.view.viewport().mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(editor.view.viewport(), wheel)
    assert editor.view.zoom() == pytest.approx(zoom * 1.15**2)  # type: ignore[attr-defined]

    bar = editor.view.verticalScrollBar()
    before = bar.value()
    here = editor.view.mapToScene(centre)
    mouse_drag(editor.view, here, here + QPointF(0, 100), button=Qt.MouseButton.MiddleButton)
    assert bar.value() < before  # dragging the canvas down scrolls up
    assert set(editor.scene.selected_node_ids()) == set(order[:2])  # panning kept the selection


def test_context_menu_offers_layer_actions(editor: EditorController) -> None:
    relu = next(n for n, node in editor.graph.nodes.items() if node.type == "ReLU")
    editor.scene.select_nodes([relu])
    menu = editor.context_menu(editor.scene.node_items[relu].pos())  # type: ignore[attr-defined]
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Duplicate" in texts and "Delete" in texts
    duplicate = next(a for a in menu.actions() if a.text() == "Duplicate")
    duplicate.trigger()
    assert sum(1 for n in editor.graph.nodes.values() if n.type == "ReLU") == 3
    editor.scene.clearSelection()
    spot = editor.scene.nodes_bounding_rect().topRight() + QPointF(300, 0)
    menu = editor.context_menu(spot)  # type: ignore[attr-defined]
    add = next(a for a in menu.actions() if a.text() == "Add Layer").menu()
    activation = next(a for a in add.actions() if a.text() == "Activation").menu()
    next(a for a in activation.actions() if a.text() == "Tanh").trigger()
    (tanh,) = [n for n, node in editor.graph.nodes.items() if node.type == "Tanh"]
    assert abs(editor.graph.nodes[tanh].pos[0] - spot.x()) <= 1


def test_items_follow_a_dark_palette(editor: EditorController) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter, QPalette
    from PySide6.QtWidgets import QApplication

    original = QApplication.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    QApplication.setPalette(dark)
    try:
        item = next(iter(editor.scene.node_items.values()))
        image = QImage(240, 140, QImage.Format.Format_ARGB32)
        image.fill(QColor("magenta"))
        painter = QPainter(image)
        target = item.sceneBoundingRect()
        editor.scene.render(painter, target=image.rect().toRectF(), source=target)
        painter.end()
        # right of the text lines, inside the body
        body = QColor(image.pixel(int(image.width() * 0.92), int(image.height() * 0.6)))
        assert body.lightness() < 80  # no hard-coded white node bodies
    finally:
        QApplication.setPalette(original)


def test_branches_merge_through_the_ports_of_add(editor: EditorController) -> None:
    clear_canvas(editor)
    source = editor.add_layer("Input", QPointF(0, 0))
    editor.set_param(source, "kind", "vector")  # type: ignore[attr-defined]
    left = editor.add_layer("Linear", QPointF(-150, 150))
    right = editor.add_layer("Linear", QPointF(150, 150))
    merge = editor.add_layer("Add", QPointF(0, 320))
    for branch in (left, right):
        assert editor.connect_nodes(source, branch)
    add_item = editor.scene.node_items[merge]
    assert add_item.in_port_count == 2  # Add needs two inputs: both ports show
    for port, branch in enumerate((left, right)):
        start = editor.scene.node_items[branch].output_port_scene()
        mouse_drag(editor.view, start, add_item.input_port_scene(port))
    assert sorted((e.src, e.dst_port) for e in editor.graph.inputs_of(merge)) == [
        (left, 0),
        (right, 1),
    ]
    assert add_item.in_port_count == 3  # a spare port for a third branch
    assert add_item.output_shape == (128,)
    edges = [editor.scene.edge_items[e] for e in editor.graph.inputs_of(merge)]
    for edge_item, port in zip(edges, (0, 1), strict=True):
        end = edge_item.path().pointAtPercent(1.0)
        assert (end - add_item.input_port_scene(port)).manhattanLength() < 1
    # A third branch spreads the ports out; every edge end follows its port.
    third = editor.add_layer("Linear", QPointF(450, 150))
    assert editor.connect_nodes(source, third)
    assert editor.connect_nodes(third, merge)
    assert add_item.in_port_count == 4
    for edge in editor.graph.inputs_of(merge):
        end = editor.scene.edge_items[edge].path().pointAtPercent(1.0)
        assert (end - add_item.input_port_scene(edge.dst_port)).manhattanLength() < 1


def test_context_menu_connects_without_dragging(editor: EditorController) -> None:
    flat = next(n for n, node in editor.graph.nodes.items() if node.type == "Flatten")
    lin = next(n for n, node in editor.graph.nodes.items() if node.type == "Linear")
    edge = editor.graph.inputs_of(lin)[0]
    editor.scene.clearSelection()
    editor.scene.edge_items[edge].setSelected(True)
    editor.delete_selected()
    editor.scene.select_nodes([flat])
    menu = editor.context_menu(editor.scene.node_items[flat].pos())  # type: ignore[attr-defined]
    connect = next(a for a in menu.actions() if a.text() == "Connect To").menu()
    names = [a.text() for a in connect.actions()]
    assert names == [editor.graph.nodes[lin].name]  # the only layer with a free input
    connect.actions()[0].trigger()
    assert any(e.src == flat and e.dst == lin for e in editor.graph.edges)
    assert editor.graph.analysis.valid
