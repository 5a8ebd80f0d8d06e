"""Without the libraries of Qt's xcb plugin, or without a display, the app says so in one line.

Qt itself aborts inside QApplication() (SIGABRT after several qt.qpa lines). The first test makes
the dynamic loader genuinely fail: a copy of the real xcb plugin whose entry for libxcb-icccm
names a version no system has, found first through QT_PLUGIN_PATH; Qt alone aborts on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb is Linux")


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python main.py``, as a user starts it (no --smoke: that would choose offscreen)."""
    return subprocess.run(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _bare_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"}
    }
    env.update(extra)
    return env


def _assert_one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 3, (result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
    return lines[0]


@pytest.fixture
def broken_xcb_plugin(tmp_path: Path) -> Path:
    """A plugins folder whose platforms/libqxcb.so needs libxcb-icccm.so.0 (absent)."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    real = plugins / "platforms" / "libqxcb.so"
    if not real.is_file() or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd here")
    data = real.read_bytes()
    needed = b"libxcb-icccm.so.4\0"
    assert data.count(needed) == 1, "the plugin no longer links libxcb-icccm.so.4 directly"
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "libqxcb.so").write_bytes(data.replace(needed, b"libxcb-icccm.so.0\0"))
    # The plugin finds Qt's libraries at $ORIGIN/../../lib, as beside the real one.
    (tmp_path / "Qt" / "lib").symlink_to(plugins.parent / "lib", target_is_directory=True)
    return platforms.parent


@linux_only
def test_missing_xcb_library_is_one_line_naming_the_package(broken_xcb_plugin: Path) -> None:
    env = _bare_env(QT_QPA_PLATFORM="xcb", DISPLAY=":97", QT_PLUGIN_PATH=str(broken_xcb_plugin))
    # The condition is real: Qt alone, in the same environment, aborts (SIGABRT: 134 or -6).
    bare_qt = subprocess.run(
        [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bare_qt.returncode != 0 and "xcb" in bare_qt.stderr
    line = _assert_one_plain_line(_run(env))
    assert "libxcb-icccm.so.0" in line
    assert "sudo apt-get install libxcb-icccm4" in line


@linux_only
def test_no_display_is_one_line() -> None:
    line = _assert_one_plain_line(_run(_bare_env()))
    assert "no display" in line


@linux_only
def test_offscreen_and_wayland_are_left_to_qt() -> None:
    from gui.platform_check import platform_problem

    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert platform_problem({"QT_QPA_PLATFORM": "xcb"}) is not None  # xcb needs a DISPLAY
