"""Training throughput: the engine's Trainer against two plain PyTorch loops, side by side.

Workloads: the seed CNN on the built-in 28×28 digits (mnist-5k) and the MLP template on a
synthetic table (20 000 rows × 32 features, 4 classes). For each, three loops train the same
model (same initial weights), data, batch size, optimiser and thread count:

  engine      engine.train.Trainer with a callback attached (as the GUI attaches one)
  handloop    (a) a minimal hand-written loop indexing resident tensors
  dataloader  (b) the idiomatic DataLoader(TensorDataset) loop of the PyTorch examples
  handloop_fused  (a) with Adam(fused=True). The engine picks torch's fused optimiser kernels;
              (a) and (b) use torch's default Adam, as most scripts do. This column separates
              the engine's loop overhead from that choice.

The loops run interleaved in rounds, so that load from other processes hits all of them alike;
each ratio is the median over rounds of engine throughput / baseline throughput measured in
the same round, by wall clock and by process CPU time (steadier on a shared machine: all loops
run on one thread here). The engine runs without a validation split here (the baselines do not
validate). Optionally (default on) the seed CNN is also trained for 5 epochs on mnist-5k with
default settings and its test accuracy and wall time reported.

Headless (the CLI, a script): the engine with ``headless_threads()`` (every core) against the
hand loop with torch's own default thread count, and against the engine on one thread (what
the CLI used before: the window's cores-minus-one on a 2-core machine), by wall clock.

Run:  python bench/bench_train.py [--rounds 3] [--threads 1] [--skip-accuracy]
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch
from torch import nn
from torch.nn import functional as F

from engine.build import build_model
from engine.data import Dataset, Split, load_dataset
from engine.templates import make_template
from engine.train import Callback, Trainer
from engine.types import DataRef, TrainSettings


class GuiLikeCallback(Callback):
    """What the GUI adapter does with the throttled logs: hand them on (here: keep them)."""

    def __init__(self) -> None:
        self.points: list[dict[str, float]] = []

    def on_batch_end(self, step: int, logs: dict[str, float]) -> None:
        self.points.append(logs)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self.points.append(logs)


def table_dataset(rows: int = 20_000, features: int = 32, classes: int = 4) -> Dataset:
    g = torch.Generator().manual_seed(0)
    x = torch.randn(rows, features, generator=g)
    w = torch.randn(features, classes, generator=g)
    y = (x @ w + 0.5 * torch.randn(rows, classes, generator=g)).argmax(1)
    empty = Split(x[:0], y[:0])
    return Dataset(
        name="bench-table",
        source="bench",
        kind="table",
        task="classification",
        class_names=[str(i) for i in range(classes)],
        input_shape=(features,),
        train=Split(x, y),
        val=empty,
        test=None,
        mean=x.mean(0),
        std=x.std(0),
    )


def without_val(ds: Dataset) -> Dataset:
    ds.val = Split(ds.val.x[:0], ds.val.y[:0])
    return ds


def fresh_model(template: str, ds: Dataset) -> nn.Module:
    return build_model(make_template(template, ds.context()), seed=0)


def adam(model: nn.Module, lr: float) -> torch.optim.Optimizer:
    return torch.optim.Adam(model.parameters(), lr=lr)


Rates = tuple[float, float]  # samples/s by wall clock, samples/s by process CPU time


class Clock:
    """Wall and CPU time together. On a shared machine the CPU time of this (one-thread)
    process is the steadier estimate of what the wall clock would show on an idle one."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def rates(self, samples: int) -> Rates:
        wall = time.perf_counter() - self.wall
        cpu = time.process_time() - self.cpu
        return samples / wall, samples / max(cpu, 1e-9)


