"""The network graph: editing, connection rules, events, copy/paste, JSON."""

from __future__ import annotations

import itertools
import json
import sys
from typing import Any

import pytest

from engine.graph import GRAPH_SCHEMA_VERSION, Edge, Graph, GraphEvent
from engine.types import GraphError


def chain(graph: Graph, *types: str) -> list[str]:
    ids = [graph.add_node(t).id for t in types]
    for a, b in itertools.pairwise(ids):
        graph.connect(a, b)
    return ids


def test_graph_module_does_not_import_torch_or_qt() -> None:
    code = (
        "import sys, engine.graph, engine.analysis, engine.templates, engine.layers;"
        "bad = [m for m in ('torch', 'PySide6') if m in sys.modules]; print(bad)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_default_names_are_unique_and_renames_are_checked() -> None:
    g = Graph()
    a, b = g.add_node("Conv2d"), g.add_node("Conv2d")
    assert (a.name, b.name) == ("conv2d_1", "conv2d_2")
    g.rename_node(a.id, "features")
    assert g.add_node("Conv2d").name == "conv2d_1"
    with pytest.raises(GraphError, match="already called 'features'"):
        g.rename_node(b.id, "features")
    for bad in ("1abc", "has space", "forward", "class", "_private", "x" * 65, "state_dict"):
        with pytest.raises(GraphError):
            g.rename_node(b.id, bad)
    assert b.name == "conv2d_2"


def test_set_param_validates_with_a_message_naming_the_layer() -> None:
    g = Graph()
    n = g.add_node("Conv2d")
    g.set_param(n.id, "filters", 8)
    assert n.params["filters"] == 8
    with pytest.raises(GraphError, match="conv2d_1: Filters must be at least 1"):
        g.set_param(n.id, "filters", 0)
    with pytest.raises(GraphError, match="has no parameter 'colour'"):
        g.set_param(n.id, "colour", 3)
    with pytest.raises(GraphError, match="Unknown layer type"):
        g.add_node("Teleporter")
    with pytest.raises(GraphError):
        g.add_node("Linear", {"units": -3})
    assert n.params["filters"] == 8


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda g, a, b: (a, a, 0), "cannot feed into itself"),
        (lambda g, a, b: (b, a, 0), "would make a cycle"),
        (lambda g, a, b: (a, g.add_node("Input").id, 0), "Input layer takes no input"),
        (lambda g, a, b: (g.add_node("ReLU").id, b, 0), "already has an input"),
        (lambda g, a, b: (a, b, 1), "takes one input"),
        (lambda g, a, b: (g.add_node("Output").id, a, 0), "Output is the end of the network"),
        (lambda g, a, b: (a, "nope", 0), "must be layers of this network"),
    ],
)
def test_can_connect_reasons(setup, reason: str) -> None:  # type: ignore[no-untyped-def]
    g = Graph()
    a, b = chain(g, "Linear", "ReLU")
    src, dst, port = setup(g, a, b)
    assert reason in (g.can_connect(src, dst, port) or "")
    with pytest.raises(GraphError, match=reason):
        g.connect(src, dst, port)


def test_cycle_through_several_nodes_is_refused() -> None:
    g = Graph()
    a, _, c = chain(g, "Linear", "ReLU", "Linear")
    assert "cycle" in (g.can_connect(c, a) or "")


def test_merge_layers_take_many_ports_and_free_port() -> None:
    g = Graph()
    add = g.add_node("Add").id
    srcs = [g.add_node("ReLU").id for _ in range(3)]
    assert g.free_port(add) == 0
    g.connect(srcs[0], add, 0)
    g.connect(srcs[2], add, 2)
    assert g.free_port(add) == 1
    assert "already connected" in (g.can_connect(srcs[1], add, 0) or "")
    g.connect(srcs[1], add, g.free_port(add) or 0)
    assert [e.src for e in g.inputs_of(add)] == srcs
    relu = g.add_node("ReLU").id
    g.connect(srcs[0], relu)
    assert g.free_port(relu) is None
    assert g.free_port(g.add_node("Input").id) is None
    assert len(g.outputs_of(srcs[0])) == 2


