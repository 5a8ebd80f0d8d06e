"""Autosave and crash recovery, one slot per window.

While a project is open the window autosaves it every few minutes (and after each training run)
into its own slot in the per-user data folder: a folder named after the window's process, with
the recovery copy and a small JSON note naming the project's real path, the process id and the
process's start time (the lock: an id is reused once its process has ended). A clean exit
deletes the slot. The next start offers only slots whose process is gone — never the live
session of another window — and declining removes only the slot it declined. A damaged note
is set aside (renamed) with a message, never fatal. The recovery copy is written with the
engine's atomic save, so a crash mid-autosave leaves the previous copy intact.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

NOTE = "recovery.json"
COPY = "autosave.netcanvas"


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


def _own_slot() -> Path:
    from engine import process_started

    started = process_started(os.getpid())
    return recovery_dir() / f"{os.getpid()}-{int(started or 0)}"


def recovery_file() -> Path:
    """This window's recovery copy."""
    return _own_slot() / COPY


def write_note(original_path: str, saved_at: float) -> None:
    """Record this window's autosave (the slot's folder exists once its copy is saved)."""
    from engine import process_started

    pid = os.getpid()
    note = {
        "original_path": original_path,
        "saved_at": saved_at,
        "pid": pid,
        "started": process_started(pid),
    }
    target = _own_slot() / NOTE
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(note), encoding="utf-8")
    os.replace(tmp, target)


def own_recovery() -> Recovery | None:
    """This window's own autosave, if it has written one."""
    found = _read(_own_slot(), [])
    return found[0] if found else None


def find_recovery() -> tuple[Recovery | None, list[Path]]:
    """The newest autosave left by a session that did not exit cleanly (its process is gone),
    and the damaged notes set aside on the way (renamed ``recovery.json.damaged-TIME``)."""
    set_aside: list[Path] = []
    best: Recovery | None = None
    for slot in _slots():
        found = _read(slot, set_aside)
        if found is None or found[1]:  # nothing there, or its window is still running
            continue
        if best is None or found[0].saved_at > best.saved_at:
            best = found[0]
    return best, set_aside


def pending_recovery() -> Recovery | None:
    return find_recovery()[0]


def _slots() -> list[Path]:
    """Every slot: the folder of each window's process, and the folder itself (the single slot
    that older versions wrote)."""
    root = recovery_dir()
    try:
        return [root, *sorted(p for p in root.iterdir() if p.is_dir())]
    except OSError:
        return []


def _read(slot: Path, set_aside: list[Path]) -> tuple[Recovery, bool] | None:
    """(the slot's recovery, whether its process still runs), or None for an empty slot. A
    note that cannot be read as one is renamed and listed in ``set_aside``."""
    from engine import process_alive

    note_path, copy = slot / NOTE, slot / COPY
    try:
        raw = note_path.read_text(encoding="utf-8")
    except OSError:
        return None
    note = _checked_note(raw)
    if note is None:
        aside = note_path.with_name(f"{NOTE}.damaged-{int(time.time())}")
        with contextlib.suppress(OSError):
            os.replace(note_path, aside)
            set_aside.append(aside)
        return None
    if not copy.is_file():
        return None
    started = note["started"]
    running = "pid" in note and process_alive(note["pid"], started)
    return Recovery(copy, note["original_path"], note["saved_at"]), running


def _checked_note(raw: str) -> dict[str, Any] | None:
    """The note's fields, each of the type it must have; None for a damaged note."""
    try:
        note = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(note, dict):
        return None
    path, saved_at = note.get("original_path", ""), note.get("saved_at", 0.0)
    pid, started = note.get("pid"), note.get("started")
    number = (int, float)
    ok = (
        isinstance(path, str)
        and isinstance(saved_at, number)
        and not isinstance(saved_at, bool)
        and math.isfinite(saved_at)
        and 0 <= saved_at < 1e11
        and (pid is None or (isinstance(pid, int) and not isinstance(pid, bool) and pid > 0))
        and (started is None or (isinstance(started, number) and not isinstance(started, bool)))
    )
    if not ok:
        return None
    checked: dict[str, Any] = {"original_path": path, "saved_at": float(saved_at)}
    checked["started"] = None if started is None else float(started)
    if pid is not None:
        checked["pid"] = pid
    return checked


def discard_recovery(found: Recovery | None = None) -> None:
    """Remove a slot: ``found`` (one the user declined or restored), else this window's own."""
    slot = found.project_file.parent if found is not None else _own_slot()
    for path in (slot / COPY, slot / NOTE):
        with contextlib.suppress(OSError):  # a read-only data folder must not stop the app
            path.unlink(missing_ok=True)
    if slot != recovery_dir():
        shutil.rmtree(slot, ignore_errors=True)
