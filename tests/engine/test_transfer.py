"""Starting from another project's weights: layers matched by name and shape, CLI --init-from."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from engine.build import build_model
from engine.cli import main
from engine.project import load_project, save_project
from engine.train.transfer import copy_matching_layers


def test_only_layers_with_the_same_name_and_shapes_are_copied() -> None:
    target = {
        "a.weight": torch.zeros(2, 3),
        "a.bias": torch.zeros(2),
        "b.weight": torch.zeros(4, 3),
        "c.weight": torch.zeros(1),
    }
    source = {
        "a.weight": torch.ones(2, 3),
        "a.bias": torch.ones(2),
        "b.weight": torch.ones(5, 3),  # another shape: b keeps its own
        "d.weight": torch.ones(1),  # no such layer here
    }
    merged, copied = copy_matching_layers(target, source)
    assert copied == ["a"]
    assert torch.equal(merged["a.weight"], source["a.weight"])
    assert torch.equal(merged["b.weight"], target["b.weight"]) and set(merged) == set(target)
    merged["a.weight"] += 1  # a copy: the other project's weights are untouched
    assert torch.equal(source["a.weight"], torch.ones(2, 3))


def test_cli_init_from_copies_matching_layers_which_stay_frozen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    iris, wine = str(tmp_path / "iris.netcanvas"), str(tmp_path / "wine.netcanvas")
    for path, data in ((iris, "iris"), (wine, "wine")):
        assert main(["new", path, "--template", "mlp", "--data", data]) == 0
    assert main(["train", wine, "--init-from", iris, "--epochs", "1"]) == 2
    assert "no trained weights" in capsys.readouterr().err
    assert main(["train", iris, "--epochs", "2", "--quiet"]) == 0
    trained = load_project(iris).weights
    assert trained is not None

    # Freeze the hidden layers that match (4 iris features, 13 wine ones: linear_1 differs).
    project = load_project(wine)
    for name in ("linear_2", "output"):
        node = project.graph.node_by_name(name)
        assert node is not None
        project.graph.set_trainable(node.id, False)
    save_project(project, wine)
    capsys.readouterr()
    assert main(["train", wine, "--init-from", iris, "--epochs", "2", "--quiet"]) == 0
    assert f"starting 2 layers from {iris}: linear_2, output" in capsys.readouterr().out
    weights = load_project(wine).weights
    assert weights is not None
    for key in ("linear_2.weight", "linear_2.bias", "output.weight", "output.bias"):
        assert torch.equal(weights[key], trained[key]), key
    fresh = build_model(project.graph, project.settings.seed).state_dict()
    assert not torch.equal(weights["linear_1.weight"], fresh["linear_1.weight"])  # it trained
