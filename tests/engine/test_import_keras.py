"""Keras import: models saved by the ``keras`` package (torch backend, no TensorFlow) as .keras
and .h5 predict what Keras predicts; a Keras 2 layout written by hand with h5py imports too;
Lambda and custom layers, broken and hostile files are refused with one message."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.build import build_model
from engine.importers import ModelImportError, import_model

h5py = pytest.importorskip("h5py")


def _net(result):
    model = build_model(result.project.graph)
    model.load_state_dict(result.project.weights, strict=True)
    return model.eval()


def _types(result) -> list[str]:
    graph = result.project.graph
    return [graph.nodes[n].type for n in graph.topological_order()]


@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_a_keras_cnn_predicts_what_keras_predicts(keras, tmp_path: Path, suffix: str) -> None:
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((12, 12, 3)),
            layers.Conv2D(4, 3, activation="relu", padding="same"),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Conv2D(6, 4, strides=2, padding="same"),  # symmetric 'same' at stride 2
            layers.Flatten(),  # H×W×C order in Keras: the next Dense's rows are reordered
            layers.Dropout(0.3),
            layers.Dense(7, activation="relu"),
            layers.Dense(5, activation="softmax"),
        ]
    )
    rng = np.random.default_rng(0)
    bn = model.layers[1]
    bn.moving_mean.assign(rng.normal(size=4).astype("float32"))
    bn.moving_variance.assign(rng.uniform(0.5, 2.0, 4).astype("float32"))
    path = tmp_path / f"cnn{suffix}"
    model.save(str(path))
    result = import_model(str(path))
    assert _types(result) == [
        "Input",
        "Conv2d",
        "ReLU",
        "BatchNorm2d",
        "MaxPool2d",
        "Conv2d",
        "Flatten",
        "Dropout",
        "Linear",
        "ReLU",
        "Output",
    ]
    x = rng.normal(size=(6, 12, 12, 3)).astype("float32")
    expected = model.predict(x, verbose=0)
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(x.transpose(0, 3, 1, 2).copy())).softmax(-1)
    assert np.abs(got.numpy() - expected).max() <= 1e-4
    assert np.abs(expected - expected[0]).max() > 1e-3  # the samples differ: a real check


def test_keras_transposed_convolutions_predict_what_keras_predicts(keras, tmp_path: Path) -> None:
    """'valid' with the kernel wider and narrower than the stride, and 'same'."""
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((5, 5, 3)),
            layers.Conv2DTranspose(4, 3, strides=2, activation="relu"),
            layers.Conv2DTranspose(3, 4, strides=2, padding="same"),
            layers.Conv2DTranspose(2, 1, strides=2, use_bias=False),
            layers.Flatten(),
            layers.Dense(5),
        ]
    )
    path = tmp_path / "up.keras"
    model.save(str(path))
    result = import_model(str(path))
    assert _types(result) == [
        "Input",
        "ConvTranspose2d",
        "ReLU",
        "ConvTranspose2d",
        "ConvTranspose2d",
        "Flatten",
        "Output",
    ]
    x = np.random.default_rng(1).normal(size=(4, 5, 5, 3)).astype("float32")
    expected = model.predict(x, verbose=0)
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(x.transpose(0, 3, 1, 2).copy()))
    assert np.abs(got.numpy() - expected).max() <= 1e-4


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_a_functional_text_model_with_lstm_gru_and_a_skip(
    keras, tmp_path: Path, suffix: str
) -> None:
    layers = keras.layers
    tokens = keras.Input((10,), dtype="int32")
    x = layers.Embedding(20, 8)(tokens)
    x = layers.LSTM(6, return_sequences=True)(x)
    x = layers.GRU(5)(x)
    dense = layers.Dense(5)(x)
    normed = layers.BatchNormalization(epsilon=0.01)(dense)
    out = layers.Dense(3, activation="softmax")(layers.Add()([dense, normed]))
    model = keras.Model(tokens, out)
    path = tmp_path / f"text{suffix}"
    model.save(str(path))
    result = import_model(str(path))
    assert _types(result) == [
        "Input",
        "Embedding",
        "LSTM",
        "GRU",
        "Linear",
        "BatchNorm1d",
        "Add",
        "Output",
    ]
    ids = np.random.default_rng(1).integers(0, 20, size=(8, 10)).astype("int32")
    expected = model.predict(ids, verbose=0)
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(ids.astype(np.int64))).softmax(-1)
    assert np.abs(got.numpy() - expected).max() <= 1e-4
    assert np.abs(expected - expected[0]).max() > 1e-4


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_bidirectional_recurrent_layers_read_both_ways(keras, tmp_path: Path, suffix: str) -> None:
    """Bidirectional LSTM (whole sequence) and GRU (last state): the forward and backward
    weights land in torch's two directions and the outputs are joined in Keras' order."""
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((9,), dtype="int32"),
            layers.Embedding(20, 6),
            layers.Bidirectional(layers.LSTM(5, return_sequences=True)),
            layers.Bidirectional(layers.GRU(4)),
            layers.Dense(3),
        ]
    )
    path = tmp_path / f"both-ways{suffix}"
    model.save(str(path))
    result = import_model(str(path))
    assert _types(result) == ["Input", "Embedding", "LSTM", "GRU", "Output"]
    graph = result.project.graph
    assert all(
        graph.nodes[n].params["bidirectional"]
        for n in graph.topological_order()
        if graph.nodes[n].type in ("LSTM", "GRU")
    )
    ids = np.random.default_rng(2).integers(0, 20, size=(8, 9)).astype("int32")
    expected = model.predict(ids, verbose=0)
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(ids.astype(np.int64)))
    assert np.abs(got.numpy() - expected).max() <= 1e-4
    assert np.abs(expected - expected[0]).max() > 1e-4


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_a_keras_text_cnn_reads_its_sequence_as_keras_does(
    keras, tmp_path: Path, suffix: str
) -> None:
    """Keras' Conv1D reads steps × channels, NetCanvas' channels × steps: the importer swaps the
    axes once before the first Conv1D, keeps them through the next and the ReLU, and swaps
    back where a layer reads steps × channels (the LSTM); global pooling reads either."""
    layers = keras.layers
    text_cnn = keras.Sequential(
        [
            keras.Input((20,), dtype="int32"),
            layers.Embedding(30, 8),
            layers.Conv1D(6, 3, activation="relu"),
            layers.Conv1D(5, 2, padding="same", dilation_rate=2),
            layers.GlobalAveragePooling1D(),
            layers.Dense(4),
        ]
    )
    then_lstm = keras.Sequential(
        [
            keras.Input((20,), dtype="int32"),
            layers.Embedding(30, 8),
            layers.Conv1D(6, 5, strides=2),
            layers.ReLU(),
            layers.LSTM(7),
            layers.Dense(3),
        ]
    )
    kim = keras.Sequential(  # Kim (2014)'s sentence classifier, one filter width
        [
            keras.Input((20,), dtype="int32"),
            layers.Embedding(30, 8),
            layers.Conv1D(12, 3, activation="relu"),
            layers.GlobalMaxPooling1D(),
            layers.Dropout(0.5),
            layers.Dense(2),
        ]
    )
    expected_types = {
        "cnn": ["Input", "Embedding", "SwapAxes", "Conv1d", "ReLU", "Conv1d", "GlobalAvgPool"],
        "lstm": ["Input", "Embedding", "SwapAxes", "Conv1d", "ReLU", "SwapAxes", "LSTM"],
        "kim": ["Input", "Embedding", "SwapAxes", "Conv1d", "ReLU", "GlobalMaxPool", "Dropout"],
    }
    ids = np.random.default_rng(3).integers(0, 30, size=(8, 20)).astype("int32")
    for key, model in (("cnn", text_cnn), ("lstm", then_lstm), ("kim", kim)):
        path = tmp_path / f"{key}{suffix}"
        model.save(str(path))
        result = import_model(str(path))
        assert _types(result) == [*expected_types[key], "Output"]
        expected = model.predict(ids, verbose=0)
        with torch.no_grad():
            got = _net(result)(torch.from_numpy(ids.astype(np.int64)))
        assert np.abs(got.numpy() - expected).max() <= 1e-4, key
        assert np.abs(expected - expected[0]).max() > 1e-4


def test_a_lambda_and_a_custom_layer_are_refused_together(keras, tmp_path: Path) -> None:
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((4,)),
            layers.Lambda(lambda t: t * 2, name="times_two"),
            layers.Dense(3, name="scores"),
            layers.Lambda(lambda t: t + 1, name="plus_one"),
        ]
    )
    path = tmp_path / "lambda.h5"
    model.save(str(path))
    with pytest.raises(ModelImportError) as info:
        import_model(str(path))
    text = str(info.value)
    assert "Lambda 'times_two', 'plus_one': no NetCanvas layer does this" in text
    assert "Nothing was imported" in text


# ---------------------------------------------------------------- Keras 2 files, by hand


def _keras2_h5(path: Path, layers: list[dict], weights: dict[str, dict[str, np.ndarray]]) -> None:
    """An .h5 in Keras 2.x's layout: model_config JSON and model_weights/<layer>/<layer>/..."""
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps(config)
        f.attrs["keras_version"] = "2.15.0"
        root = f.create_group("model_weights")
        for layer in layers:
            name = layer["config"]["name"]
            group = root.create_group(name)
            names = []
            for key, value in weights.get(name, {}).items():
                group.create_dataset(f"{name}/{key}:0", data=value)
                names.append(f"{name}/{key}:0".encode())
            group.attrs["weight_names"] = names


