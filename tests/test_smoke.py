"""`python main.py --smoke` builds the whole window offscreen and reports one line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_smoke_mode_prints_its_line_and_exits_zero() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "main.py", "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert re.fullmatch(r"netcanvas smoke ok \d+\.\d\d", lines[-1]), result.stdout
    assert "Traceback" not in result.stderr


def test_window_is_shown_before_torch_is_imported() -> None:
    """The first expose happens while torch is still absent from sys.modules."""
    script = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from gui.app import create_application\n"
        "app = create_application()\n"
        "from gui.main_window import MainWindow\n"
        "w = MainWindow()\n"
        "seen = []\n"
        "w.sig_first_shown.connect(lambda s: seen.append('torch' in sys.modules))\n"
        "w.show(); app.processEvents()\n"
        "print('torch-at-first-show', seen)\n"
        "w.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "torch-at-first-show [False]" in result.stdout


def test_cli_version_and_help() -> None:
    for flag in ("--version", "--help"):
        result = subprocess.run(
            [sys.executable, "-m", "engine.cli", flag],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "netcanvas" in result.stdout.lower()
