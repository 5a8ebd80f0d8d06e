"""2-D toy point sets for the playground: moons, circles, spirals, XOR, Gaussian blobs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import opt_float, opt_int

Points = tuple[NDArray[np.float32], NDArray[np.int64]]


def _moons(n: int, noise: float, rng: np.random.Generator, _: Mapping[str, Any]) -> Points:
    n0 = n // 2
    t0 = np.linspace(0, np.pi, n0)
    t1 = np.linspace(0, np.pi, n - n0)
    x = np.concatenate([np.c_[np.cos(t0), np.sin(t0)], np.c_[1 - np.cos(t1), 0.5 - np.sin(t1)]])
    y = np.r_[np.zeros(n0), np.ones(n - n0)]
    return _finish(x + rng.normal(0, noise, x.shape), y, rng)


def _circles(n: int, noise: float, rng: np.random.Generator, _: Mapping[str, Any]) -> Points:
    n0 = n // 2
    t0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    t1 = np.linspace(0, 2 * np.pi, n - n0, endpoint=False)
    x = np.concatenate([np.c_[np.cos(t0), np.sin(t0)], 0.5 * np.c_[np.cos(t1), np.sin(t1)]])
    y = np.r_[np.zeros(n0), np.ones(n - n0)]
    return _finish(x + rng.normal(0, noise, x.shape), y, rng)


def _spirals(n: int, noise: float, rng: np.random.Generator, _: Mapping[str, Any]) -> Points:
    n0 = n // 2
    xs, ys = [], []
    for label, count in ((0, n0), (1, n - n0)):
        t = np.linspace(0.25, 3 * np.pi, count)
        angle = t + label * np.pi
        xs.append(np.c_[t * np.cos(angle), t * np.sin(angle)] / (3 * np.pi))
        ys.append(np.full(count, label))
    x = np.concatenate(xs)
    return _finish(x + rng.normal(0, noise, x.shape), np.concatenate(ys), rng)


def _xor(n: int, noise: float, rng: np.random.Generator, _: Mapping[str, Any]) -> Points:
    x = rng.uniform(-1, 1, (n, 2))
    y = (x[:, 0] * x[:, 1] < 0).astype(np.int64)
    return _finish(x + rng.normal(0, noise, x.shape), y, rng)


def _blobs(n: int, noise: float, rng: np.random.Generator, options: Mapping[str, Any]) -> Points:
    k = opt_int(options, "centers", 3, 2, 10)
    angles = 2 * np.pi * np.arange(k) / k
    centres = 2.0 * np.c_[np.cos(angles), np.sin(angles)]
    y = np.arange(n) % k
    return _finish(centres[y] + rng.normal(0, noise, (n, 2)), y, rng)


def _finish(x: NDArray[Any], y: NDArray[Any], rng: np.random.Generator) -> Points:
    order = rng.permutation(len(x))
    return x[order].astype(np.float32), y[order].astype(np.int64)


TOYS: dict[str, tuple[Callable[..., Points], float]] = {
    "moons": (_moons, 0.1),
    "circles": (_circles, 0.05),
    "spirals": (_spirals, 0.02),
    "xor": (_xor, 0.0),
    "blobs": (_blobs, 0.5),
}


def make_points(name: str, options: Mapping[str, Any]) -> Points:
    """``n_samples`` points (default 1000) of the named toy set, ``noise`` as its spread."""
    make, default_noise = TOYS[name]
    n = opt_int(options, "n_samples", 1000, 10, 1_000_000)
    noise = opt_float(options, "noise", default_noise, 0.0, 10.0)
    rng = np.random.default_rng(opt_int(options, "seed", 0, 0, 2**63 - 1))
    return make(n, noise, rng, options)
