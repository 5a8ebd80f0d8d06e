"""The README's torchrun line, as a student types it: two CPU processes (gloo) train a project."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from engine import schema
from engine.device import available_cores

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    # PYTHONPATH puts this checkout ahead of whatever NetCanvas is installed, for the console
    # script too (it only does ``from engine.cli import main``).
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NETCANVAS_DEBUG"):
        env.pop(name, None)
    return env


def _cli() -> list[str]:
    """The installed ``netcanvas-cli`` command, as the README runs it; else this Python's."""
    script = shutil.which("netcanvas-cli")
    return [script] if script else [sys.executable, "-m", "engine.cli"]


def _run(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _torchrun(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    # --standalone finds a free port: a fixed one collides with any other run on the machine.
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone"]
    command += ["--nproc_per_node=2", "--no-python", *_cli(), "train", *args]
    start = time.monotonic()
    result = _run(command, cwd, timeout=300)  # generous: a busy two-core CI machine
    return result, time.monotonic() - start


def _runs(project: Path) -> list[dict[str, object]]:
    with zipfile.ZipFile(project) as archive:  # the project file is a zip
        runs = json.loads(archive.read("project.json"))["runs"]
    assert isinstance(runs, list)
    return runs


@pytest.mark.slow
def test_torchrun_trains_a_project_on_two_processes_and_resumes(tmp_path: Path) -> None:
    project = tmp_path / "p.netcanvas"
    _run([*_cli(), "new", str(project), "--template", "toy2d", "--data", "moons"], tmp_path, 120)

    result, seconds = _torchrun(str(project), "--epochs", "1", "--fresh", cwd=tmp_path)
    # Each process takes its share of the cores, and says so.
    threads = max(1, available_cores() // 2)
    each = "1 thread each" if threads == 1 else f"{threads} threads each"
    assert f"on 2 processes (DDP), {each}" in result.stdout, result.stdout
    assert seconds < 60, f"took {seconds:.0f} s"
    (run,) = _runs(project)
    assert run["status"] == "finished" and run["processes"] == 2
    with zipfile.ZipFile(project) as archive:
        assert archive.getinfo("weights.safetensors").file_size > 0
    info = _run([*_cli(), "info", str(project)], tmp_path, 120).stdout
    batch = run["settings"]["batch_size"]  # type: ignore[index]
    assert f"last run: 2 processes, batch size {batch} per process ({2 * batch} per step)" in info
    as_json = _run([*_cli(), "info", str(project), "--json"], tmp_path, 120).stdout
    assert json.loads(as_json)["last_run_processes"] == 2

    # Interrupted after epoch 1 (its checkpoint), continued to epoch 2 from there.
    ckpt = str(tmp_path / "ckpt")
    _torchrun(str(project), "--epochs", "1", "--fresh", "--checkpoint-dir", ckpt, cwd=tmp_path)
    first = _runs(project)[-1]
    result, _ = _torchrun(
        str(project), "--epochs", "2", "--checkpoint-dir", ckpt, "--resume", cwd=tmp_path
    )
    assert re.search(r"epochs 2 to 2 from the checkpoint", result.stdout), result.stdout
    runs = _runs(project)
    assert len(runs) == 2  # the continued run replaced its interrupted part
    resumed = runs[-1]
    assert resumed["id"] == first["id"] and resumed["processes"] == 2
    history = resumed["history"]
    assert isinstance(history, dict) and len(history["loss"]) == 2
    assert history["loss"][0] == first["history"]["loss"][0]  # type: ignore[index]


def test_a_run_record_says_how_many_processes_trained() -> None:
    """Older projects have no ``processes``: one process trained them. Zero is refused."""
    old = {"id": "run-1", "settings": {"batch_size": 16}}
    assert schema.run(old, "runs[0]").processes == 1
    assert schema.run({**old, "processes": 4}, "runs[0]").processes == 4
    for bad in (0, 2.5, True):
        with pytest.raises(schema.SchemaError, match=r"runs\[0\]\.processes"):
            schema.run({**old, "processes": bad}, "runs[0]")
