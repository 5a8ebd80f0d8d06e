"""``netcanvas-cli import``: an ONNX file becomes a project that trains, evaluates and exports
back; a refusal is one line, exit 2, nothing written. Run in-process (main())."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from test_export_onnx import dataset_for

from engine.build import build_model
from engine.cli import main
from engine.export import export_onnx
from engine.project import load_project
from engine.templates import make_template


def test_import_then_info_train_eval_and_export_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ds = dataset_for("mlp")
    model = build_model(make_template("mlp", ds.context()), seed=0)
    onnx_file = tmp_path / "mlp.onnx"
    export_onnx(model, ds, onnx_file)
    project_file = tmp_path / "imported.netcanvas"

    assert main(["import", str(onnx_file), str(project_file), "--data", "iris"]) == 0
    out = capsys.readouterr().out
    assert f"wrote {project_file}: 6 layers, 2,499 parameters, data 'iris'" in out
    project = load_project(project_file)
    assert project.data.source == "iris" and project.weights is not None

    assert main(["info", str(project_file)]) == 0
    assert "linear_1" in capsys.readouterr().out
    assert main(["eval", str(project_file), "--json"]) == 0  # the imported weights, as they are
    capsys.readouterr()
    assert main(["train", str(project_file), "--epochs", "1", "--quiet"]) == 0
    assert main(["export-onnx", str(project_file), str(tmp_path / "again.onnx")]) == 0
    onnx.checker.check_model(str(tmp_path / "again.onnx"))


def test_a_refusal_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = numpy_helper.from_array(np.ones((3, 4), np.float32), "w")
    graph = helper.make_graph(
        [
            helper.make_node("Hardmax", ["x"], ["h"], name="odd_one"),
            helper.make_node("Gemm", ["h", "w"], ["y"], transB=1),
        ],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])],
        initializer=[w],
    )
    model_file = tmp_path / "odd.onnx"
    onnx.save(helper.make_model(graph), str(model_file))
    out = tmp_path / "odd.netcanvas"
    assert main(["import", str(model_file), str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Hardmax 'odd_one'" in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["odd.onnx"]


def test_not_a_model_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"\x08\x07garbage" * 10)
    assert main(["import", str(junk), str(tmp_path / "out.netcanvas")]) == 2
    assert "junk.onnx" in capsys.readouterr().err
    assert not (tmp_path / "out.netcanvas").exists()
