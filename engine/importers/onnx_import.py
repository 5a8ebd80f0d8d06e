"""ONNX files (opset 7 and later) into NetCanvas layers.

The nodes that lead to the graph's output are walked in order. Each value is either a constant
(initializers, Constant nodes and folded shape arithmetic: Shape, Gather, Unsqueeze, Concat...)
or a tensor made by a NetCanvas layer. A tensor may be seen through a transposition (the
NHWC + Transpose patterns of tf2onnx and keras2onnx, the sequence-first layout of ONNX's LSTM):
the layers work on the plain layout, and a Flatten of a transposed image hands the next Dense
layer a permutation of its weight columns instead, so the numbers stay exactly the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from math import prod
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
MAX_ONNX_NODES = 20_000
MAX_TENSOR_ELEMENTS = 2**28  # one gigabyte of float32
MAX_TOTAL_ELEMENTS = 2**29
BATCH = "N"  # the batch axis inside folded shapes
_EPS = 1e-5  # torch's BatchNorm epsilon


class _Refuse(Exception):
    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _why(template: str, **values: Any) -> _Refuse:
    return _Refuse(Message(template, **values))


@dataclass(frozen=True)
class _T:
    """A tensor made by layer ``layer``. ``shape`` is its real batched shape followed by any
    size-1 axes a Squeeze/Unsqueeze added; the ONNX value is ``shape`` transposed by ``perm``.
    ``order`` (flat tensors only): ONNX feature j is the layer's feature order[j]."""

    layer: int
    shape: tuple[Any, ...]
    perm: tuple[int, ...]
    rank: int
    order: Any = None

    @property
    def vshape(self) -> tuple[Any, ...]:
        return tuple(self.shape[p] for p in self.perm)

    @property
    def real(self) -> tuple[Any, ...]:
        return self.shape[: self.rank]

    @property
    def plain(self) -> bool:
        """Its values lie in memory as the layer's output does (size-1 axes aside)."""
        big = [p for p in self.perm if p == 0 or self.shape[p] != 1]
        return bool(big) and big[0] == 0 and big == sorted(big) and self.order is None

    @property
    def exact(self) -> bool:
        return self.plain and self.vshape == self.real


class _Zeros:
    """ConstantOfShape(0) of a shape with the batch axis: an RNN's zero initial state."""


def _swapped(t: _T) -> bool:
    """A sequence with its two axes swapped: steps × features <-> channels × steps, as on either
    side of a Conv1d."""
    return t.perm == (0, 2, 1) and len(t.shape) == t.rank == 3 and t.order is None


def _plain(t: _T, layer: int, shape: tuple[Any, ...]) -> _T:
    return _T(layer, shape, tuple(range(len(shape))), len(shape))


