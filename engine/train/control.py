"""Cooperative run control shared between the training thread and any other thread.

The training loop checks two events before every batch (cheap, no lock); only when one says
"pause" or "stop" does it take the condition and wait.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class RunControl:
    def __init__(self) -> None:
        self.stop_event = threading.Event()
        self.gate = threading.Event()  # set while running, cleared while paused
        self.gate.set()
        self._cond = threading.Condition()
        self._paused = False
        self._step_budget = 0

    def request_stop(self) -> None:
        self.stop_event.set()
        with self._cond:
            self._cond.notify_all()

    def request_pause(self) -> None:
        with self._cond:
            self._paused = True
            self.gate.clear()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._step_budget = 0
            self.gate.set()
            self._cond.notify_all()

    def step(self) -> None:
        with self._cond:
            if self._paused:
                self._step_budget += 1
                self._cond.notify_all()

    def wait_for_go(self, set_state: Callable[[str], None]) -> bool | None:
        """Block while paused. None: stop; True: one single step granted; False: resumed."""
        with self._cond:
            while self._paused and self._step_budget == 0 and not self.stop_event.is_set():
                set_state("paused")
                self._cond.wait(0.5)
            if self.stop_event.is_set():
                return None
            set_state("running")
            if self._paused:
                self._step_budget -= 1
                return True
            return False
