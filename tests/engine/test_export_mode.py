"""Exported files get the mode the user's umask gives a saved file, not a temporary file's 0600
(a teacher on a shared lab server could not read the students' exports)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_train_fixtures import table_dataset, table_model

from engine.export import export_onnx
from engine.export_files import write_text_file
from engine.weights_export import export_weights


@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_follow_the_umask(umask: int, tmp_path: Path) -> None:
    wanted = 0o666 & ~umask
    text = write_text_file(tmp_path / "report.html", "<p>ok</p>")
    weights = export_weights(table_model(), tmp_path / "w.safetensors")
    onnx = export_onnx(table_model(), table_dataset(), tmp_path / "m.onnx").path
    assert [mode(Path(p)) for p in (text, weights, onnx)] == [wanted] * 3