class _Converter:
    def __init__(self, file: str, model: Any) -> None:
        from onnx import numpy_helper

        self.file = file
        self.model = model
        self.graph = model.graph
        self.opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 7)
        self.meta = {p.key: p.value for p in model.metadata_props}
        self.layers: list[Layer] = []
        self.values: dict[str, Any] = {}
        self.notes: list[Message] = []
        total = 0
        for init in self.graph.initializer:
            total += _checked_size(init)
            if total > MAX_TOTAL_ELEMENTS:
                raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "its weights are too large")))
        for init in self.graph.initializer:
            try:
                self.values[init.name] = numpy_helper.to_array(init)
            except Exception as exc:  # a tensor whose bytes do not match its shape
                raise _bad(file, Message(str(exc).splitlines()[0][:200])) from None
        self.consumers: dict[str, int] = {}
        # Transformer blocks by the output of the LayerNorm that opens each: (params, weights,
        # the block's output); the walk skips the outputs of their other nodes.
        self.blocks: dict[str, tuple[dict[str, Any], dict[str, np.ndarray], str]] = {}
        self.skip: set[str] = set()
        self.affine: set[int] = set()  # BatchNorm layers made from scale/shift nodes

    # ------------------------------------------------------------ helpers

    def add(
        self,
        type_: str,
        params: dict[str, Any],
        inputs: list[int],
        source: str,
        **weights: np.ndarray,
    ) -> int:
        self.layers.append(Layer(type_, params, inputs, dict(weights), source))
        return len(self.layers) - 1

    def const(self, value: Any, what: str = "") -> np.ndarray:
        if not isinstance(value, np.ndarray):
            raise _why(
                QT_TRANSLATE_NOOP("Engine", "its input {what} must be a constant"), what=what
            )
        return value

    def tensor(self, value: Any) -> _T:
        if not isinstance(value, _T):
            raise _why(QT_TRANSLATE_NOOP("Engine", "it works on constants NetCanvas cannot keep"))
        return value

    def exact(self, value: Any) -> _T:
        t = self.tensor(value)
        if _swapped(t):  # a SwapAxes layer lays it out as the reading layer expects
            layer = self.add("SwapAxes", {}, [t.layer], f"{self.layers[t.layer].source}/swap")
            return _plain(t, layer, t.vshape)
        if not t.exact:
            raise _why(
                QT_TRANSLATE_NOOP(
                    "Engine", "its input is laid out as {shape}, which this layer cannot read"
                ),
                shape=_fmt(t.vshape),
            )
        return t

    def single_use(self, name: str) -> bool:
        return self.consumers.get(name, 0) == 1

    # ------------------------------------------------------------ the walk

    def run(self) -> ImportResult:
        from onnx import helper

        if len(self.graph.node) > MAX_ONNX_NODES:
            raise _bad(self.file, Message(QT_TRANSLATE_NOOP("Engine", "it has too many nodes")))
        outputs = [o.name for o in self.graph.output]
        if len(outputs) != 1:
            raise refuse(
                self.file,
                [
                    Problem(
                        "output",
                        ", ".join(outputs),
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Engine", "NetCanvas networks have exactly one output"
                            )
                        ),
                    )
                ],
            )
        nodes = self._needed(outputs[0])
        self.consumers[outputs[0]] = 1
        for n in nodes:
            for name in n.input:
                if name:
                    self.consumers[name] = self.consumers.get(name, 0) + 1
        self._input(nodes)
        self._find_blocks(nodes)
        problems: list[Problem] = []
        broken: set[str] = set()
        for n in nodes:
            if n.output and n.output[0] in self.skip:
                continue
            # Unknown ops are named wherever they sit; a node after a refused one cannot be
            # judged (its input is unknown), so it is skipped.
            if n.domain not in ("", "ai.onnx") or n.op_type not in _HANDLERS:
                reason = Message(QT_TRANSLATE_NOOP("Engine", "no NetCanvas layer does this"))
                problems.append(Problem(n.op_type, n.name or n.output[0], reason))
                broken.update(n.output)
                continue
            if any(i in broken for i in n.input):
                broken.update(n.output)
                continue
            attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
            ins = [self.values.get(i) if i else None for i in n.input]
            try:
                outs = _HANDLERS[n.op_type](self, n, ins, attrs)
            except _Refuse as exc:
                problems.append(Problem(n.op_type, n.name or n.output[0], exc.reason))
                broken.update(n.output)
                continue
            except (ValueError, IndexError, TypeError, KeyError, ZeroDivisionError) as exc:
                # A broken or hostile node (an index out of range, shapes that do not fit).
                problems.append(Problem(n.op_type, n.name or n.output[0], unreadable(exc)))
                broken.update(n.output)
                continue
            for name, value in zip(n.output, outs, strict=False):
                self.values[name] = value
        if problems:
            raise refuse(self.file, problems)
        self._output(outputs[0])
        return build_project(self.file, Path(self.file).stem, self.layers, self.data, self.notes)

    def _find_blocks(self, nodes: list[Any]) -> None:
        """Transformer blocks of a token model, found before the walk so that it skips all of
        their nodes (some compute only from the block's input shape, ahead of its LayerNorm)."""
        if self.layers[0].params["kind"] != "tokens":
            return
        from engine.importers.onnx_attention import find_blocks

        for norm, block in find_blocks(nodes, self.model, self.layers[0].params["seq_len"]):
            self.blocks[norm.output[0]] = (block["params"], block["state"], block["out"])
            self.skip.update(o for n in block["nodes"] if n is not norm for o in n.output)
        if not self.blocks:
            return
        # What only the blocks read (a causal mask, shape arithmetic they share) goes too: a
        # node stays when what it makes is still read (a block's opening LayerNorm: its output).
        read = {self.graph.output[0].name}
        for node in reversed(nodes):
            if node.output[0] in self.skip:
                continue
            made = self.blocks[node.output[0]][2] if node.output[0] in self.blocks else None
            if made in read or any(o in read for o in node.output):
                read.update(node.input)
            else:
                self.skip.update(node.output)

    def _needed(self, output: str) -> list[Any]:
        """The nodes the output depends on, in an order where every input comes first."""
        producer = {o: n for n in self.graph.node for o in n.output if o}
        order: list[Any] = []
        state: dict[int, int] = {}  # 1: being visited, 2: done
        stack: list[tuple[Any, bool]] = []
        if output in producer:
            stack.append((producer[output], False))
        while stack:
            node, done = stack.pop()
            key = id(node)
            if done:
                state[key] = 2
                order.append(node)
                continue
            if state.get(key) == 2:
                continue
            if state.get(key) == 1:
                raise _bad(self.file, Message(QT_TRANSLATE_NOOP("Engine", "its graph has a cycle")))
            state[key] = 1
            stack.append((node, True))
            for name in node.input:
                src = producer.get(name)
                if src is not None:
                    if state.get(id(src)) == 1:
                        raise _bad(
                            self.file, Message(QT_TRANSLATE_NOOP("Engine", "its graph has a cycle"))
                        )
                    if state.get(id(src)) != 2:
                        stack.append((src, False))
        return order

    def _input(self, nodes: list[Any]) -> None:
        from onnx import TensorProto

        inits = {i.name for i in self.graph.initializer}
        inputs = [i for i in self.graph.input if i.name not in inits]
        if len(inputs) != 1:
            raise refuse(
                self.file,
                [
                    Problem(
                        "input",
                        ", ".join(i.name for i in inputs),
                        Message(
                            QT_TRANSLATE_NOOP("Engine", "NetCanvas networks have exactly one input")
                        ),
                    )
                ],
            )
        inp = inputs[0]
        ttype = inp.type.tensor_type
        dims: list[Any] = [
            d.dim_value if d.HasField("dim_value") else None for d in ttype.shape.dim
        ]
        declared = self._declared_shape()
        if declared and len(declared) == len(dims) - 1:
            dims = [dims[0], *declared]
        elem = ttype.elem_type
        ints = (TensorProto.INT64, TensorProto.INT32)
        floats = (TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16, TensorProto.UINT8)
        problem = Problem(
            "input",
            inp.name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "an input of shape {shape} is not an image (N×C×H×W), a vector (N×F) or token ids (N×T)",
                ),
                shape=_fmt(tuple(d or "?" for d in dims)),
            ),
        )
        if elem in ints and len(dims) == 2:
            seq = dims[1] or 64
            self.free_steps = not dims[1]  # any length: a positional table may say its limit
            params = {"kind": "tokens", "seq_len": seq}
            shape: tuple[Any, ...] = (BATCH, seq)
            value = _T(0, shape, (0, 1), 2)
        elif elem in floats and len(dims) == 4 and all(dims[1:]):
            nhwc = any(
                n.op_type == "Transpose"
                and list(_attr(n, "perm")) == [0, 3, 1, 2]
                and inp.name in _through_casts(n, nodes)
                for n in nodes
            )
            c, h, w = (dims[3], dims[1], dims[2]) if nhwc else (dims[1], dims[2], dims[3])
            params = {"kind": "image", "channels": c, "height": h, "width": w}
            shape = (BATCH, c, h, w)
            value = _T(0, shape, (0, 2, 3, 1) if nhwc else (0, 1, 2, 3), 4)
            if nhwc:
                self.notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "The model read images as N×H×W×C; the imported network reads N×C×H×W.",
                        )
                    )
                )
        elif elem in floats and len(dims) == 2 and dims[1]:
            params = {"kind": "vector", "features": dims[1]}
            shape = (BATCH, dims[1])
            value = _T(0, shape, (0, 1), 2)
        else:
            raise refuse(self.file, [problem])
        if params["kind"] == "image":
            record, note = image_preprocessing(self.meta, raw_pixels=elem == TensorProto.UINT8)
            params.update(record)
            self.notes.append(note)
        self.layers.append(Layer("Input", params, [], {}, inp.name))
        self.values[inp.name] = value

    def _declared_shape(self) -> list[int] | None:
        """The per-sample input shape a NetCanvas export recorded (its sequence length)."""
        import json

        try:
            shape = json.loads(self.meta.get("input_shape", ""))[1:]
        except (ValueError, TypeError, IndexError):
            return None
        ok = isinstance(shape, list) and all(isinstance(d, int) and d > 0 for d in shape)
        return shape if ok else None

    def _output(self, name: str) -> None:
        value = self.values.get(name)
        if not isinstance(value, _T) or not value.exact or value.layer == 0:
            raise refuse(
                self.file,
                [
                    Problem(
                        "output",
                        name,
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Engine", "the output is not made by a layer NetCanvas has"
                            )
                        ),
                    )
                ],
            )
        task = self.meta.get("task")
        sequence = len(value.real) == 3
        finish_output(self.file, self.layers, value.layer, task, self.notes, sequence)

    data: str | None = None
    free_steps = False


def _attr(node: Any, name: str, default: Any = None) -> Any:
    from onnx import helper

    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def _through_casts(node: Any, nodes: list[Any]) -> set[str]:
    """The names ``node``'s first input goes back to through Cast/Identity nodes."""
    producer = {o: n for n in nodes for o in n.output}
    names = {node.input[0]}
    current = node.input[0]
    while current in producer and producer[current].op_type in ("Cast", "Identity"):
        current = producer[current].input[0]
        names.add(current)
    return names


def _fmt(shape: tuple[Any, ...]) -> str:
    return "×".join(str(d) for d in shape)


def _bad(file: str, reason: Message) -> ModelImportError:
    return ModelImportError(
        QT_TRANSLATE_NOOP("Engine", "{file} is not a model NetCanvas can read: {reason}"),
        file=file,
        reason=reason,
    )


def _checked_size(tensor: Any) -> int:
    n = prod(int(d) for d in tensor.dims)
    if any(int(d) < 0 for d in tensor.dims) or n > MAX_TENSOR_ELEMENTS:
        raise _bad_tensor(tensor.name, n)
    return n


def _bad_tensor(name: str, n: int) -> ModelImportError:
    return ModelImportError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "The model's tensor '{name}' claims {count:,} values, more than NetCanvas reads ({limit:,}).",
        ),
        name=name,
        count=n,
        limit=MAX_TENSOR_ELEMENTS,
    )


# ---------------------------------------------------------------- handlers

