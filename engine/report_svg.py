"""SVG drawings for the lab report: the network diagram and line charts, as plain strings.

No plotting library: the report must be one self-contained file that opens in any browser, and
the engine must not depend on Qt or matplotlib. Every text that came from a user is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from engine.layers import CATEGORY_COLOURS, FALLBACK_COLOUR, LAYERS, fmt_shape

if TYPE_CHECKING:
    from engine.graph import Graph

ERROR_COLOUR = "#c62828"
# Okabe-Ito: distinguishable with the common colour-vision deficiencies, like the live plots.
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#999999")

# Presentation attributes rather than CSS classes: the SVG looks the same when copied out of
# the report into another document or opened on its own.
_STYLE = {
    "name": 'font-size="12.5" font-weight="600" fill="#1f2328"',
    "detail": 'font-size="11" fill="#57606a"',
    "shape": 'font-size="10" fill="#6e7781"',
    "error": f'font-size="15" fill="{ERROR_COLOUR}"',
    "title": 'font-size="12.5" font-weight="600" fill="#1f2328"',
    "tick": 'font-size="10.5" fill="#57606a"',
    "axis": 'font-size="11" fill="#57606a"',
    "legend": 'font-size="11" fill="#1f2328"',
}
_SVG_ROOT = 'xmlns="http://www.w3.org/2000/svg" font-family="Segoe UI, Noto Sans, sans-serif"'

BOX_W, BOX_H = 236.0, 58.0
GAP_X, GAP_Y = 36.0, 44.0
MARGIN = 16.0
LANE_GAP = 16.0


def _fmt(value: float) -> str:
    """A coordinate with two decimals at most (keeps the file small and diff-friendly)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the network ---------------------------------------------------------------------------------


def _depths(graph: Graph, order: list[str]) -> dict[str, int]:
    """Longest path from a source, so each layer sits below everything that feeds it."""
    depth: dict[str, int] = {}
    for node_id in order:
        sources = [e.src for e in graph.inputs_of(node_id) if e.src in depth]
        depth[node_id] = max((depth[s] + 1 for s in sources), default=0)
    return depth


def _positions(graph: Graph, order: list[str]) -> tuple[dict[str, tuple[float, float]], float]:
    """Top-left corner of each box and the drawing's width: rows by depth, and within a row
    the left-to-right order the user gave the nodes on the canvas."""
    depth = _depths(graph, order)
    rows: dict[int, list[str]] = {}
    for node_id in order:
        rows.setdefault(depth[node_id], []).append(node_id)
    widest = max((len(r) for r in rows.values()), default=1)
    width = 2 * MARGIN + widest * BOX_W + (widest - 1) * GAP_X
    positions: dict[str, tuple[float, float]] = {}
    for level, ids in rows.items():
        ids.sort(key=lambda n: graph.nodes[n].pos[0])
        row_width = len(ids) * BOX_W + (len(ids) - 1) * GAP_X
        left = (width - row_width) / 2
        for i, node_id in enumerate(ids):
            positions[node_id] = (left + i * (BOX_W + GAP_X), MARGIN + level * (BOX_H + GAP_Y))
    return positions, width


