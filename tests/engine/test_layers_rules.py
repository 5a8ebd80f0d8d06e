"""Every layer's shape rule and parameter count against the torch module it builds."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from engine.build import make_module
from engine.layers import CATEGORIES, LAYERS, ShapeProblem, TensorType, layer_spec
from engine.types import GraphError

torch.set_num_threads(1)

IMG = TensorType((3, 12, 10))
VEC = TensorType((20,))
SEQ = TensorType((7, 5))
TOK = TensorType((9,), tokens=True)

# (layer type, parameter overrides, inputs)
CASES: list[tuple[str, dict[str, Any], list[TensorType]]] = (
    [
        ("Output", {"units": 4}, [VEC]),
        ("Output", {"task": "binary", "units": 1}, [VEC]),
        ("Output", {"task": "next_char", "units": 11}, [SEQ]),
        ("Linear", {"units": 6}, [VEC]),
        ("Linear", {"units": 6, "bias": False}, [SEQ]),
        ("Flatten", {}, [IMG]),
        ("Reshape", {"shape": [6, -1]}, [IMG]),
        ("Reshape", {"shape": [360]}, [IMG]),
        ("SwapAxes", {}, [SEQ]),
        ("Embedding", {"vocab_size": 30, "embedding_dim": 4}, [TOK]),
        ("Conv1d", {"filters": 4, "kernel_size": 3}, [SEQ]),
        ("Conv1d", {"filters": 6, "kernel_size": 2, "padding": "same", "groups": 1}, [SEQ]),
        ("Conv2d", {"filters": 8, "kernel_size": 3}, [IMG]),
        ("Conv2d", {"filters": 6, "kernel_size": 3, "stride": 2, "padding": "1"}, [IMG]),
        ("Conv2d", {"filters": 6, "kernel_size": 4, "padding": "same", "dilation": 2}, [IMG]),
        ("Conv2d", {"filters": 6, "kernel_size": 3, "groups": 3, "bias": False}, [IMG]),
        ("ConvTranspose2d", {"filters": 4, "kernel_size": 3, "stride": 2}, [IMG]),
        (
            "ConvTranspose2d",
            {"filters": 2, "kernel_size": 4, "stride": 3, "padding": 1, "output_padding": 2},
            [IMG],
        ),
        ("MaxPool2d", {"pool_size": 2}, [IMG]),
        ("MaxPool2d", {"pool_size": 3, "stride": 2, "padding": 1}, [IMG]),
        ("AvgPool2d", {"pool_size": 3}, [IMG]),
        ("GlobalAvgPool", {}, [IMG]),
        ("GlobalMaxPool", {}, [IMG]),
        ("GlobalMaxPool", {}, [SEQ]),
        ("Dropout", {"p": 0.3}, [IMG]),
        ("Dropout2d", {}, [IMG]),
        ("BatchNorm1d", {}, [VEC]),
        ("BatchNorm1d", {}, [SEQ]),
        ("BatchNorm2d", {}, [IMG]),
        ("LayerNorm", {}, [SEQ]),
        ("Add", {}, [IMG, IMG, IMG]),
        ("Concatenate", {"axis": 0}, [IMG, TensorType((2, 12, 10))]),
        ("Concatenate", {"axis": -1}, [SEQ, TensorType((7, 3))]),
        ("Concatenate", {"axis": 1}, [IMG, TensorType((3, 1, 10))]),
        ("MultiHeadSelfAttention", {"heads": 1}, [SEQ]),
        ("MultiHeadSelfAttention", {"heads": 2, "causal": True}, [TensorType((7, 6))]),
        ("TransformerBlock", {"heads": 5, "mlp_ratio": 2}, [SEQ]),
        ("TransformerBlock", {"heads": 3, "causal": True}, [TensorType((4, 6))]),
        ("PositionalEmbedding", {}, [SEQ]),
        ("PositionalEmbedding", {"mode": "sinusoidal"}, [SEQ]),
    ]
    + [
        (
            rnn,
            {"hidden_size": 6, "num_layers": layers, "bidirectional": bi, "return_sequences": rs},
            [SEQ],
        )
        for rnn in ("RNN", "LSTM", "GRU")
        for layers, bi, rs in (
            (1, False, True),
            (2, True, False),
            (2, False, False),
            (1, True, True),
        )
    ]
    + [
        (act, {}, [IMG])
        for act in ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax")
    ]
)


def _tensor(t: TensorType, vocab: int = 30) -> torch.Tensor:
    if t.tokens:
        return torch.randint(0, vocab, (2, *t.shape))
    return torch.randn(2, *t.shape)


def _params(layer_type: str, overrides: dict[str, Any]) -> dict[str, Any]:
    spec = layer_spec(layer_type)
    values = spec.defaults()
    for key, value in overrides.items():
        values[key] = spec.param(key).validate(value)
    return values


@pytest.mark.parametrize(("layer_type", "overrides", "inputs"), CASES)
def test_rule_matches_torch(
    layer_type: str, overrides: dict[str, Any], inputs: list[TensorType]
) -> None:
    spec = layer_spec(layer_type)
    assert spec.rule is not None
    result = spec.rule(_params(layer_type, overrides), inputs)
    assert result.module is not None
    module = make_module(result.module).eval()
    with torch.no_grad():
        out = module(*(_tensor(t) for t in inputs))
    assert tuple(out.shape[1:]) == result.out.shape
    assert sum(p.numel() for p in module.parameters()) == result.params
    assert result.macs >= 0


def test_every_layer_type_is_covered_by_a_torch_case() -> None:
    covered = {c[0] for c in CASES} | {"Input"}
    assert covered == set(LAYERS)


def test_catalog_is_complete_and_bilingual() -> None:
    categories = [c[0] for c in CATEGORIES]
    assert categories == [
        "io",
        "core",
        "conv",
        "pool",
        "recurrent",
        "attention",
        "norm",
        "activation",
        "merge",
    ]
    for spec in LAYERS.values():
        assert spec.category in categories
        assert spec.title_en and spec.title_zh and spec.explain_en and spec.explain_zh
        assert spec.formula
        for key in spec.key_params:
            spec.param(key)
        for p in spec.params:
            assert p.label_en and p.label_zh, (spec.type, p.name)
            assert p.validate(p.default) == p.validate(p.validate(p.default))


def test_layer_spec_unknown_type() -> None:
    with pytest.raises(GraphError, match="Unknown layer type"):
        layer_spec("Banana")


@pytest.mark.parametrize(
    ("layer_type", "overrides", "inputs", "message"),
    [
        (
            "Linear",
            {},
            [TensorType((32, 13, 13))],
            "Linear expects a flat vector but receives 32×13×13 — insert Flatten",
        ),
        (
            "Conv2d",
            {"kernel_size": 5},
            [TensorType((1, 3, 3))],
            "Conv2d kernel 5×5 is larger than its input 3×3",
        ),
        (
            "MaxPool2d",
            {"pool_size": 4},
            [TensorType((8, 3, 3))],
            "MaxPool2d 4×4 shrinks 3×3 to nothing",
        ),
        (
            "LSTM",
            {},
            [TensorType((1, 28, 28))],
            "LSTM expects a sequence (T×F) but receives an image 1×28×28 — add Reshape or use Conv2d",
        ),
        (
            "Add",
            {},
            [TensorType((32, 14, 14)), TensorType((64, 14, 14))],
            "Add needs inputs of the same shape but receives 32×14×14 and 64×14×14",
        ),
        (
            "Concatenate",
            {"axis": 0},
            [TensorType((3, 4, 4)), TensorType((3, 5, 4))],
            "Concatenate on axis 0 needs all other axes to match",
        ),
        (
            "Concatenate",
            {"axis": 0},
            [TensorType((3, 4, 4)), TensorType((4,))],
            "Concatenate needs inputs with the same number of axes",
        ),
        (
            "Concatenate",
            {"axis": 3},
            [TensorType((3, 4, 4)), TensorType((3, 4, 4))],
            "Concatenate axis 3 does not exist",
        ),
        ("Embedding", {}, [TensorType((4,))], "Embedding expects token ids"),
        ("Linear", {}, [TOK], "Linear cannot read token ids directly — insert Embedding"),
        ("Conv2d", {"stride": 2, "padding": "same"}, [IMG], "padding 'same' needs stride 1"),
        ("Conv2d", {"groups": 2}, [IMG], "groups (2) must divide"),
        ("Reshape", {"shape": [7, 7]}, [IMG], "Reshape to 7×7 needs 49 values but receives 360"),
        ("GlobalMaxPool", {}, [VEC], "GlobalMaxPool takes each channel's largest value"),
        ("SwapAxes", {}, [IMG], "SwapAxes swaps the two axes of a sequence (T×D ↔ D×T)"),
        ("Output", {"task": "binary", "units": 3}, [VEC], "A binary Output has one unit"),
        ("Output", {}, [TensorType((32, 13, 13))], "Output expects a flat vector"),
        ("BatchNorm2d", {}, [VEC], "BatchNorm2d expects an image"),
        ("ConvTranspose2d", {"stride": 2, "output_padding": 2}, [IMG], "must be smaller"),
    ],
)
def test_rule_problems(
    layer_type: str, overrides: dict[str, Any], inputs: list[TensorType], message: str
) -> None:
    spec = layer_spec(layer_type)
    assert spec.rule is not None
    with pytest.raises(ShapeProblem) as info:
        spec.rule(_params(layer_type, overrides), inputs)
    assert message in info.value.message


@pytest.mark.parametrize(
    ("layer_type", "key", "value", "message"),
    [
        ("Conv2d", "filters", 0, "at least 1"),
        ("Conv2d", "filters", "many", "whole number"),
        ("Conv2d", "padding", "wide", "'valid', 'same' or a whole number"),
        ("Dropout", "p", 1.5, "at most 0.95"),
        ("Dropout", "p", float("nan"), "finite"),
        ("Output", "task", "poetry", "one of"),
        ("LSTM", "bidirectional", 1, "true or false"),
        ("Reshape", "shape", [], "between 1 and 8"),
    ],
)
def test_param_validation(layer_type: str, key: str, value: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        layer_spec(layer_type).param(key).validate(value)


def test_padding_normalised() -> None:
    p = layer_spec("Conv2d").param("padding")
    assert p.validate(" SAME ") == "same"
    assert p.validate("02") == "2"
    assert layer_spec("Reshape").param("shape").validate([2, -1]) == (2, -1)
