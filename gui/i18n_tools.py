"""Translation maintenance for developers (never needed at run time; not in the bundle's path).

Run from the repository root::

    python -m gui.i18n_tools update   # pyside6-lupdate over gui/, main.py and engine/ (its
                                      # sentences: errors, issues, fixes, notes, run messages,
                                      # the CLI's lines, the training settings' texts): refresh
                                      # the .ts files, filling new entries the glossary
                                      # already translates
    python -m gui.i18n_tools glossary # add the .ts's finished translations to glossary_<lang>.json
    python -m gui.i18n_tools build    # pyside6-lrelease: the .ts files -> .qm (the installer)
    python -m gui.i18n_tools check    # list source strings that lack a finished translation
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import resources
from gui.i18n import CATALOGUE, LANGUAGES, SOURCE_LANGUAGE, qm_path, read_ts, ts_path

# -- maintenance: lupdate / lrelease -----------------------------------------------------------


def _tool(name: str) -> str:
    """The Qt tool shipped inside PySide6 (``lupdate``, ``lrelease``), else the pyside6- wrapper."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper is None:
        raise FileNotFoundError(f"cannot find Qt's {name}: is PySide6 installed?")
    return wrapper


def repository_root() -> Path:
    return Path(__file__).resolve().parent.parent


def source_files(root: Path | None = None) -> list[Path]:
    """Every Python file whose strings are translated: gui/, main.py and the whole engine, whose
    sentences are marked with its own no-op QT_TRANSLATE_NOOP (engine.messages) wherever they
    are said: a template added to any engine module is extracted without listing it here."""
    base = root or repository_root()
    files = sorted((base / "gui").rglob("*.py"))
    main = base / "main.py"
    return files + ([main] if main.is_file() else []) + sorted((base / "engine").rglob("*.py"))


def run_lupdate(ts_file: Path, root: Path | None = None) -> None:
    """Write/refresh ``ts_file`` from the sources, keeping the translations it already holds."""
    files = [str(p) for p in source_files(root)]
    command = [_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files]
    target_language = ts_file.stem.split("_", 1)[1] if "_" in ts_file.stem else "zh_CN"
    command += ["-source-language", "en", "-target-language", target_language, "-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def glossary_path(language: str) -> Path:
    return resources.path("translations", f"glossary_{language}.json")


def apply_glossary(ts_file: Path, glossary: dict[str, str]) -> int:
    """Fill the unfinished entries of ``ts_file`` whose English text the glossary knows (the
    same sentence already translated elsewhere, or translated before its code could be
    extracted); returns how many were filled."""
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or source not in glossary:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or ""):
            translation.text = glossary[source]
            translation.attrib.pop("type", None)
            filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts_file.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
        )
    return filled


