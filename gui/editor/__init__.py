"""The network editor: palette, canvas, inspector, summary strip and undo stack."""

from __future__ import annotations

from gui.editor.controller import EditorController

__all__ = ["EditorController"]
