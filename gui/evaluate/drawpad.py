"""A drawing pad: mouse strokes become one image in the dataset's raw format.

The strokes are rasterised the way MNIST digits were prepared (ink cropped to its bounding
box, scaled to fit 20/28 of the frame, centred in the full frame), then scaled to the range
and dtype of the dataset's own raw images. The model then sees the drawing through exactly
the dataset's preprocessing (``predict_proba`` applies it), never a hand-made copy of it.
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS = 280  # the pad's own resolution; ten times MNIST's 28 pixels
STROKE = 22  # pen width on the 280-pixel canvas: about MNIST's stroke after scaling
INNER = 20 / 28  # MNIST fits each digit's bounding box into 20 of its 28 pixels


class DrawPad(QWidget):
    """Draw with the left button, erase with the right; ``sig_changed`` fires while drawing."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage(CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._last: QPointF | None = None
        self._erasing = False
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw with the left mouse button; the right button erases."))
        # While the mouse moves, predict at most every 60 ms (the model needs a few ms).
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(60)
        self._throttle.timeout.connect(self.sig_changed)

    def sizeHint(self) -> QSize:
        return QSize(CANVAS, CANVAS)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- content -------------------------------------------------------------------------------
    def clear(self) -> None:
        self._image.fill(0)
        self.update()
        self.sig_changed.emit()

    def is_empty(self) -> bool:
        return not bool(self.canvas_array().any())

    def canvas_array(self) -> np.ndarray:
        """The 280×280 canvas as uint8 (0 = background, 255 = ink)."""
        ptr = self._image.constBits()
        stride = self._image.bytesPerLine()
        data = np.frombuffer(ptr, dtype=np.uint8, count=stride * CANVAS).reshape(CANVAS, stride)
        return data[:, :CANVAS].copy()

    def draw_line(self, points: list[tuple[float, float]], width: float = STROKE) -> None:
        """Stroke through points given in canvas pixels (tests and demos draw with this)."""
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(QColor(255, 255, 255), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
        if len(points) == 1:
            painter.drawPoint(QPointF(*points[0]))
        painter.end()
        self.update()
        self.sig_changed.emit()

    def to_raw(
        self, shape: tuple[int, ...], raw_max: float = 255.0, dtype: np.dtype | type = np.uint8
    ) -> np.ndarray:
        """The drawing as one raw sample shaped (1, C, H, W) in the dataset's value range."""
        channels, height, width = shape if len(shape) == 3 else (1, 28, 28)
        canvas = self.canvas_array()
        frame = np.zeros((height, width), dtype=np.float32)
        ys, xs = np.nonzero(canvas)
        if ys.size:
            crop = self._image.copy(
                QRect(int(xs.min()), int(ys.min()), int(np.ptp(xs)) + 1, int(np.ptp(ys)) + 1)
            )
            inner = QSize(max(1, round(width * INNER)), max(1, round(height * INNER)))
            scaled = crop.scaled(
                inner,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ).convertToFormat(QImage.Format.Format_Grayscale8)
            small = _qimage_array(scaled)
            # Centre by the centre of mass, as MNIST did, clipped to stay inside the frame.
            total = float(small.sum()) or 1.0
            cy = float((small.sum(axis=1) * np.arange(small.shape[0])).sum()) / total
            cx = float((small.sum(axis=0) * np.arange(small.shape[1])).sum()) / total
            top = round(height / 2 - cy)
            left = round(width / 2 - cx)
            top = min(max(top, 0), height - small.shape[0])
            left = min(max(left, 0), width - small.shape[1])
            frame[top : top + small.shape[0], left : left + small.shape[1]] = small
        values = frame * (float(raw_max) / 255.0)
        if np.issubdtype(np.dtype(dtype), np.integer):
            values = np.rint(values)
        image = values.astype(dtype)
        return np.broadcast_to(image, (1, channels, height, width)).copy()

    # -- painting and mouse ----------------------------------------------------------------------
    def _target(self) -> QRect:
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_canvas(self, event: QMouseEvent) -> QPointF:
        target = self._target()
        scale = CANVAS / max(1, target.width())
        return QPointF(
            (event.position().x() - target.x()) * scale, (event.position().y() - target.y()) * scale
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self._target()
        painter.drawImage(target, self._image)
        painter.setPen(QPen(QColor("#56B4E9"), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._erasing = event.button() == Qt.MouseButton.RightButton
        self._last = self._to_canvas(event)
        self._stroke(self._last, self._last)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is None:
            return
        point = self._to_canvas(event)
        self._stroke(self._last, point)
        self._last = point

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self._throttle.stop()
        self.sig_changed.emit()

    def _stroke(self, a: QPointF, b: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(0, 0, 0) if self._erasing else QColor(255, 255, 255)
        width = STROKE * 2 if self._erasing else STROKE
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(a, b)
        painter.end()
        self.update()
        if not self._throttle.isActive():
            self._throttle.start()


def _qimage_array(image: QImage) -> np.ndarray:
    """A Grayscale8 QImage as a (copied) float32 H×W array."""
    height, width = image.height(), image.width()
    stride = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, :width].astype(np.float32)
