"""Build a torch ``nn.Module`` from a valid graph.

Submodules are named after the nodes, so state_dict keys read ``conv2d_1.weight``; weights are
initialised from a seed without touching the global random state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.layers import LAYERS, ModuleSpec, TensorType
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import GraphError

if TYPE_CHECKING:
    import torch

    from engine.graph import Graph

LOSSES = {"classification": "cross_entropy", "binary": "bce_logits", "next_char": "cross_entropy"}


def loss_name(graph: Graph) -> str:
    """The loss the Output node implies: cross_entropy, bce_logits, mse or l1."""
    outputs = graph.output_nodes()
    if not outputs:
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network has no Output, so it has no loss")
        )
    params = outputs[0].params
    if params["task"] == "regression":
        return str(params["loss"])
    return LOSSES[params["task"]]


def plan(graph: Graph) -> list[tuple[str, ModuleSpec | None, list[str]]]:
    """The forward pass as data: (node name, module to build or None for the Input, input
    names), for the used nodes in topological order. GraphError if the graph is invalid."""
    analysis = graph.analysis
    if not analysis.valid:
        first = analysis.errors[0]
        where = f"'{graph.nodes[first.node_id].name}': " if first.node_id in graph.nodes else ""
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "Engine", "The network has problems to fix before it can run — {where}{message}"
            ),
            where=where,
            message=first.message,
        )
    steps: list[tuple[str, ModuleSpec | None, list[str]]] = []
    for node_id in graph.topological_order():
        if node_id not in analysis.used:
            continue
        node = graph.nodes[node_id]
        srcs = [graph.nodes[e.src].name for e in graph.inputs_of(node_id)]
        inputs = [
            TensorType(analysis.nodes[e.src].output_shape or (), analysis.nodes[e.src].tokens)
            for e in graph.inputs_of(node_id)
        ]
        rule = LAYERS[node.type].rule
        assert rule is not None
        steps.append((node.name, rule(node.params, inputs).module, srcs))
    return steps


def make_module(spec: ModuleSpec) -> torch.nn.Module:
    """Instantiate a ModuleSpec (a torch.nn class or one of engine.layers.modules)."""
    from torch import nn

    from engine.layers import modules

    if spec.cls.startswith("nn."):
        cls: Any = getattr(nn, spec.cls[3:])
    else:
        cls = getattr(modules, spec.cls)
    module: torch.nn.Module = cls(*spec.args, **spec.kwargs)
    return module


def build_model(graph: Graph, seed: int = 0) -> torch.nn.Module:
    """The graph as an nn.Module whose ``forward(x)`` takes the one batched input."""
    import torch

    steps = plan(graph)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        try:
            model = GraphModule.create(steps)
        except (RuntimeError, MemoryError) as exc:  # typically: not enough memory for weights
            gib = graph.analysis.total_params * 4 / 2**30
            raise GraphError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The network could not be built: its {parameters:,} parameters need {gib:,.1f} GiB ({error})",
                ),
                parameters=graph.analysis.total_params,
                gib=gib,
                error=str(exc).splitlines()[0][:120],
            ) from None
    freeze_layers(model, [n.name for n in graph.nodes.values() if not n.trainable])
    return model


def freeze_layers(model: torch.nn.Module, names: list[str]) -> None:
    """Freeze the named layers for transfer learning: their parameters need no gradient (so
    no optimiser gets them) and they always run as at inference, as Keras does with
    ``trainable=False``: a frozen BatchNorm uses, and keeps, its stored statistics."""
    for name in names:
        layer = getattr(model, name, None)
        if layer is None:  # not on the path to the Output: not built
            continue
        layer.requires_grad_(False)
        layer.register_forward_pre_hook(_as_at_inference)


def _as_at_inference(layer: torch.nn.Module, _inputs: Any) -> None:
    # model.train() switches every layer back to training mode; a frozen one goes back here.
    layer.eval()


def _graph_module_class() -> type:
    from engine.graph_module import GraphModule  # torch: imported when a network is built

    return GraphModule


class GraphModule:
    """Factory for the torch class (defined lazily so that importing this module stays cheap)."""

    _cls: type | None = None

    @classmethod
    def create(cls, steps: list[tuple[str, ModuleSpec | None, list[str]]]) -> torch.nn.Module:
        if cls._cls is None:
            cls._cls = _graph_module_class()
        model: Any = cls._cls()
        for name, spec, srcs in steps:
            if spec is None:
                model._input_name = name
            else:
                model.add_module(name, make_module(spec))
                model._steps.append((name, srcs))
        result: torch.nn.Module = model
        return result
