"""Every TrainSettings field carries a SettingSpec that the settings form can be built from."""

from __future__ import annotations

import typing
from dataclasses import MISSING, dataclass, fields
from typing import Any, get_args, get_origin

import pytest

from engine.settings_spec import SettingSpec, setting_specs
from engine.train.optim import OPTIMIZERS, SCHEDULES
from engine.types import TrainSettings

SPECS = dict(setting_specs())
# The annotation each kind of spec edits (engine/types.py has postponed annotations).
HINTS = typing.get_type_hints(TrainSettings)


def _default(name: str) -> Any:
    item = next(f for f in fields(TrainSettings) if f.name == name)
    return item.default_factory() if item.default is MISSING else item.default


def test_every_field_has_a_spec_in_field_order() -> None:
    assert [name for name, _ in setting_specs()] == [f.name for f in fields(TrainSettings)]
    for name, spec in SPECS.items():
        assert spec.label and spec.help and spec.group, name
        assert spec.help.strip() == spec.help and "  " not in spec.help, name


def test_a_field_without_a_spec_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    @dataclass
    class Extended(TrainSettings):
        new_knob: int = 1

    monkeypatch.setattr("engine.types.TrainSettings", Extended)
    with pytest.raises(TypeError, match="new_knob"):
        setting_specs()


def test_kinds_match_the_annotations() -> None:
    for name, spec in SPECS.items():
        hint = HINTS[name]
        if get_origin(hint) is typing.Literal:
            assert spec.kind == "choice", name
        elif spec.kind == "device":
            assert hint is str, name
        elif spec.kind == "list":
            assert get_origin(hint) is list and spec.hidden, name
        else:
            assert hint is {"bool": bool, "int": int, "float": float}[spec.kind], name


def test_choices_match_the_literal_values() -> None:
    for name, spec in SPECS.items():
        hint = HINTS[name]
        if get_origin(hint) is typing.Literal:
            values = [value for value, _ in spec.choices]  # in the form's order, not the Literal's
            assert sorted(values) == sorted(get_args(hint)), name
            assert all(label for _, label in spec.choices), name
    # The engine's own lists of what it accepts agree too.
    assert {v for v, _ in SPECS["optimizer"].choices} == set(OPTIMIZERS)
    assert {v for v, _ in SPECS["schedule"].choices} == set(SCHEDULES)


def test_numbers_have_a_range_that_holds_the_default() -> None:
    for name, spec in SPECS.items():
        if spec.kind not in ("int", "float"):
            continue
        assert spec.minimum is not None and spec.maximum is not None, name
        assert spec.minimum <= _default(name) <= spec.maximum, name
        assert spec.step > 0, name
        if spec.kind == "float":
            assert spec.decimals > 0, name
            # The spin box rounds to its decimals: the smallest value must survive that.
            assert round(spec.minimum, spec.decimals) == spec.minimum, name
        else:
            assert float(spec.minimum).is_integer() and float(spec.maximum).is_integer(), name


def test_dependencies_name_real_fields_and_values() -> None:
    for name, spec in SPECS.items():
        for other, allowed in spec.show_if:
            assert other in SPECS and other != name, name
            other_spec = SPECS[other]
            if other_spec.kind == "choice":
                assert set(allowed) <= {v for v, _ in other_spec.choices}, name
            elif other_spec.kind == "bool":
                assert set(allowed) <= {True, False}, name


def test_what_applies_when() -> None:
    def shown(**changes: Any) -> set[str]:
        values = TrainSettings(**changes).to_dict()
        return {n for n, s in SPECS.items() if s.applies(values) and not s.hidden}

    assert {"momentum", "nesterov"} <= shown(optimizer="sgd")
    assert "momentum" in shown(optimizer="rmsprop") and "nesterov" not in shown(optimizer="rmsprop")
    assert not {"momentum", "nesterov"} & shown(optimizer="adam")
    assert {"step_size", "gamma"} <= shown(schedule="step")
    assert "gamma" in shown(schedule="plateau") and "step_size" not in shown(schedule="plateau")
    assert not {"step_size", "gamma", "patience"} & shown()
    assert "patience" in shown(early_stopping=True)
    assert "patience" in shown(schedule="plateau")  # the plateau schedule waits patience // 2
    assert {n for n, s in SPECS.items() if s.hidden} == {"augment", "log_interval_ms"}


def test_specs_are_frozen_and_qt_free() -> None:
    spec = SPECS["lr"]
    assert isinstance(spec, SettingSpec)
    with pytest.raises(AttributeError):
        spec.label = "x"
    import subprocess
    import sys

    code = (
        "import sys, engine.types, engine.settings_spec;"
        "assert 'PySide6' not in sys.modules and 'torch' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
