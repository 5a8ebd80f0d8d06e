"""The torch class of every network NetCanvas builds (``engine.build.build_model``).

A module of its own, at module level, so that ``torch.save(model)`` / ``torch.load`` and
``copy.deepcopy`` find the class by name (a class made inside a function cannot be pickled);
``engine.build`` imports it only when it builds, so importing the engine stays torch-free.
"""

from __future__ import annotations

import torch
from torch import nn


class GraphModule(nn.Module):
    """Runs the layers in topological order; each layer is an attribute named after its node."""

    def __init__(self) -> None:
        super().__init__()
        self._input_name = ""
        self._steps: list[tuple[str, list[str]]] = []  # (layer name, names of its inputs)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        values = {self._input_name: x}
        out = x
        for name, srcs in self._steps:
            out = getattr(self, name)(*(values[s] for s in srcs))
            values[name] = out
        return out