def network_svg(graph: Graph) -> str:
    """The network as boxes (name, layer type, output shape, parameters) joined by arrows that
    carry the tensor shape; layers with an error get a red outline, unused ones are faded."""
    order = graph.topological_order()
    if not order:
        return '<p class="muted">The network is empty.</p>'
    analysis = graph.analysis
    positions, width = _positions(graph, order)
    height = max(y for _, y in positions.values()) + BOX_H + MARGIN
    edges: list[str] = []
    lanes = 0  # edges that skip rows run down lanes to the right of the boxes
    for edge in graph.edges:
        if edge.src not in positions or edge.dst not in positions:
            continue
        (sx, sy), (dx, dy) = positions[edge.src], positions[edge.dst]
        if dy - sy > BOX_H + GAP_Y + 1:
            lane = width - MARGIN + LANE_GAP * (lanes + 1)
            lanes += 1
            edges.append(
                _skip_edge((sx + BOX_W, sy + BOX_H / 2), (dx + BOX_W, dy + BOX_H / 2), lane)
            )
            continue
        info = analysis.nodes.get(edge.src)
        shape = fmt_shape(info.output_shape) if info and info.output_shape else ""
        ports = max(1, len(graph.inputs_of(edge.dst)))
        start = (sx + BOX_W / 2, sy + BOX_H)
        end = (dx + BOX_W * (edge.dst_port + 1) / (ports + 1), dy)
        edges.append(_edge(start, end, shape))
    width += LANE_GAP * lanes
    parts = [
        f'<svg {_SVG_ROOT} class="network" role="img" '
        f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" height="{_fmt(height)}">',
        "<title>Network diagram</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker></defs>',
        *edges,
        *(_box(graph, node_id, positions[node_id]) for node_id in order),
        "</svg>",
    ]
    return "\n".join(parts)


_LINE = 'fill="none" stroke="#555" stroke-width="1.4" marker-end="url(#arrow)"'


def _edge(start: tuple[float, float], end: tuple[float, float], shape: str) -> str:
    (x1, y1), (x2, y2) = start, end
    out = f'<path d="M{_fmt(x1)},{_fmt(y1)} L{_fmt(x2)},{_fmt(y2)}" {_LINE}/>'
    if shape:
        label_x, label_y = (x1 + x2) / 2 + 6, (y1 + y2) / 2 + 4
        out += f'<text x="{_fmt(label_x)}" y="{_fmt(label_y)}" {_STYLE["shape"]}>{escape(shape)}</text>'
    return out


def _skip_edge(start: tuple[float, float], end: tuple[float, float], lane: float) -> str:
    """Right side of the source, across to its lane, down, back into the target's right side."""
    (x1, y1), (x2, y2) = start, end
    path = f"M{_fmt(x1)},{_fmt(y1)} H{_fmt(lane)} V{_fmt(y2)} H{_fmt(x2)}"
    return f'<path d="{path}" {_LINE} stroke-linejoin="round"/>'


def _box(graph: Graph, node_id: str, pos: tuple[float, float]) -> str:
    node = graph.nodes[node_id]
    analysis = graph.analysis
    info = analysis.nodes.get(node_id)
    spec = LAYERS.get(node.type)
    colour = CATEGORY_COLOURS.get(spec.category, FALLBACK_COLOUR) if spec else FALLBACK_COLOUR
    errors = [i.message for i in analysis.issues_for(node_id) if i.severity == "error"]
    shape = fmt_shape(info.output_shape) if info and info.output_shape is not None else "?"
    params = info.params if info else 0
    x, y = pos
    faded = ' opacity="0.5"' if analysis.used and node_id not in analysis.used else ""
    outline = (
        f'stroke="{ERROR_COLOUR}" stroke-width="2.5" stroke-dasharray="6 3"'
        if errors
        else 'stroke="#8a8f98" stroke-width="1"'
    )
    tooltip = f"{node.name} ({node.type}) → {shape}, {params:,} parameters"
    if errors:
        tooltip += " — " + "; ".join(errors)
    detail = f"{node.type} → {shape}"
    lines = [
        f'<g class="layer"{faded}><title>{escape(tooltip)}</title>',
        f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(BOX_W)}" height="{_fmt(BOX_H)}" rx="8" '
        f'fill="#ffffff" {outline}/>',
        f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="6" height="{_fmt(BOX_H)}" rx="3" fill="{colour}"/>',
        f'<text x="{_fmt(x + 14)}" y="{_fmt(y + 19)}" {_STYLE["name"]}>{escape(_clip(node.name, 28))}</text>',
        f'<text x="{_fmt(x + 14)}" y="{_fmt(y + 36)}" {_STYLE["detail"]}>{escape(_clip(detail, 34))}</text>',
        f'<text x="{_fmt(x + 14)}" y="{_fmt(y + 51)}" {_STYLE["detail"]}>{params:,} parameters</text>',
    ]
    if errors:
        lines.append(
            f'<text x="{_fmt(x + BOX_W - 16)}" y="{_fmt(y + 19)}" {_STYLE["error"]}>⚠</text>'
        )
    lines.append("</g>")
    return "\n".join(lines)


