"""Test configuration shared by every test: Qt runs offscreen, isolated settings, quiet torch."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator

import pytest

# Set before anything imports Qt: GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings (recent files, dock layout, language) out of the developer's real profile.
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(os.path.dirname(__file__), ".config-tmp"))
os.environ.setdefault("NETCANVAS_SETTINGS_SCOPE", "tests")
# The entry points start a log file (engine.logs): keep it out of the developer's own log folder.
os.environ.setdefault("NETCANVAS_LOG_DIR", os.path.join(os.path.dirname(__file__), ".logs-tmp"))


# -- the watchdog ---------------------------------------------------------------------------
# pytest-timeout (thread method) needs the GIL to fire: a test stuck in C code that holds the
# GIL would hang CI until its 90 min limit, with nothing printed. faulthandler's watchdog is a C
# thread of its own: past the test's own limit plus this margin it prints every thread's stack
# and ends the process, so such a hang fails fast and says where it was.
_WATCHDOG_MARGIN_S = 120
_watchdog_fd: int | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _watchdog_fd
    # Here the output capture is suspended: fd 2 is the terminal (or CI's log), not a capture
    # file that an exiting process would take with it.
    _watchdog_fd = os.dup(2)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    marker = item.get_closest_marker("timeout")
    limit = (
        float(marker.args[0]) if marker and marker.args else float(item.config.getini("timeout"))
    )
    if _watchdog_fd is not None:
        # A CLI test running main() in-process points faulthandler at the app's log file (the
        # app's own crash record): each test points it back here, so a crash shows in the run.
        faulthandler.enable(file=_watchdog_fd, all_threads=True)
    if _watchdog_fd is not None and limit > 0:
        faulthandler.dump_traceback_later(limit + _WATCHDOG_MARGIN_S, exit=True, file=_watchdog_fd)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
