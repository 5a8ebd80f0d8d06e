"""Shapes the panes share: a settings column beside a wide view; pages that scroll, or that
stop counting while hidden, rather than make their dock or the window taller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


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


def scrolled(widget: QWidget, frame: bool = True, sideways: bool = True) -> QScrollArea:
    """``widget`` in a scroll area: the area's whole size when there is room, scroll bars when
    there is not (for forms and lists; a view that keeps its aspect, a square draw pad, would
    be scrolled instead of shrunk)."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    if not frame:
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def only_the_shown_page_counts(pages: QTabWidget | QStackedWidget) -> None:
    """Make the pages' minimum size that of the page shown. Qt sizes a tab or stacked widget
    for its tallest page even while that page is hidden (one tall tab kept the window taller
    than a 768-pixel lab screen): a hidden page's size policy is Ignored, which its stack skips.
    """
    policies: dict[int, QSizePolicy] = {}

    def follow(current: int) -> None:
        for index in range(pages.count()):
            page = pages.widget(index)
            kept = policies.setdefault(id(page), page.sizePolicy())
            if index == current:
                page.setSizePolicy(kept)
            else:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        pages.updateGeometry()

    pages.currentChanged.connect(follow)
    follow(pages.currentIndex())
