"""Keras models (``.h5`` from Keras 2.x and 3.x, ``.keras`` from Keras 3) into NetCanvas layers.

Only data is read: the model's JSON config and its weight arrays, with h5py (and zipfile for
``.keras``); nothing in the file is executed, so a ``Lambda`` or a custom layer is refused.
Keras works channels-last (N×H×W×C); the imported network reads N×C×H×W, so convolution
kernels are transposed and the Dense layer after a Flatten of an image gets its rows in
NetCanvas's flatten order.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from math import ceil, prod
from pathlib import Path
from typing import Any

import numpy as np

from engine.importers.common import (
    ImportResult,
    Layer,
    ModelImportError,
    Problem,
    build_project,
    finish_output,
    image_preprocessing,
    refuse,
    unreadable,
)
from engine.messages import QT_TRANSLATE_NOOP, Message

MAX_FILE_BYTES = 2 * 1024**3
MAX_CONFIG_BYTES = 32 * 1024 * 1024
MAX_LAYERS = 2000
MAX_TENSOR_ELEMENTS = 2**28
_EPS = 1e-5  # torch's BatchNorm epsilon


class _Refuse(Exception):
    def __init__(self, template: str, **values: Any) -> None:
        self.reason = Message(template, **values)
        super().__init__(str(self.reason))


@dataclass(frozen=True)
class _V:
    """A tensor made by layer ``layer``: ``shape`` per sample as NetCanvas holds it; ``image``:
    Keras holds it as H×W×C; ``order``: Keras feature j is NetCanvas feature order[j];
    ``swapped``: a sequence Keras holds steps × channels and NetCanvas channels × steps (what
    its Conv1d reads and writes)."""

    layer: int
    shape: tuple[int, ...]
    image: bool = False
    order: Any = None
    tokens: bool = False
    swapped: bool = False


# The layers that read a swapped sequence as it is (Conv1D, the global pooling, what works value
# by value); any other is given it back as steps × channels by a SwapAxes layer.
_READ_SWAPPED = {
    "Conv1D",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "Activation",
    "ReLU",
    "Dropout",
    "Identity",
}


@dataclass
class _Model:
    config: dict[str, Any]
    weights: Callable[[str], list[np.ndarray] | None]  # None: no weights (code)
    close: Callable[[], None] = field(default=lambda: None)
    from_code: bool = False  # a Sequential written as code: no weights


def _bad(file: str, reason: Message | str) -> ModelImportError:
    return ModelImportError(
        QT_TRANSLATE_NOOP("Engine", "{file} is not a model NetCanvas can read: {reason}"),
        file=file,
        reason=reason,
    )


# ---------------------------------------------------------------- reading the file


def _array(dataset: Any, file: str) -> np.ndarray:
    if dataset.size > MAX_TENSOR_ELEMENTS:
        raise ModelImportError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model's tensor '{name}' claims {count:,} values, more than NetCanvas reads ({limit:,}).",
            ),
            name=dataset.name,
            count=int(dataset.size),
            limit=MAX_TENSOR_ELEMENTS,
        )
    if dataset.dtype.kind not in "fiu":
        raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "a weight is not numbers")))
    return np.asarray(dataset[()])


def _open(path: Path) -> _Model:
    import h5py

    file = path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "it is larger than 2 GiB")))
    if path.suffix.lower() == ".keras":
        try:
            with zipfile.ZipFile(path) as zf:
                infos = {i.filename: i for i in zf.infolist()}
                cfg, weights = infos.get("config.json"), infos.get("model.weights.h5")
                if cfg is None or weights is None:
                    raise _bad(
                        file,
                        Message(QT_TRANSLATE_NOOP("Engine", "it has no config.json or weights")),
                    )
                if cfg.file_size > MAX_CONFIG_BYTES or weights.file_size > MAX_FILE_BYTES:
                    raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "it is too large")))
                config = json.loads(zf.read(cfg))
                raw = zf.read(weights)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise _bad(file, type(exc).__name__) from None
        try:
            h5 = h5py.File(io.BytesIO(raw), "r")
        except OSError as exc:
            raise _bad(file, str(exc).splitlines()[0][:200]) from None

        # Keras 3 names each layer's group after its class (dense, dense_1...); the layer's
        # own name is an attribute of its "vars" group.
        groups: dict[str, Any] = {}
        for group in h5.get("layers", {}).values():
            own = group.get("vars")
            if own is not None and "name" in own.attrs:
                groups[str(own.attrs["name"])] = group

        def keras3(name: str) -> list[np.ndarray]:
            return _vars(groups[name], file) if name in groups else []

        return _Model(config, keras3, h5.close)
    try:
        h5 = h5py.File(path, "r")
    except OSError as exc:
        raise _bad(file, str(exc).splitlines()[0][:200]) from None
    text = h5.attrs.get("model_config")
    if text is None:
        h5.close()
        raise _bad(
            file, Message(QT_TRANSLATE_NOOP("Engine", "it has no Keras model (only weights?)"))
        )
    text = text.decode() if isinstance(text, bytes) else str(text)
    if len(text) > MAX_CONFIG_BYTES:
        raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "it is too large")))
    try:
        config = json.loads(text)
    except ValueError as exc:
        raise _bad(file, str(exc)[:200]) from None
    root = h5.get("model_weights", h5)

    def legacy(name: str) -> list[np.ndarray]:
        group = root.get(name)
        if group is None:
            return []
        names = [
            n.decode() if isinstance(n, bytes) else str(n)
            for n in group.attrs.get("weight_names", [])
        ]
        return [_array(group[n], file) for n in names]

    return _Model(config, legacy, h5.close)


def _vars(group: Any, file: str) -> list[np.ndarray]:
    """A Keras 3 layer's variables in order: its own ``vars/0, 1...``, then its sublayers'."""
    import h5py

    found: list[np.ndarray] = []
    own = group.get("vars")
    if own is not None:
        found += [_array(own[k], file) for k in sorted(own, key=int)]
    # A Bidirectional layer's forward half first, as Keras lists its weights.
    for key in sorted(group, key=lambda k: (k != "forward_layer", k)):
        if key != "vars" and isinstance(group[key], h5py.Group):
            found += _vars(group[key], file)
    return found


# ---------------------------------------------------------------- the layers


def _inbound(layer: dict[str, Any]) -> list[str]:
    """The names of the layers feeding ``layer`` (Keras 2 and Keras 3 configs)."""
    nodes = layer.get("inbound_nodes") or []
    if len(nodes) > 1:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it is used more than once (a shared layer)"))
    names: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            history = value.get("config", {}).get("keras_history") if "config" in value else None
            if value.get("class_name") == "__keras_tensor__" and history:
                names.append(str(history[0]))
                return
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            if len(value) >= 3 and isinstance(value[0], str) and isinstance(value[1], int):
                names.append(value[0])  # Keras 2: [name, node, tensor, kwargs]
                return
            for v in value:
                walk(v)

    for node in nodes:
        walk(node.get("args", node) if isinstance(node, dict) else node)
    return names


_ACTIVATIONS = {
    "relu": ("ReLU", {}),
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "softmax": ("Softmax", {}),
    "elu": ("ELU", {"alpha": 1.0}),
    "gelu": ("GELU", {}),
    "silu": ("SiLU", {}),
    "swish": ("SiLU", {}),
    "leaky_relu": ("LeakyReLU", {"negative_slope": 0.2}),
}


def _activation_name(value: Any) -> str:
    if isinstance(value, dict):  # Keras 3 may serialise it as an object
        value = value.get("config", {}).get("name", value.get("class_name", ""))
    return str(value or "linear")


class _Converter:
    def __init__(self, file: str, model: _Model) -> None:
        self.file = file
        self.model = model
        self.layers: list[Layer] = []
        self.notes: list[Message] = []
        self.values: dict[str, _V] = {}

    def add(
        self, type_: str, params: dict[str, Any], src: _V, source: str, **weights: np.ndarray
    ) -> int:
        inputs = [src.layer]
        self.layers.append(Layer(type_, params, inputs, dict(weights), source))
        return len(self.layers) - 1

    def activation(self, value: _V, name: Any, source: str) -> _V:
        key = _activation_name(name)
        if key == "linear":
            return value
        if key not in _ACTIVATIONS:
            raise _Refuse(
                QT_TRANSLATE_NOOP("Engine", "NetCanvas has no activation '{name}'"), name=key
            )
        layer_type, params = _ACTIVATIONS[key]
        if layer_type == "Softmax" and (value.image or value.swapped):
            raise _Refuse(
                QT_TRANSLATE_NOOP("Engine", "it applies softmax over an image's channels")
            )
        return replace(value, layer=self.add(layer_type, dict(params), value, source))

    def swap(self, value: _V, source: str, swapped: bool) -> _V:
        """``value`` as steps × channels (``swapped`` False) or channels × steps (True)."""
        if value.swapped == swapped:
            return value
        layer = self.add("SwapAxes", {}, value, source)
        return _V(layer, value.shape[::-1], swapped=swapped)

    def run(self) -> ImportResult:
        top = self.model.config
        kind = top.get("class_name")
        cfg = top.get("config", {})
        if kind not in ("Sequential", "Functional", "Model") or not isinstance(cfg, dict):
            raise _bad(
                self.file, Message(QT_TRANSLATE_NOOP("Engine", "its model is of an unknown kind"))
            )
        specs = cfg.get("layers")
        if not isinstance(specs, list) or not specs or len(specs) > MAX_LAYERS:
            raise _bad(self.file, Message(QT_TRANSLATE_NOOP("Engine", "it lists no layers")))
        problems: list[Problem] = []
        previous: str | None = None
        broken: set[str] = set()
        first = specs[0]
        if first.get("class_name") != "InputLayer":  # Keras 2 Sequential: the shape sits on layer 1
            shape = first.get("config", {}).get("batch_input_shape")
            if shape is None:
                raise _bad(
                    self.file,
                    Message(QT_TRANSLATE_NOOP("Engine", "it does not say its input shape")),
                )
            specs = [
                {
                    "class_name": "InputLayer",
                    "config": {
                        "name": "input",
                        "batch_shape": shape,
                        "dtype": first["config"].get("dtype", "float32"),
                    },
                },
                *specs,
            ]
        for spec in specs:
            kind_ = str(spec.get("class_name", "?"))
            conf = spec.get("config", {}) or {}
            name = str(conf.get("name", spec.get("name", kind_)))
            try:
                if kind == "Sequential":
                    srcs = [previous] if previous is not None else []
                else:
                    srcs = _inbound(spec)
                previous = name
                # Unknown layers are named wherever they sit; a layer after a refused one
                # cannot be judged (its input is unknown), so it is skipped.
                handler = _HANDLERS.get(kind_)
                if handler is None:
                    raise _Refuse(QT_TRANSLATE_NOOP("Engine", "no NetCanvas layer does this"))
                if any(s in broken for s in srcs):
                    broken.add(name)
                    continue
                ins = [self.values[s] for s in srcs if s in self.values]
                if len(ins) != len(srcs):
                    raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its inputs are not in the model"))
                if kind_ not in _READ_SWAPPED:
                    ins = [self.swap(v, name, swapped=False) for v in ins]
                self.values[name] = handler(self, kind_, conf, ins, name)
            except _Refuse as exc:
                problems.append(Problem(kind_, name, exc.reason))
                broken.add(name)
            except (ValueError, IndexError, TypeError, KeyError, ZeroDivisionError) as exc:
                # A broken or hostile config (a missing key, a value of the wrong type).
                problems.append(Problem(kind_, name, unreadable(exc)))
                broken.add(name)
        if problems:
            raise refuse(self.file, problems)
        out_name = previous
        if kind != "Sequential":
            outputs = cfg.get("output_layers") or []
            if outputs and isinstance(outputs[0], str):  # Keras 3 writes one output unnested
                outputs = [outputs]
            if len(outputs) != 1 or not isinstance(outputs[0], list):
                raise refuse(
                    self.file,
                    [
                        Problem(
                            "Model",
                            str(cfg.get("name", "")),
                            Message(
                                QT_TRANSLATE_NOOP(
                                    "Engine", "NetCanvas networks have exactly one output"
                                )
                            ),
                        )
                    ],
                )
            out_name = str(outputs[0][0])
        value = self.values.get(out_name or "")
        if value is None:
            raise _bad(
                self.file, Message(QT_TRANSLATE_NOOP("Engine", "its output layer is missing"))
            )
        value = self.swap(value, str(out_name), swapped=False)
        finish_output(self.file, self.layers, value.layer, None, self.notes)
        return build_project(
            self.file,
            Path(self.file).stem,
            self.layers,
            self.data,
            self.notes,
            with_weights=not self.model.from_code,
        )

    data: str | None = None


Handler = Callable[[_Converter, str, dict[str, Any], list[_V], str], _V]
_HANDLERS: dict[str, Handler] = {}


def _op(*names: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for n in names:
            _HANDLERS[n] = fn
        return fn

    return register


def _one(ins: list[_V]) -> _V:
    if len(ins) != 1:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it takes one input"))
    return ins[0]


def _pair(value: Any, what: str) -> int:
    values = list(value) if isinstance(value, list | tuple) else [value]
    if len(set(values)) != 1:
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "its {what} {values} differ between axes"),
            what=what,
            values="×".join(str(v) for v in values),
        )
    return int(values[0])


def _weights(cv: _Converter, name: str, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
    """The layer's variables, checked against the shapes its config implies (zeros for a
    network read from code, which has none)."""
    found = cv.model.weights(name)
    if found is None:
        return [np.zeros(shape, np.float32) for shape in shapes]
    if len(found) < len(shapes):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its weights are missing from the file"))
    for w, shape in zip(found, shapes, strict=False):
        if tuple(w.shape) != tuple(shape):
            raise _Refuse(
                QT_TRANSLATE_NOOP("Engine", "its weights {key} {shape} do not fit the layer"),
                key="×".join(str(d) for d in shape),
                shape="×".join(str(d) for d in w.shape),
            )
    return [w.astype(np.float32) for w in found[: len(shapes)]]


@_op("InputLayer")
def _input(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    shape = conf.get("batch_shape") or conf.get("batch_input_shape")
    if (
        not isinstance(shape, list)
        or len(shape) < 2
        or not all(isinstance(d, int) and d > 0 for d in shape[1:])
    ):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its input size is not fixed"))
    dims = shape[1:]
    dtype = str(conf.get("dtype", "float32"))
    dtype = dtype if isinstance(conf.get("dtype"), str) else "float32"
    if "int" in dtype and len(dims) == 1:
        params: dict[str, Any] = {"kind": "tokens", "seq_len": dims[0]}
        value = _V(0, (dims[0],), tokens=True)
    elif len(dims) == 3:
        h, w, c = dims
        params = {"kind": "image", "channels": c, "height": h, "width": w}
        value = _V(0, (c, h, w), image=True)
        cv.notes.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The model read images as N×H×W×C; the imported network reads N×C×H×W.",
                )
            )
        )
    elif len(dims) == 1:
        params = {"kind": "vector", "features": dims[0]}
        value = _V(0, (dims[0],))
    else:
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine",
                "an input of shape {shape} is not an image (N×C×H×W), a vector (N×F) or token ids (N×T)",
            ),
            shape="×".join(str(d) for d in shape[1:]),
        )
    if params["kind"] == "image" and not cv.model.from_code:  # code trains afresh: no record
        record, note = image_preprocessing({}, raw_pixels=False)
        params.update(record)
        cv.notes.append(note)
    cv.layers.append(Layer("Input", params, [], {}, name))
    return value


@_op("Dense")
def _dense(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    if x.image or len(x.shape) > 2:
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine", "Dense on an image works on its channels; add Flatten first"
            )
        )
    bias = bool(conf.get("use_bias", True))
    units = int(conf["units"])
    found = _weights(cv, name, [(x.shape[-1], units), (units,)][: 2 if bias else 1])
    weight = found[0].T
    if x.order is not None:  # after a Flatten of an H×W×C image
        plain = np.empty_like(weight)
        plain[:, x.order] = weight
        weight = plain
    units = int(weight.shape[0])
    weights = {"weight": weight}
    if bias:
        weights["bias"] = found[1]
    layer = cv.add("Linear", {"units": units, "bias": bias}, x, name, **weights)
    return cv.activation(_V(layer, (*x.shape[:-1], units)), conf.get("activation"), name)


def _same_pad(size: int, kernel: int, stride: int, dilation: int) -> int:
    span = dilation * (kernel - 1) + 1
    total = max((ceil(size / stride) - 1) * stride + span - size, 0)
    if total % 2:
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine", "its 'same' padding with stride {stride} pads one side more"
            ),
            stride=stride,
        )
    return total // 2


@_op("Conv2D")
def _conv(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    if not x.image or conf.get("data_format", "channels_last") != "channels_last":
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it needs a channels-last image"))
    k = _pair(conf.get("kernel_size"), "kernel sizes")
    s = _pair(conf.get("strides", 1), "strides")
    d = _pair(conf.get("dilation_rate", 1), "dilations")
    groups = int(conf.get("groups", 1))
    _, h, w = x.shape
    if conf.get("padding", "valid") == "same":
        pads = {_same_pad(n, k, s, d) for n in (h, w)}
        if len(pads) != 1:
            raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its 'same' padding differs between axes"))
        pad = pads.pop()
        padding = "same" if s == 1 else str(pad)
    else:
        pad, padding = 0, "valid"
    bias = bool(conf.get("use_bias", True))
    filters = int(conf["filters"])
    weights = _kernel(cv, name, (k, k, x.shape[0] // max(groups, 1), filters), filters, bias)
    params = _conv_params(filters, k, s, padding, d, groups, bias)
    layer = cv.add("Conv2d", params, x, name, **weights)
    span = d * (k - 1) + 1
    out = tuple(n if padding == "same" else (n + 2 * pad - span) // s + 1 for n in (h, w))
    return cv.activation(_V(layer, (filters, *out), image=True), conf.get("activation"), name)


@_op("Conv1D")
def _conv1d(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    """Keras' Conv1D reads a sequence steps × channels; NetCanvas' Conv1d channels × steps, so
    the sequence is swapped first (once: a Conv1D after a Conv1D reads it as it is)."""
    x = _one(ins)
    if x.image or x.tokens or len(x.shape) != 2:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it needs a sequence (steps × channels)"))
    if conf.get("data_format", "channels_last") != "channels_last":
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it needs a channels-last sequence"))
    x = cv.swap(x, name, swapped=True)
    c, length = x.shape
    k = _pair(conf.get("kernel_size"), "kernel sizes")
    s = _pair(conf.get("strides", 1), "strides")
    d = _pair(conf.get("dilation_rate", 1), "dilations")
    groups = int(conf.get("groups", 1))
    padding = conf.get("padding", "valid")
    if padding not in ("valid", "same") or (padding == "same" and s != 1):
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine", "its padding '{padding}' at stride {stride} is not supported"
            ),
            padding=padding,
            stride=s,
        )
    filters = int(conf["filters"])
    bias = bool(conf.get("use_bias", True))
    weights = _kernel(cv, name, (k, c // max(groups, 1), filters), filters, bias)
    params = _conv_params(filters, k, s, padding, d, groups, bias)
    layer = cv.add("Conv1d", params, x, name, **weights)
    out = length if padding == "same" else (length - d * (k - 1) - 1) // s + 1
    return cv.activation(_V(layer, (filters, out), swapped=True), conf.get("activation"), name)


@_op("GlobalAveragePooling1D", "GlobalMaxPooling1D")
def _global_pool_1d(
    cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str
) -> _V:
    x = _one(ins)
    if x.image or x.tokens or len(x.shape) != 2 or conf.get("keepdims"):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "NetCanvas pools whole sequences only"))
    x = cv.swap(x, name, swapped=True)  # the pool takes each channel over the steps
    return _V(cv.add(_GLOBAL_POOLS[kind], {}, x, name), (x.shape[0],))


def _conv_params(
    filters: int, k: int, s: int, padding: str, d: int, groups: int, bias: bool
) -> dict[str, Any]:
    """A NetCanvas Conv1d's or Conv2d's parameters."""
    return {
        "filters": filters,
        "kernel_size": k,
        "stride": s,
        "padding": padding,
        "dilation": d,
        "groups": groups,
        "bias": bias,
    }


def _kernel(
    cv: _Converter, name: str, shape: tuple[int, ...], filters: int, bias: bool
) -> dict[str, Any]:
    """A Keras kernel, its spatial axes first and then a × b (and its bias over the filters,
    when it has one), as torch's weight b × a × spatial: Conv1d's and Conv2d's out × in from
    Keras' in × out, and ConvTranspose2d's in × out from Keras' out × in."""
    found = _weights(cv, name, [shape, (filters,)][: 2 if bias else 1])
    n = len(shape)
    weights = {"weight": np.ascontiguousarray(found[0].transpose(n - 1, n - 2, *range(n - 2)))}
    if bias:
        weights["bias"] = found[1]
    return weights


