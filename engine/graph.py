"""The network graph: layer nodes joined by edges, plain-Python events, JSON (de)serialisation.

No torch and no Qt: the editor edits this model through its public methods, views subscribe to
its events, and the analysis (shapes, issues) is recomputed lazily after each edit.
"""

from __future__ import annotations

import copy
import heapq
import keyword
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.layers import LAYERS, layer_spec
from engine.messages import QT_TRANSLATE_NOOP, Message, said
from engine.types import DataContext, GraphError

if TYPE_CHECKING:
    from engine.analysis import Analysis

GRAPH_SCHEMA_VERSION = 2
MAX_NODES = 2000  # far beyond any teaching network; bounds what a hostile file can make us do

EVENT_KINDS = (
    "node_added",
    "node_removed",
    "node_renamed",
    "node_moved",
    "param_changed",
    "trainable_changed",
    "edge_added",
    "edge_removed",
    "validity_changed",
    "context_changed",
    "reset",
)

_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
# Node names become torch attribute names (state_dict keys) and variables of the generated
# script, so they must not shadow nn.Module members or the script's own names.
_RESERVED_NAMES = frozenset(
    """
    T_destination add_module apply bfloat16 buffers call_super_init children compile cpu cuda
    double dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter
    get_submodule half ipu load_state_dict modules mtia named_buffers named_children
    named_modules named_parameters parameters register_backward_hook register_buffer
    register_forward_hook register_forward_pre_hook register_full_backward_hook
    register_full_backward_pre_hook register_load_state_dict_post_hook
    register_load_state_dict_pre_hook register_module register_parameter
    register_state_dict_post_hook register_state_dict_pre_hook requires_grad_ set_extra_state
    set_submodule share_memory state_dict to to_empty train training type xpu zero_grad self
    torch nn np F x inputs main
    """.split()  # noqa: SIM905 - a word list reads better than 60 quoted strings
)


@dataclass
class Node:
    id: str
    type: str
    name: str
    params: dict[str, Any]
    pos: tuple[float, float]
    # False: a frozen layer (transfer learning): training leaves its weights as they are.
    trainable: bool = True


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    dst_port: int = 0  # Add/Concatenate take ports 0..n-1; other layers only port 0


@dataclass(frozen=True)
class GraphEvent:
    kind: str
    node_id: str | None = None
    edge: Edge | None = None
    key: str | None = None
    value: Any = None


Listener = Callable[[GraphEvent], None]


def default_base_name(layer_type: str) -> str:
    return layer_type.lower()


def check_name(name: object) -> Message | None:
    """None if ``name`` may name a node, else why not (uniqueness is checked by the graph)."""
    if not isinstance(name, str) or not _NAME_RE.match(name):
        return Message(
            QT_TRANSLATE_NOOP(
                "Engine",
                "A layer name must start with a letter and use only letters, digits and '_' (at most 64 characters)",
            )
        )
    if keyword.iskeyword(name) or name in _RESERVED_NAMES:
        return Message(
            QT_TRANSLATE_NOOP("Engine", "'{name}' is reserved — choose another name"), name=name
        )
    return None