def test_events_and_unsubscribe() -> None:
    g = Graph()
    events: list[GraphEvent] = []
    unsubscribe = g.subscribe(events.append)
    a, b = chain(g, "Linear", "ReLU")
    g.set_param(a, "units", 7)
    g.move_node(a, 10, 20)
    g.rename_node(b, "act")
    g.remove_node(a)
    kinds = [e.kind for e in events if e.kind != "validity_changed"]
    assert kinds == [
        "node_added",
        "node_added",
        "edge_added",
        "param_changed",
        "node_moved",
        "node_renamed",
        "edge_removed",
        "node_removed",
    ]
    changed = next(e for e in events if e.kind == "param_changed")
    assert (changed.node_id, changed.key, changed.value) == (a, "units", 7)
    assert any(e.kind == "validity_changed" for e in events)
    unsubscribe()
    seen = len(events)
    g.add_node("Tanh")
    assert len(events) == seen
    assert g.edges == []


def test_validity_changed_fires_when_validity_flips() -> None:
    g = Graph()
    _i, f, o = chain(g, "Input", "Flatten", "Output")
    flips: list[bool] = []
    g.subscribe(lambda e: flips.append(e.value) if e.kind == "validity_changed" else None)
    assert g.analysis.valid
    g.set_param(o, "task", "binary")  # 10 units on a binary Output: an error
    assert flips == [False]
    g.set_param(o, "units", 1)
    assert flips == [False, True]
    g.move_node(f, 5, 5)  # moving changes nothing about validity
    assert flips == [False, True]


def test_analysis_is_cached_until_an_edit() -> None:
    g = Graph()
    chain(g, "Input", "Flatten", "Output")
    first = g.analysis
    assert g.analysis is first
    g.move_node(next(iter(g.nodes)), 3, 4)
    assert g.analysis is first
    g.add_node("ReLU")
    assert g.analysis is not first


def test_insert_on_edge_and_its_refusals() -> None:
    g = Graph()
    a, b = chain(g, "Conv2d", "Linear")
    g.move_node(a, 0, 0)
    g.move_node(b, 100, 50)
    node = g.insert_on_edge(g.edges[0], "Flatten")
    assert node.pos == (50.0, 25.0)
    assert {(e.src, e.dst) for e in g.edges} == {(a, node.id), (node.id, b)}
    with pytest.raises(GraphError, match="cannot be inserted"):
        g.insert_on_edge(g.edges[0], "Input")
    with pytest.raises(GraphError, match="does not exist"):
        g.insert_on_edge(Edge(a, b), "ReLU")


def test_insert_on_add_port_keeps_the_port() -> None:
    g = Graph()
    x, y, add = g.add_node("ReLU").id, g.add_node("ReLU").id, g.add_node("Add").id
    g.connect(x, add, 0)
    e = g.connect(y, add, 1)
    node = g.insert_on_edge(e, "Tanh")
    assert Edge(node.id, add, 1) in g.edges


def test_copy_paste_keeps_inner_edges_with_fresh_ids_and_names() -> None:
    g = Graph()
    a, b, c = chain(g, "Conv2d", "ReLU", "Flatten")
    g.set_param(a, "filters", 5)
    data = g.copy_nodes([a, b])
    json.dumps(data)  # clipboard-safe
    new = g.paste(data)
    assert len(new) == 2 and not set(new) & {a, b, c}
    assert g.nodes[new[0]].name == "conv2d_2" and g.nodes[new[0]].params["filters"] == 5
    assert g.nodes[new[0]].pos == (40.0, 40.0)
    assert Edge(new[0], new[1]) in g.edges
    assert len(g.edges) == 3  # the edge to Flatten stayed outside the selection


def test_topological_order_puts_inputs_first() -> None:
    g = Graph()
    out = g.add_node("Output").id
    add = g.add_node("Add").id
    i = g.add_node("Input").id
    g.connect(add, out)
    g.connect(i, add, 1)
    relu = g.add_node("ReLU").id
    g.connect(i, relu)
    g.connect(relu, add, 0)
    order = g.topological_order()
    assert order.index(i) < order.index(relu) < order.index(add) < order.index(out)


def test_json_round_trip() -> None:
    g = Graph()
    ids = chain(g, "Input", "Conv2d", "Flatten", "Output")
    g.set_param(ids[1], "padding", "same")
    g.set_param(ids[0], "kind", "image")
    g.rename_node(ids[3], "logits")
    g.move_node(ids[2], 12.5, -3)
    d = json.loads(json.dumps(g.to_dict()))
    assert d["schema_version"] == GRAPH_SCHEMA_VERSION
    h = Graph.from_dict(d)
    assert h.to_dict() == g.to_dict()
    assert h.analysis.total_params == g.analysis.total_params
    assert h.add_node("ReLU").id not in ids


