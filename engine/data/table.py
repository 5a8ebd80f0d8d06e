"""CSV/TSV tables through pandas: the target and dropped columns, one-hot categoricals,
imputation, task inference, and the columns' kinds and leaks (engine/data/columns.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.data._common import check_memory, index_labels, read_bytes
from engine.data.columns import (
    MAX_ONE_HOT,
    ColumnInfo,
    Leak,
    choose_target,
    describe_columns,
    find_leaks,
)
from engine.data.dataset import Parts
from engine.data.text import decode_text
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError, Task

if TYPE_CHECKING:
    import pandas as pd

MAX_CLASSES = 1000
MAX_COLUMNS = 20_000
_TABLE_LIMIT = 2 * 1024**3
_BYTES_PER_CELL = 24


def read_table(path: Path) -> pd.DataFrame:
    """The file as a DataFrame (delimiter sniffed); DataError for anything unreadable."""
    import pandas as pd

    text = decode_text(read_bytes(path, _TABLE_LIMIT), path.name)
    if path.suffix.lower() in (".tsv", ".tab"):
        sep = "\t"
    else:
        try:
            sep = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
        except csv.Error:
            sep = ","
    _check_size(text, sep, path.name)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, skipinitialspace=True)
    except pd.errors.EmptyDataError:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{file}' is empty: a table needs a header row and data rows."
            ),
            file=path.name,
        ) from None
    except (pd.errors.ParserError, ValueError, UnicodeError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{file}' is not a readable table: {first}."),
            file=path.name,
            first=first,
        ) from None
    frame = frame.loc[
        :, [not (str(c).startswith("Unnamed:") and frame[c].isna().all()) for c in frame.columns]
    ]
    if frame.shape[1] == 0:
        raise DataError(QT_TRANSLATE_NOOP("Engine", "'{file}' has no columns."), file=path.name)
    if len(frame) == 0:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{file}' has a header but no data rows."), file=path.name
        )
    return frame


def _check_size(text: str, sep: str, name: str) -> None:
    """Refuse, before pandas parses it, a table too wide or too large for memory: pandas keeps
    a few KB per column whatever the rows (a 7.8 MB file with a million columns needed 3 GB)."""
    header = text.split("\n", 1)[0]
    columns = header.count(sep) + 1  # an upper bound: a quoted name may hold the separator
    if columns > MAX_COLUMNS:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{file}' has {columns} columns; NetCanvas reads tables of at most {most} columns.",
            ),
            file=name,
            columns=columns,
            most=MAX_COLUMNS,
        )
    rows = text.count("\n") + 1
    # Per cell: pandas' value (8 bytes, more for text) and the float32 copy the features become;
    # per column: pandas' own bookkeeping.
    check_memory(rows * columns * _BYTES_PER_CELL + columns * 4096 + 2 * len(text), name)


def infer_task(target: pd.Series) -> Task:
    """Classification for text, booleans and small sets of whole numbers; else regression."""
    import pandas as pd

    values = target.dropna()
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return "classification"
    whole = bool(np.all(np.mod(values.to_numpy(dtype=float), 1) == 0))
    distinct = values.nunique()
    if whole and distinct <= max(20, min(MAX_CLASSES, len(values) // 20)):
        return "classification"
    return "regression"


@dataclass
class Table:
    """What a table becomes: the arrays to split, and what the user sees before training."""

    parts: Parts
    task: Task
    class_names: list[str]
    feature_names: list[str]
    notes: list[str]
    target: str
    columns: list[ColumnInfo] = field(default_factory=list)  # every column of the file
    dropped: list[str] = field(default_factory=list)  # the columns the user chose to leave out
    leaks: list[Leak] = field(default_factory=list)


def dropped_columns(options: Mapping[str, Any]) -> list[str]:
    """The ``drop`` option as a list of names: a list, or one comma-separated string (CLI)."""
    raw = options.get("drop") or []
    if isinstance(raw, str):
        raw = raw.split(",")
    if not isinstance(raw, list | tuple):
        raw = [raw]
    return [str(c).strip() for c in raw if str(c).strip()]


def _choose_columns(
    frame: pd.DataFrame, name: str, options: Mapping[str, Any], notes: list[str]
) -> tuple[str, list[str]]:
    """The target and the dropped columns the options ask for, checked against the file."""
    columns = [str(c) for c in frame.columns]
    listed = ", ".join(f"'{c}'" for c in columns[:20])
    target = options.get("target")
    if target is None:
        target, why = choose_target(frame)
        notes.append(why)
    elif str(target) not in columns:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' has no column '{target}'. Columns: {columns}."),
            name=name,
            target=target,
            columns=listed,
        )
    target = str(target)
    dropped = dropped_columns(options)
    unknown = [c for c in dropped if c not in columns]
    if unknown:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' has no column '{column}' to drop. Columns: {columns}."
            ),
            name=name,
            column=unknown[0],
            columns=listed,
        )
    if target in dropped:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{target}' is the target column: it cannot be dropped. Choose another target first.",
            ),
            target=target,
        )
    if dropped and all(c == target or c in dropped for c in columns):
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "Dropping {dropped} leaves '{name}' with no feature columns: keep at least one column besides the target '{target}'.",
            ),
            dropped=", ".join(f"'{c}'" for c in dropped),
            name=name,
            target=target,
        )
    return target, dropped


def table_parts(frame: pd.DataFrame, name: str, options: Mapping[str, Any]) -> Table:
    """The arrays and everything the user should see before training, from a loaded table."""
    import pandas as pd

    notes: list[str] = []
    columns = describe_columns(frame)
    target, dropped = _choose_columns(frame, name, options, notes)
    missing_target = int(frame[target].isna().sum())
    if missing_target:
        frame = frame[frame[target].notna()]
        notes.append(
            Message(
                QT_TRANSLATE_NOOP("Engine", "Dropped {rows} row(s) with no value in '{target}'."),
                rows=missing_target,
                target=target,
            )
        )
    y_col = frame[target]
    if y_col.nunique() < 2:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The target column '{target}' of '{name}' has only one value: there is nothing to learn. Choose another target column.",
            ),
            target=target,
            name=name,
        )
    task = options.get("task") or infer_task(y_col)
    if task not in ("classification", "binary", "regression"):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "A table cannot be used for the task {task}."),
            task=repr(task),
        )
    kept = [str(c) for c in frame.columns if str(c) != target and str(c) not in dropped]
    features, feature_names = _features(frame[kept], name, notes)
    class_names: list[str] = []
    if task == "regression":
        numeric = pd.to_numeric(y_col, errors="coerce")
        if numeric.isna().any():
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "The target '{target}' of '{name}' has values that are not numbers."
                ),
                target=target,
                name=name,
            )
        y: np.ndarray[Any, Any] = numeric.to_numpy(dtype=np.float32).reshape(-1, 1)
    else:
        raw = y_col.to_numpy()
        if raw.dtype == object:
            raw = raw.astype(str)
        (y,), class_names = index_labels([raw])
        if len(class_names) > MAX_CLASSES:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The target '{target}' of '{name}' has {count} distinct values: too many classes. Is it a number to predict (set task to regression)?",
                ),
                target=target,
                name=name,
                count=len(class_names),
            )
        if task == "binary" and len(class_names) != 2:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Engine", "'binary' needs exactly two classes; '{target}' has {count}."
                ),
                target=target,
                count=len(class_names),
            )
    leaks = find_leaks(
        frame, target, [c for c in columns if c.name in kept], classification=task != "regression"
    )
    return Table(
        Parts(features, y), task, class_names, feature_names, notes, target, columns, dropped, leaks
    )


def _features(
    frame: pd.DataFrame, name: str, notes: list[str]
) -> tuple[np.ndarray[Any, Any], list[str]]:
    import pandas as pd

    columns: list[np.ndarray[Any, Any]] = []
    names: list[str] = []
    for column in frame.columns:
        series = frame[column]
        label = str(column)
        missing = int(series.isna().sum())
        if pd.api.types.is_bool_dtype(series):
            columns.append(series.astype(float).to_numpy())
            names.append(label)
            continue
        if not pd.api.types.is_numeric_dtype(series):
            numeric = pd.to_numeric(series, errors="coerce")
            if numeric.notna().sum() == series.notna().sum():  # numbers stored as text
                series = numeric
        if pd.api.types.is_numeric_dtype(series):
            if missing == len(series):
                notes.append(
                    Message(
                        QT_TRANSLATE_NOOP("Engine", "Dropped column '{label}': it is empty."),
                        label=label,
                    )
                )
                continue
            if missing:
                median = float(series.median())
                series = series.fillna(median)
                notes.append(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Engine",
                            "Imputed {missing} missing value(s) in '{label}' with the median ({median:g}).",
                        ),
                        missing=missing,
                        label=label,
                        median=median,
                    )
                )
            columns.append(series.to_numpy(dtype=np.float64))
            names.append(label)
            continue
        text = series.astype("string")
        distinct = text.nunique()
        if distinct > MAX_ONE_HOT:
            notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine", "Dropped column '{label}': text with {distinct} distinct values."
                    ),
                    label=label,
                    distinct=distinct,
                )
            )
            continue
        dummies = pd.get_dummies(text, prefix=label, prefix_sep="=", dtype=float)
        if missing:
            notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "{missing} missing value(s) in '{label}' left as all-zero one-hot rows.",
                    ),
                    missing=missing,
                    label=label,
                )
            )
        columns += [dummies[c].to_numpy() for c in dummies.columns]
        names += [str(c) for c in dummies.columns]
    if not columns:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' has no usable feature columns besides the target."
            ),
            name=name,
        )
    x = np.stack(columns, axis=1).astype(np.float32)
    if not np.isfinite(x).all():
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' contains infinite or too-large numbers."),
            name=name,
        )
    return x, names
