"""What a teacher collects when something went wrong: the log file in Qt's per-user folder,
and Help ▸ Copy Diagnostics (versions, device, OS, the log's path and its last lines).

The file itself, the crash hooks and ``faulthandler`` are the engine's (``engine.logs``), shared
with the CLI; this module only chooses the folder the Qt way and gathers what the window knows.
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
from PySide6.QtGui import QGuiApplication

from engine import __version__, log_file, log_tail
from engine import start_logging as _start_engine_logging

LOG_NAME = "netcanvas.log"
TAIL_LINES = 60


def log_folder() -> Path:
    """Qt's per-user state folder for NetCanvas, plus ``logs`` (``NETCANVAS_LOG_DIR`` wins)."""
    override = os.environ.get("NETCANVAS_LOG_DIR")
    if override:
        return Path(override)
    # Static setters: the folder is known before the QApplication exists (it is made later).
    QCoreApplication.setOrganizationName("NetCanvas")  # as create_application does
    QCoreApplication.setApplicationName("NetCanvas")
    state = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.StateLocation)
    return Path(state) / "logs"


def start_logging() -> Path | None:
    """The window's log file: ``netcanvas.log`` in ``log_folder()``."""
    return _start_engine_logging(log_folder(), LOG_NAME)


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # a frozen bundle carries no metadata for some
        return "not installed"


def versions() -> list[tuple[str, str]]:
    """(name, version) of NetCanvas and what it runs on. torch is read from its metadata, or
    from the module once loaded: asking never imports torch (~2 s)."""
    torch = sys.modules.get("torch")
    torch_version = getattr(torch, "__version__", None) or _distribution_version("torch")
    return [
        ("NetCanvas", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("torch", str(torch_version)),
        ("OS", platform.platform()),
    ]


def diagnostics_text(device: str = "") -> str:
    """Plain text for a bug report: versions, the device, the log file and its last lines.
    English on purpose: whoever reads it (a teacher, a maintainer) reads the log in English."""
    lines = [f"{name}: {version}" for name, version in versions()]
    lines.append(f"Device: {device or 'not known yet (torch is loading)'}")
    lines.append(f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}")
    path = log_file()
    lines.append(f"Log file: {path if path is not None else 'none (the folder is not writable)'}")
    recent = log_tail(path, TAIL_LINES)
    if recent:
        lines += ["", f"Last {TAIL_LINES} lines of the log:", recent.rstrip("\n")]
    return "\n".join(lines) + "\n"


def copy_diagnostics(device: str = "") -> str:
    """Put ``diagnostics_text`` on the clipboard; returns it."""
    text = diagnostics_text(device)
    QGuiApplication.clipboard().setText(text)
    return text
