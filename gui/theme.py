"""Light and dark palettes. 'system' follows the desktop's colour scheme (Qt does that itself)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication, name: str) -> None:
    """Apply 'system', 'light' or 'dark'. The Fusion style renders both schemes consistently."""
    app.setStyle("Fusion")
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(name, Qt.ColorScheme.Unknown)  # Unknown = follow the system
    app.styleHints().setColorScheme(scheme)


def is_dark(app: QApplication) -> bool:
    return app.palette().window().color().lightness() < 128
