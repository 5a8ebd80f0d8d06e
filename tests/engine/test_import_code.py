"""Networks written as code become graphs (parsed with ast, never executed): the
introduction's Keras CNN is the reference CNN, an nn.Sequential MLP is the MLP template, and
every line that cannot be mapped is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.cli import main
from engine.importers import ModelImportError, import_code
from engine.project import load_project
from engine.templates import make_template

INTRO_CNN = """
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),
    tf.keras.layers.MaxPooling2D((2, 2)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dense(10, activation='softmax')
])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""

TORCH_MLP = """
import torch.nn as nn

net = nn.Sequential(
    nn.Linear(4, 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 3),
)
"""


def _layers(graph) -> list[tuple[str, dict]]:
    return [(graph.nodes[n].type, graph.nodes[n].params) for n in graph.topological_order()]


def test_the_introductions_keras_cnn_is_the_reference_cnn() -> None:
    result = import_code(INTRO_CNN)
    graph = result.project.graph
    assert graph.analysis.valid and graph.analysis.total_params == 693_962
    assert _layers(graph) == _layers(make_template("seed-cnn"))
    assert result.project.weights is None  # code has no weights: they start fresh


def test_keras_model_add_lines_and_keras_input() -> None:
    code = """
from keras import layers, models
model = models.Sequential()
model.add(layers.Input(shape=(4,)))
model.add(layers.Dense(16, activation=tf.nn.tanh))
model.add(layers.Dense(2))
"""
    graph = import_code(code).project.graph
    assert [t for t, _ in _layers(graph)] == ["Input", "Linear", "Tanh", "Output"]


def test_an_nn_sequential_mlp_is_the_mlp_template() -> None:
    graph = import_code(TORCH_MLP).project.graph
    assert _layers(graph) == _layers(make_template("mlp"))


def test_an_nn_sequential_cnn_gets_the_image_size_its_first_linear_reads() -> None:
    code = """
model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(8 * 16 * 16, 10))
"""
    with pytest.raises(ModelImportError, match=r"line 3 'nn\.Linear"):
        import_code(code)  # 8 * 16 * 16 is an expression, not a plain value
    graph = import_code(code.replace("8 * 16 * 16", "2048")).project.graph
    params = graph.input_nodes()[0].params
    assert (params["channels"], params["height"], params["width"]) == (3, 32, 32)
    assert graph.analysis.valid


def test_every_unmappable_line_is_named_in_one_message() -> None:
    code = """
model = keras.Sequential([
    layers.Dense(8, input_shape=(4,)),
    layers.Lambda(lambda x: x * 2),
    MyBlock(3),
    layers.Dense(2, activation=make_activation()),
])
"""
    with pytest.raises(ModelImportError) as info:
        import_code(code)
    text = str(info.value)
    assert "line 4 'layers.Lambda(lambda x: x * 2)'" in text
    assert "line 5 'MyBlock(3)'" in text
    assert "line 6 'layers.Dense(2, activation=make_activation())'" in text
    assert text.count("cannot be imported") == 1


def test_a_declared_size_that_does_not_fit_is_refused() -> None:
    with pytest.raises(ModelImportError, match="declares 9 inputs but receives 8"):
        import_code("net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(9, 2))")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("def broken(:\n", "is not valid Python"),
        ("x = 1\nprint(x)\n", "no keras.Sequential"),
        ("m = keras.Sequential([layers.Dense(3)])", "does not say its input shape"),
    ],
)
def test_not_a_network(code: str, message: str) -> None:
    with pytest.raises(ModelImportError, match=message):
        import_code(code)


def test_nothing_in_the_code_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('x')\n" + TORCH_MLP
    import_code(code)
    assert not marker.exists()


def test_cli_imports_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "intro_cnn.py"
    source.write_text(INTRO_CNN, encoding="utf-8")
    out = tmp_path / "cnn.netcanvas"
    assert main(["import", str(source), str(out)]) == 0
    assert "693,962 parameters, data 'mnist-5k'" in capsys.readouterr().out
    project = load_project(out)
    assert project.weights is None and project.graph.analysis.total_params == 693_962
