"""Fine-tuning against training from scratch, side by side: the same network on the same small
image set for the same time budget, started fresh or from layers trained on other data.

  source     LeNet-5 trained on the built-in digits 0–4 (``--pretrain-epochs``)
  target     the digits 5–9, with only ``--per-class`` training images per class (a small
             photo folder's size); its test split is every other 5–9 digit of the set
  scratch    LeNet-5 on the target from fresh weights
  frozen     File ▸ Reuse Layers (engine.reuse_layers): the source's layers, its convolutions
             frozen; the dense layers and the Output train
  fine_tune  the same, nothing frozen: every layer goes on learning

Each contender trains for ``--seconds`` (the run's time limit, as ``--time-limit``) with the
template's default settings, ``--seeds`` times; the test accuracy is reported.

Run:  python bench/bench_transfer.py [--seconds 10] [--per-class 5] [--seeds 3]
The last line printed is one JSON object; its "ratio" is the best reuse's test accuracy over
scratch's (above 1: reusing the layers wins).
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch

from engine.data import Dataset, Split, load_dataset
from engine.device import headless_threads
from engine.metrics import evaluate
from engine.project import Project, new_project
from engine.session import adopt_run, prepare_run
from engine.train.transfer import reuse_layers
from engine.types import DataRef, TrainSettings

REF = DataRef("mnist-5k")
TEMPLATE = "lenet5"  # two convolutions: features that carry over from one set of digits to another


def classes(dataset: Dataset, wanted: list[int], per_class: int | None = None) -> Dataset:
    """``dataset`` keeping the classes ``wanted`` (renumbered from 0); with ``per_class``, only
    that many training and validation images of each, the rest joining the test split."""
    picked = copy.copy(dataset)
    picked.class_names = [dataset.class_names[c] for c in wanted]

    def keep(split: Split, limit: int | None) -> tuple[Split, Split | None]:
        chosen, rest = [], []
        for new, old in enumerate(wanted):
            index = torch.nonzero(split.y == old).reshape(-1)
            chosen.append((index[:limit] if limit else index, new))
            rest.append((index[limit:] if limit else index[:0], new))

        def gather(parts: list[tuple[torch.Tensor, int]]) -> Split:
            x = torch.cat([split.x[i] for i, _ in parts])
            y = torch.cat([torch.full((len(i),), c, dtype=split.y.dtype) for i, c in parts])
            return Split(x, y)

        return gather(chosen), gather(rest)

    picked.train, spare_train = keep(dataset.train, per_class)
    picked.val, spare_val = keep(dataset.val, per_class) if dataset.val else (None, None)
    test, _ = keep(dataset.test, None)
    spares = [s for s in (spare_train, spare_val) if s is not None]
    picked.test = Split(
        torch.cat([test.x, *[s.x for s in spares]]), torch.cat([test.y, *[s.y for s in spares]])
    )
    return picked


def settings_for(project: Project, seconds: float, seed: int) -> TrainSettings:
    return TrainSettings.from_dict(
        {
            **project.settings.to_dict(),
            "seed": seed,
            "device": "cpu",
            "epochs": 10_000,  # the time limit ends the run
            "time_budget_s": seconds,
            "early_stopping": False,
        }
    )


def train(project: Project, dataset: Dataset, settings: TrainSettings) -> tuple[Any, float]:
    trainer = prepare_run(project, dataset, settings).trainer(num_threads=headless_threads())
    record = trainer.fit()
    assert record.status != "failed", record.message
    accuracy = float(evaluate(trainer.model, dataset, "test").accuracy or 0.0)
    return (record, trainer), accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="training time for each")
    parser.add_argument("--per-class", type=int, default=5, help="target training images")
    parser.add_argument("--pretrain-epochs", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    digits = load_dataset(REF)
    source_data = classes(digits, [0, 1, 2, 3, 4])
    target = classes(digits, [5, 6, 7, 8, 9], args.per_class)
    source = new_project(TEMPLATE, REF, source_data.context())
    pretrain = TrainSettings.from_dict(
        {**source.settings.to_dict(), "epochs": args.pretrain_epochs, "device": "cpu"}
    )
    (record, trainer), source_accuracy = train(source, source_data, pretrain)
    adopt_run(source, record, trainer.state_dict_cpu())
    print(f"source: digits 0-4, test accuracy {source_accuracy:.4f}", flush=True)
    results: dict[str, Any] = {
        "target_train": len(target.train),
        "target_test": len(target.test) if target.test is not None else 0,
        "seconds": args.seconds,
        "source_accuracy": round(source_accuracy, 4),
    }
    runs: dict[str, list[float]] = {"scratch": [], "frozen": [], "fine_tune": []}
    for seed in range(args.seeds):
        fresh = new_project(TEMPLATE, REF, target.context())
        contenders = {
            "scratch": fresh,
            "frozen": reuse_layers(fresh, source, target.context(), whole_network=False, freeze=True).project,
            "fine_tune": reuse_layers(fresh, source, target.context(), whole_network=False, freeze=False).project,
        }  # fmt: skip
        for name, project in contenders.items():
            _, accuracy = train(project, target, settings_for(project, args.seconds, seed))
            runs[name].append(accuracy)
            print(f"seed {seed} {name}: test accuracy {accuracy:.4f}", flush=True)
    for name, accuracies in runs.items():
        results[name] = round(statistics.mean(accuracies), 4)
    best = max(results["frozen"], results["fine_tune"])
    results["ratio"] = round(best / max(results["scratch"], 1e-9), 3)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
