"""A dataset stored inside a project file: its prepared splits as one NumPy archive.

A teacher embeds the data so that one ``.netcanvas`` file opens and trains on any machine. The
archive holds the raw compact arrays of each split exactly as loaded (so the same samples land
in the same splits and the statistics come out the same) and a JSON note with the names. It is
read with ``allow_pickle=False`` and every array and field is checked: a hostile project gets a
message, never code run or a huge allocation.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.data._common import check_expansion
from engine.messages import QT_TRANSLATE_NOOP
from engine.project import MAX_EMBEDDED_BYTES
from engine.types import DataError

if TYPE_CHECKING:
    from engine.data.dataset import Dataset
    from engine.types import DataRef

_SPLITS = ("train", "val", "test")
_KINDS = {"image", "table", "points", "text"}
_TASKS = {"classification", "binary", "regression", "next_char"}
_DTYPE_KINDS = {"image": "u", "text": "i"}  # the compact formats; tables and points are floats
_DAMAGED = QT_TRANSLATE_NOOP("Engine", "The dataset embedded in the project is damaged: {reason}.")


def pack_dataset(dataset: Dataset) -> bytes:
    """The dataset as the archive a project embeds; DataError when it is over the limit."""
    arrays: dict[str, Any] = {}
    for name in _SPLITS:
        split = dataset.split(name)
        if split is not None:
            arrays[f"x_{name}"] = split.x.cpu().numpy()
            arrays[f"y_{name}"] = split.y.cpu().numpy()
    note = {
        "name": dataset.name,
        "kind": dataset.kind,
        "task": dataset.task,
        "class_names": list(dataset.class_names),
        "feature_names": list(dataset.feature_names),
        "vocab": list(dataset.vocab) if dataset.vocab is not None else None,
        "text_excerpt": dataset.text_excerpt,
    }
    arrays["note"] = np.array(json.dumps(note, ensure_ascii=False))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    raw = buffer.getvalue()
    if len(raw) > MAX_EMBEDDED_BYTES:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{name}' takes {size:.1f} MB compressed; a project can embed at most {limit:.0f} MB. Keep the data beside the project instead: the project finds it there.",
            ),
            name=dataset.name,
            size=len(raw) / 1e6,
            limit=MAX_EMBEDDED_BYTES / 1e6,
        )
    return raw


def _damaged(reason: str, **values: Any) -> DataError:
    return DataError(_DAMAGED, reason=DataError(reason, **values))


def _note(raw: Any) -> dict[str, Any]:
    try:
        note = json.loads(str(raw[()]))
    except (ValueError, TypeError, IndexError, RecursionError):
        note = None
    if not isinstance(note, dict):
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "its description is not readable"))
    if note.get("kind") not in _KINDS or note.get("task") not in _TASKS:
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "unknown kind or task"))
    for key in ("class_names", "feature_names"):
        value = note.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise _damaged(QT_TRANSLATE_NOOP("Engine", "'{key}' is not a list of names"), key=key)
    vocab = note.get("vocab")
    if vocab is not None and not (
        isinstance(vocab, list) and all(isinstance(v, str) and len(v) == 1 for v in vocab)
    ):
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "the vocabulary is not a list of characters"))
    if not isinstance(note.get("name", ""), str) or not isinstance(
        note.get("text_excerpt", ""), str
    ):
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "its name is not text"))
    return note


def _checked(arrays: dict[str, Any], kind: str, task: str) -> dict[str, tuple[Any, Any]]:
    """(x, y) per split, each checked for type and shape against the others and the kind."""
    pairs: dict[str, tuple[Any, Any]] = {}
    for name in _SPLITS:
        if f"x_{name}" not in arrays and f"y_{name}" not in arrays:
            continue
        x, y = arrays.get(f"x_{name}"), arrays.get(f"y_{name}")
        if x is None or y is None or x.ndim < 2 or len(x) != len(y) or len(x) == 0:
            raise _damaged(
                QT_TRANSLATE_NOOP("Engine", "the {split} split is incomplete"), split=name
            )
        if x.dtype.kind != _DTYPE_KINDS.get(kind, "f") or y.dtype.kind not in "iuf":
            raise _damaged(
                QT_TRANSLATE_NOOP("Engine", "the {split} split holds {dtype} inputs"),
                split=name,
                dtype=x.dtype,
            )
        if pairs and x.shape[1:] != next(iter(pairs.values()))[0].shape[1:]:
            raise _damaged(QT_TRANSLATE_NOOP("Engine", "the splits have different shapes"))
        pairs[name] = (x, y)
    if "train" not in pairs or "val" not in pairs:
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "it has no training or validation split"))
    return pairs


def unpack_dataset(raw: bytes, ref: DataRef) -> Dataset:
    """The embedded dataset, its splits exactly as they were saved."""
    from engine.data.dataset import Parts, build_dataset

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = archive.namelist()
            check_expansion(sum(i.file_size for i in archive.infolist()), len(raw), "data.npz")
        if len(names) > 2 * len(_SPLITS) + 1:
            raise _damaged(QT_TRANSLATE_NOOP("Engine", "it holds unexpected arrays"))
        with np.load(io.BytesIO(raw), allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in archive.files}
    except DataError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise DataError(_DAMAGED, reason=error) from None
    if "note" not in arrays:
        raise _damaged(QT_TRANSLATE_NOOP("Engine", "its description is missing"))
    note = _note(arrays.pop("note"))
    pairs = _checked(arrays, note["kind"], note["task"])
    x, y = pairs["train"]
    parts = Parts(x, y, val=pairs["val"], test=pairs.get("test"), keep_splits=True)
    return build_dataset(
        name=note.get("name") or ref.source,
        source=ref.source,
        kind=note["kind"],
        task=note["task"],
        parts=parts,
        options=ref.options,
        class_names=note["class_names"],
        feature_names=note["feature_names"],
        vocab=note.get("vocab"),
        text_excerpt=note.get("text_excerpt", ""),
        contiguous=note["kind"] == "text",
    )
