"""Small helpers every loader shares: options, progress and cancellation, label indexing."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError

# A file may not make us allocate more than this in one array (a header can claim anything).
MAX_ARRAY_BYTES = 8 * 1024**3
# What one dataset may take: a fraction of the machine's memory, because the window, torch, the
# model and a second copy made while splitting need the rest. A student's 8 GB laptop has about
# 3 GB for the data; past that the kernel kills the app without a word.
MEMORY_FRACTION = 0.4
# Real datasets compress a few times (MNIST's gzip about 5:1, CIFAR's tar.gz about 1.1:1); a file
# that would expand hundreds of times and to more than a few tens of MB is a decompression bomb.
PLAUSIBLE_RATIO = 200
_RATIO_FREE_BYTES = 64 * 1024**2


@dataclass
class Progress:
    """Reports a fraction in [0, 1] and raises DataError when the user cancels.

    Loaders call ``step(fraction)`` between chunks of work; the check is cheap.
    """

    report: Callable[[float], None] | None = None
    cancel: Callable[[], bool] | None = None

    def step(self, fraction: float) -> None:
        if self.cancel is not None and self.cancel():
            raise DataError(QT_TRANSLATE_NOOP("Engine", "Loading cancelled"))
        if self.report is not None:
            self.report(min(1.0, max(0.0, fraction)))

    def sub(self, start: float, end: float) -> Progress:
        """A progress that maps [0, 1] onto [start, end] of this one."""
        report = self.report
        if report is None:
            return Progress(None, self.cancel)
        return Progress(lambda f: report(start + (end - start) * f), self.cancel)


def opt_float(options: Mapping[str, Any], key: str, default: float, lo: float, hi: float) -> float:
    value = options.get(key, default)
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Option '{key}' must be a number, not {value}."),
            key=key,
            value=repr(value),
        ) from None
    if not lo <= result <= hi:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "Option '{key}' must be between {lo:g} and {hi:g}, not {result:g}."
            ),
            key=key,
            lo=lo,
            hi=hi,
            result=result,
        )
    return result


def opt_int(options: Mapping[str, Any], key: str, default: int, lo: int, hi: int) -> int:
    value = options.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Option '{key}' must be a whole number, not {value}."),
            key=key,
            value=repr(value),
        )
    if not lo <= int(value) <= hi:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "Option '{key}' must be between {lo} and {hi}, not {value}."
            ),
            key=key,
            lo=lo,
            hi=hi,
            value=int(value),
        )
    return int(value)


def opt_size(options: Mapping[str, Any]) -> tuple[int, int] | None:
    """The ``image_size`` option as (H, W), or None when the loader should choose."""
    value = options.get("image_size")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and 4 <= v <= 512 for v in value)
    ):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "Option 'image_size' must be [height, width] from 4 to 512, not {value}."
            ),
            value=repr(value),
        )
    return int(value[0]), int(value[1])


def index_labels(
    labels: list[NDArray[Any]], names: Mapping[Any, str] | None = None
) -> tuple[list[NDArray[np.int64]], list[str]]:
    """Map raw labels (numbers or strings, over several splits) to 0..K-1 and name the classes.

    Classes are sorted by value (numerically for numbers), so that digit ``3`` stays class 3.
    ``names`` maps a raw label to a display name (e.g. EMNIST's ASCII mapping).
    """
    joined = np.concatenate([np.asarray(a).reshape(-1) for a in labels])
    values, inverse = np.unique(joined, return_inverse=True)
    out: list[NDArray[np.int64]] = []
    start = 0
    for a in labels:
        out.append(inverse[start : start + a.size].astype(np.int64))
        start += a.size
    names = names or {}
    class_names = [names.get(v.item() if hasattr(v, "item") else v, _label_str(v)) for v in values]
    return out, class_names


def _label_str(value: Any) -> str:
    if isinstance(value, np.floating | float) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read '{path}': {reason}."),
            path=path,
            reason=error.strerror or error,
        ) from None


def read_bytes(path: Path, limit: int = MAX_ARRAY_BYTES) -> bytes:
    """The whole file, refusing one larger than ``limit`` or the memory budget before reading it."""
    size = file_size(path)
    if size > limit:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{file}' is {size:.1f} GB, too large to load."),
            file=path.name,
            size=size / 1e9,
        )
    check_memory(size, path.name)
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read '{path}': {reason}."),
            path=path,
            reason=error.strerror or error,
        ) from None
    except MemoryError:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Not enough memory to read '{file}'."), file=path.name
        ) from None


def physical_memory() -> int | None:
    """The machine's RAM in bytes, or None where the system does not say."""
    if sys.platform == "win32":

        class _Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong)] + [
                (name, ctypes.c_ulonglong)
                for name in ("total", "avail", "page_total", "page_avail", "virtual", "free", "ext")
            ]

        status = _Status()
        status.length = ctypes.sizeof(_Status)
        windll = getattr(ctypes, "windll", None)
        if windll is not None and windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return int(status.total)
        return None
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None


def memory_budget() -> int:
    """The most bytes one dataset may take (MEMORY_FRACTION of RAM, at most MAX_ARRAY_BYTES)."""
    total = physical_memory() or 8 * 1024**3  # unknown: assume a modest laptop
    return min(MAX_ARRAY_BYTES, int(total * MEMORY_FRACTION))


def check_memory(nbytes: int, name: str) -> None:
    """Refuse, before allocating, data that would need more than the memory budget."""
    budget = memory_budget()
    if nbytes > budget:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' needs about {needed:.1f} GB of memory to load; NetCanvas lets a dataset take at most {budget:.1f} GB on this computer ({percent}% of its memory). Use a smaller part of the data.",
            ),
            name=name,
            needed=nbytes / 1e9,
            budget=budget / 1e9,
            percent=round(MEMORY_FRACTION * 100),
        )


def check_expansion(expanded: int, compressed: int, name: str) -> None:
    """Refuse compressed data that would expand implausibly (a decompression bomb) or beyond the
    memory budget, before inflating it. ``expanded`` is what the file declares or what has
    been inflated so far; ``compressed`` its size on disk."""
    if expanded > _RATIO_FREE_BYTES and expanded > PLAUSIBLE_RATIO * max(compressed, 1):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' would expand from {compressed:.1f} MB to {expanded:.1f} MB ({ratio:.0f} times): real datasets compress far less, so this file is refused as a probable decompression bomb.",
            ),
            name=name,
            compressed=compressed / 1e6,
            expanded=expanded / 1e6,
            ratio=expanded / max(compressed, 1),
        )
    check_memory(expanded, name)
