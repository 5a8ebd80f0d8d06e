"""The wheel, installed into an empty environment, works from any folder: its commands neither
read nor are hijacked by a student's own ``main.py``, ``engine/`` or ``gui/`` in the working
folder; it carries its license, icons and MIME type; mypy --strict sees the engine's real types
through its ``py.typed``."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_desktop_files_parse() -> None:
    """shared-mime-info refuses a MIME file that is not well-formed XML (a double hyphen in a
    comment was enough), and the file type is then never registered."""
    import xml.etree.ElementTree as ElementTree

    mime = ElementTree.parse(ROOT / "resources" / "netcanvas-mime.xml").getroot()
    kind = mime.find("{http://www.freedesktop.org/standards/shared-mime-info}mime-type")
    assert kind is not None and kind.get("type") == "application/x-netcanvas"
    desktop = (ROOT / "resources" / "netcanvas.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-netcanvas;" in desktop and "Icon=netcanvas" in desktop


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the environment's bin folder). The environment sees this Python's packages
    (torch, PySide6: nothing is downloaded) but NetCanvas only from the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(base / "dist"), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (base / "dist").glob("netcanvas-*.whl")
    venv.create(base / "env", system_site_packages=True, with_pip=False)
    bin_dir = base / "env" / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    pip = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert pip.returncode == 0, pip.stderr[-3000:]
    return wheel, bin_dir


@pytest.mark.slow
def test_the_wheel_carries_the_license_the_desktop_files_and_its_types(
    installed: tuple[Path, Path],
) -> None:
    names = set(zipfile.ZipFile(installed[0]).namelist())
    for required in (
        "resources/icons/netcanvas.ico",
        "resources/icons/netcanvas.icns",
        "resources/icons/netcanvas-256.png",
        "resources/netcanvas-mime.xml",
        "resources/netcanvas.desktop",
        "engine/py.typed",
        "gui/__main__.py",
    ):
        assert required in names, f"{required} is missing from the wheel"
    assert "main.py" not in names  # no top-level module named "main" to collide with
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(installed[0]).read(metadata).decode()
    from engine import __version__

    assert f"Version: {__version__}\n" in text and "License-Expression: MIT" in text


def _hostile_folder(tmp_path: Path) -> Path:
    """A student's project folder whose own main.py, engine/ and gui/ must never run."""
    folder = tmp_path / "student"
    for package in ("engine", "gui"):
        (folder / package).mkdir(parents=True)
        (folder / package / "__init__.py").write_text(
            f"raise SystemExit('the student {package}/ was imported')\n", encoding="utf-8"
        )
    (folder / "main.py").write_text("raise SystemExit('the student main.py ran')\n")
    return folder


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["netcanvas-cli", "--version"], "netcanvas-cli "),
        (["netcanvas-cli", "templates"], "seed-cnn"),
        (["netcanvas", "--version"], "NetCanvas "),
    ],
)
@pytest.mark.slow
def test_the_commands_ignore_the_working_folder(
    installed: tuple[Path, Path], tmp_path: Path, command: list[str], expected: str
) -> None:
    folder = _hostile_folder(tmp_path)
    env = {**os.environ, "NETCANVAS_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": ""}
    done = subprocess.run(
        [str(installed[1] / command[0]), *command[1:]],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert expected in done.stdout and "student" not in done.stdout + done.stderr
    where = subprocess.run(
        [str(installed[1] / "python"), "-P", "-c", "import engine; print(engine.__file__)"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert str(installed[1].parent) in where.stdout  # the wheel's engine, not a checkout's


@pytest.mark.slow
def test_mypy_strict_reads_the_installed_engine_types(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    """Through py.typed: without it mypy treats the installed engine as untyped (Any)."""
    snippet = tmp_path / "use_engine.py"
    snippet.write_text("from engine import Trainer\nreveal_type(Trainer)\n", encoding="utf-8")
    done = subprocess.run(
        [str(installed[1] / "python"), "-P", "-m", "mypy", "--strict", "--cache-dir",
         str(tmp_path / "cache"), str(snippet)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": ""},
    )  # fmt: skip
    assert "-> engine.train.trainer.Trainer" in done.stdout, done.stdout
    assert "py.typed" not in done.stdout, done.stdout
