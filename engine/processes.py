"""Whether another process is still running: for the temporary files of a save that was killed
and for the window's recovery slots, which belong to a process until it is gone.

A process id is reused once its process has ended, so a lock records the id and the process's
start time (``process_started``); a lock whose id now names a process that started at another time is
stale too. Torch- and Qt-free.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def process_started(pid: int) -> float | None:
    """When process ``pid`` started (clock ticks since boot on Linux), or None when this system
    does not say (or there is no such process)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        return float(fields[19])  # field 22, starttime
    except (IndexError, ValueError):
        return None


def process_alive(pid: int, start: float | None = None) -> bool:
    """Whether process ``pid`` is running (and, when ``start`` is given and the system tells,
    is the one that started then, not a later process that reuses the id)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return start is None or start == process_started(pid) or process_started(pid) is None
    if sys.platform == "win32":
        running = _windows_alive(pid)
    else:
        try:
            os.kill(pid, 0)  # signal 0 only asks; on Windows it would send Ctrl+C instead
        except ProcessLookupError:
            return False
        except PermissionError:
            running = True  # someone else's process: it exists
        except OSError:
            return False
        else:
            running = True
    if running and start is not None:
        now = process_started(pid)
        return now is None or now == start
    return running


def _windows_alive(pid: int) -> bool:
    import ctypes

    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 (only Windows has it)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
