"""The data's words in the interface language: built-in dataset titles and descriptions (the
engine's ``*_zh`` texts), augmentation tips, the names of data kinds and tasks, and the Data
pane's summary of a loaded dataset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.i18n import engine_text, localized


def builtin_title(info: Any) -> str:
    return localized(info.title, info.title_zh)


def builtin_description(info: Any) -> str:
    return localized(info.description, info.description_zh)


def dataset_title(dataset: Any) -> str:
    """A built-in dataset by its title in the interface language; any other by its own name."""
    from engine import BUILTINS

    info = BUILTINS.get(getattr(dataset, "source", ""))
    return builtin_title(info) if info is not None and dataset.name == info.title else dataset.name


def augmentation_tip(op: str) -> str:
    from engine import AUGMENTATIONS, AUGMENTATIONS_ZH

    return localized(AUGMENTATIONS.get(op, op), AUGMENTATIONS_ZH.get(op, ""))


def kind_and_task(dataset: Any) -> str:
    """E.g. "images, classification" ("图像，分类" in Chinese)."""
    kinds = {
        "image": QCoreApplication.translate("DataText", "images"),
        "table": QCoreApplication.translate("DataText", "table"),
        "text": QCoreApplication.translate("DataText", "text"),
        "points": QCoreApplication.translate("DataText", "2-D points"),
    }
    tasks = {
        "classification": QCoreApplication.translate("DataText", "classification"),
        "binary": QCoreApplication.translate("DataText", "binary classification"),
        "regression": QCoreApplication.translate("DataText", "regression"),
        "next_char": QCoreApplication.translate("DataText", "next-character prediction"),
    }
    return QCoreApplication.translate("DataText", "{0}, {1}").format(
        kinds.get(dataset.kind, dataset.kind), tasks.get(dataset.task, dataset.task)
    )


def summary_html(dataset: Any) -> str:
    """The Data pane's few lines about a loaded dataset: name, kind, shapes, split sizes, notes."""
    # Translated in the Data pane's context, where the catalogue keeps these strings.
    shape = "×".join(str(s) for s in dataset.input_shape)
    sizes = [
        QCoreApplication.translate("DataPane", "train {0}").format(len(dataset.train)),
        QCoreApplication.translate("DataPane", "validation {0}").format(len(dataset.val)),
    ]
    if dataset.test is not None:
        sizes.append(QCoreApplication.translate("DataPane", "test {0}").format(len(dataset.test)))
    lines = [
        f"<b>{dataset_title(dataset)}</b> — {kind_and_task(dataset)}",
        QCoreApplication.translate("DataPane", "Input {0}; {1} classes; {2}").format(
            shape,
            len(dataset.class_names),
            QCoreApplication.translate("DataPane", ", ").join(sizes),
        ),
    ]
    if dataset.skipped:
        lines.append(
            QCoreApplication.translate(
                "DataPane", "{0} files could not be read (see Skipped files)."
            ).format(len(dataset.skipped))
        )
    lines.extend(engine_text(note) for note in dataset.notes)
    return "<br>".join(lines)
