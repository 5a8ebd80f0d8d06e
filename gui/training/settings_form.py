"""The training settings form, bound to ``state.project.settings`` (a TrainSettings).

The form is generated from the settings' specs (``engine.settings_spec``): one widget per field
that is not hidden, labelled and explained by its spec, in the spec's section, and shown only
while it applies (momentum for SGD and RMSprop, step size for step decay, ...). Every edit
writes straight into the project's settings and marks the project dirty; opening another
project reloads the form. The device list is filled only once torch has loaded (the window
loads it in the background), so this form never makes the window wait for torch.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine import SETTINGS_CONTEXT, SettingSpec, setting_specs
from gui.widgets.wheel import wheel_safe

if TYPE_CHECKING:
    from gui.document import ProjectDocument

W = TypeVar("W", bound=QWidget)


def _translated(text: str) -> str:
    """A spec's English text in the interface language (marked in engine/types.py)."""
    return QCoreApplication.translate(SETTINGS_CONTEXT, text) if text else ""


class CompactSpinBox(QDoubleSpinBox):
    """Shows 0.001 rather than 0.001000: small rates need many decimals but few digits."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"


class TrainingSettingsForm(QGroupBox):
    """Every visible training setting, in sections: optimiser, run, schedule, regularisation."""

    sig_changed = Signal()

    def __init__(self, state: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Settings"))
        self.state = state
        self._loading = False
        self._devices: list[Any] = []
        self.specs: dict[str, SettingSpec] = {
            name: spec for name, spec in setting_specs() if not spec.hidden
        }
        self.widgets: dict[str, QWidget] = {}
        self._rows: dict[str, QFormLayout] = {}  # the section's layout holding each field's row

        outer = QVBoxLayout(self)
        # A whole set of settings at once: "as in the book" beside NetCanvas's defaults, so a
        # class can compare the two runs (the run comparison lists what differs).
        self.recipe = QComboBox()
        wheel_safe(self.recipe)
        self.recipe.addItem(self.tr("Apply a recipe…"), "")
        self.recipe.addItem(self.tr("NetCanvas defaults"), "defaults")
        self.recipe.addItem(self.tr("Keras recipe (as in the book)"), "keras")
        self.recipe.setToolTip(
            self.tr(
                "Keras recipe: the introduction's model.fit — batch 32, 5 epochs, Adam 1e-3, "
                "no schedule, Glorot-uniform weights and zero biases"
            )
        )
        self.recipe.activated.connect(self._on_recipe)
        outer.addWidget(self.recipe)
        sections: dict[str, QFormLayout] = {}
        for name, spec in self.specs.items():
            section = sections.get(spec.group)
            if section is None:  # sections come in the order of their first field
                box = QGroupBox(_translated(spec.group))
                section = sections[spec.group] = QFormLayout(box)
                outer.addWidget(box)
            widget = self._make_widget(name, spec)
            widget.setToolTip(_translated(spec.help))
            if isinstance(widget, QCheckBox):
                section.addRow(widget)  # a check box carries its own label
            else:
                section.addRow(_translated(spec.label), widget)
            self.widgets[name] = widget
            self._rows[name] = section

        # The names the Training pane and the tests use; every field is also in self.widgets.
        self.optimizer = self._widget("optimizer", QComboBox)
        self.lr = self._widget("lr", CompactSpinBox)
        self.batch = self._widget("batch_size", QSpinBox)
        self.epochs = self._widget("epochs", QSpinBox)
        self.schedule = self._widget("schedule", QComboBox)
        self.weight_decay = self._widget("weight_decay", CompactSpinBox)
        self.early_stopping = self._widget("early_stopping", QCheckBox)
        self.patience = self._widget("patience", QSpinBox)
        self.seed = self._widget("seed", QSpinBox)
        self.device = self._widget("device", QComboBox)
        self.mixed_precision = self._widget("mixed_precision", QCheckBox)

        self.refresh_devices()
        self.load()

    def _widget(self, name: str, kind: type[W]) -> W:
        widget = self.widgets[name]
        assert isinstance(widget, kind), f"{name} is a {type(widget).__name__}"
        return widget

    def _make_widget(self, name: str, spec: SettingSpec) -> QWidget:
        """The editor the spec asks for, connected so that an edit reaches the settings."""
        widget: QWidget
        if spec.kind == "bool":
            check = QCheckBox(_translated(spec.label))
            check.toggled.connect(lambda _on, n=name: self._on_edited(n))
            return check
        if spec.kind in ("choice", "device"):
            combo = QComboBox()
            for value, label in spec.choices:  # the device combo is filled by refresh_devices
                combo.addItem(_translated(label), value)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._on_edited(n))
            widget = combo
        elif spec.kind == "int":
            spin = QSpinBox()
            spin.setRange(int(spec.minimum or 0), int(spec.maximum or 0))
            spin.setSingleStep(max(1, int(spec.step)))
            spin.valueChanged.connect(lambda _v, n=name: self._on_edited(n))
            widget = spin
        elif spec.kind == "float":
            real = CompactSpinBox()
            real.setDecimals(spec.decimals)
            real.setRange(float(spec.minimum or 0.0), float(spec.maximum or 0.0))
            if spec.log_steps:
                real.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            else:
                real.setSingleStep(spec.step)
            real.valueChanged.connect(lambda _v, n=name: self._on_edited(n))
            widget = real
        else:
            raise ValueError(f"the settings form cannot edit a {spec.kind!r} setting ({name})")
        if spec.special_text and isinstance(widget, QAbstractSpinBox):
            widget.setSpecialValueText(_translated(spec.special_text))
        wheel_safe(widget)  # the form scrolls: the wheel must not change unfocused fields
        return widget

    # -- model -> form -------------------------------------------------------------------------
    def load(self) -> None:
        """Show the project's settings (after a project was opened or replaced)."""
        settings = self.state.project.settings
        self._loading = True
        try:
            for name in self.specs:
                value = getattr(settings, name)
                widget = self.widgets[name]
                if name == "device" and self.device.findData(value) < 0:
                    self.device.addItem(str(value), value)  # a device not detected (yet)
                _set_value(widget, value)
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

    def _cuda(self) -> bool:
        info = self.device_info()
        return info is not None and info.kind == "cuda"

    def _update_enabled(self) -> None:
        """Show the settings that apply to the current choices; mixed precision needs CUDA."""
        values = {name: _value(widget) for name, widget in self.widgets.items()}
        for name, spec in self.specs.items():
            self._rows[name].setRowVisible(self.widgets[name], spec.applies(values))
        # Enabled explicitly only: a disabled form (during a run) still disables it.
        self.mixed_precision.setEnabled(self._cuda())

    # -- form -> model -------------------------------------------------------------------------
    def _on_recipe(self, index: int) -> None:
        from engine import apply_recipe

        recipe = str(self.recipe.itemData(index) or "")
        self.recipe.setCurrentIndex(0)  # a one-shot action, not a state
        if not recipe:
            return
        project = self.state.project
        settings = project.settings
        for name, value in apply_recipe(settings, recipe, project.template).to_dict().items():
            setattr(settings, name, value)
        self.load()
        self.state.mark_dirty()
        self.sig_changed.emit()

    def _on_edited(self, name: str) -> None:
        self._update_enabled()
        if self._loading:
            return
        settings = self.state.project.settings
        # Only the edited field is written: another field the form shows rounded or clamped
        # (a learning rate below the spin box's minimum) keeps its stored value.
        if name in ("device", "mixed_precision"):
            settings.device = str(self.device.currentData() or "auto")
            settings.mixed_precision = self.mixed_precision.isChecked() and self._cuda()
        else:
            setattr(settings, name, _value(self.widgets[name]))
        self.state.mark_dirty()
        self.sig_changed.emit()


def _value(widget: QWidget) -> Any:
    """The widget's value as TrainSettings stores it."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return int(widget.value())
    if isinstance(widget, QDoubleSpinBox):
        return float(widget.value())
    raise TypeError(f"no value for {type(widget).__name__}")


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        _select(widget, value)
    elif isinstance(widget, QSpinBox):
        # Clamped in Python: a value beyond 32 bits would raise OverflowError inside Qt.
        widget.setValue(max(widget.minimum(), min(widget.maximum(), int(value))))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(max(widget.minimum(), min(widget.maximum(), float(value))))


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
