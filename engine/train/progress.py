"""A terminal progress callback: a live bar on a tty, plain epoch lines otherwise."""

from __future__ import annotations

from typing import TextIO

from engine.train.callbacks import Callback, Logs


def format_seconds(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _metrics(logs: Logs, prefix: str = "") -> str:
    parts = []
    for key, label in (("loss", "loss"), ("accuracy", "acc")):
        if prefix + key in logs:
            parts.append(f"{prefix}{label} {logs[prefix + key]:.4f}")
    return " ".join(parts)


class ProgressPrinter(Callback):
    """Writes training progress to ``stream``.

    On a terminal one line is redrawn in place (bar, loss, accuracy, throughput, ETA); in a log
    file or a pipe only one plain line per epoch appears, so logs stay readable.
    """

    def __init__(self, stream: TextIO, tty: bool | None = None, width: int = 24) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.width = width
        self.epochs = 0
        self.first = 0
        self._drawn = False

    def on_train_begin(self, logs: Logs) -> None:
        self.epochs = int(logs.get("epochs", 0))
        self.first = int(logs.get("start_epoch", 0))

    def _epoch_label(self, epoch: int) -> str:
        return f"epoch {epoch + 1}/{self.first + self.epochs}"

    def on_batch_end(self, step: int, logs: Logs) -> None:
        if not self.tty:
            return
        progress = min(max(logs.get("progress", 0.0), 0.0), 1.0)
        filled = int(progress * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        epoch = int(logs.get("epoch", 0.0) - 1e-9) if progress > 0 else int(logs.get("epoch", 0))
        line = (
            f"{self._epoch_label(epoch)} [{bar}] {progress * 100:3.0f}% {_metrics(logs)} "
            f"{logs.get('samples_per_s', 0.0):,.0f} samples/s ETA "
            f"{format_seconds(logs.get('eta_s', 0.0))}"
        )
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self._drawn = True

    def on_epoch_end(self, epoch: int, logs: Logs) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False
        text = f"{self._epoch_label(epoch)}  {_metrics(logs)}"
        if "val_loss" in logs:
            text += f"  {_metrics(logs, 'val_')}"
        text += (
            f"  lr {logs.get('lr', 0.0):.3g}  {logs.get('time_s', 0.0):.1f}s "
            f"({logs.get('samples_per_s', 0.0):,.0f} samples/s)"
        )
        self.stream.write(text + "\n")
        self.stream.flush()

    def on_train_end(self, logs: Logs) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
