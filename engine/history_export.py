"""Run histories for other tools: CSV for spreadsheets, TensorBoard event files for TensorBoard.

Neither needs anything extra: the TensorBoard files come from engine.tensorboard_events, so the
offline installer writes them too.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from engine.export_files import write_error, write_text_file
from engine.messages import QT_TRANSLATE_NOOP
from engine.tensorboard_events import EventWriter
from engine.types import NetCanvasError, RunRecord

Level = Literal["epoch", "step"]


def _ordered_keys(curves: Sequence[dict[str, list[float]]], first: Sequence[str]) -> list[str]:
    """Curve names: the usual ones first in a fixed order, then the rest alphabetically."""
    present = {key for curve in curves for key in curve}
    return [k for k in first if k in present] + sorted(present - set(first))


_EPOCH_FIRST = ("loss", "accuracy", "val_loss", "val_accuracy", "lr")


def _cell(values: list[float], i: int) -> str:
    if i >= len(values):
        return ""
    return repr(float(values[i]))  # shortest round-trip text; nan and inf as 'nan' and 'inf'


def history_csv(runs: Sequence[RunRecord], level: Level = "epoch") -> str:
    """One row per run and epoch (``level="epoch"``) or per logged step (``"step"``).

    Columns: ``run``, ``epoch`` (1-based for epochs; the fractional epoch of each step), then one
    column per curve. A curve shorter than the others (a stopped run) leaves its cells empty.
    """
    curves = [run.history if level == "epoch" else run.steps for run in runs]
    keys = [k for k in _ordered_keys(curves, _EPOCH_FIRST) if k != "epoch"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["run", "epoch", *keys])
    for run, curve in zip(runs, curves, strict=True):
        length = max((len(v) for v in curve.values()), default=0)
        for i in range(length):
            epoch = str(i + 1) if level == "epoch" else _cell(curve.get("epoch", []), i)
            writer.writerow([run.id, epoch, *(_cell(curve.get(k, []), i) for k in keys)])
    return out.getvalue()


def export_history_csv(
    runs: Sequence[RunRecord], path: str | os.PathLike[str], level: Level = "epoch"
) -> Path:
    """Write ``history_csv(runs, level)`` to ``path``; returns the written path."""
    if not runs:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "This project has no training runs yet: train once, then export."
            )
        )
    return write_text_file(path, history_csv(runs, level))


def _folder_name(run_id: str) -> str:
    """A run id as a safe folder name (TensorBoard shows the folder names as run names)."""
    return re.sub(r"[^\w.-]+", "_", run_id).strip("._") or "run"


def _wall_time(run: RunRecord) -> float | None:
    try:
        return datetime.fromisoformat(run.created).timestamp()
    except ValueError:
        return None


def export_tensorboard(runs: Sequence[RunRecord], folder: str | os.PathLike[str]) -> list[Path]:
    """One TensorBoard run folder per run under ``folder``; returns the run folders.

    Epoch curves are logged as ``epoch/<name>`` against the epoch number, the logged-step curves
    as ``step/<name>`` against the step's index, and the settings and final metrics as text.
    Open them with ``tensorboard --logdir <folder>``.
    """
    if not runs:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "This project has no training runs yet: train once, then export."
            )
        )
    root = Path(folder).expanduser().resolve()
    written: list[Path] = []
    try:
        for run in runs:
            run_dir = root / _folder_name(run.id)
            writer = EventWriter(run_dir)
            start = _wall_time(run)
            try:
                _write_run(writer, run, start)
            finally:
                writer.close()
            written.append(run_dir)
    except OSError as error:
        raise write_error(root, error) from None
    return written


def _write_run(writer: EventWriter, run: RunRecord, start: float | None) -> None:
    for key, values in run.history.items():
        for epoch, value in enumerate(values, start=1):
            walltime = None if start is None else start + epoch
            writer.add_scalar(f"epoch/{key}", float(value), epoch, walltime=walltime)
    for key, values in run.steps.items():
        if key == "epoch":
            continue
        for step, value in enumerate(values):
            writer.add_scalar(f"step/{key}", float(value), step)
    settings = "\n".join(f"    {k}: {v}" for k, v in sorted(run.settings.items()))
    writer.add_text("settings", settings or "    (none)", 0)
    if run.metrics:
        metrics = "\n".join(f"    {k}: {v}" for k, v in sorted(run.metrics.items()))
        writer.add_text("metrics", metrics, 0)
    writer.add_text("status", f"{run.status} {run.message}".strip(), 0)
    writer.flush()
