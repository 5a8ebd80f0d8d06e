"""ONNX export: every template, verified in onnxruntime, one self-contained file with metadata."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch
from test_train_fixtures import image_dataset, table_dataset, text_dataset

from engine.build import build_model
from engine.data import Dataset
from engine.export import export_onnx, read_metadata
from engine.templates import TEMPLATES, make_template
from engine.types import NetCanvasError


def dataset_for(template_id: str) -> Dataset:
    if template_id in ("seed-cnn", "lenet5", "resnet-mini"):
        return image_dataset(n=20, size=28, classes=10)
    if template_id.startswith("char-"):
        return text_dataset(n=20)
    return table_dataset(n=40)


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_exports_with_parity(template_id: str, tmp_path: Path) -> None:
    ds = dataset_for(template_id)
    model = build_model(make_template(template_id, ds.context()), seed=0)
    target = tmp_path / f"{template_id}.onnx"
    result = export_onnx(model, ds, target)
    assert result.max_abs_diff <= 1e-5
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no external data, no temp
    proto = onnx.load(str(target))
    onnx.checker.check_model(proto, full_check=True)
    dims = proto.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param  # symbolic batch axis
    if ds.kind == "text":
        assert dims[1].dim_param  # and sequence axis
    meta = read_metadata(target)
    assert meta == result.metadata
    assert meta["task"] == ds.task and json.loads(meta["input_shape"]) == ["N", *ds.input_shape]
    if ds.kind == "image":
        assert json.loads(meta["normalisation_mean"]) == pytest.approx(ds.mean.tolist())
        assert json.loads(meta["value_range"]) == [0, 255]
    # A batch size the export never saw, run from the file alone.
    x = ds.preprocess(ds.train.x[:5]).numpy()
    session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    with torch.no_grad():
        expected = model.eval()(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(session.run(None, {"input": x})[0], expected, atol=1e-5)


@pytest.mark.slow
def test_dynamo_exporter_also_verifies(tmp_path: Path) -> None:
    # The fallback exporter; its first use imports torch.export (slow), so one small model.
    ds = table_dataset(n=40)
    model = build_model(make_template("mlp", ds.context()), seed=0)
    result = export_onnx(model, ds, tmp_path / "m.onnx", exporter="dynamo")
    assert result.exporter == "dynamo" and result.max_abs_diff <= 1e-5


def test_mismatch_fails_loudly_and_keeps_the_old_file(tmp_path: Path) -> None:
    ds = table_dataset(n=40)
    model = build_model(make_template("mlp", ds.context()), seed=0)
    target = tmp_path / "m.onnx"
    target.write_bytes(b"old")
    with pytest.raises(NetCanvasError, match="differs"):
        export_onnx(model, ds, target, exporter="torchscript", tolerance=-1.0)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.onnx"]
    with pytest.raises(NetCanvasError, match="does not exist"):
        export_onnx(model, ds, tmp_path / "missing" / "m.onnx")