@dataclass
class Graph:
    """A directed acyclic graph of layers. Every edit goes through a method that emits events."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    context: DataContext | None = None
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)
    _analysis: Analysis | None = field(default=None, repr=False, compare=False)
    _signature: object = field(default=None, repr=False, compare=False)
    _depth: int = field(default=0, repr=False, compare=False)
    _next_id: int = field(default=1, repr=False, compare=False)

    # ------------------------------------------------------------ events and analysis

    def subscribe(self, fn: Listener, *, weak: bool = False) -> Callable[[], None]:
        """Call ``fn`` with every GraphEvent; returns a function that unsubscribes it. With
        ``weak`` (``fn`` a bound method) the graph does not keep ``fn``'s object alive: the
        subscription ends with the object. An object that holds the graph and subscribes
        strongly makes a reference cycle, which only the garbage collector frees, at a moment
        of its own (for a Qt object, inside whatever Qt is doing then)."""
        if weak:
            method = weakref.WeakMethod(fn)

            def listener(event: GraphEvent) -> None:
                target = method()
                if target is None:
                    unsubscribe()
                else:
                    target(event)

            fn = listener
        self._listeners.append(fn)

        def unsubscribe() -> None:
            if fn in self._listeners:
                self._listeners.remove(fn)

        return unsubscribe

    def _emit(self, event: GraphEvent) -> None:
        if event.kind not in ("node_moved", "validity_changed"):
            self._analysis = None  # a move changes no shape; everything else may
        for fn in list(self._listeners):
            fn(event)
        if self._depth == 0:
            self._check_validity()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group edits so that validity is checked (and announced) once, at the end."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._check_validity()

    def _check_validity(self) -> None:
        if not self._listeners and self._signature is None:
            return  # nobody listens: stay lazy
        a = self.analysis
        signature = (a.valid, tuple((i.node_id, i.message, i.severity) for i in a.issues))
        if signature != self._signature:
            first = self._signature is None
            self._signature = signature
            if not first or not a.valid:
                for fn in list(self._listeners):
                    fn(GraphEvent("validity_changed", value=a.valid))

    @property
    def analysis(self) -> Analysis:
        """Shapes, issues and counts of the current graph (cached until the next edit)."""
        if self._analysis is None:
            from engine.analysis import analyse

            self._analysis = analyse(self)
        return self._analysis

    # ------------------------------------------------------------ nodes

    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "There is no layer with id '{node_id}'"),
                node_id=node_id,
            ) from None

    def node_by_name(self, name: str) -> Node | None:
        return next((n for n in self.nodes.values() if n.name == name), None)

    def unique_name(self, layer_type: str) -> str:
        base = default_base_name(layer_type)
        taken = {n.name for n in self.nodes.values()}
        i = 1
        while f"{base}_{i}" in taken:
            i += 1
        return f"{base}_{i}"

    def _new_id(self) -> str:
        while f"n{self._next_id}" in self.nodes:
            self._next_id += 1
        node_id = f"n{self._next_id}"
        self._next_id += 1
        return node_id

    def add_node(
        self,
        type: str,
        params: dict[str, Any] | None = None,
        name: str | None = None,
        pos: tuple[float, float] = (0.0, 0.0),
        node_id: str | None = None,
        trainable: bool = True,
    ) -> Node:
        spec = layer_spec(type)
        if len(self.nodes) >= MAX_NODES:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "A network can have at most {maximum} layers"),
                maximum=MAX_NODES,
            )
        values = spec.defaults()
        for key, value in (params or {}).items():
            values[key] = self._validated(spec.type, name or type, key, value)
        if name is None:
            name = self.unique_name(type)
        else:
            self._check_new_name(name, None)
        if node_id is None:
            node_id = self._new_id()
        elif not isinstance(node_id, str) or not node_id or node_id in self.nodes:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "A layer with id '{node_id}' already exists"),
                node_id=node_id,
            )
        node = Node(node_id, type, name, values, _pos(pos), _trainable(trainable, name))
        self.nodes[node_id] = node
        self._emit(GraphEvent("node_added", node_id=node_id))
        return node

    def remove_node(self, node_id: str) -> None:
        self.node(node_id)
        with self.batch():
            for edge in [e for e in self.edges if node_id in (e.src, e.dst)]:
                self.disconnect(edge)
            del self.nodes[node_id]
            self._emit(GraphEvent("node_removed", node_id=node_id))

    def rename_node(self, node_id: str, name: str) -> None:
        node = self.node(node_id)
        if name == node.name:
            return
        self._check_new_name(name, node_id)
        node.name = name
        self._emit(GraphEvent("node_renamed", node_id=node_id, value=name))

    def _check_new_name(self, name: str, node_id: str | None) -> None:
        reason = check_name(name)
        if reason:
            raise GraphError(reason)
        other = self.node_by_name(name)
        if other is not None and other.id != node_id:
            raise GraphError(
                QT_TRANSLATE_NOOP(
                    "Engine", "Another layer is already called '{name}' — names must be unique"
                ),
                name=name,
            )

    def _validated(self, layer_type: str, node_name: str, key: str, value: Any) -> Any:
        spec = layer_spec(layer_type)
        try:
            pspec = spec.param(key)
        except KeyError:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "{layer} has no parameter '{key}'"),
                layer=spec.title,
                key=key,
            ) from None
        try:
            return pspec.validate(value)
        except ValueError as exc:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "{name}: {problem}"), name=node_name, problem=said(exc)
            ) from None

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        node = self.node(node_id)
        value = self._validated(node.type, node.name, key, value)
        if node.params.get(key) == value:
            return
        node.params[key] = value
        self._emit(GraphEvent("param_changed", node_id=node_id, key=key, value=value))

    def set_trainable(self, node_id: str, trainable: bool) -> None:
        """Freeze (False) or unfreeze a layer: a frozen layer's weights stay as they are."""
        node = self.node(node_id)
        trainable = _trainable(trainable, node.name)
        if node.trainable == trainable:
            return
        node.trainable = trainable
        self._emit(GraphEvent("trainable_changed", node_id=node_id, value=trainable))

    def move_node(self, node_id: str, x: float, y: float) -> None:
        node = self.node(node_id)
        node.pos = _pos((x, y))
        self._emit(GraphEvent("node_moved", node_id=node_id, value=node.pos))

    # ------------------------------------------------------------ edges

    def inputs_of(self, node_id: str) -> list[Edge]:
        return sorted((e for e in self.edges if e.dst == node_id), key=lambda e: e.dst_port)

    def outputs_of(self, node_id: str) -> list[Edge]:
        return [e for e in self.edges if e.src == node_id]

    def free_port(self, dst: str) -> int | None:
        spec = layer_spec(self.node(dst).type)
        taken = {e.dst_port for e in self.edges if e.dst == dst}
        port = 0
        while port in taken:
            port += 1
        if spec.max_inputs is not None and port >= spec.max_inputs:
            return None
        return port

    def can_connect(self, src: str, dst: str, dst_port: int = 0) -> Message | None:
        """None if the edge is allowed, else the plain-language reason."""
        if src not in self.nodes or dst not in self.nodes:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "Both ends of a connection must be layers of this network"
                )
            )
        if src == dst:
            return Message(QT_TRANSLATE_NOOP("Engine", "A layer cannot feed into itself"))
        s, d = self.nodes[src], self.nodes[dst]
        if s.type == "Output":
            return Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "Output is the end of the network — nothing can follow it"
                )
            )
        dspec = layer_spec(d.type)
        if d.type == "Input":
            return Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "The Input layer takes no input — it is where the data enters"
                )
            )
        if dspec.max_inputs == 0:
            return Message(QT_TRANSLATE_NOOP("Engine", "{layer} takes no input"), layer=dspec.title)
        if not isinstance(dst_port, int) or isinstance(dst_port, bool) or dst_port < 0:
            return Message(QT_TRANSLATE_NOOP("Engine", "An input port is a whole number from 0"))
        if dspec.max_inputs is not None and dst_port >= dspec.max_inputs:
            if dspec.max_inputs == 1:
                return Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "{layer} takes one input — use Add or Concatenate to merge"
                    ),
                    layer=dspec.title,
                )
            return Message(
                QT_TRANSLATE_NOOP("Engine", "{layer} takes at most {maximum} inputs"),
                layer=dspec.title,
                maximum=dspec.max_inputs,
            )
        if any(e.dst == dst and e.dst_port == dst_port for e in self.edges):
            if dspec.max_inputs == 1:
                return Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "'{name}' already has an input — use Add or Concatenate to merge branches",
                    ),
                    name=d.name,
                )
            return Message(
                QT_TRANSLATE_NOOP("Engine", "Input {port} of '{name}' is already connected"),
                port=dst_port,
                name=d.name,
            )
        if self._reaches(dst, src):
            return Message(
                QT_TRANSLATE_NOOP(
                    "Engine", "Connecting '{source}' to '{target}' would make a cycle"
                ),
                source=s.name,
                target=d.name,
            )
        return None

    def _reaches(self, start: str, goal: str) -> bool:
        stack, seen = [start], set()
        while stack:
            n = stack.pop()
            if n == goal:
                return True
            if n not in seen:
                seen.add(n)
                stack.extend(e.dst for e in self.edges if e.src == n)
        return False

    def connect(self, src: str, dst: str, dst_port: int = 0) -> Edge:
        reason = self.can_connect(src, dst, dst_port)
        if reason:
            raise GraphError(reason)
        edge = Edge(src, dst, dst_port)
        self.edges.append(edge)
        self._emit(GraphEvent("edge_added", edge=edge))
        return edge

    def disconnect(self, edge: Edge) -> None:
        if edge not in self.edges:
            raise GraphError(QT_TRANSLATE_NOOP("Engine", "That connection does not exist"))
        self.edges.remove(edge)
        self._emit(GraphEvent("edge_removed", edge=edge))

    def insert_on_edge(
        self,
        edge: Edge,
        type: str,
        params: dict[str, Any] | None = None,
    ) -> Node:
        """Drop a new layer onto an edge: src -> new -> dst, the new layer half-way between."""
        if edge not in self.edges:
            raise GraphError(QT_TRANSLATE_NOOP("Engine", "That connection does not exist"))
        spec = layer_spec(type)
        if type in ("Input", "Output") or spec.max_inputs == 0:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "{layer} cannot be inserted between two layers"),
                layer=spec.title,
            )
        a, b = self.nodes[edge.src].pos, self.nodes[edge.dst].pos
        with self.batch():
            node = self.add_node(type, params, pos=((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
            self.disconnect(edge)
            self.connect(edge.src, node.id, 0)
            self.connect(node.id, edge.dst, edge.dst_port)
        return node

    # ------------------------------------------------------------ order and context

    def topological_order(self) -> list[str]:
        """Node ids, each after all its inputs (insertion order breaks ties); nodes on a cycle
        are left out."""
        rank = {n: i for i, n in enumerate(self.nodes)}
        indegree = dict.fromkeys(self.nodes, 0)
        successors: dict[str, list[str]] = {n: [] for n in self.nodes}
        for e in self.edges:
            indegree[e.dst] += 1
            successors[e.src].append(e.dst)
        ready = [(rank[n], n) for n, d in indegree.items() if d == 0]
        heapq.heapify(ready)
        order: list[str] = []
        while ready:
            _, n = heapq.heappop(ready)
            order.append(n)
            for dst in successors[n]:
                indegree[dst] -= 1
                if indegree[dst] == 0:
                    heapq.heappush(ready, (rank[dst], dst))
        return order

    def set_context(self, ctx: DataContext | None) -> None:
        self.context = ctx
        self._emit(GraphEvent("context_changed", value=ctx))

    def input_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.type == "Input"]

    def output_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.type == "Output"]

    # ------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": GRAPH_SCHEMA_VERSION, **self._dump(self.nodes)}

    def _dump(self, ids: Iterable[str]) -> dict[str, Any]:
        keep = set(ids)
        return {
            "nodes": [
                {
                    "id": n.id,
                    "type": n.type,
                    "name": n.name,
                    "params": {k: _jsonable(v) for k, v in n.params.items()},
                    "pos": [n.pos[0], n.pos[1]],
                    # Written only when frozen: files of trainable networks stay as they were.
                    **({} if n.trainable else {"trainable": False}),
                }
                for n in self.nodes.values()
                if n.id in keep
            ],
            "edges": [
                {"src": e.src, "dst": e.dst, "port": e.dst_port}
                for e in self.edges
                if e.src in keep and e.dst in keep
            ],
        }

    @classmethod
    def from_dict(cls, d: Any) -> Graph:
        graph = cls()
        graph.load_dict(d)
        return graph

    def load_dict(self, d: Any) -> None:
        """Replace the content with a serialised graph (checked fully first); emits "reset"."""
        nodes, edges = parse_graph_dict(d)
        self.nodes = {n.id: n for n in nodes}
        self.edges = edges
        self._next_id = 1
        self._emit(GraphEvent("reset"))

    def copy_nodes(self, node_ids: Iterable[str]) -> dict[str, Any]:
        """The selected layers and the edges between them, as plain JSON-able data."""
        return copy.deepcopy(self._dump(node_ids))

    def paste(self, data: dict[str, Any], offset: tuple[float, float] = (40.0, 40.0)) -> list[str]:
        """Add copied layers with fresh ids and unique names, shifted by ``offset``."""
        nodes, edges = parse_graph_dict({"schema_version": GRAPH_SCHEMA_VERSION, **data})
        mapping: dict[str, str] = {}
        with self.batch():
            for n in nodes:
                name = n.name if self.node_by_name(n.name) is None else self.unique_name(n.type)
                pos = (n.pos[0] + offset[0], n.pos[1] + offset[1])
                mapping[n.id] = self.add_node(
                    n.type, n.params, name=name, pos=pos, trainable=n.trainable
                ).id
            for e in edges:
                src, dst = mapping[e.src], mapping[e.dst]
                if self.can_connect(src, dst, e.dst_port) is None:
                    self.connect(src, dst, e.dst_port)
        return list(mapping.values())


MAX_COORDINATE = 1e6


def _pos(pos: Any) -> tuple[float, float]:
    try:
        x, y = float(pos[0]), float(pos[1])
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "A layer position must be two numbers")
        ) from None
    # Far beyond any canvas a person arranges; Qt's view crashes fitting coordinates near 1e308.
    if not (abs(x) <= MAX_COORDINATE and abs(y) <= MAX_COORDINATE):
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "Engine", "A layer position must be two numbers from {low:g} to {high:g}, not {pos}"
            ),
            low=-MAX_COORDINATE,
            high=MAX_COORDINATE,
            pos=repr(pos)[:60],
        )
    return (x, y)