def test_a_keras_2_mlp_written_by_hand(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    k1, b1 = rng.normal(size=(4, 6)).astype("f4"), rng.normal(size=6).astype("f4")
    k2, b2 = rng.normal(size=(6, 2)).astype("f4"), rng.normal(size=2).astype("f4")
    layers = [
        {
            "class_name": "Dense",
            "config": {
                "name": "dense",
                "units": 6,
                "activation": "relu",
                "use_bias": True,
                "batch_input_shape": [None, 4],
            },
        },
        {
            "class_name": "Dense",
            "config": {"name": "dense_1", "units": 2, "activation": "linear", "use_bias": True},
        },
    ]
    path = tmp_path / "mlp.h5"
    _keras2_h5(
        path, layers, {"dense": {"kernel": k1, "bias": b1}, "dense_1": {"kernel": k2, "bias": b2}}
    )
    result = import_model(str(path), "moons")
    assert _types(result) == ["Input", "Linear", "ReLU", "Output"]
    assert result.project.data.source == "moons"
    x = rng.normal(size=(5, 4)).astype("f4")
    expected = np.maximum(x @ k1 + b1, 0) @ k2 + b2
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(x)).numpy()
    assert np.abs(got - expected).max() < 1e-5


def test_truncated_and_not_a_model_files(tmp_path: Path) -> None:
    good = tmp_path / "good.h5"
    _keras2_h5(
        good,
        [
            {
                "class_name": "Dense",
                "config": {"name": "d", "units": 2, "batch_input_shape": [None, 3]},
            }
        ],
        {"d": {"kernel": np.ones((3, 2), "f4"), "bias": np.zeros(2, "f4")}},
    )
    truncated = tmp_path / "truncated.h5"
    truncated.write_bytes(good.read_bytes()[:1000])
    junk = tmp_path / "junk.keras"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    weights_only = tmp_path / "weights.h5"
    with h5py.File(weights_only, "w") as f:
        f.create_dataset("kernel", data=np.ones(3))
    for path, message in (
        (truncated, "is not a model NetCanvas can read"),
        (junk, "is not a model NetCanvas can read"),
        (weights_only, "no Keras model"),
    ):
        with pytest.raises(ModelImportError, match=message):
            import_model(str(path))


