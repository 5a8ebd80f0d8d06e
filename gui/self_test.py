"""``--self-test``: a scripted walk-through in the real main window, reported as one JSON line.

Opens the default project (or a new one from ``--template``), loads its data through the Data
pane, trains one epoch through the Training pane with live plots (while a probe timer measures
how late the event loop runs), measures the headless engine on the same data for comparison,
evaluates, and exports ONNX to a temporary folder. On text data (the character LSTM) the Evaluate
pane's generator is live meanwhile: its sample after the epoch, and one Generate during the run.
Exits non-zero if any step fails. The frozen bundle runs the same code.
"""

from __future__ import annotations

import json
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.training.stall_probe import StallProbe


def _wait_until(done: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop, as the window runs it, until ``done()`` (checked every 20 ms)."""
    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline else None)
    check.start()
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise TimeoutError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def headless_samples_per_s(window: MainWindow) -> float:
    """The engine alone, without the GUI attached: same model, data and settings, one epoch."""
    from engine import prepare_run

    state = window.state
    assert state.dataset is not None
    settings = type(state.project.settings).from_dict(state.project.settings.to_dict())
    settings.epochs = 1
    record = prepare_run(state.project, state.dataset, settings).trainer().fit(1)
    return float(record.history["samples_per_s"][-1])


def run_self_test(app: QApplication, window: MainWindow, template: str | None = None) -> int:
    result: dict[str, Any] = {"ok": False}
    steps: list[str] = []
    try:
        app.processEvents()
        shown = window.first_shown_s
        result["first_window_s"] = round(shown, 3) if shown is not None else None

        steps.append("load torch")
        window.ensure_panes()
        window.start_background_loading()
        _wait_until(lambda: window.device_text() != "", 180, "PyTorch to load")
        result["device"] = window.device_text()
        if template:
            steps.append(f"start a project from the template {template}")
            window.new_from_template(template)
        result["template"] = window.state.project.template

        steps.append("load the default project's data")
        _wait_until(lambda: window.state.dataset is not None, 180, "the dataset to load")
        dataset = window.state.dataset
        assert dataset is not None
        result["dataset"] = dataset.name
        result["train_samples"] = len(dataset.train)

        steps.append("warm up the engine")
        # The loader thread's one-time warm-up imports (torch._dynamo, seconds of GIL-heavy work)
        # are start-up cost, not training: let them finish before measuring stalls. The first
        # epoch in a process also pays one-off costs (kernel selection, allocator growth): one
        # headless epoch first, so that the GUI and headless figures compare like with like.
        window.torch_loader.wait(180)
        headless_samples_per_s(window)

        steps.append("train one epoch with live plots")
        window.state.project.settings.epochs = 1
        text = dataset.kind == "text"
        # Text: the Evaluate pane's generator is in view (its sample after each epoch and a
        # Generate during the run); otherwise the Training pane's plots.
        (window.evaluate_dock if text else window.training_dock).raise_()
        finished: list[Any] = []
        window.training_pane.sig_run_finished.connect(finished.append)
        evaluation = window.evaluation_session
        samples: list[str] = []
        generated: list[str] = []
        evaluation.sig_epoch_text.connect(lambda _epoch, sample: samples.append(sample))
        evaluation.sig_generated.connect(generated.append)
        batches: list[dict[str, float]] = []
        window.training_session.sig_batch.connect(batches.append)
        probe = StallProbe()
        probe.start()
        if not window.training_pane.start():
            raise RuntimeError(f"training did not start: {window.training_pane.start_blocker()}")
        if text:
            generator = window.evaluate_pane.text_generator
            _wait_until(lambda: bool(batches) or bool(finished), 600, "the first batch")
            if not finished and not generator.generate():
                raise RuntimeError("Generate did nothing during the run")
            result["generated_during_run"] = not finished
        _wait_until(lambda: bool(finished), 600, "one training epoch")
        if text:
            _wait_until(lambda: bool(samples) and bool(generated), 120, "the text samples")
            result["epoch_sample_chars"] = len(samples[-1])
            result["generated_chars"] = len(generated[-1])
        probe.stop()
        run = finished[0]
        if run.status != "finished":
            raise RuntimeError(f"training ended as {run.status}: {run.message}")
        result["train_samples_per_s"] = round(float(run.history["samples_per_s"][-1]), 1)
        result["stall_p99_ms"] = round(probe.p99_ms, 1)
        result["stall_max_ms"] = round(probe.max_ms, 1)
        result["plot_points"] = window.training_pane.plots.point_count()

        steps.append("measure the headless engine")
        result["headless_samples_per_s"] = round(headless_samples_per_s(window), 1)

        steps.append("evaluate")
        window.evaluate_dock.raise_()
        report = window.evaluate_pane.refresh()
        if report.accuracy is not None:
            result["test_accuracy"] = round(float(report.accuracy), 4)

        steps.append("export ONNX")
        with tempfile.TemporaryDirectory() as folder:
            exported = window.evaluate_pane.export_onnx_to(Path(folder) / "model.onnx")
            result["onnx_max_abs_diff"] = float(exported.max_abs_diff)
            result["onnx_bytes"] = exported.path.stat().st_size
        result["ok"] = result["onnx_max_abs_diff"] <= 1e-4
    except Exception as error:  # report every failure as JSON, never a bare traceback
        result["error"] = f"{steps[-1] if steps else 'start'}: {error}"
        result["traceback"] = traceback.format_exc(limit=6)
    finally:
        window.state.mark_clean()  # nothing to ask: the self-test writes nothing to disk
        window.close()
    from gui.app import say

    say(json.dumps(result))  # also in the log: a windowed bundle may have no terminal
    return 0 if result["ok"] else 1
