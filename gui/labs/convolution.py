"""CNN lab: a 3×3 filter sliding over a digit with the dot product at each position, the
feature map it builds, and what 2×2 max pooling keeps of it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

import resources
from gui.labs.common import LabWidget, cividis_lookup, colour

Array = NDArray[np.float64]

KERNELS: dict[str, Array] = {
    "vertical": np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),  # Sobel x
    "horizontal": np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),  # Sobel y
    "blur": np.full((3, 3), 1.0 / 9.0),
    "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
}


def load_digit() -> Array:
    """The lab's 28×28 digit (resources/labs/assets/digit7.json), grey levels scaled to 0…1."""
    import json

    path = resources.path("labs", "assets", "digit7.json")
    pixels = json.loads(path.read_text("utf-8"))["pixels"]
    return np.array(pixels, dtype=np.float64) / 255.0


def convolve_valid(image: Array, kernel: Array) -> Array:
    """What Conv2d computes (cross-correlation, stride 1, no padding): one dot product per position."""
    k = kernel.shape[0]
    h, w = image.shape[0] - k + 1, image.shape[1] - k + 1
    out = np.empty((h, w))
    for r in range(h):
        for c in range(w):
            out[r, c] = float(np.sum(image[r : r + k, c : c + k] * kernel))
    return out


def max_pool(feature: Array, size: int = 2) -> Array:
    h, w = feature.shape[0] // size, feature.shape[1] // size
    return feature[: h * size, : w * size].reshape(h, size, w, size).max(axis=(1, 3))


def _grid_html(values: Array) -> str:
    """A small matrix as an HTML table: numbers line up in any language's font."""
    rows = "".join(
        "<tr>" + "".join(f"<td align='right'>{v:.2f}</td>".replace("-", "−") for v in row) + "</tr>"
        for row in values
    )
    return f"<table border='1' cellspacing='0' cellpadding='3'>{rows}</table>"


def _image_view(title: str) -> tuple[pg.GraphicsLayoutWidget, pg.ViewBox, pg.ImageItem]:
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground("w")
    widget.setMinimumSize(120, 130)
    label = widget.addLabel(title, color="#000000")
    label.setMaximumHeight(24)
    widget.nextRow()
    view = widget.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
    image = pg.ImageItem()
    view.addItem(image)
    widget.setMaximumHeight(360)
    return widget, view, image


def _frame(image: pg.ImageItem, size: int) -> None:
    """A thin outline, so that white (not yet computed) cells still show the map's extent."""
    outline = QGraphicsRectItem(QRectF(0, 0, size, size))
    outline.setPen(pg.mkPen("#000000", width=1))
    outline.setParentItem(image)


