"""The Input's preprocessing record: a network says how raw inputs become its inputs (the
dataset's own statistics, or a fixed scale, mean and std an imported model was trained with),
the data follows it everywhere the engine feeds the network, and `info` shows it."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from engine.cli import main
from engine.data import load_dataset
from engine.layers import ShapeProblem, TensorType, layer_spec
from engine.project import new_project, save_project
from engine.session import check_fits
from engine.types import DataRef

DIGITS = DataRef("digits-8x8", {"seed": 0})


def _fixed(project: object, **values: object) -> None:
    graph = project.graph  # type: ignore[attr-defined]
    node = graph.input_nodes()[0]
    graph.set_param(node.id, "normalise", "fixed")
    for key, value in values.items():
        graph.set_param(node.id, key, value)


def test_the_data_follows_the_record_and_returns_to_its_own_statistics() -> None:
    dataset = load_dataset(DIGITS)
    own_mean, own_std = dataset.mean.clone(), dataset.std.clone()
    raw = dataset.test.x[:4]
    own = dataset.preprocess(raw)
    project = new_project("seed-cnn", DIGITS, dataset.context())
    _fixed(project, scale=1.0, mean=[8.0], std=[4.0])
    check_fits(project.graph, dataset)  # what prepare_run and the CLI call
    assert torch.allclose(dataset.preprocess(raw), (raw.float() - 8.0) / 4.0)
    project.graph.set_param(project.graph.input_nodes()[0].id, "normalise", "dataset")
    check_fits(project.graph, dataset)
    assert torch.equal(dataset.preprocess(raw), own)
    assert torch.equal(dataset.mean, own_mean) and torch.equal(dataset.std, own_std)


def test_a_table_takes_one_mean_per_feature() -> None:
    dataset = load_dataset(DataRef("iris"))
    project = new_project("mlp", DataRef("iris"), dataset.context())
    _fixed(project, scale=0.1, mean=[1.0, 2.0, 3.0, 4.0], std=[2.0])
    check_fits(project.graph, dataset)
    raw = dataset.test.x[:3]
    expected = (raw.float() * 0.1 - torch.tensor([1.0, 2.0, 3.0, 4.0])) / 2.0
    assert torch.allclose(dataset.preprocess(raw), expected)


def test_mean_and_std_need_one_number_or_one_per_channel() -> None:
    spec = layer_spec("Input")
    params = {**spec.defaults(), "channels": 3, "normalise": "fixed", "mean": (0.5, 0.5)}
    assert spec.rule is not None
    with pytest.raises(ShapeProblem, match="Input's mean lists 2 numbers"):
        spec.rule(params, [])
    params["mean"] = (0.485, 0.456, 0.406)
    assert spec.rule(params, []).out == TensorType((3, 28, 28))
    with pytest.raises(ValueError, match="between 1 and 64 numbers"):
        spec.param("std").validate(["x"])
    with pytest.raises(ValueError):
        spec.param("std").validate([0.0])  # below its minimum: no division by zero


def test_info_shows_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = new_project("seed-cnn", DIGITS, load_dataset(DIGITS).context())
    _fixed(project, mean=[0.1307], std=[0.3081])
    path = tmp_path / "p.netcanvas"
    save_project(project, path)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "preprocessing: (raw × 0.00392157 − mean 0.1307) / std 0.3081 (the Input's own)" in out
