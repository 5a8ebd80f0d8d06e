"""The log file (engine.logs): a crash in any thread, and a fatal error, leave a readable entry
in the per-user log folder; a program without stdout/stderr (a windowed bundle) still runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from engine.logs import default_log_folder

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETCANVAS_LOG_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    start = "from engine.logs import start_logging; start_logging(name='t.log')\n"
    return subprocess.run(
        [sys.executable, "-c", start + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_uncaught_exception_is_written_to_the_log_with_its_traceback(tmp_path: Path) -> None:
    done = _run("def inner():\n    raise RuntimeError('induced crash 41')\ninner()\n", tmp_path)
    assert done.returncode == 1
    log = (tmp_path / "t.log").read_text(encoding="utf-8")
    assert "CRITICAL" in log and "Uncaught exception" in log
    assert "Traceback" in log and "in inner" in log and "RuntimeError: induced crash 41" in log
    assert "induced crash 41" in done.stderr  # a terminal still sees it


def test_an_exception_in_another_thread_is_written_to_the_log(tmp_path: Path) -> None:
    code = (
        "import threading\n"
        "def work():\n    raise ValueError('thread crash 7')\n"
        "t = threading.Thread(target=work, name='worker-7'); t.start(); t.join()\n"
    )
    done = _run(code, tmp_path)
    assert done.returncode == 0
    log = (tmp_path / "t.log").read_text(encoding="utf-8")
    assert "Uncaught exception in worker-7" in log and "ValueError: thread crash 7" in log


def test_a_fatal_error_is_written_to_the_log_by_faulthandler(tmp_path: Path) -> None:
    done = _run("import faulthandler; faulthandler._sigsegv()\n", tmp_path)
    assert done.returncode != 0
    log = (tmp_path / "t.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in log


def test_without_stdout_and_stderr_output_goes_to_the_log(tmp_path: Path) -> None:
    """A windowed Windows program has sys.stdout = sys.stderr = None: printing must not crash,
    and what it said is read back from the log."""
    env = {**os.environ, "NETCANVAS_LOG_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    code = (
        "import sys; sys.stdout = sys.stderr = None\n"
        "from engine.logs import start_logging; start_logging(name='t.log')\n"
        "sys.stdout.write('netcanvas smoke ok 1.23\\n'); sys.stderr.write('a warning\\n')\n"
        "print('more', flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "t.log").read_text(encoding="utf-8")
    assert "INFO netcanvas.stdout: netcanvas smoke ok 1.23" in log
    assert "WARNING netcanvas.stderr: a warning" in log and "netcanvas.stdout: more" in log


def test_the_log_rotates_instead_of_growing(tmp_path: Path) -> None:
    code = "import logging\nfor i in range(30000):\n    logging.getLogger('x').info('line %d ' + 'x' * 60, i)\n"
    assert _run(code, tmp_path).returncode == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["t.log", "t.log.1", "t.log.2", "t.log.3"]
    assert all((tmp_path / name).stat().st_size <= 1_000_200 for name in files)


def test_the_default_folder_is_the_per_user_state_folder() -> None:
    home = {"HOME": "/home/ada"}
    assert default_log_folder(home, "linux") == Path(
        "/home/ada/.local/state/NetCanvas/NetCanvas/logs"
    )
    assert default_log_folder({**home, "XDG_STATE_HOME": "/s"}, "linux") == Path(
        "/s/NetCanvas/NetCanvas/logs"
    )
    assert default_log_folder(
        {"USERPROFILE": "C:/U/ada", "LOCALAPPDATA": "C:/U/ada/AppData/Local"}, "win32"
    ) == Path("C:/U/ada/AppData/Local/NetCanvas/NetCanvas/State/logs")
    assert default_log_folder(home, "darwin") == Path(
        "/home/ada/Library/Preferences/NetCanvas/NetCanvas/State/logs"
    )
    assert default_log_folder({**home, "NETCANVAS_LOG_DIR": "/lab/logs"}, "linux") == Path(
        "/lab/logs"
    )


def test_the_cli_writes_its_internal_errors_to_its_log(tmp_path: Path, monkeypatch) -> None:
    """A bug in a command: one line on stderr, the traceback in netcanvas-cli.log."""
    from engine import cli
    from engine.logs import stop_logging

    monkeypatch.setenv("NETCANVAS_LOG_DIR", str(tmp_path))

    def broken(_args: object) -> int:
        raise ZeroDivisionError("induced cli bug")

    monkeypatch.setattr(cli, "cmd_templates", broken)
    try:
        assert cli.main(["templates"]) == 1
    finally:
        stop_logging()
    log = (tmp_path / "netcanvas-cli.log").read_text(encoding="utf-8")
    assert "netcanvas-cli templates failed" in log and "ZeroDivisionError: induced cli bug" in log
