"""The frozen app: build the PyInstaller bundle, then run its --smoke and --self-test.

Slow (a build takes minutes), so it runs only when asked: ``NETCANVAS_FROZEN_TEST=1 python -m
pytest -m frozen`` (``.ci/run`` does this after the suite). An up-to-date ``dist/NetCanvas``
(newer than every source file) is reused instead of rebuilt.

The bundle runs with a bare environment (no PYTHONPATH, no Python on PATH), a fresh home folder
and, where the kernel allows it, no network at all (``unshare -n``): what a student's offline
lab machine gives it.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(
        os.environ.get("NETCANVAS_FROZEN_TEST") != "1",
        reason="builds the PyInstaller bundle (minutes): set NETCANVAS_FROZEN_TEST=1",
    ),
    pytest.mark.timeout(3600),
]

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "NetCanvas"
EXE = DIST / ("NetCanvas.exe" if sys.platform == "win32" else "NetCanvas")
SOURCES = ("main.py", "build.spec", "pyproject.toml", "engine", "gui", "resources")
RESULT_FILE = ROOT / "build" / "frozen_self_test.json"


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if (
                file.is_file()
                and "__pycache__" not in file.parts
                and file.suffix not in (".qm", ".sh")  # .sh: installer scripts, not in the bundle
            ):
                newest = max(newest, file.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def bundle() -> Path:
    if EXE.is_file() and EXE.stat().st_mtime > _newest_source():
        return EXE
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert build.returncode == 0, (
        f"PyInstaller failed:\n{build.stdout[-3000:]}{build.stderr[-6000:]}"
    )
    assert EXE.is_file(), f"the build made no {EXE}"
    return EXE


def _offline_prefix() -> list[str]:
    """``unshare -n`` (a network namespace with no interfaces) when this machine allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, timeout=30)
    return [unshare, "-n"] if probe.returncode == 0 else []