@_op("Conv2DTranspose")
def _conv_transpose(
    cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str
) -> _V:
    """Keras' transposed convolution: 'valid' gives (n − 1)·s + max(k, s), 'same' n·s (which
    torch matches when k − s is even: both sides cropped alike)."""
    x = _one(ins)
    if not x.image or conf.get("data_format", "channels_last") != "channels_last":
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it needs a channels-last image"))
    k = _pair(conf.get("kernel_size"), "kernel sizes")
    s = _pair(conf.get("strides", 1), "strides")
    if _pair(conf.get("dilation_rate", 1), "dilations") != 1 or conf.get("output_padding"):
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "its dilation or output padding are not supported")
        )
    if conf.get("padding", "valid") == "same":
        if k < s or (k - s) % 2:
            raise _Refuse(
                QT_TRANSLATE_NOOP("Engine", "its 'same' padding crops one side more than the other")
            )
        pad, out_pad = (k - s) // 2, 0
    else:
        pad, out_pad = 0, max(s - k, 0)
    bias = bool(conf.get("use_bias", True))
    filters = int(conf["filters"])
    c, h, w = x.shape
    weights = _kernel(cv, name, (k, k, filters, c), filters, bias)
    params = {
        "filters": filters,
        "kernel_size": k,
        "stride": s,
        "padding": pad,
        "output_padding": out_pad,
        "bias": bias,
    }
    layer = cv.add("ConvTranspose2d", params, x, name, **weights)
    out = tuple((n - 1) * s - 2 * pad + k + out_pad for n in (h, w))
    return cv.activation(_V(layer, (filters, *out), image=True), conf.get("activation"), name)


