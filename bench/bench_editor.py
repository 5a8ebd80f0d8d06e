"""Editor responsiveness on a 200-node network.

Compares, in one run and on the same graph:
  * an edit through the editor (undo command -> graph -> events -> one analysis -> the items
    that changed are updated; "recheck"), then with the repaint that follows, against the same
    edit with a naive full scene rebuild;
  * the editor's recheck against the bare engine edit + analysis (the editor's own overhead);
  * a repaint after panning, with node painting cached vs. uncached.
Prints one JSON object on the last line. Run: python bench/bench_editor.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The editor's test driver (real mouse events on a shown window) lives with the GUI tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "gui"))

from PySide6.QtWidgets import QApplication, QGraphicsItem

N_BLOCKS = 99  # Input + 99 × (Linear, ReLU) + Output = 200 nodes
REPEATS = 30


def build_graph():  # type: ignore[no-untyped-def]
    from engine import Graph

    graph = Graph()
    prev = graph.add_node("Input", {"kind": "vector", "features": 64}, pos=(0, 0)).id
    for _ in range(N_BLOCKS):
        for layer_type in ("Linear", "ReLU"):
            node = graph.add_node(layer_type, pos=(0, 0))
            graph.connect(prev, node.id)
            prev = node.id
    out = graph.add_node("Output", pos=(0, 0))
    graph.connect(prev, out.id)
    return graph


def timed(fn, repeats: int = REPEATS) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from editor_testing import editor_window

    import engine.analysis as analysis_module
    from engine import Project, TrainSettings
    from engine.types import DataRef
    from gui.document import ProjectDocument

    graph = build_graph()
    assert len(graph.nodes) == 2 * N_BLOCKS + 2
    state = ProjectDocument(Project("bench", graph, DataRef(), TrainSettings()))
    window, editor = editor_window(state)
    window.show()
    app.processEvents()
    scene = editor.scene  # type: ignore[attr-defined]
    target = [n for n, node in graph.nodes.items() if node.type == "Linear"][N_BLOCKS // 2]

    # Edit a node the user can see, at natural size (as when working in the inspector).
    view = editor.view  # type: ignore[attr-defined]
    view.resize(1200, 900)
    view.resetTransform()
    view.centerOn(scene.node_items[target])
    app.processEvents()

    calls = {"n": 0}
    original = analysis_module.analyse

    def counting(g):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return original(g)

    analysis_module.analyse = counting
    units = iter(range(10_000))

    def editor_recheck() -> None:
        # Command -> graph -> events -> one analysis -> the changed items, summary, inspector.
        editor.set_param(target, "units", 32 + next(units) % 64)  # type: ignore[attr-defined]

    def editor_edit() -> None:
        editor_recheck()
        app.processEvents()  # ... and the repaint that follows

    before = calls["n"]
    recheck_ms = timed(editor_recheck)
    analyses_per_edit = (calls["n"] - before) / REPEATS
    app.processEvents()
    edit_ms = timed(editor_edit)

    def rebuild_edit() -> None:
        editor.set_param(target, "units", 32 + next(units) % 64)  # type: ignore[attr-defined]
        scene._rebuild()  # the naive view: throw every item away and make them again
        app.processEvents()

    rebuild_ms = timed(rebuild_edit, 10)

    bare = build_graph()
    bare_target = [n for n, node in bare.nodes.items() if node.type == "Linear"][N_BLOCKS // 2]

    def engine_edit() -> None:
        bare.set_param(bare_target, "units", 32 + next(units) % 64)
        _ = bare.analysis

    engine_ms = timed(engine_edit)

    def pan_frame() -> None:
        view.pan_by(0, 40)
        view.viewport().repaint()

    view.viewport().repaint()
    cached_ms = timed(pan_frame)
    for item in scene.node_items.values():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    uncached_ms = timed(pan_frame)
    view.zoom_by(0.1)  # everything in view at once: the worst case
    view.centerOn(scene.nodes_bounding_rect().center())
    all_visible_ms = timed(lambda: (view.pan_by(0, 1), view.viewport().repaint()), 10)

    # Tidy the 200 nodes once (a realistic big edit) and undo it.
    t0 = time.perf_counter()
    editor.tidy_layout()  # type: ignore[attr-defined]
    app.processEvents()
    tidy_ms = (time.perf_counter() - t0) * 1000
    analysis_module.analyse = original
    result = {
        "nodes": len(graph.nodes),
        "edit_recheck_ms": round(recheck_ms, 2),
        "edit_with_repaint_ms": round(edit_ms, 2),
        "edit_with_full_rebuild_ms": round(rebuild_ms, 2),
        "rebuild_over_incremental": round(rebuild_ms / edit_ms, 1),
        "engine_edit_and_analysis_ms": round(engine_ms, 2),
        "editor_overhead_ms": round(recheck_ms - engine_ms, 2),
        "analyses_per_edit": analyses_per_edit,
        "pan_frame_cached_ms": round(cached_ms, 2),
        "pan_frame_uncached_ms": round(uncached_ms, 2),
        "frame_all_200_visible_uncached_ms": round(all_visible_ms, 2),
        "tidy_layout_200_ms": round(tidy_ms, 1),
    }
    window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
