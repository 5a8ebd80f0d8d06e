"""The window's entry point: arguments, the log file, the QApplication and the main window,
and the unattended modes (``--smoke``, ``--self-test``, ``--screenshot``).

``netcanvas``, ``python -m gui`` and a source checkout's ``python main.py`` all start here.
The window is shown before torch is imported (torch alone takes ~2 s here); torch loads on a
background thread afterwards and the status bar says so until the device is known.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import gui
import resources

log = logging.getLogger(__name__)

PLATFORM_UNAVAILABLE = 3  # the exit status when no window can be opened (see platform_check)


def launch_time() -> float:
    """When the process was launched (``gui`` is the first package imported, before Qt); a
    launcher (the startup bench) may pass its own clock."""
    try:
        return float(os.environ["NETCANVAS_LAUNCH_TIME"])
    except (KeyError, ValueError):
        return gui.STARTED


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from engine import TEMPLATES
    from gui.screenshot import PANES

    parser = argparse.ArgumentParser(
        prog="netcanvas",
        description="NetCanvas: build, train, inspect and export neural networks.",
    )
    parser.add_argument("project", nargs="?", help="a .netcanvas project file to open")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="build the main window offscreen, process events, print one line and exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="scripted walk-through (open, train one epoch, evaluate, export ONNX); prints JSON",
    )
    parser.add_argument(
        "--template",
        choices=sorted(TEMPLATES),
        help="with --self-test: start from this template (e.g. char-lstm) instead of the "
        "default project",
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="open the default project, show one pane (after one epoch of training for "
        "training/evaluate), write a PNG of the whole window and exit",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=(1366, 768),
        metavar="WxH",
        help="with --screenshot: the window's size in pixels (default 1366x768)",
    )
    parser.add_argument(
        "--pane",
        choices=list(PANES),
        default="editor",
        help="with --screenshot: what to show (misclassified, draw, explain and roc are "
        "Evaluate tabs)",
    )
    parser.add_argument(
        "--lab", default="gradient-descent", help="with --screenshot --pane labs: which lab"
    )
    parser.add_argument("--lang", choices=["en", "zh_CN"], help="interface language")
    parser.add_argument(
        "--report-startup",
        action="store_true",
        help="print 'netcanvas first-window <seconds>' when the window is first shown",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if min(size) < 100 or max(size) > 10_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1366x768")
    return size


def say(line: str, error: bool = False) -> None:
    """One line of an unattended mode's output: on the terminal, and in the log file, where a
    windowed bundle (no terminal; on Windows no stdout at all) can still be read."""
    print(line, file=sys.stderr if error else sys.stdout, flush=True)
    (log.error if error else log.info)("%s", line)


def main(argv: list[str] | None = None) -> int:
    from gui.diagnostics import start_logging

    start_logging()  # first: whatever happens next can be read afterwards
    args = parse_args(argv)
    if args.version:
        from engine import __version__

        say(f"NetCanvas {__version__}")
        return 0
    if args.smoke or args.self_test or args.screenshot:
        # All run unattended (CI, a frozen bundle's check): no display needed.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    return run_app(args, launch_time())


def run() -> None:
    """The ``netcanvas`` gui-script entry point."""
    sys.exit(main())


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("NetCanvas")
    app.setOrganizationName("NetCanvas")
    app.setApplicationDisplayName("NetCanvas")
    app.setWindowIcon(QIcon(str(resources.path("icons", "netcanvas.svg"))))
    return app


def relaunch_command(project: Path | None) -> list[str]:
    """The command line that starts this NetCanvas again on ``project``: the bundle, or this
    Python on this ``gui`` package. ``-P`` keeps the working folder off sys.path, so a student's
    own ``gui/``, ``engine/`` or ``main.py`` there is never picked up."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        home = str(Path(gui.__file__).resolve().parents[1])
        start = f"import sys; sys.path.insert(0, {home!r}); from gui.app import run; run()"
        command = [sys.executable, "-P", "-c", start]
    return command + ([str(project)] if project is not None else [])


def run_app(args: argparse.Namespace, launched_at: float) -> int:
    from gui.platform_check import platform_problem

    problem = platform_problem()
    if problem is not None:  # Qt would abort inside QApplication(): say why in one line
        say(problem, error=True)
        return PLATFORM_UNAVAILABLE
    if args.screenshot:
        from gui.screenshot import use_scratch_profile

        use_scratch_profile()  # before anything reads the settings (theme, language, layout)
    app = create_application()

    from gui import i18n
    from gui import settings as app_settings
    from gui.theme import apply_theme

    apply_theme(app, app_settings.theme())
    i18n.install_translator(app, args.lang)

    from gui.main_window import MainWindow

    build_started = time.perf_counter()
    unattended = args.smoke or args.self_test or bool(args.screenshot)
    window = MainWindow(project_path=args.project, offer_recovery=not unattended)
    if args.screenshot:
        window.resize(*args.size)  # before the first show: the docks take their sizes from it

    def on_first_shown(seconds_since_launch: float) -> None:
        if args.report_startup:
            print(f"netcanvas first-window {seconds_since_launch:.3f}", flush=True)

    def on_torch_loaded(_devices: object, _seconds: float) -> None:
        if args.report_startup:
            print(f"netcanvas torch-loaded {time.time() - launched_at:.3f}", flush=True)

    window.sig_first_shown.connect(on_first_shown)
    window.torch_loader.sig_loaded.connect(on_torch_loaded)
    window.launched_at = launched_at
    if window.fills_screen and not args.screenshot:
        window.showMaximized()  # a lab screen smaller than the window's size
    else:
        window.show()

    if args.smoke:
        return _smoke(app, window, build_started)
    if args.self_test:
        from gui.self_test import run_self_test

        return run_self_test(app, window, args.template)
    if args.screenshot:
        from pathlib import Path

        from gui.screenshot import run_screenshot

        return run_screenshot(
            app, window, Path(args.screenshot), args.size, args.pane, lab=args.lab
        )
    window.start_background_loading()
    return app.exec()


def _smoke(app: QApplication, window: object, build_started: float) -> int:
    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    app.processEvents()
    window.ensure_panes()  # the smoke check covers the whole window
    window.start_background_loading()
    if not window.torch_loader.wait(120):
        say("netcanvas smoke FAILED: torch did not load within 120 s", error=True)
        return 1
    # Let the loader's queued signal reach the status bar, and a few repaints happen.
    deadline = time.perf_counter() + 2.0
    while window.device_text() == "" and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    QTimer.singleShot(0, app.quit)
    app.exec()
    if window.device_text() == "":
        say("netcanvas smoke FAILED: no device reported", error=True)
        return 1
    seconds = time.perf_counter() - build_started
    window.close()
    say(f"netcanvas smoke ok {seconds:.2f}")
    return 0
