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


class SwapAxes(nn.Module):
    """Swap the two axes of each sample: N×T×D (steps × features) <-> N×D×T (channels × length),
    as between an Embedding and a Conv1d."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.transpose(1, 2)


class GlobalAvgPool(nn.Module):
    """Average each channel over all its positions: N×C×H×W -> N×C."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(2).mean(dim=2)


class GlobalMaxPool(nn.Module):
    """Each channel's largest value over all its positions: N×C×H×W (or N×C×L) -> N×C."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.flatten(2).amax(dim=2)


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


class MultiHeadSelfAttention(nn.Module):
    """Multi-head self-attention over a sequence N×T×D (nanoGPT's CausalSelfAttention): each
    position takes a mix of every position's value, weighted per head by softmax(q·k/√d); with
    ``causal`` only earlier positions (and itself) count, so a next-character model cannot
    peek ahead.

    Written out rather than with nn.MultiheadAttention so that the generated script reads as
    the formula and ``keep_weights`` can record the heads' attention for a view of them.
    """

    def __init__(self, dim: int, heads: int, causal: bool = False, dropout: float = 0.0) -> None:
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        self.causal = causal
        self.qkv = nn.Linear(dim, 3 * dim)  # queries, keys and values in one product
        self.proj = nn.Linear(dim, dim)
        self.dropout = nn.Dropout(dropout)
        self.keep_weights = False  # set True to keep the last forward's attention in .weights
        self.weights: torch.Tensor | None = None  # N×heads×T×T, rows sum to 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t = x.shape[0], x.shape[1]
        # N×T×3D -> three N×heads×T×head_dim tensors
        q, k, v = self.qkv(x).reshape(n, t, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        scores = (q @ k.transpose(-2, -1)) * self.head_dim**-0.5
        if self.causal:
            # Built from t each call: the sequence axis stays free (shorter text, ONNX).
            ahead = torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1)
            scores = scores.masked_fill(ahead, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        if self.keep_weights:
            self.weights = weights.detach()
        out = (self.dropout(weights) @ v).transpose(1, 2).reshape(n, t, self.heads * self.head_dim)
        return self.dropout(self.proj(out))  # type: ignore[no-any-return]


class TransformerBlock(nn.Module):
    """A pre-norm Transformer block (GPT-2): x + attention(LayerNorm(x)), then the same with a
    two-layer GELU MLP. The residual paths let gradients reach early blocks unchanged."""

    def __init__(
        self, dim: int, heads: int, hidden: int, causal: bool = False, dropout: float = 0.0
    ) -> None:
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attention = MultiHeadSelfAttention(dim, heads, causal, dropout)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(
            nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim), nn.Dropout(dropout)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attention(self.norm1(x))
        return x + self.mlp(self.norm2(x))  # type: ignore[no-any-return]


class PositionalEmbedding(nn.Module):
    """Adds a vector per position to a sequence N×T×D, so that attention (which by itself
    ignores order) can tell positions apart. ``learned``: a trained table (GPT); otherwise the
    fixed sines and cosines of "Attention Is All You Need", which need no training."""

    def __init__(self, max_len: int, dim: int, learned: bool = True) -> None:
        super().__init__()
        if learned:
            self.table = nn.Parameter(torch.randn(max_len, dim) * 0.02)
        else:
            position = torch.arange(max_len, dtype=torch.float32)[:, None]
            # wavelengths from 2π to 10000·2π over the pairs of dimensions
            rate = torch.exp(torch.arange(0, dim, 2) * (-torch.log(torch.tensor(1e4)) / dim))
            table = torch.zeros(max_len, dim)
            table[:, 0::2] = torch.sin(position * rate)
            table[:, 1::2] = torch.cos(position * rate)[:, : dim // 2]
            self.register_buffer("table", table, persistent=False)  # computed, never saved

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.table[: x.shape[1]]


# What codegen must copy along with each class (in order).
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "RNNLayer": ("SequenceLayer",),
    "GRULayer": ("SequenceLayer",),
    "LSTMLayer": ("SequenceLayer",),
    "TransformerBlock": ("MultiHeadSelfAttention",),
}
