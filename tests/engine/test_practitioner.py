"""What a practitioner does with NetCanvas's objects in their own code: save the whole built
model with torch.save and load it back, and feed a split to a DataLoader."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import torch
from torch.utils.data import DataLoader

from engine import TEMPLATES, DataRef, as_torch_dataset, build_model, load_dataset
from engine.templates import make_template
from engine.types import DataError

torch.set_num_threads(1)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_torch_save_of_a_built_model_round_trips(template: str, tmp_path: Path) -> None:
    graph = make_template(template)
    model = build_model(graph, seed=3).eval()
    path = tmp_path / "model.pt"
    torch.save(model, path)
    loaded = torch.load(path, weights_only=False).eval()
    assert type(loaded) is type(model)
    assert type(model).__module__ == "engine.graph_module"  # importable by name, not local
    shape = graph.analysis.nodes[graph.input_nodes()[0].id].output_shape
    assert shape is not None
    if graph.input_nodes()[0].params.get("kind") == "tokens":
        x = torch.randint(0, 10, (2, *shape))
    else:
        x = torch.randn(2, *shape)
    with torch.no_grad():
        assert torch.equal(loaded(x), model(x))
        assert torch.equal(copy.deepcopy(model)(x), model(x))


@pytest.mark.parametrize("source", ["digits-8x8", "moons"])
def test_a_split_feeds_a_dataloader_with_what_the_trainer_feeds_the_model(source: str) -> None:
    dataset = load_dataset(DataRef(source))
    train = as_torch_dataset(dataset, "train")
    assert len(train) == len(dataset.train)
    loader = DataLoader(train, batch_size=16, shuffle=False)
    x, y = next(iter(loader))
    first = torch.arange(16)
    assert torch.allclose(x, dataset.preprocess(dataset.train.x[first]))
    assert torch.equal(y, dataset.train.y[first])
    assert x.dtype == torch.float32 and tuple(x.shape[1:]) == tuple(dataset.input_shape)
    one_x, one_y = train[5]  # a single sample, as a map-style Dataset gives it
    assert torch.allclose(one_x, x[5]) and torch.equal(one_y, y[5])
    seen = sum(len(batch_y) for _batch_x, batch_y in DataLoader(train, batch_size=64, shuffle=True))
    assert seen == len(dataset.train)


def test_a_missing_split_is_named() -> None:
    dataset = load_dataset(DataRef("moons"))
    dataset.test = None
    with pytest.raises(DataError, match="no test split"):
        as_torch_dataset(dataset, "test")