class ConvolutionLab(LabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digit = load_digit()
        self.kernel_combo = QComboBox()
        for key, label in (
            ("vertical", self.tr("Vertical edges (Sobel)")),
            ("horizontal", self.tr("Horizontal edges (Sobel)")),
            ("blur", self.tr("Blur (average)")),
            ("sharpen", self.tr("Sharpen")),
        ):
            self.kernel_combo.addItem(label, key)
        self.kernel_combo.setAccessibleName(self.tr("Filter"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 26 * 26 - 1)
        self.slider.setAccessibleName(self.tr("Filter position"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setCheckable(True)
        self.timer = QTimer(self)
        self.timer.setInterval(40)
        self.timer.timeout.connect(self._on_tick)

        self.input_widget, _, self.input_image = _image_view(self.tr("Input 28×28"))
        self.input_image.setImage(self.digit.T, levels=(0.0, 1.0))
        self.filter_box = QGraphicsRectItem(QRectF(0, 0, 3, 3))
        self.filter_box.setPen(pg.mkPen(colour("orange"), width=3))
        self.filter_box.setParentItem(self.input_image)
        self.feature_widget, _, self.feature_image = _image_view(self.tr("Feature map 26×26"))
        self.pool_widget, _, self.pool_image = _image_view(self.tr("After 2×2 max pooling 13×13"))
        _frame(self.feature_image, 26)
        _frame(self.pool_image, 13)
        self.pool_box = QGraphicsRectItem(QRectF(0, 0, 2, 2))
        self.pool_box.setPen(pg.mkPen(colour("orange"), width=3))
        self.pool_box.setParentItem(self.feature_image)
        self.pool_cell = QGraphicsRectItem(QRectF(0, 0, 1, 1))
        self.pool_cell.setPen(pg.mkPen(colour("orange"), width=3))
        self.pool_cell.setParentItem(self.pool_image)

        self.dot_label = QLabel()
        self.dot_label.setTextFormat(Qt.TextFormat.RichText)
        self.dot_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pool_label = QLabel()
        self.pool_label.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Filter:")))
        controls.addWidget(self.kernel_combo)
        controls.addWidget(QLabel(self.tr("Position:")))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.play_button)
        layout = QGridLayout(self)
        layout.addLayout(controls, 0, 0, 1, 3)
        layout.addWidget(self.input_widget, 1, 0)
        layout.addWidget(self.feature_widget, 1, 1)
        layout.addWidget(self.pool_widget, 1, 2)
        layout.addWidget(self.dot_label, 2, 0, 1, 2)
        layout.addWidget(self.pool_label, 2, 2)
        layout.setRowStretch(3, 1)

        self.kernel_combo.currentIndexChanged.connect(self._on_kernel_changed)
        self.slider.valueChanged.connect(self._on_position)
        self.play_button.toggled.connect(self._on_play)
        self._on_kernel_changed(0)

    def _on_kernel_changed(self, _index: int) -> None:
        self.kernel = KERNELS[str(self.kernel_combo.currentData())]
        self.feature = convolve_valid(self.digit, self.kernel)
        self.pooled = max_pool(self.feature)
        self._on_position(self.slider.value())

    def _coloured(self, values: Array, revealed: NDArray[np.bool_]) -> NDArray[np.uint8]:
        """Cividis colours for the revealed cells, light grey for the rest (not computed yet)."""
        lo, hi = float(self.feature.min()), float(self.feature.max())
        scaled = np.clip((values - lo) / max(hi - lo, 1e-9) * 255, 0, 255).astype(int)
        rgb = cividis_lookup()[scaled][..., :3].astype(np.uint8)
        rgb[~revealed] = 255  # white: not computed yet
        return rgb

    def _on_position(self, position: int) -> None:
        row, col = divmod(position, 26)
        self.filter_box.setRect(QRectF(col, row, 3, 3))
        revealed = np.zeros(self.feature.shape, bool)
        revealed.reshape(-1)[: position + 1] = True
        self.feature_image.setImage(
            self._coloured(self.feature, revealed).transpose(1, 0, 2), levels=(0, 255)
        )
        # A pooled cell is known once its 2×2 block is, i.e. once its bottom-right cell is.
        pool_revealed = revealed[1::2, 1::2]
        self.pool_image.setImage(
            self._coloured(self.pooled, pool_revealed).transpose(1, 0, 2), levels=(0, 255)
        )
        pr, pc = min(row // 2, 12), min(col // 2, 12)
        self.pool_box.setRect(QRectF(pc * 2, pr * 2, 2, 2))
        self.pool_cell.setRect(QRectF(pc, pr, 1, 1))

        patch = self.digit[row : row + 3, col : col + 3]
        self.current_value = float(np.sum(patch * self.kernel))
        # lupdate cannot see a tr() call inside an f-string: translate first, then format.
        patch_title, filter_title = self.tr("input patch"), self.tr("filter")
        self.dot_label.setText(
            "<table cellspacing='0' cellpadding='2'><tr>"
            f"<th>{patch_title}</th><th></th><th>{filter_title}</th></tr><tr>"
            f"<td>{_grid_html(patch)}</td><td valign='middle'>&nbsp;⊙&nbsp;</td>"
            f"<td>{_grid_html(self.kernel)}</td></tr></table>"
            + self.tr("row %d, column %d: Σ patch ⊙ filter = %.3f")
            % (row, col, self.current_value)
        )
        block = self.feature[pr * 2 : pr * 2 + 2, pc * 2 : pc * 2 + 2]
        self.pool_label.setText(
            self.tr(
                "Max pooling keeps only the largest of the 4 values %s → %.3f: the strongest response, a quarter of the size."
            )
            % (", ".join(f"{v:.2f}" for v in block.reshape(-1)), float(block.max()))
        )

    def _on_play(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        if playing:
            if self.slider.value() == self.slider.maximum():
                self.slider.setValue(0)
            self.timer.start()
        else:
            self.timer.stop()

    def _on_tick(self) -> None:
        value = self.slider.value() + 5
        if value >= self.slider.maximum():
            self.slider.setValue(self.slider.maximum())
            self.play_button.setChecked(False)
        else:
            self.slider.setValue(value)

    def run_demo(self) -> None:
        for position in (0, 26 * 10 + 12, 26 * 26 - 1):
            self.slider.setValue(position)
        self.kernel_combo.setCurrentIndex(1)
        self.sig_done.emit()

    def shutdown(self) -> None:
        self.timer.stop()
        super().shutdown()
