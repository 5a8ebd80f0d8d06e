"""Weights export: safetensors and .pt files that load back into the same network."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors import safe_open

from engine.build import build_model
from engine.export_files import atomic_write
from engine.templates import make_template
from engine.types import DataContext, NetCanvasError
from engine.weights_export import export_weights, load_weights


@pytest.fixture(scope="module")
def model() -> torch.nn.Module:
    graph = make_template("mlp", DataContext(input_shape=(4,), num_classes=3, input_kind="table"))
    return build_model(graph, seed=3)


@pytest.mark.parametrize("name", ["w.safetensors", "w.pt", "w.pth"])
def test_round_trip_restores_every_tensor(
    model: torch.nn.Module, tmp_path: Path, name: str
) -> None:
    path = export_weights(model, tmp_path / name)
    loaded = load_weights(path)
    expected = model.state_dict()
    assert set(loaded) == set(expected)
    for key, tensor in expected.items():
        assert torch.equal(loaded[key], tensor), key
    # The loaded dict drives a fresh copy of the network to the same outputs.
    fresh = build_model(
        make_template("mlp", DataContext((4,), num_classes=3, input_kind="table")), seed=99
    )
    fresh.load_state_dict(loaded)
    x = torch.randn(5, 4)
    assert torch.equal(fresh.eval()(x), model.eval()(x))


def test_pt_is_a_plain_dict_that_weights_only_loading_accepts(
    model: torch.nn.Module, tmp_path: Path
) -> None:
    path = export_weights(model, tmp_path / "w.pt")
    raw = torch.load(path, weights_only=True)
    assert type(raw) is dict
    assert all(isinstance(v, torch.Tensor) for v in raw.values())


def test_safetensors_header_carries_metadata(model: torch.nn.Module, tmp_path: Path) -> None:
    path = export_weights(model, tmp_path / "w.safetensors", metadata={"netcanvas.graph": "{}"})
    with safe_open(str(path), framework="pt") as handle:
        meta = handle.metadata()
    assert meta["producer"] == "NetCanvas"
    assert meta["netcanvas.graph"] == "{}"


def test_tied_weights_are_written(tmp_path: Path) -> None:
    # safetensors refuses tensors sharing memory; the exporter copies them apart.
    shared = torch.nn.Linear(3, 3)
    net = torch.nn.Sequential(shared, shared)
    loaded = load_weights(export_weights(net, tmp_path / "tied.safetensors"))
    assert torch.equal(loaded["0.weight"], loaded["1.weight"])


def test_unknown_extension_and_empty_models_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NetCanvasError, match=r"\.safetensors or \.pt"):
        export_weights(torch.nn.Linear(2, 2), tmp_path / "w.bin")
    with pytest.raises(NetCanvasError, match="no weights"):
        export_weights(torch.nn.ReLU(), tmp_path / "w.pt")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_destination_is_a_clear_error(model: torch.nn.Module, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(NetCanvasError, match=r"Could not write .*Choose another folder"):
        export_weights(model, blocker / "w.safetensors")


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("previous")

    def failing(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(NetCanvasError, match="No space left on device"):
        atomic_write(target, failing)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
