"""``load_dataset``: one entry point that recognises a built-in id, a file or a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.data._common import Progress, read_bytes
from engine.data.arrays import array_parts
from engine.data.builtin import load_builtin
from engine.data.catalog import BUILTINS
from engine.data.cifar import CIFAR_FILES, load_cifar, looks_like_cifar
from engine.data.dataset import Dataset, build_dataset
from engine.data.folder import load_folder
from engine.data.idx import find_groups, is_idx_name, load_idx
from engine.data.table import read_table, table_parts
from engine.data.text import decode_text, text_parts
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError, DataRef

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_TABLE_SUFFIXES = {".csv", ".tsv", ".tab"}


def load_dataset(
    ref: DataRef,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Dataset:
    """Load what ``ref`` names. Raises only DataError, with a message fit for the user."""
    tracker = Progress(progress, cancel)
    tracker.step(0.0)
    try:
        dataset = _load(ref, tracker)
    except DataError:
        raise
    except MemoryError:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Not enough memory to load '{source}'."), source=ref.source
        ) from None
    except Exception as error:  # last line of defence: a loader bug must not reach the user raw
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Could not load '{source}': {kind}: {error}"),
            source=ref.source,
            kind=type(error).__name__,
            error=error,
        ) from error
    tracker.step(1.0)
    return dataset


def _load(ref: DataRef, progress: Progress) -> Dataset:
    if ref.embedded is not None:  # the project carries its data: no file is needed
        from engine.data.embedded import unpack_dataset

        return unpack_dataset(ref.embedded, ref)
    options = dict(ref.options)
    if ref.source in BUILTINS:
        return load_builtin(ref.source, options, progress)
    if not ref.source:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "No dataset chosen: pick a built-in dataset or open a file or folder."
            )
        )
    path = Path(ref.source).expanduser()
    if not path.exists():
        known = ", ".join(BUILTINS)
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{source}' does not exist: it is neither a file nor a built-in ({known}).",
            ),
            source=ref.source,
            known=known,
        )
    common: dict[str, Any] = {
        "name": path.name or str(path),
        "source": ref.source,
        "options": options,
    }
    if path.is_dir():
        if looks_like_cifar(path):
            return _image_dataset(load_cifar(path, options, progress), common)
        if find_groups(path):
            return _image_dataset(load_idx(path, options, progress), common)
        parts, names, notes, skipped = load_folder(path, options, progress)
        return build_dataset(kind="image", task="classification", parts=parts, class_names=names,
                             notes=notes, skipped=skipped, **common)  # fmt: skip
    name = path.name.lower()
    suffix = path.suffix.lower()
    if name in CIFAR_FILES or name.endswith((".tar.gz", ".tgz", ".tar")):
        return _image_dataset(load_cifar(path, options, progress), common)
    if is_idx_name(name):
        return _image_dataset(load_idx(path, options, progress), common)
    if suffix in _TABLE_SUFFIXES:
        frame = read_table(path)
        table = table_parts(frame, path.name, options)
        return build_dataset(kind="table", task=table.task, parts=table.parts,
                             class_names=table.class_names, feature_names=table.feature_names,
                             notes=table.notes, table_head=frame.head(20), target=table.target,
                             columns=table.columns, dropped=table.dropped, leaks=table.leaks,
                             **common)  # fmt: skip
    if suffix in (".npz", ".npy"):
        parts, kind, task, class_names, notes = array_parts(path)
        return build_dataset(kind=kind, task=task, parts=parts, class_names=class_names,
                             notes=notes, **common)  # fmt: skip
    if suffix in _TEXT_SUFFIXES:
        text = decode_text(read_bytes(path, 512 * 1024**2), path.name, options.get("encoding"))
        parts, vocab, note = text_parts(text, path.name, options)
        return build_dataset(kind="text", task="next_char", parts=parts, vocab=vocab, notes=[note],
                             text_excerpt=text[:2000], contiguous=True, **common)  # fmt: skip
    raise DataError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "NetCanvas cannot open '{file}': expected a folder of images, IDX (.gz) files, CIFAR batches, a .csv/.tsv table, a .npz/.npy array file or a .txt text.",
        ),
        file=path.name,
    )


def _image_dataset(loaded: tuple[Any, list[str], list[str]], common: dict[str, Any]) -> Dataset:
    parts, class_names, notes = loaded
    return build_dataset(kind="image", task="classification", parts=parts, class_names=class_names,
                         notes=notes, **common)  # fmt: skip
