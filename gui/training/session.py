"""The training session: the window's one place where runs start, continue, pause and end.

Widget-free (a QObject the Training pane binds to, and tests drive alone). A run is prepared by
the engine (``engine.session.prepare_run``: a snapshot of the network, the Output layer's loss,
the seed), exactly as the CLI prepares it, and fitted on a ``gui.worker.Task``. The engine
reports through a Callback whose hooks only pass plain floats to ``Task.report``; the session
turns them into its signals on the GUI thread. The engine throttles batch logs
(``settings.log_interval_ms``), so a few signals a second arrive however fast the model trains.

The result arrives in ``sig_finished`` as a ``RunOutcome`` (record, weights, model): nothing is
read across threads afterwards. Pause, resume, step and stop are cooperative flags on the
trainer, safe to set from the GUI thread and honoured within one batch.

States, in the order a run passes through them: ``idle`` → ``starting`` → ``running`` ⇄
``paused`` → ``stopping`` → ``finished`` | ``stopped`` | ``failed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui.i18n import engine_text
from gui.training.performance import fast_gil_handoff, lower_thread_priority
from gui.worker import Task

if TYPE_CHECKING:
    from engine import PreparedRun
    from engine.types import RunRecord
    from gui.document import ProjectDocument

STATES = ("idle", "starting", "running", "paused", "stopping", "finished", "stopped", "failed")
ACTIVE = ("starting", "running", "paused", "stopping")


def tr(text: str) -> str:
    return QCoreApplication.translate("TrainingSession", text)


@dataclass(frozen=True)
class RunOutcome:
    """What a run leaves: its record, its weights on the CPU, and the trained model."""

    run: PreparedRun
    record: RunRecord
    weights: dict[str, Any] | None
    model: Any


@dataclass(frozen=True)
class EpochSnapshot:
    """A CPU copy of a run's weights at an epoch's end, for live views (2-D and text data)."""

    run: PreparedRun
    epoch: int  # epochs completed, counted from 1
    state_dict: dict[str, Any]


def _plain(logs: dict[str, Any] | None, **extra: float) -> dict[str, float]:
    """Logs reduced to plain Python floats: nothing from torch crosses the thread boundary."""
    out: dict[str, float] = {}
    for key, value in (logs or {}).items():
        if isinstance(value, bool):
            continue
        try:
            out[key] = float(value)
        except (TypeError, ValueError):
            continue
    out.update({k: float(v) for k, v in extra.items()})
    return out


class _Control:
    """One run as both threads see it: the trainer (published by the training thread once
    built) and the requests the GUI made before it existed."""

    def __init__(self, run: PreparedRun, snapshots: bool) -> None:
        self.run = run
        self.snapshots = snapshots
        self.trainer: Any = None
        self.task: Task | None = None  # the fit in flight; a continued run gets a new one
        self.pause_requested = False
        self.stop_requested = False
        self.weights_requested = False  # a live view wants the weights as they are now


_callback_class: type | None = None


def _cpu(control: _Control) -> dict[str, Any]:
    """A CPU copy of the run's weights (training thread, between batches)."""
    return {
        name: tensor.detach().to("cpu", copy=True)
        for name, tensor in control.trainer.model.state_dict().items()
    }


def _make_callback(control: _Control) -> Any:
    """The engine Callback subclass, defined on first use so this module never imports torch."""
    global _callback_class
    if _callback_class is None:
        from engine import Callback

        class ReportingCallback(Callback):  # type: ignore[misc]
            """Engine hooks -> ``Task.report``. Runs on the training thread: it only reports."""

            def __init__(self, control: _Control) -> None:
                super().__init__()
                self.control = control

            def _report(self, kind: str, value: Any) -> None:
                task = self.control.task
                if task is not None:
                    task.report((kind, value))

            def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
                self._report("begin", None)

            def on_batch_end(self, step: int, logs: dict[str, Any] | None = None) -> None:
                self._report("batch", _plain(logs, step=step))
                control = self.control
                if control.weights_requested and control.trainer is not None:
                    control.weights_requested = False
                    epochs = int(control.trainer.epoch)
                    self._report("weights", EpochSnapshot(control.run, epochs, _cpu(control)))

            def on_validation_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self._report("validation", _plain(logs, epoch_index=epoch))

            def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
                self._report("epoch", _plain(logs, epoch_index=epoch))
                control = self.control
                if control.snapshots and control.trainer is not None:
                    self._report(
                        "snapshot", EpochSnapshot(control.run, int(epoch) + 1, _cpu(control))
                    )

        _callback_class = ReportingCallback
    return _callback_class(control)


