"""File ▸ Export dialogs, driven as a user would: real engine exports, file pickers answered."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from engine import DataRef, build_model, load_dataset, load_weights, new_project
from gui import export_dialogs
from gui.document import ProjectDocument


@pytest.fixture(scope="module")
def iris() -> Any:
    return load_dataset(DataRef("iris"))


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    win = QMainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def state(iris: Any, tmp_path: Path) -> ProjectDocument:
    project = new_project("mlp", DataRef("iris"), iris.context())
    project.name = "Iris: lab/1"
    st = ProjectDocument(project)
    st.set_dataset(iris)
    st.set_model(build_model(project.graph, seed=1))
    st.path = tmp_path / "iris.netcanvas"
    return st


class Boxes:
    """Records the message boxes a dialog shows instead of blocking on them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._record(kind))

    def _record(self, kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *args: object) -> int:
            self.shown.append((kind, text))
            return 0

        return staticmethod(show)


def _answer_save(monkeypatch: pytest.MonkeyPatch, path: Path, filter_index: int = 0) -> list[str]:
    """Answer the next save dialogs with ``path`` and the filter at ``filter_index``; returns the
    default paths the dialogs proposed."""
    proposed: list[str] = []

    def fake(_parent: object, _title: str, default: str, filters: str, *a: object) -> Any:
        proposed.append(default)
        return str(path), filters.split(";;")[filter_index]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return proposed


def test_onnx_dialog_exports_and_shows_the_verified_difference(
    qtbot: Any, window: QMainWindow, state: ProjectDocument, tmp_path: Path
) -> None:
    dialog = export_dialogs.export_onnx_dialog(window, state)
    assert dialog is not None
    assert (dialog.opset_spin.minimum(), dialog.opset_spin.maximum()) == (13, 20)
    assert dialog.opset_spin.value() == 18 and dialog.dynamic_check.isChecked()
    # The proposed file sits beside the project, named after it (without unsafe characters).
    assert Path(dialog.path_edit.text()) == tmp_path / "Iris_ lab_1.onnx"

    dialog.path_edit.setText(str(tmp_path / "model"))
    dialog.opset_spin.setValue(17)
    dialog.dynamic_check.setChecked(False)
    with qtbot.waitSignal(dialog.sig_exported, timeout=120_000) as blocker:
        dialog.export_button.click()
        assert dialog.busy.isVisibleTo(dialog) and not dialog.export_button.isEnabled()
        # An export cannot be interrupted: closing waits for it.
        dialog.reject()
        assert dialog.isVisible()
    result = blocker.args[0]
    assert dialog.wait()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    assert result.path == tmp_path / "model.onnx" and result.path.stat().st_size > 0
    assert result.opset == 17 and result.max_abs_diff <= 1e-4
    assert "largest difference" in dialog.status.text()
    assert f"{result.max_abs_diff:.2e}" in dialog.status.text()
    assert not dialog.busy.isVisibleTo(dialog)
    assert "model.onnx" in window.statusBar().currentMessage()
    dialog.close()


def test_onnx_dialog_shows_the_engines_error(
    qtbot: Any, window: QMainWindow, state: ProjectDocument, tmp_path: Path
) -> None:
    dialog = export_dialogs.export_onnx_dialog(window, state)
    assert dialog is not None
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "m.onnx"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Export failed" in dialog.status.text(), timeout=60_000)
    assert "does not exist" in dialog.status.text()
    assert dialog.wait()
    dialog.close()


def test_model_exports_need_a_model_and_no_running_training(
    window: QMainWindow, state: ProjectDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch)
    state.set_training(True)
    assert export_dialogs.export_onnx_dialog(window, state) is None
    assert export_dialogs.export_weights_dialog(window, state) is None
    state.set_training(False)
    state.set_model(None)
    assert export_dialogs.export_onnx_dialog(window, state) is None
    assert [kind for kind, _ in boxes.shown] == ["information"] * 3
    assert "Training is running" in boxes.shown[0][1]
    assert "no trained model" in boxes.shown[2][1]


