"""The Explain tab: why the network gives an image its class — saliency, Grad-CAM, HiResCAM or
occlusion as a heat map over the image (engine.explanations makes them on the session's worker)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.evaluate.live_tabs import SampleSource, ShownOnlyTab
from gui.i18n import join_sentences
from gui.widgets.gallery import ImageGrid
from gui.widgets.layout import scrolled

if TYPE_CHECKING:
    from gui.document import ProjectDocument
    from gui.evaluate.drawpad import DrawPad
    from gui.evaluate.session import EvaluationSession

OVERLAY_STRENGTH = 0.75  # how much of a pixel the heat colour takes where the map is 1


class ExplainTab(ShownOnlyTab):
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
        self.method = QComboBox()
        self.method.addItem(self.tr("Saliency"), "saliency")
        self.method.addItem(self.tr("Grad-CAM"), "gradcam")
        self.method.addItem(self.tr("HiResCAM"), "hirescam")
        self.method.addItem(self.tr("Occlusion"), "occlusion")
        self.method.setToolTip(
            self.tr(
                "Saliency: the gradient of the class's score at each pixel. Grad-CAM: a "
                "convolution layer's maps weighted by their mean gradient. HiResCAM: the same "
                "with each position's own gradient (true to a Flatten → Dense head). "
                "Occlusion: what covering a patch costs."
            )
        )
        self.layer = QComboBox()
        self.layer.setToolTip(
            self.tr("The Conv2d layer Grad-CAM or HiResCAM looks at (the last sees most)")
        )
        self.layer_label = QLabel(self.tr("Layer"))
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The class whose evidence is shown"))
        controls = QHBoxLayout()
        controls.addWidget(self.input)
        controls.addWidget(QLabel(self.tr("Method")))
        controls.addWidget(self.method)
        controls.addWidget(self.layer_label)
        controls.addWidget(self.layer)
        controls.addWidget(QLabel(self.tr("Class")))
        controls.addWidget(self.target)
        controls.addStretch(1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.images = ImageGrid(cell=196)  # with its caption, fits a lab screen's Evaluate dock
        scroll = scrolled(self.images, frame=False)  # a short dock scrolls the images
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.caption)
        layout.addWidget(scroll, 1)
        self.heatmap: np.ndarray | None = None  # the map shown (H×W in [0, 1])
        self._raw: np.ndarray | None = None
        for combo in (self.method, self.layer, self.target):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.input.sig_changed.connect(self.refresh)
        session.sig_explained.connect(self._show)
        session.sig_explain_failed.connect(
            lambda message: self.caption.setText(self.tr("No explanation: {0}").format(message))
        )

    def update_model(self) -> None:
        """The model or the data changed: offer its conv layers and classes again."""
        from engine import conv_layers

        model, dataset = self.state.model, self.state.dataset
        layers = conv_layers(model) if model is not None else []
        names = list(dataset.class_names) if dataset is not None else []
        predicted = [(self.tr("the predicted one"), None)]
        refill_combo(self.layer, [(name, name) for name in layers], default=len(layers) - 1)
        refill_combo(
            self.target, predicted + [(name, i) for i, name in enumerate(names)], default=0
        )
        self._stale = True
        self.refresh()

    def drawing_changed(self) -> None:
        if self.input.drawing:
            self.refresh()

    def explain_sample(self, index: int) -> None:
        """Explain test sample ``index`` (a click on a misclassified or gallery image)."""
        self.target.blockSignals(True)
        self.target.setCurrentIndex(0)  # why it gave the class it gave
        self.target.blockSignals(False)
        self.input.show_sample(index)

    def _looks_at_a_layer(self) -> bool:
        from engine import CAM_METHODS

        return self.method.currentData() in CAM_METHODS

    def refresh(self) -> None:
        self.layer.setVisible(self._looks_at_a_layer())
        self.layer_label.setVisible(self._looks_at_a_layer())
        super().refresh()

    def compute(self) -> None:
        """Ask for the map of the chosen input."""
        raw = self.input.raw()
        if raw is None or not self.session.can_inspect():
            self.clear()
            return
        self._raw = raw[0]
        layer = self.layer.currentData() if self._looks_at_a_layer() else None
        self.session.explain(
            self._raw, str(self.method.currentData()), self.target.currentData(), layer
        )

    def clear(self) -> None:
        self.heatmap = None
        self.images.clear()
        self.caption.setText(self.tr("Train a network on images to see why it decides."))

    def _show(self, result: Any) -> None:
        if self._raw is None:
            return
        self.heatmap = result.heatmap
        what = {
            "saliency": self.tr(
                "Saliency: how strongly each pixel moves the score of '{0}' (the gradient)."
            ),
            "gradcam": self.tr("Grad-CAM: where {1} saw evidence for '{0}'."),
            "hirescam": self.tr("HiResCAM: what each position of {1} adds to the score of '{0}'."),
            "occlusion": self.tr(
                "Occlusion: how much the probability of '{0}' drops when a patch there is covered."
            ),
        }[result.method].format(result.target_name, result.layer)
        sentences = [
            self.tr("The network gives '{0}' a probability of {1:.1%}.").format(
                result.target_name, result.probability
            ),
            what,
            self.tr("Brighter: mattered more."),
        ]
        label = self.input.label()
        if label is not None:
            sentences.insert(0, self.tr("Sample #{0} is labelled '{1}'.").format(*label))
        self.caption.setText(join_sentences(sentences))
        self.images.set_images(
            [_rgb(self._raw), overlay(self._raw, result.heatmap)],
            [self.tr("input"), self.tr("evidence for '{0}'").format(result.target_name)],
        )


def refill_combo(combo: QComboBox, items: list[tuple[str, Any]], default: int) -> None:
    """New items, keeping the chosen one where it still exists (else item ``default``), without
    a refresh per item."""
    kept = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(kept) if kept is not None else -1
        combo.setCurrentIndex(index if index >= 0 else max(0, default))
    finally:
        combo.blockSignals(False)


def _rgb(raw: np.ndarray) -> np.ndarray:
    """A raw C×H×W uint8 image as 3×H×W (grey images repeated over the channels)."""
    image = np.asarray(raw, dtype=np.uint8)
    return np.repeat(image, 3, axis=0) if image.shape[0] == 1 else image[:3]


def heat_colours(heat: np.ndarray) -> np.ndarray:
    """Values in [0, 1] as colours (3×… in [0, 1]) on a black–red–yellow–white scale: the
    brightness carries the value, readable without telling hues apart."""
    h = np.clip(np.asarray(heat, np.float32), 0.0, 1.0)
    return np.stack([np.clip(3 * h, 0, 1), np.clip(3 * h - 1, 0, 1), np.clip(3 * h - 2, 0, 1)])


def overlay(raw: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """The image with the heat map laid over it (``heat_colours``)."""
    base = _rgb(raw).astype(np.float32) / 255.0
    h = np.clip(np.asarray(heat, np.float32), 0.0, 1.0)
    colour = heat_colours(h)
    alpha = OVERLAY_STRENGTH * h[None]
    mixed = (1 - alpha) * base * 0.6 + alpha * colour  # the image dimmed under the map
    return np.asarray(np.clip(mixed * 255.0, 0, 255), dtype=np.uint8)
