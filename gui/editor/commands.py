"""Undoable edits. Every command changes only the engine graph; the scene redraws from its events.

Small commands (add, connect, rename, parameter, move) call the one graph method they mirror.
Compound edits whose effect the engine decides (paste, a one-click fix, insert on an edge, tidy
layout, delete) are recorded as a ``DiffCommand``: the state before and after, replayed with
precise graph operations, so the scene updates item by item instead of being rebuilt.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from engine import GraphError
from gui.editor._text import tr
from gui.i18n import engine_text

if TYPE_CHECKING:
    from engine import Edge, Graph

# Command ids for QUndoCommand.mergeWith; -1 (the default) means "never merge".
MOVE_ID = 1
PARAM_ID = 2


class ErrorSink:
    """Collects the refusal of a command's first redo (Qt drops a command made obsolete then)."""

    def __init__(self) -> None:
        self.message: str | None = None


class GraphCommand(QUndoCommand):
    """Base: a command that refuses cleanly. A GraphError in the first redo is recorded in the
    sink and the command marks itself obsolete, so QUndoStack.push discards it."""

    def __init__(self, text: str, graph: Graph, sink: ErrorSink | None = None) -> None:
        super().__init__(text)
        self.graph = graph
        self._sink = sink

    def _refuse(self, error: GraphError) -> None:
        if self._sink is not None:
            self._sink.message = engine_text(error)
        self.setObsolete(True)


@dataclass(frozen=True)
class NodeState:
    type: str
    name: str
    params: dict[str, Any]
    pos: tuple[float, float]
    trainable: bool = True


@dataclass(frozen=True)
class GraphState:
    """What the editor can restore: every node and every edge (cheap to take for 200 nodes)."""

    nodes: dict[str, NodeState]
    edges: frozenset[tuple[str, str, int]]

    @classmethod
    def capture(cls, graph: Graph) -> GraphState:
        nodes = {
            nid: NodeState(
                n.type, n.name, dict(n.params), (float(n.pos[0]), float(n.pos[1])), n.trainable
            )
            for nid, n in graph.nodes.items()
        }
        edges = frozenset((e.src, e.dst, e.dst_port) for e in graph.edges)
        return cls(nodes, edges)

    def apply_to(self, graph: Graph) -> None:
        """Turn ``graph`` into this state with the fewest graph operations."""
        with batched(graph):
            self._apply_to(graph)

    def _apply_to(self, graph: Graph) -> None:
        target_edges = self.edges
        for edge in list(graph.edges):
            ends = (edge.src, edge.dst, edge.dst_port)
            gone = edge.src not in self.nodes or edge.dst not in self.nodes
            if ends not in target_edges or gone:
                graph.disconnect(edge)
        for nid in list(graph.nodes):
            node = graph.nodes[nid]
            target = self.nodes.get(nid)
            if target is None or target.type != node.type:
                graph.remove_node(nid)
        for nid, st in self.nodes.items():
            node = graph.nodes.get(nid)
            if node is None:
                graph.add_node(
                    st.type,
                    dict(st.params),
                    name=st.name,
                    pos=st.pos,
                    node_id=nid,
                    trainable=st.trainable,
                )
                continue
            if node.name != st.name:
                graph.rename_node(nid, st.name)
            for key, wanted in st.params.items():
                if node.params.get(key) != wanted:
                    graph.set_param(nid, key, wanted)
            if tuple(node.pos) != tuple(st.pos):
                graph.move_node(nid, st.pos[0], st.pos[1])
            if node.trainable != st.trainable:
                graph.set_trainable(nid, st.trainable)
        present = {(e.src, e.dst, e.dst_port) for e in graph.edges}
        for src, dst, port in sorted(target_edges - present, key=lambda k: (k[1], k[2])):
            graph.connect(src, dst, port)


def batched(graph: Graph) -> contextlib.AbstractContextManager[Any]:
    """The graph's batch() (validity checked once for many operations) where it has one."""
    batch = getattr(graph, "batch", None)
    return batch() if batch is not None else contextlib.nullcontext()


class DiffCommand(GraphCommand):
    """An edit already applied to the graph, undone and redone by restoring the two states."""

    def __init__(self, text: str, graph: Graph, before: GraphState, after: GraphState) -> None:
        super().__init__(text, graph)
        self._before = before
        self._after = after
        self._applied = True  # the edit happened before the push; the first redo does nothing

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._after.apply_to(self.graph)

    def undo(self) -> None:
        self._before.apply_to(self.graph)