def _trainable(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "{name}: trainable must be true or false"), name=name
        )
    return value


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _migrate(d: dict[str, Any]) -> dict[str, Any]:
    """Bring an older graph document up to the current schema."""
    version = d.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network description has no valid schema_version")
        )
    if version > GRAPH_SCHEMA_VERSION:
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "This network was saved by a newer NetCanvas (graph schema {version}); this version reads up to {supported} — update NetCanvas",
            ),
            version=version,
            supported=GRAPH_SCHEMA_VERSION,
        )
    if version == 1:
        # Schema 1 kept positions as "x"/"y" and edges as [src, dst, port] lists.
        d = dict(d)
        d["nodes"] = [
            {**n, "pos": [n.get("x", 0.0), n.get("y", 0.0)]} if isinstance(n, dict) else n
            for n in _list(d.get("nodes", []), "nodes")
        ]
        d["edges"] = [
            {"src": e[0], "dst": e[1], "port": e[2] if len(e) > 2 else 0}
            if isinstance(e, list) and len(e) >= 2
            else e
            for e in _list(d.get("edges", []), "edges")
        ]
    return d


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network's {what} must be a list"), what=what
        )
    return value


def parse_graph_dict(d: Any) -> tuple[list[Node], list[Edge]]:
    """Check a serialised graph thoroughly and return its nodes and edges (GraphError if bad)."""
    if not isinstance(d, dict):
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network description must be a JSON object")
        )
    d = _migrate(d)
    raw_nodes = _list(d.get("nodes", []), "nodes")
    if len(raw_nodes) > MAX_NODES:
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network has more than {maximum} layers"),
            maximum=MAX_NODES,
        )
    nodes: dict[str, Node] = {}
    names: set[str] = set()
    for i, raw in enumerate(raw_nodes):
        if not isinstance(raw, dict):
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "Layer {number} of the network is not an object"),
                number=i + 1,
            )
        node_id, layer_type, name = raw.get("id"), raw.get("type"), raw.get("name")
        if not isinstance(node_id, str) or not node_id or len(node_id) > 64 or node_id in nodes:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "Layer {number} has a missing or duplicate id"),
                number=i + 1,
            )
        if not isinstance(layer_type, str) or layer_type not in LAYERS:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "Layer {number} has an unknown type '{layer_type}'"),
                number=i + 1,
                layer_type=layer_type,
            )
        reason = check_name(name)
        if reason:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "Layer {number}: {reason}"), number=i + 1, reason=reason
            )
        assert isinstance(name, str)
        if name in names:
            raise GraphError(
                QT_TRANSLATE_NOOP(
                    "Engine", "Two layers are called '{name}' — names must be unique"
                ),
                name=name,
            )
        names.add(name)
        spec = LAYERS[layer_type]
        values = spec.defaults()
        raw_params = raw.get("params", {})
        if not isinstance(raw_params, dict):
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "The parameters of '{name}' must be an object"),
                name=name,
            )
        for pspec in spec.params:
            if pspec.name in raw_params:
                try:
                    values[pspec.name] = pspec.validate(raw_params[pspec.name])
                except ValueError as exc:
                    raise GraphError(
                        QT_TRANSLATE_NOOP("Engine", "{name}: {problem}"),
                        name=name,
                        problem=said(exc),
                    ) from None
        nodes[node_id] = Node(
            node_id,
            layer_type,
            name,
            values,
            _pos(raw.get("pos", (0, 0))),
            _trainable(raw.get("trainable", True), name),  # older files: every layer trains
        )
    edges: list[Edge] = []
    for raw in _list(d.get("edges", []), "edges"):
        if not isinstance(raw, dict):
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "A connection of the network is not an object")
            )
        src, dst, port = raw.get("src"), raw.get("dst"), raw.get("port", 0)
        # A list or an object as an id is no layer (and cannot be looked up: unhashable).
        if (
            not isinstance(src, str)
            or not isinstance(dst, str)
            or src not in nodes
            or dst not in nodes
        ):
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "A connection refers to a layer that does not exist")
            )
        if nodes[src].type == "Output":
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "'{name}' is an Output and cannot feed another layer"),
                name=nodes[src].name,
            )
        spec = LAYERS[nodes[dst].type]
        if isinstance(port, bool) or not isinstance(port, int) or port < 0:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "A connection into '{name}' has an invalid port"),
                name=nodes[dst].name,
            )
        if spec.max_inputs is not None and port >= spec.max_inputs:
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "'{name}' cannot take an input on port {port}"),
                name=nodes[dst].name,
                port=port,
            )
        edge = Edge(src, dst, port)
        if any(e.dst == dst and e.dst_port == port for e in edges):
            raise GraphError(
                QT_TRANSLATE_NOOP("Engine", "Two connections share input {port} of '{name}'"),
                port=port,
                name=nodes[dst].name,
            )
        edges.append(edge)
    return list(nodes.values()), edges
