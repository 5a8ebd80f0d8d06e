"""A table's columns before training: what kind each is, which one is the target and why, and
which features give the target away on their own (leakage).

Both front ends show these before a run: the Data pane lists the columns and offers to drop a
leak with one click; ``netcanvas-cli`` prints the warnings. The check is a few vectorised
passes per column (``np.bincount`` over integer codes), so a 100 000-row table costs
milliseconds, not a model fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    import pandas as pd

ColumnKind = Literal["numeric", "categorical", "text", "id"]

# Label-like names, most specific first: Titanic has both "survived" (the label) and "class"
# (the ticket class, a feature that "pclass" duplicates), so "class" comes late.
TARGET_NAMES = (
    "target",
    "label",
    "labels",
    "y",
    "survived",
    "outcome",
    "diagnosis",
    "species",
    "class",
)
MAX_ONE_HOT = 50  # a text column with more distinct values than this is an id or free text
NEAR_PERFECT = 0.99  # a single feature's accuracy or R² from which it gives the target away
_MIN_ROWS_FOR_ID = 20  # below this, every column of a tiny table would look like an id
_ROWS_PER_BIN = 10  # a continuous feature is cut into equal-count bins of about this many rows
_MAX_BINS = 1000
_MAX_BINNED_ROWS = 20_000


@dataclass(frozen=True)
class ColumnInfo:
    """One column as the Data pane lists it."""

    name: str
    kind: ColumnKind
    missing: int
    distinct: int


@dataclass(frozen=True)
class Leak:
    """A feature column that determines the target on its own; ``evidence`` says how."""

    column: str
    evidence: Message


def _is_numeric(series: pd.Series) -> bool:
    import pandas as pd

    return bool(pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series))


def _as_numbers(series: pd.Series) -> pd.Series | None:
    """The column as numbers when every value is one (numbers stored as text too), else None.
    Text is tried on its distinct values first: parsing 100 000 strings took ~45 ms here."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_numeric_dtype(series):
        return series
    distinct = series.dropna().unique()
    if pd.to_numeric(pd.Series(distinct), errors="coerce").isna().any():
        return None
    return pd.to_numeric(series, errors="coerce")


def _kind(series: pd.Series, distinct: int, missing: int) -> ColumnKind:
    present = len(series) - missing
    numbers = _as_numbers(series)
    one_per_row = present >= _MIN_ROWS_FOR_ID and distinct == present
    if numbers is not None:
        if not one_per_row:
            return "numeric"
        values = numbers.dropna().to_numpy(dtype=np.float64)
        return "id" if bool(np.all(np.mod(values, 1) == 0)) else "numeric"
    if one_per_row:
        return "id"
    return "categorical" if distinct <= MAX_ONE_HOT else "text"


def describe_columns(frame: pd.DataFrame) -> list[ColumnInfo]:
    """Each column's kind: numeric, categorical (few distinct values: one-hot), text (many) or
    id (one value per row, whole numbers or text: it names a row rather than describes it)."""
    infos = []
    for column in frame.columns:
        series = frame[column]
        distinct, missing = int(series.nunique()), int(series.isna().sum())
        infos.append(ColumnInfo(str(column), _kind(series, distinct, missing), missing, distinct))
    return infos


def choose_target(frame: pd.DataFrame) -> tuple[str, Message]:
    """The default target column and the sentence that says why it was chosen."""
    columns = [str(c) for c in frame.columns]
    by_lower = {c.strip().lower(): c for c in columns}
    for name in TARGET_NAMES:
        if name in by_lower:
            return by_lower[name], Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Target column: '{target}', because its name marks it as the label. Choose another under Target (CLI: --target).",
                ),
                target=by_lower[name],
            )
    return columns[-1], Message(
        QT_TRANSLATE_NOOP(
            "Engine",
            "Target column: '{target}', the last column, since no column is named like a label ({names}). Choose another under Target (CLI: --target).",
        ),
        target=columns[-1],
        names=", ".join(TARGET_NAMES[:5]) + ", …",
    )


