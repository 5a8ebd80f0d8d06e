"""Live checking: shape inference, issues with one-click fixes, parameters, MACs and memory.

Pure Python arithmetic over the layer library's shape rules (no torch), so it runs on every
edit: well under a millisecond per layer. The property tests check that every inferred shape
equals what the built torch module produces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.layers import LAYERS, FixSpec, ShapeProblem, TensorType, fmt_shape
from engine.layers.rules import input_shape
from engine.layers.spec import layer_title
from engine.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from engine.graph import Graph
    from engine.types import DataContext


@dataclass
class Fix:
    """A one-click repair: ``apply`` edits the graph through its public methods. ``label`` is
    a ``Message`` (English; ``engine.messages.render_message`` translates it)."""

    label: str
    apply: Callable[[Graph], None]


@dataclass
class Issue:
    """A problem of the network, on one layer (``node_id``) or the whole. ``message`` is a
    ``Message``: the English sentence, with its template and values for an interface."""

    node_id: str | None
    message: str
    fix: Fix | None = None
    severity: str = "error"  # "error" blocks building; "warning" does not


@dataclass
class NodeInfo:
    """Per sample, no batch axis. ``output_shape`` is None where it cannot be known."""

    output_shape: tuple[int, ...] | None
    params: int
    macs: int
    tokens: bool = False  # the output holds token ids (int64)


@dataclass
class Analysis:
    nodes: dict[str, NodeInfo]
    issues: list[Issue]
    valid: bool
    total_params: int
    total_macs: int
    used: frozenset[str] = frozenset()  # nodes on a path from the Input to the Output
    activation_elements: int = 0  # per sample, over the used nodes (incl. the input)
    frozen_params: int = 0  # of total_params, those in frozen layers (training keeps them)
    _by_node: dict[str | None, list[Issue]] = field(default_factory=dict, repr=False)

    def issues_for(self, node_id: str | None) -> list[Issue]:
        if not self._by_node:
            for issue in self.issues:
                self._by_node.setdefault(issue.node_id, []).append(issue)
        return list(self._by_node.get(node_id, []))

    @property
    def trainable_params(self) -> int:
        return self.total_params - self.frozen_params

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    def memory_bytes(self, batch_size: int) -> int:
        """A rough float32 training-memory estimate: weights, gradients and two Adam moments
        (4 copies of the parameters) plus every activation kept for the backward pass and its
        gradient (2 copies per sample). Frozen parameters have no gradient and no moments."""
        weights = self.total_params + 3 * self.trainable_params
        return 4 * (weights + 2 * batch_size * self.activation_elements)


def _fix(node_id: str, spec: FixSpec, ctx: DataContext | None) -> Fix:
    def apply(graph: Graph) -> None:
        with graph.batch():
            for action in spec.actions:
                if action.op == "set":
                    graph.set_param(node_id, action.key, action.value)
                    continue
                params = dict(action.value or {})
                if action.key == "Embedding" and ctx is not None and ctx.vocab_size:
                    params["vocab_size"] = ctx.vocab_size
                edge = next(e for e in graph.inputs_of(node_id) if e.dst_port == action.port)
                graph.insert_on_edge(edge, action.key, params)

    return Fix(spec.label, apply)


def analyse(graph: Graph) -> Analysis:
    """Infer every node's output shape and collect issues, in topological order."""
    ctx = graph.context
    issues: list[Issue] = []
    infos: dict[str, NodeInfo] = {}
    order = graph.topological_order()
    for node_id in graph.nodes.keys() - set(order):
        name = graph.nodes[node_id].name
        cycle = QT_TRANSLATE_NOOP(
            "Engine", "'{name}' is part of a cycle — remove one of its connections"
        )
        issues.append(Issue(node_id, Message(cycle, name=name)))
    issues.extend(_io_issues(graph))
    inputs_by_dst: dict[str, list[tuple[int, str]]] = {}
    for e in graph.edges:
        inputs_by_dst.setdefault(e.dst, []).append((e.dst_port, e.src))
    for node_id in order:
        node = graph.nodes[node_id]
        spec = LAYERS[node.type]
        srcs = [src for _, src in sorted(inputs_by_dst.get(node_id, []))]
        info = NodeInfo(None, 0, 0)
        infos[node_id] = info
        if len(srcs) < spec.min_inputs:
            if not srcs:
                msg = Message(
                    QT_TRANSLATE_NOOP("Engine", "'{name}' has no input — connect a layer into it"),
                    name=node.name,
                )
            else:
                msg = Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "{layer} needs at least {minimum} inputs but has {count}"
                    ),
                    layer=spec.title,
                    minimum=spec.min_inputs,
                    count=len(srcs),
                )
            issues.append(Issue(node_id, msg))
            continue
        in_infos = [infos[s] for s in srcs]
        if any(i.output_shape is None for i in in_infos):
            continue  # the problem upstream is reported there; do not repeat it here
        inputs = [TensorType(i.output_shape or (), i.tokens) for i in in_infos]
        assert spec.rule is not None
        try:
            result = spec.rule(node.params, inputs)
        except ShapeProblem as problem:
            fix = _fix(node_id, problem.fix, ctx) if problem.fix else None
            issues.append(Issue(node_id, problem.message, fix))
            continue
        infos[node_id] = NodeInfo(result.out.shape, result.params, result.macs, result.out.tokens)
    if ctx is not None:
        issues.extend(_context_issues(graph, ctx, infos))
    used = _used_nodes(graph)
    flagged = {i.node_id for i in issues}
    for node_id in order:
        if node_id in flagged or graph.nodes[node_id].type in ("Input", "Output"):
            continue
        if used and node_id not in used:
            name = graph.nodes[node_id].name
            unused = QT_TRANSLATE_NOOP(
                "Engine", "'{name}' does not lead to the Output, so training ignores it"
            )
            issues.append(Issue(node_id, Message(unused, name=name), severity="warning"))
    counted = used or set(infos)
    learnable = [n for n in counted if n in infos and infos[n].params]
    if learnable and not any(graph.nodes[n].trainable for n in learnable):
        everything_frozen = QT_TRANSLATE_NOOP(
            "Engine",
            "Every layer with weights is frozen, so training would change nothing — make at least one layer trainable",
        )
        issues.append(Issue(None, Message(everything_frozen), severity="warning"))
    valid = not any(i.severity == "error" for i in issues)
    return Analysis(
        nodes=infos,
        issues=issues,
        valid=valid,
        total_params=sum(infos[n].params for n in counted if n in infos),
        total_macs=sum(infos[n].macs for n in counted if n in infos),
        used=frozenset(used),
        activation_elements=sum(_numel(infos[n].output_shape) for n in counted if n in infos),
        frozen_params=sum(
            infos[n].params for n in counted if n in infos and not graph.nodes[n].trainable
        ),
    )


