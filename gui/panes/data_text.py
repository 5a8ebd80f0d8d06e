"""The data's words in the interface language: built-in dataset titles and descriptions (the
engine's ``*_zh`` texts), augmentation tips, and the names of data kinds and tasks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gui.i18n import localized


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
