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
    set_fix,
)


def _spatial_input(title: str, inputs: Inputs, ndim: int) -> TensorType:
    t = _float_input(title, inputs)
    if len(t.shape) != ndim + 1:
        want = "an image (C×H×W)" if ndim == 2 else "channels×length (C×L)"
        hint = "reshape it first" if len(t.shape) < ndim + 1 else "check the layer before"
        if ndim == 2 and len(t.shape) == 1:
            hint = "use Linear for vectors"
        raise ShapeProblem(f"{title} expects {want} but receives {describe(t)} — {hint}")
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
                f"{title} groups ({g}) must divide both the input channels ({c}) and the "
                f"filters ({f})",
                set_fix("Set groups to 1", groups=1),
            )
        span = d * (k - 1) + 1
        if pad == "same":
            if s != 1:
                raise ShapeProblem(
                    f"{title} padding 'same' needs stride 1 (it is {s})",
                    set_fix("Set stride to 1", stride=1),
                )
            out_spatial = spatial
        else:
            assert isinstance(pad, int)
            if min(spatial) + 2 * pad < span:
                biggest = max(1, (min(spatial) + 2 * pad - 1) // d + 1)
                kshape = "×".join([str(span)] * ndim)
                raise ShapeProblem(
                    f"{title} kernel {kshape} is larger than its input {fmt_shape(spatial)} — "
                    "use a smaller kernel or padding 'same'",
                    set_fix(f"Set kernel size to {biggest}", kernel_size=biggest),
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
            f"ConvTranspose2d output padding ({op}) must be smaller than the stride ({s})",
            set_fix("Set output padding to 0", output_padding=0),
        )
    out_spatial = tuple((n - 1) * s - 2 * p + (k - 1) + op + 1 for n in spatial)
    if min(out_spatial) < 1:
        raise ShapeProblem(
            f"ConvTranspose2d padding {p} leaves no output from {fmt_shape(spatial)}",
            set_fix("Set padding to 0", padding=0),
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
                f"{title} padding ({p}) must be at most half the pool size ({k})",
                set_fix("Set padding to 0", padding=0),
            )
        out_spatial = tuple((n + 2 * p - k) // s + 1 for n in spatial)
        if min(out_spatial) < 1:
            fit = max(1, min(spatial) + 2 * p)
            raise ShapeProblem(
                f"{title} {k}×{k} shrinks {fmt_shape(spatial)} to nothing — use a smaller pool "
                "size or remove this layer",
                set_fix(f"Set pool size to {fit}", pool_size=fit),
            )
        return RuleResult(
            out=TensorType((c, *out_spatial)),
            params=0,
            macs=c * prod(out_spatial) * k * k,
            module=ModuleSpec(f"nn.{title}", (), {"kernel_size": k, "stride": s, "padding": p}),
        )

    return rule


def rule_global_avg_pool(params: Params, inputs: Inputs) -> RuleResult:
    t = _float_input("GlobalAvgPool", inputs)
    if len(t.shape) < 2:
        raise ShapeProblem(
            f"GlobalAvgPool averages each channel of an image but receives {describe(t)}"
        )
    return RuleResult(TensorType((t.shape[0],)), 0, prod(t.shape), ModuleSpec("GlobalAvgPool"))


_GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}


def rule_recurrent(title: str) -> Any:
    """RNN / LSTM / GRU over a sequence T×F; the whole sequence or the last step."""
    gates = _GATES[title]

    def rule(params: Params, inputs: Inputs) -> RuleResult:
        t = _float_input(title, inputs)
        if len(t.shape) == 3:
            c, h, w = t.shape
            raise ShapeProblem(
                f"{title} expects a sequence (T×F) but receives {describe(t)} — add Reshape or "
                "use Conv2d",
                _reshape_fix((c * h, w)),
            )
        if len(t.shape) != 2:
            raise ShapeProblem(
                f"{title} expects a sequence (T×F) but receives {describe(t)} — add Reshape",
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
    return FixSpec(f"Insert Reshape to {fmt_shape(shape)}", fix.actions)
