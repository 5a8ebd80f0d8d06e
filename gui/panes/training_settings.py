"""The training settings form, bound to ``state.project.settings`` (a TrainSettings).

Every edit writes straight into the project's settings and marks the project dirty; opening
another project reloads the form. The device list is filled only once torch has loaded
(the window loads it in the background), so this form never makes the window wait for torch.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

if TYPE_CHECKING:
    from gui.project_state import ProjectState


class CompactSpinBox(QDoubleSpinBox):
    """Shows 0.001 rather than 0.001000: small rates need many decimals but few digits."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"


class TrainingSettingsForm(QGroupBox):
    """Optimiser, learning rate, batch, epochs, schedule, regularisation, seed, device."""

    sig_changed = Signal()

    def __init__(self, state: ProjectState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Settings"))
        self.state = state
        self._loading = False
        self._devices: list[Any] = []

        self.optimizer = QComboBox()
        for value, text in (
            ("adam", self.tr("Adam")),
            ("adamw", self.tr("AdamW")),
            ("sgd", self.tr("SGD (momentum)")),
            ("rmsprop", self.tr("RMSprop")),
            ("adagrad", self.tr("Adagrad")),
        ):
            self.optimizer.addItem(text, value)
        self.optimizer.setToolTip(self.tr("How the weights move downhill: w ← w − η∇J(w) and kin"))
        self.lr = CompactSpinBox()
        self.lr.setDecimals(6)
        self.lr.setRange(1e-6, 10.0)
        self.lr.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr.setToolTip(self.tr("Learning rate η: the size of each step. Too high diverges."))
        self.batch = QSpinBox()
        self.batch.setRange(1, 65536)
        self.batch.setToolTip(self.tr("Samples per gradient step."))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10000)
        self.epochs.setToolTip(self.tr("Passes over the training set."))
        self.schedule = QComboBox()
        for value, text in (
            ("constant", self.tr("Constant")),
            ("step", self.tr("Step decay")),
            ("cosine", self.tr("Cosine")),
            ("onecycle", self.tr("One-cycle")),
            ("plateau", self.tr("Reduce on plateau")),
        ):
            self.schedule.addItem(text, value)
        self.schedule.setToolTip(self.tr("How the learning rate changes during the run."))
        self.weight_decay = CompactSpinBox()
        self.weight_decay.setDecimals(6)
        self.weight_decay.setRange(0.0, 1.0)
        self.weight_decay.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.weight_decay.setToolTip(
            self.tr("L2 penalty: pulls weights towards zero (overfitting).")
        )
        self.early_stopping = QCheckBox(self.tr("Early stopping, patience"))
        self.early_stopping.setToolTip(
            self.tr(
                "Stop when validation loss has not improved for this many epochs; "
                "the best weights are restored."
            )
        )
        self.patience = QSpinBox()
        self.patience.setRange(1, 1000)
        stopping = QWidget()
        stopping_layout = QHBoxLayout(stopping)
        stopping_layout.setContentsMargins(0, 0, 0, 0)
        stopping_layout.addWidget(self.early_stopping)
        stopping_layout.addWidget(self.patience)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Same seed, same data order and start weights: same result."))
        self.device = QComboBox()
        self.device.setToolTip(self.tr("Where the network trains."))
        self.mixed_precision = QCheckBox(self.tr("Mixed precision (CUDA only)"))
        self.mixed_precision.setToolTip(
            self.tr("16-bit arithmetic on NVIDIA GPUs: faster, same accuracy in most cases.")
        )

        form = QFormLayout(self)
        form.addRow(self.tr("Optimiser"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Schedule"), self.schedule)
        form.addRow(self.tr("Weight decay"), self.weight_decay)
        form.addRow(stopping)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.mixed_precision)

        for combo in (self.optimizer, self.schedule, self.device):
            combo.currentIndexChanged.connect(self._on_edited)
        for spin in (self.lr, self.batch, self.epochs, self.weight_decay, self.patience, self.seed):
            spin.valueChanged.connect(self._on_edited)
        for check in (self.early_stopping, self.mixed_precision):
            check.toggled.connect(self._on_edited)
        self.refresh_devices()
        self.load()

    # -- model -> form -------------------------------------------------------------------------
    def load(self) -> None:
        """Show the project's settings (after a project was opened or replaced)."""
        settings = self.state.project.settings
        self._loading = True
        try:
            _select(self.optimizer, settings.optimizer)
            self.lr.setValue(settings.lr)
            self.batch.setValue(settings.batch_size)
            self.epochs.setValue(settings.epochs)
            _select(self.schedule, settings.schedule)
            self.weight_decay.setValue(settings.weight_decay)
            self.early_stopping.setChecked(settings.early_stopping)
            self.patience.setValue(settings.patience)
            self.seed.setValue(settings.seed)
            if self.device.findData(settings.device) < 0:
                self.device.addItem(settings.device, settings.device)
            _select(self.device, settings.device)
            self.mixed_precision.setChecked(settings.mixed_precision)
        finally:
            self._loading = False
        self._update_enabled()

    def refresh_devices(self) -> None:
        """List the detected devices by name, once torch has loaded (never imports it here)."""
        current = self.device.currentData() or self.state.project.settings.device
        self._devices = []
        if "torch" in sys.modules:
            from engine import detect_devices

            self._devices = list(detect_devices())
        self._loading = True
        try:
            self.device.clear()
            self.device.addItem(self.tr("Automatic (best available)"), "auto")
            for info in self._devices:
                same = info.label.lower() == info.name.lower()
                self.device.addItem(
                    info.label if same else f"{info.label} ({info.name})", info.name
                )
            if not self._devices:
                self.device.addItem(self.tr("CPU"), "cpu")
            if self.device.findData(current) < 0:
                self.device.addItem(str(current), current)
            _select(self.device, current)
        finally:
            self._loading = False
        self._update_enabled()

    def device_info(self) -> Any:
        """The DeviceInfo the current choice resolves to (None before torch loads)."""
        if not self._devices:
            return None
        wanted = self.device.currentData() or "auto"
        if wanted == "auto":
            return self._devices[0]
        for info in self._devices:
            if info.name == wanted or info.kind == wanted:
                return info
        return None

    def _update_enabled(self) -> None:
        info = self.device_info()
        cuda = info is not None and info.kind == "cuda"
        self.mixed_precision.setEnabled(cuda and self.isEnabled())
        self.patience.setEnabled(self.early_stopping.isChecked())

    # -- form -> model -------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._update_enabled()
        if self._loading:
            return
        settings = self.state.project.settings
        settings.optimizer = self.optimizer.currentData()
        settings.lr = float(self.lr.value())
        settings.batch_size = int(self.batch.value())
        settings.epochs = int(self.epochs.value())
        settings.schedule = self.schedule.currentData()
        settings.weight_decay = float(self.weight_decay.value())
        settings.early_stopping = self.early_stopping.isChecked()
        settings.patience = int(self.patience.value())
        settings.seed = int(self.seed.value())
        settings.device = str(self.device.currentData() or "auto")
        info = self.device_info()
        settings.mixed_precision = (
            self.mixed_precision.isChecked() and info is not None and info.kind == "cuda"
        )
        self.state.mark_dirty()
        self.sig_changed.emit()


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
