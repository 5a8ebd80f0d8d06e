"""The one adapter between the engine's trainer and the GUI: engine callbacks -> Qt signals.

``TrainingWorker`` holds the signals and lives in the GUI thread; its ``_FitRunner`` is the
QObject that lives in the run's own QThread, whose ``run`` slot calls ``Trainer.fit`` (blocking
that thread). The engine reports through a Callback whose hooks only emit the worker's signals
with plain floats and dicts (never a widget call). Because the worker itself lives in the GUI
thread, Qt queues every emission there, for bound slots and plain callables alike. The engine already throttles batch logs (``settings.log_interval_ms``), so
the GUI receives a few signals per second however fast the model trains.

Pause, resume, stop and step are cooperative flags on the trainer; calling them from the GUI
thread is safe, and the trainer honours them within one batch.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from engine.data import Dataset
    from engine.types import RunRecord, TrainSettings

log = logging.getLogger(__name__)

# While a run trains, the interpreter hands the GIL between threads every 0.5 ms instead of
# Python's default 5 ms. The training loop releases the GIL in every torch op and must win it
# back after each; with the default, a GUI thread busy painting made it wait up to 5 ms each
# time, which cost 25-45 % of the throughput in bench/bench_gui_training.py (0.5 ms: 0-3 %).
TRAINING_SWITCH_INTERVAL_S = 0.0005
_switch_users = 0
_switch_saved = 0.005


def _fast_gil_handoff(on: bool) -> None:
    """Shorten the GIL switch interval while at least one run trains; restore it after."""
    global _switch_users, _switch_saved
    if on:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_saved, TRAINING_SWITCH_INTERVAL_S))
        _switch_users += 1
    elif _switch_users > 0:
        _switch_users -= 1
        if _switch_users == 0:
            sys.setswitchinterval(_switch_saved)


# How much nicer (lower priority) the training thread is than the GUI thread. When both want
# the CPU, the GUI thread then wakes first, so painting and input are served within a few
# milliseconds; when the GUI is idle (most of the time) training gets the whole core anyway.
TRAINING_NICENESS = int(os.environ.get("NETCANVAS_TRAINING_NICENESS", "3"))


def _lower_thread_priority() -> None:
    """Make the calling (training) thread a little nicer; Linux applies nice per thread."""
    if TRAINING_NICENESS <= 0 or not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(
            os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + TRAINING_NICENESS
        )
    except (OSError, AttributeError):  # not permitted or not supported: keep the default
        pass


_warmed = False


def warm_training_stack() -> None:
    """Import what a first training step imports, on the calling (background) thread.

    Creating any torch optimiser imports torch._dynamo and sympy (~800 modules, 3-8 s here).
    Done inside the first run, that import held the interpreter long enough to stall the window
    for up to 0.9 s while its plots should be live; the data loader calls this once instead,
    while the user is already waiting for the data.

    It then freezes the collector's view of the heap. torch, torch._dynamo and sympy leave
    ~450 000 long-lived objects, and every full collection walked them all, holding the GIL for
    0.1-0.35 s: the window froze that long whenever one fell due, during training too.
    ``gc.freeze()`` moves them to the permanent generation, so later collections only walk what
    was made since (they then take milliseconds). The price is bounded and paid once: the few
    thousand garbage objects the imports left (a collection found ~8 700), and any reference
    cycle among the objects alive now (the start-up window), are never collected; collecting
    first would be one more 0.35 s freeze of the window.
    """
    global _warmed
    if _warmed:
        return
    import torch

    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    gc.freeze()
    _warmed = True


# States sig_state reports, in the order a run passes through them.
STATES = ("starting", "running", "paused", "stopping", "finished", "stopped", "failed")

_callback_class: type | None = None

# Workers whose thread is still running. A worker the caller dropped right after its last signal
# (the thread is then only leaving its event loop) must not take the running QThread with it:
# Qt aborts the process with "QThread: Destroyed while thread ... is still running".
_running: set[TrainingWorker] = set()


def _plain(logs: dict[str, Any], **extra: float) -> dict[str, float]:
    """Logs reduced to plain Python floats: nothing from torch crosses the thread boundary."""
    out: dict[str, float] = {}
    for key, value in logs.items():
        if isinstance(value, bool):
            continue
        try:
            out[key] = float(value)
        except (TypeError, ValueError):
            continue
    out.update({k: float(v) for k, v in extra.items()})
    return out


def _make_callback(worker: TrainingWorker) -> Any:
    """The engine Callback subclass, defined on first use so this module never imports torch."""
    global _callback_class
    if _callback_class is None:
        from engine import Callback

        class SignalCallback(Callback):  # type: ignore[misc]
            """Engine hooks -> worker signals. Runs on the training thread: it only emits."""

            def __init__(self, target: TrainingWorker) -> None:
                super().__init__()
                self.target = target

            def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
                if self.target.state == "starting":
                    self.target.set_state("running")

            def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.target.sig_epoch_begin.emit(int(epoch))

            def on_batch_end(self, step: int, logs: dict[str, Any] | None = None) -> None:
                self.target.sig_batch.emit(_plain(logs or {}, step=step))

            def on_validation_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.target.sig_validation.emit(_plain(logs or {}, epoch_index=epoch))

            def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self.target.sig_epoch.emit(_plain(logs or {}, epoch_index=epoch))
                self.target.emit_snapshot(int(epoch))

        _callback_class = SignalCallback
    return _callback_class(worker)


class TrainingWorker(QObject):
    """Runs one training run (``Trainer.fit``) on its own thread and reports through signals.

    Create it in the GUI thread, connect its signals, then call ``start()``. ``stop_and_wait``
    ends the run and joins the thread (the window calls it when closing).
    """

    # loss, accuracy, lr, samples_per_s, epoch (fractional), progress, eta_s
    sig_batch = Signal(dict)
    sig_epoch = Signal(dict)  # epoch-level logs; epoch_index is 0-based
    sig_epoch_begin = Signal(int)
    sig_validation = Signal(dict)  # val_loss, val_accuracy; epoch_index is 0-based
    sig_snapshot = Signal(object)  # {"epoch": int, "state_dict": {name: CPU tensor}} if asked
    sig_finished = Signal(object)  # RunRecord (finished, stopped, or failed inside the engine)
    sig_failed = Signal(str)  # a plain-language message; the run could not complete
    sig_state = Signal(str)  # one of STATES

    def __init__(
        self,
        model: Any,
        dataset: Dataset,
        settings: TrainSettings,
        epochs: int | None = None,
        snapshot_each_epoch: bool = False,
        trainer: Any = None,
        build_model: Callable[[], Any] | None = None,
    ) -> None:
        """``model``: the torch module to train, or None with ``build_model``, a function that
        builds it on the training thread (initialising a large network's weights takes long
        enough to stall the window)."""
        super().__init__()
        self._model = model
        self._build_model = build_model
        self._dataset = dataset
        self._settings = settings
        self._epochs = epochs
        self.snapshot_each_epoch = snapshot_each_epoch
        self.trainer: Any = trainer  # pass a previous run's trainer to continue it
        self.record: RunRecord | None = None
        self.weights: dict[str, Any] | None = None  # CPU state_dict after the run
        self.error = ""
        self.state = "idle"
        self._thread: QThread | None = None
        self._runner: _FitRunner | None = None
        self._stop_requested = False
        self._pause_requested = False

    # -- control (GUI thread) ----------------------------------------------------------------
    def start(self) -> bool:
        """Start the run's thread. The trainer is built there (its first use imports and
        allocates, which would stall the window); pause and stop work at once all the same.
        A refused run (no such device, ...) is reported through sig_failed.
        """
        if self._thread is not None:
            raise RuntimeError("a TrainingWorker runs once; create a new one for the next run")
        if self.trainer is not None:  # continuing: the trainer's hooks now report to this worker
            for callback in getattr(self.trainer.callbacks, "callbacks", []):
                if _callback_class is not None and isinstance(callback, _callback_class):
                    callback.target = self
        thread = QThread()
        thread.setObjectName("NetCanvasTraining")
        runner = _FitRunner(self)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        self._thread, self._runner = thread, runner
        thread.finished.connect(lambda: _fast_gil_handoff(False))
        thread.finished.connect(lambda: _running.discard(self))
        _fast_gil_handoff(True)
        self.set_state("starting")
        _running.add(self)
        thread.start()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    @property
    def paused(self) -> bool:
        return self.state == "paused"

    # Each control sets its flag first and then reads self.trainer, while the training thread
    # publishes self.trainer first and then reads the flags: a request made while the trainer
    # is being built is therefore applied by one side or the other (applying twice is harmless).
    def pause(self) -> None:
        if self.running and self.state in ("starting", "running"):
            self._pause_requested = True
            if self.trainer is not None:
                self.trainer.request_pause()  # honoured before the next batch (or the first)
            self.set_state("paused")

    def resume(self) -> None:
        if self.running and self.state == "paused":
            self._pause_requested = False
            if self.trainer is not None:
                self.trainer.resume()
            self.set_state("running")

    def step(self) -> None:
        """One batch while paused."""
        if self.trainer is not None and self.running and self.state == "paused":
            self.trainer.step()

    def stop(self) -> None:
        self._stop_requested = True
        if self.running:
            if self.trainer is not None:
                self.trainer.request_stop()
                if self.state == "paused":
                    self.trainer.resume()  # a paused trainer must wake up to notice the stop
            self.set_state("stopping")

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Stop the run and join its thread; True when no thread is left running."""
        self.stop()
        if self._thread is None:
            return True
        finished = self._thread.wait(timeout_ms)
        if finished:
            # The run's last signals (state, finished) are queued: deliver them now, so the
            # caller sees the final state and the record before it tears the window down.
            QCoreApplication.sendPostedEvents()
        return bool(finished)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return True if self._thread is None else bool(self._thread.wait(timeout_ms))

    def end_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()

    def set_state(self, state: str) -> None:
        """Record and announce a state (from either thread; the signal is queued to the GUI)."""
        self.state = state
        self.sig_state.emit(state)

    # -- the training thread -----------------------------------------------------------------
    def fit_in_thread(self) -> None:
        """Runs on the training thread (called by the runner): fit and report. Never raises."""
        try:
            if self.trainer is None:
                from engine import Trainer

                model = self._model if self._model is not None else self._built_model()
                trainer = Trainer(
                    model, self._dataset, self._settings, callbacks=[_make_callback(self)]
                )
                self.trainer = trainer
            if self._pause_requested:
                self.trainer.request_pause()
            if self._stop_requested:
                self.trainer.request_stop()
            record = self.trainer.fit(self._epochs)
            self.weights = self.trainer.state_dict_cpu()
        except Exception as error:  # the user gets a message, the log the trace
            self._report_failure(error)
            return
        self.record = record
        status = getattr(record, "status", "finished")
        self.set_state(status if status in STATES else "finished")
        self.sig_finished.emit(record)

    def _built_model(self) -> Any:
        from engine import NetCanvasError

        if self._build_model is None:
            raise NetCanvasError("TrainingWorker needs a model or a build_model function.")
        try:
            return self._build_model()
        except NetCanvasError:
            raise  # the engine's own message says what went wrong (e.g. not enough memory)
        except Exception as error:  # anything else still reaches the user as a message
            raise NetCanvasError(
                QCoreApplication.translate(
                    "TrainingWorker", "The network could not be built: {0}"
                ).format(error)
            ) from error

    def _report_failure(self, error: Exception) -> None:
        from engine import NetCanvasError

        if isinstance(error, NetCanvasError):
            self.error = str(error)
        else:
            log.error("training failed", exc_info=error)
            self.error = QCoreApplication.translate(
                "TrainingWorker",
                "Training stopped because of an unexpected error ({0}: {1}). "
                "The last good weights are kept; try a smaller batch or learning rate.",
            ).format(type(error).__name__, error)
        self.set_state("failed")
        self.sig_failed.emit(self.error)

    def emit_snapshot(self, epoch: int) -> None:
        """Training thread, at an epoch end: a CPU copy of the weights for live views.

        Only when asked (2-D playground sets, character models): the copy is small there, and
        the GUI can then draw from its own model instead of touching the one being trained.
        """
        if not self.snapshot_each_epoch or self.trainer is None:
            return
        state = {
            name: tensor.detach().to("cpu", copy=True)
            for name, tensor in self.trainer.model.state_dict().items()
        }
        self.sig_snapshot.emit({"epoch": epoch, "state_dict": state})


class _FitRunner(QObject):
    """Lives in the run's QThread; its slot runs the blocking fit, then ends the thread."""

    def __init__(self, worker: TrainingWorker) -> None:
        super().__init__()  # no parent: it moves to the training thread
        self._worker = worker

    @Slot()
    def run(self) -> None:
        _lower_thread_priority()
        try:
            self._worker.fit_in_thread()
        finally:
            # Back to the GUI thread, so that Python may delete it there, then end the loop.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self._worker.end_thread()
