"""One recovery slot per window: another window's live session is never offered nor touched;
once its process is gone, its work is offered; a damaged note is set aside, never fatal."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pane_support import Answers
from PySide6.QtWidgets import QMessageBox

from engine import default_project, process_started, save_project
from gui import recovery
from gui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setenv("NETCANVAS_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture
def other_window() -> Iterator[subprocess.Popen[bytes]]:
    """A process standing for another NetCanvas window that is still running."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield process
    process.kill()
    process.wait(30)


def _slot(root: Path, pid: int, started: float | None, name: str, saved_at: float = 1e9) -> Path:
    """A window's slot as it autosaves it: its copy and its note (with the lock)."""
    slot = root / f"{pid}-{int(started or 0)}"
    slot.mkdir(parents=True)
    project = default_project()
    project.name = name
    save_project(project, slot / recovery.COPY)
    note = {"original_path": "", "saved_at": saved_at, "pid": pid, "started": started}
    (slot / recovery.NOTE).write_text(json.dumps(note), encoding="utf-8")
    return slot


def _window(qtbot: object) -> MainWindow:
    window = MainWindow(offer_recovery=True)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window


def test_a_live_windows_slot_is_not_offered_and_survives_until_it_is_gone(
    qtbot: object,
    root: Path,
    other_window: subprocess.Popen[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = other_window.pid
    slot = _slot(root, pid, process_started(pid), "first window's work")
    answers = Answers(monkeypatch, Button.No)
    second = _window(qtbot)
    assert second._offer_restore() is False and not answers.asked  # not "did not close"
    second.editor.add_layer("Dropout")
    second._autosave()  # the second window's own slot, beside the first's
    answers.answer = Button.Discard
    assert second.close()
    assert (slot / recovery.COPY).is_file()  # the first window's copy survives

    other_window.kill()  # the first window crashes
    other_window.wait(30)
    answers.answer, answers.asked = Button.Yes, []
    third = _window(qtbot)
    assert third._offer_restore() is True
    assert answers.asked and "did not close normally" in answers.asked[0]
    assert third.state.project.name == "first window's work"
    assert not slot.exists()  # adopted: offered once, not at every start
    assert recovery.own_recovery() is not None  # ... and kept in the third window's own slot
    answers.answer = Button.Discard
    assert third.close()


def test_a_reused_process_id_does_not_keep_a_dead_slot_locked(
    qtbot: object,
    root: Path,
    other_window: subprocess.Popen[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = process_started(other_window.pid)
    if started is None:
        pytest.skip("this system does not tell when a process started")
    _slot(root, other_window.pid, started - 100, "a crashed window's work")
    found = recovery.pending_recovery()
    assert found is not None and found.project_file.is_file()


def test_declining_removes_only_the_declined_slot(
    qtbot: object,
    root: Path,
    other_window: subprocess.Popen[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    live = _slot(root, other_window.pid, process_started(other_window.pid), "live")
    dead = _slot(root, 999_999_999, None, "crashed")
    answers = Answers(monkeypatch, Button.No)
    window = _window(qtbot)
    assert window._offer_restore() is False
    assert answers.asked and "did not close normally" in answers.asked[0]
    assert not dead.exists() and (live / recovery.COPY).is_file()
    answers.answer = Button.Discard
    assert window.close()


@pytest.mark.parametrize(
    "note", ["{{{ not json", '{"saved_at": "yesterday"}', '{"pid": [1], "saved_at": 1}', "[]"]
)
def test_a_damaged_note_is_set_aside_with_a_message_and_start_up_goes_on(
    qtbot: object, root: Path, monkeypatch: pytest.MonkeyPatch, note: str
) -> None:
    slot = _slot(root, 999_999_999, None, "x")
    (slot / recovery.NOTE).write_text(note, encoding="utf-8")
    answers = Answers(monkeypatch, Button.Ok)
    window = _window(qtbot)
    assert window._offer_restore() is False
    assert answers.asked and "set aside" in answers.asked[0]
    assert not (slot / recovery.NOTE).exists()
    assert list(slot.glob(f"{recovery.NOTE}.damaged-*"))
    answers.asked = []
    assert window._offer_restore() is False and not answers.asked  # said once
    answers.answer = Button.Discard
    assert window.close()
