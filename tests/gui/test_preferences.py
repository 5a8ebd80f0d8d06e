"""Preferences: the language note is readable in full when it appears."""

from __future__ import annotations

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