def _numel(shape: tuple[int, ...] | None) -> int:
    n = 1
    for d in shape or ():
        n *= d
    return n if shape is not None else 0


def _used_nodes(graph: Graph) -> set[str]:
    """Ancestors of the Output (itself included); empty when there is no single Output."""
    outputs = graph.output_nodes()
    if len(outputs) != 1:
        return set()
    preds: dict[str, list[str]] = {}
    for e in graph.edges:
        preds.setdefault(e.dst, []).append(e.src)
    seen: set[str] = set()
    stack = [outputs[0].id]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(preds.get(n, []))
    return seen


def _io_issues(graph: Graph) -> list[Issue]:
    issues: list[Issue] = []
    inputs, outputs = graph.input_nodes(), graph.output_nodes()
    if not inputs:
        issues.append(
            Issue(
                None,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "The network has no Input — add one from Input/Output"
                    )
                ),
                _add_end_fix("Input"),
            )
        )
    if not outputs:
        issues.append(
            Issue(
                None,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "The network has no Output — add one from Input/Output"
                    )
                ),
                _add_end_fix("Output"),
            )
        )
    for extra in inputs[1:]:
        only = QT_TRANSLATE_NOOP("Engine", "Only one Input is supported — remove '{name}'")
        issues.append(Issue(extra.id, Message(only, name=extra.name)))
    for extra in outputs[1:]:
        only = QT_TRANSLATE_NOOP("Engine", "Only one Output is supported — remove '{name}'")
        issues.append(Issue(extra.id, Message(only, name=extra.name)))
    return issues


def _add_end_fix(layer_type: str) -> Fix:
    """Add the missing Input (before the first layer without input) or Output (after the last
    layer without a successor), adapted to the dataset when there is one."""

    def apply(graph: Graph) -> None:
        params = _context_params(graph.context, layer_type)
        with graph.batch():
            if layer_type == "Input":
                target = next(
                    (
                        n
                        for n in graph.nodes.values()
                        if LAYERS[n.type].max_inputs != 0 and not graph.inputs_of(n.id)
                    ),
                    None,
                )
                pos = (target.pos[0] - 160, target.pos[1]) if target else (0.0, 0.0)
                node = graph.add_node("Input", params, name=_free(graph, "input"), pos=pos)
                if target is not None:
                    graph.connect(node.id, target.id, 0)
            else:
                sinks = [n for n in graph.nodes.values() if not graph.outputs_of(n.id)]
                source = sinks[-1] if sinks else None
                pos = (source.pos[0] + 160, source.pos[1]) if source else (400.0, 0.0)
                node = graph.add_node("Output", params, name=_free(graph, "output"), pos=pos)
                if source is not None and graph.can_connect(source.id, node.id) is None:
                    graph.connect(source.id, node.id, 0)

    return Fix(
        Message(QT_TRANSLATE_NOOP("Engine", "Add {layer}"), layer=layer_title(layer_type)), apply
    )


def _free(graph: Graph, name: str) -> str:
    return name if graph.node_by_name(name) is None else graph.unique_name(name.capitalize())