def run_engine(template: str, ds: Dataset, s: TrainSettings, epochs: int, threads: int) -> Rates:
    trainer = Trainer(fresh_model(template, ds), ds, s, [GuiLikeCallback()], num_threads=threads)
    trainer.fit(1)  # warm-up: preprocessing cache, optimiser state, oneDNN kernels
    clock = Clock()
    record = trainer.fit(epochs)
    rates = clock.rates(epochs * len(ds.train))
    assert record.status == "finished", record.message
    return rates


def run_handloop(
    template: str, ds: Dataset, s: TrainSettings, epochs: int, fused: bool = False
) -> Rates:
    model = fresh_model(template, ds)
    opt = torch.optim.Adam(model.parameters(), lr=s.lr, fused=True) if fused else adam(model, s.lr)
    x, y = ds.preprocess(ds.train.x), ds.train.y
    n, bs = len(x), s.batch_size
    g = torch.Generator().manual_seed(0)

    def epoch() -> None:
        perm = torch.randperm(n, generator=g)
        for i in range(0, n, bs):
            idx = perm[i : i + bs]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

    epoch()  # warm-up
    clock = Clock()
    for _ in range(epochs):
        epoch()
    return clock.rates(epochs * n)


def run_dataloader(template: str, ds: Dataset, s: TrainSettings, epochs: int) -> Rates:
    from torch.utils.data import DataLoader, TensorDataset

    model = fresh_model(template, ds)
    opt = adam(model, s.lr)
    data = TensorDataset(ds.preprocess(ds.train.x), ds.train.y)
    loader = DataLoader(data, batch_size=s.batch_size, shuffle=True)
    clock = Clock()
    for _ in range(epochs):
        for xb, yb in loader:
            loss = F.cross_entropy(model(xb), yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
    return clock.rates(epochs * len(data))


def compare(
    name: str, template: str, ds: Dataset, epochs: dict[str, int], rounds: int, threads: int
) -> dict[str, Any]:
    s = TrainSettings(lr=1e-3, batch_size=64, device="cpu", log_interval_ms=100)
    loops = ["handloop", "engine", "dataloader", "handloop_fused"]
    rates: dict[str, list[Rates]] = {k: [] for k in loops}
    for r in range(rounds):
        # Rotate the order so that no loop always runs right after the same one.
        for loop in loops[r % len(loops) :] + loops[: r % len(loops)]:
            if loop == "engine":
                rates[loop].append(run_engine(template, ds, s, epochs["engine"], threads))
            elif loop.startswith("handloop"):
                fused = loop == "handloop_fused"
                rates[loop].append(run_handloop(template, ds, s, epochs["handloop"], fused))
            else:
                rates[loop].append(run_dataloader(template, ds, s, epochs[loop]))
            torch.set_num_threads(threads)
        line = ", ".join(f"{k} {v[-1][0]:,.0f}/s (cpu {v[-1][1]:,.0f}/s)" for k, v in rates.items())
        print(f"{name} round {r + 1}: {line}", flush=True)
    result: dict[str, Any] = {}
    for col, label in ((0, "wall"), (1, "cpu")):
        per_round = {k: [v[col] for v in vals] for k, vals in rates.items()}

        def ratio(base: str, per_round: dict[str, list[float]] = per_round) -> float:
            pairs = zip(per_round["engine"], per_round[base], strict=True)
            return round(statistics.median(e / b for e, b in pairs), 3)

        result[label] = {
            "samples_per_s": {k: round(statistics.median(v), 1) for k, v in per_round.items()},
            "engine_vs_handloop": ratio("handloop"),
            "engine_vs_dataloader": ratio("dataloader"),
            "engine_vs_handloop_fused": ratio("handloop_fused"),
        }
    return result


def headless_case(ds: Dataset, rounds: int, default_threads: int) -> dict[str, Any]:
    """The seed CNN as the CLI trains it (every core) vs the hand loop at torch's default
    threads, and vs the engine on one thread; medians over interleaved rounds (wall clock)."""
    from engine.device import headless_threads

    s = TrainSettings(lr=1e-3, batch_size=64, device="cpu", log_interval_ms=100)
    cores = headless_threads()
    rates: dict[str, list[float]] = {"engine_all_cores": [], "handloop_default": [], "engine_1": []}
    for r in range(rounds):
        for loop in list(rates)[r % 3 :] + list(rates)[: r % 3]:
            if loop == "handloop_default":
                torch.set_num_threads(default_threads)
                rates[loop].append(run_handloop("seed-cnn", ds, s, 1)[0])
            else:
                threads = cores if loop == "engine_all_cores" else 1
                rates[loop].append(run_engine("seed-cnn", ds, s, 1, threads)[0])
        line = ", ".join(f"{k} {v[-1]:,.0f}/s" for k, v in rates.items())
        print(f"headless round {r + 1}: {line}", flush=True)
    pairs = list(zip(*rates.values(), strict=True))
    return {
        "threads": {"engine": cores, "handloop_default": default_threads},
        "samples_per_s": {k: round(statistics.median(v), 1) for k, v in rates.items()},
        "engine_all_cores_vs_handloop_default": round(
            statistics.median(e / h for e, h, _ in pairs), 3
        ),
        "engine_all_cores_vs_engine_1_thread": round(
            statistics.median(e / one for e, _, one in pairs), 3
        ),
    }


def mnist_accuracy(threads: int) -> dict[str, Any]:
    """The curriculum's reference run: seed CNN, Adam, 5 epochs, default settings."""
    from engine.metrics import evaluate

    start = time.perf_counter()
    ds = load_dataset(DataRef("mnist-5k"))
    model = fresh_model("seed-cnn", ds)
    s = TrainSettings(epochs=5, device="cpu")
    trainer = Trainer(model, ds, s, [GuiLikeCallback()], num_threads=threads)
    record = trainer.fit()
    report = evaluate(trainer.model, ds, "test")
    return {
        "test_accuracy": round(report.accuracy or 0.0, 4),
        "test_n": report.n,
        "train_s": round(sum(record.history["time_s"]), 1),
        "wall_s": round(time.perf_counter() - start, 1),
        "params": sum(p.numel() for p in model.parameters()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--skip-accuracy", action="store_true")
    args = parser.parse_args()
    default_threads = torch.get_num_threads()  # torch's own choice, before this bench's
    torch.set_num_threads(args.threads)
    results: dict[str, Any] = {"threads": args.threads, "batch_size": 64}
    table = table_dataset()
    results["mlp_table"] = compare(
        "mlp/table",
        "mlp",
        table,
        {"engine": 4, "handloop": 4, "dataloader": 1},
        args.rounds,
        args.threads,
    )
    digits = without_val(load_dataset(DataRef("mnist-5k")))
    results["cnn_28x28"] = compare(
        "seed-cnn/mnist-5k",
        "seed-cnn",
        digits,
        {"engine": 1, "handloop": 1, "dataloader": 1},
        args.rounds,
        args.threads,
    )
    results["headless"] = headless_case(digits, args.rounds, default_threads)
    torch.set_num_threads(args.threads)
    if not args.skip_accuracy:
        results["seed_cnn_mnist5k_5_epochs"] = mnist_accuracy(args.threads)
    results["targets"] = {
        "engine_vs_handloop": ">= 0.97",
        "engine_vs_dataloader_table": ">= 1.5",
        "headless_engine_all_cores_vs_handloop_default": ">= 0.97",
    }
    results["ratios"] = {
        f"{work}_{label}_{key}": results[work][label][key]
        for work in ("mlp_table", "cnn_28x28")
        for label in ("wall", "cpu")
        for key in ("engine_vs_handloop", "engine_vs_dataloader", "engine_vs_handloop_fused")
    }
    for key in ("engine_all_cores_vs_handloop_default", "engine_all_cores_vs_engine_1_thread"):
        results["ratios"][f"headless_{key}"] = results["headless"][key]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
