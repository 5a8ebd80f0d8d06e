"""Live shape checking: NetCanvas's pure-Python analyse() against the naive way (build the torch
model and push a dummy sample through it), on 50- and 200-layer residual CNNs.

Run:  python bench/bench_analysis.py
Prints a table, then one JSON object on the last line (median milliseconds and ratios).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.analysis import analyse
from engine.graph import Graph


def residual_cnn(layers: int) -> Graph:
    """Input -> stem -> blocks of (Conv2d, BatchNorm2d, ReLU, Conv2d, BatchNorm2d, Add, ReLU)
    -> GlobalAvgPool -> Output, padded with ReLUs to exactly ``layers`` nodes."""
    g = Graph()

    def add(layer_type: str, src: str | None, **params: object) -> str:
        node = g.add_node(layer_type, dict(params))
        if src is not None:
            g.connect(src, node.id, g.free_port(node.id) or 0)
        return node.id

    x = add("Input", None, kind="image", channels=3, height=32, width=32)
    x = add("Conv2d", x, filters=16, padding="same")
    while len(g.nodes) + 7 + 2 <= layers:
        h = add("Conv2d", x, filters=16, padding="same")
        h = add("BatchNorm2d", h)
        h = add("ReLU", h)
        h = add("Conv2d", h, filters=16, padding="same")
        h = add("BatchNorm2d", h)
        s = add("Add", h)
        g.connect(x, s, 1)
        x = add("ReLU", s)
    while len(g.nodes) + 2 < layers:
        x = add("ReLU", x)
    x = add("GlobalAvgPool", x)
    add("Output", x, task="classification", units=10)
    assert len(g.nodes) == layers and analyse(g).valid
    return g


def median_ms(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm up (imports, allocator)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    import torch

    from engine.build import build_model

    torch.set_num_threads(1)

    def naive(g: Graph) -> None:
        model = build_model(g).eval()
        with torch.no_grad():
            model(torch.zeros(1, 3, 32, 32))

    result: dict[str, float] = {}
    print(f"{'layers':>6} {'analyse ms':>11} {'torch build+forward ms':>23} {'ratio':>8}")
    for layers in (50, 200):
        g = residual_cnn(layers)
        a = median_ms(lambda g=g: analyse(g), 30)
        n = median_ms(lambda g=g: naive(g), 10)
        result[f"analyse_{layers}_ms"] = round(a, 3)
        result[f"torch_{layers}_ms"] = round(n, 3)
        result[f"ratio_{layers}"] = round(n / a, 1)
        print(f"{layers:>6} {a:>11.2f} {n:>23.2f} {n / a:>7.1f}x")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
