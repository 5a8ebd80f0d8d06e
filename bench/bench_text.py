"""LSTM against Transformer on the same text for the same time: the course's two text networks,
side by side.

  lstm         the ``char-lstm`` template (Embedding → LSTM → Dense), its default settings
  transformer  the ``char-transformer`` template (a small causal GPT), its default settings

Both read the same text, split the same way (contiguous train / validation / test parts), and
train on the same threads until ``--seconds`` of training have passed (the run's time budget:
it stops at the end of a batch, as ``netcanvas-cli train --time-limit`` does). The validation
loss is then measured in nats per character (a uniform guess over the vocabulary scores
ln(vocabulary size)). One after the other, never at once: they share the machine's cores.

Text: ``--text FILE`` (any UTF-8 .txt), else about 0.74 MB of English assembled here from the
standard library's docstrings (the built-in ``python-docs`` dataset) and Python's reference
topics (``pydoc_data``), so the benchmark needs no download.

Run:  python bench/bench_text.py [--text FILE] [--seconds 180] [--seed 0]
The last line printed is one JSON object; its "ratio" is transformer / lstm validation loss
(below 1: the Transformer predicts the text better).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.data import Dataset, load_dataset
from engine.device import headless_threads
from engine.metrics import evaluate
from engine.project import new_project
from engine.session import prepare_run
from engine.templates import fit_to_data
from engine.types import DataRef

CONTENDERS = {"lstm": "char-lstm", "transformer": "char-transformer"}


def default_text() -> str:
    """English prose from the Python installation itself: the same on every machine with the
    same Python version, nothing downloaded."""
    from pydoc_data.topics import topics

    from engine.data.text import python_docs_corpus

    reference = "\n\n".join(topics[name].strip() for name in sorted(topics))
    return python_docs_corpus() + "\n\n" + reference


def run(
    template_id: str, ref: DataRef, dataset: Dataset, seconds: float, seed: int
) -> dict[str, Any]:
    project = new_project(template_id, ref, dataset.context())
    fit_to_data(project.graph, dataset.context())
    settings = project.settings
    settings.seed = seed
    settings.device = "cpu"
    settings.time_budget_s = seconds
    settings.epochs = 10_000  # the time budget ends the run, never the epoch count
    prepared = prepare_run(project, dataset, settings)
    trainer = prepared.trainer(num_threads=headless_threads())
    start = time.perf_counter()
    record = trainer.fit()
    fit_s = time.perf_counter() - start
    report = evaluate(trainer.model, dataset, "val")
    return {
        "val_nats_per_char": round(float(report.loss), 4),
        "parameters": sum(p.numel() for p in trainer.model.parameters()),
        "epochs": round(record.steps["epoch"][-1], 2) if record.steps.get("epoch") else 0,
        "fit_s": round(fit_s, 1),
        "status": record.status,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", help="a UTF-8 text file (default: ~0.74 MB of Python's docs)")
    parser.add_argument("--seconds", type=float, default=180.0, help="training time for each")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.text) if args.text else Path(folder) / "python-docs-en.txt"
        if not args.text:
            path.write_text(default_text(), encoding="utf-8")
        ref = DataRef(str(path), {})
        dataset = load_dataset(ref)
        results: dict[str, Any] = {
            "text": path.name,
            "chars": path.stat().st_size,
            "vocabulary": len(dataset.vocab),
            "uniform_nats_per_char": round(math.log(len(dataset.vocab)), 4),
            "seconds": args.seconds,
            "threads": headless_threads(),
        }
        for name, template_id in CONTENDERS.items():
            results[name] = run(template_id, ref, dataset, args.seconds, args.seed)
            print(f"{name}: {results[name]}", flush=True)
    lstm, transformer = results["lstm"], results["transformer"]
    results["ratio"] = round(transformer["val_nats_per_char"] / lstm["val_nats_per_char"], 3)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
