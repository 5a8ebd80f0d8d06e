"""NetCanvas entry point: ``python main.py [PROJECT]``, ``--smoke``, ``--self-test``,
``--screenshot OUT.png``.

The window is shown before torch is imported (torch alone takes ~2 s here); torch loads on a
background thread afterwards and the status bar says so until the device is known.
"""

from __future__ import annotations

import time

_STARTED = time.time()  # as early as possible: time-to-first-window counts from here

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402


def launch_time() -> float:
    """When the process was launched: a launcher (the startup bench) may pass its own clock."""
    try:
        return float(os.environ["NETCANVAS_LAUNCH_TIME"])
    except (KeyError, ValueError):
        return _STARTED


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from engine import TEMPLATES, __version__

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
        choices=[
            "editor",
            "data",
            "training",
            "evaluate",
            "misclassified",
            "draw",
            "explain",
            "roc",
            "labs",
        ],
        default="editor",
        help="with --screenshot: what to show (misclassified, draw, explain and roc are Evaluate tabs)",
    )
    parser.add_argument("--lang", choices=["en", "zh_CN"], help="interface language")
    parser.add_argument(
        "--report-startup",
        action="store_true",
        help="print 'netcanvas first-window <seconds>' when the window is first shown",
    )
    parser.add_argument("--version", action="version", version=f"NetCanvas {__version__}")
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke or args.self_test or args.screenshot:
        # All run unattended (CI, a frozen bundle's check): no display needed.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from gui.app import run_app

    return run_app(args, launch_time())


def run() -> None:
    """The ``netcanvas`` gui-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
