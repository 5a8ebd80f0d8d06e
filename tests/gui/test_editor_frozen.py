"""Freezing a layer from the inspector: the check box, undo, the canvas mark, the summary."""

from __future__ import annotations

from pane_support import wheel_up
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from gui.editor import EditorController


def _node(editor: EditorController, name: str) -> str:
    node = editor.graph.node_by_name(name)
    assert node is not None
    return node.id


def _painted(editor: EditorController, node_id: str) -> QImage:
    """The node as the canvas paints it, at zoom 1."""
    item = editor.scene.node_items[node_id]
    rect = item.rect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(rect.width() / 2, 0)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_the_trainable_box_freezes_a_layer_with_undo(editor: EditorController) -> None:
    conv = _node(editor, "conv2d_1")
    editor.scene.select_nodes([conv])
    inspector = editor.inspector
    box = inspector.trainable_check
    assert box.isVisibleTo(inspector) and box.isChecked()
    item = editor.scene.node_items[conv]
    unfrozen = _painted(editor, conv)
    summary = editor.summary.params_label
    assert "frozen" not in summary.text()

    box.click()  # as the user does
    assert editor.graph.nodes[conv].trainable is False
    assert item.frozen and "Frozen" in item.toolTip()
    assert _painted(editor, conv) != unfrozen  # a hatched grey header marked "frozen"
    editor.scene.flush()
    assert "(trainable 693,642, frozen 320)" in summary.text()

    editor.undo_stack.undo()
    assert editor.graph.nodes[conv].trainable is True and not item.frozen
    assert box.isChecked()  # the box follows the graph on undo
    assert _painted(editor, conv) == unfrozen
    editor.undo_stack.redo()
    assert editor.graph.nodes[conv].trainable is False and not box.isChecked()


def test_the_box_ignores_the_wheel_and_is_hidden_without_weights(
    editor: EditorController,
) -> None:
    conv = _node(editor, "conv2d_1")
    editor.scene.select_nodes([conv])
    box = editor.inspector.trainable_check
    wheel_up(box)
    assert editor.graph.nodes[conv].trainable is True and box.isChecked()
    editor.scene.select_nodes([_node(editor, "relu_1")])
    assert not box.isVisibleTo(editor.inspector)  # nothing to freeze in a ReLU
    editor.scene.select_nodes([_node(editor, "input")])
    assert not box.isVisibleTo(editor.inspector)


def test_a_deleted_frozen_layer_comes_back_frozen(editor: EditorController) -> None:
    conv = _node(editor, "conv2d_1")
    editor.set_trainable(conv, False)
    editor.scene.select_nodes([conv])
    editor.delete_selected()
    assert conv not in editor.graph.nodes
    editor.undo_stack.undo()
    assert editor.graph.nodes[conv].trainable is False
    assert editor.scene.node_items[conv].frozen  # drawn frozen again