def _codes(series: pd.Series, numbers: pd.Series | None) -> np.ndarray[Any, Any]:
    """Integer codes 0..k-1 grouping the rows by the column's value, or, given ``numbers`` (a
    continuous column: more distinct values than half its rows), into equal-count bins of ~10
    rows (at most 1 000 bins), so that "each value has one target" cannot be true merely
    because every value is unique. The bin edges come from at most 20 000 of the values."""
    import pandas as pd

    if numbers is None:
        codes, _ = pd.factorize(series, use_na_sentinel=False)
        return np.asarray(codes, dtype=np.int64)
    values = numbers.to_numpy(dtype=np.float64)
    bins = max(1, min(len(values) // _ROWS_PER_BIN, _MAX_BINS))
    finite = values[np.isfinite(values)]
    sample = finite[:: max(1, len(finite) // 20_000)]
    edges = np.quantile(sample, np.linspace(0.0, 1.0, bins + 1)[1:-1]) if len(sample) else []
    binned = np.searchsorted(edges, values, side="right").astype(np.int64)
    binned[np.isnan(values)] = bins  # missing values are a group of their own
    return np.asarray(binned, dtype=np.int64)


def _mapping_text(
    feature: pd.Series, target: pd.Series, pairs: np.ndarray[Any, Any], limit: int = 4
) -> str:
    """The mapping as the user reads it ("no → 0, yes → 1"): the first row of each distinct
    (feature, target) pair, in file order."""
    _, first = np.unique(pairs, return_index=True)
    rows = np.sort(first)
    shown = [
        f"{'∅' if _isna(feature.iat[i]) else feature.iat[i]} → {target.iat[i]}"
        for i in rows[:limit]
    ]
    return ", ".join(shown) + (", …" if len(rows) > limit else "")


def _isna(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def find_leaks(
    frame: pd.DataFrame,
    target: str,
    features: Sequence[ColumnInfo],
    classification: bool,
) -> list[Leak]:
    """Feature columns that give the target away on their own: an id (one value per row), a
    value-to-target mapping right in at least 99 % of rows (one-to-one or many-to-one), or a
    single-feature R² of at least 0.99 for a number to predict."""
    import pandas as pd

    n = len(frame)
    if n == 0:
        return []
    if classification:
        y, levels = pd.factorize(frame[target], use_na_sentinel=False)
        y = np.asarray(y, dtype=np.int64)
        n_classes = max(1, len(levels))
    else:
        y = pd.to_numeric(frame[target], errors="coerce").to_numpy(dtype=np.float64)
        y = np.where(np.isnan(y), np.nanmean(y) if np.isfinite(y).any() else 0.0, y)
    leaks: list[Leak] = []
    for info in features:
        evidence = None
        if info.kind == "id":
            evidence = Message(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "'{column}' looks like an identifier ({distinct} different values in {rows} rows): a network can only memorise it.",
                ),
                column=info.name,
                distinct=info.distinct,
                rows=n,
            )
        elif info.kind != "text":  # text is left out before training (too many values)
            numbers = _as_numbers(frame[info.name])
            binned = numbers is not None and info.distinct > n // 2
            # A continuous feature is checked on a strided sample of at most 20 000 rows:
            # binning all of 100 000 values took ~6 ms a column, the rest a fraction of that.
            rows = slice(None, None, max(1, n // _MAX_BINNED_ROWS)) if binned else slice(None)
            codes = _codes(frame[info.name], numbers.iloc[rows] if binned else None)  # type: ignore[union-attr]
            if classification:
                evidence = _decides_class(
                    frame, info.name, target, codes, y[rows], n_classes, binned
                )
            else:
                evidence = _explains_number(info.name, target, codes, y[rows])
        if evidence is not None:
            leaks.append(Leak(info.name, evidence))
    return leaks


def _decides_class(
    frame: pd.DataFrame,
    column: str,
    target: str,
    codes: np.ndarray[Any, Any],
    y: np.ndarray[Any, Any],
    n_classes: int,
    binned: bool,
) -> Message | None:
    """The evidence that knowing the group (``codes``) gives the class, or None: the majority
    class per group is right in at least 99 % of rows, and at most a tenth as often wrong as
    always guessing the commonest class (a 99 %-majority target proves nothing)."""
    rows, groups = len(codes), int(codes.max()) + 1
    pairs = codes * n_classes + y
    table = np.bincount(pairs, minlength=groups * n_classes).reshape(groups, n_classes)
    hits = int(table.max(axis=1).sum())
    accuracy, baseline = hits / rows, float(np.bincount(y).max()) / rows
    if accuracy < NEAR_PERFECT or (1 - accuracy) > 0.1 * (1 - baseline):
        return None
    if binned:
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "'{column}' alone gives '{target}' in {hits} of {rows} rows checked (a threshold on its values is enough).",
        )
    elif groups == n_classes:
        template = QT_TRANSLATE_NOOP(
            "Engine",
            "'{column}' equals '{target}' under another name ({mapping}) in {hits} of {rows} rows.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Engine", "'{column}' alone gives '{target}' in {hits} of {rows} rows ({mapping})."
        )
    mapping = "" if binned else _mapping_text(frame[column], frame[target], pairs)
    return Message(template, column=column, target=target, hits=hits, rows=rows, mapping=mapping)


def _explains_number(
    column: str, target: str, codes: np.ndarray[Any, Any], y: np.ndarray[Any, Any]
) -> Message | None:
    """The evidence that the group means (``codes``) explain the target (R², the correlation
    ratio: linear or not), or None below 0.99."""
    total = float(((y - y.mean()) ** 2).sum())
    if total <= 0:
        return None
    groups = int(codes.max()) + 1
    means = np.bincount(codes, weights=y, minlength=groups) / np.maximum(
        np.bincount(codes, minlength=groups), 1
    )
    r2 = 1.0 - float(((y - means[codes]) ** 2).sum()) / total
    if r2 < NEAR_PERFECT:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "Engine", "'{column}' alone explains '{target}' with R² = {r2:.3f} over {rows} rows."
        ),
        column=column,
        target=target,
        r2=r2,
        rows=len(codes),
    )
