"""Large stored histories: the Training pane's load + paint of a 1.5 M-step run, and 40 ticks
in "Compare runs", the new way against the old way (the old way rebuilt here: every step fed
through add_batch, every overlay rebuilt on each tick). The last line is JSON.

    QT_QPA_PLATFORM=offscreen python bench/bench_history_plots.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parents[1] / "tests" / "gui"),
]

from pane_support import state_with  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from test_large_histories import long_run  # noqa: E402

from gui.training.pane import TrainingPane  # noqa: E402

RUNS = 8
TICKS = 40


def old_load(plots, record) -> None:  # type: ignore[no-untyped-def]
    """The old load_record: every stored step through add_batch."""
    plots.reset(plots._task, len(record.history["loss"]))
    steps = record.steps
    for i, x in enumerate(steps["epoch"]):
        logs = {key: values[i] for key, values in steps.items() if i < len(values)}
        logs["epoch"] = x
        plots.add_batch(logs)
    for i in range(len(record.history["loss"])):
        plots.add_epoch(float(i + 1), {k: v[i] for k, v in record.history.items()})


def main() -> None:
    app = QApplication.instance() or QApplication([])
    state = state_with(epochs=2)
    state.project.runs.append(long_run("run-1"))
    for i in range(2, RUNS + 1):
        state.project.runs.append(long_run(f"run-{i}", steps=1000, epochs=300))
    pane = TrainingPane(state)
    pane.resize(1200, 800)
    pane.show()
    app.processEvents()
    record = state.project.runs[0]

    def paint() -> None:
        pane.plots.flush()
        pane.plots.canvas.viewport().repaint()
        app.processEvents()

    times: dict[str, float] = {}
    started = time.perf_counter()
    pane.plots.load_record(record)
    paint()
    times["load_new_s"] = time.perf_counter() - started
    started = time.perf_counter()
    old_load(pane.plots, record)
    paint()
    times["load_old_s"] = time.perf_counter() - started
    pane.plots.load_record(record)

    items = [pane.runs_list.item(i) for i in range(pane.runs_list.count())]
    started = time.perf_counter()
    for k in range(TICKS):
        item = items[k % len(items)]
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
    paint()
    times["ticks_new_s"] = time.perf_counter() - started
    ticked = pane._ticked_runs
    started = time.perf_counter()
    for k in range(TICKS):  # the old way: every tick rebuilt all overlays
        item = items[k % len(items)]
        checked = item.checkState() == Qt.CheckState.Checked
        pane.runs_list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        pane.runs_list.blockSignals(False)
        pane.plots.set_overlays([])
        pane.plots.set_overlays(ticked())
    paint()
    times["ticks_old_s"] = time.perf_counter() - started
    for key, value in times.items():
        print(f"{key}: {value:.3f}")
    result = {k: round(v, 3) for k, v in times.items()}
    result["load_ratio_old_over_new"] = round(times["load_old_s"] / times["load_new_s"], 1)
    result["ticks_ratio_old_over_new"] = round(times["ticks_old_s"] / times["ticks_new_s"], 1)
    print(json.dumps(result))
    pane.close()


if __name__ == "__main__":
    main()
