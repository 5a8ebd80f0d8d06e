"""A NetCanvas data split as a ``torch.utils.data.Dataset``, for a practitioner's own loop.

The engine batches resident tensors by index (``engine.data.split.batch_indices``: 50× faster
than a DataLoader on tabular data here), but someone taking a project into their own code
expects ``DataLoader(...)``. The split keeps its compact raw form (uint8 pixels, character ids);
each sample comes out preprocessed exactly as the trainer feeds the model (``Dataset.preprocess``).
"""

from __future__ import annotations

from typing import Literal

import torch
from torch.utils.data import Dataset as TorchDataset

from engine.data.dataset import Dataset
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

SplitName = Literal["train", "val", "test"]


class SplitDataset(TorchDataset[tuple[torch.Tensor, torch.Tensor]]):
    """``(model input, target)`` pairs of one split; a DataLoader's batch is what the trainer
    would feed the model for the same indices."""

    def __init__(self, dataset: Dataset, split: SplitName = "train") -> None:
        chosen = getattr(dataset, split, None) if split in ("train", "val", "test") else None
        if chosen is None:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "The dataset '{name}' has no {split} split."),
                name=dataset.name,
                split=split,
            )
        self.dataset = dataset
        self.split = chosen

    def __len__(self) -> int:
        return len(self.split)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        x = self.dataset.preprocess(self.split.x[index : index + 1])[0]
        return x, self.split.y[index]

    def __getitems__(self, indices: list[int]) -> list[tuple[torch.Tensor, torch.Tensor]]:
        # The DataLoader fetches a whole batch through this when it exists: one preprocess call
        # for the batch instead of one per sample.
        index = torch.as_tensor(indices, dtype=torch.long)
        x = self.dataset.preprocess(self.split.x.index_select(0, index))
        y = self.split.y.index_select(0, index)
        return list(zip(x, y, strict=True))


def as_torch_dataset(dataset: Dataset, split: SplitName = "train") -> SplitDataset:
    """``DataLoader(as_torch_dataset(dataset, "train"), batch_size=64, shuffle=True)``."""
    return SplitDataset(dataset, split)
