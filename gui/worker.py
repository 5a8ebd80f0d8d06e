"""The one place where the window's work leaves the GUI thread.

A ``Task`` runs one function on a thread of its own and reports with superqt's vocabulary:
``sig_started``, ``sig_yielded`` (what the function reports on the way), ``sig_returned`` (its
result), ``sig_errored`` (a plain-language message, from ``user_message``) and
``sig_finished``. A ``TaskSlot`` holds its owner's current task: starting another first cancels
the one in flight (Orange's rule), and ``shutdown`` waits. Training, data loading, evaluation,
the live views, exports, torch loading and the labs all run here; nothing else in ``gui/``
makes a thread.

Every result crosses to the GUI thread as a signal argument, never as an attribute read across
threads. A cancelled task may still be running (a torch call cannot be interrupted), but nothing
it reports after ``cancel()`` reaches its owner: the worker thread emits an internal relay that
the GUI thread forwards only while the task is current. Started tasks are kept in a module
set until they end, so dropping a Task never destroys a running QThread (which aborts Qt), and
``shutdown_all`` joins whatever is left when the application quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from gui.i18n import engine_text

log = logging.getLogger(__name__)

_alive: set[Task] = set()  # started and not yet ended: kept alive until their thread ends
_quit_hooked = False


def tr(text: str) -> str:
    return QCoreApplication.translate("Worker", text)


def user_message(error: BaseException, doing: str = "") -> str:
    """The one rule for what a failure tells the user: the engine's own words for a
    NetCanvasError (they say what to do); for anything else what failed, the error in one line,
    and where the details went (the trace goes to the log, never to the screen)."""
    from engine import NetCanvasError

    if isinstance(error, NetCanvasError):  # expected (bad input): its words, no trace
        log.warning("%s: %s", doing or "background work", error)
        return engine_text(error)
    if isinstance(error, MemoryError):
        return tr(
            "There was not enough memory. Close other programs, or use a smaller batch, "
            "network or dataset."
        )
    log.error("%s failed", doing or "background work", exc_info=error)
    what = doing or tr("The work")
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return tr("{0} failed unexpectedly ({1}: {2}). The details are in the log.").format(
        what, type(error).__name__, detail
    )


class Task(QObject):
    """``fn(task)`` on a thread of its own. ``fn`` may call ``task.report(value)`` (arrives as
    ``sig_yielded``) and read ``task.cancelled`` to end early.

    The outcome (``sig_returned`` or ``sig_errored``, then ``sig_finished``) is delivered once
    the thread has ended: whoever reacts to it (a test ending, the window closing, a restart)
    never meets a thread that is still winding down.
    """

    sig_started = Signal()
    sig_yielded = Signal(object)
    sig_returned = Signal(object)
    sig_errored = Signal(str)
    sig_finished = Signal()  # after returned or errored (nothing follows cancel())

    _sig_relay = Signal(str, object)  # (kind, value), emitted on the worker thread

    def __init__(
        self, fn: Callable[[Task], Any], name: str = "NetCanvasTask", doing: str = ""
    ) -> None:
        super().__init__()  # lives in the GUI thread: the relay below is queued there
        self._fn = fn
        self._doing = doing
        self._cancelled = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        # The function runs in the thread's `started` signal, called directly on the worker
        # thread. No QObject is moved into the thread and back: a worker moving one back to
        # the GUI thread (holding the GIL) while the GUI thread delivers its queued events can
        # deadlock — GIL against Qt's event-queue lock, a hang no timeout can interrupt.
        self._thread.started.connect(self._execute, Qt.ConnectionType.DirectConnection)
        self._sig_relay.connect(self._on_relay)
        self._thread.finished.connect(self._on_thread_finished)  # queued: emitted over there
        self._outcome: tuple[str, Any] | None = None  # set by the worker thread, read after

    # -- GUI thread --------------------------------------------------------------------------
    def start(self) -> Task:
        global _quit_hooked
        app = QCoreApplication.instance()
        if app is not None and not _quit_hooked:
            app.aboutToQuit.connect(shutdown_all)
            _quit_hooked = True
        _alive.add(self)
        self._thread.finished.connect(lambda: _alive.discard(self))
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Nothing more from this task reaches its listeners; the function sees
        ``cancelled`` and may end early."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def ended(self) -> Any:
        """The thread's ``finished`` signal: emitted when the task's thread has ended, also
        after ``cancel()`` (``sig_finished`` is not)."""
        return self._thread.finished

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Join the thread; True when it has ended (or never started)."""
        return bool(self._thread.wait(timeout_ms))

    @Slot(str, object)
    def _on_relay(self, kind: str, value: Any) -> None:
        if self._cancelled:
            return
        if kind == "started":
            self.sig_started.emit()
        else:
            self.sig_yielded.emit(value)

    @Slot()
    def _on_thread_finished(self) -> None:
        self._thread.wait()  # returns at once: finished is the thread's last act
        outcome, self._outcome = self._outcome, None
        if self._cancelled or outcome is None:
            return
        kind, value = outcome
        if kind == "returned":
            self.sig_returned.emit(value)
        else:
            self.sig_errored.emit(user_message(value, self._doing))
        self.sig_finished.emit()

    # -- worker thread -----------------------------------------------------------------------
    def report(self, value: Any) -> None:
        """Called by the function: ``value`` arrives as ``sig_yielded`` in the GUI thread."""
        if not self._cancelled:
            self._sig_relay.emit("yielded", value)

    def _execute(self) -> None:
        self._sig_relay.emit("started", None)
        try:
            self._outcome = ("returned", self._fn(self))
        except Exception as error:  # reported as a message, never raised into Qt
            self._outcome = ("errored", error)
        finally:
            self._thread.quit()


