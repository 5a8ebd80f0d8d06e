"""The log file: what is left to send when something goes wrong.

One rotating file per front end (``netcanvas.log`` for the window, ``netcanvas-cli.log`` for the
CLI) in the per-user log folder. Uncaught exceptions (main thread and other threads) and fatal
errors (``faulthandler``: a segfault, an abort inside a library) are written to it, so a teacher
can collect what a student saw even from a windowed bundle, whose stderr is thrown away (on
Windows it is ``None``).

The folder is Qt's ``StateLocation`` for organisation and application "NetCanvas", plus
``logs``, computed here without Qt so the CLI writes beside the window; ``NETCANVAS_LOG_DIR``
overrides it (tests, a lab's shared folder).
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from engine import __version__

APP = "NetCanvas"  # QCoreApplication's organisation and application name (gui/app.py)
MAX_BYTES = 1_000_000  # per file; with the backups a log never takes more than ~4 MB
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("netcanvas")

_handler: _Handler | None = None


def default_log_folder(environ: Any = None, platform: str | None = None) -> Path:
    """Where the log files go: ``NETCANVAS_LOG_DIR``, else Qt's per-user state folder
    (``QStandardPaths.StateLocation``) followed by ``logs``."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if env.get("NETCANVAS_LOG_DIR"):
        return Path(env["NETCANVAS_LOG_DIR"])
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
        state = base / APP / APP / "State"
    elif platform == "darwin":
        state = home / "Library" / "Preferences" / APP / APP / "State"
    else:
        xdg = env.get("XDG_STATE_HOME")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "state"
        state = base / APP / APP
    return state / "logs"


class _Handler(logging.handlers.RotatingFileHandler):
    """A rotating file that ``faulthandler`` follows: after a rollover it writes to the new
    file, not to the renamed old one."""

    def doRollover(self) -> None:
        super().doRollover()
        _enable_faulthandler(self.stream)


def _enable_faulthandler(stream: TextIO | None) -> None:
    if stream is None:
        return
    # A stream without a file descriptor (a test's capture) cannot take it: no fatal-error log.
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        faulthandler.enable(file=stream, all_threads=True)


def start_logging(folder: Path | None = None, name: str = "netcanvas.log") -> Path | None:
    """Log to ``folder/name`` (the default folder when None) and send uncaught exceptions and
    fatal errors there. Returns the file's path, or None when the folder cannot be written (the
    program runs on without a file). Calling it again moves the log to the new file."""
    global _handler
    standard_streams()
    path = (folder or default_log_folder()) / name
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        stop_logging()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _handler = handler
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_exception
    _enable_faulthandler(handler.stream)
    log.info(
        "%s %s started (Python %s, %s, pid %d): %s",
        APP,
        __version__,
        sys.version.split()[0],
        sys.platform,
        os.getpid(),
        " ".join(sys.argv),
    )
    return path


def stop_logging() -> None:
    """Close the log file and give the exception hooks back (tests)."""
    global _handler
    if _handler is None:
        return
    logging.getLogger().removeHandler(_handler)
    _handler.close()
    _handler = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    if sys.__stderr__ is not None:
        _enable_faulthandler(sys.__stderr__)
    else:
        faulthandler.disable()


def log_file() -> Path | None:
    """The file this process logs to, if any."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_tail(path: Path | None, lines: int = 60) -> str:
    """The last ``lines`` lines of a log file ("" when there is none)."""
    if path is None:
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines))
    except OSError:
        return ""


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("Uncaught exception", exc_info=(kind, error, trace))
    if sys.__stderr__ is not None:  # a terminal still sees it; a windowed bundle has none
        traceback.print_exception(kind, error, trace, file=sys.__stderr__)


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    where = args.thread.name if args.thread is not None else "a thread"
    log.critical(
        "Uncaught exception in %s",
        where,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
    if sys.__stderr__ is not None:
        traceback.print_exception(
            args.exc_type, args.exc_value, args.exc_traceback, file=sys.__stderr__
        )


class _LogStream(io.TextIOBase):
    """Stands in for a missing stdout/stderr (a windowed Windows program has none): each line
    written goes to the log instead of raising AttributeError on ``None.write``."""

    def __init__(self, name: str, level: int) -> None:
        super().__init__()
        self._log = logging.getLogger(f"netcanvas.{name}")
        self._level = level
        self._pending = ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if line.strip():
                self._log.log(self._level, "%s", line)
        return len(text)

    def flush(self) -> None:
        if self._pending.strip():
            self._log.log(self._level, "%s", self._pending)
        self._pending = ""


def standard_streams() -> None:
    """Give a missing ``sys.stdout`` / ``sys.stderr`` a stand-in that writes to the log, so
    ``--version``, ``--smoke`` and ``--self-test`` are readable in a windowed bundle too."""
    if sys.stdout is None:
        sys.stdout = _LogStream("stdout", logging.INFO)
    if sys.stderr is None:
        sys.stderr = _LogStream("stderr", logging.WARNING)
