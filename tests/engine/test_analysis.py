"""Live checking: every issue the issue list names, its message, and its one-click fix."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest

from engine.analysis import analyse, summary_rows
from engine.build import build_model
from engine.graph import Graph
from engine.types import DataContext, GraphError

MNIST = DataContext((1, 28, 28), num_classes=10)


def build_chain(layers: list[tuple[str, dict[str, Any]]], ctx: DataContext | None = None) -> Graph:
    g = Graph()
    ids = [g.add_node(t, p).id for t, p in layers]
    for a, b in itertools.pairwise(ids):
        g.connect(a, b)
    if ctx is not None:
        g.set_context(ctx)
    return g


def image_input(c: int = 1, h: int = 28, w: int = 28) -> tuple[str, dict[str, Any]]:
    return ("Input", {"kind": "image", "channels": c, "height": h, "width": w})


def only_issue(g: Graph) -> Any:
    issues = [i for i in g.analysis.issues if i.severity == "error"]
    assert len(issues) == 1, [i.message for i in issues]
    return issues[0]


def apply_fix_and_check_valid(g: Graph, label: str) -> None:
    issue = only_issue(g)
    assert issue.fix is not None and issue.fix.label == label
    issue.fix.apply(g)
    assert g.analysis.valid, [i.message for i in g.analysis.issues]
    build_model(g)  # and torch agrees


def test_seed_cnn_counts() -> None:
    g = build_chain(
        [
            image_input(),
            ("Conv2d", {"filters": 32}),
            ("ReLU", {}),
            ("MaxPool2d", {}),
            ("Flatten", {}),
            ("Linear", {"units": 128}),
            ("ReLU", {}),
            ("Output", {"units": 10}),
        ],
        MNIST,
    )
    a = g.analysis
    assert a.valid and a.issues == []
    assert a.total_params == 693_962
    conv = next(n for n in g.nodes.values() if n.type == "Conv2d")
    assert a.nodes[conv.id].output_shape == (32, 26, 26)
    assert a.nodes[conv.id].macs == 32 * 26 * 26 * 9
    assert a.memory_bytes(64) > a.memory_bytes(1) > 4 * 4 * 693_962
    rows = summary_rows(g)
    assert [r["type"] for r in rows][:3] == ["Input", "Conv2d", "ReLU"]
    assert rows[1] == {
        "name": "conv2d_1",
        "type": "Conv2d",
        "output_shape": "32×26×26",
        "params": 320,
        "macs": 32 * 26 * 26 * 9,
        "trainable": True,
    }


def test_linear_after_conv_offers_flatten() -> None:
    g = build_chain(
        [image_input(), ("Conv2d", {}), ("MaxPool2d", {}), ("Linear", {}), ("Output", {})]
    )
    issue = only_issue(g)
    assert issue.message == "Linear expects a flat vector but receives 32×13×13 — insert Flatten"
    assert g.nodes[issue.node_id].type == "Linear"
    apply_fix_and_check_valid(g, "Insert Flatten")


def test_kernel_larger_than_input() -> None:
    g = build_chain(
        [image_input(1, 4, 4), ("Conv2d", {"kernel_size": 7}), ("Flatten", {}), ("Output", {})]
    )
    assert "kernel 7×7 is larger than its input 4×4" in only_issue(g).message
    apply_fix_and_check_valid(g, "Set kernel size to 4")


def test_pooling_to_zero() -> None:
    g = build_chain(
        [image_input(1, 3, 3), ("MaxPool2d", {"pool_size": 4}), ("Flatten", {}), ("Output", {})]
    )
    assert "shrinks 3×3 to nothing" in only_issue(g).message
    apply_fix_and_check_valid(g, "Set pool size to 3")


def test_output_units_differ_from_dataset() -> None:
    g = build_chain([image_input(), ("Flatten", {}), ("Output", {"units": 7})], MNIST)
    assert only_issue(g).message == "Output has 7 units but the dataset has 10 classes"
    apply_fix_and_check_valid(g, "Set Output units to 10")


def test_output_task_differs_from_dataset() -> None:
    ctx = DataContext((4,), task="regression", num_classes=2, input_kind="table")
    g = build_chain([("Input", {"kind": "vector", "features": 4}), ("Output", {})], ctx)
    assert "declares a classification task but the dataset is regression" in only_issue(g).message
    apply_fix_and_check_valid(g, "Set Output task to regression")
    assert g.output_nodes()[0].params["units"] == 2


def test_input_differs_from_dataset() -> None:
    g = build_chain([image_input(3, 32, 32), ("Flatten", {}), ("Output", {})], MNIST)
    assert only_issue(g).message == "Input is image 3×32×32 but the dataset gives image 1×28×28"
    apply_fix_and_check_valid(g, "Set Input to the dataset's shape")


def test_lstm_fed_an_image() -> None:
    g = build_chain([image_input(), ("LSTM", {"return_sequences": False}), ("Output", {})])
    assert only_issue(g).message == (
        "LSTM expects a sequence (T×F) but receives an image 1×28×28 — add Reshape or use Conv2d"
    )
    apply_fix_and_check_valid(g, "Insert Reshape to 28×28")


def test_token_input_needs_embedding_sized_from_the_dataset() -> None:
    ctx = DataContext((16,), task="next_char", vocab_size=40, input_kind="text")
    g = build_chain(
        [
            ("Input", {"kind": "tokens", "seq_len": 16}),
            ("LSTM", {}),
            ("Output", {"task": "next_char", "units": 40}),
        ],
        ctx,
    )
    assert "cannot read token ids directly — insert Embedding" in only_issue(g).message
    apply_fix_and_check_valid(g, "Insert Embedding")
    emb = next(n for n in g.nodes.values() if n.type == "Embedding")
    assert emb.params["vocab_size"] == 40


def test_embedding_smaller_than_vocabulary() -> None:
    ctx = DataContext((16,), task="next_char", vocab_size=40, input_kind="text")
    g = build_chain(
        [
            ("Input", {"kind": "tokens", "seq_len": 16}),
            ("Embedding", {"vocab_size": 30}),
            ("Output", {"task": "next_char", "units": 40}),
        ],
        ctx,
    )
    assert (
        "Embedding knows 30 token ids but the dataset's vocabulary has 40" in only_issue(g).message
    )
    apply_fix_and_check_valid(g, "Set vocabulary size to 40")


def _two_branches(second: tuple[str, dict[str, Any]], merge: tuple[str, dict[str, Any]]) -> Graph:
    g = Graph()
    i = g.add_node(*image_input(1, 8, 8)).id
    a = g.add_node("Conv2d", {"filters": 4, "padding": "same"}).id
    b = g.add_node(*second).id
    m = g.add_node(*merge).id
    f = g.add_node("Flatten").id
    o = g.add_node("Output").id
    g.connect(i, a)
    g.connect(i, b)
    g.connect(a, m, 0)
    g.connect(b, m, 1)
    g.connect(m, f)
    g.connect(f, o)
    return g


def test_add_with_mismatched_shapes() -> None:
    g = _two_branches(("Conv2d", {"filters": 8, "padding": "same"}), ("Add", {}))
    assert only_issue(g).message.startswith(
        "Add needs inputs of the same shape but receives 4×8×8 and 8×8×8"
    )
    g.set_param(next(n.id for n in g.nodes.values() if n.name == "conv2d_2"), "filters", 4)
    assert g.analysis.valid


def test_concatenate_on_incompatible_axes() -> None:
    g = _two_branches(("Conv2d", {"filters": 8}), ("Concatenate", {"axis": 0}))
    assert "Concatenate on axis 0 needs all other axes to match but receives 4×8×8 and 8×6×6" in (
        only_issue(g).message
    )
    g.set_param(next(n.id for n in g.nodes.values() if n.name == "conv2d_2"), "padding", "same")
    assert g.analysis.valid
    node = next(n for n in g.nodes.values() if n.type == "Concatenate")
    assert g.analysis.nodes[node.id].output_shape == (12, 8, 8)


def test_cycle_loaded_from_a_file_is_reported_and_not_built() -> None:
    doc = {
        "schema_version": 2,
        "nodes": [
            {"id": i, "type": t, "name": n}
            for i, t, n in [
                ("i", "Input", "inp"),
                ("a", "ReLU", "a"),
                ("b", "ReLU", "b"),
                ("o", "Output", "out"),
            ]
        ],
        "edges": [{"src": "a", "dst": "b"}, {"src": "b", "dst": "a"}],
    }
    g = Graph.from_dict(doc)
    messages = [i.message for i in g.analysis.issues]
    assert "'a' is part of a cycle — remove one of its connections" in messages
    with pytest.raises(GraphError, match="problems to fix"):
        build_model(g)


def test_unconnected_nodes() -> None:
    g = build_chain([image_input(), ("Flatten", {}), ("Output", {})])
    lonely = g.add_node("Linear")
    a = g.analysis
    assert [i.message for i in a.issues_for(lonely.id)] == [
        "'linear_1' has no input — connect a layer into it"
    ]
    assert not a.valid
    flatten = next(n.id for n in g.nodes.values() if n.type == "Flatten")
    g.connect(flatten, lonely.id)  # fed now, but it leads nowhere
    g.set_param(lonely.id, "units", 3)
    issues = g.analysis.issues_for(lonely.id)
    assert issues[0].severity == "warning" and "does not lead to the Output" in issues[0].message
    assert g.analysis.valid
    assert "linear_1" not in {k.split(".")[0] for k in build_model(g).state_dict()}


def test_missing_input_and_output_with_fixes() -> None:
    g = build_chain([("Flatten", {}), ("Linear", {"units": 5})], MNIST)
    messages = [i.message for i in g.analysis.issues if i.node_id is None]
    assert "The network has no Input — add one from Input/Output" in messages
    assert "The network has no Output — add one from Input/Output" in messages
    for label in ("Add Input", "Add Output"):
        fix = next(i.fix for i in g.analysis.issues if i.fix and i.fix.label == label)
        fix.apply(g)
    assert g.analysis.valid, [i.message for i in g.analysis.issues]
    assert g.output_nodes()[0].params["units"] == 10


def test_two_inputs_are_refused() -> None:
    g = build_chain([image_input(), ("Flatten", {}), ("Output", {})])
    g.add_node("Input")
    assert any("Only one Input is supported" in i.message for i in g.analysis.issues)
    assert not g.analysis.valid


def test_downstream_of_an_error_is_not_blamed_twice() -> None:
    g = build_chain([image_input(), ("Linear", {}), ("ReLU", {}), ("Output", {})])
    assert len(g.analysis.issues) == 1
    relu = next(n for n in g.nodes.values() if n.type == "ReLU")
    assert g.analysis.nodes[relu.id].output_shape is None


def _long_chain(n: int) -> Graph:
    layers: list[tuple[str, dict[str, Any]]] = [image_input(3, 64, 64)]
    for i in range(n - 4):
        layers.append(
            ("Conv2d", {"filters": 16, "padding": "same"}) if i % 2 == 0 else ("ReLU", {})
        )
    layers += [("GlobalAvgPool", {}), ("Linear", {"units": 32}), ("Output", {})]
    return build_chain(layers)


def test_fifty_layers_analyse_well_under_50_ms() -> None:
    g = _long_chain(50)
    best = min(_timed(lambda: analyse(g)) for _ in range(5))
    assert analyse(g).valid
    assert best < 0.05, f"analyse took {best * 1000:.1f} ms"


def _timed(fn: Any) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t
