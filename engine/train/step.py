"""The per-batch training step and the metrics it leaves on the device until the next flush."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.train.feeder import SplitFeeder
    from engine.train.objective import Objective
    from engine.types import TrainSettings

# Logits of at most this many elements per step are kept until the next log point and scored
# in one go; larger outputs (e.g. N×T×V from character models) are scored every step.
DEFER_LIMIT = 1 << 16


class PendingMetrics:
    """Per-step results not yet read from the device: 0-d losses, kept logits or counts.

    The lists are cleared in place, because the step function holds references to them.
    """

    def __init__(self, objective: Objective, accuracy: bool) -> None:
        self.objective = objective
        self.accuracy = accuracy
        self.loss: list[torch.Tensor] = []
        self.units: list[int] = []
        self.correct: list[torch.Tensor] = []
        self.out: list[torch.Tensor] = []
        self.y: list[torch.Tensor] = []

    def clear(self) -> None:
        for pending in (self.loss, self.units, self.correct, self.out, self.y):
            pending.clear()

    def read(self) -> tuple[list[float], float]:
        """Per-step losses and the correct count, in one device-to-host copy; then clear."""
        import torch

        count = len(self.loss)
        with torch.no_grad():
            parts = [torch.stack(self.loss).float()]
            if self.accuracy:
                counts = [torch.stack(self.correct).sum()] if self.correct else []
                if self.out:
                    counts.append(self.objective.correct(torch.cat(self.out), torch.cat(self.y)))
                parts.append(torch.stack(counts).sum().reshape(1).to(parts[0].dtype))
            self.clear()
            values: list[float] = torch.cat(parts).tolist()  # the sync point
        return values[:count], (values[-1] if self.accuracy else 0.0)


def make_train_step(
    *,
    feeder: SplitFeeder,
    net: nn.Module,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    objective: Objective,
    settings: TrainSettings,
    pending: PendingMetrics,
    units_per_sample: int,
    outputs_per_unit: int,
    augment: list[str],
    aug_generator: torch.Generator,
    amp_dtype: torch.dtype | None,
    scaler: Any,
) -> Callable[[torch.Tensor], None]:
    """The per-batch function, with everything it touches bound as locals.

    This is the hot loop: on a small tabular model a step takes ~100 µs, so attribute look-ups
    and per-step imports would show up as a few percent of throughput.
    """
    import torch

    take, opt = feeder.take, optimizer
    loss_fn = objective.training_loss()
    correct_fn = objective.correct
    augment_batch: Any = None
    if augment:
        from engine.data import augment_batch
    l1, clip = float(settings.l1), float(settings.grad_clip)
    l1_params = [p for p in model.parameters() if p.ndim > 1]
    clip_norm = torch.nn.utils.clip_grad_norm_
    acc = pending.accuracy
    p_loss, p_units, p_correct, p_out, p_y = (
        pending.loss,
        pending.units,
        pending.correct,
        pending.out,
        pending.y,
    )
    t_factor = units_per_sample
    # Small logits are kept and scored at the next flush (decided from the shapes, once).
    defer = acc and settings.batch_size * t_factor * outputs_per_unit <= DEFER_LIMIT

    def step(idx: torch.Tensor) -> None:
        xb, yb = take(idx)
        if augment:
            xb = augment_batch(xb, augment, aug_generator)
        if amp_dtype is None:
            out = net(xb)
            loss, shown = loss_fn(out, yb)
        else:
            with torch.autocast("cuda", dtype=amp_dtype):
                out = net(xb)
                loss, shown = loss_fn(out, yb)
        total = loss
        if l1 > 0:
            total = total + l1 * sum(p.abs().sum() for p in l1_params)
        opt.zero_grad(set_to_none=True)
        if scaler is not None:
            scaler.scale(total).backward()
            if clip > 0:
                scaler.unscale_(opt)
                clip_norm(model.parameters(), clip)
            scaler.step(opt)
            scaler.update()
        else:
            total.backward()  # type: ignore[no-untyped-call]
            if clip > 0:
                clip_norm(model.parameters(), clip)
            opt.step()
        # Kept without .detach() (a few µs a step): after backward() the graph behind them
        # holds no buffers, and PendingMetrics.read works under no_grad.
        p_loss.append(shown)
        p_units.append(len(idx) * t_factor)
        if defer:
            p_out.append(out)
            p_y.append(yb)
        elif acc:
            p_correct.append(correct_fn(out.detach(), yb))

    return step