class TaskSlot(QObject):
    """One owner's current task: ``start`` cancels the one in flight before starting the next,
    so an older result can never overwrite a newer one."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._task: Task | None = None
        self._threads: set[Task] = set()  # started here and still running, cancelled ones too
        self._waiting: tuple[Any, ...] | None = None  # see start_when_free
        self._in_flight = False  # a start_when_free task has not reported its end yet

    def start(
        self,
        fn: Callable[[Task], Any],
        returned: Callable[[Any], None],
        errored: Callable[[str], None] | None = None,
        *,
        yielded: Callable[[Any], None] | None = None,
        finished: Callable[[], None] | None = None,
        doing: str = "",
    ) -> Task:
        self.cancel()
        task = Task(fn, self._name, doing)
        task.sig_returned.connect(returned)
        if errored is not None:
            task.sig_errored.connect(errored)
        if yielded is not None:
            task.sig_yielded.connect(yielded)
        if finished is not None:
            task.sig_finished.connect(finished)
        self._task = task
        self._threads.add(task)
        task.ended.connect(lambda: self._threads.discard(task))
        return task.start()

    def start_when_free(
        self,
        fn: Callable[[Task], Any],
        returned: Callable[[Any], None],
        errored: Callable[[str], None] | None = None,
        *,
        doing: str = "",
    ) -> None:
        """Like ``start``, but a task in flight runs to its end first; of the requests made
        meanwhile only the newest waits (one sample per epoch keeps up with a fast run)."""
        if self._in_flight:
            self._waiting = (fn, returned, errored, doing)
            return
        self.start(fn, returned, errored, doing=doing, finished=self._start_waiting)
        self._in_flight = True

    def _start_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        self._in_flight = False
        if waiting is not None:
            fn, returned, errored, doing = waiting
            self.start(fn, returned, errored, doing=doing, finished=self._start_waiting)
            self._in_flight = True

    @property
    def task(self) -> Task | None:
        return self._task

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def cancel(self) -> None:
        self._waiting = None
        self._in_flight = False
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Join the current task without cancelling it (tests; a result is wanted), and any
        cancelled one still running; True when no thread of this slot is left."""
        return all(task.wait(timeout_ms) for task in list(self._threads))

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel and join every task of this slot (its owner is going away)."""
        self.cancel()
        return self.wait(timeout_ms)


def run_task(
    fn: Callable[[Task], Any],
    returned: Callable[[Any], None],
    errored: Callable[[str], None] | None = None,
    *,
    name: str = "NetCanvasTask",
    doing: str = "",
) -> Task:
    """Start a one-off task (nothing to cancel it for); keep the returned Task to wait on it."""
    task = Task(fn, name, doing)
    task.sig_returned.connect(returned)
    if errored is not None:
        task.sig_errored.connect(errored)
    return task.start()


def busy_threads() -> int:
    """How many task threads are still running (tests, shutdown)."""
    return sum(1 for task in list(_alive) if task.running)


def shutdown_all(timeout_ms: int = 10_000) -> bool:
    """Join every task thread still running (the application is quitting)."""
    return all(task.wait(timeout_ms) for task in list(_alive))