# -- line charts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str
    dashed: bool = False


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values (1, 2 or 5 × 10^k apart) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 12))
        value += step
    return ticks


def _finite(values: Sequence[float]) -> list[float]:
    return [float(v) for v in values if math.isfinite(float(v))]


def line_chart_svg(
    series: Sequence[Series],
    title: str,
    x_label: str = "epoch",
    width: float = 520.0,
    height: float = 260.0,
) -> str:
    """Curves against 1, 2, 3, … (epochs); non-finite values leave a gap in their curve."""
    finite = [v for s in series for v in _finite(s.values)]
    length = max((len(s.values) for s in series), default=0)
    if not finite or length == 0:
        return f'<p class="muted">{escape(title)}: no values recorded.</p>'
    left, right, top, bottom = 58.0, 14.0, 30.0, 42.0
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = min(finite), max(finite)
    if high - low < 1e-12:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    y_ticks = nice_ticks(low, high)
    low, high = min(low, *y_ticks), max(high, *y_ticks)
    x_max = max(2, length)

    def sx(i: float) -> float:
        return left + (i - 1) / (x_max - 1) * plot_w

    def sy(v: float) -> float:
        return top + (high - v) / (high - low) * plot_h

    out = [
        f'<svg {_SVG_ROOT} class="chart" role="img" '
        f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" height="{_fmt(height)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{_fmt(left)}" y="18" {_STYLE["title"]}>{escape(title)}</text>',
    ]
    for tick in y_ticks:
        y = sy(tick)
        out.append(
            f'<line x1="{_fmt(left)}" x2="{_fmt(left + plot_w)}" y1="{_fmt(y)}" y2="{_fmt(y)}" '
            'stroke="#e6e8eb"/>'
            f'<text x="{_fmt(left - 6)}" y="{_fmt(y + 4)}" {_STYLE["tick"]} text-anchor="end">'
            f"{tick:.4g}</text>"
        )
    for tick in nice_ticks(1, x_max, 6):
        if float(tick).is_integer():
            x = sx(tick)
            out.append(
                f'<text x="{_fmt(x)}" y="{_fmt(top + plot_h + 16)}" {_STYLE["tick"]} '
                f'text-anchor="middle">{int(tick)}</text>'
            )
    out.append(
        f'<rect x="{_fmt(left)}" y="{_fmt(top)}" width="{_fmt(plot_w)}" height="{_fmt(plot_h)}" '
        'fill="none" stroke="#8a8f98"/>'
        f'<text x="{_fmt(left + plot_w / 2)}" y="{_fmt(height - 6)}" {_STYLE["axis"]} '
        f'text-anchor="middle">{escape(x_label)}</text>'
    )
    for index, s in enumerate(series):
        out.extend(_curve(s, sx, sy))
        legend_x = left + plot_w - 150
        legend_y = top + 14 + index * 16
        dash = ' stroke-dasharray="5 3"' if s.dashed else ""
        out.append(
            f'<line x1="{_fmt(legend_x)}" x2="{_fmt(legend_x + 18)}" y1="{_fmt(legend_y - 4)}" '
            f'y2="{_fmt(legend_y - 4)}" stroke="{s.colour}" stroke-width="2.2"{dash}/>'
            f'<text x="{_fmt(legend_x + 24)}" y="{_fmt(legend_y)}" {_STYLE["legend"]}>'
            f"{escape(_clip(s.name, 22))}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _curve(s: Series, sx: Callable[[float], float], sy: Callable[[float], float]) -> list[str]:
    segments: list[list[str]] = [[]]
    for i, value in enumerate(s.values, start=1):
        if math.isfinite(float(value)):
            segments[-1].append(f"{_fmt(sx(i))},{_fmt(sy(float(value)))}")
        elif segments[-1]:
            segments.append([])
    dash = ' stroke-dasharray="5 3"' if s.dashed else ""
    out = []
    for points in segments:
        if len(points) > 1:
            out.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{s.colour}" '
                f'stroke-width="2"{dash}/>'
            )
        if len(s.values) <= 40 or len(points) == 1:
            out.extend(
                f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="2.6" fill="{s.colour}"/>'
                for p in points
            )
    return out


def xy_chart_svg(
    curves: Sequence[tuple[str, Sequence[float], Sequence[float]]],
    title: str,
    x_label: str,
    y_label: str,
    diagonal: bool = False,
    size: float = 300.0,
) -> str:
    """Curves on the unit square (ROC, precision–recall): ``(name, xs, ys)`` each, up to ten,
    with an optional chance diagonal."""
    left, right, top, bottom = 46.0, 150.0, 30.0, 40.0
    side = size - top - bottom
    width = left + side + right

    def point(x: float, y: float) -> str:
        return f"{_fmt(left + x * side)},{_fmt(top + (1 - y) * side)}"

    out = [
        f'<svg {_SVG_ROOT} class="chart" role="img" viewBox="0 0 {_fmt(width)} {_fmt(size)}" '
        f'width="{_fmt(width)}" height="{_fmt(size)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{_fmt(left)}" y="18" {_STYLE["title"]}>{escape(title)}</text>',
        f'<rect x="{_fmt(left)}" y="{_fmt(top)}" width="{_fmt(side)}" height="{_fmt(side)}" '
        'fill="none" stroke="#8a8f98"/>',
    ]
    for tick in (0.0, 0.5, 1.0):
        out.append(
            f'<text x="{_fmt(left + tick * side)}" y="{_fmt(top + side + 14)}" '
            f'{_STYLE["tick"]} text-anchor="middle">{tick:g}</text>'
            f'<text x="{_fmt(left - 6)}" y="{_fmt(top + (1 - tick) * side + 4)}" '
            f'{_STYLE["tick"]} text-anchor="end">{tick:g}</text>'
        )
    out.append(
        f'<text x="{_fmt(left + side / 2)}" y="{_fmt(size - 6)}" {_STYLE["axis"]} '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text x="12" y="{_fmt(top + side / 2)}" {_STYLE["axis"]} text-anchor="middle" '
        f'transform="rotate(-90 12 {_fmt(top + side / 2)})">{escape(y_label)}</text>'
    )
    if diagonal:
        out.append(
            f'<polyline points="{point(0, 0)} {point(1, 1)}" fill="none" stroke="#999999" '
            'stroke-dasharray="4 3"/>'
        )
    for index, (name, xs, ys) in enumerate(curves[:10]):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        dash = ' stroke-dasharray="5 3"' if index >= len(SERIES_COLOURS) else ""
        points = " ".join(
            point(float(x), float(y))
            for x, y in zip(xs, ys, strict=False)
            if math.isfinite(float(x)) and math.isfinite(float(y))
        )
        legend_y = top + 10 + index * 15
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.8"{dash}/>'
            f'<line x1="{_fmt(left + side + 12)}" x2="{_fmt(left + side + 28)}" '
            f'y1="{_fmt(legend_y - 4)}" y2="{_fmt(legend_y - 4)}" stroke="{colour}" '
            f'stroke-width="2.2"{dash}/>'
            f'<text x="{_fmt(left + side + 32)}" y="{_fmt(legend_y)}" {_STYLE["legend"]}>'
            f"{escape(_clip(name, 20))}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
