"""Attention layers and the char-transformer: shape problems and their fixes, what the modules
compute (causality, positions, attention weights), ONNX parity, training and generation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from test_train_fixtures import text_dataset

from engine.build import build_model
from engine.data import Split, load_dataset
from engine.explanations import AttentionMaps, attention_maps
from engine.export import export_onnx
from engine.graph import Graph
from engine.layers import ShapeProblem, TensorType, layer_spec
from engine.layers.modules import MultiHeadSelfAttention, PositionalEmbedding
from engine.metrics import evaluate, sample_text
from engine.project import new_project
from engine.session import prepare_run
from engine.types import DataContext, DataRef, NetCanvasError, TrainSettings

torch.set_num_threads(1)

ATTENTION_TYPES = ("MultiHeadSelfAttention", "TransformerBlock", "PositionalEmbedding")


def _rule(layer_type: str, inputs: list[TensorType], **params: Any) -> Any:
    spec = layer_spec(layer_type)
    assert spec.rule is not None
    return spec.rule({**spec.defaults(), **params}, inputs)


@pytest.mark.parametrize("layer_type", ATTENTION_TYPES)
def test_a_wrong_rank_is_a_problem_with_a_reshape_fix(layer_type: str) -> None:
    with pytest.raises(ShapeProblem) as image:
        _rule(layer_type, [TensorType((1, 8, 8))])
    assert "expects a sequence of token vectors (T×D) but receives an image 1×8×8" in str(
        image.value.message
    )
    assert image.value.fix is not None and image.value.fix.actions[0].value == {"shape": (8, 8)}
    with pytest.raises(ShapeProblem, match="insert Embedding first"):
        _rule(layer_type, [TensorType((9,), tokens=True)])


@pytest.mark.parametrize("layer_type", ["MultiHeadSelfAttention", "TransformerBlock"])
def test_heads_must_divide_the_token_vector_and_the_fix_picks_a_divisor(layer_type: str) -> None:
    with pytest.raises(ShapeProblem) as info:
        _rule(layer_type, [TensorType((7, 6))], heads=4)
    assert "6 is not divisible by 4" in str(info.value.message)
    assert info.value.fix is not None
    assert info.value.fix.actions[0].key == "heads" and info.value.fix.actions[0].value == 3


def test_the_fixes_make_a_broken_network_valid() -> None:
    g = Graph()
    x = g.add_node("Input", {"kind": "tokens", "seq_len": 10}).id
    emb = g.add_node("Embedding", {"vocab_size": 20, "embedding_dim": 6}).id
    att = g.add_node("MultiHeadSelfAttention", {"heads": 4}).id
    out = g.add_node("Output", {"task": "next_char", "units": 20}).id
    g.connect(x, emb)
    g.connect(emb, att)
    g.connect(att, out)
    (issue,) = g.analysis.errors
    assert issue.node_id == att and issue.fix is not None
    issue.fix.apply(g)
    assert g.analysis.valid and g.nodes[att].params["heads"] == 3


def test_causal_attention_never_looks_ahead() -> None:
    torch.manual_seed(0)
    att = MultiHeadSelfAttention(8, 2, causal=True).eval()
    x = torch.randn(1, 6, 8)
    changed = x.clone()
    changed[0, 4:] += 5.0  # only the last two positions differ
    with torch.no_grad():
        a, b = att(x), att(changed)
    assert torch.allclose(a[0, :4], b[0, :4])
    assert not torch.allclose(a[0, 4:], b[0, 4:])
    plain = MultiHeadSelfAttention(8, 2, causal=False).eval()
    with torch.no_grad():
        assert not torch.allclose(plain(x)[0, :4], plain(changed)[0, :4])


def test_attention_weights_are_kept_on_request_and_are_causal_distributions() -> None:
    att = MultiHeadSelfAttention(8, 2, causal=True).eval()
    with torch.no_grad():
        att(torch.randn(3, 5, 8))
    assert att.weights is None
    att.keep_weights = True
    with torch.no_grad():
        att(torch.randn(3, 5, 8))
    w = att.weights
    assert w is not None and tuple(w.shape) == (3, 2, 5, 5)
    assert torch.allclose(w.sum(-1), torch.ones(3, 2, 5))
    assert float(w.triu(1).abs().max()) == 0.0


def test_sinusoidal_positions_are_fixed_and_learned_ones_train() -> None:
    fixed = PositionalEmbedding(16, 6, learned=False)
    assert list(fixed.parameters()) == [] and fixed.state_dict() == {}
    table = fixed(torch.zeros(1, 16, 6))[0]
    assert torch.allclose(table[:, 0], torch.sin(torch.arange(16.0)))  # wavelength 2π
    assert torch.allclose(table[:, 1], torch.cos(torch.arange(16.0)))
    assert tuple(fixed(torch.zeros(2, 5, 6)).shape) == (2, 5, 6)  # shorter text: first rows
    learned = PositionalEmbedding(16, 6, learned=True)
    assert [p.shape for p in learned.parameters()] == [torch.Size([16, 6])]


def _attention_graph(ctx: DataContext) -> Graph:
    """Every attention layer in one small network: sinusoidal positions, a causal attention and
    a non-causal block."""
    g = Graph()
    layers: list[tuple[str, dict[str, Any]]] = [
        ("Input", {"kind": "tokens", "seq_len": ctx.input_shape[0]}),
        ("Embedding", {"vocab_size": ctx.vocab_size, "embedding_dim": 8}),
        ("PositionalEmbedding", {"mode": "sinusoidal"}),
        ("MultiHeadSelfAttention", {"heads": 2, "causal": True}),
        ("TransformerBlock", {"heads": 4, "mlp_ratio": 2}),
        ("Output", {"task": "next_char", "units": ctx.vocab_size}),
    ]
    last = None
    for layer_type, params in layers:
        node = g.add_node(layer_type, params)
        if last is not None:
            g.connect(last, node.id)
        last = node.id
    g.set_context(ctx)
    return g


def test_every_attention_layer_exports_to_onnx_with_parity(tmp_path: Path) -> None:
    ds = text_dataset(n=20)
    graph = _attention_graph(ds.context())
    assert graph.analysis.valid, [i.message for i in graph.analysis.issues]
    model = build_model(graph, seed=0)
    assert sum(p.numel() for p in model.parameters()) == graph.analysis.total_params
    # export_onnx checks a batch of one, the batch and half the sequence length in onnxruntime.
    result = export_onnx(model, ds, tmp_path / "attention.onnx")
    assert result.max_abs_diff <= 1e-5


def test_char_transformer_trains_on_the_built_in_text_and_generates() -> None:
    ds = load_dataset(DataRef("python-docs", {"seq_len": 32}))
    ds.train = Split(ds.train.x[:1500], ds.train.y[:1500])  # a short run: seconds
    project = new_project("char-transformer", DataRef("python-docs"), ds.context())
    assert project.graph.analysis.valid, [i.message for i in project.graph.analysis.issues]
    settings = TrainSettings.from_dict({**project.settings.to_dict(), "epochs": 2})
    trainer = prepare_run(project, ds, settings).trainer(num_threads=1)
    before = evaluate(trainer.model, ds, "val").loss
    record = trainer.fit()
    assert record.status == "finished", record.message
    after = evaluate(trainer.model, ds, "val").loss
    assert after < 0.8 * before, (before, after)
    # The generator slides the window it trained on: no recurrent state to carry.
    text = sample_text(trainer.model, ds, "def ", 40, temperature=0.8)
    assert len(text) == 40 and set(text) <= set(ds.vocab or [])
    greedy = [sample_text(trainer.model, ds, "import ", 10, temperature=0) for _ in range(2)]
    assert greedy[0] == greedy[1]
    # What its heads look at (the Evaluate pane's Attention tab): every block's heads, causal
    # distributions over the characters typed; nothing kept afterwards.
    typed = "def hello(x):\n    return x \u2603"  # the snowman is not in the vocabulary
    maps = attention_maps(trainer.model, ds, typed)
    assert maps.characters == list(typed[:-1])
    assert list(maps.weights) == ["transformerblock_1.attention", "transformerblock_2.attention"]
    t = len(maps.characters)
    for layer, w in maps.weights.items():
        assert w.shape == (4, t, t)
        assert np.allclose(w.sum(-1), 1.0, atol=1e-5) and np.triu(w, 1).max() == 0.0
        assert ((maps.look_back(layer) >= 0) & (maps.look_back(layer) <= t - 1)).all()
    attention = [m for m in trainer.model.modules() if isinstance(m, MultiHeadSelfAttention)]
    assert all(not m.keep_weights and m.weights is None for m in attention)


def test_look_back_is_the_mean_distance_a_head_attends_to() -> None:
    t = 6
    itself = np.eye(t, dtype=np.float32)
    previous = np.eye(t, k=-1, dtype=np.float32)
    previous[0, 0] = 1.0  # the first position has nothing before it
    first = np.zeros((t, t), np.float32)
    first[:, 0] = 1.0
    maps = AttentionMaps(list("abcdef"), {"a": np.stack([itself, previous, first])})
    assert np.allclose(maps.look_back("a"), [0.0, 5 / 6, sum(range(t)) / t])
    assert np.isclose(maps.even_look_back("a"), (t - 1) / 4)  # causal unless told otherwise
    maps.causal["a"] = False
    assert np.isclose(maps.even_look_back("a"), 0.0)  # as far ahead as back


def test_attention_maps_refuse_a_network_without_heads_and_unknown_text() -> None:
    ds = text_dataset()
    lstm = build_model(new_project("char-lstm", DataRef("test"), ds.context()).graph, seed=0)
    with pytest.raises(NetCanvasError, match="no attention layer"):
        attention_maps(lstm, ds, "hello")
    transformer = build_model(
        new_project("char-transformer", DataRef("test"), ds.context()).graph, seed=0
    )
    with pytest.raises(NetCanvasError, match="None of the characters"):
        attention_maps(transformer, ds, "\u2603\u2603")
    assert len(attention_maps(transformer, ds, "hello " * 10).characters) == 12  # its window
