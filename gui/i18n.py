"""The interface language: Qt translators for English (the source) and Simplified Chinese.

``install_translator(app, language)`` loads ``resources/translations/netcanvas_<lang>.qm`` when it
was built and otherwise reads the ``.ts`` source directly, so a fresh checkout is translated
without a build step; Qt's own ``qtbase_<lang>`` catalogue translates the standard dialogs.
The language follows the saved preference (QSettings ``language``), else the system locale.

The developer tooling (lupdate, lrelease, the glossary, the checks) is in ``gui.i18n_tools``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

import resources
from engine import read_ts  # the .ts reader the CLI uses too (Qt-free)

if TYPE_CHECKING:
    pass

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


class _Interface:
    """The installed Qt translators as ``engine.messages.Translator``."""

    @property
    def language(self) -> str:
        return _current

    def translate(self, context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)


def engine_text(obj: object) -> str:
    """Any sentence the engine made, in the interface language: a NetCanvasError (and its
    kin), an analysis issue's message or a fix's label, a refused connection, a data note, a
    run record's message. Anything else (an OSError, a plain string) as ``str(obj)``; English
    where a translation is missing or lost one of its placeholders."""
    from engine import render_message

    return render_message(obj, _Interface())


def run_message(record: Any) -> str:
    """Why a run stopped or failed (``RunRecord.message``) in the interface language."""
    if not getattr(record, "message_template", ""):
        return str(getattr(record, "message", ""))
    return engine_text(record)


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
