"""Transfer learning: start a network from another project's trained weights.

Layers are matched by name and shape: a layer takes the other network's weights when that
network has a layer of the same name whose tensors all have the same names and shapes (the
templates name layers alike, so a seed CNN trained on one image set passes its convolutions and
hidden Dense layer to a seed CNN for another; an Output with another number of classes keeps
its fresh weights). Freeze the copied layers to keep what they learned.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

    from engine.graph import Graph


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
