"""Plain data behind the live plots: growable buffers, smoothing, overfitting detection."""

from __future__ import annotations

import math
from collections.abc import Sequence

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
