"""Random edit sequences through the editor undo back to the start and redo to the end."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QPointF

from engine import LAYERS
from gui.editor import EditorController
from gui.editor.commands import GraphState

SIMPLE_TYPES = ["Linear", "ReLU", "Dropout", "Flatten", "Tanh", "Conv2d", "MaxPool2d", "Add"]


def random_edit(ed: EditorController, rng: random.Random) -> None:
    graph = ed.graph
    ids = list(graph.nodes)
    op = rng.choice(["add", "connect", "param", "delete", "paste", "fix", "move", "tidy", "insert"])
    if op == "add" or not ids:
        ed.add_layer(rng.choice(SIMPLE_TYPES), QPointF(rng.uniform(-400, 400), rng.uniform(0, 900)))
    elif op == "connect":
        ed.connect_nodes(rng.choice(ids), rng.choice(ids))
    elif op == "param":
        nid = rng.choice(ids)
        spec = LAYERS[graph.nodes[nid].type]
        ints = [p for p in spec.params if p.kind == "int" and p.maximum is not None]
        if ints:
            p = rng.choice(ints)
            hi = min(int(p.maximum), 64)
            ed.set_param(
                nid, p.name, rng.randint(int(p.minimum or 0), max(int(p.minimum or 0), hi))
            )
    elif op == "delete":
        ed.scene.select_nodes(rng.sample(ids, k=min(len(ids), rng.randint(1, 3))))
        if graph.edges and rng.random() < 0.5:
            ed.scene.edge_items[rng.choice(graph.edges)].setSelected(True)
        ed.delete_selected()
    elif op == "paste":
        ed.scene.select_nodes(rng.sample(ids, k=min(len(ids), rng.randint(1, 4))))
        ed.copy()
        ed.paste()
    elif op == "fix":
        fixable = [i for i in graph.analysis.issues if i.fix is not None]
        if fixable:
            ed.apply_fix(rng.choice(fixable))
    elif op == "move":
        nid = rng.choice(ids)
        ed.move_nodes({nid: (rng.uniform(-500, 500), rng.uniform(-500, 500))})
    elif op == "tidy":
        ed.tidy_layout()
    elif op == "insert" and graph.edges:
        ed.insert_on_edge(rng.choice(["ReLU", "Dropout", "Tanh"]), rng.choice(graph.edges))


def scene_matches_graph(ed: EditorController) -> None:
    graph = ed.graph
    assert set(ed.scene.node_items) == set(graph.nodes)
    assert set(ed.scene.edge_items) == set(graph.edges)
    for nid, item in ed.scene.node_items.items():
        assert (item.pos().x(), item.pos().y()) == tuple(graph.nodes[nid].pos)
        assert item.name == graph.nodes[nid].name
        info = graph.analysis.nodes.get(nid)
        expected = info.output_shape if info is not None else None
        assert item.output_shape == (tuple(expected) if expected is not None else None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_undo_and_redo_exactly(editor: EditorController, seed: int) -> None:
    rng = random.Random(seed)
    start = GraphState.capture(editor.graph)
    for _ in range(40):
        random_edit(editor, rng)
        editor.scene.flush()
    end = GraphState.capture(editor.graph)
    scene_matches_graph(editor)
    steps = editor.undo_stack.index()
    assert steps > 10
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert GraphState.capture(editor.graph) == start
    scene_matches_graph(editor)
    while editor.undo_stack.canRedo():
        editor.undo_stack.redo()
    assert GraphState.capture(editor.graph) == end
    scene_matches_graph(editor)


def test_one_analysis_per_edit_however_many_events(
    editor: EditorController, monkeypatch: pytest.MonkeyPatch
) -> None:
    import engine.analysis

    calls: list[int] = []
    original = engine.analysis.analyse

    def counting(graph: Any) -> Any:
        calls.append(1)
        return original(graph)

    monkeypatch.setattr(engine.analysis, "analyse", counting)
    editor.select_all()
    editor.copy()
    editor.paste()  # 8 nodes and 7 edges: 15 graph events
    assert len(calls) == 1
    calls.clear()
    editor.undo_stack.undo()
    assert len(calls) == 1
    calls.clear()
    editor.tidy_layout()  # moves change no shape: no analysis at all
    assert len(calls) == 0
