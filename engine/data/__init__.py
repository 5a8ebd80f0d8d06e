"""Datasets: built-in offline sets, loaders for the formats people bring, splits, batching,
augmentation.

Names resolve lazily so that listing the built-ins (``BUILTINS``, ``AUGMENTATIONS``) does not
import torch; everything else imports it on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.data.augment import augment_batch, preview_augmented
    from engine.data.catalog import AUGMENTATIONS, AUGMENTATIONS_ZH, BUILTINS, BuiltinInfo
    from engine.data.dataset import Dataset, Split
    from engine.data.fetch import download
    from engine.data.load import load_dataset
    from engine.data.split import batch_indices

_EXPORTS = {
    "AUGMENTATIONS": "engine.data.catalog",
    "AUGMENTATIONS_ZH": "engine.data.catalog",
    "BUILTINS": "engine.data.catalog",
    "BuiltinInfo": "engine.data.catalog",
    "Dataset": "engine.data.dataset",
    "Split": "engine.data.dataset",
    "augment_batch": "engine.data.augment",
    "batch_indices": "engine.data.split",
    "download": "engine.data.fetch",
    "load_dataset": "engine.data.load",
    "preview_augmented": "engine.data.augment",
}

__all__ = [
    "AUGMENTATIONS",
    "AUGMENTATIONS_ZH",
    "BUILTINS",
    "BuiltinInfo",
    "Dataset",
    "Split",
    "augment_batch",
    "batch_indices",
    "download",
    "load_dataset",
    "preview_augmented",
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'engine.data' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
