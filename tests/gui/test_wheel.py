"""The mouse wheel over a form: it scrolls the column and changes only a focused field."""

from __future__ import annotations

from typing import Any

from pane_support import state_with, wheel_up
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

import engine
from gui.data.pane import DataPane
from gui.document import ProjectDocument
from gui.evaluate.pane import EvaluatePane
from gui.labs import LabsPanel


def value_of(widget: Any) -> Any:
    return widget.currentIndex() if hasattr(widget, "currentIndex") else widget.value()


def assert_wheel_safe(qtbot: Any, field: Any, other: QWidget) -> None:
    """Unfocused, the wheel leaves ``field`` as it was; focused, it changes it."""
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    before = value_of(field)
    assert not wheel_up(field)
    assert value_of(field) == before and not field.hasFocus()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert wheel_up(field) and value_of(field) != before


def shown(qtbot: Any, widget: QWidget, width: int = 1100, height: int = 260) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)  # short: the columns must scroll
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_the_data_column_scrolls_under_the_wheel_instead_of_editing_the_seed(qtbot: Any) -> None:
    pane = shown(qtbot, DataPane(state_with()))
    seed = pane.seed
    seed.setValue(5)
    area = seed.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    assert area is not None
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the column does not fit: it scrolls
    bar.setValue(bar.maximum())
    pane.builtins.setFocus()
    qtbot.waitUntil(pane.builtins.hasFocus)
    assert not wheel_up(seed)
    assert seed.value() == 5 and bar.value() < bar.maximum()  # scrolled up instead
    assert_wheel_safe(qtbot, pane.val_slider, pane.builtins)


def test_the_inspector_and_the_evaluate_pane_ignore_the_wheel_until_focused(
    qtbot: Any, editor: Any
) -> None:
    graph = editor.graph
    conv = next(n for n in graph.nodes.values() if n.type == "Conv2d")
    editor.scene.select_nodes([conv.id])
    field = editor.inspector.editors["filters"].widget
    before = graph.nodes[conv.id].params["filters"]
    assert_wheel_safe(qtbot, field, editor.inspector.name_edit)
    assert graph.nodes[conv.id].params["filters"] != before  # the focused wheel edits
    pane = shown(qtbot, EvaluatePane(state_with("char-lstm", load=False)))
    temperature = pane.text_generator.temperature
    assert_wheel_safe(qtbot, temperature, pane.text_generator.seed_text)


def test_a_labs_slider_ignores_the_wheel_until_focused(qtbot: Any) -> None:
    panel = shown(qtbot, LabsPanel(ProjectDocument(engine.default_project())))
    panel.show_lab("gradient-descent")
    widget = panel.current_widget()
    assert_wheel_safe(qtbot, widget.slider, panel)
