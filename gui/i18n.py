"""The interface language: Qt translators for English (the source) and Simplified Chinese.

``install_translator(app, language)`` loads ``resources/translations/netcanvas_<lang>.qm`` when it
was built and otherwise reads the ``.ts`` source directly, so a fresh checkout is translated
without a build step; Qt's own ``qtbase_<lang>`` catalogue translates the standard dialogs.
The language follows the saved preference (QSettings ``language``), else the system locale.

Maintenance (run from the repository root)::

    python -m gui.i18n update   # pyside6-lupdate over gui/, main.py, the engine's run
                                # messages (engine/train/messages.py) and training settings
                                # (engine/types.py, engine/settings_spec.py): refresh the .ts files,
                                # filling new entries the glossary already translates
    python -m gui.i18n glossary # add the .ts's finished translations to glossary_<lang>.json
    python -m gui.i18n build    # pyside6-lrelease: the .ts files -> .qm (the installer runs this)
    python -m gui.i18n check    # list source strings that lack a finished translation
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

import resources

if TYPE_CHECKING:
    import ast

SOURCE_LANGUAGE = "en"
# code -> the language's name in itself, as the Preferences switch shows it.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
SETTINGS_KEY = "language"
CATALOGUE = "netcanvas"

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def available_languages() -> dict[str, str]:
    """The interface languages shipped: code -> native name (``{"en": "English", ...}``)."""
    return dict(LANGUAGES)


def current_language() -> str:
    """The language the last ``install_translator`` call chose ("en" before any call)."""
    return _current


def localized(english: str, chinese: str) -> str:
    """Pick the engine's ``*_en`` or ``*_zh`` text (layer explanations, template titles)."""
    return chinese if _current == "zh_CN" and chinese else english


def device_line(info: Any) -> str:
    """``engine.describe_device`` in the interface language: the CPU line's words translated."""
    if getattr(info, "kind", "") == "cpu":
        threads = int(info.threads)
        if threads == 1:
            return QCoreApplication.translate("Device", "CPU · 1 thread")
        return QCoreApplication.translate("Device", "CPU · {0} threads").format(threads)
    from engine import describe_device

    return describe_device(info)


def join_sentences(sentences: list[str]) -> str:
    """Sentences as one text: spaced in English, run together in Chinese (。 needs no space)."""
    return ("" if _current == "zh_CN" else " ").join(text for text in sentences if text)


def run_message(record: Any) -> str:
    """Why a run stopped or failed (``RunRecord.message``) in the interface language."""
    template = getattr(record, "message_template", "")
    if not template:
        return str(getattr(record, "message", ""))
    from engine import RUN_MESSAGE_CONTEXT

    try:
        translated = QCoreApplication.translate(RUN_MESSAGE_CONTEXT, template)
        return translated.format(**record.message_args)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(record.message)


def saved_language() -> str | None:
    value = QSettings().value(SETTINGS_KEY, "")
    return str(value) if value in LANGUAGES else None


def set_saved_language(language: str | None) -> None:
    """Remember the Preferences choice; None (or "") means follow the system locale again.
    It takes effect at the next ``install_translator(app, None)``."""
    settings = QSettings()
    if language:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
        settings.setValue(SETTINGS_KEY, language)
    else:
        settings.remove(SETTINGS_KEY)


def system_language() -> str:
    """zh_CN for any Chinese system locale (Simplified is the only Chinese shipped), else en."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(language: str | None) -> str:
    if language in LANGUAGES:
        return str(language)
    return saved_language() or system_language()


def ts_path(language: str) -> Path:
    return resources.path("translations", f"{CATALOGUE}_{language}.ts")


def qm_path(language: str) -> Path:
    return resources.path("translations", f"{CATALOGUE}_{language}.qm")


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Translate the interface into ``language`` ("en", "zh_CN", or None for the saved choice,
    else the system locale) and return the language used. Safe to call again to switch: the
    previous translators are removed and every widget receives a LanguageChange event."""
    global _current
    chosen = resolve_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = chosen
    if chosen == SOURCE_LANGUAGE:
        return chosen
    ours: QTranslator = QmTranslator(app)
    if not (_qm_is_current(chosen) and ours.load(str(qm_path(chosen)))):
        ours = TsTranslator(ts_path(chosen), app)
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (ours, qt_own):
        if translator is qt_own and not qt_own.load(f"qtbase_{chosen}", qt_folder):
            continue
        app.installTranslator(translator)
        _installed.append(translator)
    return chosen