def _run(exe: Path, flag: str, tmp_path: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home),
        "NETCANVAS_RECOVERY_DIR": str(home / "recovery"),
        "NETCANVAS_CACHE": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    if sys.platform == "win32":
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"))
    return subprocess.run(
        [*_offline_prefix(), str(exe), flag],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_bundle_carries_its_data_and_leaves_out_what_it_never_uses(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    base = internal if internal.is_dir() else bundle.parent
    for required in (
        "resources/icons/netcanvas.svg",
        "resources/datasets/mnist-5k.npz",
        "resources/datasets/iris.npz",
        "resources/datasets/LICENSES.md",
        # onnxscript compiles its functions from source at import: the .py files must be there.
        "onnxscript/__init__.py",
    ):
        assert (base / required).is_file(), f"{required} is missing from the bundle"
    for excluded in (
        "sklearn",
        "mlxtend",
        "matplotlib",
        "scipy",
        "tkinter",
        "IPython",
        "torch/test",
        "torch/include",
    ):
        assert not (base / excluded).exists(), f"{excluded} should not be in the bundle"
    assert not list(base.rglob("libQt6Quick*")) and not list(base.rglob("libQt6WebEngine*"))


def _misaligned_segments(path: Path) -> list[str]:
    """LOAD segments of a 64-bit little-endian ELF file whose offset and address disagree
    modulo the page size: the dynamic loader refuses such a library ("ELF load command
    address/offset not page-aligned"), which is what stripping a patchelf-ed library causes."""
    with path.open("rb") as handle:
        head = handle.read(64)
        if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
            return []
        (phoff,) = struct.unpack_from("<Q", head, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", head, 0x36)
        handle.seek(phoff)
        table = handle.read(phentsize * phnum)
    bad = []
    for i in range(phnum):
        p_type, _, offset, vaddr, _, _, _, align = struct.unpack_from(
            "<IIQQQQQQ", table, i * phentsize
        )
        if p_type == 1 and ((vaddr - offset) % 4096 or align % 4096):
            bad.append(f"offset {offset:#x} vaddr {vaddr:#x} align {align:#x}")
    return bad


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries are Linux's")
def test_stripped_libraries_still_load(bundle: Path) -> None:
    libraries = [p for p in bundle.parent.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(libraries) > 50
    broken = {str(p): bad for p in libraries if (bad := _misaligned_segments(p))}
    assert not broken, f"libraries the loader would refuse: {broken}"


def test_frozen_smoke(bundle: Path, tmp_path: Path) -> None:
    run = _run(bundle, "--smoke", tmp_path, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-4000:]
    assert "netcanvas smoke ok" in run.stdout


def test_frozen_self_test(bundle: Path, tmp_path: Path) -> None:
    run = _run(bundle, "--self-test", tmp_path, timeout=1500)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no JSON line (exit {run.returncode}):\n{run.stdout[-2000:]}{run.stderr[-4000:]}"
    result = json.loads(lines[-1])
    RESULT_FILE.parent.mkdir(exist_ok=True)
    RESULT_FILE.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print("frozen self-test:", json.dumps(result))
    assert result["ok"] is True, result
    assert run.returncode == 0, run.stderr[-4000:]
    assert result["onnx_max_abs_diff"] <= 1e-4
    assert result["train_samples_per_s"] > 0 and result["test_accuracy"] > 0.1


# -- the Linux package ----------------------------------------------------------------------------

_DEB_FILES = (
    "/opt/netcanvas/NetCanvas",
    "/opt/netcanvas/netcanvas-cli",
    "/usr/bin/netcanvas",
    "/usr/bin/netcanvas-cli",
    "/usr/share/applications/netcanvas.desktop",
    "/usr/share/mime/packages/netcanvas.xml",
    "/usr/share/icons/hicolor/256x256/apps/netcanvas.png",
    "/usr/share/icons/hicolor/scalable/apps/netcanvas.svg",
)
# What the install leaves that is not a packaged file: the MIME type registered by
# shared-mime-info's trigger (when that package is installed).
_MIME_TYPE_FILE = Path("/usr/share/mime/application/x-netcanvas.xml")


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
    reason="a Debian package needs dpkg",
)
@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="installs into /opt: run as root (CI)"
)
def test_deb_installs_runs_its_self_test_and_removes_cleanly(bundle: Path, tmp_path: Path) -> None:
    if _dpkg("-s", "netcanvas").returncode == 0 or Path("/opt/netcanvas").exists():
        pytest.skip("NetCanvas is already installed on this machine: not touching it")
    built = subprocess.run(
        [str(ROOT / "resources" / "packaging" / "build_deb.sh"), str(tmp_path / "deb")],
        env={**os.environ, "DEB_COMPRESSION": "zstd"},  # xz takes minutes on 700 MB
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    deb = Path(built.stdout.strip().splitlines()[-1])
    fields = _dpkg("-f", str(deb), "Package", "Version", "Installed-Size").stdout
    print(f"{deb.name}: {deb.stat().st_size / 2**20:.0f} MiB; {fields.strip()}")
    from engine import __version__

    assert f"Version: {__version__}" in fields
    assert "/opt/netcanvas/_internal/resources/icons/netcanvas.svg" in _dpkg("-c", str(deb)).stdout

    installed = _dpkg("-i", str(deb))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        for name in _DEB_FILES:
            assert Path(name).exists(), f"{name} was not installed"
        desktop = Path("/usr/share/applications/netcanvas.desktop").read_text(encoding="utf-8")
        assert "Exec=/usr/bin/netcanvas %f" in desktop
        assert "MimeType=application/x-netcanvas;" in desktop
        if shutil.which("update-mime-database"):
            assert _MIME_TYPE_FILE.is_file(), "the MIME type was not registered"
        cli = _run(Path("/usr/bin/netcanvas-cli"), "--version", tmp_path, timeout=120)
        assert cli.returncode == 0 and f"netcanvas-cli {__version__}" in cli.stdout, cli.stderr
        run = _run(Path("/usr/bin/netcanvas"), "--self-test", tmp_path, timeout=1500)
        lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
        assert lines, (
            f"no JSON line (exit {run.returncode}):\n{run.stdout[-2000:]}{run.stderr[-3000:]}"
        )
        result = json.loads(lines[-1])
        assert result["ok"] is True and run.returncode == 0, result
    finally:
        removed = _dpkg("--purge", "netcanvas")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    # dpkg names a folder it could not remove because something is left in it ('/opt' itself is
    # shared with other software and may stay).
    assert "'/opt/netcanvas" not in removed.stdout + removed.stderr, removed.stdout + removed.stderr
    left = [
        name
        for name in (*_DEB_FILES, "/opt/netcanvas", str(_MIME_TYPE_FILE))
        if Path(name).exists()
    ]
    assert not left, f"left behind after removal: {left}"
    assert _dpkg("-s", "netcanvas").returncode != 0
