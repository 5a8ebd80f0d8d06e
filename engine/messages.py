"""Every sentence the engine says, kept with its parts so that an interface can translate it.

The engine speaks English: ``str()`` of an error, an analysis issue, a fix's label, a refused
connection or a data note is the English sentence, which the CLI prints by default, the tests
compare and projects store. Each such sentence is a ``Message`` (or a ``NetCanvasError``, built
the same way): its English ``template`` with named fields and the ``values`` that fill them. An
interface translates the template and fills in the values (``render_message``); the GUI does it with Qt's
translators (``gui.i18n.engine_text``), the CLI with ``engine.i18n`` (the .ts read without Qt).

Templates are marked with ``QT_TRANSLATE_NOOP(ENGINE_CONTEXT, "...")``: a no-op here (the engine
never imports Qt) whose name pyside6-lupdate recognises, so the catalogue extracts them from the
engine's files (``gui.i18n_tools.source_files``). One plain literal each, never an f-string: a
value goes in a named field (``"'{name}' is part of a cycle"``, ``name=...``). A value that is
itself an engine sentence (a ``Message`` or an error) is translated too; a ``Term`` (a layer's
title) is shown in the interface language; any other value (a number, a file name, a task name,
an operating system's error text) is shown as it is.

Torch- and Qt-free: the GUI imports it before torch has loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

# The translation context of every engine sentence (errors, issues, fixes, refusals, notes).
ENGINE_CONTEXT = "Engine"
# The context of a training run's messages (engine.train.messages marks them).
RUN_MESSAGE_CONTEXT = "RunMessages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for pyside6-lupdate in ``context``; returns it unchanged."""
    return text


def fill(template: str, values: Mapping[str, Any]) -> str:
    """The English sentence: ``template`` with ``values`` (a template without values is the
    sentence itself, braces and all)."""
    return template.format(**values) if values else template


class Message(str):
    """An English sentence (it *is* the ``str``) that remembers its template and values.

    ``Message(QT_TRANSLATE_NOOP(ENGINE_CONTEXT, "Dropped {rows} row(s)"), rows=3)`` equals
    ``"Dropped 3 row(s)"``; ``render_message`` gives it in another language. String operations on it
    (``+``, slicing) give a plain English ``str``.
    """

    template: str
    values: dict[str, Any]
    context: str

    def __new__(cls, template: str, /, **values: Any) -> Message:
        self = super().__new__(cls, fill(template, values))
        self.template = template
        self.values = values
        self.context = ENGINE_CONTEXT
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.template, self.values, self.context))


def _message(template: str, values: dict[str, Any], context: str) -> Message:
    message = Message(template, **values)
    message.context = context
    return message


class Term(str):
    """A word the engine has in English (the ``str``) and Chinese, e.g. a layer's title: a
    value of a message, shown in the language the message is rendered in."""

    zh: str

    def __new__(cls, en: str, zh: str = "") -> Term:
        self = super().__new__(cls, en)
        self.zh = zh or en
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Term, (str(self), self.zh))


class Translator(Protocol):
    """What ``render_message`` needs from an interface: its language ("en", "zh_CN") and a look-up that
    returns the translation of ``text`` in ``context``, or ``text`` itself (or "") if it has none."""

    @property
    def language(self) -> str: ...

    def translate(self, context: str, text: str) -> str: ...


def parts(obj: object) -> tuple[str, str, Mapping[str, Any]] | None:
    """(context, template, values) of an engine sentence, or None for anything else: a
    ``Message``, a ``NetCanvasError`` (``template`` / ``values``), or a ``RunRecord``
    (``message_template`` / ``message_args``)."""
    template = getattr(obj, "template", None)
    values = getattr(obj, "values", None)
    if isinstance(template, str) and isinstance(values, Mapping):
        return str(getattr(obj, "context", ENGINE_CONTEXT)), template, values
    template = getattr(obj, "message_template", None)
    values = getattr(obj, "message_args", None)
    if isinstance(template, str) and template and isinstance(values, Mapping):
        return RUN_MESSAGE_CONTEXT, template, values
    return None


def render_message(obj: object, translator: Translator | None) -> str:
    """``obj`` as ``translator``'s language says it: the translated template filled with the
    values (themselves rendered when they are sentences or terms). English, ``str(obj)``, where
    there is no translator, no template, or a translation that lost one of its fields."""
    english = _english(obj)
    if translator is None or translator.language in ("", "en"):
        return english
    if isinstance(obj, Term):
        return obj.zh if translator.language.startswith("zh") else str(obj)
    found = parts(obj)
    if found is None:
        return english
    context, template, values = found
    text = _look_up(translator, context, template)
    if not values:
        return text
    shown = {key: _value(value, translator) for key, value in values.items()}
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost or broke a field
        return english


def _english(obj: object) -> str:
    if isinstance(obj, str):
        return str.__str__(obj)
    found = parts(obj)
    if found is not None and not isinstance(obj, BaseException):
        return str(getattr(obj, "message", "") or fill(found[1], found[2]))
    return str(obj)


def _look_up(translator: Translator, context: str, template: str) -> str:
    text = translator.translate(context, template)
    if (not text or text == template) and context != ENGINE_CONTEXT:
        # A run that failed on an engine error keeps that error's template (trainer.py).
        text = translator.translate(ENGINE_CONTEXT, template)
    return text or template


def _value(value: Any, translator: Translator) -> Any:
    if isinstance(value, Term) or parts(value) is not None:
        return render_message(value, translator)
    return value


def said(error: BaseException) -> Any:
    """What an exception says, as a message value: the error itself when it is an engine
    sentence (a ``NetCanvasError``, or a ``ValueError`` raised with a ``Message``), else its
    English text (an operating system's or a library's words)."""
    if parts(error) is not None:
        return error
    first = error.args[0] if len(error.args) == 1 else None
    if isinstance(first, Message):
        return first
    return str(error)


def plain_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` as JSON keeps them (a run record's message_args): numbers, text and booleans
    as they are, anything else (a path, a nested sentence) as its English text."""
    return {
        key: value if isinstance(value, bool | int | float | type(None)) else _english(value)
        for key, value in values.items()
    }
