"""What the training settings form shows for each ``TrainSettings`` field: its ``SettingSpec``.

Each field of ``engine.types.TrainSettings`` carries a spec in its metadata (``"spec"``): label,
one-sentence help, range or choices, group, and the other settings it depends on. The GUI builds
its settings form from ``setting_specs()``, so a new field cannot be forgotten by the window
(tests/engine/test_settings_specs.py fails for a field without a spec).

Torch- and Qt-free. The English texts are marked with ``QT_TRANSLATE_NOOP`` (a no-op here whose
name pyside6-lupdate recognises) in the context ``SETTINGS_CONTEXT``; gui/i18n.py extracts them
from engine/types.py and the GUI translates them with ``QCoreApplication.translate``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from engine.messages import QT_TRANSLATE_NOOP

# The translation context of every label, help text and choice label of a setting.
SETTINGS_CONTEXT = "TrainSettings"

# "device": the detected devices, listed at run time; "list": names set elsewhere (augment).
SettingKind = Literal["choice", "bool", "int", "float", "device", "list"]


# The form's sections, in the order their first field comes in TrainSettings.
OPTIMISER = QT_TRANSLATE_NOOP("TrainSettings", "Optimiser")
RUN = QT_TRANSLATE_NOOP("TrainSettings", "Run")
SCHEDULE = QT_TRANSLATE_NOOP("TrainSettings", "Schedule")
REGULARISATION = QT_TRANSLATE_NOOP("TrainSettings", "Regularisation")


@dataclass(frozen=True)
class SettingSpec:
    """How one training setting is shown and edited (texts in English, translated by the GUI)."""

    label: str
    help: str
    kind: SettingKind
    group: str  # the form's section: OPTIMISER, RUN, SCHEDULE or REGULARISATION
    minimum: float | None = None
    maximum: float | None = None
    step: float = 1.0  # single step of a spin box
    decimals: int = 0  # float fields: digits kept after the point
    # Rates spanning decades (1e-5 .. 1): the spin box steps by the current magnitude.
    log_steps: bool = False
    special_text: str = ""  # shown instead of the minimum value ("Off" where 0 disables)
    choices: tuple[tuple[str, str], ...] = ()  # (value, English label) for Literal fields
    # Shown only when any (other field, its values) holds, e.g. (("optimizer", ("sgd",)),).
    # Empty: always shown.
    show_if: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    hidden: bool = False  # not in the form (set elsewhere, or an expert knob)

    def applies(self, values: dict[str, Any]) -> bool:
        """Whether the setting matters for these settings (``TrainSettings.to_dict()``)."""
        if not self.show_if:
            return True
        return any(values.get(name) in allowed for name, allowed in self.show_if)


def setting_specs() -> list[tuple[str, SettingSpec]]:
    """(field name, spec) of every TrainSettings field, in field order, hidden ones included.

    Raises TypeError naming a field that has no spec, so a forgotten one shows at once.
    """
    from engine.types import TrainSettings  # types imports this module for SettingSpec

    specs: list[tuple[str, SettingSpec]] = []
    for item in fields(TrainSettings):
        spec = item.metadata.get("spec")
        if not isinstance(spec, SettingSpec):
            raise TypeError(f"TrainSettings.{item.name} has no SettingSpec in its metadata")
        specs.append((item.name, spec))
    return specs