def read_glossary(language: str) -> dict[str, str]:
    import json

    path = glossary_path(language)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def write_glossary(language: str) -> int:
    """Add every finished translation of the .ts to the glossary (existing entries win)."""
    import json

    glossary = {source: text for (_c, source, _d), text in read_ts(ts_path(language)).items()}
    glossary.update(read_glossary(language))
    ordered = dict(sorted(glossary.items()))
    glossary_path(language).write_text(
        json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    return len(ordered)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [_tool("lrelease"), "-silent", "-removeidentical", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def missing_translations(ts_file: Path, language: str) -> list[tuple[str, str]]:
    """(context, source) of each current source string without a finished translation in
    ``ts_file``: lupdate reads the sources into a scratch .ts that is compared with it."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / f"{CATALOGUE}_{language}.ts"
        run_lupdate(fresh)
        wanted = read_ts(fresh, finished_only=False)
        wanted_all = _all_sources(fresh)
    done = read_ts(ts_file) if ts_file.is_file() else {}
    del wanted
    return sorted((c, s) for c, s, d in wanted_all if (c, s, d) not in done)


def _source_calls(base: Path, skip: str = "") -> Iterator[tuple[Path, ast.Call, str]]:
    """Every call in the translated sources (``source_files``) as (file, call, called name):
    ``obj.setText(...)`` and ``setText(...)`` are both named "setText"."""
    import ast  # maintenance only: not on the app's start-up path

    for path in source_files(base):
        if path.name == skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                yield path, node, name


# "_tr": a private wrapper lupdate does not know; its literals are never extracted.
_TR_NAMES = {"tr", "_tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def strings_lupdate_misses(root: Path | None = None) -> list[str]:
    """Translatable calls in the sources whose text lupdate does not extract, so they could
    never be translated: a tr() inside an f-string, an implicitly concatenated literal (lupdate
    keeps only the first piece), or an argument built with an f-string or ``+``.
    Each entry reads "file:line: what"."""
    import ast
    import tempfile

    base = root or repository_root()
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / f"{CATALOGUE}_zh_CN.ts"
        run_lupdate(fresh, root)
        extracted = {source for _context, source, _ in _all_sources(fresh)}
    problems: list[str] = []
    for path, node, name in _source_calls(base):
        if name not in _TR_NAMES:
            continue
        if name == "translate" and not (
            len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue  # QPainter.translate(dx, dy) and the like, not Qt's translate()
        text_arg = node.args[1] if name in ("translate", "QT_TRANSLATE_NOOP") else None
        if text_arg is None and node.args:
            text_arg = node.args[0]
        if text_arg is None:
            continue
        where = f"{path.relative_to(base)}:{node.lineno}"
        if isinstance(text_arg, ast.Constant) and isinstance(text_arg.value, str):
            if text_arg.value not in extracted:
                problems.append(f"{where}: lupdate does not see {text_arg.value!r}")
        elif isinstance(text_arg, ast.JoinedStr | ast.BinOp):
            # tr(variable) stays allowed: the text may be marked with QT_TRANSLATE_NOOP.
            problems.append(f"{where}: {name}() of a built string; pass one plain literal")
    return problems


# Qt calls whose string argument the user reads: a plain literal there is never translated.
_TEXT_SETTERS = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setStatusTip",
    "setTitle",
    "addTab",
    "setTabText",
    "showMessage",
    "setLabelText",
    "addMenu",
    "addAction",
    "setWhatsThis",
    "setAccessibleName",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "addRow",
    "warning",
    "critical",
    "information",
    "question",
    "about",
    "getOpenFileName",
    "getSaveFileName",
    "getExistingDirectory",
    "setFormat",
    "setItemText",
    "addItem",
    "setLabel",  # pyqtgraph axis labels: setLabel("left", "samples")
}
# Which positional arguments hold the text, where it is not the first two.
_TEXT_POSITIONS: dict[str, tuple[int, ...]] = {
    "setLabel": (1,),  # setLabel("left", text)
    "addItem": (0,),  # addItem(text, user_data)
    "getOpenFileName": (1,),  # (parent, caption, folder, filter): the folder is a path
    "getSaveFileName": (1,),
    "getExistingDirectory": (1,),
    "warning": (1, 2),  # (parent, title, text)
    "critical": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
}
# pyqtgraph calls whose title= / name= (legend entry) keyword the user reads.
_PLOT_CALLS = {"plot", "addPlot", "PlotWidget", "PlotDataItem", "ScatterPlotItem", "make_plot"}
_TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QDockWidget",
    "QMenu",
}


# The engine's sentence makers: the argument (by position) that holds the English template.
# Errors take the template itself (QT_TRANSLATE_NOOP(...)); the others a Message(...).
_ENGINE_ERRORS = {
    "NetCanvasError",
    "GraphError",
    "DataError",
    "ProjectError",
    "TrainingError",
    "UsageError",
}
_ENGINE_SENTENCES: dict[str, int] = {
    **dict.fromkeys(_ENGINE_ERRORS, 0),
    "Message": 0,
    "ShapeProblem": 0,
    "set_fix": 0,
    "FixSpec": 0,
    "Fix": 0,
    "Issue": 1,
}


def engine_sentences_unmarked(root: Path | None = None) -> list[str]:
    """Engine sentences an interface could never translate: an error, Message, issue, fix or
    shape problem made from an f-string, a plain literal, ``+`` or ``.format()`` rather than a
    template marked with QT_TRANSLATE_NOOP (and its values), and a data note appended as text.
    A variable or attribute is accepted: it holds a Message or a marked template. Each entry
    reads "file:line: what"."""
    import ast

    base = root or repository_root()
    problems: list[str] = []
    for path in sorted((base / "engine").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "append" and "note" in ast.unparse(func):
                position = 0
            elif name in _ENGINE_SENTENCES:
                position = _ENGINE_SENTENCES[name]
            else:
                continue
            if position >= len(node.args):
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Call) and not (
                isinstance(arg.func, ast.Attribute) and arg.func.attr == "format"
            ):
                continue  # QT_TRANSLATE_NOOP(...), Message(...) or a helper returning one
            if isinstance(arg, ast.Name | ast.Attribute | ast.Subscript | ast.IfExp):
                continue
            where = f"{path.relative_to(base)}:{node.lineno}"
            text = ast.unparse(arg)[:60]
            problems.append(f"{where}: {name}({text}): mark its template with QT_TRANSLATE_NOOP")
    return problems


def untranslated_literals(root: Path | None = None) -> list[str]:
    """Heuristic: English text handed to a Qt text setter or widget without tr(). Lists
    "file:line: 'text'" for a person to judge (a unit or a product name may stay English)."""
    import ast

    base = root or repository_root()
    found: list[str] = []
    for path, node, name in _source_calls(base, skip="i18n.py"):
        if path.relative_to(base).parts[0] == "engine":
            continue  # no Qt there: its sentences are checked by engine_sentences_unmarked()
        positions = (
            _TEXT_POSITIONS.get(name, (0, 1)) if name in _TEXT_SETTERS | _TEXT_WIDGETS else ()
        )
        arguments = [node.args[i] for i in positions if i < len(node.args)]
        if name in _PLOT_CALLS:
            arguments += [k.value for k in node.keywords if k.arg in ("title", "name")]
        for arg in arguments:
            texts = [arg] if not isinstance(arg, ast.List) else list(arg.elts)
            for item in texts:
                value = item.value if isinstance(item, ast.Constant) else None
                if isinstance(item, ast.JoinedStr):
                    value = "".join(p.value for p in item.values if isinstance(p, ast.Constant))
                if isinstance(value, str) and re.search(r"[A-Za-z]{3}", value):
                    found.append(f"{path.relative_to(base)}:{node.lineno}: {value!r}")
    return found


def _all_sources(path: Path) -> set[tuple[str, str, str]]:
    root = ET.parse(path).getroot()
    result: set[tuple[str, str, str]] = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            if source is not None:
                result.add((name, source, message.findtext("comment") or ""))
    return result


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    languages = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
    if command == "update":
        for language in languages:
            run_lupdate(ts_path(language))
            filled = apply_glossary(ts_path(language), read_glossary(language))
            if filled:
                run_lupdate(ts_path(language))  # back to lupdate's own layout
            print(f"updated {ts_path(language)} ({filled} filled from the glossary)")
        return 0
    if command == "glossary":
        for language in languages:
            print(f"{glossary_path(language)}: {write_glossary(language)} entries")
        return 0
    if command == "build":
        for language in languages:
            run_lrelease(ts_path(language), qm_path(language))
            print(f"built {qm_path(language)}")
        return 0
    if command == "check":
        missing = [
            (lang, m) for lang in languages for m in missing_translations(ts_path(lang), lang)
        ]
        for language, (context, source) in missing:
            print(f"{language}\t{context}\t{source!r}")
        print(f"{len(missing)} string(s) without a finished translation")
        unseen = strings_lupdate_misses() + engine_sentences_unmarked()
        for problem in unseen:
            print(problem)
        print(f"{len(unseen)} translatable call(s) that lupdate cannot extract")
        literals = untranslated_literals()
        for literal in literals:
            print(f"{literal}  (not wrapped in tr()?)")
        print(f"{len(literals)} literal(s) shown without tr(), to review by hand")
        return 1 if missing or unseen else 0
    print("usage: python -m gui.i18n_tools update | build | check | glossary", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