class AddNodeCommand(GraphCommand):
    def __init__(
        self,
        graph: Graph,
        layer_type: str,
        pos: tuple[float, float],
        params: dict[str, Any] | None = None,
        sink: ErrorSink | None = None,
    ) -> None:
        super().__init__("", graph, sink)
        self.layer_type = layer_type
        self._pos = pos
        self._params = params
        self.node_id: str | None = None
        self._name: str | None = None

    def redo(self) -> None:
        try:
            node = self.graph.add_node(
                self.layer_type, self._params, name=self._name, pos=self._pos, node_id=self.node_id
            )
        except GraphError as error:
            self._refuse(error)
            return
        # Redo after undo must give the same id and name: later commands refer to them.
        self.node_id = node.id
        self._name = node.name
        self.setText(tr("Add %s") % node.name)

    def undo(self) -> None:
        if self.node_id is not None and self.node_id in self.graph.nodes:
            self.graph.remove_node(self.node_id)


class ConnectCommand(GraphCommand):
    def __init__(
        self, graph: Graph, src: str, dst: str, dst_port: int, sink: ErrorSink | None = None
    ) -> None:
        super().__init__(tr("Connect"), graph, sink)
        self._args = (src, dst, dst_port)
        self._edge: Edge | None = None

    def redo(self) -> None:
        try:
            self._edge = self.graph.connect(*self._args)
        except GraphError as error:
            self._refuse(error)

    def undo(self) -> None:
        if self._edge is not None:
            self.graph.disconnect(self._edge)


class RenameCommand(GraphCommand):
    def __init__(
        self, graph: Graph, node_id: str, name: str, sink: ErrorSink | None = None
    ) -> None:
        super().__init__(tr("Rename to %s") % name, graph, sink)
        self._node_id = node_id
        self._old = graph.nodes[node_id].name
        self._new = name

    def redo(self) -> None:
        try:
            self.graph.rename_node(self._node_id, self._new)
        except GraphError as error:
            self._refuse(error)

    def undo(self) -> None:
        self.graph.rename_node(self._node_id, self._old)


class SetParamCommand(GraphCommand):
    """One parameter change; repeated changes of the same parameter merge (spin box clicks)."""

    def __init__(
        self, graph: Graph, node_id: str, key: str, value: Any, sink: ErrorSink | None = None
    ) -> None:
        super().__init__(tr("Set %s") % key, graph, sink)
        self.node_id = node_id
        self.key = key
        self.old = graph.nodes[node_id].params.get(key)
        self.new = value

    def id(self) -> int:
        return PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParamCommand):
            return False
        if (other.node_id, other.key) != (self.node_id, self.key):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        try:
            self.graph.set_param(self.node_id, self.key, self.new)
        except GraphError as error:
            self._refuse(error)
            return
        # The graph may normalise the value (a list becomes a tuple); remember what it kept.
        self.new = self.graph.nodes[self.node_id].params.get(self.key)

    def undo(self) -> None:
        self.graph.set_param(self.node_id, self.key, self.old)


class MoveNodesCommand(GraphCommand):
    """Moves of several nodes; the steps of one drag (same ``drag_id``) merge into one command.
    A negative ``drag_id`` never merges."""

    def __init__(
        self,
        graph: Graph,
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]],
        drag_id: int,
    ) -> None:
        super().__init__(tr("Move %s") % _name(graph, moves), graph)
        self.moves = dict(moves)
        self.drag_id = drag_id

    def id(self) -> int:
        return MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodesCommand) or other.drag_id != self.drag_id:
            return False
        if self.drag_id < 0:  # a move on its own (keyboard, scripted): its own undo step
            return False
        for nid, (old, new) in other.moves.items():
            first = self.moves.get(nid, (old, new))[0]
            self.moves[nid] = (first, new)
        return True

    def redo(self) -> None:
        self._apply(1)

    def undo(self) -> None:
        self._apply(0)

    def _apply(self, which: int) -> None:
        for nid, pair in self.moves.items():
            if nid in self.graph.nodes:
                x, y = pair[which]
                self.graph.move_node(nid, x, y)


def _name(graph: Graph, moves: dict[str, Any]) -> str:
    if len(moves) != 1:
        return tr("%d layers") % len(moves)
    nid = next(iter(moves))
    node = graph.nodes.get(nid)
    return node.name if node is not None else nid
