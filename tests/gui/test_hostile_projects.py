"""The window on hostile project files: each mutant of a valid project either opens and every
pane shows it, or a message says what is wrong; no traceback (pytest-qt fails a test on an
exception in a slot), and the window keeps working afterwards."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pane_support import Answers
from project_mutations import mutants, valid_document, write_project
from PySide6.QtWidgets import QMessageBox

from engine import NetCanvasError, load_project
from gui.main_window import MainWindow

Button = QMessageBox.StandardButton
# Of the CLI fuzz's 1000 mutants: every one the door lets in (about 140, each opened in every
# pane), and as many it refuses (each a message in a box) as make 500 through the window.
WINDOW_MUTANTS = 500


@pytest.fixture
def window(qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("NETCANVAS_RECOVERY_DIR", str(tmp_path / "recovery"))
    win = MainWindow(offer_recovery=False)
    win.show()
    win.start_background_loading()
    qtbot.waitUntil(lambda: win.torch_loader.devices is not None, timeout=120_000)  # type: ignore[attr-defined]
    yield win
    win.training_session.stop_and_wait()
    Answers(monkeypatch, Button.Discard)
    assert win.close()
    win.deleteLater()


def _sample(tmp_path: Path) -> list[tuple[str, Path, bool]]:
    """(label, file, whether the door lets it in): the mutants that open, then some refused."""
    opened: list[tuple[str, Path, bool]] = []
    refused: list[tuple[str, Path, bool]] = []
    for i, (label, document) in enumerate(mutants(1000)):
        path = write_project(document, tmp_path / f"m{i}.netcanvas")
        try:
            load_project(path)
        except NetCanvasError:
            refused.append((label, path, False))
            continue
        opened.append((label, path, True))
    return opened + refused[: max(0, WINDOW_MUTANTS - len(opened))]


def test_hostile_projects_open_or_say_why_and_the_window_keeps_working(
    window: MainWindow, qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = _sample(tmp_path)
    assert len(sample) == WINDOW_MUTANTS
    answers = Answers(monkeypatch, Button.Discard)
    started = time.perf_counter()
    for label, path, opens in sample:
        answers.asked.clear()
        assert window.open_project(str(path)) is opens, (label, answers.asked)
        if opens:
            qtbot.waitUntil(lambda: not window.data_session.loading, timeout=60_000)  # type: ignore[attr-defined]
            assert window.state.path == path, label
        else:
            assert answers.asked and answers.asked[-1].startswith("Cannot open project"), label
            assert "Traceback" not in answers.asked[-1]
    opened = sum(opens for _, _, opens in sample)
    print(
        f"{len(sample)} mutants through the window in {time.perf_counter() - started:.1f} s "
        f"({opened} opened, {len(sample) - opened} refused with a message)"
    )
    # Still usable: it edits, and opens a good project.
    good = write_project(valid_document(), tmp_path / "good.netcanvas")
    assert window.open_project(str(good))
    node_id = window.editor.add_layer("Dropout")
    assert node_id in window.state.project.graph.nodes
