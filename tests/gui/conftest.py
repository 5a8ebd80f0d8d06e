"""GUI test fixtures: real widgets offscreen; a test fails if it leaves a QThread running."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThread

_started_threads: weakref.WeakSet[QThread] = weakref.WeakSet()
_original_start = QThread.start


def _tracking_start(self: QThread, *args: object) -> None:
    _started_threads.add(self)
    _original_start(self, *args)  # type: ignore[arg-type]


QThread.start = _tracking_start  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp: object) -> Iterator[None]:
    """Fail a test that ends with a QThread still running (an orphan training or loading thread)."""
    yield
    running = [thread for thread in list(_started_threads) if thread.isRunning()]
    for thread in running:  # do not let one leak poison the next test
        thread.quit()
        thread.wait(5000)
    assert not running, f"test left {len(running)} QThread(s) running: {running}"


@pytest.fixture(autouse=True)
def clean_settings(qapp: object) -> Iterator[None]:
    """Each test starts with empty QSettings (recent files, layout, language)."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName("NetCanvasTests")
    QCoreApplication.setApplicationName("NetCanvasTests")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def editor(qtbot: Any) -> Iterator[Any]:
    """The editor on the default project (the reference CNN), in a shown window."""
    from editor_testing import editor_window

    from engine import default_project
    from gui.document import ProjectDocument

    window, controller = editor_window(ProjectDocument(default_project()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield controller
