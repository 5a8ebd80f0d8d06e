"""Before the QApplication exists: can Qt open a window here? One plain line if it cannot.

On Linux, Qt aborts inside ``QApplication()`` (several ``qt.qpa`` lines, then SIGABRT and a core
dump) when its xcb platform plugin cannot load because system libraries are missing
(``libxcb-cursor0``, ``libxcb-icccm4``, ... are absent from many fresh installs), or when there
is no display at all. Both are checked here first, so the user reads one line naming the
packages to install instead. The check asks the dynamic loader itself (``ldd`` on the plugin),
so it reports exactly what Qt would fail on; it runs only when Qt would pick xcb, and when it
cannot tell (no ``ldd``, no plugin found) it stays silent and lets Qt try.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# The Debian/Ubuntu package of each library Qt's xcb plugin (PySide6 6.11) links to, outside
# Qt itself, by library name without its version (``ldd`` on
# Qt/plugins/platforms/libqxcb.so and libQt6XcbQpa.so.6). The first group is what a fresh
# desktop install usually lacks; the rest are there on any desktop but not in a bare container.
XCB_PACKAGES: dict[str, str] = {
    "libxcb-cursor": "libxcb-cursor0",
    "libxcb-icccm": "libxcb-icccm4",
    "libxcb-keysyms": "libxcb-keysyms1",
    "libxcb-image": "libxcb-image0",
    "libxcb-render-util": "libxcb-render-util0",
    "libxcb-util": "libxcb-util1",
    "libxkbcommon-x11": "libxkbcommon-x11-0",
    "libxcb-randr": "libxcb-randr0",
    "libxcb-shape": "libxcb-shape0",
    "libxcb-xfixes": "libxcb-xfixes0",
    "libxcb-sync": "libxcb-sync1",
    "libxcb-shm": "libxcb-shm0",
    "libxcb-render": "libxcb-render0",
    "libxcb-xkb": "libxcb-xkb1",
    "libxcb": "libxcb1",
    "libX11-xcb": "libx11-xcb1",
    "libX11": "libx11-6",
    "libxkbcommon": "libxkbcommon0",
    "libEGL": "libegl1",
    "libGL": "libgl1",
    "libfontconfig": "libfontconfig1",
    "libfreetype": "libfreetype6",
    "libdbus-1": "libdbus-1-3",
    "libglib-2.0": "libglib2.0-0",
    "libgthread-2.0": "libglib2.0-0",
}

OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run it without a screen (a headless check)"

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def platform_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, as one line to print, or None (go ahead)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not _would_use_xcb(env):
        return None
    if not env.get("DISPLAY"):
        return (
            "NetCanvas cannot open its window: no display (DISPLAY is not set). Start it from "
            f"a desktop session, {OFFSCREEN_HINT}."
        )
    plugin = find_xcb_plugin(env)
    missing = missing_libraries(plugin) if plugin is not None else None
    if not missing:
        return None
    return missing_message(missing)


def missing_message(missing: list[str]) -> str:
    """The one line for libraries the xcb plugin needs and the system lacks."""
    packages = sorted({XCB_PACKAGES.get(_stem(name), name) for name in missing})
    return (
        "NetCanvas cannot open its window: Qt's X11 (xcb) plugin needs "
        f"{', '.join(missing)}, missing here. On Debian/Ubuntu run "
        f"`sudo apt-get install {' '.join(packages)}`, {OFFSCREEN_HINT}."
    )


def _would_use_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt would load the xcb plugin: asked for by name, or the default off Wayland."""
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    # A Wayland session may use the wayland plugin, which needs none of the xcb libraries.
    return not env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") != "wayland"


def find_xcb_plugin(env: Mapping[str, str]) -> Path | None:
    """libqxcb.so where Qt finds it first: QT_PLUGIN_PATH, Qt's plugins, then
    QT_QPA_PLATFORM_PLUGIN_PATH (Qt 6 loads the first plugin named xcb along that order)."""
    from PySide6.QtCore import QLibraryInfo  # QtCore only: loading it starts no platform

    plugin_roots = [*env.get("QT_PLUGIN_PATH", "").split(os.pathsep)]
    plugin_roots.append(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    folders = [Path(root, "platforms") for root in plugin_roots if root]
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    for folder in folders:
        plugin = folder / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str] | None:
    """The libraries the dynamic loader cannot find for ``plugin`` (None: cannot tell)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    loaded = _loaded_files()
    missing: list[str] = []
    for name in _NOT_FOUND.findall(result.stdout):
        # A library this process has loaded already (Qt's own, in a bundle without RUNPATHs)
        # is found by its name when Qt loads the plugin, whatever ldd says.
        if name not in missing and not any(f.startswith(name) for f in loaded):
            missing.append(name)
    return missing


def _loaded_files() -> set[str]:
    """File names of the shared libraries mapped into this process (Linux)."""
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return {os.path.basename(line.split()[-1]) for line in maps.splitlines() if "/" in line}


def _stem(soname: str) -> str:
    """``libxcb-icccm.so.4`` -> ``libxcb-icccm``."""
    return soname.split(".so")[0]
