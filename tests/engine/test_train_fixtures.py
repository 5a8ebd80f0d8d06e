"""Tiny datasets and models shared by the training, metrics, export and CLI tests (no tests here).

The datasets are real ``engine.data.Dataset`` objects built from a few hundred synthetic
samples, so a whole training run takes a fraction of a second.
"""

from __future__ import annotations

import torch
from torch import nn

from engine.data import Dataset, Split
from engine.types import Task


def _splits(
    x: torch.Tensor, y: torch.Tensor, n_val: int, n_test: int
) -> tuple[Split, Split, Split]:
    n_train = len(x) - n_val - n_test
    return (
        Split(x[:n_train], y[:n_train]),
        Split(x[n_train : n_train + n_val], y[n_train : n_train + n_val]),
        Split(x[n_train + n_val :], y[n_train + n_val :]),
    )


def table_dataset(n: int = 300, task: Task = "classification", seed: int = 0) -> Dataset:
    """Four features; three classes separable by the sign of two features (or a regression)."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 4, generator=g)
    names = ["a", "b", "c"]
    if task == "classification":
        y = (x[:, 0] > 0).long() + (x[:, 1] > 0.5).long()
    elif task == "binary":
        y = (x[:, 0] + x[:, 1] > 0).long()
        names = ["neg", "pos"]
    else:
        y = torch.stack([x[:, 0] * 2 - x[:, 1], x[:, 2]], 1)
        names = []
    train, val, test = _splits(x, y, n // 5, n // 5)
    return Dataset(
        name="tiny-table",
        source="test",
        kind="table",
        task=task,
        class_names=names,
        input_shape=(4,),
        train=train,
        val=val,
        test=test,
        mean=torch.zeros(4),
        std=torch.ones(4),
    )


def image_dataset(n: int = 120, size: int = 8, classes: int = 3, seed: int = 0) -> Dataset:
    """uint8 1×size×size images whose class is which third of the image is bright."""
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, classes, (n,), generator=g)
    x = torch.randint(0, 60, (n, 1, size, size), generator=g, dtype=torch.uint8)
    band = size // classes
    for i in range(n):
        c = int(y[i])
        x[i, 0, c * band : (c + 1) * band, :] += 180
    train, val, test = _splits(x, y, n // 5, n // 5)
    return Dataset(
        name="tiny-images",
        source="test",
        kind="image",
        task="classification",
        class_names=[f"c{i}" for i in range(classes)],
        input_shape=(1, size, size),
        train=train,
        val=val,
        test=test,
        mean=torch.tensor([0.3]),
        std=torch.tensor([0.3]),
    )


def text_dataset(n: int = 64, seq_len: int = 12, seed: int = 0) -> Dataset:
    """Windows over a repeating text: the next character is easy to learn."""
    text = "hello world, hello netcanvas. " * 40
    vocab = sorted(set(text))
    codes = torch.tensor([vocab.index(c) for c in text])
    g = torch.Generator().manual_seed(seed)
    starts = torch.randint(0, len(codes) - seq_len - 1, (n,), generator=g)
    x = torch.stack([codes[s : s + seq_len] for s in starts.tolist()])
    y = torch.stack([codes[s + 1 : s + seq_len + 1] for s in starts.tolist()])
    train, val, test = _splits(x, y, n // 5, n // 5)
    return Dataset(
        name="tiny-text",
        source="test",
        kind="text",
        task="next_char",
        class_names=[],
        input_shape=(seq_len,),
        train=train,
        val=val,
        test=test,
        mean=torch.zeros(1),
        std=torch.ones(1),
        vocab=vocab,
    )


class CharModel(nn.Module):
    def __init__(self, vocab: int, hidden: int = 24) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, 12)
        self.lstm = nn.LSTM(12, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(self.embed(x))[0])


def table_model(outputs: int = 3, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, outputs))


def image_model(classes: int = 3, size: int = 8, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * (size // 2) ** 2, classes),
    )


def weights_equal(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
