"""Transfer learning: start a network from another project's trained weights.

Layers are matched by name and shape: a layer takes the other network's weights when that
network has a layer of the same name whose tensors all have the same names and shapes (the
templates name layers alike, so a seed CNN trained on one image set passes its convolutions and
hidden Dense layer to a seed CNN for another; an Output with another number of classes keeps
its fresh weights). Freeze the copied layers to keep what they learned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import torch

    from engine.graph import Graph
    from engine.project import Project
    from engine.types import DataContext


def _by_layer(state: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """state_dict keys ``conv2d_1.weight`` grouped by layer: {"conv2d_1": {"weight": ...}}."""
    layers: dict[str, dict[str, Any]] = {}
    for key, tensor in state.items():
        layer, _, rest = key.partition(".")
        layers.setdefault(layer, {})[rest] = tensor
    return layers


def copy_matching_layers(
    target: Mapping[str, torch.Tensor], source: Mapping[str, torch.Tensor]
) -> tuple[dict[str, torch.Tensor], list[str]]:
    """``target`` (a state_dict) with each layer that ``source`` has with the same tensor names
    and shapes replaced by a copy of the source's; and the names of the layers copied, in the
    target's order."""
    wanted, offered = _by_layer(target), _by_layer(source)
    merged = {key: tensor.clone() for key, tensor in target.items()}
    copied: list[str] = []
    for layer, tensors in wanted.items():
        other = offered.get(layer)
        if other is None or other.keys() != tensors.keys():
            continue
        if any(tuple(other[k].shape) != tuple(t.shape) for k, t in tensors.items()):
            continue
        for k, t in tensors.items():
            merged[f"{layer}.{k}"] = other[k].detach().to(dtype=t.dtype).clone()
        copied.append(layer)
    return merged, copied


def weights_from(
    graph: Graph,
    seed: int,
    source: Mapping[str, torch.Tensor],
    start: Mapping[str, torch.Tensor] | None = None,
) -> tuple[dict[str, torch.Tensor], list[str]]:
    """Starting weights for ``graph``: ``start`` (its own weights) or fresh ones from ``seed``,
    with every layer ``source`` matches by name and shape copied in (see the module docstring).
    Returns the weights and the names of the copied layers."""
    from engine.build import build_model

    base = start if start is not None else build_model(graph, seed).state_dict()
    return copy_matching_layers(base, source)


@dataclass
class Reuse:
    """``reuse_layers``'s outcome: the project to adopt and what it took."""

    project: Project
    copied: list[str]  # the layers that start from the other project's trained weights
    whole_network: bool  # the network itself is the other project's (adapted to the data)


def reuse_layers(
    project: Project,
    other: Project,
    context: DataContext | None,
    *,
    whole_network: bool,
    freeze: bool,
) -> Reuse:
    """The window's "Reuse Layers from Another Project…" (the CLI's ``train --init-from``
    copies weights the same way): ``project`` with ``other``'s trained layers.

    With ``whole_network`` the network becomes a copy of ``other``'s, its Input and Output
    fitted to ``context`` (this project's data); otherwise the network stays and only the
    layers ``other`` matches by name and shape take its weights. Every other layer starts
    fresh. ``freeze`` freezes the copied feature layers (``_feature_layers``): the rest trains. The settings start
    the next run from these weights (``init = "saved"``). ``project`` itself is not changed.
    Raises ProjectError when ``other`` has no trained weights or nothing matches."""
    from engine.graph import Graph
    from engine.templates import fit_to_data
    from engine.types import ProjectError, TrainSettings

    if other.weights is None:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' has no trained weights to reuse: train it first."
            ),
            name=other.name,
        )
    graph = Graph.from_dict((other if whole_network else project).graph.to_dict())
    if context is not None:
        if whole_network:
            fit_to_data(graph, context)  # its Input and Output sized for this data
        else:
            graph.set_context(context)
    weights, copied = weights_from(graph, project.settings.seed, other.weights)
    if not copied:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "No layer of '{name}' matches a layer of this network by name and shape, so there are no weights to reuse. Reuse its whole network instead.",
            ),
            name=other.name,
        )
    if freeze:
        features = set(_feature_layers(graph))
        for node in graph.nodes.values():
            if node.name in copied and node.name in features:
                graph.set_trainable(node.id, False)
    settings = TrainSettings.from_dict({**project.settings.to_dict(), "init": "saved"})
    reused = dataclasses.replace(project, graph=graph, weights=weights, settings=settings)
    return Reuse(reused, copied, whole_network)


def _feature_layers(graph: Graph) -> list[str]:
    """The layers that extract features, which transfer learning freezes: those before the
    network flattens its feature maps (Flatten, GlobalAvgPool) — a CNN's convolutions, while
    its dense head goes on learning the new task. Without such a layer (an MLP), every layer
    but the Output."""
    order = [graph.nodes[node_id] for node_id in graph.topological_order()]
    cut = next((i for i, n in enumerate(order) if n.type in ("Flatten", "GlobalAvgPool")), None)
    chosen = order if cut is None else order[:cut]
    return [node.name for node in chosen if node.type not in ("Input", "Output")]
