"""Copying layers and then quitting must not crash the process on its way out.

PySide6 6.11 frees a Python-made QMimeData twice at exit if the clipboard still holds it
(a segfault after the window has closed, so the user sees a crash report on quit).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_COPY_THEN_EXIT = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from engine import default_project
    from gui.editor import EditorController
    from gui.document import ProjectDocument
    editor = EditorController(ProjectDocument(default_project()))
    editor.scene.select_nodes(list(editor.graph.nodes)[:2])
    editor.copy()
    print("copied", flush=True)
    """
)


def test_copy_then_exit_leaves_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _COPY_THEN_EXIT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "copied" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0, f"exit code {result.returncode}: {result.stderr[-2000:]}"
