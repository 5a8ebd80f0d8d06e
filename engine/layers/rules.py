"""Shape rules: for each layer type, the output shape, parameter count, multiply-adds and the
torch module to build, computed with plain integer arithmetic (no torch).

Every formula here mirrors what the torch module really does; tests/engine/test_layers_rules.py
checks each rule against torch and the property tests check whole graphs.
"""

from __future__ import annotations

from math import prod
from typing import Any

from engine.layers.spec import (
    ModuleSpec,
    RuleResult,
    ShapeProblem,
    TensorType,
    describe,
    fmt_shape,
    insert_fix,
    layer_title,
    set_fix,
)
from engine.messages import QT_TRANSLATE_NOOP, Message

Params = dict[str, Any]
Inputs = list[TensorType]


def _float_input(title: str, inputs: Inputs, vocab_hint: int = 64) -> TensorType:
    """The single float input of a one-input layer; token ids need an Embedding first."""
    t = inputs[0]
    if t.tokens:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "{title} cannot read token ids directly — insert Embedding first"
                ),
                title=layer_title(title),
            ),
            insert_fix("Embedding", {"vocab_size": vocab_hint, "embedding_dim": 32}),
        )
    return t


def _listed(shapes: list[tuple[int, ...]]) -> str:
    """ "4×8×8 and 8×8×8" (and so on for more shapes), as a message value."""
    if len(shapes) == 1:
        return fmt_shape(shapes[0])
    return Message(
        QT_TRANSLATE_NOOP("Engine", "{first} and {rest}"),
        first=fmt_shape(shapes[0]),
        rest=_listed(shapes[1:]),
    )


def _same(out: TensorType, module: ModuleSpec | None, macs: int = 0) -> RuleResult:
    return RuleResult(out=out, params=0, macs=macs, module=module)


# ---------------------------------------------------------------- input and output


def input_shape(params: Params) -> tuple[tuple[int, ...], bool]:
    """The per-sample shape an Input node declares, and whether it carries token ids."""
    kind = params["kind"]
    if kind == "image":
        return (params["channels"], params["height"], params["width"]), False
    if kind == "tokens":
        return (params["seq_len"],), True
    return (params["features"],), False


def rule_input(params: Params, inputs: Inputs) -> RuleResult:
    shape, tokens = input_shape(params)
    if params.get("normalise") == "fixed" and not tokens:
        for key in ("mean", "std"):
            count = len(params.get(key) or ())
            if count not in (1, shape[0]):
                raise ShapeProblem(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "Input's {key} lists {count} numbers: give one, or one for each of the {channels} channels or features",
                        ),
                        key=key,
                        count=count,
                        channels=shape[0],
                    )
                )
    return RuleResult(out=TensorType(shape, tokens))


def rule_output(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Output", inputs)
    task, units = params["task"], params["units"]
    seq_ok = task == "next_char" and len(t.shape) == 2
    if len(t.shape) != 1 and not seq_ok:
        if len(t.shape) == 2:
            msg = Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Output expects a flat vector but receives {received} — turn off return_sequences on the recurrent layer or insert Flatten",
                ),
                received=describe(t),
            )
        else:
            msg = Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "Output expects a flat vector but receives {shape} — insert Flatten"
                ),
                shape=fmt_shape(t.shape),
            )
        raise ShapeProblem(msg, insert_fix("Flatten"))
    if task == "binary" and units != 1:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "A binary Output has one unit (the logit of the positive class), not {units}",
                ),
                units=units,
            ),
            set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set Output units to 1")), units=1),
        )
    features = t.shape[-1]
    out = (*t.shape[:-1], units)
    return RuleResult(
        out=TensorType(out),
        params=features * units + units,
        macs=prod(t.shape) * units,
        module=ModuleSpec("nn.Linear", (features, units)),
    )


# ---------------------------------------------------------------- core


def rule_linear(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Linear", inputs)
    if len(t.shape) > 2:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "Linear expects a flat vector but receives {shape} — insert Flatten"
                ),
                shape=fmt_shape(t.shape),
            ),
            insert_fix("Flatten"),
        )
    units, bias = params["units"], params["bias"]
    features = t.shape[-1]
    return RuleResult(
        out=TensorType((*t.shape[:-1], units)),
        params=features * units + (units if bias else 0),
        macs=prod(t.shape) * units,
        module=ModuleSpec("nn.Linear", (features, units), {"bias": bias}),
    )


def rule_flatten(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Flatten", inputs)
    return _same(TensorType((prod(t.shape),)), ModuleSpec("nn.Flatten"))


def rule_swap_axes(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("SwapAxes", inputs)
    if len(t.shape) != 2:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "{title} swaps the two axes of a sequence (T×D ↔ D×T) but receives {received}",
                ),
                title=layer_title("SwapAxes"),
                received=describe(t),
            )
        )
    return _same(TensorType(t.shape[::-1]), ModuleSpec("SwapAxes"))


def rule_reshape(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Reshape", inputs)
    target = list(params["shape"])
    total = prod(t.shape)
    if any(d == 0 or d < -1 for d in target) or target.count(-1) > 1:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Reshape sizes must be positive, with at most one -1 (meaning 'the rest')",
                )
            )
        )
    known = prod(d for d in target if d != -1)
    if -1 in target:
        if total % known:
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "Reshape to {target} cannot split {total} values ({shape}) evenly"
                    ),
                    target=fmt_shape(target),
                    total=total,
                    shape=fmt_shape(t.shape),
                )
            )
        target[target.index(-1)] = total // known
    elif known != total:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Reshape to {target} needs {known} values but receives {total} ({shape})",
                ),
                target=fmt_shape(target),
                known=known,
                total=total,
                shape=fmt_shape(t.shape),
            )
        )
    out = tuple(target)
    return _same(TensorType(out), ModuleSpec("Reshape", (out,)))


