"""Synthetic tables for the column and leakage tests (no real dataset needed)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def titanic_like(n: int = 891, seed: int = 0) -> pd.DataFrame:
    """Titanic's shape as seaborn ships it: 'class' duplicates 'pclass' and 'alive' is
    'survived' spelled yes/no; survival depends on sex and class, noisily (as in the real data)."""
    rng = np.random.default_rng(seed)
    pclass = rng.choice([1, 2, 3], n, p=[0.24, 0.21, 0.55])
    sex = rng.choice(["male", "female"], n, p=[0.65, 0.35])
    chance = 0.15 + 0.55 * (sex == "female") + 0.15 * (pclass == 1) - 0.1 * (pclass == 3)
    survived = (rng.random(n) < np.clip(chance, 0.02, 0.98)).astype(int)
    age = np.round(rng.uniform(1, 80, n), 1)
    age[rng.random(n) < 0.2] = np.nan
    return pd.DataFrame(
        {
            "survived": survived,
            "pclass": pclass,
            "sex": sex,
            "age": age,
            "fare": np.round(rng.gamma(2, 15, n), 2),
            "class": np.array(["First", "Second", "Third"])[pclass - 1],
            "alive": np.where(survived == 1, "yes", "no"),
            "alone": rng.random(n) < 0.6,
        }
    )


def planted_leak(n: int = 400, seed: int = 1) -> pd.DataFrame:
    """Two noise features, one honest feature and 'code': the target relabelled (many-to-one:
    two codes per class), which no honest feature can match."""
    rng = np.random.default_rng(seed)
    outcome = rng.integers(0, 3, n)
    return pd.DataFrame(
        {
            "noise_a": rng.normal(size=n),
            "noise_b": rng.choice(["p", "q", "r"], n),
            "honest": outcome + rng.normal(scale=1.5, size=n),
            "code": np.array(["A1", "A2", "B1", "B2", "C1", "C2"])[
                outcome * 2 + rng.integers(0, 2, n)
            ],
            "outcome": outcome,
        }
    )
