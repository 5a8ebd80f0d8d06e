"""File ▸ Reuse Layers from Another Project…: transfer learning in the window.

The dialog offers the two ways ``engine.reuse_layers`` reuses a trained project: keep this
network and copy the weights of the layers that fit, or take the other network (its Input and
Output fitted to this data) with its weights; and whether the reused layers are frozen. Each
choice names the layers it would copy before anything changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import engine_text

MAX_NAMED = 8  # layers named in a choice; beyond, "and N more"


class ReuseDialog(QDialog):
    """Choose how to reuse ``other``'s layers in ``project``; ``outcome()`` is the engine's
    Reuse for the choice (None when the dialog was cancelled)."""

    def __init__(
        self, project: Any, other: Any, context: Any, parent: QWidget | None = None
    ) -> None:
        from engine import NetCanvasError, reuse_layers

        super().__init__(parent)
        self.setWindowTitle(self.tr("Reuse Layers from {0}").format(other.name))
        self._project, self._other, self._context = project, other, context
        self.previews: dict[bool, Any] = {}  # whole_network -> Reuse (what it would copy)
        self.refusals: dict[bool, str] = {}
        for whole in (False, True):
            try:
                self.previews[whole] = reuse_layers(
                    project, other, context, whole_network=whole, freeze=False
                )
            except NetCanvasError as error:
                self.refusals[whole] = engine_text(error)
        self.keep = QRadioButton(
            self.tr("Keep this network; copy the weights of the layers that fit")
        )
        self.whole = QRadioButton(
            self.tr("Use the network of {0} (fitted to this data), with its weights").format(
                other.name
            )
        )
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Layers trained on other data already know useful features (edges, strokes, "
                "shapes): starting from them, a network learns a small dataset faster and "
                "better than from scratch."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details: dict[bool, QLabel] = {}
        for whole, button in ((False, self.keep), (True, self.whole)):
            self.choices.addButton(button)
            detail = QLabel(self._describe(whole))
            detail.setWordWrap(True)
            detail.setIndent(24)
            button.setEnabled(whole in self.previews)
            layout.addWidget(button)
            layout.addWidget(detail)
            self.details[whole] = detail
        (self.keep if False in self.previews else self.whole).setChecked(True)
        self.freeze = QCheckBox(
            self.tr("Freeze the reused feature layers (those before Flatten): the rest trains")
        )
        self.freeze.setChecked(True)
        self.freeze.setToolTip(
            self.tr(
                "A CNN's convolutions learn features that carry over (edges, strokes, shapes); "
                "its dense layers and the Output learn the new classes. Frozen layers keep what "
                "they learned; unfreeze them later (the layer's Trainable box) to fine-tune "
                "everything."
            )
        )
        layout.addWidget(self.freeze)
        note = QLabel(
            self.tr(
                "The next run starts from these weights (Training ▸ Initialisation: the saved "
                "weights). This project's own trained weights are replaced; its runs stay."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reuse"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _describe(self, whole: bool) -> str:
        if whole not in self.previews:
            return self.refusals[whole]
        copied = self.previews[whole].copied
        named = ", ".join(copied[:MAX_NAMED])
        if len(copied) > MAX_NAMED:
            named = self.tr("{0} and {1} more").format(named, len(copied) - MAX_NAMED)
        return self.tr("Layers that start from its weights ({0}): {1}.").format(len(copied), named)

    def outcome(self) -> Any:
        """The engine's Reuse for the choice made (with the freeze box applied)."""
        from engine import reuse_layers

        return reuse_layers(
            self._project,
            self._other,
            self._context,
            whole_network=self.whole.isChecked(),
            freeze=self.freeze.isChecked(),
        )
