"""Simulated user input for the editor: palette drops and mouse drags through the real view.

Used by the GUI tests and the benchmark; nothing here is called by the application itself.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from gui.editor.view import LAYER_MIME


def view_point(view: QGraphicsView, scene_pos: QPointF) -> QPoint:
    """The viewport pixel showing ``scene_pos`` (scrolled into view first)."""
    view.ensureVisible(scene_pos.x() - 1, scene_pos.y() - 1, 2, 2, 20, 20)
    return view.mapFromScene(scene_pos)


def drop_layer(view: QGraphicsView, layer_type: str, scene_pos: QPointF) -> None:
    """Drag a layer from the palette and drop it at ``scene_pos``: enter, move, drop."""
    mime = QMimeData()
    mime.setData(LAYER_MIME, QByteArray(layer_type.encode("utf-8")))
    point = QPointF(view_point(view, scene_pos))
    viewport = view.viewport()
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)


def _mouse(
    view: QGraphicsView,
    kind: QEvent.Type,
    point: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    viewport = view.viewport()
    local = QPointF(point)
    event = QMouseEvent(
        kind,
        local,
        QPointF(viewport.mapToGlobal(point)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def mouse_drag(
    view: QGraphicsView,
    start: QPointF,
    end: QPointF,
    steps: int = 5,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    release: bool = True,
) -> None:
    """Press at scene point ``start``, move in ``steps`` to ``end``, release (all in scene
    coordinates, delivered as real mouse events to the view's viewport)."""
    a = view_point(view, start)
    b = view.mapFromScene(end)
    _mouse(view, QEvent.Type.MouseButtonPress, a, button, button)
    for i in range(1, steps + 1):
        p = QPoint(
            round(a.x() + (b.x() - a.x()) * i / steps), round(a.y() + (b.y() - a.y()) * i / steps)
        )
        _mouse(view, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button)
    if release:
        _mouse(view, QEvent.Type.MouseButtonRelease, b, button, Qt.MouseButton.NoButton)


def mouse_release(view: QGraphicsView, at: QPointF) -> None:
    point = view.mapFromScene(at)
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonRelease, point, left, Qt.MouseButton.NoButton)


def click(view: QGraphicsView, at: QPointF) -> None:
    point = view_point(view, at)
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, point, left, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, point, left, Qt.MouseButton.NoButton)


def editor_window(state: object) -> tuple[object, object]:
    """A plain QMainWindow holding an EditorController's widgets, as the main window would.

    Returns (window, controller); the caller shows the window and owns it.
    """
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

    from gui.editor.controller import EditorController

    window = QMainWindow()
    controller = EditorController(state, window)  # type: ignore[arg-type]
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(controller.view)
    layout.addWidget(controller.summary)
    window.setCentralWidget(central)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    right = Qt.DockWidgetArea.RightDockWidgetArea
    for title, widget, area in (
        (window.tr("Layers"), controller.palette, left),
        (window.tr("Inspector"), controller.inspector, right),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(title)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    window.addActions(controller.edit_actions() + controller.view_actions())
    window.resize(1280, 800)
    return window, controller
