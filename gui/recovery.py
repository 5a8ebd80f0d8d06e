"""Autosave and crash recovery.

While a project is open the window autosaves it every few minutes (and after each training run)
into a recovery file in the per-user data folder, beside a small JSON note naming the project's
real path. A clean exit deletes both. If the app dies, the next start finds them and offers to
restore. The recovery file is written with the engine's atomic save, so a crash mid-autosave
leaves the previous recovery copy intact.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths


@dataclass(frozen=True)
class Recovery:
    project_file: Path  # the autosaved copy
    original_path: str  # where the user's project lives ("" for a never-saved project)
    saved_at: float  # time.time() of the autosave


def recovery_dir() -> Path:
    override = os.environ.get("NETCANVAS_RECOVERY_DIR")
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".netcanvas") / "recovery"


def _note_path() -> Path:
    return recovery_dir() / "recovery.json"


def recovery_file() -> Path:
    return recovery_dir() / "autosave.netcanvas"


def write_note(original_path: str, saved_at: float) -> None:
    note = {"original_path": original_path, "saved_at": saved_at, "pid": os.getpid()}
    tmp = _note_path().with_suffix(".tmp")
    tmp.write_text(json.dumps(note), encoding="utf-8")
    os.replace(tmp, _note_path())


def pending_recovery() -> Recovery | None:
    """The autosave left by a session that did not exit cleanly, if any."""
    try:
        note = json.loads(_note_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not recovery_file().is_file() or not isinstance(note, dict):
        return None
    return Recovery(
        project_file=recovery_file(),
        original_path=str(note.get("original_path", "")),
        saved_at=float(note.get("saved_at", 0.0)),
    )


def discard_recovery() -> None:
    for path in (recovery_file(), _note_path()):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # a read-only data folder must not stop the app from closing
