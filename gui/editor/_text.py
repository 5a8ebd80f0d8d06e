"""Text helpers: Qt translation of the editor's strings and number/shape formatting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate a user-visible string of the editor (context "Editor")."""
    return QCoreApplication.translate("Editor", text)


def format_shape(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return "?"
    return "×".join(str(d) for d in shape) if shape else "scalar"


def format_count(value: float) -> str:
    """693962 -> '693,962'; big numbers get a short suffix: 1.2 M, 3.4 G."""
    if value >= 10_000_000_000:
        return f"{value / 1e9:.1f} G"
    if value >= 10_000_000:
        return f"{value / 1e6:.1f} M"
    return f"{int(value):,}"


def format_bytes(value: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
