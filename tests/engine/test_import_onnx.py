"""ONNX import: every template exported and imported back gives its layers and its predictions;
hand-built graphs (Gemm, MatMul+Add, the NHWC + Transpose pattern, external data, old opsets)
match onnxruntime."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch
from onnx import TensorProto, helper, numpy_helper
from test_export_onnx import dataset_for

from engine.build import build_model
from engine.export import export_onnx
from engine.graph import Graph
from engine.importers import ModelImportError, import_model, import_onnx
from engine.layers.modules import TransformerBlock
from engine.project import load_project, save_project
from engine.templates import TEMPLATES, _Builder, fit_to_data, make_template

# An eval-mode export folds each BatchNorm into the convolution before it and leaves Dropout
# out (both do nothing at inference), so those layers cannot come back from such a file.
FOLDED = {"BatchNorm2d", "Dropout"}


def _types(graph) -> list[str]:
    return [graph.nodes[n].type for n in graph.topological_order()]


def _imported_model(result):
    model = build_model(result.project.graph)
    model.load_state_dict(result.project.weights, strict=True)
    return model.eval()


def test_a_transformer_block_that_computes_otherwise_is_refused(tmp_path: Path) -> None:
    """A block is recognised by its shape but taken only when a TransformerBlock computes the
    same numbers: with GELU's tanh approximation it does not, and the nodes are named."""
    ds = dataset_for("char-transformer")
    model = build_model(make_template("char-transformer", ds.context()), seed=0).eval()
    for block in (m for m in model.modules() if isinstance(m, TransformerBlock)):
        block.mlp[1] = torch.nn.GELU(approximate="tanh")
    target = tmp_path / "tanh-gelu.onnx"
    export_onnx(model, ds, target)
    with pytest.raises(ModelImportError) as refused:
        import_onnx(target)
    message = str(refused.value)
    assert "Trilu" in message and "Nothing was imported" in message


