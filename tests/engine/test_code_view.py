"""View ▸ Show as Code: the network as Keras and PyTorch code. The code is real — Keras builds
it with the same number of parameters, PyTorch's runs to the same outputs as the engine's
model with its weights — and Paste as Network reads both Sequential forms back into the same
layers."""

from __future__ import annotations

import os
from typing import Any

import pytest
import torch

from engine.build import build_model
from engine.code_view import keras_code, pytorch_code
from engine.importers import import_code
from engine.project import Project, new_project
from engine.templates import TEMPLATES, _Builder
from engine.types import DataRef

os.environ.setdefault("KERAS_BACKEND", "torch")

# No branches, torch's own layers; "text-conv": a Conv1d over embedded text between two swaps.
CHAINS = ["seed-cnn", "lenet5", "mlp", "toy2d", "char-lstm", "text-conv"]


def _project(template: str) -> Project:
    if template != "text-conv":
        return new_project(template, DataRef(TEMPLATES[template].default_data))
    project = new_project("char-lstm", DataRef(TEMPLATES["char-lstm"].default_data))
    graph = project.graph
    embedding, lstm = (
        next(n for n in graph.nodes.values() if n.type == kind) for kind in ("Embedding", "LSTM")
    )
    graph.disconnect(next(e for e in graph.edges if e.dst == lstm.id))
    last = _Builder(graph).chain(
        [
            ("SwapAxes", {}),
            ("Conv1d", {"filters": 24, "kernel_size": 5, "padding": "same"}),
            ("ReLU", {}),
            ("SwapAxes", {}),
        ],
        embedding.id,
    )
    graph.connect(last, lstm.id, 0)
    assert graph.analysis.valid, graph.analysis.issues
    return project


def _layers(project: Project) -> list[tuple[str, dict[str, Any]]]:
    graph = project.graph
    return [(graph.nodes[n].type, graph.nodes[n].params) for n in graph.topological_order()]


def _meaning(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """Parameters as they act: no padding however written, a pool's stride 0 (its size)."""
    out = dict(params)
    if str(out.get("padding")) in ("valid", "0"):
        out["padding"] = 0
    if kind.endswith("Pool2d") and out.get("stride") == 0:
        out["stride"] = out["pool_size"]
    return out


def _model_part(code: str) -> str:
    """The code up to the training lines (the data they name is the reader's)."""
    return code.split("\nmodel.compile(")[0].split("\nloss_fn = ")[0]


@pytest.mark.parametrize("template", CHAINS)
def test_both_sequentials_paste_back_as_the_same_layers(template: str) -> None:
    project = _project(template)
    codes = [keras_code(project), pytorch_code(project)]
    if template in ("char-lstm", "text-conv"):  # NetCanvas's LSTM returns its outputs: a Net class
        assert "class Net(nn.Module)" in codes.pop()
    for code in codes:
        pasted = import_code(code).project
        assert [t for t, _ in _layers(pasted)] == [t for t, _ in _layers(project)], code
        for (kind, mine), (_, theirs) in zip(_layers(project), _layers(pasted), strict=True):
            mine, theirs = _meaning(kind, mine), _meaning(kind, theirs)
            shared = {k: v for k, v in mine.items() if k in theirs and kind != "Input"}
            assert shared == {k: theirs[k] for k in shared}, (kind, code)


@pytest.mark.parametrize("template", [*CHAINS, "resnet-mini"])
def test_keras_builds_the_code_with_the_same_number_of_weights(template: str) -> None:
    pytest.importorskip("keras")
    import keras

    project = _project(template)
    space: dict[str, Any] = {}
    exec(_model_part(keras_code(project)), space)  # our own generated code, not a user's
    model: keras.Model = space["model"]
    trainable = sum(int(torch.tensor(w.shape).prod()) for w in model.trainable_weights)
    # PyTorch's LSTM has two bias vectors per gate (input and recurrent), Keras's one.
    second_biases = sum(
        4 * node.params["hidden_size"]
        for node in project.graph.nodes.values()
        if node.type == "LSTM"
    )
    assert trainable == project.graph.analysis.total_params - second_biases


@pytest.mark.parametrize("template", [*CHAINS, "resnet-mini", "char-transformer"])
def test_the_pytorch_code_computes_what_the_engines_model_does(template: str) -> None:
    project = _project(template)
    engine_model = build_model(project.graph, seed=0).eval()
    space: dict[str, Any] = {}
    exec(_model_part(pytorch_code(project)), space)
    model: torch.nn.Module = space["model"].eval()
    # nn.Sequential numbers its layers; the Net class keeps the node names: same tensors.
    state = list(engine_model.state_dict().values())
    assert [tuple(t.shape) for t in model.state_dict().values()] == [tuple(t.shape) for t in state]
    model.load_state_dict(dict(zip(model.state_dict(), state, strict=True)))
    p = project.graph.nodes[project.graph.topological_order()[0]].params
    if p["kind"] == "tokens":
        x = torch.randint(0, 90, (2, p["seq_len"]))
    elif p["kind"] == "image":
        x = torch.randn(2, p["channels"], p["height"], p["width"])
    else:
        x = torch.randn(2, p["features"])
    with torch.no_grad():
        assert torch.allclose(model(x), engine_model(x), atol=1e-6)


def test_layers_keras_lacks_are_named_and_the_loss_says_logits() -> None:
    code = keras_code(_project("char-transformer"))
    assert "# transformerblock_1: TransformerBlock has no one-line Keras layer" in code
    assert "SparseCategoricalCrossentropy(from_logits=True)" in code
    assert "nn.CrossEntropyLoss()  # on logits" in pytorch_code(_project("seed-cnn"))
    assert "keras.Model(inputs, output)" in keras_code(_project("resnet-mini"))  # branches
