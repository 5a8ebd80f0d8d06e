"""The callback protocol: how the GUI, the CLI and tests watch a training run.

Hooks have a fixed vocabulary (Keras/Lightning style) and receive ``logs`` dicts of plain Python
floats, never tensors: a callback may hand them to another thread without touching the device.
"""

from __future__ import annotations

from collections.abc import Sequence

Logs = dict[str, float]


class Callback:
    """Base class with no-op hooks; override the ones you need.

    ``on_batch_end`` is throttled: the trainer calls it at most every ``log_interval_ms`` (and
    once at the end of every epoch), not after every step, because reading metrics forces a
    device sync. Its logs hold ``loss`` and ``accuracy`` (means over the steps since the previous
    call), ``lr``, ``samples_per_s``, ``epoch`` (fractional, counted from 0), ``progress`` (0..1
    within the epoch) and ``eta_s`` (seconds left in this ``fit`` call).
    """

    def on_train_begin(self, logs: Logs) -> None:
        """Before the first batch of a ``fit`` call; logs hold ``epochs`` and ``start_epoch``."""

    def on_train_end(self, logs: Logs) -> None:
        """After the last batch (also after a stop or a failure); logs hold the last epoch's."""

    def on_epoch_begin(self, epoch: int, logs: Logs) -> None:
        """Before the first batch of ``epoch`` (0-based, counted over the whole run)."""

    def on_epoch_end(self, epoch: int, logs: Logs) -> None:
        """After validation: ``loss``, ``accuracy``, ``val_loss``, ``val_accuracy``, ``lr``..."""

    def on_batch_end(self, step: int, logs: Logs) -> None:
        """At most every ``log_interval_ms``; ``step`` counts batches over the whole run."""

    def on_validation_end(self, epoch: int, logs: Logs) -> None:
        """After the validation pass: ``val_loss`` and ``val_accuracy`` (classification)."""


class CallbackList(Callback):
    """Fans each hook out to several callbacks, in order."""

    def __init__(self, callbacks: Sequence[Callback] = ()) -> None:
        self.callbacks = list(callbacks)

    def on_train_begin(self, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_train_begin(dict(logs))

    def on_train_end(self, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_train_end(dict(logs))

    def on_epoch_begin(self, epoch: int, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch, dict(logs))

    def on_epoch_end(self, epoch: int, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, dict(logs))

    def on_batch_end(self, step: int, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_batch_end(step, dict(logs))

    def on_validation_end(self, epoch: int, logs: Logs) -> None:
        for callback in self.callbacks:
            callback.on_validation_end(epoch, dict(logs))