def _context_params(ctx: DataContext | None, layer_type: str) -> dict[str, Any]:
    """Input or Output parameters matching a dataset (empty without one)."""
    if ctx is None:
        return {}
    if layer_type == "Input":
        shape = ctx.input_shape
        if ctx.input_kind == "text":
            return {"kind": "tokens", "seq_len": shape[0]}
        if len(shape) == 3:
            return {"kind": "image", "channels": shape[0], "height": shape[1], "width": shape[2]}
        return {"kind": "vector", "features": shape[0] if shape else 1}
    params: dict[str, Any] = {"task": ctx.task}
    units = _expected_units(ctx)
    if units:
        params["units"] = units
    return params


def input_params_for(ctx: DataContext) -> dict[str, Any]:
    """The Input parameters that match a dataset."""
    return _context_params(ctx, "Input")


def output_params_for(ctx: DataContext) -> dict[str, Any]:
    """The Output parameters (task, units) that match a dataset."""
    return _context_params(ctx, "Output")


def _expected_units(ctx: DataContext) -> int:
    if ctx.task == "binary":
        return 1
    if ctx.task == "next_char":
        return ctx.vocab_size
    return ctx.num_classes


def _setter(node_id: str, label: str, values: dict[str, Any]) -> Fix:
    def apply(graph: Graph) -> None:
        with graph.batch():
            for key, value in values.items():
                graph.set_param(node_id, key, value)

    return Fix(label, apply)


def _context_issues(graph: Graph, ctx: DataContext, infos: dict[str, NodeInfo]) -> list[Issue]:
    issues: list[Issue] = []
    for node in graph.nodes.values():
        if node.type == "Input":
            want = _context_params(ctx, "Input")
            have_shape, _ = input_shape(node.params)
            want_shape, _ = input_shape({**node.params, **want})
            if node.params["kind"] != want["kind"] or have_shape != want_shape:
                issues.append(
                    Issue(
                        node.id,
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Engine",
                                "Input is {kind} {shape} but the dataset gives {wanted_kind} {wanted_shape}",
                            ),
                            kind=node.params["kind"],
                            shape=fmt_shape(have_shape),
                            wanted_kind=want["kind"],
                            wanted_shape=fmt_shape(want_shape),
                        ),
                        _setter(
                            node.id,
                            Message(
                                QT_TRANSLATE_NOOP("Engine", "Set Input to the dataset's shape")
                            ),
                            want,
                        ),
                    )
                )
        elif node.type == "Output":
            issues.extend(_output_issues(node.id, node.params, ctx))
        elif node.type == "Embedding" and 0 < node.params["vocab_size"] < ctx.vocab_size:
            issues.append(
                Issue(
                    node.id,
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "Embedding knows {known} token ids but the dataset's vocabulary has {vocabulary}",
                        ),
                        known=node.params["vocab_size"],
                        vocabulary=ctx.vocab_size,
                    ),
                    _setter(
                        node.id,
                        Message(
                            QT_TRANSLATE_NOOP("Engine", "Set vocabulary size to {size}"),
                            size=ctx.vocab_size,
                        ),
                        {"vocab_size": ctx.vocab_size},
                    ),
                )
            )
    return issues


_UNIT_WORDS = {
    "classification": QT_TRANSLATE_NOOP("Engine", "classes"),
    "binary": QT_TRANSLATE_NOOP("Engine", "output (binary)"),
    "regression": QT_TRANSLATE_NOOP("Engine", "targets"),
    "next_char": QT_TRANSLATE_NOOP("Engine", "characters in its vocabulary"),
}


def _output_issues(node_id: str, params: dict[str, Any], ctx: DataContext) -> list[Issue]:
    if params["task"] != ctx.task:
        want = _context_params(ctx, "Output")
        return [
            Issue(
                node_id,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "Output declares a {task} task but the dataset is {dataset_task}"
                    ),
                    task=params["task"],
                    dataset_task=ctx.task,
                ),
                _setter(
                    node_id,
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "Set Output task to {task}"), task=ctx.task
                    ),
                    want,
                ),
            )
        ]
    units = _expected_units(ctx)
    if units and params["units"] != units:
        return [
            Issue(
                node_id,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "Output has {units} units but the dataset has {expected} {what}"
                    ),
                    units=params["units"],
                    expected=units,
                    what=Message(_UNIT_WORDS[ctx.task]),
                ),
                _setter(
                    node_id,
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "Set Output units to {units}"), units=units
                    ),
                    {"units": units},
                ),
            )
        ]
    return []


def summary_rows(graph: Graph) -> list[dict[str, Any]]:
    """One row per layer in topological order, for the CLI ``info`` command and the summary."""
    a = graph.analysis
    rows: list[dict[str, Any]] = []
    for node_id in graph.topological_order():
        node, info = graph.nodes[node_id], a.nodes.get(node_id)
        shape = info.output_shape if info else None
        rows.append(
            {
                "name": node.name,
                "type": node.type,
                "output_shape": fmt_shape(shape) if shape is not None else "?",
                "params": info.params if info else 0,
                "macs": info.macs if info else 0,
                "trainable": node.trainable,
            }
        )
    return rows
