"""Templates: stable ids, valid graphs, adaptation to datasets, and a forward pass each."""

from __future__ import annotations

import pytest
import torch

from engine.build import build_model
from engine.templates import TEMPLATES, make_template
from engine.types import DataContext, GraphError

torch.set_num_threads(1)

CONTEXTS = {
    "digits": DataContext((1, 8, 8), num_classes=10),
    "cifar": DataContext((3, 32, 32), num_classes=10),
    "iris": DataContext((4,), num_classes=3, input_kind="table"),
    "moons": DataContext((2,), num_classes=2, input_kind="points"),
    "text": DataContext((24,), task="next_char", vocab_size=50, input_kind="text"),
}
FITS = {
    "blank": ("digits", "cifar", "iris", "moons"),
    "seed-cnn": ("digits", "cifar"),
    "lenet5": ("digits", "cifar"),
    "resnet-mini": ("digits", "cifar"),
    "mlp": ("iris", "moons"),
    "toy2d": ("moons", "iris"),
    "char-lstm": ("text",),
    "char-transformer": ("text",),
}


def test_template_ids_are_stable() -> None:
    assert list(TEMPLATES) == [
        "blank",
        "seed-cnn",
        "lenet5",
        "mlp",
        "toy2d",
        "char-lstm",
        "char-transformer",
        "resnet-mini",
    ]
    assert set(FITS) == set(TEMPLATES)
    for t in TEMPLATES.values():
        assert t.title_en and t.title_zh and t.description_en and t.description_zh
        assert t.default_data


def test_seed_cnn_is_the_reference_model() -> None:
    g = make_template("seed-cnn")
    assert [g.nodes[n].type for n in g.topological_order()] == [
        "Input",
        "Conv2d",
        "ReLU",
        "MaxPool2d",
        "Flatten",
        "Linear",
        "ReLU",
        "Output",
    ]
    assert g.analysis.total_params == 693_962
    assert sum(p.numel() for p in build_model(g).parameters()) == 693_962


def test_resnet_mini_uses_add_and_char_lstm_predicts_every_step() -> None:
    assert sum(n.type == "Add" for n in make_template("resnet-mini").nodes.values()) == 2
    g = make_template("char-lstm", CONTEXTS["text"])
    out = g.output_nodes()[0]
    assert g.analysis.nodes[out.id].output_shape == (24, 50)


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_template_valid_and_runs_without_context(template_id: str) -> None:
    g = make_template(template_id)
    assert g.analysis.valid, [i.message for i in g.analysis.issues]
    assert g.analysis.issues == []


@pytest.mark.parametrize(
    ("template_id", "ctx_name"), [(t, c) for t, cs in FITS.items() for c in cs]
)
def test_template_adapts_to_dataset_and_runs_forward(template_id: str, ctx_name: str) -> None:
    ctx = CONTEXTS[ctx_name]
    g = make_template(template_id, ctx)
    assert g.context == ctx
    assert g.analysis.valid, [i.message for i in g.analysis.issues]
    model = build_model(g).eval()
    if ctx.input_kind == "text":
        x = torch.randint(0, ctx.vocab_size, (3, *ctx.input_shape))
        want = (3, *ctx.input_shape, ctx.vocab_size)
    else:
        x = torch.randn(3, *ctx.input_shape)
        want = (3, ctx.num_classes)
    with torch.no_grad():
        assert tuple(model(x).shape) == want


def test_unknown_template() -> None:
    with pytest.raises(GraphError, match="no template 'nope'"):
        make_template("nope")
