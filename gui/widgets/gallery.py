"""A grid of small images with captions: dataset previews, galleries, feature maps.

Images arrive as uint8 arrays shaped N×C×H×W (C = 1 or 3), the layout the engine keeps them in.
The grid paints them itself (no widget per image), so a few hundred thumbnails stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


def to_qimage(image: np.ndarray) -> QImage:
    """One C×H×W (or H×W) uint8 image as a QImage that owns a copy of its pixels."""
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[0] in (1, 3, 4):
        array = array[0] if array.shape[0] == 1 else np.moveaxis(array[:3], 0, -1)
    if array.dtype != np.uint8:
        array = normalise_to_uint8(array)
    array = np.ascontiguousarray(array)
    height, width = array.shape[:2]
    if array.ndim == 2:
        qimage = QImage(array.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        qimage = QImage(array.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return qimage.copy()  # detach from the numpy buffer, which Python may free


def normalise_to_uint8(values: np.ndarray) -> np.ndarray:
    """Stretch any real array to 0..255 (feature maps, augmented floats)."""
    data = np.asarray(values, dtype=np.float32)
    low, high = float(np.nanmin(data)), float(np.nanmax(data))
    if high - low < 1e-12:
        return np.zeros(data.shape, dtype=np.uint8)
    return ((data - low) * (255.0 / (high - low))).clip(0, 255).astype(np.uint8)


class ImageGrid(QWidget):
    """Thumbnails in rows with a caption under each; a click emits the thumbnail's index."""

    sig_clicked = Signal(int)

    def __init__(self, cell: int = 72, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._images: list[QImage] = []
        self._captions: list[str] = []
        self._highlight: list[bool] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(cell + 24)

    # -- content ---------------------------------------------------------------------------
    def set_images(
        self,
        images: np.ndarray | Sequence[np.ndarray],
        captions: Sequence[str] = (),
        highlight: Sequence[bool] = (),
    ) -> None:
        """Show images (N×C×H×W uint8 or a list of C×H×W / H×W arrays) with optional captions."""
        self._images = [to_qimage(image) for image in images]
        self._captions = list(captions) + [""] * (len(self._images) - len(captions))
        self._highlight = list(highlight) + [False] * (len(self._images) - len(highlight))
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def clear(self) -> None:
        self.set_images([])

    def count(self) -> int:
        return len(self._images)

    def caption(self, index: int) -> str:
        return self._captions[index]

    # -- geometry ----------------------------------------------------------------------------
    def _caption_height(self) -> int:
        return self.fontMetrics().height() + 4 if any(self._captions) else 0

    def _columns(self) -> int:
        return max(1, (self.width() - 4) // (self._cell + 6))

    def cell_rect(self, index: int) -> QRect:
        columns = self._columns()
        row, column = divmod(index, columns)
        height = self._cell + self._caption_height() + 6
        return QRect(4 + column * (self._cell + 6), 4 + row * height, self._cell, height - 6)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        columns = max(1, (width - 4) // (self._cell + 6))
        rows = max(1, -(-len(self._images) // columns))
        return 8 + rows * (self._cell + self._caption_height() + 6)

    def sizeHint(self) -> QSize:
        return QSize(8 * (self._cell + 6), self.heightForWidth(8 * (self._cell + 6) + 4))

    def resizeEvent(self, event: object) -> None:
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def index_at(self, x: int, y: int) -> int:
        for index in range(len(self._images)):
            if self.cell_rect(index).contains(x, y):
                return index
        return -1

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(int(event.position().x()), int(event.position().y()))
        if index >= 0:
            self.sig_clicked.emit(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        if not self._images:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        # Small images (28×28) are scaled up without smoothing so pixels stay crisp.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        caption_height = self._caption_height()
        accent = QColor("#D55E00")
        for index, image in enumerate(self._images):
            rect = self.cell_rect(index)
            if not rect.intersects(event.rect()):
                continue
            box = QRect(rect.x(), rect.y(), self._cell, self._cell)
            painter.fillRect(box, palette.color(QPalette.ColorRole.AlternateBase))
            scaled = image.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(box.center())
            painter.drawImage(target, image)
            if self._highlight[index]:
                painter.setPen(accent)
                painter.drawRect(box.adjusted(0, 0, -1, -1))
            if caption_height:
                painter.setPen(
                    accent if self._highlight[index] else palette.color(QPalette.ColorRole.Text)
                )
                text_rect = QRect(rect.x() - 3, box.bottom() + 2, self._cell + 6, caption_height)
                text = self.fontMetrics().elidedText(
                    self._captions[index], Qt.TextElideMode.ElideRight, self._cell + 6
                )
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, text)
