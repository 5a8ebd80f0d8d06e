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


def last_folder() -> str:
    """The folder the user last chose a file in ('' before the first time)."""
    return str(settings().value("last_folder", "") or "")


def remember_folder(path: str) -> None:
    """Remember the folder of a file (or the folder) the user just chose."""
    from pathlib import Path

    chosen = Path(path)
    settings().setValue("last_folder", str(chosen if chosen.is_dir() else chosen.parent))


def start_folder(project_path: object = None) -> str:
    """Where a file dialog opens: the open project's folder, else the last folder used, else
    the home folder (never the process's working folder)."""
    from pathlib import Path

    if project_path is not None:
        return str(Path(str(project_path)).parent)
    last = last_folder()
    return last if last and Path(last).is_dir() else str(Path.home())


def autosave_interval_s() -> int:
    return int(settings().value("autosave_interval_s", 180))


def set_autosave_interval_s(seconds: int) -> None:
    settings().setValue("autosave_interval_s", int(seconds))


def theme() -> str:
    """'system', 'light' or 'dark'."""
    return str(settings().value("theme", "system"))


def set_theme(name: str) -> None:
    settings().setValue("theme", name)
