"""The data types of the layer library: parameter specs, layer specs, shape-rule results.

Pure Python (no torch): the GUI reads these to draw the palette and the inspector before torch
has loaded, and the analysis runs shape rules without building anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.messages import QT_TRANSLATE_NOOP, Message, Term

ParamKind = str  # "int" | "float" | "bool" | "choice" | "ints" | "floats" | "str"

# How a choice is shown (English, Chinese); the stored value stays the short key.
CHOICE_TITLES: dict[str, tuple[str, str]] = {
    "valid": ("valid", "valid（不填充）"),
    "same": ("same", "same（保持尺寸）"),
    "image": ("image", "图像"),
    "dataset": ("from the dataset", "按数据集"),
    "fixed": ("fixed (the model's own)", "固定（模型自己的）"),
    "vector": ("vector", "向量"),
    "tokens": ("tokens", "词元序列"),
    "classification": ("classification", "分类"),
    "binary": ("binary", "二分类"),
    "regression": ("regression", "回归"),
    "next_char": ("next character", "下一个字符"),
    "mse": ("MSE", "均方误差（MSE）"),
    "l1": ("L1", "平均绝对误差（L1）"),
    "learned": ("learned", "可学习"),
    "sinusoidal": ("sinusoidal", "正弦（固定）"),
}


@dataclass(frozen=True)
class ParamSpec:
    """One typed layer parameter, with its allowed range and bilingual help."""

    name: str
    kind: ParamKind
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    label_en: str = ""
    label_zh: str = ""
    help_en: str = ""
    help_zh: str = ""
    # Show this parameter in the inspector only when another parameter has one of these values
    # (e.g. Input's ``channels`` only for ``kind == "image"``). None: always shown.
    show_if: tuple[str, tuple[Any, ...]] | None = None

    def value_title(self, value: Any) -> tuple[str, str]:
        """How a value is shown, (English, Chinese): a choice by its title, others as they are."""
        text = str(value)
        return CHOICE_TITLES.get(text, (text, text)) if self.choices else (text, text)

    def validate(self, value: Any) -> Any:
        """``value`` normalised to this parameter's type; ValueError (plain text) if invalid."""
        label = Term(self.label_en or self.name, self.label_zh)
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            raise ValueError(
                Message(QT_TRANSLATE_NOOP("Engine", "{label} must be true or false"), label=label)
            )
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                else:
                    raise ValueError(
                        Message(
                            QT_TRANSLATE_NOOP("Engine", "{label} must be a whole number"),
                            label=label,
                        )
                    )
            self._check_range(label, value)
            return value
        if self.kind == "float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(
                    Message(QT_TRANSLATE_NOOP("Engine", "{label} must be a number"), label=label)
                )
            # A whole number beyond a float's range is no finite number either.
            value = float(value) if abs(value) < 1e300 else math.inf
            if not math.isfinite(value):
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must be a finite number"), label=label
                    )
                )
            self._check_range(label, value)
            return value
        if self.kind == "choice":
            if value not in self.choices:
                options = ", ".join(str(c) for c in self.choices)
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must be one of: {options}"),
                        label=label,
                        options=options,
                    )
                )
            return value
        if self.kind == "ints":
            if isinstance(value, str | bytes) or not isinstance(value, Sequence):
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must be a list of whole numbers"),
                        label=label,
                    )
                )
            items = list(value)
            if not items or len(items) > 8:
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine", "{label} must list between 1 and 8 whole numbers"
                        ),
                        label=label,
                    )
                )
            out: list[int] = []
            for item in items:
                if isinstance(item, bool) or not isinstance(item, int):
                    raise ValueError(
                        Message(
                            QT_TRANSLATE_NOOP("Engine", "{label} must be a list of whole numbers"),
                            label=label,
                        )
                    )
                self._check_range(label, item)
                out.append(item)
            return tuple(out)
        if self.kind == "floats":
            if isinstance(value, str | bytes) or not isinstance(value, Sequence):
                value = [value]  # one number stands for all
            items = list(value)
            numbers = [v for v in items if isinstance(v, int | float) and not isinstance(v, bool)]
            if not 1 <= len(items) <= 64 or len(numbers) != len(items):
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must list between 1 and 64 numbers"),
                        label=label,
                    )
                )
            if not all(abs(v) < 1e300 and math.isfinite(v) for v in numbers):
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must be finite numbers"), label=label
                    )
                )
            for number in numbers:
                self._check_range(label, number)
            return tuple(float(v) for v in numbers)
        if self.kind == "str":
            if not isinstance(value, str):
                raise ValueError(
                    Message(QT_TRANSLATE_NOOP("Engine", "{label} must be text"), label=label)
                )
            if self.name == "padding":
                return validate_padding(label, value)
            if self.choices and value not in self.choices:
                raise ValueError(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "{label} must be one of: {options}"),
                        label=label,
                        options=", ".join(self.choices),
                    )
                )
            return value
        raise ValueError(f"unknown parameter kind {self.kind!r}")  # a bug in the library

    def _check_range(self, label: str, value: float) -> None:
        if self.minimum is not None and value < self.minimum:
            raise ValueError(
                Message(
                    QT_TRANSLATE_NOOP("Engine", "{label} must be at least {minimum}"),
                    label=label,
                    minimum=_num(self.minimum),
                )
            )
        if self.maximum is not None and value > self.maximum:
            raise ValueError(
                Message(
                    QT_TRANSLATE_NOOP("Engine", "{label} must be at most {maximum}"),
                    label=label,
                    maximum=_num(self.maximum),
                )
            )


