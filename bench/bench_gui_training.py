"""Does live training keep the window responsive, and what does the GUI cost the engine?

Trains the seed CNN on the built-in MNIST sample on the CPU, twice in one process:
  headless  the engine's Trainer alone (no callbacks), and
  gui       the same run through the Training pane: its TrainingSession's task on a worker
            thread, signals into live plots redrawn at ~20 Hz, with Data and Evaluate panes
            (the Evaluate pane following the run's session) alive in the same window.
While the GUI run trains, a 10 ms precise QTimer measures how late the event loop serves it
(its "stall"). Runs alternate (headless, gui, headless, gui) after a warm-up, so drifting
machine load hits both sides; throughput is the engine's own samples/s over whole epochs, and
the ratio is the median of the pairs' ratios.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui_training.py [--epochs 1] [--repeats 5]

The last line printed is one JSON object: stall_p99_ms, stall_max_ms, headless and gui
samples/s and their ratio (targets: p99 <= 20 ms, max <= 150 ms, ratio >= 0.9).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget


def samples_per_s(record: object) -> float:
    """Whole-epoch throughput the engine measured (mean over the run's epochs)."""
    values = record.history.get("samples_per_s", [])  # type: ignore[attr-defined]
    return float(statistics.fmean(values)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data", default="mnist-5k")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    from engine import DataRef, load_dataset, new_project, prepare_run
    from gui.data.pane import DataPane
    from gui.document import ProjectDocument
    from gui.evaluate.pane import EvaluatePane
    from gui.evaluate.session import EvaluationSession
    from gui.training.pane import TrainingPane
    from gui.training.session import TrainingSession
    from gui.training.stall_probe import StallProbe

    ref = DataRef(args.data)
    dataset = load_dataset(ref)
    project = new_project("seed-cnn", ref, dataset.context())
    project.settings.epochs = args.epochs
    project.settings.device = "cpu"
    state = ProjectDocument(project)
    state.set_dataset(dataset)

    window = QTabWidget()
    session = TrainingSession(state)
    training = TrainingPane(state, session=session)
    evaluate = EvaluatePane(state, session=EvaluationSession(state, session))
    window.addTab(DataPane(state), "Data")
    window.addTab(training, "Training")
    window.addTab(evaluate, "Evaluate")
    window.setCurrentWidget(training)
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    def headless() -> float:
        return samples_per_s(prepare_run(project, dataset).trainer().fit())

    def gui() -> tuple[float, list[float]]:
        probe = StallProbe()
        done: list[object] = []
        loop = QEventLoop()

        def finished(record: object) -> None:
            done.append(record)
            loop.quit()

        training.sig_run_finished.connect(finished)
        probe.start()
        if not training.start():
            raise SystemExit(training.reason_label.text() or training.message_label.text())
        loop.exec()  # a real event loop, as the window runs it
        probe.stop()
        training.sig_run_finished.disconnect(finished)
        training.stop_and_wait(10_000)
        return samples_per_s(done[0]), probe.lateness

    # Warm-up: the first fit pays one-off imports and allocator growth on both paths. The app
    # warms the same way when torch loads (imports, then gc.freeze), and so does this bench.
    from gui.training.performance import warm_training_stack

    warm_training_stack()
    prepare_run(project, dataset).trainer().fit(1)

    # The same probe on an idle window first: how late the loop is with nothing to do tells
    # how much of the stall is the machine (other processes) rather than training.
    idle = StallProbe()
    idle.start()
    loop = QEventLoop()
    QTimer.singleShot(3000, loop.quit)
    loop.exec()
    idle.stop()
    print(f"idle window: stall p99 {idle.p99_ms:.1f} ms max {idle.max_ms:.1f} ms", flush=True)

    headless_runs: list[float] = []
    gui_runs: list[float] = []
    lateness: list[float] = []
    for _ in range(args.repeats):
        headless_runs.append(headless())
        speed, late = gui()
        gui_runs.append(speed)
        lateness.extend(late)
        print(
            f"headless {headless_runs[-1]:.0f} samples/s · gui {speed:.0f} samples/s · "
            f"stall p99 {_percentile(late, 99):.1f} ms max {max(late, default=0):.1f} ms "
            f"(load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    window.close()

    # The ratio is the median over the pairs (a headless run and the GUI run right after it).
    # A shared 2-core VM drifts between a slow and a ~25 % faster state for seconds at a time
    # (identical headless epochs: 1 830-2 610 samples/s in one process); the two runs of a pair
    # mostly share a state, and a median shrugs off the pairs that do not. Medians and means of
    # each side are printed as well.
    head = statistics.median(headless_runs)
    with_gui = statistics.median(gui_runs)
    pair_ratios = [g / h for g, h in zip(gui_runs, headless_runs, strict=True)]
    result = {
        "data": args.data,
        "epochs": args.epochs,
        "repeats": args.repeats,
        "train_samples": len(dataset.train),
        "headless_samples_per_s": round(head, 1),
        "gui_samples_per_s": round(with_gui, 1),
        "gui_over_headless": round(statistics.median(pair_ratios), 3),  # see above
        "pair_ratios": [round(r, 3) for r in pair_ratios],
        "gui_over_headless_medians": round(with_gui / head, 3),
        "gui_over_headless_means": round(
            statistics.fmean(gui_runs) / statistics.fmean(headless_runs), 3
        ),
        "stall_p99_ms": round(_percentile(lateness, 99), 2),
        "stall_max_ms": round(max(lateness, default=0.0), 2),
        "stall_samples": len(lateness),
        "idle_stall_p99_ms": round(idle.p99_ms, 2),
        "idle_stall_max_ms": round(idle.max_ms, 2),
        "plot_redraws": training.plots.redraw_count,
        "cpu_count": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(result))


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


if __name__ == "__main__":
    main()
