"""Optimisers and learning-rate schedules from TrainSettings."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.types import NetCanvasError, TrainSettings

if TYPE_CHECKING:
    import torch
    from torch import nn

OPTIMIZERS = ("sgd", "adam", "adamw", "rmsprop", "adagrad")
SCHEDULES = ("constant", "step", "cosine", "onecycle", "plateau")


def make_optimizer(model: nn.Module, settings: TrainSettings) -> torch.optim.Optimizer:
    """The optimiser the settings name; ``weight_decay`` is the L2 penalty (decoupled for AdamW)."""
    import torch

    params = [p for p in model.parameters() if p.requires_grad]
    lr, wd = float(settings.lr), float(settings.weight_decay)
    if not lr > 0 or not math.isfinite(lr):
        raise NetCanvasError(f"Learning rate must be a positive number, got {settings.lr}.")
    name = settings.optimizer
    if name == "sgd":
        momentum = float(settings.momentum)
        nesterov = bool(settings.nesterov) and momentum > 0  # torch refuses Nesterov without it
        return torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=nesterov, weight_decay=wd)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=wd)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    if name == "rmsprop":
        return torch.optim.RMSprop(
            params, lr=lr, momentum=float(settings.momentum), weight_decay=wd
        )
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, weight_decay=wd)
    raise NetCanvasError(f"Unknown optimiser '{name}'. Choose one of: {', '.join(OPTIMIZERS)}.")


class Schedule:
    """The learning rate over a run, as a factor of ``settings.lr`` set on every batch.

    Written by hand rather than with torch's schedulers so that a run that is stopped and
    continued picks up exactly where it left off: the factor depends on the global epoch for
    ``step`` and on the position within the current ``fit`` call for ``cosine`` and
    ``onecycle`` (a continued run gets a new cycle over its new epochs, as in warm restarts).
    ``plateau`` multiplies by ``gamma`` after ``plateau_patience`` epochs without a lower
    validation loss.
    """

    def __init__(self, settings: TrainSettings) -> None:
        if settings.schedule not in SCHEDULES:
            raise NetCanvasError(
                f"Unknown learning-rate schedule '{settings.schedule}'. "
                f"Choose one of: {', '.join(SCHEDULES)}."
            )
        self.kind = settings.schedule
        self.base_lr = float(settings.lr)
        self.step_size = max(1, int(settings.step_size))
        self.gamma = float(settings.gamma)
        # Reduce before early stopping would give up (which waits ``patience`` epochs).
        self.plateau_patience = max(1, int(settings.patience) // 2)
        self.plateau_factor = 1.0
        self._best = math.inf
        self._bad_epochs = 0

    def factor(self, epoch: int, fit_progress: float) -> float:
        """``epoch``: global epoch index; ``fit_progress``: 0..1 through the current fit call."""
        t = min(max(fit_progress, 0.0), 1.0)
        if self.kind == "step":
            return float(self.gamma ** (epoch // self.step_size))
        if self.kind == "cosine":
            return 0.5 * (1.0 + math.cos(math.pi * t))
        if self.kind == "onecycle":
            # torch's OneCycleLR shape: warm up from lr/25 over 30 %, anneal to lr/1e4 (cosine).
            start, end, warm = 1 / 25, 1 / 25 / 1e4, 0.3
            if t < warm:
                return start + (1 - start) * 0.5 * (1 - math.cos(math.pi * t / warm))
            return end + (1 - end) * 0.5 * (1 + math.cos(math.pi * (t - warm) / (1 - warm)))
        if self.kind == "plateau":
            return self.plateau_factor
        return 1.0

    def lr(self, epoch: int, fit_progress: float) -> float:
        return self.base_lr * self.factor(epoch, fit_progress)

    def end_epoch(self, monitored_loss: float) -> None:
        """Feed the epoch's validation loss (training loss without a validation split)."""
        if self.kind != "plateau" or not math.isfinite(monitored_loss):
            return
        if monitored_loss < self._best - 1e-12:
            self._best, self._bad_epochs = monitored_loss, 0
            return
        self._bad_epochs += 1
        if self._bad_epochs >= self.plateau_patience:
            self.plateau_factor *= self.gamma
            self._bad_epochs = 0

    def state_dict(self) -> dict[str, float]:
        return {
            "plateau_factor": self.plateau_factor,
            "best": self._best,
            "bad_epochs": float(self._bad_epochs),
        }

    def load_state_dict(self, state: dict[str, float | None]) -> None:
        """Inverse of ``state_dict``; JSON stores an infinite best loss as null."""
        factor, best, bad = (state.get(k) for k in ("plateau_factor", "best", "bad_epochs"))
        self.plateau_factor = 1.0 if factor is None else float(factor)
        self._best = math.inf if best is None else float(best)
        self._bad_epochs = 0 if bad is None else int(bad)


def set_lr(optimizer: torch.optim.Optimizer, lr: float) -> None:
    for group in optimizer.param_groups:
        group["lr"] = lr
