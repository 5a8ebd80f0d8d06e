"""`train` keeps a finished run: saved before its evaluation, written to a named copy when the
project's folder refuses the save, stopped and saved on SIGTERM and SIGHUP as on Ctrl+C; and
a save removes what an earlier, killed save left behind."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main
from engine.project import load_project, new_project, save_project
from engine.train.callbacks import Callback
from engine.types import DataRef, ProjectError


@pytest.fixture
def toy_project(tmp_path: Path) -> Path:
    project = new_project("toy2d", DataRef("moons", {"n_samples": 120, "seed": 0}), None)
    project.settings.epochs = 2
    project.settings.device = "cpu"
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "toy.netcanvas"
    save_project(project, path)
    return path


def _refuse_writes_in(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """``folder`` behaves as a read-only file system (EROFS) or a full disk (ENOSPC): nothing in
    it can be created, replaced or removed — not even a file that is not there."""
    real_open, real_unlink = open, Path.unlink

    def refused(path: Any) -> bool:
        return Path(path).parent == folder

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if refused(file) and any(c in mode for c in "wax+"):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    def fake_unlink(self: Path, missing_ok: bool = False) -> None:
        if refused(self):
            raise OSError(code, os.strerror(code), str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr("builtins.open", fake_open)
    monkeypatch.setattr(Path, "unlink", fake_unlink)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC])
def test_a_refused_save_keeps_the_run_in_a_named_copy_and_exits_non_zero(
    toy_project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    before = toy_project.read_bytes()
    _refuse_writes_in(monkeypatch, toy_project.parent, code)
    assert main(["train", str(toy_project), "--quiet"]) == 1
    err = capsys.readouterr().err
    kept = home / "toy.run-1.netcanvas"
    assert err.count("\n") == 1 and "internal error" not in err, err
    assert os.strerror(code) in err and str(kept) in err, err
    monkeypatch.undo()
    assert toy_project.read_bytes() == before
    run = load_project(kept).runs[-1]
    assert run.status == "finished" and len(run.history["loss"]) == 2
    assert "test_loss" in run.metrics  # evaluated after the first save, then saved again


def _can_mount() -> bool:
    """A mount namespace of our own (root, or an unprivileged user namespace) to mount in."""
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_mount(), reason="this machine allows no mount namespace (unshare)")
@pytest.mark.parametrize("folder_is", ["read-only", "full"])
def test_train_into_a_real_read_only_or_full_file_system_keeps_the_run(
    toy_project: Path, tmp_path: Path, folder_is: str
) -> None:
    """The probe behind the simulated test above, on real file systems: a 1 MB tmpfs mounted
    read-only, or filled up, in a private mount namespace (nothing outside the test sees it)."""
    home, mounted = tmp_path / "home", tmp_path / "mounted"
    home.mkdir()
    mounted.mkdir()
    refuse = (
        f"mount -o remount,ro {mounted}"
        if folder_is == "read-only"
        else f"dd if=/dev/zero of={mounted}/filler bs=4k 2>/dev/null || true"  # ENOSPC
    )
    script = f"""
        mount -t tmpfs -o size=1m tmpfs {mounted}
        cp {toy_project} {mounted}/toy.netcanvas
        {refuse}
        {sys.executable} -m engine.cli train {mounted}/toy.netcanvas --quiet
        echo "exit=$?"
        cmp -s {toy_project} {mounted}/toy.netcanvas && echo unchanged
    """
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=240
    )
    kept = home / "toy.run-1.netcanvas"
    code = errno.EROFS if folder_is == "read-only" else errno.ENOSPC
    assert "exit=1" in done.stdout and "unchanged" in done.stdout, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and os.strerror(code) in lines[0] and str(kept) in lines[0], lines
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    run = load_project(kept).runs[-1]
    assert run.status == "finished" and len(run.history["loss"]) == 2
    assert "test_loss" in run.metrics


def test_train_saves_the_run_before_it_evaluates(
    toy_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def out_of_memory(*_args: Any, **_kwargs: Any) -> Any:
        raise MemoryError("the confusion matrix needs 3 GB")

    monkeypatch.setattr("engine.session.evaluate_model", out_of_memory)
    assert main(["train", str(toy_project), "--quiet"]) == 1  # an internal error, but ...
    run = load_project(toy_project).runs[-1]  # ... the run is on disk
    assert run.status == "finished" and len(run.history["loss"]) == 2


def test_a_failed_save_removes_its_temporary_even_when_removing_fails_too(
    toy_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = load_project(toy_project)
    _refuse_writes_in(monkeypatch, toy_project.parent, errno.EROFS)
    with pytest.raises(ProjectError, match="Read-only file system"):
        save_project(project, toy_project)


def test_a_save_removes_the_temporaries_of_killed_saves_only(toy_project: Path) -> None:
    folder = toy_project.parent
    dead = folder / ".toy.netcanvas.999999999.tmp"  # no such process
    mine = folder / f".toy.netcanvas.{os.getpid()}.tmp"  # an earlier save of this process
    alive = folder / ".toy.netcanvas.1.tmp"  # a save under way in a running process
    other = folder / ".other.netcanvas.999999999.tmp"  # another project's
    for path in (dead, mine, alive, other):
        path.write_bytes(b"x" * 1000)
    save_project(load_project(toy_project), toy_project)
    assert not dead.exists() and not mine.exists()
    assert alive.exists() and other.exists()


class _SendSignal(Callback):
    """Sends ``signum`` to this process at the end of the first epoch, as `kill` would."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def on_epoch_end(self, epoch: int, logs: Any) -> None:
        if epoch == 0:
            os.kill(os.getpid(), self.signum)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stop_signal_ends_the_run_at_a_batch_and_saves_it(
    toy_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    signum = getattr(signal, name)
    monkeypatch.setattr(
        "engine.train.progress.ProgressPrinter", lambda _stream: _SendSignal(signum)
    )
    before = signal.getsignal(signum)
    assert main(["train", str(toy_project), "--epochs", "50"]) == 128 + signum
    assert signal.getsignal(signum) == before  # the handler is given back
    run = load_project(toy_project).runs[-1]
    assert run.status == "stopped" and 1 <= len(run.history["loss"]) < 50
