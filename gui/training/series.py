"""Plain data behind the live plots: growable buffers, smoothing, overfitting detection."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

OVERFIT_EPOCHS = 3  # consecutive epochs of rising validation loss that count as overfitting


class SeriesBuffer:
    """A growable (x, y) buffer; appends are amortised O(1) and views need no copy."""

    def __init__(self, capacity: int = 256) -> None:
        self._data = np.empty((2, capacity), dtype=np.float64)
        self.size = 0

    def append(self, x: float, y: float) -> None:
        if self.size == self._data.shape[1]:
            grown = np.empty((2, 2 * self.size), dtype=np.float64)
            grown[:, : self.size] = self._data[:, : self.size]
            self._data = grown
        self._data[0, self.size] = x
        self._data[1, self.size] = y
        self.size += 1

    def clear(self) -> None:
        self.size = 0

    def replace(self, x: np.ndarray, y: np.ndarray) -> None:
        """Hold exactly these points (a stored run's curve); appends continue after them."""
        self.size = 0
        self._data = np.empty((2, max(256, 2 * len(x))), dtype=np.float64)
        self._data[0, : len(x)] = x
        self._data[1, : len(x)] = y
        self.size = len(x)

    @property
    def x(self) -> np.ndarray:
        return self._data[0, : self.size]

    @property
    def y(self) -> np.ndarray:
        return self._data[1, : self.size]


def find_overfitting(
    train_loss: Sequence[float], val_loss: Sequence[float], epochs: int = OVERFIT_EPOCHS
) -> int | None:
    """Index of the epoch where overfitting began, or None.

    Overfitting here: validation loss rose for at least ``epochs`` consecutive epochs while the
    training loss fell. The returned epoch is the one with the lowest validation loss before
    the rise (where early stopping would have kept the weights).
    """
    count = min(len(train_loss), len(val_loss))
    streak = 0
    for i in range(1, count):
        if val_loss[i] > val_loss[i - 1] and train_loss[i] < train_loss[i - 1]:
            streak += 1
            if streak >= epochs:
                return i - streak
        else:
            streak = 0
    return None


def finite(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def nearest(xs: np.ndarray, x: float) -> int | None:
    if xs.size == 0:
        return None
    i = int(np.searchsorted(xs, x))
    if i >= xs.size:
        return xs.size - 1
    if i > 0 and abs(xs[i - 1] - x) < abs(xs[i] - x):
        return i - 1
    return i


# A stored run is drawn with at most about this many points per curve: a plot is at most a few
# thousand pixels wide, and feeding it 1.5 M points blocked the window for seconds.
DISPLAY_POINTS = 4000


def decimate(
    x: np.ndarray, y: np.ndarray, limit: int = DISPLAY_POINTS
) -> tuple[np.ndarray, np.ndarray]:
    """At most ``limit`` points of (x, y) with the same look: each bucket of consecutive points
    keeps its lowest and highest (in their order), and the first and last points always stay."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.size <= limit:
        return x, y
    buckets = max(1, (limit - 2) // 2)
    edges = np.linspace(0, x.size - 2, buckets + 1).astype(np.int64)
    keep = [0, x.size - 1]
    # NaN (a diverged step) must not hide the bucket's extremes: compare finite values only.
    values = np.where(np.isfinite(y), y, np.nan)
    for start, stop in pairwise(edges):
        if stop <= start:
            continue
        part = values[1 + start : 1 + stop]
        if np.all(np.isnan(part)):
            keep.append(1 + start)
            continue
        keep.extend((1 + start + int(np.nanargmin(part)), 1 + start + int(np.nanargmax(part))))
    index = np.unique(np.asarray(keep, dtype=np.int64))
    return x[index], y[index]
