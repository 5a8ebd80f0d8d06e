"""Shape rules for convolution, pooling and recurrent layers (pure integer arithmetic)."""

from __future__ import annotations

from math import prod
from typing import Any

from engine.layers.rules import Inputs, Params, _float_input
from engine.layers.spec import (
    FixSpec,
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


def _spatial_input(title: str, inputs: Inputs, ndim: int) -> TensorType:
    t = _float_input(title, inputs)
    if len(t.shape) != ndim + 1:
        if ndim == 2:
            want = Message(QT_TRANSLATE_NOOP("Engine", "an image (C×H×W)"))
        else:
            want = Message(QT_TRANSLATE_NOOP("Engine", "channels×length (C×L)"))
        if ndim == 2 and len(t.shape) == 1:
            hint = Message(QT_TRANSLATE_NOOP("Engine", "use Linear for vectors"))
        elif len(t.shape) < ndim + 1:
            hint = Message(QT_TRANSLATE_NOOP("Engine", "reshape it first"))
        else:
            hint = Message(QT_TRANSLATE_NOOP("Engine", "check the layer before"))
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "{title} expects {want} but receives {received} — {hint}"
                ),
                title=layer_title(title),
                want=want,
                received=describe(t),
                hint=hint,
            )
        )
    return t


def _padding(value: str) -> int | str:
    return value if value == "same" else 0 if value == "valid" else int(value)


def rule_conv(title: str, ndim: int) -> Any:
    """Conv1d (C×L) and Conv2d (C×H×W): kernel, stride, padding (incl. 'same'), dilation, groups."""

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _spatial_input(title, inputs, ndim)
        c, spatial = t.shape[0], t.shape[1:]
        f, k, s = params["filters"], params["kernel_size"], params["stride"]
        d, g, bias = params["dilation"], params["groups"], params["bias"]
        pad = _padding(params["padding"])
        if c % g or f % g:
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{title} groups ({groups}) must divide both the input channels ({channels}) and the filters ({filters})",
                    ),
                    title=layer_title(title),
                    groups=g,
                    channels=c,
                    filters=f,
                ),
                set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set groups to 1")), groups=1),
            )
        span = d * (k - 1) + 1
        if pad == "same":
            if s != 1:
                raise ShapeProblem(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine", "{title} padding 'same' needs stride 1 (it is {stride})"
                        ),
                        title=layer_title(title),
                        stride=s,
                    ),
                    set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set stride to 1")), stride=1),
                )
            out_spatial = spatial
        else:
            assert isinstance(pad, int)
            if min(spatial) + 2 * pad < span:
                biggest = max(1, (min(spatial) + 2 * pad - 1) // d + 1)
                kshape = "×".join([str(span)] * ndim)
                raise ShapeProblem(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "{title} kernel {kshape} is larger than its input {shape} — use a smaller kernel or padding 'same'",
                        ),
                        title=layer_title(title),
                        kshape=kshape,
                        shape=fmt_shape(spatial),
                    ),
                    set_fix(
                        Message(
                            QT_TRANSLATE_NOOP("Engine", "Set kernel size to {size}"),
                            size=biggest,
                        ),
                        kernel_size=biggest,
                    ),
                )
            out_spatial = tuple((n + 2 * pad - span) // s + 1 for n in spatial)
        per_out = (c // g) * k**ndim
        return RuleResult(
            out=TensorType((f, *out_spatial)),
            params=f * per_out + (f if bias else 0),
            macs=f * prod(out_spatial) * per_out,
            module=ModuleSpec(
                f"nn.Conv{ndim}d",
                (c, f),
                {
                    "kernel_size": k,
                    "stride": s,
                    "padding": pad,
                    "dilation": d,
                    "groups": g,
                    "bias": bias,
                },
            ),
        )

    return rule


def rule_conv_transpose2d(params: Params, inputs: Inputs) -> RuleResult:
    t = _spatial_input("ConvTranspose2d", inputs, 2)
    c, spatial = t.shape[0], t.shape[1:]
    f, k, s = params["filters"], params["kernel_size"], params["stride"]
    p, op, bias = params["padding"], params["output_padding"], params["bias"]
    if op >= s:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "ConvTranspose2d output padding ({output_padding}) must be smaller than the stride ({stride})",
                ),
                output_padding=op,
                stride=s,
            ),
            set_fix(
                Message(QT_TRANSLATE_NOOP("Engine", "Set output padding to 0")), output_padding=0
            ),
        )
    out_spatial = tuple((n - 1) * s - 2 * p + (k - 1) + op + 1 for n in spatial)
    if min(out_spatial) < 1:
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "ConvTranspose2d padding {padding} leaves no output from {shape}"
                ),
                padding=p,
                shape=fmt_shape(spatial),
            ),
            set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set padding to 0")), padding=0),
        )
    return RuleResult(
        out=TensorType((f, *out_spatial)),
        params=c * f * k * k + (f if bias else 0),
        macs=c * prod(spatial) * f * k * k,
        module=ModuleSpec(
            "nn.ConvTranspose2d",
            (c, f),
            {"kernel_size": k, "stride": s, "padding": p, "output_padding": op, "bias": bias},
        ),
    )


