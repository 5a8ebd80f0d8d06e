"""The Preferences dialog: interface language, colour theme, autosave interval."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from gui import settings as app_settings
from gui.theme import apply_theme
from gui.widgets.wheel import wheel_safe_children


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gui import i18n

        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.setMinimumWidth(440)  # room for the wrapped notes

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in i18n.available_languages().items():
            self.language.addItem(name, code)
        saved = i18n.saved_language() or ""
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        form.addRow(self.tr("Interface language:"), self.language)
        self._restart_note = QLabel(
            self.tr("After OK, NetCanvas offers to restart in the new language.")
        )
        self._restart_note.setWordWrap(True)
        self._restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(self._show_restart_note)
        form.addRow("", self._restart_note)

        self.theme = QComboBox()
        for code, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(app_settings.theme())))
        form.addRow(self.tr("Colour theme:"), self.theme)

        self.autosave = QSpinBox()
        self.autosave.setRange(30, 3600)
        self.autosave.setSingleStep(30)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(app_settings.autosave_interval_s())
        self.autosave.setToolTip(self.tr("How often an unsaved project is copied for recovery."))
        form.addRow(self.tr("Autosave every:"), self.autosave)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        wheel_safe_children(self)  # as in every form: the wheel edits only a focused field

    def _show_restart_note(self) -> None:
        # The dialog grows to the wrapped note (it was clipped to "A new language applies when").
        self._restart_note.setVisible(True)
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def language_changed(self) -> bool:
        """Whether the chosen language differs from the one the window shows."""
        from gui import i18n

        return i18n.resolve_language(self.language.currentData() or None) != i18n.current_language()

    def accept(self) -> None:
        from PySide6.QtWidgets import QApplication

        from gui import i18n

        i18n.set_saved_language(self.language.currentData() or None)
        app_settings.set_theme(self.theme.currentData())
        app_settings.set_autosave_interval_s(self.autosave.value())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme.currentData())
        super().accept()
