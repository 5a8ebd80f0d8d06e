"""Time to accuracy: the course's CNN with NetCanvas's defaults against a plain PyTorch loop of the
introduction's Keras recipe, side by side, on the same data and threads.

  engine   engine.train.Trainer with a new seed-CNN project's settings (one-cycle to 3e-3,
           batch 32, label smoothing 0.1), run
           for ``--epochs`` epochs (the one-cycle spans the run)
  keras    a hand-written loop of the book's ``model.fit``: Adam 1e-3, batch 32, constant rate,
           Glorot-uniform weights and zero biases (engine.session.glorot_initialise)
  keras_package  the book's code itself (tf.keras.Sequential … model.fit), run by Keras 3 on
           its PyTorch backend (KERAS_BACKEND=torch), when keras is installed (the test extra)

Each is run ``--seeds`` times; after every epoch its validation accuracy is measured (outside
the timed part) and the first time it reaches ``--target`` is noted. Test accuracy is reported
after every epoch too, never used to choose anything.

Data: the MNIST IDX folder given with ``--data`` (``train-images-idx3-ubyte.gz`` …), else the
built-in 5 000 digits (their validation split tops out near 97 %: the default target is 0.99
for MNIST files and 0.95 for the built-in set).

Run:  python bench/bench_time_to_accuracy.py [--data MNIST_DIR] [--epochs 5] [--seeds 2]
The last line printed is one JSON object; its "ratio" is engine seconds / keras seconds to the
target (smaller is better for the engine). The baselines run up to ``--baseline-epochs`` and stop
at the target; one that never reaches it gets "ratio_at_most" instead (engine seconds / its
whole run, which is less than its time to the target would be).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch
from torch.nn import functional as F

from engine.build import build_model
from engine.data import Dataset, load_dataset
from engine.device import headless_threads
from engine.metrics import evaluate
from engine.session import glorot_initialise
from engine.templates import fit_to_data, make_template, template_settings
from engine.train import Callback, Trainer
from engine.types import DataRef


def val_accuracy(model: torch.nn.Module, ds: Dataset, split: str = "val") -> float:
    accuracy = float(evaluate(model, ds, split).accuracy or 0.0)
    model.train()
    return accuracy


class EpochClock(Callback):
    """Training seconds at each epoch's end (the trainer's own epoch time: its validation pass
    is not counted, as the hand loop's is not), the validation accuracy then and, for the
    report only, the test accuracy."""

    def __init__(self, ds: Dataset) -> None:
        self.points: list[tuple[float, float]] = []  # (training seconds so far, val accuracy)
        self.tests: list[float] = []
        self._trained = 0.0
        self._ds = ds
        self.model: torch.nn.Module | None = None  # the trainer's, once it is made

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self._trained += float(logs.get("time_s", 0.0))
        self.points.append((self._trained, float(logs.get("val_accuracy", 0.0))))
        if self.model is not None:
            self.tests.append(val_accuracy(self.model, self._ds, "test"))


def model_for(ds: Dataset, seed: int, glorot: bool) -> torch.nn.Module:
    graph = make_template("seed-cnn", ds.context())
    fit_to_data(graph, ds.context())
    model = build_model(graph, seed=seed)
    if glorot:
        glorot_initialise(model, seed)
    return model


def run_engine(ds: Dataset, epochs: int, seed: int, target: float) -> dict[str, Any]:
    """All ``epochs`` (its one-cycle schedule spans them); ``target`` is only read after."""
    settings = replace(template_settings("seed-cnn"), epochs=epochs, seed=seed, device="cpu")
    model = model_for(ds, seed, False)
    clock = EpochClock(ds)
    trainer = Trainer(model, ds, settings, [clock], num_threads=headless_threads())
    clock.model = trainer.model
    trainer.fit()
    return {"points": clock.points, "tests": clock.tests, "test_accuracy": clock.tests[-1]}


def run_keras_loop(ds: Dataset, epochs: int, seed: int, target: float) -> dict[str, Any]:
    torch.set_num_threads(headless_threads())
    model = model_for(ds, seed, True)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = ds.train.x, ds.train.y
    generator = torch.Generator().manual_seed(seed)
    points: list[tuple[float, float]] = []
    tests: list[float] = []
    trained = 0.0
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for i in range(0, len(x), 32):
            index = order[i : i + 32]
            loss = F.cross_entropy(model(ds.preprocess(x[index])), y[index])
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
        trained += time.perf_counter() - start
        points.append((trained, val_accuracy(model, ds)))
        tests.append(val_accuracy(model, ds, "test"))
        if points[-1][1] >= target:
            break
    return {"points": points, "tests": tests, "test_accuracy": tests[-1]}


def run_keras_package(ds: Dataset, epochs: int, seed: int, target: float) -> dict[str, Any]:
    """The introduction's section 5.1, unchanged but for the data: Conv2D 32 3×3 → MaxPool →
    Flatten → Dense 128 → Dense 10 softmax, Adam, batch 32, inputs / 255 (NHWC)."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras
    import numpy as np

    torch.set_num_threads(headless_threads())
    keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, (3, 3), activation="relu"),
            layers.MaxPooling2D((2, 2)),
            layers.Flatten(),
            layers.Dense(128, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

    def nhwc(split: Any) -> tuple[Any, Any]:
        x = split.x.numpy().astype(np.float32).transpose(0, 2, 3, 1) / 255.0
        return x, split.y.numpy()

    (x, y), (vx, vy), (tx, ty) = nhwc(ds.train), nhwc(ds.val), nhwc(ds.test)
    points: list[tuple[float, float]] = []
    tests: list[float] = []
    trained = 0.0
    for _ in range(epochs):
        start = time.perf_counter()
        model.fit(x, y, batch_size=32, epochs=1, verbose=0)
        trained += time.perf_counter() - start
        points.append((trained, float(model.evaluate(vx, vy, verbose=0)[1])))
        tests.append(float(model.evaluate(tx, ty, verbose=0)[1]))
        if points[-1][1] >= target:
            break
    return {"points": points, "tests": tests, "test_accuracy": tests[-1]}


def seconds_to(points: list[tuple[float, float]], target: float) -> float | None:
    return next((seconds for seconds, accuracy in points if accuracy >= target), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a folder of MNIST IDX files (default: the built-in 5 000)")
    parser.add_argument("--epochs", type=int, default=5, help="the engine's run")
    parser.add_argument(
        "--baseline-epochs",
        type=int,
        default=15,
        help="the Keras recipe's longest run: it stops once it reaches the target",
    )
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--target", type=float)
    args = parser.parse_args()
    ds = load_dataset(DataRef(args.data or "mnist-5k", {}))
    target = args.target or (0.99 if args.data else 0.95)
    results: dict[str, Any] = {"data": ds.name, "train_n": len(ds.train), "target": target}
    contenders = [("engine", run_engine), ("keras", run_keras_loop)]
    if importlib.util.find_spec("keras") is not None and tuple(ds.input_shape) == (1, 28, 28):
        contenders.append(("keras_package", run_keras_package))
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in contenders}
    for seed in range(args.seeds):
        for name, run in contenders:
            epochs = args.epochs if name == "engine" else args.baseline_epochs
            outcome = run(ds, epochs, seed, target)
            runs[name].append(outcome)
            accuracies = " ".join(f"{a:.4f}" for _, a in outcome["points"])
            tests = " ".join(f"{a:.4f}" for a in outcome["tests"])
            print(
                f"seed {seed} {name}: val accuracy by epoch {accuracies}; "
                f"test {tests}; {outcome['points'][-1][0]:.1f} s",
                flush=True,
            )
    for name, outcomes in runs.items():
        reached = [seconds_to(o["points"], target) for o in outcomes]
        epochs_run = range(min(len(o["points"]) for o in outcomes))
        results[name] = {
            "val_accuracy_by_epoch": [
                round(statistics.mean(o["points"][e][1] for o in outcomes), 4) for e in epochs_run
            ],
            "test_accuracy_by_epoch": [
                round(statistics.mean(o["tests"][e] for o in outcomes), 4) for e in epochs_run
            ],
            "test_accuracy": round(statistics.mean(o["test_accuracy"] for o in outcomes), 4),
            "train_s": round(statistics.mean(o["points"][-1][0] for o in outcomes), 1),
            "seconds_to_target": [None if s is None else round(s, 1) for s in reached],
        }
    engine_s = [s for s in results["engine"]["seconds_to_target"] if s is not None]
    for name in runs:
        if name == "engine" or not engine_s:
            continue
        reached = [s for s in results[name]["seconds_to_target"] if s is not None]
        key = "ratio" if name == "keras" else f"ratio_vs_{name}"
        if reached:
            results[key] = round(statistics.median(engine_s) / statistics.median(reached), 3)
        else:  # never reached it: its whole run is less than its time to the target
            results[f"{key}_at_most"] = round(
                statistics.median(engine_s) / results[name]["train_s"], 3
            )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
