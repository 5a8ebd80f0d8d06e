"""The layer palette: layers by category, a search box, icons and explanatory tooltips.

Drags carry the layer type id under the ``application/x-netcanvas-layer`` MIME type.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine import CATEGORIES, LAYERS
from gui.editor.view import LAYER_MIME
from gui.i18n import localized
from gui.icons import layer_icon

_TYPE_ROLE = Qt.ItemDataRole.UserRole


class LayerTree(QTreeWidget):
    """The tree the palette shows; it makes the drag payload."""

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        types = [i.data(0, _TYPE_ROLE) for i in items if i.data(0, _TYPE_ROLE)]
        if types:
            mime.setData(LAYER_MIME, QByteArray(types[0].encode("utf-8")))
            mime.setText(types[0])
        return mime


class LayerPalette(QWidget):
    sig_layer_activated = Signal(str)  # double-click, Enter, or Enter in the search box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search layers"))
        self.tree = LayerTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setIconSize(QSize(20, 20))
        self.tree.setAccessibleName(self.tr("Layer palette"))
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.layer_items: dict[str, QTreeWidgetItem] = {}
        self._populate()
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self._on_search_return)
        self.tree.itemActivated.connect(self._on_item_activated)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.search.setPlaceholderText(self.tr("Search layers…"))
            self.tree.clear()
            self.layer_items.clear()
            self._populate()
            self._on_search_changed(self.search.text())
        super().changeEvent(event)

    def _populate(self) -> None:
        by_category: dict[str, list[str]] = {}
        for type_id, spec in LAYERS.items():
            by_category.setdefault(spec.category, []).append(type_id)
        for cat_id, title_en, title_zh in CATEGORIES:
            types = by_category.get(cat_id, [])
            if not types:
                continue
            top = QTreeWidgetItem(self.tree, [localized(title_en, title_zh)])
            top.setToolTip(0, localized(title_en, title_zh))  # the dock may cut long titles
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for type_id in types:
                spec = LAYERS[type_id]
                item = QTreeWidgetItem(top, [localized(spec.title_en, spec.title_zh)])
                item.setData(0, _TYPE_ROLE, type_id)
                item.setIcon(0, layer_icon(type_id, spec.category, 20))
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                explain = localized(spec.explain_en, spec.explain_zh)
                formula = f"<br><code>{spec.formula}</code>" if spec.formula else ""
                item.setToolTip(
                    0, f"<b>{localized(spec.title_en, spec.title_zh)}</b><br>{explain}{formula}"
                )
                item.setStatusTip(0, explain)
                self.layer_items[type_id] = item
            top.setExpanded(True)

    # --- search ----------------------------------------------------------------------------

    def matches(self, text: str) -> list[str]:
        """Layer types matching ``text`` (title, id, explanation; either language), best first."""
        needle = text.strip().lower()
        if not needle:
            return list(self.layer_items)
        scored: list[tuple[int, str]] = []
        for type_id, spec in LAYERS.items():
            titles = (spec.title_en.lower(), spec.title_zh.lower(), type_id.lower())
            if any(t == needle for t in titles):
                score = 0
            elif any(t.startswith(needle) for t in titles):
                score = 1
            elif any(needle in t for t in titles):
                score = 2
            elif needle in spec.explain_en.lower() or needle in spec.explain_zh.lower():
                score = 3
            else:
                continue
            scored.append((score, type_id))
        order = list(self.layer_items)
        scored.sort(key=lambda s: (s[0], order.index(s[1]) if s[1] in order else 0))
        return [t for _, t in scored]

    def _on_search_changed(self, text: str) -> None:
        visible = set(self.matches(text))
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            any_visible = False
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                shown = child.data(0, _TYPE_ROLE) in visible
                child.setHidden(not shown)
                any_visible = any_visible or shown
            top.setHidden(not any_visible)
        found = self.matches(text)
        if text.strip() and found:
            self.tree.setCurrentItem(self.layer_items[found[0]])

    def _on_search_return(self) -> None:
        found = self.matches(self.search.text())
        if self.search.text().strip() and found:
            self.sig_layer_activated.emit(found[0])

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        type_id = item.data(0, _TYPE_ROLE)
        if type_id:
            self.sig_layer_activated.emit(type_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down from the search box goes to the list, so the palette works without a mouse.
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.tree.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)
