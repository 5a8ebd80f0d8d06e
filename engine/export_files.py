"""Writing an export file safely: all or nothing, with a message a user can act on.

Every exporter (weights, histories, the lab report) writes through ``atomic_write`` so that a
full disk or a read-only folder leaves no half-written file behind and says what to do.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError


def write_error(path: Path, error: OSError) -> NetCanvasError:
    """The user-facing error for a file that could not be written."""
    reason = error.strerror or str(error)
    return NetCanvasError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "Could not write '{path}' ({reason}). Choose another folder, or free some disk space, and export again.",
        ),
        path=path,
        reason=reason,
    )


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (os.umask sets
    it for every thread while it reads it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publish(tmp: Path, target: Path) -> None:
    """Move a finished temporary file to ``target`` with the mode a file the user saves would
    get (a temporary file is private, 0600: a teacher on a shared lab server could not read
    the export). OSError when the move fails."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, target)


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path`` only if it succeeded.

    The temporary file sits in the destination folder so the final rename never crosses disks.
    """
    target = Path(path).expanduser().resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as error:
        raise write_error(target, error) from None
    tmp = Path(tmp_name)
    try:
        write(tmp)
        publish(tmp, target)
    except OSError as error:
        raise write_error(target, error) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target


def write_text_file(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text (newlines as given) atomically."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))
