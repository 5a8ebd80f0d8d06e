"""Gradient descent, momentum and Adam on a 2-D quadratic bowl, in numpy (no torch needed).

J(w) = ½(a·w₁² + b·w₂²) with a = 0.25, b = 4: a long, narrow valley (condition number 16), the
shape that makes plain gradient descent zig-zag. Its largest curvature b fixes the edge of
stability: gradient descent diverges for η > 2/b = 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

A, B = 0.25, 4.0
START = np.array([-4.0, 1.5])
EXTENT = (-5.0, 5.0, -3.0, 3.0)  # the drawn part of the plane: w₁ from, to; w₂ from, to
DIVERGENCE_LR = 2.0 / B
_ESCAPED = 1e3  # |w| beyond this: stop following the path, it has diverged


def loss(w: NDArray[np.float64]) -> NDArray[np.float64]:
    """J over the last axis of ``w`` (works for one point or a grid)."""
    return 0.5 * (A * w[..., 0] ** 2 + B * w[..., 1] ** 2)


def gradient(w: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.array([A * w[0], B * w[1]])


@dataclass(frozen=True)
class Path:
    points: NDArray[np.float64]  # (steps + 1, 2), or fewer if the path diverged
    losses: NDArray[np.float64]
    diverged: bool


def run(method: str, lr: float, steps: int = 50, beta: float = 0.9) -> Path:
    """Follow ``method`` ("gd", "momentum" or "adam") from START for ``steps`` steps."""
    w = START.copy()
    velocity = np.zeros(2)
    m, v = np.zeros(2), np.zeros(2)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    points = [w.copy()]
    diverged = False
    for t in range(1, steps + 1):
        g = gradient(w)
        if method == "gd":  # w ← w − η∇J(w)
            w = w - lr * g
        elif method == "momentum":  # v ← βv + ∇J(w); w ← w − ηv
            velocity = beta * velocity + g
            w = w - lr * velocity
        elif method == "adam":
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
            w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
        else:
            raise ValueError(f"unknown method {method!r}")
        if not np.all(np.isfinite(w)) or np.max(np.abs(w)) > _ESCAPED:
            diverged = True
            break
        points.append(w.copy())
    array = np.array(points)
    return Path(array, loss(array), diverged)


def verdict(lr: float, steps: int = 50) -> str:
    """How plain gradient descent fares at this learning rate: "too_small" (still far from the
    minimum), "good", "oscillating" (bounces across the valley without settling) or "divergent"."""
    path = run("gd", lr, steps)
    if path.diverged or lr > DIVERGENCE_LR or path.losses[-1] > path.losses[0]:
        return "divergent"
    if path.losses[-1] > 0.01 * path.losses[0]:
        return "oscillating" if lr > 1.0 / B else "too_small"
    return "good"


def surface(resolution: int = 120) -> NDArray[np.float64]:
    """log₁₀(1 + J) on a grid over EXTENT, shape (resolution, resolution), indexed [x, y]."""
    x0, x1, y0, y1 = EXTENT
    gx, gy = np.meshgrid(
        np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution), indexing="ij"
    )
    return np.log10(1.0 + loss(np.stack([gx, gy], axis=-1)))