Handler = Callable[[_Converter, Any, list[Any], dict[str, Any]], list[Any]]
_HANDLERS: dict[str, Handler] = {}


def _op(*names: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for name in names:
            _HANDLERS[name] = fn
        return fn

    return register


def _ints(value: Any) -> list[Any]:
    return [v if isinstance(v, str) else int(v) for v in np.asarray(value).reshape(-1).tolist()]


def _axes(cv: _Converter, ins: list[Any], attrs: dict[str, Any], index: int) -> list[int] | None:
    """An axes list given as an attribute (older opsets) or as input ``index``."""
    if "axes" in attrs:
        return [int(a) for a in attrs["axes"]]
    if len(ins) > index and ins[index] is not None:
        return [int(a) for a in _ints(cv.const(ins[index], "axes"))]
    return None


@_op("Constant")
def _constant(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    from onnx import numpy_helper

    if "value" in attrs:
        return [numpy_helper.to_array(attrs["value"])]
    for key, dtype in (
        ("value_float", np.float32),
        ("value_floats", np.float32),
        ("value_int", np.int64),
        ("value_ints", np.int64),
    ):
        if key in attrs:
            return [np.asarray(attrs[key], dtype=dtype)]
    raise _why(QT_TRANSLATE_NOOP("Engine", "its kind of constant is not supported"))


@_op("Identity", "Cast", "Dropout")
def _identity(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    x = ins[0]
    if isinstance(x, np.ndarray) and x.dtype == object and BATCH not in x.ravel().tolist():
        x = x.astype(np.int64)  # shape arithmetic that no longer involves the batch axis
    if isinstance(x, np.ndarray):
        if node.op_type == "Cast" and x.dtype != object:
            from onnx import helper

            return [x.astype(helper.tensor_dtype_to_np_dtype(attrs["to"]))]
        return [x]
    if node.op_type == "Cast":
        from onnx import TensorProto

        if attrs.get("to") not in (TensorProto.FLOAT, TensorProto.DOUBLE, TensorProto.FLOAT16):
            raise _why(QT_TRANSLATE_NOOP("Engine", "it casts to a type NetCanvas does not use"))
    if node.op_type == "Dropout" and not isinstance(x, _Zeros):
        ratio = attrs.get("ratio", 0.5)
        if len(ins) > 1 and ins[1] is not None:
            ratio = float(cv.const(ins[1], "ratio"))
        t = cv.tensor(x)
        layer = cv.add("Dropout", {"p": min(float(ratio), 0.95)}, [t.layer], node.name)
        return [replace(t, layer=layer)]
    return [x]


@_op("Shape")
def _shape(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    x = ins[0]
    shape = list(x.shape) if isinstance(x, np.ndarray) else list(cv.tensor(x).vshape)
    shape = shape[attrs.get("start", 0) : attrs.get("end", len(shape))]
    return [np.array(shape, dtype=object if BATCH in shape else np.int64)]


def _const_op(fn: Callable[..., Any]) -> Handler:
    def handler(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
        if any(isinstance(v, _T) for v in ins):
            raise _why(QT_TRANSLATE_NOOP("Engine", "no NetCanvas layer does this to a tensor"))
        return [fn(cv, [cv.const(v) if v is not None else None for v in ins], attrs)]

    return handler


def _gather(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    data, idx = ins[0], ins[1]
    axis = attrs.get("axis", 0)
    if isinstance(data, np.ndarray) and isinstance(idx, np.ndarray):
        return [np.asarray(np.take(data, idx.astype(np.int64), axis=axis), dtype=data.dtype)]
    if isinstance(data, np.ndarray) and isinstance(idx, _T) and data.ndim == 2 and axis == 0:
        t = cv.exact(idx)
        if cv.layers[t.layer].type != "Input" or len(t.real) != 2:
            raise _why(QT_TRANSLATE_NOOP("Engine", "an Embedding reads the token ids of the Input"))
        vocab, dim = data.shape
        layer = cv.add(
            "Embedding",
            {"vocab_size": vocab, "embedding_dim": dim},
            [t.layer],
            node.name,
            weight=data.astype(np.float32),
        )
        shape = (*t.real, dim)
        return [_plain(t, layer, shape)]
    raise _why(QT_TRANSLATE_NOOP("Engine", "it picks parts of a tensor, which no layer does"))


_HANDLERS["Gather"] = _gather


def _unsqueeze_const(cv: _Converter, a: list[Any], attrs: dict[str, Any]) -> Any:
    axes = _axes(cv, a, attrs, 1) or []
    x = a[0]
    for axis in sorted(ax % (x.ndim + len(axes)) for ax in axes):
        x = np.expand_dims(x, axis)
    return x


def _squeeze_const(cv: _Converter, a: list[Any], attrs: dict[str, Any]) -> Any:
    axes = _axes(cv, a, attrs, 1)
    return np.squeeze(a[0], axis=tuple(axes) if axes is not None else None)


def _slice_const(cv: _Converter, a: list[Any], attrs: dict[str, Any]) -> Any:
    x = a[0]
    if "starts" in attrs:
        starts, ends = attrs["starts"], attrs["ends"]
        axes = attrs.get("axes", list(range(len(starts))))
        steps = [1] * len(starts)
    else:
        starts, ends = _ints(a[1]), _ints(a[2])
        axes = _ints(a[3]) if len(a) > 3 and a[3] is not None else list(range(len(starts)))
        steps = _ints(a[4]) if len(a) > 4 and a[4] is not None else [1] * len(starts)
    index = [slice(None)] * x.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps, strict=True):
        index[ax] = slice(int(s), int(e), int(st))
    return x[tuple(index)]


def _concat_const(cv: _Converter, a: list[Any], attrs: dict[str, Any]) -> Any:
    return np.concatenate([np.atleast_1d(v) for v in a], axis=attrs.get("axis", 0))


def _arith(fn: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def run(cv: _Converter, a: list[Any], attrs: dict[str, Any]) -> Any:
        if any(v.dtype == object for v in a):
            # Shape arithmetic around the batch axis: only N×1 (and N/1) keeps it known.
            def one(x: Any, y: Any) -> Any:
                if BATCH not in (x, y):
                    return fn(np.int64(x), np.int64(y))
                if fn in (np.multiply, _divide) and 1 in (x, y) and (y == 1 or fn is np.multiply):
                    return BATCH
                raise _why(QT_TRANSLATE_NOOP("Engine", "it computes with the batch size"))

            return np.frompyfunc(one, 2, 1)(a[0], a[1])
        return fn(a[0], a[1])

    return run


def _divide(a: Any, b: Any) -> Any:
    return a // b if np.asarray(a).dtype.kind in "iu" else a / b


@_op("Expand")
def _expand(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    data = cv.const(ins[0], "input")
    shape = _ints(cv.const(ins[1], "shape"))
    if BATCH in shape:
        if np.any(data != 0):
            raise _why(QT_TRANSLATE_NOOP("Engine", "it fills a tensor of the batch's size"))
        return [_Zeros()]
    if prod(shape) > MAX_TENSOR_ELEMENTS or min(shape, default=1) < 0:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it makes too large a tensor"))
    return [data * np.ones(shape, dtype=data.dtype)]


def _constant_of_shape(
    cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]
) -> list[Any]:
    from onnx import numpy_helper

    shape = _ints(cv.const(ins[0], "shape"))
    fill = (
        numpy_helper.to_array(attrs["value"]).reshape(-1)
        if "value" in attrs
        else np.zeros(1, np.float32)
    )
    if BATCH in shape:
        if np.any(fill != 0):
            raise _why(QT_TRANSLATE_NOOP("Engine", "it fills a tensor of the batch's size"))
        return [_Zeros()]
    if prod(shape) > MAX_TENSOR_ELEMENTS:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it makes too large a tensor"))
    return [np.full(shape, fill[0], dtype=fill.dtype)]


_HANDLERS["ConstantOfShape"] = _constant_of_shape
_slice = _const_op(_slice_const)
# A slice of a zero state is a zero state (the dynamo exporter slices the LSTM's h0 and c0).
_HANDLERS["Slice"] = lambda cv, node, ins, attrs: (
    [ins[0]] if isinstance(ins[0], _Zeros) else _slice(cv, node, ins, attrs)
)


@_op("Unsqueeze", "Squeeze")
def _squeeze(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if isinstance(ins[0], _Zeros):
        return [ins[0]]
    if isinstance(ins[0], np.ndarray):
        fn = _unsqueeze_const if node.op_type == "Unsqueeze" else _squeeze_const
        return [fn(cv, [ins[0], *ins[1:]], attrs)]
    t = cv.tensor(ins[0])
    axes = _axes(cv, ins, attrs, 1)
    vshape = list(t.vshape)
    perm = list(t.perm)
    shape = list(t.shape)
    if node.op_type == "Squeeze":
        drop = sorted(
            {a % len(vshape) for a in axes}
            if axes is not None
            else {i for i, d in enumerate(vshape) if d == 1},
            reverse=True,
        )
        for a in drop:
            if vshape[a] != 1:
                raise _why(QT_TRANSLATE_NOOP("Engine", "it squeezes an axis that is not 1"))
            logical = perm[a]
            if logical < t.rank:  # a real axis of size 1: reshape the layer's output
                return [_reshaped(cv, t, [d for i, d in enumerate(vshape) if i not in drop], node)]
            del perm[a]
            del shape[logical]
            perm = [p - 1 if p > logical else p for p in perm]
            del vshape[a]
    else:
        for a in sorted(ax % (len(vshape) + len(axes or [])) for ax in axes or []):
            perm.insert(a, len(shape))
            shape.append(1)
            vshape.insert(a, 1)
    return [replace(t, shape=tuple(shape), perm=tuple(perm))]


def _reshaped(cv: _Converter, t: _T, target: list[Any], node: Any) -> _T:
    """``t`` reshaped to ``target`` (batched, 0 and -1 resolved)."""
    if target[0] != BATCH:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it reshapes across the batch axis"))
    per_sample = tuple(target[1:])
    if len(per_sample) == 1:  # a flatten: the next Dense layer takes any feature order
        size = per_sample[0]
        order = _flat_order(t)
        if len(t.real) == 2:
            return _T(t.layer, t.real, (0, 1), 2, order)
        layer = cv.add("Flatten", {}, [t.layer], node.name)
        return _T(layer, (BATCH, size), (0, 1), 2, order)
    if not t.plain:
        raise _why(
            QT_TRANSLATE_NOOP(
                "Engine",
                "it reshapes a tensor laid out as {shape}, which changes the order of its values",
            ),
            shape=_fmt(t.vshape),
        )
    if per_sample == tuple(t.real[1:]):
        return _T(t.layer, t.real, tuple(range(t.rank)), t.rank)
    layer = cv.add("Reshape", {"shape": per_sample}, [t.layer], node.name)
    return _T(layer, (BATCH, *per_sample), tuple(range(len(target))), len(target))


def _flat_order(t: _T) -> Any:
    """Where each feature of the flattened ONNX value lies in the layer's flattened output."""
    if t.order is not None:
        return t.order
    if t.perm[0] != 0:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it flattens across the batch axis"))
    inner = t.shape[1:]
    idx = np.arange(prod(inner)).reshape(inner).transpose([p - 1 for p in t.perm[1:]]).reshape(-1)
    return None if np.array_equal(idx, np.arange(idx.size)) else idx


@_op("Reshape")
def _reshape(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    target = _ints(attrs["shape"]) if "shape" in attrs else _ints(cv.const(ins[1], "shape"))
    if isinstance(ins[0], np.ndarray):
        if BATCH in target:
            raise _why(QT_TRANSLATE_NOOP("Engine", "it computes with the batch size"))
        return [ins[0].reshape(target)]
    t = cv.tensor(ins[0])
    vshape = t.vshape
    target = [vshape[i] if d == 0 and i < len(vshape) else d for i, d in enumerate(target)]
    moved = _ones_only(t, target) or _merged(t, target)
    if moved is not None:
        return [moved]
    if BATCH in vshape[1:]:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it reshapes across the batch axis"))
    numel = prod(d for d in vshape[1:])
    rest = [d for d in target[1:] if d != -1]
    if (
        target[0] in (-1, 1)
        and BATCH not in target
        and prod(rest) == numel
        and -1 not in target[1:]
    ):
        target[0] = BATCH  # a fixed batch of one, or -1 for "the batch"
    if -1 in target[1:]:
        known = prod(d for d in target[1:] if d != -1)
        if known == 0 or numel % known:
            raise _why(QT_TRANSLATE_NOOP("Engine", "its target shape does not fit its input"))
        target[target.index(-1, 1)] = numel // known
    if target[0] != BATCH or prod(target[1:]) != numel:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it reshapes across the batch axis"))
    return [_reshaped(cv, t, target, node)]


def _ones_only(t: _T, target: list[Any]) -> _T | None:
    """A reshape that only drops or adds size-1 axes (the LSTM's direction axis, wherever the
    batch axis is) as a new view of the same tensor; None for any other reshape."""
    target = list(target)
    if target.count(-1) == 1:
        known = prod(d for d in target if d not in (-1, BATCH))
        total = prod(d for d in t.vshape if d != BATCH)
        if known == 0 or total % known or (BATCH in target) != (BATCH in t.vshape):
            return None
        target[target.index(-1)] = total // known
    if [d for d in t.vshape if d != 1] != [d for d in target if d != 1]:
        return None
    if any(t.shape[p] == 1 and p < t.rank for p in t.perm):
        return None  # a real axis of size 1 would change the layer's output: not a view
    kept = [p for p in t.perm if t.shape[p] != 1]
    survivors = [i for i in range(len(t.shape)) if i in kept]
    renumber = {old: new for new, old in enumerate(survivors)}
    shape = [t.shape[i] for i in survivors]
    perm: list[int] = []
    rest = iter(renumber[p] for p in kept)
    for d in target:
        if d == 1:
            perm.append(len(shape))
            shape.append(1)
        else:
            perm.append(next(rest))
    return _T(t.layer, tuple(shape), tuple(perm), t.rank, t.order)


def _merged(t: _T, target: list[Any]) -> _T | None:
    """A reshape that only joins neighbouring axes which also lie side by side, in order, in
    the layer's output (a bidirectional LSTM's directions × units, whatever the batch axis's
    place): the same values as the layer gives, read as fewer axes; None for any other."""
    vshape = t.vshape
    if t.order is not None or len(t.shape) != len(t.perm) or target.count(BATCH) > 1:
        return None
    if any(not isinstance(d, int | np.integer) and d != BATCH for d in (*vshape, *target)):
        return None  # a size known only by name
    target = list(target)
    if -1 in target:
        known = prod(d for d in target if d not in (-1, BATCH))
        total = prod(d for d in vshape if d != BATCH)
        if target.count(-1) > 1 or known == 0 or total % known:
            return None
        target[target.index(-1)] = total // known
    groups: list[list[int]] = []
    axis = 0
    for size in target:
        if axis >= len(vshape):
            return None
        if BATCH in (size, vshape[axis]):  # the batch axis stays an axis of its own
            if vshape[axis] != size:
                return None
            groups.append([axis])
            axis += 1
            continue
        group, joined = [axis], vshape[axis]
        while joined != size and axis + len(group) < len(vshape):
            following = vshape[axis + len(group)]
            if following == BATCH:
                break
            joined *= following
            group.append(axis + len(group))
        if joined != size:
            return None
        groups.append(group)
        axis += len(group)
    if axis != len(vshape) or all(len(g) == 1 for g in groups):
        return None
    under = [[t.perm[a] for a in g] for g in groups]
    if any(u != list(range(u[0], u[0] + len(u))) for u in under):
        return None  # the joined values are not side by side in the layer's output
    by_place = sorted(range(len(groups)), key=lambda g: under[g][0])
    shape = tuple(
        BATCH if BATCH in (dims := [t.shape[a] for a in under[g]]) else prod(dims) for g in by_place
    )
    rank = sum(1 for g in by_place if under[g][0] < t.rank)
    return _T(t.layer, shape, tuple(by_place.index(g) for g in range(len(groups))), rank)


@_op("Flatten")
def _flatten(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if attrs.get("axis", 1) != 1:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it flattens from an axis other than 1"))
    t = cv.tensor(ins[0])
    if len(t.real) == 2 and t.exact:  # already flat: kept as the layer the file names
        return [replace(t, layer=cv.add("Flatten", {}, [t.layer], node.name))]
    return [_reshaped(cv, t, [BATCH, prod(t.vshape[1:])], node)]


@_op("Transpose")
def _transpose(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if isinstance(ins[0], _Zeros):
        return [ins[0]]
    if isinstance(ins[0], np.ndarray):
        return [np.transpose(ins[0], attrs.get("perm"))]
    t = cv.tensor(ins[0])
    perm = attrs.get("perm", list(range(len(t.perm)))[::-1])
    return [replace(t, perm=tuple(t.perm[p] for p in perm))]


_ACTIVATIONS = {
    "Relu": "ReLU",
    "Sigmoid": "Sigmoid",
    "Tanh": "Tanh",
    "LeakyRelu": "LeakyReLU",
    "Elu": "ELU",
    "Gelu": "GELU",
}


@_op(*_ACTIVATIONS)
def _activation(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.tensor(ins[0])
    layer_type = _ACTIVATIONS[node.op_type]
    params: dict[str, Any] = {}
    if layer_type == "LeakyReLU":
        params["negative_slope"] = float(attrs.get("alpha", 0.01))
    elif layer_type == "ELU":
        params["alpha"] = float(attrs.get("alpha", 1.0))
    elif layer_type == "GELU" and attrs.get("approximate", "none") not in ("none", b"none"):
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas's GELU is the exact one"))
    return [replace(t, layer=cv.add(layer_type, params, [t.layer], node.name))]


@_op("Softmax")
def _softmax(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.exact(ins[0])
    rank = len(t.real)
    axis = attrs.get("axis", -1 if cv.opset >= 13 else 1)
    if axis % rank != rank - 1:
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas's Softmax works on the last axis"))
    return [replace(t, layer=cv.add("Softmax", {}, [t.layer], node.name))]


@_op("LayerNormalization")
def _layernorm(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    """LayerNorm over the last axis. The first of a pre-norm Transformer block's two opens the
    block, which becomes one TransformerBlock layer (engine.importers.onnx_attention)."""
    t = cv.exact(ins[0])
    fused = cv.blocks.get(node.output[0])
    if fused is not None:
        params, state, out = fused
        if len(t.real) != 3:
            raise _why(QT_TRANSLATE_NOOP("Engine", "a Transformer block reads a sequence N×T×D"))
        cv.values[out] = replace(
            t, layer=cv.add("TransformerBlock", params, [t.layer], node.name, **state)
        )
        return [None]
    if attrs.get("axis", -1) % len(t.real) != len(t.real) - 1:
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas's LayerNorm normalises the last axis"))
    dim = t.real[-1]
    scale = cv.const(ins[1], "scale").astype(np.float32).reshape(-1)
    shift = ins[2] if len(ins) > 2 and ins[2] is not None else np.zeros(dim, np.float32)
    shift = cv.const(shift, "B").astype(np.float32).reshape(-1)
    if scale.size != dim or shift.size != dim:
        raise _why(QT_TRANSLATE_NOOP("Engine", "its weights do not fit its input"))
    if abs(float(attrs.get("epsilon", 1e-5)) - 1e-5) > 1e-9:
        cv.notes.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "A LayerNorm of the file adds {epsilon} to the variance; NetCanvas's adds 1e-5 (the outputs differ very slightly).",
                ),
                epsilon=f"{float(attrs['epsilon']):g}",
            )
        )
    layer = cv.add("LayerNorm", {}, [t.layer], node.name, weight=scale, bias=shift)
    return [replace(t, layer=layer)]


def _positional(cv: _Converter, node: Any, t: _T, table: np.ndarray) -> _T | None:
    """A T×D constant added to a sequence N×T×D: a PositionalEmbedding (the fixed sinusoidal
    one when the table is it), or None when the constant is something else."""
    from engine.layers.modules import PositionalEmbedding

    table = np.asarray(table, dtype=np.float32)
    while table.ndim > 2 and table.shape[0] == 1:
        table = table[0]
    if len(t.real) != 3 or not t.exact or table.ndim != 2 or table.shape[1] != t.real[2]:
        return None
    steps, dim = table.shape
    if steps != t.real[1]:
        if not (cv.free_steps and steps < t.real[1] and cv.layers[0].params["kind"] == "tokens"):
            return None
        # The model takes any length up to its table's: the Input's sequence is that long.
        cv.layers[0].params["seq_len"] = steps
    fixed = PositionalEmbedding(steps, dim, learned=False).table.numpy()
    if np.allclose(table, fixed, atol=1e-6):
        layer = cv.add("PositionalEmbedding", {"mode": "sinusoidal"}, [t.layer], node.name)
    else:
        layer = cv.add(
            "PositionalEmbedding", {"mode": "learned"}, [t.layer], node.name, table=table
        )
    return replace(t, layer=layer)


def _linear(cv: _Converter, t: _T, weight: np.ndarray, bias: np.ndarray | None, source: str) -> _T:
    """A Dense layer on ``t``; a permuted feature order becomes a permutation of its columns."""
    if t.order is not None:
        plain = np.empty_like(weight)
        plain[:, t.order] = weight
        weight = plain
    elif not t.exact:
        raise _why(
            QT_TRANSLATE_NOOP(
                "Engine", "its input is laid out as {shape}, which this layer cannot read"
            ),
            shape=_fmt(t.vshape),
        )
    if len(t.real) not in (2, 3) or weight.shape[1] != t.real[-1]:
        raise _why(QT_TRANSLATE_NOOP("Engine", "its weights do not fit its input"))
    units = int(weight.shape[0])
    weights = {"weight": weight.astype(np.float32)}
    if bias is not None:
        weights["bias"] = np.broadcast_to(bias, (units,)).astype(np.float32)
    layer = cv.add(
        "Linear", {"units": units, "bias": bias is not None}, [t.layer], source, **weights
    )
    shape = (*t.real[:-1], units)
    return _plain(t, layer, shape)


@_op("Gemm")
def _gemm(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if attrs.get("transA", 0):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it transposes its input"))
    t = cv.tensor(ins[0])
    b = cv.const(ins[1], "B").astype(np.float32)
    weight = (b if attrs.get("transB", 0) else b.T) * attrs.get("alpha", 1.0)
    bias = None
    if len(ins) > 2 and ins[2] is not None:
        c = cv.const(ins[2], "C").astype(np.float32) * attrs.get("beta", 1.0)
        if c.size not in (1, weight.shape[0]):
            raise _why(QT_TRANSLATE_NOOP("Engine", "its bias does not fit its output"))
        bias = c.reshape(-1)
    return [_linear(cv, t, weight, bias, node.name)]


@_op("MatMul")
def _matmul(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    a, b = ins
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return [np.matmul(a, b)]
    t = cv.tensor(a)
    w = cv.const(b, "B")
    if w.ndim != 2:
        raise _why(QT_TRANSLATE_NOOP("Engine", "its weights do not fit its input"))
    return [_linear(cv, t, w.T.astype(np.float32), None, node.name)]


_BIASED = ("Linear", "Conv1d", "Conv2d", "ConvTranspose2d")


def _per_channel(cv: _Converter, t: _T, c: np.ndarray) -> np.ndarray | None:
    """``c`` as one value per channel of ``t``'s layer (a Linear's units, a convolution's
    filters, a vector's features), wherever the view shows them; None if it varies otherwise."""
    if t.order is not None or len(t.real) not in (2, 3, 4):
        return None
    linear = cv.layers[t.layer].type == "Linear"
    axis = len(t.real) - 1 if linear or len(t.real) == 2 else 1
    vs = t.vshape
    c = np.asarray(c, dtype=np.float32)
    while c.ndim > len(vs) and c.shape[0] == 1:
        c = c[0]
    if c.ndim > len(vs):
        return None
    full = [1] * (len(vs) - c.ndim) + list(c.shape)
    shown = t.perm.index(axis)
    if any(d != 1 and (i != shown or d != vs[i]) for i, d in enumerate(full)):
        return None
    return np.broadcast_to(c.reshape(-1), (int(t.real[axis]),)).astype(np.float32)


def _affine(cv: _Converter, node: Any, t: _T, values: np.ndarray, op: str) -> _T:
    """A per-channel shift or scale: folded into the bias of the layer before, or into a
    BatchNorm layer, y = (x − mean)·γ + β with a variance that makes its denominator 1 (what
    Keras' BatchNormalization exports as)."""
    layer = cv.layers[t.layer]
    alone = cv.single_use(
        node.input[0] if isinstance(cv.values.get(node.input[0]), _T) else node.input[1]
    )
    if op == "add" and layer.type in _BIASED and not layer.params["bias"] and alone:
        layer.params["bias"] = True
        layer.weights["bias"] = values
        return t
    if not (t.layer in cv.affine and alone):
        if layer.type == "Input":
            raise _why(
                QT_TRANSLATE_NOOP(
                    "Engine", "it scales or shifts the input (preprocessing), which no layer does"
                )
            )
        if len(t.real) == 3:
            raise _why(QT_TRANSLATE_NOOP("Engine", "it adds a constant, which no layer does alone"))
        n = values.size
        bn = cv.add(
            "BatchNorm2d" if len(t.real) == 4 else "BatchNorm1d",
            {},
            [t.layer],
            node.name,
            weight=np.ones(n, np.float32),
            bias=np.zeros(n, np.float32),
            running_mean=np.zeros(n, np.float32),
            running_var=np.full(n, 1.0 - _EPS, np.float32),
            num_batches_tracked=np.zeros((), dtype=np.int64),
        )
        cv.affine.add(bn)
        if len(cv.affine) == 1:
            cv.notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "Per-channel scale and shift nodes became BatchNorm layers (exact at inference; in training they normalise by the batch).",
                    )
                )
            )
        t = replace(t, layer=bn)
        layer = cv.layers[bn]
    w = layer.weights
    if op == "add":
        w["bias"] = w["bias"] + values
    elif op == "sub":
        w["bias"] = w["bias"] - values
    else:  # mul
        w["weight"] = w["weight"] * values
        w["bias"] = w["bias"] * values
    return t


def _scaled(op: str) -> Handler:
    """Add/Sub/Mul/Div: on constants, shape arithmetic; with a per-channel constant, a bias or
    a BatchNorm; two tensors: Add only."""

    def handler(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
        a, b = ins
        if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
            fns: dict[str, Callable[[Any, Any], Any]] = {
                "add": np.add,
                "sub": np.subtract,
                "mul": np.multiply,
                "div": _divide,
            }
            return [_arith(fns[op])(cv, [a, b], attrs)]
        if isinstance(a, np.ndarray) and op in ("add", "mul"):
            a, b = b, a
        if isinstance(b, np.ndarray) and isinstance(a, _T):
            values = _per_channel(cv, a, b)
            if values is None and op == "add":
                positions = _positional(cv, node, a, b)
                if positions is not None:
                    return [positions]
            if values is None:
                raise _why(
                    QT_TRANSLATE_NOOP("Engine", "it adds a constant, which no layer does alone")
                )
            if op == "div":
                return [_affine(cv, node, a, 1.0 / values, "mul")]
            return [_affine(cv, node, a, values, op)]
        if op != "add" or not (isinstance(a, _T) and isinstance(b, _T)):
            raise _why(QT_TRANSLATE_NOOP("Engine", "no NetCanvas layer does this to a tensor"))
        x, y = cv.exact(a), cv.exact(b)
        if x.real != y.real:
            raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas adds tensors of the same shape"))
        return [replace(x, layer=cv.add("Add", {}, [x.layer, y.layer], node.name))]

    return handler


for _name, _kind in (("Add", "add"), ("Sub", "sub"), ("Mul", "mul"), ("Div", "div")):
    _HANDLERS[_name] = _scaled(_kind)


@_op("Concat")
def _concat(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if all(isinstance(v, np.ndarray) for v in ins):
        return [_concat_const(cv, ins, attrs)]
    ts = [cv.exact(v) for v in ins]
    rank = len(ts[0].real)
    axis = attrs.get("axis", 1) % rank
    if axis == 0:
        raise _why(QT_TRANSLATE_NOOP("Engine", "it joins along the batch axis"))
    out = list(ts[0].real)
    out[axis] = sum(t.real[axis] for t in ts)
    layer = cv.add("Concatenate", {"axis": axis - 1}, [t.layer for t in ts], node.name)
    return [_plain(ts[0], layer, tuple(out))]


def _square(values: Any, what: str) -> int:
    values = [int(v) for v in values]
    if len(set(values)) != 1:
        raise _why(
            QT_TRANSLATE_NOOP("Engine", "its {what} {values} differ between axes"),
            what=what,
            values=_fmt(tuple(values)),
        )
    return int(values[0])


def _pads(attrs: dict[str, Any], spatial: int, kernel: int, stride: int, dilation: int) -> str:
    auto = attrs.get("auto_pad", b"NOTSET")
    auto = auto.decode() if isinstance(auto, bytes) else auto
    if auto == "VALID":
        return "valid"
    if auto in ("SAME_UPPER", "SAME_LOWER"):
        if stride != 1 or (auto == "SAME_LOWER" and dilation * (kernel - 1) % 2):
            raise _why(
                QT_TRANSLATE_NOOP(
                    "Engine", "its 'same' padding with stride {stride} pads one side more"
                ),
                stride=stride,
            )
        return "same"
    pads = attrs.get("pads", [0] * (2 * spatial))
    return str(_square(pads, "pads"))


def _conv_common(attrs: dict[str, Any], w: np.ndarray) -> tuple[int, int, int]:
    kernel = _square(attrs.get("kernel_shape", w.shape[2:]), "kernel sizes")
    stride = _square(attrs.get("strides", [1] * (w.ndim - 2)), "strides")
    dilation = _square(attrs.get("dilations", [1] * (w.ndim - 2)), "dilations")
    return kernel, stride, dilation


@_op("Conv")
def _conv(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.exact(ins[0])
    w = cv.const(ins[1], "W").astype(np.float32)
    spatial = w.ndim - 2
    if spatial not in (1, 2) or len(t.real) != spatial + 2:
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas convolves sequences and images only"))
    kernel, stride, dilation = _conv_common(attrs, w)
    padding = _pads(attrs, spatial, kernel, stride, dilation)
    weights = _kernel_and_bias(cv, ins, w)
    filters = int(w.shape[0])
    params = {
        "filters": filters,
        "kernel_size": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "groups": int(attrs.get("group", 1)),
        "bias": "bias" in weights,
    }
    layer = cv.add(f"Conv{spatial}d", params, [t.layer], node.name, **weights)
    span = dilation * (kernel - 1) + 1
    pad = 0 if padding in ("valid", "same") else int(padding)
    out = [n if padding == "same" else (n + 2 * pad - span) // stride + 1 for n in t.real[2:]]
    return [_plain(t, layer, (BATCH, filters, *out))]


def _kernel_and_bias(cv: _Converter, ins: list[Any], w: Any) -> dict[str, Any]:
    """A convolution's weights: its kernel, and its bias when the node has one (input 3)."""
    weights = {"weight": w}
    if len(ins) > 2 and ins[2] is not None:
        weights["bias"] = cv.const(ins[2], "B").astype(np.float32).reshape(-1)
    return weights


@_op("ConvTranspose")
def _conv_transpose(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.exact(ins[0])
    w = cv.const(ins[1], "W").astype(np.float32)
    if w.ndim != 4 or len(t.real) != 4:
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas up-samples images only"))
    kernel, stride, dilation = _conv_common(attrs, w)
    if dilation != 1 or attrs.get("group", 1) != 1 or "output_shape" in attrs:
        raise _why(
            QT_TRANSLATE_NOOP("Engine", "its dilation, groups or output shape are not supported")
        )
    if attrs.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET", b"VALID", "VALID"):
        raise _why(QT_TRANSLATE_NOOP("Engine", "its automatic padding is not supported"))
    pad = _square(attrs.get("pads", [0] * 4), "pads")
    out_pad = _square(attrs.get("output_padding", [0, 0]), "output padding")
    weights = _kernel_and_bias(cv, ins, w)
    filters = int(w.shape[1])
    params = {
        "filters": filters,
        "kernel_size": kernel,
        "stride": stride,
        "padding": pad,
        "output_padding": out_pad,
        "bias": "bias" in weights,
    }
    layer = cv.add("ConvTranspose2d", params, [t.layer], node.name, **weights)
    out = [(n - 1) * stride - 2 * pad + kernel + out_pad for n in t.real[2:]]
    return [_plain(t, layer, (BATCH, filters, *out))]


@_op("MaxPool", "AveragePool")
def _pool(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.exact(ins[0])
    if len(t.real) != 4:
        raise _why(QT_TRANSLATE_NOOP("Engine", "NetCanvas pools images only"))
    kernel = _square(attrs["kernel_shape"], "kernel sizes")
    stride = _square(attrs.get("strides", [1, 1]), "strides")
    if _square(attrs.get("dilations", [1, 1]), "dilations") != 1:
        raise _why(QT_TRANSLATE_NOOP("Engine", "its dilation is not supported"))
    padding = _pads(attrs, 2, kernel, stride, 1)
    if padding == "same":
        raise _why(QT_TRANSLATE_NOOP("Engine", "its 'same' padding is not supported"))
    pad = 0 if padding == "valid" else int(padding)
    spatial = t.real[2:]
    if attrs.get("ceil_mode", 0) and any((n + 2 * pad - kernel) % stride for n in spatial):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it rounds its output size up (ceil mode)"))
    if node.op_type == "AveragePool" and pad and not attrs.get("count_include_pad", 0):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it leaves its padding out of the averages"))
    layer_type = "MaxPool2d" if node.op_type == "MaxPool" else "AvgPool2d"
    params = {"pool_size": kernel, "stride": 0 if stride == kernel else stride, "padding": pad}
    layer = cv.add(layer_type, params, [t.layer], node.name)
    out = [(n + 2 * pad - kernel) // stride + 1 for n in spatial]
    return [_plain(t, layer, (BATCH, t.real[1], *out))]


_GLOBAL_POOLS = {
    "GlobalAveragePool": "GlobalAvgPool",
    "GlobalMaxPool": "GlobalMaxPool",
    "ReduceMean": "GlobalAvgPool",
    "ReduceMax": "GlobalMaxPool",
}


@_op("GlobalAveragePool", "GlobalMaxPool")
def _global_pool(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.exact(ins[0])
    layer = cv.add(_GLOBAL_POOLS[node.op_type], {}, [t.layer], node.name)
    extra = (1,) * (len(t.real) - 2)  # ONNX keeps the pooled axes as 1s
    return [_T(layer, (BATCH, t.real[1], *extra), tuple(range(len(t.real))), 2)]


@_op("ReduceMean", "ReduceMax")
def _reduce_positions(
    cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]
) -> list[Any]:
    t = cv.exact(ins[0])
    rank = len(t.real)
    axes = sorted(a % rank for a in (_axes(cv, ins, attrs, 1) or range(rank)))
    if rank < 3 or axes != list(range(2, rank)):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it reduces over axes other than the positions"))
    layer_type = _GLOBAL_POOLS[node.op_type]
    source = cv.layers[t.layer]
    if source.type == "Reshape" and rank == 3 and cv.single_use(node.input[0]):
        # Flatten(2) then the mean or max: what a global pool exports as; the Reshape becomes it.
        source.type, source.params = layer_type, {}
        layer = t.layer
    else:
        layer = cv.add(layer_type, {}, [t.layer], node.name)
    keep = attrs.get("keepdims", 1)
    shape = (BATCH, t.real[1], *((1,) * (rank - 2) if keep else ()))
    return [_T(layer, shape, tuple(range(len(shape))), 2)]


@_op("BatchNormalization")
def _batchnorm(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    if attrs.get("training_mode", 0) or (len(node.output) > 1 and any(node.output[1:])):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it is in training mode"))
    t = cv.tensor(ins[0])
    scale, bias, mean, var = (
        cv.const(v, "statistics").astype(np.float32).reshape(-1) for v in ins[1:5]
    )
    if t.order is not None:  # a flattened NHWC tensor: the statistics follow the features
        scale, bias, mean, var = (_unpermute(v, t.order) for v in (scale, bias, mean, var))
    elif not t.exact:
        raise _why(
            QT_TRANSLATE_NOOP(
                "Engine", "its input is laid out as {shape}, which this layer cannot read"
            ),
            shape=_fmt(t.vshape),
        )
    # NetCanvas keeps torch's epsilon; moving the difference into the variance gives the same
    # numbers at inference.
    eps = float(attrs.get("epsilon", 1e-5))
    var = np.maximum(var + (eps - _EPS), 0.0).astype(np.float32)
    layer_type = "BatchNorm2d" if len(t.real) == 4 else "BatchNorm1d"
    layer = cv.add(
        layer_type,
        {},
        [t.layer],
        node.name,
        weight=scale,
        bias=bias,
        running_mean=mean,
        running_var=var,
        num_batches_tracked=np.zeros((), dtype=np.int64),
    )
    return [replace(t, layer=layer)]


def _unpermute(values: np.ndarray, order: Any) -> np.ndarray:
    plain = np.empty_like(values)
    plain[order] = values
    return plain


# ONNX gate blocks in torch's order: LSTM iofc -> ifco(g), GRU zrh -> rzn, RNN one block.
_GATES = {"LSTM": [0, 2, 3, 1], "GRU": [1, 0, 2], "RNN": [0]}


@_op("LSTM", "GRU", "RNN")
def _recurrent(cv: _Converter, node: Any, ins: list[Any], attrs: dict[str, Any]) -> list[Any]:
    t = cv.tensor(ins[0])
    layout = attrs.get("layout", 0)
    seq_first = (1, 0, 2) if layout == 0 else (0, 1, 2)
    batch_first = replace(t, perm=tuple(t.perm[p] for p in seq_first))  # as the layer reads it
    if t.order is not None or len(t.real) != 3 or not (batch_first.exact or _swapped(batch_first)):
        raise _why(QT_TRANSLATE_NOOP("Engine", "its input is not a batch of sequences"))
    t = cv.exact(batch_first)
    direction = attrs.get("direction", b"forward")
    direction = direction.decode() if isinstance(direction, bytes) else direction
    if direction not in ("forward", "bidirectional"):
        raise _why(QT_TRANSLATE_NOOP("Engine", "it reads backwards only"))
    both = direction == "bidirectional"
    for key in ("clip", "activations", "input_forget"):
        if attrs.get(key):
            raise _why(
                QT_TRANSLATE_NOOP("Engine", "its {option} option is not supported"), option=key
            )
    if node.op_type == "GRU" and not attrs.get("linear_before_reset", 0):
        raise _why(QT_TRANSLATE_NOOP("Engine", "its reset gate works differently from torch's GRU"))
    extra = list(ins[4:]) + [None] * 4
    if extra[0] is not None or (node.op_type == "LSTM" and len(ins) > 7 and ins[7] is not None):
        raise _why(
            QT_TRANSLATE_NOOP("Engine", "its sequence lengths or peepholes are not supported")
        )
    for state in extra[1:3]:
        if state is not None and not isinstance(state, _Zeros) and np.any(cv.const(state, "state")):
            raise _why(QT_TRANSLATE_NOOP("Engine", "its initial state is not zero"))
    w = cv.const(ins[1], "W").astype(np.float32)
    r = cv.const(ins[2], "R").astype(np.float32)
    hidden = int(attrs.get("hidden_size") or r.shape[-1])
    blocks = _GATES[node.op_type]
    half = len(blocks) * hidden
    b = (
        cv.const(ins[3], "B").astype(np.float32)
        if len(ins) > 3 and ins[3] is not None
        else np.zeros((len(w), 2 * half), np.float32)
    )

    def gates(m: np.ndarray) -> np.ndarray:
        return np.concatenate([m[i * hidden : (i + 1) * hidden] for i in blocks])

    used = [bool(o) and cv.consumers.get(o, 0) > 0 for o in node.output]
    if sum(used[:2]) != 1 or (len(used) > 2 and used[2]):
        raise _why(QT_TRANSLATE_NOOP("Engine", "both its sequence and its last state are used"))
    sequences = used[0]
    if both and not sequences:
        raise _why(
            QT_TRANSLATE_NOOP(
                "Engine",
                "a bidirectional layer's last state is not imported (its whole sequence is)",
            )
        )
    params = {
        "hidden_size": hidden,
        "num_layers": 1,
        "bidirectional": both,
        "return_sequences": sequences,
    }
    weights: dict[str, np.ndarray] = {}
    for d, suffix in enumerate(("", "_reverse")[: 2 if both else 1]):  # ONNX: forward first
        weights[f"weight_ih_l0{suffix}"] = gates(w[d])
        weights[f"weight_hh_l0{suffix}"] = gates(r[d])
        weights[f"bias_ih_l0{suffix}"] = gates(b[d][:half])
        weights[f"bias_hh_l0{suffix}"] = gates(b[d][half:])
    layer = cv.add(node.op_type, params, [t.layer], node.name, **weights)
    if both:  # Y: T×2×N×H (layout 0) or N×T×2×H, where the layer gives N×T×(2·H)
        y = _T(
            layer, (BATCH, t.real[1], 2, hidden), (1, 2, 0, 3) if layout == 0 else (0, 1, 2, 3), 4
        )
        return [y, None, None]
    if sequences:  # Y: T×1×N×H (layout 0) or N×T×1×H (layout 1)
        y = _T(
            layer, (BATCH, t.real[1], hidden, 1), (1, 3, 0, 2) if layout == 0 else (0, 1, 3, 2), 3
        )
        return [y, None, None]
    # Y_h: 1×N×H (layout 0) or N×1×H
    h = _T(layer, (BATCH, hidden, 1), (2, 0, 1) if layout == 0 else (0, 2, 1), 2)
    return [None, h, None]


# ---------------------------------------------------------------- loading


def import_onnx(path: str | Path, data: str | None = None) -> ImportResult:
    """An ONNX file as a project (graph and weights); ModelImportError if it cannot be."""
    target = Path(path)
    file = target.name
    try:
        size = target.stat().st_size
    except OSError as exc:
        raise ModelImportError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read {file}: {reason}"),
            file=file,
            reason=exc.strerror or exc,
        ) from None
    if size > MAX_FILE_BYTES:
        raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "it is larger than 2 GiB")))
    model = _load(target)
    converter = _Converter(file, model)
    converter.data = data
    return converter.run()


def _load(target: Path) -> Any:
    import onnx
    from onnx import external_data_helper

    file = target.name
    try:
        model = onnx.load(str(target), load_external_data=False)
    except Exception as exc:  # DecodeError and kin: not an ONNX file, or a truncated one
        raise _bad(
            file,
            Message(
                QT_TRANSLATE_NOOP("Engine", "it is not an ONNX model ({error})"),
                error=type(exc).__name__,
            ),
        ) from None
    if not model.graph.node:
        raise _bad(file, Message(QT_TRANSLATE_NOOP("Engine", "it has no nodes")))
    folder = target.parent.resolve()
    for tensor in external_data_helper._get_all_tensors(model):
        if not external_data_helper.uses_external_data(tensor):
            continue
        _checked_size(tensor)
        info = {e.key: e.value for e in tensor.external_data}
        location = (folder / info.get("location", "")).resolve()
        if folder not in location.parents or not location.is_file():
            raise _bad(
                file,
                Message(
                    QT_TRANSLATE_NOOP("Engine", "its weights file '{location}' is not beside it"),
                    location=info.get("location", ""),
                ),
            )
        need = int(info.get("offset", 0) or 0) + int(info.get("length", 0) or 0)
        if location.stat().st_size < need:
            raise _bad(
                file,
                Message(
                    QT_TRANSLATE_NOOP("Engine", "its weights file '{location}' is truncated"),
                    location=info.get("location", ""),
                ),
            )
    try:
        external_data_helper.load_external_data_for_model(model, str(folder))
    except Exception as exc:
        raise _bad(file, Message(str(exc).splitlines()[0][:200])) from None
    return model
