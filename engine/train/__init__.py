"""Training: the Trainer, its callbacks, checkpoints and DistributedDataParallel support."""

from __future__ import annotations

from engine.train.callbacks import Callback, CallbackList, Logs
from engine.train.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from engine.train.trainer import Trainer

__all__ = [
    "Callback",
    "CallbackList",
    "Checkpoint",
    "Logs",
    "Trainer",
    "load_checkpoint",
    "save_checkpoint",
]