def _qm_is_current(language: str) -> bool:
    """Use the compiled .qm only when it is at least as new as its .ts: in a source checkout a
    .qm left from an earlier build would otherwise hide every translation added since."""
    qm, ts = qm_path(language), ts_path(language)
    if not qm.is_file():
        return False
    return not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime


class QmTranslator(QTranslator):
    """A compiled catalogue. A string lupdate found outside any class (a module-level helper
    calling ``QCoreApplication.translate(context, text)`` with a variable) is stored under the
    empty context; looking there second keeps such strings translated."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = super().translate(context, source, disambiguation, n)
        found = found or super().translate("", source, disambiguation, n)
        # None reaches Qt as a null QString, "not translated here"; "" would blank the text.
        return found or None  # type: ignore[return-value]


class TsTranslator(QTranslator):
    """Translates from a Qt Linguist ``.ts`` file read at run time, so that a source checkout
    needs no ``lrelease`` step. Unfinished, obsolete and vanished entries are ignored."""

    def __init__(self, path: Path, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.messages = read_ts(path) if path.is_file() else {}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        key = disambiguation or ""
        found = self.messages.get((context, source, key))
        # None reaches Qt as a null QString, "not translated here"; "" would blank the text.
        return found if found is not None else self.messages.get(("", source, key))  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return not self.messages


def read_ts(path: Path, finished_only: bool = True) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) -> translation, from a ``.ts`` file."""
    messages: dict[tuple[str, str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            kind = translation.get("type", "")
            if finished_only and kind in ("unfinished", "obsolete", "vanished"):
                continue
            forms = translation.findall("numerusform")
            # Chinese has one plural form: the first numerus form serves every count.
            text = (forms[0].text or "") if forms else (translation.text or "")
            if text:
                messages[(name, source, message.findtext("comment") or "")] = text
    return messages


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


# The engine's translatable templates (marked with its own no-op QT_TRANSLATE_NOOP).
ENGINE_MESSAGES = Path("engine") / "train" / "messages.py"
# The training settings' labels, help and choices (TrainSettings' field specs) and sections.
ENGINE_SETTINGS = (Path("engine") / "types.py", Path("engine") / "settings_spec.py")


def source_files(root: Path | None = None) -> list[Path]:
    """Every Python file whose strings are translated: gui/, main.py, the engine's run messages
    and training settings."""
    base = root or repository_root()
    files = sorted((base / "gui").rglob("*.py"))
    extra = [base / "main.py", base / ENGINE_MESSAGES, *(base / p for p in ENGINE_SETTINGS)]
    return files + [path for path in extra if path.is_file()]


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


def untranslated_literals(root: Path | None = None) -> list[str]:
    """Heuristic: English text handed to a Qt text setter or widget without tr(). Lists
    "file:line: 'text'" for a person to judge (a unit or a product name may stay English)."""
    import ast

    base = root or repository_root()
    found: list[str] = []
    for path, node, name in _source_calls(base, skip="i18n.py"):
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
        unseen = strings_lupdate_misses()
        for problem in unseen:
            print(problem)
        print(f"{len(unseen)} translatable call(s) that lupdate cannot extract")
        literals = untranslated_literals()
        for literal in literals:
            print(f"{literal}  (not wrapped in tr()?)")
        print(f"{len(literals)} literal(s) shown without tr(), to review by hand")
        return 1 if missing or unseen else 0
    print("usage: python -m gui.i18n update | build | check | glossary", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
