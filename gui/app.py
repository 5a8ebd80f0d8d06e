"""Creates the QApplication and the main window, and runs the unattended modes."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources

PLATFORM_UNAVAILABLE = 3  # the exit status when no window can be opened (see platform_check)


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
    """The command line that starts this NetCanvas again (a bundle, or this Python on this
    main.py by its full path, so no other main.py is picked up) on ``project``."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        import main

        command = [sys.executable, str(Path(main.__file__).resolve())]
    return command + ([str(project)] if project is not None else [])


def run_app(args: argparse.Namespace, launched_at: float) -> int:
    from gui.platform_check import platform_problem

    problem = platform_problem()
    if problem is not None:  # Qt would abort inside QApplication(): say why in one line
        print(problem, file=sys.stderr, flush=True)
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
    window.show()

    if args.smoke:
        return _smoke(app, window, build_started)
    if args.self_test:
        from gui.self_test import run_self_test

        return run_self_test(app, window, args.template)
    if args.screenshot:
        from pathlib import Path

        from gui.screenshot import run_screenshot

        return run_screenshot(app, window, Path(args.screenshot), args.size, args.pane)
    window.start_background_loading()
    return app.exec()


def _smoke(app: QApplication, window: object, build_started: float) -> int:
    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    app.processEvents()
    window.ensure_panes()  # the smoke check covers the whole window
    window.start_background_loading()
    if not window.torch_loader.wait(120):
        print("netcanvas smoke FAILED: torch did not load within 120 s", file=sys.stderr)
        return 1
    # Let the loader's queued signal reach the status bar, and a few repaints happen.
    deadline = time.perf_counter() + 2.0
    while window.device_text() == "" and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    QTimer.singleShot(0, app.quit)
    app.exec()
    if window.device_text() == "":
        print("netcanvas smoke FAILED: no device reported", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - build_started
    window.close()
    print(f"netcanvas smoke ok {seconds:.2f}", flush=True)
    return 0
