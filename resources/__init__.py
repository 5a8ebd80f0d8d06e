"""Bundled files (icons, translations, labs, templates), found from source and from a frozen build.

In a PyInstaller one-folder build the data files live under ``sys._MEIPASS``; from source they sit
beside this file. Every other module asks ``path()`` instead of building paths itself.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds the resources."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base is not None:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``path("icons", "netcanvas.svg")``."""
    return root().joinpath(*parts)
