"""Evaluate-pane tabs that look inside or play with a model: feature maps and text generation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.panes.gallery import ImageGrid, normalise_to_uint8

if TYPE_CHECKING:
    from gui.panes.drawpad import DrawPad
    from gui.project_state import ProjectState

MAX_CHANNELS = 32  # feature maps shown per layer; more would only shrink each one


class FeatureMapsTab(QWidget):
    """What each convolution layer produces for one test sample or the drawing."""

    def __init__(
        self, state: ProjectState, drawpad: DrawPad, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.drawpad = drawpad
        self.source = QComboBox()
        self.source.addItem(self.tr("Test sample"), "sample")
        self.source.addItem(self.tr("My drawing"), "drawing")
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sample = QSpinBox()
        self.sample.setRange(0, 0)
        self.sample.valueChanged.connect(lambda _v: self.refresh())
        self.input_view = ImageGrid(cell=84)
        self.input_view.setMaximumWidth(110)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Input")))
        controls.addWidget(self.source)
        controls.addWidget(QLabel(self.tr("sample #")))
        controls.addWidget(self.sample)
        controls.addStretch(1)
        self.message = QLabel()
        self._layers = QWidget()
        self._layers_layout = QVBoxLayout(self._layers)
        self._layers_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self._layers)
        scroll.setWidgetResizable(True)
        body = QHBoxLayout()
        body.addWidget(self.input_view, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.grids: dict[str, ImageGrid] = {}
        self._titles: dict[str, QLabel] = {}
        self._stale = True

    def drawing_changed(self) -> None:
        if self.source.currentData() == "drawing":
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _raw_input(self) -> np.ndarray | None:
        dataset = self.state.dataset
        if dataset is None or dataset.kind != "image":
            return None
        if self.source.currentData() == "drawing":
            return self.drawpad.to_raw(tuple(dataset.input_shape))
        split = dataset.test if dataset.test is not None else dataset.val
        self.sample.setMaximum(max(0, len(split) - 1))
        index = min(self.sample.value(), len(split) - 1)
        return split.x[index : index + 1].detach().cpu().numpy()

    def refresh(self) -> None:
        """Recompute the maps (only while visible: hidden tabs stay stale until shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        model, dataset = self.state.model, self.state.dataset
        raw = self._raw_input()
        if model is None or raw is None:
            self.message.setText(self.tr("Train a network on images to see its feature maps."))
            return
        self.input_view.set_images(raw[:1])
        from engine import feature_maps

        try:
            maps_by_layer = feature_maps(model, dataset, raw)
        except Exception as error:  # shown in place of the maps, never a traceback
            self.message.setText(self.tr("Feature maps unavailable: {0}").format(error))
            return
        if not maps_by_layer:
            self.message.setText(self.tr("This network has no convolution layer."))
            return
        self.message.setText(
            self.tr("Bright = strong activation. Each tile is one channel of the layer's output.")
        )
        for name in list(self.grids):
            if name not in maps_by_layer:  # the network changed: drop stale layers
                title, grid = self._titles.pop(name), self.grids.pop(name)
                for widget in (title, grid):
                    widget.hide()  # gone at once; deleted when the event loop comes round
                    widget.deleteLater()
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

    def __init__(self, state: ProjectState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._model: Any = None
        self.seed_text = QLineEdit("The ")
        self.length = QSpinBox()
        self.length.setRange(1, 5000)
        self.length.setValue(300)
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(5, 200)
        self.temperature.setValue(80)
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

    def _on_temperature(self, value: int) -> None:
        self.temperature_label.setText(
            self.tr("{0:.2f} (low: safe and repetitive, high: surprising)").format(value / 100)
        )

    @property
    def temperature_value(self) -> float:
        return self.temperature.value() / 100.0

    def update_model(self, model: Any) -> None:
        self._model = model
        self.generate_button.setEnabled(model is not None)

    def generate(self) -> str:
        dataset = self.state.dataset
        if self._model is None or dataset is None:
            return ""
        from engine import sample_text

        try:
            text: str = sample_text(
                self._model,
                dataset,
                self.seed_text.text(),
                int(self.length.value()),
                self.temperature_value,
            )
        except Exception as error:  # e.g. a seed character outside the vocabulary
            text = self.tr("Could not generate text: {0}").format(error)
        self.output.setPlainText(self.seed_text.text() + text)
        return text

    def epoch_sample(self, model: Any, epoch: int) -> None:
        dataset = self.state.dataset
        if dataset is None:
            return
        from engine import sample_text

        try:
            text = sample_text(model, dataset, self.seed_text.text(), 120, self.temperature_value)
        except Exception as error:
            text = str(error)
        # One line per epoch: line breaks in the sample are shown as ↵.
        sample = (self.seed_text.text() + text).replace("\n", "↵")
        self.epoch_samples.appendPlainText(self.tr("Epoch {0}: {1}").format(epoch, sample))
