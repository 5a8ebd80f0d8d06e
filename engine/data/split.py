"""Deterministic splits and index batching (no per-sample Python work per epoch)."""

from __future__ import annotations

from collections.abc import Iterator

import torch


def split_indices(
    n: int,
    val_frac: float,
    test_frac: float,
    seed: int,
    stratify: torch.Tensor | None = None,
    contiguous: bool = False,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Train, validation and test indices (each sorted), the same for the same seed.

    With ``stratify`` (class labels) every class is split in the same proportions; a class too
    small to share keeps its samples in training. ``contiguous`` takes the splits as consecutive
    blocks (train first), which keeps overlapping text windows from leaking across splits.
    """
    if contiguous:
        n_test = round(n * test_frac)
        n_val = round(n * val_frac)
        n_train = max(0, n - n_val - n_test)
        all_i = torch.arange(n)
        return all_i[:n_train], all_i[n_train : n_train + n_val], all_i[n_train + n_val :]
    generator = torch.Generator().manual_seed(seed)
    perm = torch.randperm(n, generator=generator)
    if stratify is None:
        groups = [perm]
    else:
        labels = stratify.reshape(-1).cpu()[perm]
        order = torch.argsort(labels, stable=True)
        counts = torch.bincount(labels) if n else torch.zeros(0, dtype=torch.int64)
        groups = [g for g in torch.split(perm[order], counts.tolist()) if len(g)]
    sizes = [len(g) for g in groups]
    n_tests = _apportion(sizes, test_frac)
    n_vals = _apportion(sizes, val_frac)
    train, val, test = [], [], []
    for group, size, n_test, n_val in zip(groups, sizes, n_tests, n_vals, strict=True):
        excess = n_test + n_val - (size - 1)  # keep one sample of every class for training
        if excess > 0:
            cut = min(excess, n_val)
            n_val -= cut
            n_test = max(0, n_test - (excess - cut))
        test.append(group[:n_test])
        val.append(group[n_test : n_test + n_val])
        train.append(group[n_test + n_val :])

    def join(parts: list[torch.Tensor]) -> torch.Tensor:
        if not parts:
            return torch.zeros(0, dtype=torch.int64)
        return torch.sort(torch.cat(parts)).values

    return join(train), join(val), join(test)


def batch_indices(
    n: int,
    batch_size: int,
    shuffle: bool,
    generator: torch.Generator | None,
    device: torch.device | str | None = None,
) -> Iterator[torch.Tensor]:
    """Index tensors covering 0..n-1 in batches of ``batch_size``; the last may be short.

    The permutation is drawn once per epoch on the generator's device and moved to ``device``
    in one transfer; each batch is then a view of it.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if shuffle:
        gen_device = generator.device if generator is not None else torch.device("cpu")
        order = torch.randperm(n, generator=generator, device=gen_device)
    else:
        order = torch.arange(n)
    if device is not None:
        order = order.to(device)
    yield from torch.split(order, batch_size)


def _apportion(sizes: list[int], fraction: float) -> list[int]:
    """Per-group counts that add up to round(total × fraction) (largest remainders first)."""
    exact = [size * fraction for size in sizes]
    counts = [int(e) for e in exact]
    missing = round(sum(sizes) * fraction) - sum(counts)
    by_remainder = sorted(range(len(sizes)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in by_remainder[: max(0, missing)]:
        counts[i] += 1
    return counts
