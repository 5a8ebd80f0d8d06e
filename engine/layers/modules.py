"""The few torch modules NetCanvas needs beyond torch.nn.

Imports torch, so only build.py imports this module (lazily). codegen.py copies these classes'
source into generated scripts, so they must use nothing but ``torch`` and ``nn``.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn


class Reshape(nn.Module):
    """Reshape each sample, keeping the batch axis."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(x.shape[0], *self.shape)


class GlobalAvgPool(nn.Module):
    """Average each channel over all its positions: N×C×H×W -> N×C."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(2).mean(dim=2)


class Add(nn.Module):
    """Element-wise sum of same-shaped inputs (skip connections)."""

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Concatenate(nn.Module):
    """Join inputs along one axis (``dim`` counts the batch axis)."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        return torch.cat(xs, dim=self.dim)


class SequenceLayer:
    """Mixin for nn.RNN / nn.GRU / nn.LSTM: batch-first input and a single output tensor, the
    whole sequence or the final hidden state of the last layer (both directions when
    bidirectional). state_dict keys stay those of the torch class."""

    def __init__(self, *args: Any, return_sequences: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, batch_first=True, **kwargs)  # type: ignore[call-arg]
        self.return_sequences = return_sequences

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, state = super().forward(x)  # type: ignore[misc]
        if self.return_sequences:
            return output  # type: ignore[no-any-return]
        h_n = state[0] if isinstance(state, tuple) else state  # LSTM returns (h_n, c_n)
        if self.bidirectional:  # type: ignore[attr-defined]
            return torch.cat([h_n[-2], h_n[-1]], dim=1)
        return h_n[-1]  # type: ignore[no-any-return]


class RNNLayer(SequenceLayer, nn.RNN):  # type: ignore[misc]
    pass


class GRULayer(SequenceLayer, nn.GRU):  # type: ignore[misc]
    pass


class LSTMLayer(SequenceLayer, nn.LSTM):  # type: ignore[misc]
    pass


# What codegen must copy along with each class (in order).
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "RNNLayer": ("SequenceLayer",),
    "GRULayer": ("SequenceLayer",),
    "LSTMLayer": ("SequenceLayer",),
}