def rule_dropout(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Dropout", inputs)
    return _same(t, ModuleSpec("nn.Dropout", (), {"p": params["p"]}))


def rule_dropout2d(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Dropout2d", inputs)
    if len(t.shape) != 3:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Dropout2d drops whole channels of an image but receives {received} — use Dropout",
                ),
                received=describe(t),
            )
        )
    return _same(t, ModuleSpec("nn.Dropout2d", (), {"p": params["p"]}))


def rule_batchnorm1d(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("BatchNorm1d", inputs)
    if len(t.shape) not in (1, 2):
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "BatchNorm1d expects a vector or channels×length but receives {received} — use BatchNorm2d for images",
                ),
                received=describe(t),
            )
        )
    n = t.shape[0]
    return RuleResult(t, 2 * n, 2 * prod(t.shape), ModuleSpec("nn.BatchNorm1d", (n,)))


def rule_batchnorm2d(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("BatchNorm2d", inputs)
    if len(t.shape) != 3:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "BatchNorm2d expects an image (C×H×W) but receives {received} — use BatchNorm1d",
                ),
                received=describe(t),
            )
        )
    c = t.shape[0]
    return RuleResult(t, 2 * c, 2 * prod(t.shape), ModuleSpec("nn.BatchNorm2d", (c,)))


def rule_layernorm(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("LayerNorm", inputs)
    n = t.shape[-1]
    return RuleResult(t, 2 * n, 4 * prod(t.shape), ModuleSpec("nn.LayerNorm", (n,)))


def rule_embedding(params: Params, inputs: Inputs) -> RuleResult:
    t = inputs[0]
    if not t.tokens:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Embedding expects token ids from a text Input but receives {received}",
                ),
                received=describe(t),
            )
        )
    vocab, dim = params["vocab_size"], params["embedding_dim"]
    return RuleResult(
        out=TensorType((*t.shape, dim)),
        params=vocab * dim,
        macs=0,
        module=ModuleSpec("nn.Embedding", (vocab, dim)),
    )


# ---------------------------------------------------------------- activations

_ACTIVATION_MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    # type -> (torch class, parameter names passed as keywords)
    "ReLU": ("nn.ReLU", ()),
    "LeakyReLU": ("nn.LeakyReLU", ("negative_slope",)),
    "ELU": ("nn.ELU", ("alpha",)),
    "GELU": ("nn.GELU", ()),
    "SiLU": ("nn.SiLU", ()),
    "Sigmoid": ("nn.Sigmoid", ()),
    "Tanh": ("nn.Tanh", ()),
}


def make_activation_rule(layer_type: str) -> Any:
    cls, keys = _ACTIVATION_MODULES[layer_type]

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _float_input(layer_type, inputs)
        return _same(t, ModuleSpec(cls, (), {k: params[k] for k in keys}), prod(t.shape))

    return rule


def rule_softmax(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("Softmax", inputs)
    # The last axis per sample is the last axis of the batch too.
    return _same(t, ModuleSpec("nn.Softmax", (), {"dim": -1}), 3 * prod(t.shape))


# ---------------------------------------------------------------- merge


def rule_add(params: Params, inputs: Inputs) -> RuleResult:
    for t in inputs:
        _float_input("Add", [t])
    shapes = [t.shape for t in inputs]
    if any(s != shapes[0] for s in shapes):
        listed = _listed(shapes)
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Add needs inputs of the same shape but receives {listed} — make the branches match (for example with a 1×1 Conv2d or a Linear)",
                ),
                listed=listed,
            )
        )
    return _same(inputs[0], ModuleSpec("Add"), prod(shapes[0]) * (len(inputs) - 1))


def rule_concatenate(params: Params, inputs: Inputs) -> RuleResult:
    for t in inputs:
        _float_input("Concatenate", [t])
    shapes = [t.shape for t in inputs]
    rank = len(shapes[0])
    axis = params["axis"]
    if any(len(s) != rank for s in shapes):
        listed = _listed(shapes)
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Concatenate needs inputs with the same number of axes but receives {listed}",
                ),
                listed=listed,
            )
        )
    if not -rank <= axis < rank:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Concatenate axis {axis} does not exist for {shape} (axes 0..{last})",
                ),
                axis=axis,
                shape=fmt_shape(shapes[0]),
                last=rank - 1,
            ),
            set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set axis to 0")), axis=0),
        )
    ax = axis % rank
    for s in shapes[1:]:
        if s[:ax] + s[ax + 1 :] != shapes[0][:ax] + shapes[0][ax + 1 :]:
            listed = _listed(shapes)
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "Concatenate on axis {axis} needs all other axes to match but receives {listed}",
                    ),
                    axis=axis,
                    listed=listed,
                )
            )
    out = list(shapes[0])
    out[ax] = sum(s[ax] for s in shapes)
    # The module works on batched tensors, so per-sample axis a is batch axis a + 1.
    return _same(TensorType(tuple(out)), ModuleSpec("Concatenate", (ax + 1,)))
