"""Tidy layout: layers top to bottom by topological depth, ordered to reduce crossings.

Pure Python on ids and edges, so it is easy to test and cheap for hundreds of nodes.
"""

from __future__ import annotations

from collections.abc import Iterable

LAYER_GAP = 130.0  # vertical distance between the tops of consecutive layers
COLUMN_GAP = 240.0  # horizontal distance between node centres in one layer


def tidy_positions(
    node_ids: Iterable[str],
    edges: Iterable[tuple[str, str]],
    current: dict[str, tuple[float, float]] | None = None,
    heights: dict[str, float] | None = None,
) -> dict[str, tuple[float, float]]:
    """New (x, y) per node: y by longest path from a source, x centred per layer.

    Nodes keep their left-to-right order from ``current`` where nothing else decides; within a
    layer they are sorted by the mean x of their parents (one barycentre pass), which untangles
    branches. The layout is centred on the old centre so the network does not jump away.
    """
    ids = list(node_ids)
    current = current or {}
    heights = heights or {}
    parents: dict[str, list[str]] = {n: [] for n in ids}
    children: dict[str, list[str]] = {n: [] for n in ids}
    for src, dst in edges:
        if src in parents and dst in parents:
            parents[dst].append(src)
            children[src].append(dst)
    # Longest-path depth (Kahn's order; any cycle's members fall back to depth 0).
    indegree = {n: len(parents[n]) for n in ids}
    queue = [n for n in ids if indegree[n] == 0]
    depth = dict.fromkeys(ids, 0)
    head = 0
    while head < len(queue):
        n = queue[head]
        head += 1
        for c in children[n]:
            depth[c] = max(depth[c], depth[n] + 1)
            indegree[c] -= 1
            if indegree[c] == 0:
                queue.append(c)
    layers: dict[int, list[str]] = {}
    for n in ids:
        layers.setdefault(depth[n], []).append(n)
    x_of: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    for d in sorted(layers):
        members = layers[d]

        def key(n: str) -> tuple[float, float]:
            ps = [x_of[p] for p in parents[n] if p in x_of]
            bary = sum(ps) / len(ps) if ps else current.get(n, (0.0, 0.0))[0]
            return (bary, current.get(n, (0.0, 0.0))[0])

        members.sort(key=key)
        width = (len(members) - 1) * COLUMN_GAP
        for i, n in enumerate(members):
            x = -width / 2 + i * COLUMN_GAP
            x_of[n] = x
            positions[n] = (x, y)
        tallest = max((heights.get(n, 70.0) for n in members), default=70.0)
        y += max(LAYER_GAP, tallest + 56.0)  # room for the edge's shape label
    if current and positions:
        ox = sum(p[0] for p in current.values()) / len(current)
        oy = min(p[1] for p in current.values())
        positions = {n: (round(x + ox), round(y + oy)) for n, (x, y) in positions.items()}
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
