"""Evaluate-pane tabs that look inside or play with a model: feature maps and text generation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.gallery import ImageGrid, normalise_to_uint8
from gui.widgets.layout import scrolled

if TYPE_CHECKING:
    from gui.document import ProjectDocument
    from gui.evaluate.drawpad import DrawPad
    from gui.evaluate.session import EvaluationSession

MAX_CHANNELS = 32  # feature maps shown per layer; more would only shrink each one


class SampleSource(QWidget):
    """Which image a tab looks inside: a sample of the evaluated split by its number (the
    numbers the galleries show), or the drawing."""

    sig_changed = Signal()

    def __init__(
        self,
        state: ProjectDocument,
        drawpad: DrawPad,
        split_name: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.drawpad = drawpad
        self.split_name = split_name
        self.source = QComboBox()
        self.source.addItem(self.tr("Test sample"), "sample")
        self.source.addItem(self.tr("My drawing"), "drawing")
        self.source.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        self.sample = QSpinBox()
        self.sample.setRange(0, 0)
        self.sample.valueChanged.connect(lambda _v: self.sig_changed.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Input")))
        row.addWidget(self.source)
        row.addWidget(QLabel(self.tr("sample #")))
        row.addWidget(self.sample)

    @property
    def drawing(self) -> bool:
        return bool(self.source.currentData() == "drawing")

    def show_sample(self, index: int) -> None:
        """Look at test sample ``index`` (one change, one refresh)."""
        self.blockSignals(True)
        try:
            self.source.setCurrentIndex(self.source.findData("sample"))
            self.sample.setMaximum(max(index, self.sample.maximum()))
            self.sample.setValue(index)
        finally:
            self.blockSignals(False)
        self.sig_changed.emit()

    def label(self) -> tuple[int, str] | None:
        """(number, class name) of the sample looked at; None for the drawing."""
        dataset = self.state.dataset
        if self.drawing or dataset is None:
            return None
        split = dataset.split(self.split_name())
        index = min(self.sample.value(), len(split) - 1)
        names = list(dataset.class_names)
        true = int(split.y[index])
        return index, names[true] if true < len(names) else str(true)

    def raw(self) -> np.ndarray | None:
        """The chosen image as a raw batch of one (1×C×H×W), or None without image data."""
        dataset = self.state.dataset
        if dataset is None or dataset.kind != "image":
            return None
        if self.drawing:
            return self.drawpad.to_raw(tuple(dataset.input_shape))
        split = dataset.split(self.split_name())
        self.sample.setMaximum(max(0, len(split) - 1))
        index = min(self.sample.value(), len(split) - 1)
        return split.x[index : index + 1].detach().cpu().numpy()


class ShownOnlyTab(QWidget):
    """A tab whose content costs a worker's time: ``refresh`` computes it (``compute``) only
    while the tab is visible; a hidden tab is marked stale and computed when it is shown."""

    _stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.compute()

    def compute(self) -> None:
        raise NotImplementedError


class FeatureMapsTab(ShownOnlyTab):
    """What each convolution layer produces for one test sample or the drawing."""

    def __init__(
        self,
        state: ProjectDocument,
        session: EvaluationSession,
        drawpad: DrawPad,
        split_name: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session
        self.input = SampleSource(state, drawpad, split_name)
        self.input.sig_changed.connect(self.refresh)
        self.source, self.sample = self.input.source, self.input.sample
        self.input_view = ImageGrid(cell=84)
        self.input_view.setMaximumWidth(110)
        controls = QHBoxLayout()
        controls.addWidget(self.input)
        controls.addStretch(1)
        self.message = QLabel()
        self._layers = QWidget()
        self._layers_layout = QVBoxLayout(self._layers)
        self._layers_layout.addStretch(1)
        scroll = scrolled(self._layers)
        body = QHBoxLayout()
        body.addWidget(self.input_view, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.grids: dict[str, ImageGrid] = {}
        self._titles: dict[str, QLabel] = {}
        session.sig_feature_maps.connect(self._show_maps)
        session.sig_feature_maps_failed.connect(
            lambda message: self.message.setText(
                self.tr("Feature maps unavailable: {0}").format(message)
            )
        )

    def drawing_changed(self) -> None:
        if self.input.drawing:
            self.refresh()

    def compute(self) -> None:
        """The maps of the chosen sample."""
        raw = self.input.raw()
        if raw is None or not self.session.can_inspect():
            self.message.setText(self.tr("Train a network on images to see its feature maps."))
            return
        self.input_view.set_images(raw[:1])
        self.session.compute_feature_maps(raw)  # arrives in _show_maps

    def clear(self) -> None:
        """No model: no maps, no input."""
        self.input_view.clear()
        self._drop_layers(set())
        self.message.setText(self.tr("Train a network on images to see its feature maps."))

    def _drop_layers(self, keep: set[str]) -> None:
        for name in list(self.grids):
            if name not in keep:  # the network changed: drop stale layers
                title, grid = self._titles.pop(name), self.grids.pop(name)
                for widget in (title, grid):
                    widget.hide()  # gone at once; deleted when the event loop comes round
                    widget.deleteLater()

    def _show_maps(self, maps_by_layer: dict[str, Any]) -> None:
        if not maps_by_layer:
            self.message.setText(self.tr("This network has no convolution layer."))
            return
        self.message.setText(
            self.tr("Bright = strong activation. Each tile is one channel of the layer's output.")
        )
        self._drop_layers(set(maps_by_layer))
        for name, maps in maps_by_layer.items():
            array = np.asarray(maps)
            if array.ndim == 2:  # Conv1d: channels × length, drawn as thin strips
                array = array[:, None, :]
            existing = self.grids.get(name)
            if existing is not None:
                grid = existing
            else:
                title = QLabel()
                grid = ImageGrid(cell=56)
                self._layers_layout.insertWidget(self._layers_layout.count() - 1, title)
                self._layers_layout.insertWidget(self._layers_layout.count() - 1, grid)
                self.grids[name] = grid
                self._titles[name] = title
            shape = "×".join(str(s) for s in array.shape)
            shown = min(len(array), MAX_CHANNELS)
            self._titles[name].setText(
                self.tr("<b>{0}</b> — output {1}, first {2} channels").format(name, shape, shown)
            )
            tiles = [normalise_to_uint8(channel)[None] for channel in array[:MAX_CHANNELS]]
            grid.set_images(tiles, [str(i) for i in range(len(tiles))])


class TextGeneratorTab(QWidget):
    """Sample text from a character model: seed text, length and temperature."""

    def __init__(
        self, state: ProjectDocument, session: EvaluationSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session
        self.seed_text = QLineEdit(session.text_seed)
        self.seed_text.textChanged.connect(self._on_seed_changed)
        self.length = QSpinBox()
        self.length.setRange(1, 5000)
        self.length.setValue(300)
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(5, 200)
        self.temperature.setValue(round(100 * session.text_temperature))
        self.temperature_label = QLabel()
        self.temperature.valueChanged.connect(self._on_temperature)
        self._on_temperature(self.temperature.value())
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.clicked.connect(self.generate)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.epoch_samples = QPlainTextEdit()
        self.epoch_samples.setReadOnly(True)
        self.epoch_samples.setPlaceholderText(self.tr("A short sample appears after every epoch."))
        temperature_row = QHBoxLayout()
        temperature_row.addWidget(self.temperature, 1)
        temperature_row.addWidget(self.temperature_label)
        form = QFormLayout()
        form.addRow(self.tr("Seed text"), self.seed_text)
        form.addRow(self.tr("Length"), self.length)
        form.addRow(self.tr("Temperature"), temperature_row)
        form.addRow(self.generate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.output, 2)
        layout.addWidget(QLabel(self.tr("During training")))
        layout.addWidget(self.epoch_samples, 1)
        self._generating_from = ""  # the seed of the generation in flight
        session.sig_generated.connect(self._on_generated)
        session.sig_generate_failed.connect(self._on_generate_failed)
        session.sig_epoch_text.connect(self._on_epoch_text)
        state.sig_training_changed.connect(lambda _running: self._update_button())

    def _on_seed_changed(self, text: str) -> None:
        self.session.text_seed = text

    def _on_temperature(self, value: int) -> None:
        self.session.text_temperature = value / 100
        self.temperature_label.setText(
            self.tr("{0:.2f} (low: safe and repetitive, high: surprising)").format(value / 100)
        )

    @property
    def temperature_value(self) -> float:
        return self.temperature.value() / 100.0

    def update_model(self, _model: Any) -> None:
        self._update_button()

    def _update_button(self) -> None:
        self.generate_button.setEnabled(self.session.can_inspect() or self.state.training)

    def generate(self) -> bool:
        """Generate on a worker task (during a run, from the newest epoch's weights); the text
        appears in the output when it is ready. False when there is nothing to generate with."""
        seed = self.seed_text.text()
        if not self.session.generate(seed, int(self.length.value()), self.temperature_value):
            return False
        self._generating_from = seed
        self.generate_button.setEnabled(False)
        self.generate_button.setText(self.tr("Generating…"))
        return True

    def _generation_ended(self) -> None:
        self.generate_button.setText(self.tr("Generate"))
        self._update_button()

    def _on_generated(self, text: str) -> None:
        self._generation_ended()
        self.output.setPlainText(self._generating_from + text)

    def _on_generate_failed(self, message: str) -> None:  # e.g. a seed outside the vocabulary
        self._generation_ended()
        self.output.setPlainText(self.tr("Could not generate text: {0}").format(message))

    def _on_epoch_text(self, epoch: int, sample: str) -> None:
        # One line per epoch: line breaks in the sample are shown as ↵.
        line = sample.replace("\n", "↵")
        self.epoch_samples.appendPlainText(self.tr("Epoch {0}: {1}").format(epoch, line))

    def clear(self) -> None:
        self.output.clear()
        self.epoch_samples.clear()
        self._generation_ended()