def test_a_billion_value_weight_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.h5"
    layers = [
        {
            "class_name": "Dense",
            "config": {"name": "d", "units": 1_000_000, "batch_input_shape": [None, 1000]},
        }
    ]
    _keras2_h5(path, layers, {})
    with h5py.File(path, "a") as f:  # declared, never written: the file stays small
        group = f["model_weights/d"]
        group.create_dataset("d/kernel:0", shape=(1000, 1_000_000), dtype="f4", chunks=True)
        group.create_dataset("d/bias:0", data=np.zeros(3, "f4"))
        group.attrs["weight_names"] = [b"d/kernel:0", b"d/bias:0"]
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ModelImportError, match="claims 1,000,000,000 values"):
        import_model(str(path))


def test_a_keras_zip_without_weights(tmp_path: Path) -> None:
    path = tmp_path / "empty.keras"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("config.json", json.dumps({"class_name": "Sequential", "config": {}}))
    with pytest.raises(ModelImportError, match=r"no config\.json or weights"):
        import_model(str(path))


def test_an_onnx_file_written_by_keras_reads_nhwc_images(keras, tmp_path: Path) -> None:
    """Keras' own ONNX export (torch backend): N×H×W×C input with Transposes around each
    convolution, the bias added after the Transpose back, BatchNormalization as Sub/Mul/Add."""
    import onnxruntime as ort

    from engine.importers import import_onnx

    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((12, 12, 3)),
            layers.Conv2D(4, 3, activation="relu", padding="same"),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(5, activation="softmax"),
        ]
    )
    rng = np.random.default_rng(3)
    model.layers[1].moving_mean.assign(rng.normal(size=4).astype("float32"))
    model.layers[1].moving_variance.assign(rng.uniform(0.5, 2.0, 4).astype("float32"))
    model.layers[1].gamma.assign(rng.uniform(0.5, 1.5, 4).astype("float32"))
    x = rng.normal(size=(4, 12, 12, 3)).astype("float32")
    model.predict(x, verbose=0)  # Keras exports only a model that has run
    path = tmp_path / "keras.onnx"
    model.export(str(path), format="onnx", verbose=False)
    result = import_onnx(path)
    assert _types(result) == [
        "Input",
        "Conv2d",
        "ReLU",
        "BatchNorm2d",
        "MaxPool2d",
        "Flatten",
        "Output",
    ]
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    expected = session.run(None, {session.get_inputs()[0].name: x})[0]
    with torch.no_grad():
        got = _net(result)(torch.from_numpy(x.transpose(0, 3, 1, 2).copy())).softmax(-1)
    assert np.abs(got.numpy() - expected).max() <= 1e-4


def test_wrong_weight_shapes_and_broken_configs_are_refused(tmp_path: Path) -> None:
    dense = {
        "class_name": "Dense",
        "config": {"name": "d", "units": 2, "batch_input_shape": [None, 3]},
    }
    path = tmp_path / "bad.h5"
    _keras2_h5(path, [dense], {"d": {"kernel": np.ones((4, 2), "f4"), "bias": np.zeros(2, "f4")}})
    with pytest.raises(ModelImportError, match="'d': its weights 3×2 4×2 do not fit the layer"):
        import_model(str(path))
    broken = [dense, {"class_name": "Dense", "config": {"name": "no_units"}}]
    _keras2_h5(path, broken, {"d": {"kernel": np.ones((3, 2), "f4"), "bias": np.zeros(2, "f4")}})
    with pytest.raises(ModelImportError, match="'no_units': its values cannot be read"):
        import_model(str(path))
