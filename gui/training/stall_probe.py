"""Measures how responsive the event loop is: how late a 10 ms precise timer is served.

The training benchmark and the window's ``--self-test`` use it while a run trains; the p99 and
the maximum lateness are the "stall" figures quoted for the GUI (targets 20 ms and 150 ms).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer

PROBE_MS = 10


class StallProbe(QObject):
    """Start it, run the event loop, stop it; ``p99_ms`` and ``max_ms`` summarise the lateness."""

    def __init__(self, interval_ms: int = PROBE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.lateness: list[float] = []  # ms past the due time, one per tick
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)
        self._last = 0

    def start(self) -> None:
        self.lateness = []
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.lateness.append(max(0.0, (now - self._last) / 1e6 - self.interval_ms))
        self._last = now

    def percentile_ms(self, q: float) -> float:
        if not self.lateness:
            return 0.0
        ordered = sorted(self.lateness)
        return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]

    @property
    def p99_ms(self) -> float:
        return self.percentile_ms(99)

    @property
    def max_ms(self) -> float:
        return max(self.lateness, default=0.0)
