"""The Data pane's "Embed the dataset in the project": one saved file that trains anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pane_support import state_with

import engine.data.embedded as embedded
from engine import DataRef, load_dataset, load_project, save_project
from gui.data.pane import DataPane


def _pane_with_a_table(qtbot: Any, folder: Path) -> DataPane:
    rows = "".join(f"{i % 7},{(i * 3) % 5},{i % 2}\n" for i in range(120))
    (folder / "data.csv").write_text("a,b,label\n" + rows, encoding="utf-8")
    state = state_with("mlp", DataRef(str(folder / "data.csv")))
    pane = DataPane(state)
    qtbot.addWidget(pane)
    return pane


def test_ticking_embed_stores_the_data_and_the_copy_alone_loads(qtbot: Any, tmp_path: Path) -> None:
    made, student = tmp_path / "teacher", tmp_path / "student"
    made.mkdir()
    student.mkdir()
    pane = _pane_with_a_table(qtbot, made)
    assert pane.embed_box.isEnabled() and not pane.embed_box.isChecked()
    pane.embed_box.click()
    state = pane.state
    assert state.project.data.embedded is not None and state.dirty
    assert "carry its data" in pane.status_label.text()
    save_project(state.project, made / "lab.netcanvas")
    shutil.copy(made / "lab.netcanvas", student / "lab.netcanvas")
    shutil.rmtree(made)
    again = load_dataset(load_project(student / "lab.netcanvas").data)
    assert len(again.train) == len(state.dataset.train)

    pane.embed_box.click()  # untick: only the path is kept again
    assert state.project.data.embedded is None


def test_a_dataset_over_the_limit_is_refused_with_the_limit_named(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "MAX_EMBEDDED_BYTES", 1000)
    pane = _pane_with_a_table(qtbot, tmp_path)
    pane.embed_box.click()
    assert not pane.embed_box.isChecked() and pane.state.project.data.embedded is None
    assert "a project can embed at most" in pane.status_label.text()
    assert not pane.state.dirty
