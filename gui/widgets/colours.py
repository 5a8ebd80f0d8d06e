"""The plot colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Okabe–Ito: distinguishable with the common colour-vision deficiencies, on light and dark.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#999999",
}
TRAIN_COLOUR = OKABE_ITO["blue"]
VAL_COLOUR = OKABE_ITO["orange"]
LR_COLOUR = OKABE_ITO["green"]
WARN_COLOUR = OKABE_ITO["vermillion"]
OVERLAY_COLOURS = (
    OKABE_ITO["purple"],
    OKABE_ITO["sky"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["yellow"],
)


def mix(colour: QColor, background: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``background``, as an opaque colour."""
    return QColor.fromRgbF(
        share * colour.redF() + (1 - share) * background.redF(),
        share * colour.greenF() + (1 - share) * background.greenF(),
        share * colour.blueF() + (1 - share) * background.blueF(),
    )
