"""Starting from another project's weights: layers matched by name and shape, CLI --init-from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

from engine.build import build_model
from engine.cli import main
from engine.data import load_dataset
from engine.project import load_project, new_project, save_project
from engine.session import adopt_run, prepare_run
from engine.train.transfer import copy_matching_layers, reuse_layers
from engine.types import DataRef, ProjectError, TrainSettings


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


def _trained_on(template: str, data: str, epochs: int = 2) -> Any:
    """A project of ``template`` on built-in ``data`` with the weights of a short real run."""
    dataset = load_dataset(DataRef(data))
    project = new_project(template, DataRef(data), dataset.context())
    settings = TrainSettings.from_dict({**project.settings.to_dict(), "epochs": epochs})
    run = prepare_run(project, dataset, settings)
    trainer = run.trainer(num_threads=1)
    record = trainer.fit()
    assert adopt_run(project, record, trainer.state_dict_cpu())
    return project


def test_reusing_matching_layers_keeps_the_network_and_fine_tunes_from_them() -> None:
    iris = _trained_on("mlp", "iris")
    wine_data = load_dataset(DataRef("wine"))
    wine = new_project("mlp", DataRef("wine"), wine_data.context())
    before = wine.graph.to_dict()
    reuse = reuse_layers(wine, iris, wine_data.context(), whole_network=False, freeze=True)
    assert reuse.copied == ["linear_2", "output"]  # linear_1 reads 13 features, not 4
    assert wine.graph.to_dict() == before and wine.weights is None  # the original is untouched
    reused = reuse.project
    # The Output starts from the other's weights but trains: it is this task's head.
    assert [n.name for n in reused.graph.nodes.values() if not n.trainable] == ["linear_2"]
    assert reused.settings.init == "saved" and reused.weights is not None
    # The next run (as the window starts it) starts from the reused layers, which stay frozen,
    # and the layer they do not fit trains from fresh weights.
    run = prepare_run(reused, wine_data)
    assert run.weights is not None
    trainer = run.trainer(num_threads=1)
    record = trainer.fit(1)
    assert record.status == "finished", record.message
    after = trainer.state_dict_cpu()
    assert torch.equal(after["linear_2.weight"], iris.weights["linear_2.weight"])
    assert not torch.equal(after["output.weight"], iris.weights["output.weight"])
    fresh = build_model(reused.graph, reused.settings.seed).state_dict()
    assert not torch.equal(after["linear_1.weight"], fresh["linear_1.weight"])


def test_reusing_a_whole_network_adapts_it_to_this_data() -> None:
    digits = _trained_on("lenet5", "digits-8x8", epochs=1)
    mnist_data = load_dataset(DataRef("mnist-5k"))
    blank = new_project("blank", DataRef("mnist-5k"), mnist_data.context())
    reuse = reuse_layers(blank, digits, mnist_data.context(), whole_network=True, freeze=False)
    graph = reuse.project.graph
    assert graph.analysis.valid, [i.message for i in graph.analysis.issues]
    assert [n.name for n in graph.nodes.values()] == [n.name for n in digits.graph.nodes.values()]
    assert graph.node_by_name("output").params["units"] == 10
    assert "conv2d_1" in reuse.copied  # 1 channel in, 5×5 kernels: it fits at 28×28 too
    assert all(n.trainable for n in graph.nodes.values())
    run = prepare_run(reuse.project, mnist_data)
    assert torch.equal(run.weights["conv2d_1.weight"], digits.weights["conv2d_1.weight"])
    # Frozen, a CNN keeps its convolutions (the features that carry over) and its dense head
    # learns the new task.
    frozen = reuse_layers(blank, digits, mnist_data.context(), whole_network=True, freeze=True)
    graph = frozen.project.graph
    assert [n.name for n in graph.nodes.values() if not n.trainable] == ["conv2d_1", "conv2d_2"]


def test_reuse_refuses_untrained_and_unrelated_projects() -> None:
    iris_data = load_dataset(DataRef("iris"))
    iris = new_project("mlp", DataRef("iris"), iris_data.context())
    with pytest.raises(ProjectError, match="has no trained weights to reuse"):
        reuse_layers(iris, iris, iris_data.context(), whole_network=False, freeze=True)
    digits = _trained_on("seed-cnn", "digits-8x8", epochs=1)
    with pytest.raises(ProjectError, match="No layer of"):
        reuse_layers(iris, digits, iris_data.context(), whole_network=False, freeze=True)
