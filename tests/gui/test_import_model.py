"""File ▸ Import Model…: an ONNX file opens, on a worker, as a new unsaved project with its
weights; a refusal is shown in a message box with every node it names."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from PySide6.QtWidgets import QMessageBox

from gui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "engine"))


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("NETCANVAS_RECOVERY_DIR", str(tmp_path / "recovery"))
    win = MainWindow(offer_recovery=False)
    yield win
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert win.close()
    win.deleteLater()


def _mlp_onnx(tmp_path: Path) -> Path:
    from test_export_onnx import dataset_for

    from engine import build_model, export_onnx, make_template

    ds = dataset_for("mlp")
    target = tmp_path / "iris-mlp.onnx"
    export_onnx(build_model(make_template("mlp", ds.context()), seed=0), ds, target)
    return target


def test_the_file_menu_has_import_model(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_import in file_menu.actions()
    assert window.act_import.text() == "&Import Model…"


def test_import_opens_a_new_unsaved_project_with_its_weights(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    path = _mlp_onnx(tmp_path)
    before = window.state.project
    window.import_model_file(str(path))
    qtbot.waitUntil(lambda: window.state.project is not before, timeout=20000)
    project = window.state.project
    assert project.name == "iris-mlp" and window.state.path is None and window.state.dirty
    assert [n.type for n in project.graph.nodes.values()] == [
        "Input",
        "Linear",
        "ReLU",
        "Linear",
        "ReLU",
        "Output",
    ]
    assert project.weights is not None and "output.weight" in project.weights
    assert project.data.source == "iris"
    assert "Imported iris-mlp." in window.statusBar().currentMessage()


def test_a_refusal_shows_one_box_listing_the_nodes(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    graph = helper.make_graph(
        [
            helper.make_node("Hardmax", ["x"], ["h"], name="hard_1"),
            helper.make_node("Erf", ["h"], ["e"], name="erf_1"),
            helper.make_node("Gemm", ["e", "w"], ["y"], transB=1),
        ],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
        initializer=[numpy_helper.from_array(np.ones((3, 4), np.float32), "w")],
    )
    path = tmp_path / "odd.onnx"
    onnx.save(helper.make_model(graph), str(path))
    before = window.state.project
    window.import_model_file(str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert len(shown) == 1 and "'hard_1'" in shown[0] and "'erf_1'" in shown[0]
    assert window.state.project is before  # nothing half-imported


def test_paste_as_network_from_the_clipboard(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    edit_menu = window.menuBar().actions()[1].menu()
    assert window.act_paste_network in edit_menu.actions()
    QApplication.clipboard().setText(
        "net = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Dropout(0.2),\n"
        "                    nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 3))"
    )
    window.act_paste_network.trigger()
    project = window.state.project
    assert [n.type for n in project.graph.nodes.values()] == [
        "Input",
        "Linear",
        "ReLU",
        "Dropout",
        "Linear",
        "ReLU",
        "Output",
    ]
    assert project.weights is None and window.state.dirty and window.state.path is None

    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        shown.append(text)  # the unsaved pasted network is discarded, then the refusal
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    QApplication.clipboard().setText("net = nn.Sequential(nn.Linear(4, 8), Swish(), Mish())")
    window.act_paste_network.trigger()
    assert len(shown) == 2 and "unsaved changes" in shown[0]
    assert "'Swish()'" in shown[1] and "'Mish()'" in shown[1]
    assert window.state.project is project
