"""Tiny, fast trainings the labs run in a worker thread (torch is imported inside functions).

They are deliberately small (a few hundred points, a few thousand weights, full-batch steps) so a
lab answers in about a second on a laptop CPU; the real trainer is one click away in the lab's
project.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

Report = Callable[[Any], None]
ShouldStop = Callable[[], bool]

# The plane the 2-D labs draw: x from -1.5 to 2.5, y from -1.0 to 1.5 (where the moons lie).
BOUNDS = (-1.5, 2.5, -1.0, 1.5)


def moons(n: int, noise: float, seed: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """Two interleaving half circles (the classic 'moons' set), ``n`` points, labels 0 and 1."""
    rng = np.random.default_rng(seed)
    half = n // 2
    t0 = rng.uniform(0, np.pi, half)
    t1 = rng.uniform(0, np.pi, n - half)
    upper = np.stack([np.cos(t0), np.sin(t0)], axis=1)
    lower = np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], axis=1)
    x = np.concatenate([upper, lower]) + rng.normal(0, noise, (n, 2))
    y = np.concatenate([np.zeros(half, np.int64), np.ones(n - half, np.int64)])
    order = rng.permutation(n)
    return x[order].astype(np.float32), y[order]


def grid_points(resolution: int) -> NDArray[np.float32]:
    """``resolution``² points covering BOUNDS, row-major with x varying fastest."""
    x0, x1, y0, y1 = BOUNDS
    xs = np.linspace(x0, x1, resolution, dtype=np.float32)
    ys = np.linspace(y0, y1, resolution, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1)


def _activation_module(name: str) -> Any:
    import torch.nn as nn

    modules: dict[str, Callable[[], nn.Module]] = {
        "sigmoid": nn.Sigmoid,
        "tanh": nn.Tanh,
        "relu": nn.ReLU,
        "leaky_relu": lambda: nn.LeakyReLU(0.1),
        "gelu": nn.GELU,
    }
    return modules[name]()


def mlp(sizes: list[int], activation: str, dropout: float = 0.0, seed: int = 0) -> Any:
    import torch
    import torch.nn as nn

    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(itertools.pairwise(sizes)):
        layers.append(nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(_activation_module(activation))
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
    return nn.Sequential(*layers)


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Run the enclosed tiny computation on one intra-op thread.

    These models are far too small to gain from parallel kernels, and on a busy 2-core machine
    two spinning threads made them 10-30x slower (measured: 300 boundary steps 16 s vs 0.5 s).
    torch's thread count is process-wide, so it is put back afterwards unless someone (the
    trainer starting a run) changed it meanwhile.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        if torch.get_num_threads() == 1:
            torch.set_num_threads(before)


class Adam:
    """Adam (Kingma & Ba, 2015) with L2 weight decay, written out in a few lines.

    The labs do not use ``torch.optim``: constructing its first optimiser imports
    ``torch._dynamo``, which took 5-8 s on a loaded 2-core machine, and a lab must answer at once.
    """

    def __init__(self, params: list[Any], lr: float, weight_decay: float = 0.0) -> None:
        import torch

        self.params = params
        self.lr, self.weight_decay = lr, weight_decay
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8
        self.m = [torch.zeros_like(p) for p in params]
        self.v = [torch.zeros_like(p) for p in params]
        self.t = 0

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        import torch

        self.t += 1
        c1, c2 = 1 - self.beta1**self.t, 1 - self.beta2**self.t
        with torch.no_grad():
            for p, m, v in zip(self.params, self.m, self.v, strict=True):
                if p.grad is None:
                    continue
                g = p.grad + self.weight_decay * p if self.weight_decay else p.grad
                m.mul_(self.beta1).add_(g, alpha=1 - self.beta1)
                v.mul_(self.beta2).addcmul_(g, g, value=1 - self.beta2)
                p.sub_(self.lr * (m / c1) / ((v / c2).sqrt() + self.eps))


@dataclass
class BoundaryFrame:
    step: int
    probabilities: NDArray[np.float32]  # (resolution, resolution): P(class 1) over BOUNDS
    loss: float
    accuracy: float


def train_boundary(
    activation: str,
    report: Report,
    should_stop: ShouldStop,
    steps: int = 300,
    every: int = 50,
    resolution: int = 60,
    seed: int = 0,
) -> BoundaryFrame:
    """Train a 2-16-16-2 MLP with ``activation`` on moons; report a BoundaryFrame every
    ``every`` steps and return the last one."""
    import torch
    import torch.nn.functional as F

    x_np, y_np = moons(200, 0.2, seed)
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    grid = torch.from_numpy(grid_points(resolution))
    model = mlp([2, 16, 16, 2], activation, seed=seed)
    optimiser = Adam(list(model.parameters()), lr=0.02)
    frame = BoundaryFrame(0, np.full((resolution, resolution), 0.5, np.float32), 0.0, 0.0)
    for step in range(1, steps + 1):
        if should_stop():
            break
        optimiser.zero_grad()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimiser.step()
        if step % every == 0 or step == steps:
            with torch.no_grad():
                probs = torch.softmax(model(grid), dim=1)[:, 1].reshape(resolution, resolution)
                accuracy = float((model(x).argmax(1) == y).float().mean())
            frame = BoundaryFrame(step, probs.numpy().copy(), loss.item(), accuracy)
            report(frame)
    return frame


@dataclass
class Remedies:
    dropout: bool = False
    weight_decay: bool = False
    augmentation: bool = False
    early_stopping: bool = False


@dataclass
class Curves:
    label: str
    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    stopped_at: int | None = None  # epoch where early stopping ended the run
    best_epoch: int = 0

    def final(self) -> tuple[float, float]:
        """(validation loss, validation accuracy) of the weights the run ends with: the best
        epoch's when early stopping restored them, else the last epoch's."""
        index = self.best_epoch - 1 if self.stopped_at is not None else -1
        return self.val_loss[index], self.val_accuracy[index]


def overfit_run(
    remedies: Remedies,
    label: str,
    report: Report,
    should_stop: ShouldStop,
    epochs: int = 300,
    n_train: int = 30,
    seed: int = 0,
) -> Curves:
    """Train a large MLP (2-128-128-2) on ``n_train`` noisy moons: the textbook overfit.

    Remedies: dropout 0.3 after each hidden layer, weight decay (L2) 1e-2, augmentation by
    jittering every point with N(0, 0.15²) noise each epoch, early stopping with patience 30
    epochs (the best weights by validation loss are kept).
    """
    import torch
    import torch.nn.functional as F

    x_np, y_np = moons(n_train + 400, 0.3, seed)
    x, y = torch.from_numpy(x_np[:n_train]), torch.from_numpy(y_np[:n_train])
    vx, vy = torch.from_numpy(x_np[n_train:]), torch.from_numpy(y_np[n_train:])
    model = mlp([2, 128, 128, 2], "relu", dropout=0.3 if remedies.dropout else 0.0, seed=seed)
    optimiser = Adam(
        list(model.parameters()), lr=0.01, weight_decay=1e-2 if remedies.weight_decay else 0.0
    )
    generator = torch.Generator().manual_seed(seed)
    curves = Curves(label)
    best, best_state, waited = float("inf"), None, 0
    for epoch in range(1, epochs + 1):
        if should_stop():
            break
        model.train()
        inputs = x
        if remedies.augmentation:
            inputs = x + 0.15 * torch.randn(x.shape, generator=generator)
        optimiser.zero_grad()
        loss = F.cross_entropy(model(inputs), y)
        loss.backward()
        optimiser.step()
        model.eval()
        with torch.no_grad():
            train_loss = float(F.cross_entropy(model(x), y))
            val_logits = model(vx)
            val_loss = float(F.cross_entropy(val_logits, vy))
            val_acc = float((val_logits.argmax(1) == vy).float().mean())
        curves.train_loss.append(train_loss)
        curves.val_loss.append(val_loss)
        curves.val_accuracy.append(val_acc)
        if val_loss < best - 1e-4:
            best, waited, curves.best_epoch = val_loss, 0, epoch
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            waited += 1
        if remedies.early_stopping and waited >= 30:
            curves.stopped_at = epoch
            break
        if epoch % 25 == 0:
            report(copy.deepcopy(curves))  # the GUI reads it while this thread appends
    if remedies.early_stopping and best_state is not None:
        model.load_state_dict(best_state)
    return curves


def gradient_norms_per_step(
    cell: str,
    seq_len: int = 40,
    hidden: int = 32,
    repeats: int = 8,
    seed: int = 0,
    forget_bias: float = 1.0,
) -> NDArray[np.float64]:
    """‖∂L/∂x_t‖ for each time step t, where L depends only on the last output of a freshly
    initialised one-layer ``cell`` ("rnn" or "lstm") over random inputs; averaged over repeats.

    A plain tanh RNN multiplies the gradient by the recurrent Jacobian at every step back in time,
    so its norm shrinks geometrically; the LSTM's additive cell-state path keeps it far larger.
    ``forget_bias`` is added to the LSTM's forget-gate bias: 1 is the usual choice (Jozefowicz et
    al., 2015); at 0 the forget gate starts half closed and the LSTM forgets almost as fast.
    """
    import torch
    import torch.nn as nn

    torch.manual_seed(seed)
    total = np.zeros(seq_len)
    for _ in range(repeats):
        net: nn.Module = (
            nn.RNN(8, hidden, batch_first=True)
            if cell == "rnn"
            else nn.LSTM(8, hidden, batch_first=True)
        )
        if cell == "lstm":
            with torch.no_grad():  # PyTorch orders the gates input, forget, cell, output
                net.bias_hh_l0[hidden : 2 * hidden] += forget_bias  # type: ignore[index,operator]
        x = torch.randn(1, seq_len, 8, requires_grad=True)
        out, _state = net(x)
        out[0, -1].sum().backward()
        assert x.grad is not None
        total += x.grad[0].norm(dim=1).double().numpy()
    return total / repeats
