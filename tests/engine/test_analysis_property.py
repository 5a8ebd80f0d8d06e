"""Property: for random valid graphs, every inferred shape and parameter count equals what the
built torch model really produces (chains, branches, Add and Concatenate)."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.build import build_model
from engine.graph import Graph

torch.set_num_threads(1)

VOCAB = 20
_pad = st.sampled_from(["valid", "same", "0", "1", "2"])
_small = st.integers(1, 4)

PARAMS: dict[str, Any] = {
    "Conv2d": st.fixed_dictionaries(
        {
            "filters": st.integers(1, 6),
            "kernel_size": _small,
            "stride": st.integers(1, 3),
            "padding": _pad,
            "dilation": st.integers(1, 2),
            "groups": st.integers(1, 2),
        }
    ),
    "Conv1d": st.fixed_dictionaries(
        {
            "filters": st.integers(1, 6),
            "kernel_size": _small,
            "stride": st.integers(1, 2),
            "padding": _pad,
        }
    ),
    "ConvTranspose2d": st.fixed_dictionaries(
        {
            "filters": st.integers(1, 4),
            "kernel_size": _small,
            "stride": st.integers(1, 3),
            "padding": st.integers(0, 2),
            "output_padding": st.integers(0, 2),
        }
    ),
    "MaxPool2d": st.fixed_dictionaries(
        {"pool_size": st.integers(1, 3), "stride": st.integers(0, 3), "padding": st.integers(0, 1)}
    ),
    "AvgPool2d": st.fixed_dictionaries(
        {"pool_size": st.integers(1, 3), "stride": st.integers(0, 3), "padding": st.integers(0, 1)}
    ),
    "Linear": st.fixed_dictionaries({"units": st.integers(1, 8), "bias": st.booleans()}),
    "Reshape": st.builds(lambda a: (a, -1), st.integers(1, 4)).map(lambda s: {"shape": s}),
    "Embedding": st.fixed_dictionaries(
        {"vocab_size": st.just(VOCAB), "embedding_dim": st.integers(1, 5)}
    ),
    **{
        rnn: st.fixed_dictionaries(
            {
                "hidden_size": st.integers(1, 5),
                "num_layers": st.integers(1, 2),
                "bidirectional": st.booleans(),
                "return_sequences": st.booleans(),
            }
        )
        for rnn in ("RNN", "LSTM", "GRU")
    },
    **{
        att: st.fixed_dictionaries(
            {"heads": st.integers(1, 3), "causal": st.booleans(), "dropout": st.just(0.0)}
        )
        for att in ("MultiHeadSelfAttention", "TransformerBlock")
    },
    "PositionalEmbedding": st.fixed_dictionaries(
        {"mode": st.sampled_from(["learned", "sinusoidal"])}
    ),
    "Dropout": st.just({"p": 0.3}),
    "LeakyReLU": st.just({"negative_slope": 0.1}),
}
_ANY = [
    "Reshape",
    "Dropout",
    "LayerNorm",
    "ReLU",
    "LeakyReLU",
    "ELU",
    "GELU",
    "SiLU",
    "Sigmoid",
    "Tanh",
    "Softmax",
]
# Layers worth trying on a tensor of each rank (others would only be rejected).
UNARY: dict[int, list[str]] = {
    1: ["Linear", "BatchNorm1d", *_ANY],
    2: [
        "Linear",
        "Conv1d",
        "RNN",
        "LSTM",
        "GRU",
        "MultiHeadSelfAttention",
        "TransformerBlock",
        "PositionalEmbedding",
        "BatchNorm1d",
        "Flatten",
        "GlobalAvgPool",
        *_ANY,
    ],
    3: [
        "Conv2d",
        "Conv2d",
        "ConvTranspose2d",
        "MaxPool2d",
        "AvgPool2d",
        "GlobalAvgPool",
        "Dropout2d",
        "BatchNorm2d",
        "Flatten",
        *_ANY,
    ],
}

_inputs = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.just("image"),
            "channels": st.integers(1, 3),
            "height": st.integers(3, 12),
            "width": st.integers(3, 12),
        }
    ),
    st.fixed_dictionaries({"kind": st.just("vector"), "features": st.integers(1, 12)}),
    st.fixed_dictionaries({"kind": st.just("tokens"), "seq_len": st.integers(2, 8)}),
)


def _try_add(g: Graph, layer_type: str, params: dict[str, Any], srcs: list[str]) -> str | None:
    """Add a layer fed by ``srcs``; keep it only if the analysis finds nothing wrong with it."""
    node = g.add_node(layer_type, params)
    for port, src in enumerate(srcs):
        g.connect(src, node.id, port)
    if g.analysis.nodes[node.id].output_shape is None or g.analysis.issues_for(node.id):
        g.remove_node(node.id)
        return None
    return node.id


@st.composite
def random_graphs(draw: st.DrawFn) -> Graph:
    g = Graph()
    nodes = [g.add_node("Input", draw(_inputs)).id]
    for _ in range(draw(st.integers(1, 12))):
        shapes = {n: g.analysis.nodes[n].output_shape for n in nodes}
        if draw(st.integers(0, 3)) == 0 and len(nodes) > 2:
            a = nodes[-1]  # merge into the main line so that branches reach the Output
            same = [n for n in nodes[1:] if n != a and len(shapes[n] or ()) == len(shapes[a] or ())]
            if same:
                b = draw(st.sampled_from(same))
                merge = draw(st.sampled_from(["Add", "Concatenate"]))
                params = {"axis": draw(st.integers(-3, 2))} if merge == "Concatenate" else {}
                new = _try_add(g, merge, params, [a, b])
                nodes += [new] if new else []
                continue
        # Mostly extend the main line; sometimes start a branch from an earlier layer.
        src = draw(st.sampled_from(nodes)) if draw(st.integers(0, 3)) == 0 else nodes[-1]
        if g.analysis.nodes[src].tokens:
            layer_type = "Embedding"
        else:
            layer_type = draw(st.sampled_from(UNARY[len(shapes[src] or ())]))
        params = draw(PARAMS[layer_type]) if layer_type in PARAMS else {}
        new = _try_add(g, layer_type, params, [src])
        nodes += [new] if new else []
    last = nodes[-1]
    if g.analysis.nodes[last].tokens:
        last = _try_add(g, "Embedding", {"vocab_size": VOCAB, "embedding_dim": 3}, [last]) or last
    shape = g.analysis.nodes[last].output_shape or ()
    if len(shape) == 2 and draw(st.booleans()):
        out = {"task": "next_char", "units": draw(st.integers(1, 6))}
    else:
        if len(shape) > 1:
            last = _try_add(g, "Flatten", {}, [last]) or last
        out = {
            "task": draw(st.sampled_from(["classification", "regression"])),
            "units": draw(st.integers(1, 6)),
        }
    assert _try_add(g, "Output", out, [last])
    # Dangling branches are legal (a warning); connect nothing more.
    return g


@pytest.mark.slow
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_graphs())
def test_inferred_shapes_equal_torch_shapes(g: Graph) -> None:
    a = g.analysis
    assert a.valid, [i.message for i in a.issues]
    model = build_model(g).eval()
    actual: dict[str, tuple[int, ...]] = {}
    for name, module in model.named_children():
        module.register_forward_hook(
            lambda _m, _i, out, name=name: actual.__setitem__(name, tuple(out.shape[1:]))
        )
    inp = g.input_nodes()[0]
    shape = a.nodes[inp.id].output_shape
    assert shape is not None
    x = torch.randint(0, VOCAB, (2, *shape)) if a.nodes[inp.id].tokens else torch.randn(2, *shape)
    with torch.no_grad():
        out = model(x)
    by_name = {n.name: i for i, n in g.nodes.items()}
    for name, got in actual.items():
        assert a.nodes[by_name[name]].output_shape == got, name
    assert tuple(out.shape[1:]) == a.nodes[g.output_nodes()[0].id].output_shape
    assert sum(p.numel() for p in model.parameters()) == a.total_params
    assert set(actual) == {g.nodes[n].name for n in a.used} - {inp.name}