def validate_padding(label: str, value: str) -> str:
    """Padding is ``"valid"``, ``"same"`` or a whole number of pixels written as text."""
    text = value.strip().lower()
    if text in ("valid", "same"):
        return text
    if text.isdigit() and int(text) <= 1024:
        return str(int(text))
    raise ValueError(
        Message(
            QT_TRANSLATE_NOOP(
                "Engine", "{label} must be 'valid', 'same' or a whole number of pixels"
            ),
            label=label,
        )
    )


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


@dataclass(frozen=True)
class TensorType:
    """What flows along an edge: a per-sample shape (no batch axis), and whether it holds token
    ids (int64, only an Embedding can read them) rather than floats."""

    shape: tuple[int, ...]
    tokens: bool = False


@dataclass(frozen=True)
class ModuleSpec:
    """How to construct the torch module of a node, as plain data.

    ``cls`` is ``"nn.<Name>"`` for a class of ``torch.nn`` or the name of a class in
    ``engine.layers.modules``. build.py instantiates it; codegen.py writes it out as source, so
    the engine's model and the generated script are made from one description.
    """

    cls: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleResult:
    """What a shape rule says about one node."""

    out: TensorType
    params: int = 0
    macs: int = 0
    module: ModuleSpec | None = None


@dataclass(frozen=True)
class FixAction:
    """One graph edit of a one-click fix, applied to the node that has the issue.

    ``op`` is ``"set"`` (set parameter ``key`` to ``value``) or ``"insert"`` (insert a layer of
    type ``key`` with parameters ``value`` on the edge into input port ``port``).
    """

    op: str
    key: str
    value: Any = None
    port: int = 0


@dataclass(frozen=True)
class FixSpec:
    label: str
    actions: tuple[FixAction, ...]


class ShapeProblem(Exception):
    """Raised by a shape rule: a plain-language message (a ``Message``) and optionally a fix."""

    def __init__(self, message: str, fix: FixSpec | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


def set_fix(label: str, **values: Any) -> FixSpec:
    return FixSpec(label, tuple(FixAction("set", k, v) for k, v in values.items()))


def layer_title(layer_type: str) -> Term:
    """A layer type as a message value: its type name in English ("Linear"), its title in a
    Chinese message ("全连接")."""
    from engine.layers.catalog import LAYERS  # the catalogue is built from this module

    spec = LAYERS.get(layer_type)
    return Term(layer_type, spec.title_zh if spec is not None else "")


def insert_fix(layer_type: str, params: dict[str, Any] | None = None, port: int = 0) -> FixSpec:
    label = Message(QT_TRANSLATE_NOOP("Engine", "Insert {layer}"), layer=layer_title(layer_type))
    return FixSpec(label, (FixAction("insert", layer_type, params or {}, port),))


ShapeRule = Callable[[dict[str, Any], list[TensorType]], RuleResult]


@dataclass(frozen=True)
class LayerSpec:
    """One layer type of the library."""

    type: str
    category: str
    title_en: str
    title_zh: str
    explain_en: str
    explain_zh: str
    formula: str
    params: list[ParamSpec]
    min_inputs: int
    max_inputs: int | None
    key_params: tuple[str, ...]
    rule: ShapeRule | None = None  # shape rule, parameter count, MACs and module description

    @property
    def title(self) -> Term:
        """The layer's title as a message value: English, or Chinese where the message is shown
        in Chinese."""
        return Term(self.title_en, self.title_zh)

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}


def fmt_shape(shape: Sequence[int]) -> str:
    """``(32, 13, 13)`` -> ``"32×13×13"`` as the messages show shapes."""
    return (
        "×".join(str(d) for d in shape)
        if shape
        else Message(QT_TRANSLATE_NOOP("Engine", "a scalar"))
    )


def describe(t: TensorType) -> Message:
    """A plain-language name for what flows along an edge (a value of the shape messages)."""
    if t.tokens:
        if t.shape:
            return Message(
                QT_TRANSLATE_NOOP("Engine", "token ids of length {length}"), length=t.shape[0]
            )
        return Message(QT_TRANSLATE_NOOP("Engine", "token ids"))
    shape = fmt_shape(t.shape)
    if len(t.shape) == 1:
        return Message(QT_TRANSLATE_NOOP("Engine", "a vector {shape}"), shape=shape)
    if len(t.shape) == 2:
        return Message(QT_TRANSLATE_NOOP("Engine", "a sequence {shape}"), shape=shape)
    if len(t.shape) == 3:
        return Message(QT_TRANSLATE_NOOP("Engine", "an image {shape}"), shape=shape)
    return Message(QT_TRANSLATE_NOOP("Engine", "a tensor {shape}"), shape=shape)
