"""The engine's sentences in another language without Qt: the CLI's translator.

The GUI translates with Qt (``gui.i18n``); the CLI must not import Qt, so it reads the same
catalogue, ``resources/translations/netcanvas_<language>.ts`` (Qt Linguist XML), with the
standard library, and ``engine.messages.render_message`` fills the translated templates in. Only
finished translations count: an unfinished or missing one leaves the English sentence.

The language: ``--lang`` when given, else the locale (``LC_ALL``, then ``LC_MESSAGES``, then
``LANG``, as POSIX orders them; ``LANGUAGE``'s first choice before those when it is set): any
Chinese locale (``zh_CN.UTF-8``, ``zh_TW``, ``zh``) chooses Simplified Chinese, the one Chinese
shipped; anything else English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import resources

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "zh_CN")
CATALOGUE = "netcanvas"


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


def ts_path(language: str) -> Path:
    return resources.path("translations", f"{CATALOGUE}_{language}.ts")


def normalise(language: str | None) -> str | None:
    """A shipped language code for ``language`` ("zh_CN.UTF-8", "zh-cn", "zh" -> "zh_CN";
    "en_GB", "C", "POSIX" -> "en"), or None for nothing or an empty value."""
    if not language:
        return None
    code = language.split(".")[0].split("@")[0].replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    return SOURCE_LANGUAGE


def language_from_environment(environ: Mapping[str, str]) -> str:
    """The language the locale asks for: LANGUAGE's first entry, then LC_ALL, LC_MESSAGES,
    LANG (the first that is set and not empty decides)."""
    first_choice = environ.get("LANGUAGE", "").split(":")[0]
    for value in (first_choice, *(environ.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG"))):
        found = normalise(value)
        if found is not None:
            return found
    return SOURCE_LANGUAGE


class Catalogue:
    """A language's translations, read from its ``.ts`` (``engine.messages.Translator``)."""

    def __init__(self, language: str, messages: Mapping[tuple[str, str, str], str]) -> None:
        self._language = language
        self._messages = dict(messages)

    @property
    def language(self) -> str:
        return self._language

    def translate(self, context: str, text: str) -> str:
        """The translation of ``text`` in ``context`` ("" when there is none)."""
        return self._messages.get((context, text, ""), "")

    def __len__(self) -> int:
        return len(self._messages)


@lru_cache(maxsize=4)
def catalogue(language: str) -> Catalogue:
    """The shipped translations for ``language`` (empty for English, or a missing file)."""
    path = ts_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return Catalogue(language, {})
    return Catalogue(language, read_ts(path))
