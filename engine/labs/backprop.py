"""One forward and backward pass of a 2-3-1 network on one sample, by hand, and by autograd.

Network: z¹ = W¹x + b¹, a¹ = σ(z¹), z² = W²a¹ + b², ŷ = σ(z²), loss L = ½(ŷ − y)².
Every quantity is computed explicitly with numpy (float64) in the order the chain rule visits
it, so the lab can show each one; ``autograd_gradients`` recomputes the gradients with torch
as the reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass
class TinyNet:
    """The lab's starting point: readable numbers, one sample, one learning rate."""

    x: Array = field(default_factory=lambda: np.array([0.5, -1.0]))
    y: float = 1.0
    w1: Array = field(
        default_factory=lambda: np.array([[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5]])
    )  # (3, 2): row j holds the weights into hidden neuron j
    b1: Array = field(default_factory=lambda: np.array([0.1, -0.2, 0.05]))
    w2: Array = field(default_factory=lambda: np.array([[0.6, -0.5, 0.3]]))  # (1, 3)
    b2: Array = field(default_factory=lambda: np.array([0.2]))
    lr: float = 0.5  # η


@dataclass(frozen=True)
class Step:
    key: str  # stable id, e.g. "dL/dW2"
    phase: str  # "forward", "backward" or "update"
    formula: str  # Unicode math, shown beside the value
    value: Array


def sigmoid(z: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-z))


def steps(net: TinyNet) -> list[Step]:
    """Every activation, gradient and weight update, in chain-rule order."""
    z1 = net.w1 @ net.x + net.b1
    a1 = sigmoid(z1)
    z2 = net.w2 @ a1 + net.b2
    y_hat = sigmoid(z2)
    loss = 0.5 * (y_hat - net.y) ** 2
    d_yhat = y_hat - net.y
    d_z2 = d_yhat * y_hat * (1.0 - y_hat)
    d_w2 = np.outer(d_z2, a1)
    d_b2 = d_z2
    d_a1 = net.w2.T @ d_z2
    d_z1 = d_a1 * a1 * (1.0 - a1)
    d_w1 = np.outer(d_z1, net.x)
    d_b1 = d_z1
    return [
        Step("z1", "forward", "z¹ = W¹x + b¹", z1),
        Step("a1", "forward", "a¹ = σ(z¹)", a1),
        Step("z2", "forward", "z² = W²a¹ + b²", z2),
        Step("y_hat", "forward", "ŷ = σ(z²)", y_hat),
        Step("loss", "forward", "L = ½(ŷ − y)²", loss),
        Step("dL/dy_hat", "backward", "∂L/∂ŷ = ŷ − y", d_yhat),
        Step("dL/dz2", "backward", "∂L/∂z² = ∂L/∂ŷ · ŷ(1 − ŷ)", d_z2),
        Step("dL/dW2", "backward", "∂L/∂W² = ∂L/∂z² · (a¹)ᵀ", d_w2),
        Step("dL/db2", "backward", "∂L/∂b² = ∂L/∂z²", d_b2),
        Step("dL/da1", "backward", "∂L/∂a¹ = (W²)ᵀ · ∂L/∂z²", d_a1),
        Step("dL/dz1", "backward", "∂L/∂z¹ = ∂L/∂a¹ ⊙ a¹(1 − a¹)", d_z1),
        Step("dL/dW1", "backward", "∂L/∂W¹ = ∂L/∂z¹ · xᵀ", d_w1),
        Step("dL/db1", "backward", "∂L/∂b¹ = ∂L/∂z¹", d_b1),
        Step("W2_new", "update", "W² ← W² − η ∂L/∂W²", net.w2 - net.lr * d_w2),
        Step("b2_new", "update", "b² ← b² − η ∂L/∂b²", net.b2 - net.lr * d_b2),
        Step("W1_new", "update", "W¹ ← W¹ − η ∂L/∂W¹", net.w1 - net.lr * d_w1),
        Step("b1_new", "update", "b¹ ← b¹ − η ∂L/∂b¹", net.b1 - net.lr * d_b1),
    ]


def autograd_gradients(net: TinyNet) -> dict[str, Array]:
    """The same loss differentiated by torch autograd (float64): the reference."""
    import torch

    def leaf(a: Array) -> torch.Tensor:
        return torch.tensor(a, dtype=torch.float64, requires_grad=True)

    w1, b1, w2, b2 = leaf(net.w1), leaf(net.b1), leaf(net.w2), leaf(net.b2)
    x = torch.tensor(net.x, dtype=torch.float64)
    a1 = torch.sigmoid(w1 @ x + b1)
    y_hat = torch.sigmoid(w2 @ a1 + b2)
    loss = 0.5 * (y_hat - net.y).pow(2).sum()
    loss.backward()  # type: ignore[no-untyped-call]
    grads = {"dL/dW1": w1.grad, "dL/db1": b1.grad, "dL/dW2": w2.grad, "dL/db2": b2.grad}
    result = {key: g.numpy().copy() for key, g in grads.items() if g is not None}
    result["loss"] = np.array([loss.item()])
    return result


def max_difference(net: TinyNet) -> float:
    """Largest absolute difference between the hand-computed and the autograd gradients."""
    by_hand = {step.key: step.value for step in steps(net)}
    reference = autograd_gradients(net)
    return max(
        float(np.max(np.abs(by_hand[key].reshape(-1) - value.reshape(-1))))
        for key, value in reference.items()
    )
