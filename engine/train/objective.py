"""The loss a run minimises and the accuracy it reports, per task."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError, Task

if TYPE_CHECKING:
    import torch

LossName = Literal["cross_entropy", "bce_logits", "mse", "l1"]
LOSSES: tuple[LossName, ...] = ("cross_entropy", "bce_logits", "mse", "l1")


def default_loss(task: Task) -> LossName:
    """The loss that fits a task when the graph does not name one."""
    return {
        "classification": "cross_entropy",
        "next_char": "cross_entropy",
        "binary": "bce_logits",
        "regression": "mse",
    }.get(task, "cross_entropy")  # type: ignore[return-value]


def has_accuracy(task: Task) -> bool:
    return task in ("classification", "binary", "next_char")


class Objective:
    """Loss and correct-prediction count for a batch, as device tensors (no host sync).

    Model outputs by task: classification (N, K) logits; binary (N, 1) or (N,) logits;
    regression (N, K) values; next_char (N, T, V) logits with (N, T) targets.
    """

    def __init__(
        self,
        task: Task,
        loss: str | None = None,
        label_smoothing: float = 0.0,
        num_classes: int = 0,
    ) -> None:
        name = loss or default_loss(task)
        if name not in LOSSES:
            raise NetCanvasError(
                QT_TRANSLATE_NOOP("Engine", "Unknown loss '{name}'. Choose one of: {losses}."),
                name=name,
                losses=", ".join(LOSSES),
            )
        self.task: Task = task
        self.name: str = name
        self.label_smoothing = float(label_smoothing)
        self.num_classes = int(num_classes)

    def units(self, y: torch.Tensor) -> int:
        """Predictions per batch: samples, or characters for next_char."""
        return int(y.numel()) if self.task == "next_char" else int(y.shape[0])

    def loss(self, out: torch.Tensor, y: torch.Tensor, smoothing: bool = True) -> torch.Tensor:
        """Mean loss over the batch's predictions; ``smoothing`` off for validation."""
        import torch.nn.functional as F

        ls = self.label_smoothing if smoothing else 0.0
        if self.name == "cross_entropy":
            if self.task == "binary" and (out.ndim == 1 or out.shape[-1] == 1):
                return self._bce(out, y, ls)  # a one-logit head cannot take cross-entropy
            return F.cross_entropy(
                out.reshape(-1, out.shape[-1]).float(), y.reshape(-1), label_smoothing=ls
            )
        if self.name == "bce_logits":
            return self._bce(out, y, ls)
        target = self._dense_target(out, y)
        if self.name == "mse":
            return F.mse_loss(out.float(), target)
        return F.l1_loss(out.float(), target)

    def training_loss(
        self,
    ) -> Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
        """The training loop's loss: (what is minimised, what is reported). They differ only
        with label smoothing, where the report is the plain loss — the one validation
        measures — so that the two curves stay comparable (a smoothed loss cannot go below
        about ε·log K and would always sit above the validation loss).

        Plain classification (N×K logits, N targets) is bound directly: the reshapes and
        checks in ``loss`` cost a few microseconds a step, which is measurable on small
        tabular models. With smoothing it is written out from one log-softmax (torch's
        formula: (1 − ε)·NLL + ε·the mean of −log p over the classes), which gives both.
        """
        import torch.nn.functional as F

        ls = self.label_smoothing

        def general(out: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            loss = self.loss(out, y)
            return loss, (self.loss(out.detach(), y, smoothing=False) if ls else loss)

        if self.name == "cross_entropy" and self.task == "classification":
            ce, log_softmax, nll_loss = F.cross_entropy, F.log_softmax, F.nll_loss

            def fast(out: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
                if out.ndim != 2:
                    return general(out, y)
                if not ls:
                    loss = ce(out, y)
                    return loss, loss
                logp = log_softmax(out.float(), dim=-1)
                nll = nll_loss(logp, y)
                return (1.0 - ls) * nll - ls * logp.mean(dim=-1).mean(), nll

            return fast
        return general

    def _bce(self, out: torch.Tensor, y: torch.Tensor, ls: float) -> torch.Tensor:
        import torch.nn.functional as F

        if out.ndim == y.ndim + 1 and out.shape[-1] > 1:  # one-hot multi-label style head
            target = F.one_hot(y.long(), out.shape[-1]).float()
        else:
            out = out.reshape(y.shape) if out.numel() == y.numel() else out
            target = y.float()
        if ls:
            target = target * (1.0 - ls) + 0.5 * ls
        return F.binary_cross_entropy_with_logits(out.float(), target)

    def _dense_target(self, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Regression losses on class labels compare against one-hot targets."""
        import torch.nn.functional as F

        if y.is_floating_point():
            return y.reshape(out.shape) if y.numel() == out.numel() else y
        if out.shape[-1] > 1 and y.ndim == out.ndim - 1:
            return F.one_hot(y, out.shape[-1]).float()
        return y.float().reshape(out.shape)

    def predictions(self, out: torch.Tensor) -> torch.Tensor:
        """Predicted class indices (classification, binary, next_char)."""
        if self.task == "binary" and (out.ndim == 1 or out.shape[-1] == 1):
            return (out.reshape(out.shape[0]) > 0).long()
        return out.argmax(dim=-1)

    def correct(self, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """Number of correct predictions in the batch, as a 0-d float tensor on the device."""
        return (self.predictions(out).reshape(y.shape) == y).sum().float()
