"""A network written as code — ``tf.keras.Sequential([...])`` / ``keras.Sequential`` (or
``model.add(...)`` lines) and PyTorch's ``nn.Sequential(...)`` — as a graph with fresh weights.

The text is parsed with ``ast`` and never executed: each layer's arguments must be literals
(numbers, strings, tuples; an activation may be named as ``tf.nn.relu``). Every line that
cannot be mapped is named in the one refusal.
"""

from __future__ import annotations

import ast
from typing import Any

from engine.importers.common import (
    ImportResult,
    Layer,
    ModelImportError,
    Problem,
    build_project,
    finish_output,
    refuse,
)
from engine.messages import QT_TRANSLATE_NOOP, Message

MAX_CODE_CHARS = 1_000_000

# Keras layers' positional parameters, in order.
_KERAS_ARGS: dict[str, list[str]] = {
    "Dense": ["units", "activation"],
    "Conv2D": ["filters", "kernel_size", "strides", "padding"],
    "Conv1D": ["filters", "kernel_size", "strides", "padding"],
    "MaxPooling2D": ["pool_size", "strides", "padding"],
    "MaxPool2D": ["pool_size", "strides", "padding"],
    "AveragePooling2D": ["pool_size", "strides", "padding"],
    "AvgPool2D": ["pool_size", "strides", "padding"],
    "GlobalAveragePooling2D": [],
    "GlobalAveragePooling1D": [],
    "GlobalMaxPooling2D": [],
    "GlobalMaxPooling1D": [],
    "Identity": [],
    "Flatten": [],
    "Dropout": ["rate"],
    "SpatialDropout2D": ["rate"],
    "Activation": ["activation"],
    "ReLU": ["max_value"],
    "LeakyReLU": ["negative_slope"],
    "ELU": ["alpha"],
    "Softmax": ["axis"],
    "BatchNormalization": ["axis"],
    "Embedding": ["input_dim", "output_dim"],
    "LSTM": ["units"],
    "GRU": ["units"],
    "SimpleRNN": ["units"],
    "Reshape": ["target_shape"],
    "Add": [],
    "Concatenate": ["axis"],
}
_KERAS_ALIASES = {"MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D"}
_KERAS_DEFAULTS: dict[str, dict[str, Any]] = {
    "MaxPooling2D": {"pool_size": 2},
    "AveragePooling2D": {"pool_size": 2},
}


def _line(number: int) -> Message:
    return Message(QT_TRANSLATE_NOOP("Engine", "line {line}"), line=number)


def _problem(node: ast.AST, lines: list[str], reason: Message) -> Problem:
    """A line that cannot be mapped: its number and its code."""
    start, end = getattr(node, "col_offset", 0), getattr(node, "end_col_offset", None)
    number = getattr(node, "lineno", 0)
    text = lines[number - 1][start:end].strip() if 0 < number <= len(lines) else ""
    return Problem(_line(number), text[:80] or "?", reason)


def _name(func: ast.AST) -> str:
    """``tf.keras.layers.Conv2D`` -> "Conv2D"; ``nn.Linear`` -> "Linear"."""
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _value(node: ast.AST, key: str) -> Any:
    """A literal argument; an activation may be a name such as ``tf.nn.relu``."""
    if key == "activation" and isinstance(node, ast.Attribute | ast.Name):
        return _name(node).lower()
    return ast.literal_eval(node)


class _Unreadable(Exception):
    pass


def _arguments(call: ast.Call, positional: list[str]) -> dict[str, Any]:
    if len(call.args) > len(positional) or any(k.arg is None for k in call.keywords):
        raise _Unreadable
    try:
        values = {key: _value(arg, key) for key, arg in zip(positional, call.args, strict=False)}
        values.update({str(k.arg): _value(k.value, str(k.arg)) for k in call.keywords})
    except (ValueError, TypeError, SyntaxError):
        raise _Unreadable from None
    return values