def rule_pool(title: str) -> Any:
    """MaxPool2d / AvgPool2d; stride 0 means 'same as the pool size' (the usual choice)."""

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _spatial_input(title, inputs, 2)
        c, spatial = t.shape[0], t.shape[1:]
        k, p = params["pool_size"], params["padding"]
        s = params["stride"] or k
        if 2 * p > k:
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{title} padding ({padding}) must be at most half the pool size ({size})",
                    ),
                    title=layer_title(title),
                    padding=p,
                    size=k,
                ),
                set_fix(Message(QT_TRANSLATE_NOOP("Engine", "Set padding to 0")), padding=0),
            )
        out_spatial = tuple((n + 2 * p - k) // s + 1 for n in spatial)
        if min(out_spatial) < 1:
            fit = max(1, min(spatial) + 2 * p)
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{title} {size}×{size} shrinks {shape} to nothing — use a smaller pool size or remove this layer",
                    ),
                    title=layer_title(title),
                    size=k,
                    shape=fmt_shape(spatial),
                ),
                set_fix(
                    Message(QT_TRANSLATE_NOOP("Engine", "Set pool size to {size}"), size=fit),
                    pool_size=fit,
                ),
            )
        return RuleResult(
            out=TensorType((c, *out_spatial)),
            params=0,
            macs=c * prod(out_spatial) * k * k,
            module=ModuleSpec(f"nn.{title}", (), {"kernel_size": k, "stride": s, "padding": p}),
        )

    return rule


_GLOBAL_POOL_NEEDS = {
    "GlobalAvgPool": QT_TRANSLATE_NOOP(
        "Engine", "GlobalAvgPool averages each channel of an image but receives {received}"
    ),
    "GlobalMaxPool": QT_TRANSLATE_NOOP(
        "Engine",
        "GlobalMaxPool takes each channel's largest value over an image or a sequence but "
        "receives {received}",
    ),
}


def rule_global_pool(title: str) -> Any:
    """GlobalAvgPool / GlobalMaxPool: C×H×W or C×L to one number per channel."""

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _float_input(title, inputs)
        if len(t.shape) < 2:
            raise ShapeProblem(Message(_GLOBAL_POOL_NEEDS[title], received=describe(t)))
        return RuleResult(TensorType((t.shape[0],)), 0, prod(t.shape), ModuleSpec(title))

    return rule


_GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}


def rule_recurrent(title: str) -> Any:
    """RNN / LSTM / GRU over a sequence T×F; the whole sequence or the last step."""
    gates = _GATES[title]

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _float_input(title, inputs)
        if len(t.shape) == 3:
            c, h, w = t.shape
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{title} expects a sequence (T×F) but receives {received} — add Reshape or use Conv2d",
                    ),
                    title=layer_title(title),
                    received=describe(t),
                ),
                _reshape_fix((c * h, w)),
            )
        if len(t.shape) != 2:
            raise ShapeProblem(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{title} expects a sequence (T×F) but receives {received} — add Reshape",
                    ),
                    title=layer_title(title),
                    received=describe(t),
                ),
                _reshape_fix((t.shape[0], 1)),
            )
        steps, features = t.shape
        hidden, layers = params["hidden_size"], params["num_layers"]
        dirs = 2 if params["bidirectional"] else 1
        total_params = macs = 0
        width = features
        for _ in range(layers):
            per_dir = gates * hidden * (width + hidden)
            total_params += dirs * (per_dir + 2 * gates * hidden)
            macs += dirs * steps * per_dir
            width = hidden * dirs
        out = (steps, width) if params["return_sequences"] else (width,)
        return RuleResult(
            out=TensorType(out),
            params=total_params,
            macs=macs,
            module=ModuleSpec(
                f"{title}Layer",
                (features, hidden),
                {
                    "num_layers": layers,
                    "bidirectional": params["bidirectional"],
                    "return_sequences": params["return_sequences"],
                },
            ),
        )

    return rule


def _reshape_fix(shape: tuple[int, ...]) -> FixSpec:
    fix = insert_fix("Reshape", {"shape": shape})
    label = Message(
        QT_TRANSLATE_NOOP("Engine", "Insert Reshape to {shape}"), shape=fmt_shape(shape)
    )
    return FixSpec(label, fix.actions)
