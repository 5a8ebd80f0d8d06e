"""Test configuration shared by every test: Qt runs offscreen, isolated settings, quiet torch."""

from __future__ import annotations

import os

# Set before anything imports Qt: GUI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings (recent files, dock layout, language) out of the developer's real profile.
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(os.path.dirname(__file__), ".config-tmp"))
os.environ.setdefault("NETCANVAS_SETTINGS_SCOPE", "tests")
# The entry points start a log file (engine.logs): keep it out of the developer's own log folder.
os.environ.setdefault("NETCANVAS_LOG_DIR", os.path.join(os.path.dirname(__file__), ".logs-tmp"))
