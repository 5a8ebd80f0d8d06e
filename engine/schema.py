"""The project file's schema: every field of ``project.json`` checked for type and range as it
is read, so that the code after the door (the panes, the trainer, the CLI) can trust the values.

One door for both front ends: ``engine.project.project_from_json`` reads the settings, the data
reference and the runs through here, the CLI checks its flags with ``setting_value`` and
``prepare_run`` checks the settings of every run before a Trainer exists. A refused value raises
``SchemaError`` (a ``ProjectError``) whose message names the field, the value and what is
allowed: "settings.seed is 1180591620717411303424, but it must be a whole number from 0 to
2147483647". The ranges of the training settings are their ``SettingSpec``'s, the ones the
settings form offers, so a file cannot hold what the form could not show.

Torch- and Qt-free: the window reads projects before torch has loaded.
"""

from __future__ import annotations

import math
import string
import typing
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, NoReturn

from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.settings_spec import SettingSpec
from engine.types import DataRef, ProjectError, RunRecord, TrainSettings

MAX_RUNS = 1000
MAX_STEP_EPOCH = 1_000_000  # the x of a logged step: epochs, fractional, continued runs included
MAX_TEXT = 4096  # a path, a run's message
MAX_NAME = 200  # a project's name
MAX_ID = 64  # a run id, a status, a time stamp, a curve's or an option's name
MAX_OPTION_INT = 2**63 - 1  # larger whole numbers overflow every loader's arithmetic
MAX_SEED = 2**31 - 1  # the Data pane's seed field holds 32 bits
MAX_PROCESSES = 1_000_000  # torchrun ranks of a run: far more than any cluster starts
RUN_STATUSES = ("finished", "stopped", "failed")
LOSSES = ("", "cross_entropy", "bce_logits", "mse", "l1")
DEVICE_NAMES = ("auto", "cpu", "cuda", "mps", "xpu")
# Data options the window shows in fields of its own, with their ranges (the loaders check the
# rest of the options against theirs when the data loads).
_SPLIT = (0.0, 0.9)


class SchemaError(ProjectError):
    """A field of a project (or a command-line flag for one) with a value it may not have."""


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def refuse(field: str, value: Any, allowed: str) -> NoReturn:
    """Raise SchemaError: ``field`` may not be ``value``; ``allowed`` (a Message) says what may."""
    raise SchemaError(
        QT_TRANSLATE_NOOP("Engine", "{field} is {value}, but it must be {allowed}"),
        field=field,
        value=_shown(value),
        allowed=allowed,
    )


def _missing(field: str) -> NoReturn:
    raise SchemaError(QT_TRANSLATE_NOOP("Engine", "{field} is missing"), field=field)


# -- single values ------------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def whole(field: str, value: Any, low: int, high: int) -> int:
    if not _is_int(value) or not low <= value <= high:
        refuse(
            field,
            value,
            Message(
                QT_TRANSLATE_NOOP("Engine", "a whole number from {low} to {high}"),
                low=low,
                high=high,
            ),
        )
    return int(value)


def number(field: str, value: Any, low: float, high: float) -> float:
    ok = _is_number(value) and abs(value) < 1e300 and low <= float(value) <= high
    if not ok:
        refuse(
            field,
            value,
            Message(
                QT_TRANSLATE_NOOP("Engine", "a number from {low:g} to {high:g}"),
                low=low,
                high=high,
            ),
        )
    return float(value)


