"""The engine never imports Qt: the import-linter contract holds, can fail, and engine runs Qt-less."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_LINT = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"


def _lint_imports(cwd: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LINT, "--config", str(config), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_engine_import_contract_holds() -> None:
    result = _lint_imports(ROOT, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_contract_fails_when_engine_imports_qt(tmp_path: Path) -> None:
    """Our real contract, applied to a tree whose engine imports PySide6, is reported BROKEN."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "__init__.py").write_text("")
    (tmp_path / "engine" / "bad.py").write_text("from PySide6 import QtCore\n")
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "__init__.py").write_text("")
    contract = linter["contracts"][0]
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""
            [tool.importlinter]
            root_packages = {linter["root_packages"]!r}
            include_external_packages = true

            [[tool.importlinter.contracts]]
            name = {contract["name"]!r}
            type = "forbidden"
            source_modules = {contract["source_modules"]!r}
            forbidden_modules = {contract["forbidden_modules"]!r}
            """
        ).replace("'", '"')
    )
    result = _lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "engine.bad -> PySide6" in result.stdout


def test_engine_runs_with_qt_unimportable() -> None:
    """Import every engine module in a process where PySide6 and pyqtgraph cannot be imported."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph", "gui"}:
                    raise ImportError(f"{name} is blocked in this test")
                return None

        sys.meta_path.insert(0, Block())
        import engine
        for info in pkgutil.walk_packages(engine.__path__, "engine."):
            importlib.import_module(info.name)
        for name in engine.__all__:
            getattr(engine, name)
        from engine import detect_devices
        assert detect_devices()[-1].kind == "cpu"
        print("engine ok without Qt")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    assert "engine ok without Qt" in result.stdout


# Sub-APIs of the engine that gui/ may import by module: the labs' maths and lab-file format.
PUBLIC_ENGINE_PACKAGES = ("engine.labs",)


def test_gui_imports_engine_only_through_its_public_names() -> None:
    """gui/ may use `from engine import Name` (or engine.types for typing) and the public
    sub-packages, never engine internals."""
    offenders = []
    for path in (ROOT / "gui").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            module = stripped.split()[1] if stripped.startswith(("from ", "import ")) else ""
            public = module.startswith(PUBLIC_ENGINE_PACKAGES)
            if (
                stripped.startswith(("from engine.", "import engine."))
                and not public
                and not _is_typing_only(path, number)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {stripped}")
    assert not offenders, "\n".join(offenders)


def _is_typing_only(path: Path, line_number: int) -> bool:
    """True inside an `if TYPE_CHECKING:` block (type hints do not import at run time)."""
    lines = path.read_text(encoding="utf-8").splitlines()[:line_number]
    for line in reversed(lines[:-1]):
        if line and not line[0].isspace():
            return line.startswith("if TYPE_CHECKING")
    return False


def test_type_checkers_see_the_same_names_as_the_lazy_facade() -> None:
    """engine/__init__.py's TYPE_CHECKING imports (what mypy and IDEs read) name exactly the
    lazily resolved names, each from the module that defines it."""
    import ast

    import engine

    tree = ast.parse((ROOT / "engine" / "__init__.py").read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    typed = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name  # "X as X": re-exported under mypy's strict mode
    }
    assert typed == engine._EXPORTS
