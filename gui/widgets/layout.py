"""The shape the Data and Training panes share: a settings column beside a wide view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def settings_beside_view(
    pane: QWidget, settings: QWidget, view: QWidget, above: QWidget | None = None
) -> QSplitter:
    """Fill ``pane`` with a splitter: ``settings`` on the left (~340 px), ``view`` taking the rest;
    ``above`` (a message bar) across the top."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(settings)
    splitter.addWidget(view)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([340, 900])
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(4, 4, 4, 4)
    if above is not None:
        layout.addWidget(above)
    layout.addWidget(splitter)
    return splitter