@_op("MaxPooling2D", "AveragePooling2D")
def _pool(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    if not x.image or conf.get("padding", "valid") != "valid":
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine", "NetCanvas pools channels-last images with 'valid' padding only"
            )
        )
    k = _pair(conf.get("pool_size", 2), "pool sizes")
    s = _pair(conf.get("strides") or k, "strides")
    layer_type = "MaxPool2d" if kind == "MaxPooling2D" else "AvgPool2d"
    layer = cv.add(
        layer_type, {"pool_size": k, "stride": 0 if s == k else s, "padding": 0}, x, name
    )
    c, h, w = x.shape
    return _V(layer, (c, (h - k) // s + 1, (w - k) // s + 1), image=True)


_GLOBAL_POOLS = {
    "GlobalAveragePooling1D": "GlobalAvgPool",
    "GlobalAveragePooling2D": "GlobalAvgPool",
    "GlobalMaxPooling1D": "GlobalMaxPool",
    "GlobalMaxPooling2D": "GlobalMaxPool",
}


@_op("GlobalAveragePooling2D", "GlobalMaxPooling2D")
def _global_pool(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    if not x.image or conf.get("keepdims"):
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "NetCanvas pools whole channels-last images only")
        )
    return _V(cv.add(_GLOBAL_POOLS[kind], {}, x, name), (x.shape[0],))


@_op("Identity")
def _identity(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    return _one(ins)


@_op("Flatten")
def _flatten(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    order = None
    if x.image:  # Keras flattens H×W×C; NetCanvas C×H×W
        c, h, w = x.shape
        order = np.arange(c * h * w).reshape(c, h, w).transpose(1, 2, 0).reshape(-1)
    layer = cv.add("Flatten", {}, x, name)
    return _V(layer, (prod(x.shape),), order=order if order is not None else x.order)


@_op("Dropout", "SpatialDropout2D")
def _dropout(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    layer_type = "Dropout2d" if x.image and kind == "SpatialDropout2D" else "Dropout"
    rate = min(float(conf.get("rate", 0.5)), 0.95)
    return replace(x, layer=cv.add(layer_type, {"p": rate}, x, name))


@_op("Activation")
def _activation(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    return cv.activation(_one(ins), conf.get("activation"), name)


@_op("ReLU")
def _relu(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    if (
        conf.get("max_value") is not None
        or conf.get("threshold", 0)
        or conf.get("negative_slope", 0)
    ):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its cap, threshold or slope is not supported"))
    return cv.activation(_one(ins), "relu", name)


@_op("LeakyReLU")
def _leaky(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    slope = float(conf.get("negative_slope", conf.get("alpha", 0.3)))
    return _V(cv.add("LeakyReLU", {"negative_slope": slope}, x, name), x.shape, x.image, x.order)


@_op("ELU")
def _elu(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    return _V(
        cv.add("ELU", {"alpha": float(conf.get("alpha", 1.0))}, x, name), x.shape, x.image, x.order
    )


@_op("Softmax")
def _softmax(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    if conf.get("axis", -1) != -1:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "NetCanvas's Softmax works on the last axis"))
    return cv.activation(_one(ins), "softmax", name)


@_op("BatchNormalization")
def _batchnorm(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    axis = conf.get("axis", -1)
    axis = axis[0] if isinstance(axis, list) and len(axis) == 1 else axis
    rank = len(x.shape) + 1
    if axis not in (-1, rank - 1) or (len(x.shape) == 2 and not x.image):
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "it normalises an axis NetCanvas's BatchNorm does not")
        )
    scale, center = bool(conf.get("scale", True)), bool(conf.get("center", True))
    channels = x.shape[0]
    found = _weights(cv, name, [(channels,)] * (2 + scale + center))
    gamma = found.pop(0) if scale else np.ones(channels, np.float32)
    beta = found.pop(0) if center else np.zeros(channels, np.float32)
    mean, var = found[0], found[1]
    if x.order is not None:
        gamma, beta, mean, var = (_unpermute(v, x.order) for v in (gamma, beta, mean, var))
    # torch's epsilon, the difference moved into the variance: the same numbers at inference.
    var = np.maximum(var + (float(conf.get("epsilon", 1e-3)) - _EPS), 0.0).astype(np.float32)
    layer_type = "BatchNorm2d" if x.image else "BatchNorm1d"
    layer = cv.add(
        layer_type,
        {},
        x,
        name,
        weight=gamma,
        bias=beta,
        running_mean=mean,
        running_var=var,
        num_batches_tracked=np.zeros((), np.int64),
    )
    return _V(layer, x.shape, x.image, x.order)


def _unpermute(values: np.ndarray, order: Any) -> np.ndarray:
    plain = np.empty_like(values)
    plain[order] = values
    return plain


@_op("Add")
def _add(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    if len(ins) < 2 or any(
        (v.shape, v.image) != (ins[0].shape, ins[0].image) or v.order is not None for v in ins
    ):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "NetCanvas adds tensors of the same shape"))
    cv.layers.append(Layer("Add", {}, [v.layer for v in ins], {}, name))
    return _V(len(cv.layers) - 1, ins[0].shape, ins[0].image)


@_op("Concatenate")
def _concat(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    if len(ins) < 2 or any(
        v.image != ins[0].image or v.order is not None or len(v.shape) != len(ins[0].shape)
        for v in ins
    ):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its inputs are not alike"))
    rank = len(ins[0].shape)
    axis = int(conf.get("axis", -1))
    if axis == 0:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it joins along the batch axis"))
    keras_axis = (axis - 1) % rank if axis > 0 else axis % rank  # per-sample
    ours = {0: 1, 1: 2, 2: 0}[keras_axis] if ins[0].image else keras_axis
    out = list(ins[0].shape)
    out[ours] = sum(v.shape[ours] for v in ins)
    cv.layers.append(Layer("Concatenate", {"axis": ours}, [v.layer for v in ins], {}, name))
    return _V(len(cv.layers) - 1, tuple(out), ins[0].image)


@_op("Embedding")
def _embedding(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    if not x.tokens:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "an Embedding reads the token ids of the Input"))
    if conf.get("mask_zero"):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its mask of zeros is not supported"))
    shape = (int(conf["input_dim"]), int(conf["output_dim"]))
    (table,) = _weights(cv, name, [shape])
    vocab, dim = table.shape
    layer = cv.add(
        "Embedding", {"vocab_size": int(vocab), "embedding_dim": int(dim)}, x, name, weight=table
    )
    return _V(layer, (*x.shape, int(dim)))


# Keras gate blocks in torch's order: LSTM i,f,c,o is torch's i,f,g,o; GRU z,r,h -> r,z,n.
_GATES = {"LSTM": [0, 1, 2, 3], "GRU": [1, 0, 2], "SimpleRNN": [0]}
_TYPES = {"LSTM": "LSTM", "GRU": "GRU", "SimpleRNN": "RNN"}


def _recurrent_layer(
    cv: _Converter, rnn: str, conf: dict[str, Any], ins: list[_V], name: str, directions: int = 1
) -> _V:
    """A Keras LSTM, GRU or SimpleRNN (``directions`` 2: inside Bidirectional, whose weights
    are the forward layer's, then the backward one's)."""
    x = _one(ins)
    if x.image or len(x.shape) != 2:
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its input is not a batch of sequences"))
    backwards = conf.get("go_backwards") and directions == 1
    if backwards or conf.get("stateful") or conf.get("return_state"):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "it reads backwards, keeps state or returns it"))
    if _activation_name(conf.get("activation", "tanh")) != "tanh" or (
        rnn != "SimpleRNN"
        and _activation_name(conf.get("recurrent_activation", "sigmoid")) != "sigmoid"
    ):
        raise _Refuse(QT_TRANSLATE_NOOP("Engine", "its activations differ from torch's"))
    if rnn == "GRU" and not conf.get("reset_after", True):
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "its reset gate works differently from torch's GRU")
        )
    hidden = int(conf["units"])
    bias = bool(conf.get("use_bias", True))
    blocks = _GATES[rnn]
    n = len(blocks) * hidden
    bias_shape: tuple[int, ...] = (2, n) if rnn == "GRU" else (n,)
    shapes: list[tuple[int, ...]] = [(x.shape[-1], n), (hidden, n), bias_shape][: 3 if bias else 2]
    found = _weights(cv, name, shapes * directions)

    def gates(m: np.ndarray) -> np.ndarray:  # rows in torch's gate order
        return np.concatenate([m[i * hidden : (i + 1) * hidden] for i in blocks])

    weights: dict[str, np.ndarray] = {}
    for direction in range(directions):
        kernel, recurrent, *rest = found[direction * len(shapes) : (direction + 1) * len(shapes)]
        if not bias:
            b_ih, b_hh = np.zeros(n, np.float32), np.zeros(n, np.float32)
        elif rnn == "GRU":
            b_ih, b_hh = rest[0].reshape(2, n)
        else:
            b_ih, b_hh = rest[0].reshape(n), np.zeros(n, np.float32)
        suffix = "_l0_reverse" if direction else "_l0"
        weights[f"weight_ih{suffix}"] = gates(kernel.T)
        weights[f"weight_hh{suffix}"] = gates(recurrent.T)
        weights[f"bias_ih{suffix}"] = gates(b_ih)
        weights[f"bias_hh{suffix}"] = gates(b_hh)
    sequences = bool(conf.get("return_sequences", False))
    params = {
        "hidden_size": hidden,
        "num_layers": 1,
        "bidirectional": directions == 2,
        "return_sequences": sequences,
    }
    layer = cv.add(_TYPES[rnn], params, x, name, **weights)
    width = hidden * directions
    return _V(layer, (x.shape[0], width) if sequences else (width,))


def _recurrent(rnn: str) -> Handler:
    def handler(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
        return _recurrent_layer(cv, rnn, conf, ins, name)

    return handler


for _kind in _GATES:
    _HANDLERS[_kind] = _recurrent(_kind)


@_op("Bidirectional")
def _bidirectional(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    """A recurrent layer read both ways, its outputs joined (torch's bidirectional layer)."""
    layer = conf.get("layer")
    inner: dict[str, Any] = layer if isinstance(layer, dict) else {}
    rnn = str(inner.get("class_name", ""))
    if rnn not in _GATES or conf.get("merge_mode", "concat") != "concat":
        raise _Refuse(
            QT_TRANSLATE_NOOP(
                "Engine",
                "only a Bidirectional LSTM, GRU or SimpleRNN whose two outputs are joined (merge_mode 'concat') is imported",
            )
        )
    return _recurrent_layer(cv, rnn, inner.get("config", {}), ins, name, directions=2)


@_op("Reshape")
def _reshape(cv: _Converter, kind: str, conf: dict[str, Any], ins: list[_V], name: str) -> _V:
    x = _one(ins)
    target = [int(d) for d in conf.get("target_shape", [])]
    if x.image or x.order is not None or len(target) not in (1, 2):
        raise _Refuse(
            QT_TRANSLATE_NOOP("Engine", "it reshapes into or out of a channels-last image")
        )
    total = prod(x.shape)
    if -1 in target:
        known = prod(d for d in target if d != -1)
        target[target.index(-1)] = total // max(known, 1)
    layer = cv.add("Reshape", {"shape": tuple(target)}, x, name)
    return _V(layer, tuple(target))


def import_keras(path: str | Path, data: str | None = None) -> ImportResult:
    """A Keras ``.h5`` or ``.keras`` file as a project; ModelImportError if it cannot be."""
    target = Path(path)
    try:
        target.stat()
    except OSError as exc:
        raise ModelImportError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read {file}: {reason}"),
            file=target.name,
            reason=exc.strerror or exc,
        ) from None
    model = _open(target)
    try:
        converter = _Converter(target.name, model)
        converter.data = data
        return converter.run()
    finally:
        model.close()
