"""Preferences: the language note is readable in full; a new language restarts the app."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.preferences import PreferencesDialog


def test_the_language_note_shows_in_full(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for language in ("en", "zh_CN"):
        i18n.install_translator(app, language)
        try:
            dialog = PreferencesDialog()
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.language.setCurrentIndex((dialog.language.currentIndex() + 1) % 2)
            note = dialog._restart_note
            qtbot.waitUntil(note.isVisible, timeout=2000)
            qtbot.wait(50)
            assert note.height() >= note.heightForWidth(note.width())  # every wrapped line
            shown = QRect(note.mapTo(dialog, note.rect().topLeft()), note.size())
            assert dialog.rect().contains(shown), (language, shown, dialog.rect())
        finally:
            i18n.install_translator(app, "en")


def test_the_restart_command_starts_this_netcanvas_on_the_project(tmp_path: Path) -> None:
    """A language change restarts the app: the command it runs starts this NetCanvas (not a
    student's own main.py in the working folder) on the open project's file."""
    from engine import default_project, save_project
    from gui.app import relaunch_command

    project = tmp_path / "my net.netcanvas"
    save_project(default_project(), project)
    (tmp_path / "main.py").write_text("raise SystemExit(99)\n", encoding="utf-8")
    command = relaunch_command(project)
    assert command[-1] == str(project)
    # Offscreen, with settings of its own (it must not write the user's window layout).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    done = subprocess.run(
        [*command, "--smoke"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "netcanvas smoke ok" in done.stdout
