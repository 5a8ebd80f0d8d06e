"""Building torch modules: stable names, seeded weights, refusal of invalid graphs, losses."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from engine.build import build_model, loss_name
from engine.graph import Graph
from engine.templates import make_template
from engine.types import GraphError

torch.set_num_threads(1)


def test_state_dict_keys_follow_node_names() -> None:
    g = make_template("seed-cnn")
    keys = list(build_model(g).state_dict())
    assert keys == [
        "conv2d_1.weight",
        "conv2d_1.bias",
        "linear_1.weight",
        "linear_1.bias",
        "output.weight",
        "output.bias",
    ]
    conv = next(n for n in g.nodes.values() if n.type == "Conv2d")
    g.rename_node(conv.id, "features")
    assert "features.weight" in build_model(g).state_dict()


def test_weights_are_reproducible_from_the_seed_without_touching_global_rng() -> None:
    g = make_template("resnet-mini")
    torch.manual_seed(123)
    before = torch.rand(1)
    torch.manual_seed(123)
    a, b, c = build_model(g, seed=1), build_model(g, seed=1), build_model(g, seed=2)
    assert torch.equal(torch.rand(1), before)  # the global generator was left alone
    for key, value in a.state_dict().items():
        assert torch.equal(value, b.state_dict()[key])
    assert not torch.equal(a.state_dict()["conv2d_1.weight"], c.state_dict()["conv2d_1.weight"])


def test_invalid_graph_is_never_handed_to_torch() -> None:
    g = make_template("seed-cnn")
    flatten = next(n for n in g.nodes.values() if n.type == "Flatten")
    pool, linear = g.inputs_of(flatten.id)[0].src, g.outputs_of(flatten.id)[0].dst
    g.remove_node(flatten.id)
    g.connect(pool, linear)
    with pytest.raises(GraphError, match=r"problems to fix.*'linear_1': Linear expects a flat"):
        build_model(g)


def test_forward_gradients_flow_through_a_branching_graph() -> None:
    g = make_template("resnet-mini")
    model = build_model(g)
    x = torch.randn(4, 1, 28, 28)
    loss = model(x).sum()
    loss.backward()
    assert all(p.grad is not None for p in model.parameters())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"task": "classification"}, "cross_entropy"),
        ({"task": "binary", "units": 1}, "bce_logits"),
        ({"task": "regression", "loss": "mse"}, "mse"),
        ({"task": "regression", "loss": "l1"}, "l1"),
        ({"task": "next_char"}, "cross_entropy"),
    ],
)
def test_loss_name(params: dict[str, object], expected: str) -> None:
    g = Graph()
    g.add_node("Output", params)
    assert loss_name(g) == expected


def test_loss_name_without_output() -> None:
    with pytest.raises(GraphError, match="no Output"):
        loss_name(Graph())


def test_a_network_too_large_for_memory_is_a_graph_error() -> None:
    overcommit = Path("/proc/sys/vm/overcommit_memory")
    if not overcommit.exists() or overcommit.read_text().strip() == "1":
        pytest.skip("needs an OS that refuses a 4 TB allocation up front (Linux overcommit 0/2)")
    g = Graph()
    i = g.add_node("Input", {"kind": "vector", "features": 1_000_000}).id
    o = g.add_node("Output", {"units": 1_000_000}).id
    g.connect(i, o)
    assert g.analysis.valid
    with pytest.raises(GraphError, match="could not be built: its 1,000,001,000,000 parameters"):
        build_model(g)