class _TutorialBlock(torch.nn.Module):
    """A pre-norm block as tutorials write it: separate query, key and value projections, no
    mask, an MLP twice as wide."""

    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        nn = torch.nn
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.query, self.key, self.value = (
            nn.Linear(dim, dim),
            nn.Linear(dim, dim),
            nn.Linear(dim, dim),
        )
        self.out = nn.Linear(dim, dim)
        self.fc1, self.fc2 = nn.Linear(dim, 2 * dim), nn.Linear(2 * dim, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t, d = x.shape
        h = self.ln1(x)

        def split(z: torch.Tensor) -> torch.Tensor:
            return z.view(n, t, self.heads, d // self.heads).transpose(1, 2)

        q, k, v = split(self.query(h)), split(self.key(h)), split(self.value(h))
        weights = torch.softmax(q @ k.transpose(-2, -1) / (d // self.heads) ** 0.5, dim=-1)
        x = x + self.out((weights @ v).transpose(1, 2).reshape(n, t, d))
        return x + self.fc2(torch.nn.functional.gelu(self.fc1(self.ln2(x))))


class _TutorialEncoder(torch.nn.Module):
    """Token embedding plus the fixed sinusoidal positions, two blocks, a LayerNorm, scores."""

    def __init__(self, vocab: int = 16, steps: int = 10, dim: int = 32) -> None:
        super().__init__()
        self.embed = torch.nn.Embedding(vocab, dim)
        position = torch.arange(steps, dtype=torch.float32)[:, None]
        rate = torch.exp(torch.arange(0, dim, 2) * (-math.log(10000.0) / dim))
        table = torch.zeros(steps, dim)
        table[:, 0::2], table[:, 1::2] = torch.sin(position * rate), torch.cos(position * rate)
        self.register_buffer("positions", table)
        self.blocks = torch.nn.Sequential(_TutorialBlock(dim, 2), _TutorialBlock(dim, 2))
        self.norm = torch.nn.LayerNorm(dim)
        self.scores = torch.nn.Linear(dim, vocab)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids) + self.positions[: ids.shape[1]]
        return self.scores(self.norm(self.blocks(x)))  # type: ignore[no-any-return]


def test_a_transformer_written_elsewhere_imports_as_blocks(tmp_path: Path) -> None:
    """Separate q/k/v projections, no causal mask and sinusoidal positions, exported by
    torch at opset 17: the blocks, their heads and the positions are found, and the imported
    network computes what onnxruntime computes from the file."""
    torch.manual_seed(0)
    model = _TutorialEncoder().eval()
    ids = torch.randint(0, 16, (8, 10))
    target = tmp_path / "tutorial.onnx"
    torch.onnx.export(
        model,
        (ids[:2],),
        str(target),
        input_names=["ids"],
        output_names=["scores"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={"ids": {0: "batch"}},
    )
    result = import_onnx(target)
    graph = result.project.graph
    assert _types(graph) == [
        "Input",
        "Embedding",
        "PositionalEmbedding",
        "TransformerBlock",
        "TransformerBlock",
        "LayerNorm",
        "Output",
    ]
    layers = {graph.nodes[n].type: graph.nodes[n].params for n in graph.topological_order()}
    assert layers["PositionalEmbedding"] == {"mode": "sinusoidal"}
    block = layers["TransformerBlock"]
    assert (block["heads"], block["causal"], block["mlp_ratio"]) == (2, False, 2)
    assert layers["Output"]["task"] == "next_char"  # scores at every position
    session = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    theirs = session.run(None, {"ids": ids.numpy()})[0]
    with torch.no_grad():
        ours = _imported_model(result)(ids).numpy()
    assert np.abs(ours - theirs).max() <= 1e-4


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_round_trips(template_id: str, tmp_path: Path) -> None:
    ds = dataset_for(template_id)
    graph = make_template(template_id, ds.context())
    model = build_model(graph, seed=0).eval()
    target = tmp_path / f"{template_id}.onnx"
    export_onnx(model, ds, target)
    result = import_onnx(target)
    imported = result.project.graph
    assert imported.analysis.valid
    assert _types(imported) == [t for t in _types(graph) if t not in FOLDED]
    out = imported.output_nodes()[0].params
    assert out == {**graph.output_nodes()[0].params, "loss": out["loss"]}  # task from metadata
    x = ds.preprocess(ds.test.x)  # real samples
    with torch.no_grad():
        diff = (_imported_model(result)(x) - model(x)).abs().max().item()
    assert diff < 1e-5
    # It saves and opens as any project, weights included.
    saved = tmp_path / f"{template_id}.netcanvas"
    save_project(result.project, saved)
    assert set(load_project(saved).weights or {}) == set(result.project.weights or {})


def test_a_conv1d_over_embedded_text_round_trips_with_its_swapped_axes(tmp_path: Path) -> None:
    """Embedding → Swap axes → Conv1d → ReLU → Swap axes → LSTM: torch exports each swap as a
    Transpose, which the importer carries along and lays out again where a layer reads it."""
    ds = dataset_for("char-lstm")
    graph = Graph()
    _Builder(graph).chain(
        [
            ("Input", {"kind": "tokens", "seq_len": 64}),
            ("Embedding", {"vocab_size": 96, "embedding_dim": 12}),
            ("SwapAxes", {}),
            ("Conv1d", {"filters": 10, "kernel_size": 5, "padding": "same"}),
            ("ReLU", {}),
            ("SwapAxes", {}),
            ("LSTM", {"hidden_size": 16, "return_sequences": True}),
            ("Output", {"task": "next_char", "units": 96}),
        ],
        None,
    )
    fit_to_data(graph, ds.context())
    assert graph.analysis.valid
    model = build_model(graph, seed=0).eval()
    target = tmp_path / "text-conv.onnx"
    export_onnx(model, ds, target)
    result = import_onnx(target)
    assert _types(result.project.graph) == _types(graph)
    x = ds.preprocess(ds.test.x)
    with torch.no_grad():
        diff = (_imported_model(result)(x) - model(x)).abs().max().item()
    assert diff < 1e-5


@pytest.mark.parametrize("dynamo", [False, True])
def test_global_max_pooling_round_trips(dynamo: bool, tmp_path: Path) -> None:
    """torch writes GlobalMaxPool as a flatten and a ReduceMax over the positions: one layer
    again."""
    ds = dataset_for("seed-cnn")
    graph = Graph()
    _Builder(graph).chain(
        [
            ("Input", {"kind": "image", "channels": 1, "height": 28, "width": 28}),
            ("Conv2d", {"filters": 8, "kernel_size": 3}),
            ("ReLU", {}),
            ("GlobalMaxPool", {}),
            ("Output", {"task": "classification", "units": 10}),
        ],
        None,
    )
    fit_to_data(graph, ds.context())
    model = build_model(graph, seed=0).eval()
    target = tmp_path / "max.onnx"
    x = ds.preprocess(ds.test.x)
    if dynamo:
        axes = {0: torch.export.Dim("batch")}
        torch.onnx.export(model, (x[:2],), str(target), dynamo=True, dynamic_shapes=(axes,))
    else:
        export_onnx(model, ds, target)
    result = import_onnx(target)
    assert _types(result.project.graph) == _types(graph)
    with torch.no_grad():
        assert (_imported_model(result)(x) - model(x)).abs().max().item() < 1e-5


@pytest.mark.parametrize("dynamo", [False, True])
def test_a_bidirectional_lstm_round_trips(dynamo: bool, tmp_path: Path) -> None:
    """torch writes the two directions' sequences as T×2×N×H (N×T×2×H from torch.export) and
    joins them with a Transpose and a Reshape: the importer reads that as the layer's own
    N×T×(2·H), both directions' weights in place."""
    ds = dataset_for("char-lstm")
    graph = make_template("char-lstm", ds.context())
    lstm = next(n for n in graph.nodes.values() if n.type == "LSTM")
    graph.set_param(lstm.id, "bidirectional", True)
    model = build_model(graph, seed=0).eval()
    target = tmp_path / "both-ways.onnx"
    x = ds.preprocess(ds.test.x)
    if dynamo:
        axes = {0: torch.export.Dim("batch"), 1: torch.export.Dim("sequence")}
        torch.onnx.export(model, (x[:2],), str(target), dynamo=True, dynamic_shapes=(axes,))
    else:
        export_onnx(model, ds, target)
    result = import_onnx(target)
    imported = result.project.graph
    assert _types(imported) == _types(graph)
    assert next(n for n in imported.nodes.values() if n.type == "LSTM").params["bidirectional"]
    with torch.no_grad():
        diff = (_imported_model(result)(x) - model(x)).abs().max().item()
    assert diff < 1e-5


def test_batchnorm_kept_by_a_preserving_export_at_opset_11(tmp_path: Path) -> None:
    ds = dataset_for("resnet-mini")
    graph = make_template("resnet-mini", ds.context())
    model = build_model(graph, seed=1).eval()
    x = ds.preprocess(ds.test.x)
    with torch.no_grad():  # statistics other than the defaults, so that they matter
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
    target = tmp_path / "resnet.onnx"
    torch.onnx.export(
        model,
        (x[:2],),
        str(target),
        input_names=["input"],
        output_names=["output"],
        opset_version=11,
        dynamo=False,
        training=torch.onnx.TrainingMode.PRESERVE,
        do_constant_folding=False,
        dynamic_axes={"input": {0: "batch"}},
    )
    result = import_model(str(target))
    assert _types(result.project.graph) == _types(graph)
    with torch.no_grad():
        diff = (_imported_model(result)(x) - model(x)).abs().max().item()
    assert diff < 1e-5


# ---------------------------------------------------------------- hand-built graphs


def _init(name: str, array: np.ndarray) -> onnx.TensorProto:
    return numpy_helper.from_array(np.asarray(array), name)


def _save(
    tmp_path: Path,
    nodes,
    inits,
    in_shape,
    out_shape,
    opset=17,
    in_type=TensorProto.FLOAT,
    name="model.onnx",
    **save_kw,
) -> Path:
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("x", in_type, in_shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, out_shape)],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 7 if opset < 15 else 8
    onnx.checker.check_model(model)
    path = tmp_path / name
    onnx.save(model, str(path), **save_kw)
    return path


def _matches_onnxruntime(path: Path, x: np.ndarray, softmax: bool = False) -> float:
    result = import_onnx(path)
    assert result.project.graph.analysis.valid
    with torch.no_grad():
        got = _imported_model(result)(torch.from_numpy(x.astype(np.float32)))
        if softmax:
            got = got.softmax(-1)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    expected = session.run(None, {"x": x})[0]
    return float(np.abs(got.numpy() - expected).max())


def test_gemm_with_alpha_beta_and_untransposed_weights(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    w1, b1 = rng.normal(size=(5, 8)).astype(np.float32), rng.normal(size=8).astype(np.float32)
    w2, b2 = rng.normal(size=(3, 8)).astype(np.float32), rng.normal(size=3).astype(np.float32)
    nodes = [
        helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], alpha=0.5, beta=2.0),
        helper.make_node("Relu", ["h"], ["r"]),
        helper.make_node("Gemm", ["r", "w2", "b2"], ["y"], transB=1),
    ]
    inits = [_init("w1", w1), _init("b1", b1), _init("w2", w2), _init("b2", b2)]
    path = _save(tmp_path, nodes, inits, ["N", 5], ["N", 3])
    assert _matches_onnxruntime(path, rng.normal(size=(7, 5)).astype(np.float32)) < 1e-5
    assert _types(import_onnx(path).project.graph) == ["Input", "Linear", "ReLU", "Output"]


def test_matmul_plus_add_is_one_dense_layer_and_a_trailing_softmax_is_noted(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    w, b = rng.normal(size=(6, 4)).astype(np.float32), rng.normal(size=4).astype(np.float32)
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["m"]),
        helper.make_node("Add", ["b", "m"], ["a"]),
        helper.make_node("Softmax", ["a"], ["y"], axis=1),
    ]
    path = _save(tmp_path, nodes, [_init("w", w), _init("b", b)], ["N", 6], ["N", 4], opset=11)
    x = rng.normal(size=(3, 6)).astype(np.float32)
    assert _matches_onnxruntime(path, x, softmax=True) < 1e-5
    result = import_onnx(path)
    assert _types(result.project.graph) == ["Input", "Output"]
    assert any("Softmax" in note for note in result.notes)


def _nhwc_cnn(tmp_path: Path, opset: int, **save_kw) -> tuple[Path, np.ndarray]:
    """What tf2onnx writes for a Keras CNN on N×H×W×C images: Transposes around the
    convolutions, a BatchNorm with Keras' epsilon, an NHWC flatten, MatMul + Add."""
    rng = np.random.default_rng(2)
    conv_w = rng.normal(size=(4, 3, 3, 3)).astype(np.float32) * 0.3
    conv_b = rng.normal(size=4).astype(np.float32)
    gamma, beta = rng.uniform(0.5, 1.5, 4), rng.normal(size=4)
    mean, var = rng.normal(size=4), rng.uniform(0.5, 2, 4)
    dense_w = rng.normal(size=(4 * 3 * 3, 5)).astype(np.float32) * 0.2
    dense_b = rng.normal(size=5).astype(np.float32)
    shape = np.array([-1, 36], dtype=np.int64)
    nodes = [
        helper.make_node("Transpose", ["x"], ["t"], perm=[0, 3, 1, 2]),
        helper.make_node("Conv", ["t", "cw", "cb"], ["c"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c", "g", "be", "mu", "va"], ["bn"], epsilon=1e-3),
        helper.make_node("Relu", ["bn"], ["r"]),
        helper.make_node("MaxPool", ["r"], ["p"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Transpose", ["p"], ["back"], perm=[0, 2, 3, 1]),
        helper.make_node("Reshape", ["back", "shape"], ["flat"]),
        helper.make_node("MatMul", ["flat", "dw"], ["m"]),
        helper.make_node("Add", ["m", "db"], ["y"]),
    ]
    inits = [
        _init("cw", conv_w),
        _init("cb", conv_b),
        _init("g", gamma.astype(np.float32)),
        _init("be", beta.astype(np.float32)),
        _init("mu", mean.astype(np.float32)),
        _init("va", var.astype(np.float32)),
        _init("shape", shape),
        _init("dw", dense_w),
        _init("db", dense_b),
    ]
    path = _save(tmp_path, nodes, inits, ["N", 6, 6, 3], ["N", 5], opset=opset, **save_kw)
    return path, rng.normal(size=(4, 6, 6, 3)).astype(np.float32)


@pytest.mark.parametrize("opset", [9, 13, 18])
def test_nhwc_transpose_pattern_imports_as_nchw_with_the_same_numbers(
    tmp_path: Path, opset: int
) -> None:
    path, x = _nhwc_cnn(tmp_path, opset)
    result = import_onnx(path)
    graph = result.project.graph
    assert _types(graph) == [
        "Input",
        "Conv2d",
        "BatchNorm2d",
        "ReLU",
        "MaxPool2d",
        "Flatten",
        "Output",
    ]
    assert graph.input_nodes()[0].params["channels"] == 3
    assert any("N×H×W×C" in note for note in result.notes)
    with torch.no_grad():  # the imported network reads the same images as N×C×H×W
        got = _imported_model(result)(torch.from_numpy(x.transpose(0, 3, 1, 2).copy())).numpy()
    expected = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(
        None, {"x": x}
    )[0]
    assert np.abs(got - expected).max() < 1e-5


def test_weights_in_an_external_data_file_beside_the_model(tmp_path: Path) -> None:
    path, x = _nhwc_cnn(
        tmp_path,
        18,
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="model.weights",
        size_threshold=64,  # the small shape tensor stays inline, as onnxruntime needs
    )
    assert (tmp_path / "model.weights").stat().st_size > 0
    result = import_onnx(path)
    with torch.no_grad():
        got = _imported_model(result)(torch.from_numpy(x.transpose(0, 3, 1, 2).copy())).numpy()
    expected = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(
        None, {"x": x}
    )[0]
    assert np.abs(got - expected).max() < 1e-5


def test_opset_7_conv_bias_as_add_and_uint8_input(tmp_path: Path) -> None:
    """The ONNX model zoo's CNTK MNIST style: a bias-free Conv plus an Add of a C×1×1 constant,
    a fixed batch of one and a Reshape to [1, features]; raw uint8 pixels cast to float."""
    rng = np.random.default_rng(3)
    conv_w = rng.normal(size=(2, 1, 3, 3)).astype(np.float32)
    plus = rng.normal(size=(2, 1, 1)).astype(np.float32)
    dense_w = rng.normal(size=(2 * 4 * 4, 3)).astype(np.float32) * 0.1
    nodes = [
        helper.make_node("Cast", ["x"], ["f"], to=TensorProto.FLOAT),
        helper.make_node("Conv", ["f", "cw"], ["c"], kernel_shape=[3, 3]),
        helper.make_node("Add", ["c", "plus"], ["cb"]),
        helper.make_node("AveragePool", ["cb"], ["p"], kernel_shape=[2, 2], strides=[1, 1]),
        helper.make_node("Reshape", ["p", "shape"], ["flat"]),
        helper.make_node("Gemm", ["flat", "dw", "db"], ["y"]),
    ]
    inits = [
        _init("cw", conv_w),
        _init("plus", plus),
        _init("dw", dense_w),
        _init("db", rng.normal(size=3).astype(np.float32)),
        _init("shape", np.array([1, 32], dtype=np.int64)),
    ]
    path = _save(tmp_path, nodes, inits, [1, 1, 7, 7], [1, 3], opset=7, in_type=TensorProto.UINT8)
    x = rng.integers(0, 256, size=(1, 1, 7, 7)).astype(np.uint8)
    assert _matches_onnxruntime(path, x) < 1e-4
    result = import_onnx(path)
    assert _types(result.project.graph) == ["Input", "Conv2d", "AvgPool2d", "Flatten", "Output"]
    assert result.project.graph.nodes[result.project.graph.topological_order()[1]].params["bias"]
    assert any("raw 0–255 pixels" in note for note in result.notes)
    record = result.project.graph.input_nodes()[0].params
    assert (record["normalise"], record["scale"]) == ("fixed", 1.0)  # fed unscaled, as it took


def test_an_imported_model_is_evaluated_with_the_preprocessing_it_was_trained_with(
    tmp_path: Path,
) -> None:
    """A classifier trained elsewhere on pixels / 255 (no mean or std) keeps its accuracy in
    NetCanvas: the Input records that preprocessing, and the dataset follows it."""
    from engine.data import load_dataset
    from engine.metrics import evaluate
    from engine.session import trained_model
    from engine.types import DataRef

    dataset = load_dataset(DataRef("digits-8x8", {"seed": 0}))
    x, y = dataset.train.x.float() / 255, dataset.train.y
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 10))
    optimiser = torch.optim.Adam(net.parameters(), lr=0.05)
    for _ in range(200):
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        optimiser.step()
    test = dataset.test
    assert test is not None
    with torch.no_grad():
        theirs = float((net(test.x.float() / 255).argmax(1) == test.y).float().mean())
    path = tmp_path / "digits.onnx"
    torch.onnx.export(net, (x[:1],), str(path), dynamo=False, input_names=["x"])
    project = import_onnx(path).project
    project.data = DataRef("digits-8x8", {"seed": 0})
    record = project.graph.input_nodes()[0].params
    assert (record["normalise"], record["mean"], record["std"]) == ("fixed", (0.0,), (1.0,))
    ours = evaluate(trained_model(project, dataset), dataset, "test").accuracy
    assert theirs > 0.9 and abs(ours - theirs) < 1e-6  # the same predictions
    # Fed the dataset's own statistics instead, the same weights do worse: the record matters.
    project.graph.set_param(project.graph.input_nodes()[0].id, "normalise", "dataset")
    assert evaluate(trained_model(project, dataset), dataset, "test").accuracy < theirs - 0.05


def test_lstm_with_sequence_output_and_zero_initial_state(tmp_path: Path) -> None:
    ds = dataset_for("char-lstm")
    model = build_model(make_template("char-lstm", ds.context()), seed=3).eval()
    target = tmp_path / "lstm.onnx"
    export_onnx(model, ds, target, opset=13)
    result = import_onnx(target)
    assert _types(result.project.graph) == ["Input", "Embedding", "LSTM", "Output"]
    x = ds.preprocess(ds.test.x)
    with torch.no_grad():
        assert (_imported_model(result)(x) - model(x)).abs().max().item() < 1e-5


@pytest.mark.slow
@pytest.mark.parametrize("template_id", ["seed-cnn", "char-lstm", "char-transformer"])
def test_dynamo_export_at_opset_20_with_external_data(template_id: str, tmp_path: Path) -> None:
    """torch.export's exporter writes other patterns: a Reshape for Flatten, the LSTM's gates
    sliced and re-joined, its zero state by Expand, its output reshaped with the batch axis
    second; the weights sit in a file beside the model."""
    ds = dataset_for(template_id)
    graph = make_template(template_id, ds.context())
    model = build_model(graph, seed=0).eval()
    x = ds.preprocess(ds.test.x)
    axes = {0: torch.export.Dim("batch")}
    if template_id.startswith("char-"):
        axes[1] = torch.export.Dim("sequence")
    target = tmp_path / "model.onnx"
    torch.onnx.export(
        model,
        (x[:2],),
        str(target),
        input_names=["input"],
        output_names=["output"],
        opset_version=20,
        dynamo=True,
        external_data=True,
        dynamic_shapes=(axes,),
    )
    assert (tmp_path / "model.onnx.data").is_file()
    result = import_onnx(target)
    assert _types(result.project.graph) == _types(graph)
    assert result.project.graph.output_nodes()[0].params["task"] == ds.task
    with torch.no_grad():
        assert (_imported_model(result)(x) - model(x)).abs().max().item() < 1e-5


def test_a_model_zoo_mnist_layout_at_opset_8(tmp_path: Path) -> None:
    """The ONNX model zoo's MNIST (written by CNTK), node for node: 'SAME_UPPER' convolutions
    without bias and a Plus of a C×1×1 constant, a 3×3 pool with stride 3, a fixed batch of
    one, and the Dense weights themselves produced by a Reshape of a constant."""
    rng = np.random.default_rng(4)
    c1, p1 = rng.normal(size=(8, 1, 5, 5)) * 0.2, rng.normal(size=(8, 1, 1))
    c2, p2 = rng.normal(size=(16, 8, 5, 5)) * 0.1, rng.normal(size=(16, 1, 1))
    w, b = rng.normal(size=(16, 4, 4, 10)) * 0.1, rng.normal(size=(1, 10))
    f32 = {k: v.astype(np.float32) for k, v in dict(c1=c1, p1=p1, c2=c2, p2=p2, w=w, b=b).items()}
    nodes = [
        helper.make_node("Reshape", ["w", "wshape"], ["w256"], name="Times212_reshape1"),
        helper.make_node(
            "Conv",
            ["x", "c1"],
            ["a"],
            kernel_shape=[5, 5],
            auto_pad="SAME_UPPER",
            name="Convolution28",
        ),
        helper.make_node("Add", ["a", "p1"], ["a1"], name="Plus30"),
        helper.make_node("Relu", ["a1"], ["a2"], name="ReLU32"),
        helper.make_node(
            "MaxPool", ["a2"], ["a3"], kernel_shape=[2, 2], strides=[2, 2], name="Pooling66"
        ),
        helper.make_node(
            "Conv",
            ["a3", "c2"],
            ["b0"],
            kernel_shape=[5, 5],
            auto_pad="SAME_UPPER",
            name="Convolution110",
        ),
        helper.make_node("Add", ["b0", "p2"], ["b1"], name="Plus112"),
        helper.make_node("Relu", ["b1"], ["b2"], name="ReLU114"),
        helper.make_node(
            "MaxPool", ["b2"], ["b3"], kernel_shape=[3, 3], strides=[3, 3], name="Pooling160"
        ),
        helper.make_node("Reshape", ["b3", "flat"], ["b4"], name="Times212_reshape0"),
        helper.make_node("MatMul", ["b4", "w256"], ["m"], name="Times212"),
        helper.make_node("Add", ["m", "b"], ["y"], name="Plus214"),
    ]
    inits = [_init(k, v) for k, v in f32.items()] + [
        _init("wshape", np.array([256, 10], dtype=np.int64)),
        _init("flat", np.array([1, 256], dtype=np.int64)),
    ]
    path = _save(tmp_path, nodes, inits, [1, 1, 28, 28], [1, 10], opset=8)
    x = rng.uniform(0, 1, size=(1, 1, 28, 28)).astype(np.float32)
    assert _matches_onnxruntime(path, x) < 1e-4
    assert _types(import_onnx(path).project.graph) == [
        "Input",
        "Conv2d",
        "ReLU",
        "MaxPool2d",
        "Conv2d",
        "ReLU",
        "MaxPool2d",
        "Flatten",
        "Output",
    ]
