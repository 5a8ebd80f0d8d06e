"""Character-level text: decoding user files, the python-docs corpus, windows for next-char.

Encodings are tried in a fixed order: UTF-8 (with or without BOM), UTF-16 when the file starts
with its BOM, then GB18030 (Chinese text from Windows machines). Latin-1 is deliberately not a
fallback: it accepts any bytes, so binary garbage would "load"; the user can still ask for it
with the ``encoding`` option.
"""

from __future__ import annotations

import codecs
import importlib
import inspect
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import opt_int
from engine.data.dataset import Parts
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError

TRIED_ENCODINGS = ("utf-8", "utf-16 (with BOM)", "gb18030")

# Modules every Python carries (and PyInstaller bundles, since the app imports most of them).
_DOC_MODULES = (
    "abc", "argparse", "base64", "bisect", "calendar", "collections", "contextlib", "copy",
    "csv", "dataclasses", "datetime", "decimal", "difflib", "enum", "fractions", "functools",
    "gzip", "hashlib", "heapq", "inspect", "io", "itertools", "json", "logging", "pathlib",
    "pickle", "pprint", "random", "re", "shutil", "statistics", "string", "tarfile", "textwrap",
    "threading", "typing", "urllib.parse", "uuid", "warnings", "zipfile",
)  # fmt: skip


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes -> text with the encodings above (or the one asked for); DataError if none fits."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "Unknown text encoding {encoding}."),
                encoding=repr(encoding),
            ) from None
        except UnicodeDecodeError as error:
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "'{name}' is not valid {encoding} text ({reason})."),
                name=name,
                encoding=encoding,
                reason=error.reason,
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "gb18030"]
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise DataError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "'{name}' is not text in any of the encodings tried ({tried}). Save it as UTF-8, or set the 'encoding' option.",
        ),
        name=name,
        tried=", ".join(TRIED_ENCODINGS),
    )


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v\x1b")
    return control > max(8, len(sample) // 100)


def python_docs_corpus(max_chars: int = 2_000_000) -> str:
    """Docstrings of a fixed list of standard modules, in a fixed order: the same text for
    the same Python version, with no third-party prose in the repository."""
    seen: set[str] = set()
    parts: list[str] = []
    total = 0
    for module_name in _DOC_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        with warnings.catch_warnings():  # typing.io and friends warn when touched
            warnings.simplefilter("ignore", DeprecationWarning)
            docs = [inspect.getdoc(obj) for obj in _documented(module)]
        for doc in docs:
            if not doc or len(doc) < 40 or doc in seen:
                continue
            seen.add(doc)
            parts.append(doc)
            total += len(doc) + 2
            if total >= max_chars:
                return "\n\n".join(parts)[:max_chars]
    return "\n\n".join(parts)


def _documented(module: Any) -> list[Any]:
    objects: list[Any] = [module]
    for name in sorted(vars(module)):
        value = getattr(module, name, None)
        if getattr(value, "__module__", None) != module.__name__ or name.startswith("_"):
            continue
        objects.append(value)
        if inspect.isclass(value):
            objects += [
                v
                for n, v in sorted(vars(value).items())
                if not n.startswith("_") and (inspect.isfunction(v) or inspect.ismethod(v))
            ]
    return objects


def text_parts(text: str, name: str, options: Mapping[str, Any]) -> tuple[Parts, list[str], str]:
    """Windows of ``seq_len`` characters and their one-step-shifted targets: (parts, vocab, note)."""
    seq_len = opt_int(options, "seq_len", 64, 2, 4096)
    stride = opt_int(options, "stride", seq_len, 1, 4096)
    max_chars = opt_int(options, "max_chars", 5_000_000, 100, 100_000_000)
    text = text.replace("\r\n", "\n")[:max_chars]
    if len(text) < 3 * (seq_len + 1):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' has only {length} characters: with seq_len {seq_len} it needs at least {needed}. Use a longer text or a shorter seq_len.",
            ),
            name=name,
            length=len(text),
            seq_len=seq_len,
            needed=3 * (seq_len + 1),
        )
    # Code points through numpy: no Python work per character (corpora run to megabytes).
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    unique, inverse = np.unique(points, return_inverse=True)
    vocab = [chr(int(c)) for c in unique]
    codes: NDArray[np.int64] = inverse.astype(np.int64).reshape(-1)
    windows = np.lib.stride_tricks.sliding_window_view(codes, seq_len + 1)[::stride]
    x = np.ascontiguousarray(windows[:, :-1])
    y = np.ascontiguousarray(windows[:, 1:])
    note = Message(
        QT_TRANSLATE_NOOP(
            "Engine",
            "{characters} characters, {distinct} distinct, {windows} windows of {seq_len}.",
        ),
        characters=len(text),
        distinct=len(vocab),
        windows=len(x),
        seq_len=seq_len,
    )
    return Parts(x, y), vocab, note