def _sequential(tree: ast.AST) -> tuple[str, list[ast.expr]] | None:
    """("keras" or "torch", the layer expressions) of the first Sequential in the code."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) == "Sequential"]
    calls.sort(key=lambda n: (n.lineno, n.col_offset))
    for call in calls:
        if call.args and isinstance(call.args[0], ast.List | ast.Tuple):
            return "keras", list(call.args[0].elts)
        if call.args:
            return ("keras" if "keras" in _dotted(call.func) else "torch"), list(call.args)
        # Keras' other style: model = Sequential() then model.add(layer) lines.
        added = [
            n.args[0]
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr == "add"
            and len(n.args) == 1
        ]
        if added:
            added.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
            return "keras", added
    return None


def import_code(text: str, name: str = "pasted network", data: str | None = None) -> ImportResult:
    """The first Sequential network in ``text`` as a project (fresh weights)."""
    if len(text) > MAX_CODE_CHARS:
        raise _not_code(name, Message(QT_TRANSLATE_NOOP("Engine", "it is too long")))
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        reason = Message(
            QT_TRANSLATE_NOOP("Engine", "it is not valid Python (line {line}: {error})"),
            line=exc.lineno or 0,
            error=exc.msg,
        )
        raise _not_code(name, reason) from None
    found = _sequential(tree)
    if found is None:
        raise _not_code(
            name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "it has no keras.Sequential([...]) or nn.Sequential(...) network"
                )
            ),
        )
    style, items = found
    lines = text.splitlines()
    if style == "keras":
        return _keras(name, items, lines, data)
    return _torch(name, items, lines, data)


def _not_code(name: str, reason: Message) -> ModelImportError:
    return ModelImportError(
        QT_TRANSLATE_NOOP("Engine", "{file} cannot be read as a network: {reason}"),
        file=name,
        reason=reason,
    )


_UNKNOWN = QT_TRANSLATE_NOOP("Engine", "no NetCanvas layer does this")
_UNREADABLE = QT_TRANSLATE_NOOP("Engine", "its arguments are not plain values")


# ---------------------------------------------------------------- Keras


def _keras(name: str, items: list[ast.expr], lines: list[str], data: str | None) -> ImportResult:
    from engine.importers.keras_import import _Converter, _Model

    specs: list[dict[str, Any]] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for item in items:
        if not isinstance(item, ast.Call):
            problems.append(_problem(item, lines, Message(_UNKNOWN)))
            continue
        kind = _KERAS_ALIASES.get(_name(item.func), _name(item.func))
        try:
            if kind in ("Input", "InputLayer"):
                conf = _arguments(item, ["shape"])
                shape = conf.get("shape", conf.get("input_shape"))
                dtype = str(conf.get("dtype", "float32"))
                specs.append(_input_spec(shape, dtype))
                continue
            if kind not in _KERAS_ARGS:
                problems.append(_problem(item, lines, Message(_UNKNOWN)))
                continue
            conf = {**_KERAS_DEFAULTS.get(kind, {}), **_arguments(item, _KERAS_ARGS[kind])}
        except _Unreadable:
            problems.append(_problem(item, lines, Message(_UNREADABLE)))
            continue
        shape = conf.pop("input_shape", None)
        length = conf.pop("input_length", None)
        if not specs:  # the first layer says the input, as Keras 2 code does
            if shape is not None:
                specs.append(_input_spec(shape, "float32"))
            elif kind == "Embedding":
                specs.append(_input_spec([length or 64], "int32"))
        # Named after its line, so that a refusal says where the layer is.
        label = str(_line(item.lineno))
        while label in taken:
            label += "'"
        taken.add(label)
        conf["name"] = label
        specs.append({"class_name": kind, "config": conf})
    if problems:
        raise refuse(name, problems)
    if not specs or specs[0]["class_name"] != "InputLayer":
        raise _not_code(
            name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "it does not say its input shape (give the first layer input_shape=...)",
                )
            ),
        )
    model = _Model(
        {"class_name": "Sequential", "config": {"layers": specs}},
        lambda _layer: None,
        from_code=True,
    )
    converter = _Converter(name, model)
    converter.data = data
    return converter.run()


def _input_spec(shape: Any, dtype: str) -> dict[str, Any]:
    dims = list(shape) if isinstance(shape, list | tuple) else [shape]
    return {
        "class_name": "InputLayer",
        "config": {"name": "input", "batch_shape": [None, *dims], "dtype": dtype},
    }


# ---------------------------------------------------------------- PyTorch

# nn class -> (NetCanvas type, positional parameters, {torch keyword: NetCanvas parameter}).
_TORCH: dict[str, tuple[str, list[str], dict[str, str]]] = {
    "Linear": ("Linear", ["in_features", "out_features", "bias"], {"out_features": "units"}),
    "Conv2d": (
        "Conv2d",
        [
            "in_channels",
            "out_channels",
            "kernel_size",
            "stride",
            "padding",
            "dilation",
            "groups",
            "bias",
        ],
        {"out_channels": "filters"},
    ),
    "ConvTranspose2d": (
        "ConvTranspose2d",
        ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding"],
        {"out_channels": "filters"},
    ),
    "MaxPool2d": ("MaxPool2d", ["kernel_size", "stride", "padding"], {"kernel_size": "pool_size"}),
    "AvgPool2d": ("AvgPool2d", ["kernel_size", "stride", "padding"], {"kernel_size": "pool_size"}),
    "AdaptiveAvgPool2d": ("GlobalAvgPool", ["output_size"], {}),
    "AdaptiveMaxPool2d": ("GlobalMaxPool", ["output_size"], {}),
    "Flatten": ("Flatten", [], {}),
    "Dropout": ("Dropout", ["p"], {}),
    "Dropout2d": ("Dropout2d", ["p"], {}),
    "BatchNorm1d": ("BatchNorm1d", ["num_features"], {}),
    "BatchNorm2d": ("BatchNorm2d", ["num_features"], {}),
    "LayerNorm": ("LayerNorm", ["normalized_shape"], {}),
    "Embedding": (
        "Embedding",
        ["num_embeddings", "embedding_dim"],
        {"num_embeddings": "vocab_size"},
    ),
    "ReLU": ("ReLU", ["inplace"], {}),
    "Sigmoid": ("Sigmoid", [], {}),
    "Tanh": ("Tanh", [], {}),
    "GELU": ("GELU", [], {}),
    "SiLU": ("SiLU", [], {}),
    "ELU": ("ELU", ["alpha", "inplace"], {}),
    "LeakyReLU": ("LeakyReLU", ["negative_slope", "inplace"], {}),
    "Softmax": ("Softmax", ["dim"], {}),
}
_DROPPED = {
    "in_features",
    "in_channels",
    "num_features",
    "normalized_shape",
    "inplace",
    "output_size",
    "dim",
}


def _torch(name: str, items: list[ast.expr], lines: list[str], data: str | None) -> ImportResult:
    layers: list[Layer] = [Layer("Input", {}, [], {}, "input")]
    declared: list[tuple[int, str, int]] = []  # (layer, what it reads, declared size)
    problems: list[Problem] = []
    for item in items:
        if not isinstance(item, ast.Call) or _name(item.func) not in _TORCH:
            problems.append(_problem(item, lines, Message(_UNKNOWN)))
            continue
        layer_type, positional, renames = _TORCH[_name(item.func)]
        try:
            args = _arguments(item, positional)
            params = _torch_params(layer_type, args, renames)
        except (_Unreadable, KeyError):
            problems.append(_problem(item, lines, Message(_UNREADABLE)))
            continue
        except _Refused as exc:
            problems.append(_problem(item, lines, exc.reason))
            continue
        index = len(layers)
        for key in ("in_features", "in_channels", "num_features"):
            if key in args:
                declared.append((index, key, int(args[key])))
        layers.append(Layer(layer_type, params, [index - 1], {}, str(_line(item.lineno))))
    if problems:
        raise refuse(name, problems)
    if len(layers) < 2:
        raise _not_code(name, Message(QT_TRANSLATE_NOOP("Engine", "its Sequential is empty")))
    layers[0].params = _torch_input(name, layers, declared)
    finish_output(name, layers, len(layers) - 1, None, [])
    result = build_project(name, name, layers, data, [], with_weights=False)
    _check_declared(name, result, declared, lines)
    return result


class _Refused(Exception):
    def __init__(self, template: str, **values: Any) -> None:
        self.reason = Message(template, **values)
        super().__init__(str(self.reason))


def _square(value: Any) -> int:
    values = list(value) if isinstance(value, list | tuple) else [value]
    if len(set(values)) != 1:
        raise _Refused(QT_TRANSLATE_NOOP("Engine", "NetCanvas's layers are square"))
    return int(values[0])


def _torch_params(layer_type: str, args: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, value in args.items():
        if key in _DROPPED:
            continue
        params[renames.get(key, key)] = value
    if (
        layer_type in ("GlobalAvgPool", "GlobalMaxPool")
        and _square(args.get("output_size", 1)) != 1
    ):
        raise _Refused(QT_TRANSLATE_NOOP("Engine", "NetCanvas pools to 1×1 only"))
    if layer_type == "Softmax" and args.get("dim", -1) not in (-1, 1):
        raise _Refused(QT_TRANSLATE_NOOP("Engine", "NetCanvas's Softmax works on the last axis"))
    for key in ("kernel_size", "pool_size", "stride", "dilation", "output_padding"):
        if key in params:
            params[key] = _square(params[key])
    if layer_type in ("Conv2d",) and "padding" in params:
        pad = params["padding"]
        params["padding"] = pad if isinstance(pad, str) else str(_square(pad))
    elif "padding" in params:
        params["padding"] = _square(params["padding"])
    if "stride" in params and layer_type in ("MaxPool2d", "AvgPool2d") and params["stride"] is None:
        params["stride"] = 0
    if layer_type == "LayerNorm" and not isinstance(args.get("normalized_shape"), int):
        raise _Refused(
            QT_TRANSLATE_NOOP("Engine", "NetCanvas's LayerNorm normalises the last axis")
        )
    return params


def _torch_input(
    name: str, layers: list[Layer], declared: list[tuple[int, str, int]]
) -> dict[str, Any]:
    """The Input an nn.Sequential implies (it does not say): vector features from the first
    Linear, token ids for an Embedding, and for images the square size that makes the first
    Linear after the convolutions read what it declares."""
    first = layers[1]
    if first.type == "Embedding":
        return {"kind": "tokens", "seq_len": 64}
    if not declared:
        raise _not_code(
            name, Message(QT_TRANSLATE_NOOP("Engine", "it does not say its input size"))
        )
    index, key, size = declared[0]
    if key == "in_features" and index == 1:
        return {"kind": "vector", "features": size}
    if key == "in_channels" and layers[index].type in ("Conv2d", "ConvTranspose2d"):
        from engine.graph import Graph

        linear = next(
            (d for d in declared if d[1] == "in_features"), None
        )  # the first Linear fixes the image size
        for side in (28, 32, *range(1, 513)):
            params = {"kind": "image", "channels": size, "height": side, "width": side}
            graph = Graph()
            ids: list[str] = []
            try:
                for layer in [Layer("Input", params, [], {}), *layers[1:]]:
                    node = graph.add_node(layer.type, layer.params)
                    if ids:
                        graph.connect(ids[-1], node.id)
                    ids.append(node.id)
            except Exception:
                break
            infos = graph.analysis.nodes
            if linear is None:
                if graph.analysis.valid:
                    return params
                continue
            src = infos.get(ids[linear[0] - 1])
            if src is not None and src.output_shape and src.output_shape[-1] == linear[2]:
                return params
    raise _not_code(
        name,
        Message(QT_TRANSLATE_NOOP("Engine", "no input size makes its layers fit together")),
    )


def _check_declared(
    name: str, result: ImportResult, declared: list[tuple[int, str, int]], lines: list[str]
) -> None:
    """Each layer reads the size its code declares (nn.Linear(784, ...) after 5408 values is
    a mistake in the code, not something to paper over)."""
    graph = result.project.graph
    ids = list(graph.nodes)
    problems: list[Problem] = []
    for index, _key, size in declared:
        if index >= len(ids):
            continue
        src = graph.inputs_of(ids[index])
        shape = graph.analysis.nodes[src[0].src].output_shape if src else None
        got = shape[0] if shape and _key != "in_features" else shape[-1] if shape else None
        if got is not None and got != size:
            node = graph.nodes[ids[index]]
            problems.append(
                Problem(
                    node.type,
                    node.name,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine", "it declares {declared} inputs but receives {got}"
                        ),
                        declared=size,
                        got=got,
                    ),
                )
            )
    if problems:
        raise refuse(name, problems)
