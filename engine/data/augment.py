"""Augmentation on whole batches as tensor ops: one affine warp for shift and rotation,
masks for flip and cutout, so the cost per batch does not grow with Python work per sample."""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from engine.data.catalog import AUGMENTATIONS
from engine.data.dataset import Dataset
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

_MAX_SHIFT = 0.1  # of the image size
_MAX_DEGREES = 15.0


def _rand(n: int, generator: torch.Generator | None, device: torch.device) -> torch.Tensor:
    # Drawn on the generator's device (CPU by default) and moved once: N numbers, cheap.
    gen_device = generator.device if generator is not None else torch.device("cpu")
    return torch.rand(n, generator=generator, device=gen_device).to(device)


def augment_batch(
    x: torch.Tensor, ops: Sequence[str], generator: torch.Generator | None = None
) -> torch.Tensor:
    """A randomly augmented copy of a float N×C×H×W batch; ``ops`` are AUGMENTATIONS ids."""
    unknown = [op for op in ops if op not in AUGMENTATIONS]
    if unknown:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Unknown augmentation {unknown}; choose from {known}."),
            unknown=repr(unknown[0]),
            known=", ".join(AUGMENTATIONS),
        )
    if x.dim() != 4:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Augmentation works on images only (a batch of N×C×H×W).")
        )
    if not ops or x.shape[0] == 0:
        return x
    n, device = x.shape[0], x.device
    out = x
    if "flip" in ops:
        mirror = (_rand(n, generator, device) < 0.5).view(n, 1, 1, 1)
        out = torch.where(mirror, out.flip(3), out)
    if "shift" in ops or "rotate" in ops:
        out = _warp(out, "shift" in ops, "rotate" in ops, generator)
    if "cutout" in ops:
        out = _cutout(out, generator)
    if "noise" in ops:
        gen_device = generator.device if generator is not None else torch.device("cpu")
        noise = torch.randn(out.shape, generator=generator, device=gen_device).to(device)
        out = out + noise * (0.1 * out.detach().std().clamp_min(1e-3))
    return out


def _warp(
    x: torch.Tensor, shift: bool, rotate: bool, generator: torch.Generator | None
) -> torch.Tensor:
    n, device = x.shape[0], x.device
    angle = torch.zeros(n, device=device)
    if rotate:
        angle = (_rand(n, generator, device) * 2 - 1) * math.radians(_MAX_DEGREES)
    tx = ty = torch.zeros(n, device=device)
    if shift:  # affine_grid works in [-1, 1] coordinates: a shift of s of the size is 2s
        tx = (_rand(n, generator, device) * 2 - 1) * 2 * _MAX_SHIFT
        ty = (_rand(n, generator, device) * 2 - 1) * 2 * _MAX_SHIFT
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    grid = torch.nn.functional.affine_grid(theta.to(x.dtype), list(x.shape), align_corners=False)
    # Zero padding: in normalised inputs 0 is the mean, in [0, 1] previews it is black.
    return torch.nn.functional.grid_sample(
        x, grid, mode="bilinear", padding_mode="zeros", align_corners=False
    )


def _cutout(x: torch.Tensor, generator: torch.Generator | None) -> torch.Tensor:
    n, _, h, w = x.shape
    device = x.device
    side = (0.25 + 0.25 * _rand(n, generator, device)) * min(h, w)
    cy = _rand(n, generator, device) * h
    cx = _rand(n, generator, device) * w
    rows = torch.arange(h, device=device).view(1, h, 1)
    cols = torch.arange(w, device=device).view(1, 1, w)
    half = (side / 2).view(n, 1, 1)
    inside = ((rows - cy.view(n, 1, 1)).abs() < half) & ((cols - cx.view(n, 1, 1)).abs() < half)
    return x.masked_fill(inside.unsqueeze(1), 0.0)


def preview_augmented(
    dataset: Dataset, ops: Sequence[str], n: int = 16, seed: int = 0
) -> torch.Tensor:
    """``n`` training images augmented with ``ops``, as floats in [0, 1] (N×C×H×W, CPU)."""
    images, _ = dataset.sample_images(n)
    generator = torch.Generator().manual_seed(seed)
    return augment_batch(images.float() / 255.0, ops, generator).clamp_(0.0, 1.0)