def text(field: str, value: Any, length: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > length:
        refuse(
            field,
            value,
            Message(
                QT_TRANSLATE_NOOP("Engine", "text of at most {length} characters"), length=length
            ),
        )
    return value


def choice(field: str, value: Any, allowed: tuple[Any, ...]) -> Any:
    # ``in`` on a tuple compares with ==: a list or dict value finds nothing, never raises.
    if isinstance(value, bool) != any(isinstance(a, bool) for a in allowed) or value not in allowed:
        refuse(
            field,
            value,
            Message(
                QT_TRANSLATE_NOOP("Engine", "one of {choices}"),
                choices=", ".join(repr(a) for a in allowed),
            ),
        )
    return value


def mapping(field: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        refuse(field, value, Message(QT_TRANSLATE_NOOP("Engine", "a JSON object")))
    return value


def sequence(field: str, value: Any, count: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > count:
        refuse(
            field,
            value,
            Message(QT_TRANSLATE_NOOP("Engine", "a list of at most {count} items"), count=count),
        )
    return value


def _measure(field: str, value: Any) -> float:
    """A curve's point or a metric: a number, NaN for a diverged step (null in older files)."""
    if value is None:
        return math.nan
    if not _is_number(value) or (_is_int(value) and abs(value) > 2**1023):
        refuse(field, value, Message(QT_TRANSLATE_NOOP("Engine", "a number or null")))
    return float(value)


# -- training settings ------------------------------------------------------------------------


def setting_value(name: str, value: Any, field: str) -> Any:
    """A value for the TrainSettings field ``name``, checked against its type and its spec's
    range (``field`` names it in the message: "settings.lr", "--lr")."""
    spec: SettingSpec = _FIELDS[name].metadata["spec"]
    hint = _HINTS[name]
    if typing.get_origin(hint) is typing.Literal:
        return choice(field, value, typing.get_args(hint))
    if hint is bool:
        return choice(field, value, (False, True))
    if hint is int:
        return whole(field, value, int(spec.minimum or 0), int(spec.maximum or 0))
    if hint is float:
        return number(field, value, float(spec.minimum or 0.0), float(spec.maximum or 0.0))
    if name == "device":
        device = text(field, value, MAX_ID)
        kind, _, index = device.strip().lower().partition(":")
        if kind not in DEVICE_NAMES or (index and not (index.isdigit() and kind != "auto")):
            refuse(
                field,
                value,
                Message(
                    QT_TRANSLATE_NOOP("Engine", "one of {choices}"),
                    choices="auto, cpu, cuda, cuda:N, mps, xpu",
                ),
            )
        return device
    if name == "augment":
        from engine.data.catalog import AUGMENTATIONS

        ops = tuple(AUGMENTATIONS)
        return [
            choice(f"{field}[{i}]", op, ops)
            for i, op in enumerate(sequence(field, value, len(ops)))
        ]
    raise AssertionError(f"TrainSettings.{name} has no check in engine.schema")


def train_settings(raw: Any, field: str = "settings") -> TrainSettings:
    """TrainSettings from JSON: each known field checked, missing ones at their defaults,
    unknown ones ignored (a newer NetCanvas may add settings)."""
    values = mapping(field, raw)
    return TrainSettings.from_dict(
        {
            name: setting_value(name, values[name], f"{field}.{name}")
            for name in _FIELDS
            if name in values
        }
    )


def check_settings(settings: TrainSettings) -> None:
    """Refuse settings a Trainer would fail on (SchemaError), before any run starts."""
    train_settings(settings.to_dict())


_FIELDS = {f.name: f for f in fields(TrainSettings)}
_HINTS = typing.get_type_hints(TrainSettings)


# -- the data reference -------------------------------------------------------------------------


def data_ref(raw: Any, field: str = "data") -> DataRef:
    """The dataset reference: a source text and loader options of plain JSON values; the
    options the window shows in fields of its own (splits, seed) within their fields' ranges."""
    values = mapping(field, raw)
    source = text(f"{field}.source", values.get("source", "mnist-5k"))
    options = mapping(f"{field}.options", values.get("options", {}))
    for key, value in options.items():
        _option(f"{field}.options.{key}", value)
    for key in ("val_split", "test_split"):
        if key in options:
            number(f"{field}.options.{key}", options[key], *_SPLIT)
    if "seed" in options:
        whole(f"{field}.options.seed", options["seed"], 0, MAX_SEED)
    return DataRef(source, dict(options))


def _option(field: str, value: Any, depth: int = 0) -> None:
    """A loader option: text, a bounded number, true/false, null, or a short list of those."""
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        text(field, value)
    elif _is_int(value):
        whole(field, value, -MAX_OPTION_INT, MAX_OPTION_INT)
    elif isinstance(value, float):
        number(field, value, -1e300, 1e300)
    elif isinstance(value, list) and depth == 0:
        for i, item in enumerate(sequence(field, value, 64)):
            _option(f"{field}[{i}]", item, depth + 1)
    else:
        refuse(
            field,
            value,
            Message(QT_TRANSLATE_NOOP("Engine", "text, a number, true, false or a short list")),
        )


# -- runs ------------------------------------------------------------------------------------


def runs(raw: Any, field: str = "runs") -> list[RunRecord]:
    """The run history: each run's fields checked; null points of a curve become NaN."""
    records: list[RunRecord] = []
    seen: set[str] = set()
    for i, item in enumerate(sequence(field, raw, MAX_RUNS)):
        record = run(item, f"{field}[{i}]")
        if record.id in seen:
            refuse(
                f"{field}[{i}].id",
                record.id,
                Message(QT_TRANSLATE_NOOP("Engine", "an id no other run has")),
            )
        seen.add(record.id)
        records.append(record)
    return records


def run(raw: Any, field: str) -> RunRecord:
    values = mapping(field, raw)
    if "id" not in values:
        _missing(f"{field}.id")
    run_id = text(f"{field}.id", values["id"], MAX_ID)
    if not run_id:
        refuse(f"{field}.id", run_id, Message(QT_TRANSLATE_NOOP("Engine", "a name")))
    settings = mapping(f"{field}.settings", values.get("settings", {}))
    template = text(f"{field}.message_template", values.get("message_template", ""))
    args = mapping(f"{field}.message_args", values.get("message_args", {}))
    for key, value in args.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            refuse(
                f"{field}.message_args.{key}",
                value,
                Message(QT_TRANSLATE_NOOP("Engine", "text, a number, true, false or null")),
            )
    _template_fields(f"{field}.message_template", template, args)
    return RunRecord(
        id=run_id,
        created=text(f"{field}.created", values.get("created", ""), MAX_ID),
        # Kept as it was recorded (a run of an older version); the window only lists it.
        settings={
            name: setting_value(name, settings[name], f"{field}.settings.{name}")
            for name in _FIELDS
            if name in settings
        },
        history=_curves(f"{field}.history", values.get("history", {})),
        steps=_steps(f"{field}.steps", values.get("steps", {})),
        metrics={
            text(f"{field}.metrics", key, MAX_ID): _measure(f"{field}.metrics.{key}", value)
            for key, value in mapping(f"{field}.metrics", values.get("metrics", {})).items()
        },
        status=choice(f"{field}.status", values.get("status", "finished"), RUN_STATUSES),
        message=text(f"{field}.message", values.get("message", "")),
        message_template=template,
        message_args=dict(args),
        loss=choice(f"{field}.loss", values.get("loss", ""), LOSSES),
        processes=whole(f"{field}.processes", values.get("processes", 1), 1, MAX_PROCESSES),
    )


def _curves(field: str, raw: Any) -> dict[str, list[float]]:
    return {
        text(field, key, MAX_ID): [
            _measure(f"{field}.{key}[{i}]", point)
            for i, point in enumerate(sequence(f"{field}.{key}", points, 10**8))
        ]
        for key, points in mapping(field, raw).items()
    }


def _steps(field: str, raw: Any) -> dict[str, list[float]]:
    """The logged steps: curves whose "epoch" points are the x axis, so each is a real position
    in the run (an x of 1e300 made the plots' downsampling overflow)."""
    steps = _curves(field, raw)
    for i, x in enumerate(steps.get("epoch", [])):
        number(f"{field}.epoch[{i}]", x, 0, MAX_STEP_EPOCH)
    return steps


def _template_fields(field: str, template: str, args: Mapping[str, Any]) -> None:
    """A run message's template may only name its own values, plainly: "{lr}" or "{lr:g}", never
    "{lr.__class__}" or a width of a million characters."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        parsed = [("", "{", "", None)]
    for _, name, spec, _conversion in parsed:
        if name is None:
            continue
        if name not in args or len(spec or "") > 6 or any(c in (spec or "") for c in "{}"):
            refuse(
                field,
                template,
                Message(
                    QT_TRANSLATE_NOOP("Engine", "a sentence naming only its values ({names})"),
                    names=", ".join(args) or "-",
                ),
            )
