"""Shape rules for attention layers over token sequences T×D (pure integer arithmetic)."""

from __future__ import annotations

from engine.layers.rules import Inputs, Params, _float_input
from engine.layers.rules_spatial import _reshape_fix
from engine.layers.spec import (
    ModuleSpec,
    RuleResult,
    ShapeProblem,
    TensorType,
    describe,
    layer_title,
    set_fix,
)
from engine.messages import QT_TRANSLATE_NOOP, Message


def _sequence_input(title: str, inputs: Inputs) -> tuple[int, int]:
    """(T, D) of the single input: one D-long vector per token, as an Embedding gives."""
    t = _float_input(title, inputs)
    if len(t.shape) != 2:
        # An image's rows become tokens of its columns; a vector becomes tokens of one number.
        shape = (t.shape[0] * t.shape[1], t.shape[2]) if len(t.shape) == 3 else (t.shape[0], 1)
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "{title} expects a sequence of token vectors (T×D) but receives {received} — put an Embedding before it, or Reshape",
                ),
                title=layer_title(title),
                received=describe(t),
            ),
            _reshape_fix(shape) if len(t.shape) in (1, 3) else None,
        )
    return t.shape[0], t.shape[1]


def _check_heads(title: str, heads: int, dim: int) -> None:
    if dim % heads:
        fitting = max(h for h in range(1, heads + 1) if dim % h == 0)
        raise ShapeProblem(
            Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "{title} splits each {dim}-long token vector among {heads} heads, but {dim} is not divisible by {heads}",
                ),
                title=layer_title(title),
                dim=dim,
                heads=heads,
            ),
            set_fix(
                Message(QT_TRANSLATE_NOOP("Engine", "Set heads to {heads}"), heads=fitting),
                heads=fitting,
            ),
        )


def _attention_counts(steps: int, dim: int) -> tuple[int, int]:
    """Parameters and multiply-adds of one self-attention: the q/k/v and output projections
    (4·D² + 4·D weights) and, per sample, T×T scores and the T×T mix of values."""
    return 4 * dim * dim + 4 * dim, 4 * steps * dim * dim + 2 * steps * steps * dim


def rule_self_attention(params: Params, inputs: Inputs) -> RuleResult:
    steps, dim = _sequence_input("MultiHeadSelfAttention", inputs)
    heads = params["heads"]
    _check_heads("MultiHeadSelfAttention", heads, dim)
    weights, macs = _attention_counts(steps, dim)
    return RuleResult(
        out=TensorType((steps, dim)),
        params=weights,
        macs=macs,
        module=ModuleSpec(
            "MultiHeadSelfAttention",
            (dim, heads),
            {"causal": params["causal"], "dropout": params["dropout"]},
        ),
    )


def rule_transformer_block(params: Params, inputs: Inputs) -> RuleResult:
    steps, dim = _sequence_input("TransformerBlock", inputs)
    heads = params["heads"]
    _check_heads("TransformerBlock", heads, dim)
    hidden = params["mlp_ratio"] * dim
    weights, macs = _attention_counts(steps, dim)
    norms = 2 * 2 * dim  # two LayerNorms, a scale and a shift each
    mlp = dim * hidden + hidden + hidden * dim + dim
    return RuleResult(
        out=TensorType((steps, dim)),
        params=weights + norms + mlp,
        macs=macs + 2 * steps * dim * hidden + 2 * 4 * steps * dim,
        module=ModuleSpec(
            "TransformerBlock",
            (dim, heads, hidden),
            {"causal": params["causal"], "dropout": params["dropout"]},
        ),
    )


def rule_positional_embedding(params: Params, inputs: Inputs) -> RuleResult:
    steps, dim = _sequence_input("PositionalEmbedding", inputs)
    learned = params["mode"] == "learned"
    return RuleResult(
        out=TensorType((steps, dim)),
        params=steps * dim if learned else 0,
        macs=steps * dim,
        module=ModuleSpec("PositionalEmbedding", (steps, dim), {"learned": learned}),
    )
