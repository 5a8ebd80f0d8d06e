"""Tidy layout: layers top to bottom by topological depth, ordered to reduce crossings.

Pure Python on ids and edges, so it is easy to test and cheap for hundreds of nodes.
"""

from __future__ import annotations

from collections.abc import Iterable

LAYER_GAP = 112.0  # vertical distance between the tops of consecutive layers
# Below a node: its output port, the edge's shape label and the next node's input port. Kept
# tight so the course's eight-layer CNN fits a 1366×768 window's canvas at a readable zoom.
EDGE_ROOM = 40.0
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
        y += max(LAYER_GAP, tallest + EDGE_ROOM)
    if current and positions:
        ox = sum(p[0] for p in current.values()) / len(current)
        oy = min(p[1] for p in current.values())
        positions = {n: (round(x + ox), round(y + oy)) for n, (x, y) in positions.items()}
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def room_for_insertion(
    positions: dict[str, tuple[float, float]],
    edges: Iterable[tuple[str, str]],
    src: str,
    inserted: str,
    dst: str,
) -> dict[str, tuple[float, float]]:
    """Moves that give a layer dropped on the edge src → dst a row of its own: it goes one row
    below ``src``, and ``dst`` with everything downstream of it moves down as far as needed,
    so nothing ends up on top of a neighbour. Empty when the edge already has room (or does not
    run downwards: a hand-made layout is left as it is)."""
    (sx, sy), (dx, dy) = positions[src], positions[dst]
    shortfall = 2 * LAYER_GAP - (dy - sy)
    if dy <= sy or shortfall <= 0:
        return {}
    children: dict[str, list[str]] = {}
    for a, b in edges:
        children.setdefault(a, []).append(b)
    below, stack = {dst}, [dst]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in below and child != inserted:
                below.add(child)
                stack.append(child)
    moves = {n: (positions[n][0], positions[n][1] + shortfall) for n in below}
    moves[inserted] = ((sx + dx) / 2, sy + LAYER_GAP)
    return moves
