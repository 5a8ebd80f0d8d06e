"""``python -m gui``: the NetCanvas window (the same as the ``netcanvas`` command)."""

from gui.app import run

run()
