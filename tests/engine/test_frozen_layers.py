"""Transfer learning: frozen layers keep their weights, stay out of the optimiser, are counted
apart, survive the project file, and a network with nothing left to train says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from test_train_fixtures import image_dataset

from engine.build import build_model
from engine.cli import main
from engine.data import Dataset
from engine.graph import Graph
from engine.project import Project, load_project, new_project, save_project
from engine.session import prepare_run
from engine.train.optim import make_optimizer
from engine.types import DataRef, GraphError, NetCanvasError, TrainSettings

torch.set_num_threads(1)


def _frozen_cnn() -> tuple[Project, Dataset]:
    """resnet-mini on tiny images with its first convolution and BatchNorm frozen."""
    ds = image_dataset(n=60, size=8, classes=3)
    project = new_project("resnet-mini", DataRef("tiny"), ds.context())
    g = project.graph
    for name in ("conv2d_1", "batchnorm2d_1"):
        node = g.node_by_name(name)
        assert node is not None
        g.set_trainable(node.id, False)
    return project, ds


def test_a_frozen_layer_is_bit_identical_after_a_run_while_the_others_change() -> None:
    project, ds = _frozen_cnn()
    settings = TrainSettings(epochs=2, batch_size=8, lr=0.05, optimizer="adamw", weight_decay=0.1)
    trainer = prepare_run(project, ds, settings).trainer(num_threads=1)
    before = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    record = trainer.fit()
    assert record.status == "finished", record.message
    after = trainer.state_dict_cpu()
    frozen = [k for k in before if k.startswith(("conv2d_1.", "batchnorm2d_1."))]
    # weights, biases and BatchNorm's running statistics (a frozen layer runs as at inference)
    assert len(frozen) == 7
    for key in frozen:
        assert torch.equal(after[key], before[key]), key
    trained = [k for k in before if k.startswith(("conv2d_2.", "output.")) and "weight" in k]
    assert trained and all(not torch.equal(after[k], before[k]) for k in trained)


def test_frozen_parameters_need_no_gradient_and_stay_out_of_the_optimiser() -> None:
    project, _ = _frozen_cnn()
    model = build_model(project.graph)
    frozen = {id(p) for p in model.conv2d_1.parameters()}
    assert all(not p.requires_grad for p in model.conv2d_1.parameters())
    optimizer = make_optimizer(model, TrainSettings())
    handed = {id(p) for group in optimizer.param_groups for p in group["params"]}
    assert handed and not handed & frozen
    model.train()
    model(torch.randn(2, 1, 8, 8))  # the forward puts the frozen BatchNorm back in inference
    assert not model.batchnorm2d_1.training and model.batchnorm2d_2.training


def test_the_analysis_counts_trainable_and_frozen_parameters() -> None:
    project, _ = _frozen_cnn()
    a = project.graph.analysis
    conv = 1 * 16 * 9 + 16
    assert a.frozen_params == conv + 2 * 16
    assert a.trainable_params == a.total_params - a.frozen_params
    thawed = new_project("resnet-mini", DataRef("tiny"), project.graph.context)
    saved = 4 * 3 * a.frozen_params  # no gradient and no two moments per frozen weight
    assert thawed.graph.analysis.memory_bytes(8) - a.memory_bytes(8) == saved


def test_the_flag_round_trips_through_the_project_and_old_files_load(tmp_path: Path) -> None:
    project, _ = _frozen_cnn()
    path = tmp_path / "frozen.netcanvas"
    save_project(project, path)
    loaded = load_project(path)
    frozen = {n.name for n in loaded.graph.nodes.values() if not n.trainable}
    assert frozen == {"conv2d_1", "batchnorm2d_1"}
    data = loaded.graph.to_dict()
    assert sum("trainable" in n for n in data["nodes"]) == 2  # only the frozen ones say so
    for node in data["nodes"]:
        node.pop("trainable", None)  # a file from before the flag existed
    assert all(n.trainable for n in Graph.from_dict(data).nodes.values())
    data["nodes"][0]["trainable"] = "no"
    with pytest.raises(GraphError, match="trainable must be true or false"):
        Graph.from_dict(data)


def test_copy_and_paste_keep_the_flag_and_events_announce_it() -> None:
    g = Graph()
    node = g.add_node("Linear", {"units": 3})
    events: list[str] = []
    g.subscribe(lambda e: events.append(e.kind))
    g.set_trainable(node.id, False)
    g.set_trainable(node.id, False)  # no change, no event
    assert events.count("trainable_changed") == 1
    (pasted,) = g.paste(g.copy_nodes([node.id]))
    assert g.nodes[pasted].trainable is False


def test_a_network_with_every_layer_frozen_warns_and_refuses_to_train() -> None:
    ds = image_dataset(n=30, size=8, classes=3)
    project = new_project("seed-cnn", DataRef("tiny"), ds.context())
    g = project.graph
    for node in list(g.nodes.values()):
        g.set_trainable(node.id, False)
    assert g.analysis.valid
    assert any("Every layer with weights is frozen" in i.message for i in g.analysis.issues)
    with pytest.raises(NetCanvasError, match="nothing to train"):
        make_optimizer(build_model(g), TrainSettings())


def test_info_counts_frozen_parameters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project, _ = _frozen_cnn()
    path = tmp_path / "p.netcanvas"
    save_project(project, path)
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["frozen_parameters"] == 16 * 9 + 16 + 32
    assert info["trainable_parameters"] == info["parameters"] - info["frozen_parameters"]
    assert [r["name"] for r in info["layers"] if not r["trainable"]] == [
        "conv2d_1",
        "batchnorm2d_1",
    ]
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "conv2d_1" in out and "(frozen)" in out and "frozen: 192" in out
