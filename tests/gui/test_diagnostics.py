"""Diagnostics in the window: a failed background job leaves its traceback in the log file,
Help ▸ Copy Diagnostics puts the versions on the clipboard, About names them, and the window's
log folder is the one the CLI uses (Qt's StateLocation, computed by the engine without Qt)."""

from __future__ import annotations

import logging
import platform
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from engine import __version__
from engine.logs import stop_logging
from gui import diagnostics
from gui.worker import run_task


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("NETCANVAS_LOG_DIR", str(tmp_path / "logs"))
    path = diagnostics.start_logging()
    assert path == tmp_path / "logs" / "netcanvas.log"
    yield path.parent
    stop_logging()


def test_a_failed_background_job_is_logged_with_its_traceback(qtbot: Any, log_dir: Path) -> None:
    def job(_task: object) -> None:
        raise KeyError("induced job failure 12")

    shown: list[str] = []
    task = run_task(job, lambda _result: None, shown.append, doing="Loading the data")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    task.wait()
    assert len(shown) == 1 and "The details are in the log" in shown[0]
    log = (log_dir / "netcanvas.log").read_text(encoding="utf-8")
    assert "ERROR gui.worker: Loading the data failed" in log
    assert "Traceback" in log and "in job" in log and "KeyError: 'induced job failure 12'" in log


def test_copy_diagnostics_puts_the_versions_and_the_log_tail_on_the_clipboard(
    qtbot: Any, log_dir: Path
) -> None:
    from gui.main_window import MainWindow

    window = MainWindow(offer_recovery=False)
    qtbot.addWidget(window)
    logging.getLogger("gui.test").warning("a line the teacher should see")
    window.act_copy_diagnostics.trigger()
    text = QGuiApplication.clipboard().text()
    assert f"NetCanvas: {__version__}" in text
    assert f"Python: {platform.python_version()}" in text
    assert f"Qt: {qVersion()}" in text and f"PySide6: {pyside_version}" in text
    assert "torch: 2." in text and f"OS: {platform.platform()}" in text
    assert f"Log file: {log_dir / 'netcanvas.log'}" in text
    assert "a line the teacher should see" in text
    assert "Diagnostics copied" in window.statusBar().currentMessage()
    window.state.mark_clean()


def test_about_names_the_versions(
    qtbot: Any, log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window = MainWindow(offer_recovery=False)
    qtbot.addWidget(window)
    window.act_about.trigger()
    assert shown and f"NetCanvas {__version__}" in shown[0]
    assert f"Qt {qVersion()}" in shown[0] and f"PySide6 {pyside_version}" in shown[0]
    assert "torch 2." in shown[0] and str(log_dir / "netcanvas.log") in shown[0]
    window.state.mark_clean()


def test_the_window_logs_where_the_cli_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from engine import default_log_folder

    monkeypatch.delenv("NETCANVAS_LOG_DIR")
    assert diagnostics.log_folder() == default_log_folder()


def test_version_without_a_terminal_lands_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A windowed Windows bundle has no stdout: --version must neither crash nor vanish."""
    from gui.app import main

    monkeypatch.setenv("NETCANVAS_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        assert main(["--version"]) == 0
    finally:
        stop_logging()
    log = (tmp_path / "netcanvas.log").read_text(encoding="utf-8")
    assert f"NetCanvas {__version__}" in log.split("started", 1)[1]