def test_a_model_of_an_older_network_is_not_exported(
    window: QMainWindow, state: ProjectDocument, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The editor shows another network than the trained one: the file would not match it.
    boxes = Boxes(monkeypatch)
    graph = state.project.graph
    hidden = next(n for n in graph.nodes.values() if n.type == "Linear")
    graph.set_param(hidden.id, "units", int(hidden.params["units"]) + 5)
    assert export_dialogs.export_onnx_dialog(window, state) is None
    assert export_dialogs.export_weights_dialog(window, state) is None
    assert [kind for kind, _ in boxes.shown] == ["information"] * 2
    assert all("changed since this model was trained" in text for _, text in boxes.shown)
    graph.set_param(hidden.id, "units", int(hidden.params["units"]) - 5)  # undone: fine again
    _answer_save(monkeypatch, tmp_path / "w.safetensors")
    assert export_dialogs.export_weights_dialog(window, state) is not None
    output = next(n for n in graph.nodes.values() if n.type == "Output")
    graph.set_param(output.id, "units", 7)  # iris has 3 classes: an invalid network
    assert export_dialogs.export_weights_dialog(window, state) is None
    assert "The network has errors" in boxes.shown[-1][1]


@pytest.mark.parametrize(("filter_index", "suffix"), [(0, ".safetensors"), (1, ".pt")])
def test_weights_dialog_writes_the_chosen_format(
    window: QMainWindow,
    state: ProjectDocument,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    filter_index: int,
    suffix: str,
) -> None:
    _answer_save(monkeypatch, tmp_path / "weights", filter_index)
    written = export_dialogs.export_weights_dialog(window, state)
    assert written == tmp_path / f"weights{suffix}"
    loaded = load_weights(written)
    assert set(loaded) == set(state.model.state_dict())


def _run(run_id: str) -> Any:
    from engine import RunRecord

    return RunRecord(
        id=run_id,
        created="2026-11-26T10:00:00",
        settings={"lr": 0.01},
        history={"loss": [1.0, 0.5], "accuracy": [0.4, 0.8]},
        steps={"epoch": [0.5, 1.0, 1.5, 2.0], "loss": [1.1, 0.9, 0.6, 0.5]},
    )


def test_history_dialog_writes_csv_and_explains_missing_tensorboard(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    boxes = Boxes(monkeypatch)
    assert export_dialogs.export_history_dialog(window, state) is None
    assert "no training runs" in boxes.shown[-1][1]

    state.project.runs += [_run("run-1"), _run("run-2")]
    _answer_save(monkeypatch, tmp_path / "curves", 1)  # per logged step
    written = export_dialogs.export_history_dialog(window, state)
    assert written == tmp_path / "curves.csv"
    rows = list(csv.DictReader(written.open(encoding="utf-8")))
    assert len(rows) == 8 and rows[-1]["run"] == "run-2" and float(rows[-1]["loss"]) == 0.5

    # TensorBoard files without the tensorboard package (the offline installer has none).
    monkeypatch.setitem(sys.modules, "tensorboard", None)
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)
    _answer_save(monkeypatch, tmp_path / "tb.csv", 2)
    written = export_dialogs.export_history_dialog(window, state)
    assert written is not None and sorted(p.name for p in written.iterdir()) == ["run-1", "run-2"]
    assert all(next((written / run).glob("events.out.tfevents.*")) for run in ("run-1", "run-2"))


def test_report_dialog_includes_the_evaluation_and_the_name(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state.project.runs.append(_run("run-1"))
    _answer_save(monkeypatch, tmp_path / "report", 0)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Ada L.", True)))
    written = export_dialogs.export_report_dialog(window, state)
    assert written == tmp_path / "report.html"
    html = written.read_text(encoding="utf-8")
    assert "Ada L." in html and "Confusion matrix" in html
    for name in state.dataset.class_names:
        assert name in html


def test_cancelling_a_file_picker_writes_nothing(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert export_dialogs.export_weights_dialog(window, state) is None
    assert export_dialogs.export_script_dialog(window, state) is None
    assert export_dialogs.export_report_dialog(window, state) is None
    assert list(tmp_path.iterdir()) == []


def test_script_dialog_saves_runnable_python(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_save(monkeypatch, tmp_path / "train_iris", 0)
    written = export_dialogs.export_script_dialog(window, state)
    assert written == tmp_path / "train_iris.py"
    compile(written.read_text(encoding="utf-8"), str(written), "exec")


def test_script_dialog_writes_the_data_beside_it_and_the_folder_runs_anywhere(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import subprocess
    import sys

    folder = tmp_path / "export"
    folder.mkdir()
    _answer_save(monkeypatch, folder / "train_iris", 0)
    assert export_dialogs.export_script_dialog(window, state) == folder / "train_iris.py"
    assert sorted(p.name for p in folder.iterdir()) == ["iris.npz", "train_iris.py"]
    message = window.statusBar().currentMessage()
    assert "train_iris.py" in message and "iris.npz" in message  # says what it wrote

    landed, third = tmp_path / "landed", tmp_path / "third"
    shutil.copytree(folder, landed)
    third.mkdir()
    run = subprocess.run(
        [sys.executable, str(landed / "train_iris.py"), "--epochs", "1", "--out", "w.pt"],
        cwd=third,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr
    assert "epoch 1/1" in run.stdout and "test" in run.stdout


def test_script_dialog_without_a_loaded_dataset_says_the_data_is_missing(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state.set_dataset(None)
    _answer_save(monkeypatch, tmp_path / "train_iris.py", 0)
    assert export_dialogs.export_script_dialog(window, state) == tmp_path / "train_iris.py"
    assert [p.name for p in tmp_path.iterdir()] == ["train_iris.py"]
    assert "without its data" in window.statusBar().currentMessage()


def test_report_is_written_even_when_the_evaluation_fails(
    window: QMainWindow, state: ProjectDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    state.set_model(torch.nn.Linear(3, 3))  # does not fit the 4 iris features: evaluate fails
    _answer_save(monkeypatch, tmp_path / "report.html", 0)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    written = export_dialogs.export_report_dialog(window, state)
    assert written == tmp_path / "report.html"
    assert "No evaluation" in written.read_text(encoding="utf-8")


def test_a_project_never_saved_exports_to_the_last_folder_used_not_the_working_folder(
    window: QMainWindow, state: ProjectDocument, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    state.path = None
    proposed = _answer_save(monkeypatch, tmp_path / "lab" / "first.py")
    (tmp_path / "lab").mkdir()
    assert export_dialogs.export_script_dialog(window, state) is not None
    assert Path(proposed[0]).parent == Path.home()  # nothing chosen yet: the home folder
    assert export_dialogs.export_script_dialog(window, state) is not None
    assert Path(proposed[1]).parent == tmp_path / "lab"  # where the user saved last time