def _fit(task: Task, control: _Control, epochs: int | None) -> RunOutcome:
    """The training thread: build the trainer (first time), fit, finish. Errors propagate to
    the task, which reports them once, in plain language."""
    from engine import finish_run

    lower_thread_priority()
    fast_gil_handoff(True)
    try:
        if control.trainer is None:
            # Building initialises every weight: seconds for a large network, so not on the
            # GUI thread. Requests made meanwhile are applied right after.
            control.trainer = control.run.trainer([_make_callback(control)])
        trainer = control.trainer
        if control.pause_requested:
            trainer.request_pause()
        if control.stop_requested:
            trainer.request_stop()
        record = trainer.fit(epochs)
        _report, weights = finish_run(control.run, trainer, record)
        return RunOutcome(control.run, record, weights, trainer.model)
    finally:
        fast_gil_handoff(False)


class TrainingSession(QObject):
    sig_state = Signal(str)  # one of STATES
    sig_started = Signal(object)  # the PreparedRun, when a run (or its continuation) starts
    sig_batch = Signal(dict)  # loss, accuracy, lr, samples_per_s, epoch (fractional), ...
    sig_epoch = Signal(dict)  # epoch-level logs; epoch_index is 0-based
    sig_validation = Signal(dict)  # val_loss, val_accuracy; epoch_index is 0-based
    sig_snapshot = Signal(object)  # EpochSnapshot, for runs started with live views
    sig_weights = Signal(object)  # EpochSnapshot after the next batch, on request_weights()
    sig_finished = Signal(object)  # RunOutcome, after the document stored the run
    sig_failed = Signal(str)  # a plain-language message; the run could not complete

    def __init__(self, document: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.state = "idle"
        self._control: _Control | None = None
        self._last: RunOutcome | None = None  # the run Continue would extend
        document.sig_project_replaced.connect(self.reset)

    # -- queries ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.state in ACTIVE

    @property
    def trainer(self) -> Any:
        """The current run's trainer once built (for its control flags, and tests)."""
        return self._control.trainer if self._control is not None else None

    @property
    def current_run(self) -> PreparedRun | None:
        return self._control.run if self._control is not None else None

    def start_blocker(self) -> str:
        """Why a run cannot start now, in plain language naming what to do; empty when it can."""
        document = self.document
        if document.dataset is None:
            return tr("Load a dataset in the Data pane first.")
        analysis = document.project.graph.analysis
        if not analysis.valid:
            errors = list(analysis.errors) or list(analysis.issues)
            first = errors[0] if errors else None
            node = document.project.graph.nodes.get(getattr(first, "node_id", "") or "")
            where = f"{node.name}: " if node is not None else ""
            message = engine_text(getattr(first, "message", ""))
            return tr("Fix the network first — {0}{1}").format(where, message)
        return ""

    def can_continue(self) -> bool:
        """A finished or stopped run whose network and data are still the current ones."""
        from engine import can_continue

        last = self._last
        return (
            not self.running
            and last is not None
            and last.record.status != "failed"
            and self._control is not None
            and can_continue(
                last.run, self._control.trainer, self.document.project, self.document.dataset
            )
        )

    # -- control (GUI thread) --------------------------------------------------------------
    def start(self) -> str:
        """Start a fresh run with the project's settings; returns why not ("" when started)."""
        self.stop_and_wait()  # cancel before restarting
        reason = self.start_blocker()
        if reason:
            return reason
        from engine import NetCanvasError, prepare_run

        dataset = self.document.dataset
        assert dataset is not None
        try:
            run = prepare_run(self.document.project, dataset)
        except NetCanvasError as error:
            return engine_text(error)
        control = _Control(run, snapshots=dataset.kind in ("points", "text"))
        self._control, self._last = control, None
        self._launch(control, None)
        return ""

    def continue_run(self, epochs: int | None = None) -> bool:
        """Train the last run's model for ``epochs`` more (the project's epochs when None):
        the same run, its optimiser state and settings, its curves extended."""
        if not self.can_continue() or self._control is None:
            return False
        more = int(epochs if epochs is not None else self.document.project.settings.epochs)
        self._launch(self._control, more)
        return True

    def _launch(self, control: _Control, epochs: int | None) -> None:
        task = Task(
            lambda t: _fit(t, control, epochs),
            "NetCanvasTraining",
            doing=tr("Training"),
        )
        control.task = task
        control.pause_requested = control.stop_requested = False
        task.sig_yielded.connect(self._on_report)
        task.sig_returned.connect(self._on_returned)
        task.sig_errored.connect(self._on_errored)
        self._set_state("starting")
        self.document.set_training(True)
        task.start()
        self.sig_started.emit(control.run)

    def pause(self) -> None:
        control = self._control
        if control is not None and self.state in ("starting", "running"):
            # The flag first, then the trainer: the training thread publishes the trainer
            # first and then reads the flag, so one side or the other applies the request.
            control.pause_requested = True
            if control.trainer is not None:
                control.trainer.request_pause()  # honoured before the next batch
            self._set_state("paused")

    def resume(self) -> None:
        control = self._control
        if control is not None and self.state == "paused":
            control.pause_requested = False
            if control.trainer is not None:
                control.trainer.resume()
            self._set_state("running")

    def request_weights(self) -> bool:
        """Ask for a copy of the weights after the next batch (``sig_weights``), for a live
        view that wants the model as it is now. False when no batch is coming (no run, or
        paused)."""
        control = self._control
        if control is None or self.state not in ("starting", "running"):
            return False
        control.weights_requested = True
        return True

    def step(self) -> None:
        """One batch while paused."""
        control = self._control
        if control is not None and control.trainer is not None and self.state == "paused":
            control.trainer.step()

    def stop(self) -> None:
        control = self._control
        if control is None or not self.running:
            return
        control.stop_requested = True
        if control.trainer is not None:
            control.trainer.request_stop()
            if self.state == "paused":
                control.trainer.resume()  # a paused trainer must wake up to notice the stop
        self._set_state("stopping")

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Stop the run and join its thread; True when no thread is left running. The run's
        last reports are delivered before it returns, so its record is stored."""
        control = self._control
        if control is None or control.task is None:
            return True
        self.stop()
        finished = control.task.wait(timeout_ms)
        if finished:
            QCoreApplication.sendPostedEvents()
        return finished

    def reset(self) -> None:
        """The project was replaced: end any run without storing it (it belongs to the previous
        project) and forget the last one (Continue would train the previous network)."""
        control = self._control
        if control is not None and control.task is not None:
            control.task.cancel()  # nothing it reports reaches the new project
            self.stop()
            control.task.wait(30_000)
            self.document.set_training(False)
        self._control, self._last = None, None
        self._set_state("idle")

    # -- reports (GUI thread) --------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.sig_state.emit(state)

    def _on_report(self, item: tuple[str, Any]) -> None:
        kind, value = item
        if kind == "begin":
            if self.state == "starting":
                self._set_state("running")
        elif kind == "batch":
            self.sig_batch.emit(value)
        elif kind == "validation":
            self.sig_validation.emit(value)
        elif kind == "epoch":
            self.sig_epoch.emit(value)
        elif kind == "snapshot":
            self.sig_snapshot.emit(value)
        elif kind == "weights":
            self.sig_weights.emit(value)

    def _on_returned(self, outcome: RunOutcome) -> None:
        self._last = outcome
        status = outcome.record.status
        self.document.adopt_run(
            outcome.record, outcome.weights, outcome.model, outcome.run.signature
        )
        self._set_state(status if status in STATES else "finished")
        self.document.set_training(False)
        self.sig_finished.emit(outcome)

    def _on_errored(self, message: str) -> None:
        self._set_state("failed")
        self.document.set_training(False)
        self.sig_failed.emit(message)
