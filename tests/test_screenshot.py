"""``python main.py --screenshot OUT.png`` writes the whole window at the size asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def _screenshot(out: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        NETCANVAS_RECOVERY_DIR=str(home / "recovery"),
    )
    return subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_editor_screenshot_is_a_png_of_the_size_asked_for(tmp_path: Path) -> None:
    # A user's crash-recovery file and settings are theirs: a screenshot leaves them alone.
    recovery = tmp_path / "recovery"
    recovery.mkdir()
    (recovery / "autosave.netcanvas").write_bytes(b"the user's unsaved work")
    out = tmp_path / "shots" / "editor.png"
    result = _screenshot(out, tmp_path, "--size", "1024x720", "--pane", "editor")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"netcanvas screenshot {out} 1024x720 editor"
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (1024, 720)
        colours = image.convert("RGB").resize((64, 45)).getcolors(64 * 45)
    assert colours is not None and len(colours) > 50  # a painted window, not a blank frame
    assert (recovery / "autosave.netcanvas").read_bytes() == b"the user's unsaved work"
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*.conf"))


def test_a_screenshot_that_cannot_be_written_is_one_line_and_non_zero(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    result = _screenshot(blocker / "editor.png", tmp_path, "--size", "1024x720")
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if "screenshot" in line]
    assert len(failures) == 1 and failures[0].startswith("netcanvas screenshot FAILED: write ")
    assert "Traceback" not in result.stderr
    assert not (blocker / "editor.png").exists()