def test_reshape_tuple_survives_json() -> None:
    g = Graph()
    n = g.add_node("Reshape", {"shape": [2, -1]})
    h = Graph.from_dict(json.loads(json.dumps(g.to_dict())))
    assert h.nodes[n.id].params["shape"] == (2, -1)


def test_schema_1_migrates() -> None:
    old = {
        "schema_version": 1,
        "nodes": [
            {
                "id": "a",
                "type": "Input",
                "name": "inp",
                "params": {"kind": "vector"},
                "x": 1,
                "y": 2,
            },
            {"id": "b", "type": "Output", "name": "out", "params": {"units": 3}, "x": 5, "y": 2},
        ],
        "edges": [["a", "b", 0]],
    }
    g = Graph.from_dict(old)
    assert g.nodes["a"].pos == (1.0, 2.0)
    assert g.edges == [Edge("a", "b", 0)]
    assert g.analysis.valid


def test_newer_schema_is_refused() -> None:
    with pytest.raises(GraphError, match=r"newer NetCanvas .*update NetCanvas"):
        Graph.from_dict({"schema_version": GRAPH_SCHEMA_VERSION + 1, "nodes": [], "edges": []})


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"schema_version": "2"},
        {"schema_version": 2, "nodes": {}},
        {"schema_version": 2, "nodes": [1]},
        {"schema_version": 2, "nodes": [{"id": "a", "type": "Nope", "name": "n"}]},
        {"schema_version": 2, "nodes": [{"id": "a", "type": "ReLU", "name": "forward"}]},
        {"schema_version": 2, "nodes": [{"id": "a", "type": "ReLU", "name": "r", "pos": "x"}]},
        {
            "schema_version": 2,
            "nodes": [{"id": "a", "type": "Linear", "name": "r", "params": {"units": "ten"}}],
        },
        {
            "schema_version": 2,
            "nodes": [
                {"id": "a", "type": "ReLU", "name": "r"},
                {"id": "a", "type": "ReLU", "name": "s"},
            ],
        },
        {
            "schema_version": 2,
            "nodes": [
                {"id": "a", "type": "ReLU", "name": "r"},
                {"id": "b", "type": "ReLU", "name": "r"},
            ],
        },
        {
            "schema_version": 2,
            "nodes": [{"id": "a", "type": "ReLU", "name": "r"}],
            "edges": [{"src": "a", "dst": "zz"}],
        },
        {
            "schema_version": 2,
            "nodes": [
                {"id": "a", "type": "ReLU", "name": "r"},
                {"id": "b", "type": "ReLU", "name": "s"},
            ],
            "edges": [{"src": "a", "dst": "b", "port": 1}],
        },
        {
            "schema_version": 2,
            "nodes": [
                {"id": "a", "type": "Output", "name": "o"},
                {"id": "b", "type": "ReLU", "name": "s"},
            ],
            "edges": [{"src": "a", "dst": "b"}],
        },
    ],
)
def test_bad_documents_are_refused_and_load_dict_changes_nothing(doc: object) -> None:
    g = Graph()
    chain(g, "Input", "Output")
    before = g.to_dict()
    with pytest.raises(GraphError):
        g.load_dict(doc)
    assert g.to_dict() == before


def test_load_dict_replaces_in_place_and_emits_reset() -> None:
    g = Graph()
    chain(g, "Input", "Output")
    other = Graph()
    chain(other, "Input", "Flatten", "Linear", "Output")
    events: list[str] = []
    g.subscribe(lambda e: events.append(e.kind))
    g.load_dict(other.to_dict())
    assert events[0] == "reset"
    assert len(g.nodes) == 4 and len(g.edges) == 3


def test_set_context_emits_and_analysis_follows() -> None:
    from engine.types import DataContext

    g = Graph()
    chain(g, "Input", "Flatten", "Output")
    kinds: list[str] = []
    g.subscribe(lambda e: kinds.append(e.kind))
    g.set_context(DataContext((1, 28, 28), num_classes=7))
    assert kinds[0] == "context_changed"
    assert any("7 classes" in i.message for i in g.analysis.issues)


def test_a_weak_subscription_ends_with_its_object() -> None:
    import gc

    graph = Graph()
    seen: list[str] = []

    class Listener:
        def on_event(self, event: Any) -> None:
            seen.append(event.kind)

    listener = Listener()
    graph.subscribe(listener.on_event, weak=True)
    graph.add_node("Input", {"kind": "vector", "features": 3})
    assert seen and seen[0] == "node_added"
    del listener
    gc.collect()
    count = len(seen)
    graph.add_node("Dropout", {})
    assert len(seen) == count and not graph._listeners  # gone, and unsubscribed
