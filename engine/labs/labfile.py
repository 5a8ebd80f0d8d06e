"""Lab files: Markdown with a small YAML-like front matter, read without any YAML dependency.

A lab lives in ``resources/labs/<language>/<id>.md`` so that a teacher can add or edit one by
dropping a file there. The front matter sits between two ``---`` lines; the rest is Markdown.
The accepted subset (documented in README.md (section "Writing a lab")): ``key: value`` pairs,
nested mappings by indentation, lists of ``- item`` (scalars or mappings), inline lists
``[a, b]``, quoted or plain strings, numbers, ``true``/``false``, and ``#`` comments (whole
lines, or after a value: a ``#`` that follows a space, outside quotes, as in YAML).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class LabFormatError(ValueError):
    """A lab file that cannot be read; the message names the file and line."""


# -- the YAML-like subset --------------------------------------------------------------------


@dataclass
class _Line:
    number: int  # 1-based, within the file
    indent: int
    text: str


def _scalar(text: str) -> Any:
    text = text.strip()
    if not text:
        return ""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [_scalar(part) for part in _split_inline(inner)] if inner else []
    lowered = text.lower()
    if lowered in ("true", "yes"):
        return True
    if lowered in ("false", "no"):
        return False
    if lowered in ("null", "~"):
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def _split_inline(inner: str) -> list[str]:
    """Split ``a, "b, c", d`` on commas outside quotes."""
    parts: list[str] = []
    current = ""
    quote = ""
    for char in inner:
        if quote:
            current += char
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
            current += char
        elif char == ",":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts]


def _without_comment(text: str) -> str:
    """``text`` without a trailing ``# comment``: as in YAML, a ``#`` starts one when it follows
    a space (``C#`` keeps its ``#``) and is outside a quoted scalar. A quote opens a scalar only
    where one can start (after ``:``, ``-``, ``[``, ``,`` or at the start), so the apostrophe in
    ``it's`` quotes nothing."""
    quote = ""
    previous = ""  # the last character that is not a space
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and previous in ("", ":", "-", "[", ","):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index].rstrip()
        if not char.isspace():
            previous = char
    return text


_KEY = re.compile(r"^([A-Za-z_][\w\-]*)\s*:(?:\s+(.*))?$")


class _Parser:
    def __init__(self, lines: list[_Line], source: str) -> None:
        self.lines = lines
        self.pos = 0
        self.source = source

    def error(self, line: _Line, what: str) -> LabFormatError:
        return LabFormatError(f"{self.source}, line {line.number}: {what}")

    def block(self, indent: int) -> Any:
        line = self.lines[self.pos]
        if line.text.startswith("- ") or line.text == "-":
            return self.sequence(indent)
        return self.mapping(indent)

    def mapping(self, indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if line.indent < indent:
                break
            if line.indent > indent:
                raise self.error(line, "unexpected indentation")
            match = _KEY.match(line.text)
            if match is None:
                raise self.error(line, f"expected 'key: value', found {line.text!r}")
            key, value = match.group(1), match.group(2)
            self.pos += 1
            if value is not None and value.strip():
                result[key] = _scalar(value)
            elif self.pos < len(self.lines) and self.lines[self.pos].indent > indent:
                result[key] = self.block(self.lines[self.pos].indent)
            elif (
                self.pos < len(self.lines)
                and self.lines[self.pos].indent == indent
                and self.lines[self.pos].text.startswith("-")
            ):
                # "key:" followed by a list at the same indentation, as YAML allows.
                result[key] = self.sequence(indent)
            else:
                result[key] = None
        return result

    def sequence(self, indent: int) -> list[Any]:
        result: list[Any] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if line.indent != indent or not (line.text.startswith("- ") or line.text == "-"):
                if line.indent > indent:
                    raise self.error(line, "unexpected indentation")
                break
            rest = line.text[1:].strip()
            item_indent = indent + (len(line.text) - len(line.text[1:].lstrip()))
            if not rest:
                self.pos += 1
                result.append(
                    self.block(self.lines[self.pos].indent)
                    if self.pos < len(self.lines) and self.lines[self.pos].indent > indent
                    else None
                )
            elif _KEY.match(rest) and not (rest.startswith(("'", '"'))):
                # "- key: value" starts a mapping whose other keys line up under "key".
                self.lines[self.pos] = _Line(line.number, item_indent, rest)
                result.append(self.mapping(item_indent))
            else:
                self.pos += 1
                result.append(_scalar(rest))
        return result


def parse_front_matter(text: str, source: str = "<lab>") -> tuple[dict[str, Any], str]:
    """Split a lab file into (front matter as plain data, Markdown body)."""
    raw_lines = text.replace("\r\n", "\n").split("\n")
    if not raw_lines or raw_lines[0].strip() != "---":
        raise LabFormatError(
            f"{source}: a lab file starts with a '---' line, then its front matter"
        )
    try:
        end = next(i for i in range(1, len(raw_lines)) if raw_lines[i].strip() == "---")
    except StopIteration:
        raise LabFormatError(f"{source}: the front matter has no closing '---' line") from None
    lines: list[_Line] = []
    for index in range(1, end):
        raw = raw_lines[index]
        stripped = _without_comment(raw.strip())
        if not stripped:
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise LabFormatError(f"{source}, line {index + 1}: indent with spaces, not tabs")
        lines.append(_Line(index + 1, len(raw) - len(raw.lstrip()), stripped))
    data = _Parser(lines, source).mapping(0) if lines else {}
    body = "\n".join(raw_lines[end + 1 :]).strip("\n")
    return data, body


# -- the lab model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A question with a checked answer: multiple choice (1-based ``answer``) or numeric."""

    id: str
    kind: str  # "choice" or "numeric"
    text: str
    choices: tuple[str, ...] = ()
    answer: float = 0.0  # choice: the 1-based number of the right choice; numeric: the value
    tolerance: float = 0.0  # numeric only: accepted absolute difference
    explain: str = ""  # shown after a check, right or wrong

    def check(self, given: object) -> bool:
        """Whether ``given`` (a 1-based choice number, or a number / text for numeric) is right."""
        if self.kind == "choice":
            return isinstance(given, int) and given == int(self.answer)
        value = parse_number(given)
        if value is None:
            return False
        return abs(value - self.answer) <= self.tolerance + 1e-12 * max(1.0, abs(self.answer))


def parse_number(given: object) -> float | None:
    """A number from user input: accepts ``0.25``, ``0,25``, ``1/4``, ``25%``; None if not one."""
    if isinstance(given, bool):
        return None
    if isinstance(given, int | float):
        return float(given) if math.isfinite(given) else None
    if not isinstance(given, str):
        return None
    text = given.strip().replace(",", ".").replace("−", "-").replace(" ", "")
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100.0
        if text.count("/") == 1:
            top, bottom = text.split("/")
            return float(top) / float(bottom)
        value = float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class LabProject:
    """The project a lab opens with one click: a template on a dataset, with fixed settings."""

    template: str
    data: str
    options: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Lab:
    id: str
    title: str
    concept: str
    order: int
    widget: str
    body: str  # Markdown, formulas written in Unicode math
    project: LabProject | None
    questions: tuple[Question, ...]
    language: str
    path: Path


def _require(data: dict[str, Any], key: str, source: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise LabFormatError(f"{source}: the front matter needs '{key}'")
    return data[key]


def _question(raw: Any, number: int, source: str) -> Question:
    where = f"{source}, question {number}"
    if not isinstance(raw, dict):
        raise LabFormatError(f"{where}: each question is a mapping with 'text' and 'answer'")
    text = str(_require(raw, "text", where))
    answer = _require(raw, "answer", where)
    choices = raw.get("choices") or []
    kind = str(raw.get("type", "choice" if choices else "numeric"))
    if kind == "choice":
        if not isinstance(choices, list) or len(choices) < 2:
            raise LabFormatError(f"{where}: a choice question lists at least two 'choices'")
        if not isinstance(answer, int) or not 1 <= answer <= len(choices):
            raise LabFormatError(
                f"{where}: 'answer' is the number of the right choice, 1 to {len(choices)}"
            )
    elif kind == "numeric":
        if parse_number(answer) is None:
            raise LabFormatError(f"{where}: 'answer' must be a number")
        answer = parse_number(answer)
    else:
        raise LabFormatError(f"{where}: 'type' is 'choice' or 'numeric', not {kind!r}")
    tolerance = parse_number(raw.get("tolerance", 0)) or 0.0
    return Question(
        id=str(raw.get("id", f"q{number}")),
        kind=kind,
        text=text,
        choices=tuple(str(c) for c in choices),
        answer=float(answer),
        tolerance=abs(tolerance),
        explain=str(raw.get("explain") or ""),
    )


def read_lab(path: Path, language: str) -> Lab:
    """Read one lab file; LabFormatError names the file and what is wrong."""
    source = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabFormatError(f"{source}: cannot be read as UTF-8 text ({exc})") from exc
    data, body = parse_front_matter(text, source)
    lab_id = str(data.get("id") or path.stem)
    project = None
    raw_project = data.get("project")
    if isinstance(raw_project, dict):
        settings = raw_project.get("settings") or data.get("settings") or {}
        options = raw_project.get("options") or {}
        if not isinstance(settings, dict) or not isinstance(options, dict):
            raise LabFormatError(f"{source}: 'settings' and 'options' are mappings")
        project = LabProject(
            template=str(_require(raw_project, "template", source)),
            data=str(_require(raw_project, "data", source)),
            options=dict(options),
            settings=dict(settings),
        )
    questions_raw = data.get("questions") or []
    if not isinstance(questions_raw, list):
        raise LabFormatError(f"{source}: 'questions' is a list")
    order = data.get("order", 100)
    return Lab(
        id=lab_id,
        title=str(_require(data, "title", source)),
        concept=str(data.get("concept") or ""),
        order=order if isinstance(order, int) else 100,
        widget=str(data.get("widget") or ""),
        body=body,
        project=project,
        questions=tuple(_question(q, i + 1, source) for i, q in enumerate(questions_raw)),
        language=language,
        path=path,
    )


def discover_labs(root: Path, language: str) -> tuple[list[Lab], list[str]]:
    """All labs under ``root`` in ``language`` (falling back to English per lab), sorted by
    ``order`` then title, and the plain-language problems of files that could not be read."""
    ids: dict[str, Path] = {}
    for lang in ("en", language):  # the chosen language overrides English lab by lab
        folder = root / lang
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                ids[path.stem] = path
    labs: list[Lab] = []
    problems: list[str] = []
    for path in ids.values():
        try:
            labs.append(read_lab(path, path.parent.name))
        except LabFormatError as exc:
            problems.append(str(exc))
    labs.sort(key=lambda lab: (lab.order, lab.title))
    return labs, problems
