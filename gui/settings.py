"""The app's persistent preferences, in one place (QSettings keys and their defaults)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings()


def recent_projects() -> list[str]:
    value = settings().value("recent_projects", [])
    if isinstance(
        value, str
    ):  # QSettings returns a bare string for a one-item list on some backends
        value = [value]
    return [str(p) for p in value or []]


def add_recent_project(path: str) -> list[str]:
    paths = [path] + [p for p in recent_projects() if p != path]
    settings().setValue("recent_projects", paths[:MAX_RECENT])
    return paths[:MAX_RECENT]


def remove_recent_project(path: str) -> list[str]:
    paths = [p for p in recent_projects() if p != path]
    settings().setValue("recent_projects", paths)
    return paths


def autosave_interval_s() -> int:
    return int(settings().value("autosave_interval_s", 180))


def set_autosave_interval_s(seconds: int) -> None:
    settings().setValue("autosave_interval_s", int(seconds))


def theme() -> str:
    """'system', 'light' or 'dark'."""
    return str(settings().value("theme", "system"))


def set_theme(name: str) -> None:
    settings().setValue("theme", name)
