"""Serving a dataset split to the model by index, without a DataLoader.

Small datasets stay resident (on the GPU when one is used and the data fits) and a batch is one
indexing operation: ``DataLoader(TensorDataset)`` was 50x slower on tabular data in a probe.
When the data does not fit on the GPU it stays in pinned host memory and each batch is gathered
into a pinned staging buffer and copied with ``non_blocking=True``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

# Keep preprocessed (float) copies of a split when they stay under this size: a batch is then
# a pure gather, with no per-batch conversion. Larger sets are converted batch by batch.
CACHE_LIMIT_BYTES = 1 << 30


def split_bytes(split: Any) -> int:
    return int(split.x.numel() * split.x.element_size() + split.y.numel() * split.y.element_size())


def gpu_fits(device: torch.device, nbytes: int, share: float = 0.5) -> bool:
    """True when ``nbytes`` fit in ``share`` of the device's free memory."""
    import torch

    if device.type != "cuda":
        return True
    free, _total = torch.cuda.mem_get_info(device)
    return nbytes <= share * free


class SplitFeeder:
    """One split's tensors, served as model-ready ``(x, y)`` batches on ``device``.

    ``preprocess`` turns compact samples (uint8 images, int64 tokens, float tables) into model
    input; ``augment`` (optional) runs on the preprocessed batch during training only.
    """

    def __init__(
        self,
        split: Any,
        preprocess: Any,
        device: torch.device,
        *,
        resident: bool = True,
        cache: bool = True,
        channels_last: bool = False,
    ) -> None:
        import torch

        self.device = device
        self.n = int(split.x.shape[0])
        self._preprocess = preprocess
        self._channels_last = channels_last
        self.resident = resident or device.type == "cpu"
        x, y = split.x, split.y
        if self.resident:
            x, y = x.to(device), y.to(device)
            float_bytes = x.numel() * 4
            if cache and float_bytes <= CACHE_LIMIT_BYTES and gpu_fits(device, float_bytes, 0.25):
                x = self._model_ready(x)
                self._cached = True
            else:
                self._cached = False
        else:
            x, y = x.pin_memory(), y.pin_memory()
            self._cached = False
            self._staging: list[tuple[torch.Tensor, torch.Tensor, Any]] = []
            self._turn = 0
        self.x, self.y = x, y
        # Index tensors live where the gather runs.
        self.index_device = device if self.resident else torch.device("cpu")

    def _model_ready(self, x: torch.Tensor) -> torch.Tensor:
        import torch

        out: torch.Tensor = self._preprocess(x)
        if self._channels_last and out.ndim == 4:
            out = out.contiguous(memory_format=torch.channels_last)
        return out

    def take(self, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The batch of samples ``idx`` (on ``index_device``), model-ready on ``device``."""
        if self.resident:
            xb, yb = self.x[idx], self.y[idx]
        else:
            xb, yb = self._copy_in(idx)
        return (xb if self._cached else self._model_ready(xb)), yb

    def _copy_in(self, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Gather into one of two pinned buffers and copy to the GPU asynchronously."""
        import torch

        k = int(idx.numel())
        if len(self._staging) < 2:
            for _ in range(2 - len(self._staging)):
                self._staging.append(
                    (
                        torch.empty((k, *self.x.shape[1:]), dtype=self.x.dtype).pin_memory(),
                        torch.empty((k, *self.y.shape[1:]), dtype=self.y.dtype).pin_memory(),
                        torch.cuda.Event(),  # type: ignore[no-untyped-call]
                    )
                )
        turn = self._turn
        self._turn ^= 1
        bx, by, done = self._staging[turn]
        done.synchronize()  # the copy that last read this buffer has finished
        if bx.shape[0] < k:  # evaluation batches can be larger than training ones
            bx = torch.empty((k, *self.x.shape[1:]), dtype=self.x.dtype).pin_memory()
            by = torch.empty((k, *self.y.shape[1:]), dtype=self.y.dtype).pin_memory()
            self._staging[turn] = (bx, by, done)
        torch.index_select(self.x, 0, idx, out=bx[:k])
        torch.index_select(self.y, 0, idx, out=by[:k])
        xb = bx[:k].to(self.device, non_blocking=True)
        yb = by[:k].to(self.device, non_blocking=True)
        done.record()
        return xb, yb

    def chunks(self, batch_size: int) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        """Every sample in order, ``batch_size`` at a time (evaluation)."""
        import torch

        for start in range(0, self.n, batch_size):
            stop = min(start + batch_size, self.n)
            if self.resident:
                xb, yb = self.x[start:stop], self.y[start:stop]
                yield (xb if self._cached else self._model_ready(xb)), yb
            else:
                yield self.take(torch.arange(start, stop))


def epoch_batches(
    n: int,
    batch_size: int,
    generator: torch.Generator,
    device: torch.device,
    rank: int = 0,
    world_size: int = 1,
) -> list[torch.Tensor]:
    """A shuffled epoch as index batches on ``device``; each rank gets its own shard.

    Sharding follows DistributedSampler: the permutation (same on every rank, same seed) is
    padded by wrapping to a multiple of ``world_size`` and rank r takes every world_size-th
    index from r, so every rank runs the same number of steps (DDP needs that).
    """
    import torch

    perm = torch.randperm(n, generator=generator)
    if world_size > 1:
        total = -(-n // world_size) * world_size
        if total > n:
            perm = torch.cat([perm, perm[: total - n]])
        perm = perm[rank::world_size]
    perm = perm.to(device)  # one copy per epoch; the batches below are views
    return list(torch.split(perm, max(1, int(batch_size))))
