"""The Attention tab: what each head of a Transformer looks at while it reads a text — one head's
map (row: the position predicting the next character, column: a character it draws on), how far
back each head looks on average, and the text tinted by what one position reads.
``engine.attention_maps`` computes the weights on the session's worker."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui.data.views import apply_theme
from gui.evaluate.explain_tab import heat_colours, refill_combo
from gui.evaluate.live_tabs import ShownOnlyTab

if TYPE_CHECKING:
    from gui.document import ProjectDocument
    from gui.evaluate.session import EvaluationSession

VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"}  # characters that would be invisible
TICK_PIXELS = 11  # the least room a character's label needs along an axis


def shown(character: str) -> str:
    return VISIBLE.get(character, character)


class _ClickableImage(pg.ImageItem):  # type: ignore[misc]
    """An image that says which row was clicked (a signal: no Python reference back to the
    view, so no cycle for the garbage collector to take apart in some order of its own)."""

    sig_row_clicked = Signal(int)

    def mouseClickEvent(self, event: Any) -> None:
        self.sig_row_clicked.emit(int(event.pos().y()))
        event.accept()


class AttentionMapView(pg.PlotWidget):  # type: ignore[misc]
    """One head's T×T attention as a heat map, the characters along both axes; a click on a
    row chooses the position whose reading is shown."""

    sig_row_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_theme(self)
        plot = self.getPlotItem()
        plot.setAspectLocked(True)
        plot.invertY(True)  # the text reads from the top down, as rows do
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setLabel("bottom", self.tr("characters it draws on"))
        plot.setLabel("left", self.tr("position predicting the next one"))
        self.image = _ClickableImage()
        self.image.sig_row_clicked.connect(self.sig_row_clicked)
        lut = heat_colours(np.linspace(0.0, 1.0, 256)).T * 255
        self.image.setLookupTable(lut.astype(np.uint8))
        plot.addItem(self.image)
        self.row_marker = pg.InfiniteLine(angle=0, pen=pg.mkPen("#2a9df4", width=2))
        plot.addItem(self.row_marker)
        self.weights: np.ndarray | None = None  # what is drawn: T×T, rows sum to 1

    def set_map(self, weights: np.ndarray, characters: list[str], row: int) -> None:
        self.weights = np.asarray(weights, np.float32)
        self._characters = list(characters)
        t = self.weights.shape[0]
        # ImageItem's first axis is x: columns (keys) across, rows (queries) down.
        self.image.setImage(self.weights.T, levels=(0.0, float(max(self.weights.max(), 1e-6))))
        self._label_axes()
        self.getPlotItem().setRange(xRange=(0, t), yRange=(0, t), padding=0.02)
        self.row_marker.setValue(row + 0.5)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._label_axes()

    def _label_axes(self) -> None:
        """Each character along both axes, or every k-th where the map is too small."""
        characters = getattr(self, "_characters", [])
        if not characters:
            return
        side = max(1.0, self.getPlotItem().vb.height())
        step = max(1, int(np.ceil(TICK_PIXELS * len(characters) / side)))
        ticks = [(i + 0.5, shown(characters[i])) for i in range(0, len(characters), step)]
        for axis in ("bottom", "left"):
            self.getPlotItem().getAxis(axis).setTicks([ticks])

    def clear_map(self) -> None:
        self.image.clear()
        self.weights = None


class AttentionTab(ShownOnlyTab):
    def __init__(
        self, state: ProjectDocument, session: EvaluationSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Type a text, or take one from the data"))
        self.text.setToolTip(self.tr("The text the network reads (its last window of characters)"))
        self.sample_button = QPushButton(self.tr("From the data"))
        self.sample_button.setToolTip(self.tr("A piece of the validation text"))
        self.layer = QComboBox()
        self.layer.setToolTip(self.tr("The attention layer (a Transformer block's heads)"))
        self.head = QComboBox()
        self.head.setToolTip(self.tr("One head, or the mean of all of them"))
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.setToolTip(self.tr("The position whose reading is shown below the map"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Text")))
        controls.addWidget(self.text, 1)
        controls.addWidget(self.sample_button)
        controls.addWidget(QLabel(self.tr("Layer")))
        controls.addWidget(self.layer)
        controls.addWidget(QLabel(self.tr("Head")))
        controls.addWidget(self.head)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.look_back = QLabel()
        self.look_back.setWordWrap(True)
        self.map = AttentionMapView()
        self.map.setMinimumSize(220, 220)
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.RichText)
        position_row = QHBoxLayout()
        position_row.addWidget(QLabel(self.tr("Position")))
        position_row.addWidget(self.position, 1)
        # The square map takes the dock's height; what it means reads beside it (a lab
        # screen's Evaluate dock is about 300 px tall).
        words = QVBoxLayout()
        words.addWidget(self.caption)
        words.addWidget(self.look_back)
        words.addLayout(position_row)
        words.addWidget(self.reading)
        words.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.map, 1)
        body.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        self.maps: Any = None  # the engine's AttentionMaps shown
        self._sample = 0  # which validation window "From the data" takes next
        self.text.editingFinished.connect(self.refresh)
        self.sample_button.clicked.connect(self.take_sample)
        self.layer.currentIndexChanged.connect(lambda _i: self._redraw())
        self.head.currentIndexChanged.connect(lambda _i: self._redraw())
        self.position.valueChanged.connect(lambda _v: self._redraw())
        self.map.sig_row_clicked.connect(self.position.setValue)
        session.sig_attention.connect(self._show)
        session.sig_attention_failed.connect(self._failed)
        self.clear()

    # -- inputs -----------------------------------------------------------------------------
    def update_model(self) -> None:
        """The model or the data changed: offer its attention layers again, and a text from
        the data when none is typed."""
        from engine import attention_layers

        model = self.state.model
        layers = attention_layers(model) if model is not None else []
        refill_combo(self.layer, [(_layer_title(name), name) for name in layers], default=0)
        if not self.text.text():
            self._sample = 0
            self.text.setText(self._validation_text(0))
        self._stale = True
        self.refresh()

    def take_sample(self) -> None:
        """The next window of the validation text."""
        self._sample += 1
        self.text.setText(self._validation_text(self._sample))
        self.refresh()

    def _validation_text(self, index: int) -> str:
        dataset = self.state.dataset
        vocab = list(dataset.vocab or []) if dataset is not None else []
        split = (dataset.val or dataset.train) if dataset is not None else None
        if not vocab or split is None or len(split.x) == 0:
            return ""
        tokens = split.x[index % len(split.x)].reshape(-1).tolist()
        return "".join(vocab[int(t)] for t in tokens if 0 <= int(t) < len(vocab))

    # -- maps -------------------------------------------------------------------------------
    def compute(self) -> None:
        """Ask for the maps of the text."""
        if not self.text.text() or self.layer.count() == 0 or not self.session.can_inspect():
            self.clear()
            return
        self.session.attend(self.text.text())

    def clear(self) -> None:
        self.maps = None
        self.map.clear_map()
        self.look_back.clear()
        self.reading.clear()
        self.caption.setText(
            self.tr("Train a network with attention layers to see what its heads look at.")
        )

    def _failed(self, message: str) -> None:
        self.clear()
        self.caption.setText(self.tr("No attention maps: {0}").format(message))

    def _show(self, maps: Any) -> None:
        self.maps = maps
        heads = next(iter(maps.weights.values())).shape[0]
        if self.head.count() != heads + 1:
            items = [(self.tr("Head {0}").format(h + 1), h) for h in range(heads)]
            refill_combo(self.head, [*items, (self.tr("Mean of the heads"), -1)], default=0)
        t = len(maps.characters)
        self.position.blockSignals(True)
        self.position.setRange(0, t - 1)
        self.position.setValue(t - 1)  # the last character: what the next prediction reads
        self.position.blockSignals(False)
        self.caption.setText(
            self.tr(
                "Each row is a position predicting the next character; brighter columns are the "
                "characters it draws on most (each row sums to 100 %). Right of the diagonal "
                "stays dark when the layer is causal: a position never sees what comes after it."
            )
        )
        self._redraw()

    def _redraw(self) -> None:
        maps, layer = self.maps, self.layer.currentData()
        if maps is None or layer not in maps.weights:
            return
        weights = maps.weights[layer]
        head = self.head.currentData()
        chosen = weights.mean(axis=0) if head is None or head < 0 else weights[int(head)]
        row = self.position.value()
        self.map.set_map(chosen, maps.characters, row)
        distances = maps.look_back(layer)
        self.look_back.setText(
            self.tr(
                "How far back each head looks, on average: {0} (spread evenly, a head would "
                "look {1:.1f} back)."
            ).format(
                ", ".join(
                    self.tr("head {0} {1:.1f} characters").format(h + 1, float(d))
                    for h, d in enumerate(distances)
                ),
                maps.even_look_back(layer),
            )
        )
        self.reading.setText(self._reading_html(chosen[row], maps.characters, row))

    def _reading_html(self, weights: np.ndarray, characters: list[str], row: int) -> str:
        """The text with each character tinted by the attention position ``row`` gives it
        (the strongest fully), the position itself underlined."""
        base = self.palette().color(QPalette.ColorRole.Base)
        tint = QColor("#f28e2b")
        top = float(weights.max()) or 1.0
        spans = []
        for j, character in enumerate(characters[: row + 1]):
            a = float(weights[j]) / top
            colour = QColor(
                round(base.red() + a * (tint.red() - base.red())),
                round(base.green() + a * (tint.green() - base.green())),
                round(base.blue() + a * (tint.blue() - base.blue())),
            )
            style = f"background-color:{colour.name()};"
            if j == row:
                style += "text-decoration:underline;font-weight:bold;"
            spans.append(f'<span style="{style}">{html.escape(shown(character))}</span>')
        intro = html.escape(
            self.tr("Predicting what follows '{0}' (position {1}), the head reads:").format(
                shown(characters[row]), row + 1
            )
        )
        return f"{intro}<br><span style='font-family:monospace'>{''.join(spans)}</span>"


def _layer_title(module_name: str) -> str:
    """A Transformer block's attention is shown under the block's name (the node's)."""
    return module_name.removesuffix(".attention")
