"""What the importer refuses: one message naming every node the layer library cannot express,
and one clear message for each kind of broken or hostile file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from engine.importers import ModelImportError, import_model, import_onnx


def _model(nodes, inits, in_shape=("N", 4), out_shape=("N", 3), opset=17):
    graph = helper.make_graph(
        nodes,
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(in_shape))],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, list(out_shape))],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    return model


def _save(tmp_path: Path, model, name: str = "m.onnx") -> Path:
    path = tmp_path / name
    onnx.save(model, str(path))
    return path


def _w(name: str, *shape: int) -> onnx.TensorProto:
    return numpy_helper.from_array(np.ones(shape, dtype=np.float32), name)


def test_every_inexpressible_node_is_named_in_one_message(tmp_path: Path) -> None:
    nodes = [
        # Two branches: a 3×5 kernel (no square kernel) and custom ops on the other.
        helper.make_node("Conv", ["x", "k35"], ["c"], kernel_shape=[3, 5], name="odd_conv"),
        helper.make_node("Swish", ["x"], ["s1"], name="custom_a", domain="my.ops"),
        helper.make_node("Swish", ["s1"], ["s2"], name="custom_b", domain="my.ops"),
        helper.make_node("Erf", ["s2"], ["e"], name="erf_1"),
        helper.make_node("Mul", ["x", "scale"], ["mul"], name="scale_input"),
        helper.make_node("Add", ["c", "e"], ["sum"]),
        helper.make_node("Add", ["sum", "mul"], ["sum2"]),
        helper.make_node("Flatten", ["sum2"], ["f"]),
        helper.make_node("Gemm", ["f", "w"], ["y"], transB=1),
    ]
    inits = [_w("k35", 2, 1, 3, 5), _w("w", 3, 2), _w("scale", 1)]
    model = _model(nodes, inits, ("N", 1, 8, 8))
    with pytest.raises(ModelImportError) as info:
        import_onnx(_save(tmp_path, model))
    text = str(info.value)
    assert text.count("cannot be imported") == 1 and "5 node(s)" in text
    for name in ("odd_conv", "custom_a", "custom_b", "erf_1", "scale_input"):
        assert f"'{name}'" in text
    assert "Swish 'custom_a', 'custom_b': no NetCanvas layer does this" in text
    assert "3×5" in text and "Nothing was imported" in text


def test_keras_same_padding_with_stride_2_is_refused_with_the_reason(tmp_path: Path) -> None:
    nodes = [
        helper.make_node(
            "Conv",
            ["x", "k"],
            ["c"],
            kernel_shape=[3, 3],
            strides=[2, 2],
            pads=[0, 0, 1, 1],
            name="conv_same",
        ),
        helper.make_node("Flatten", ["c"], ["f"]),
        helper.make_node("Gemm", ["f", "w"], ["y"], transB=1),
    ]
    model = _model(nodes, [_w("k", 2, 1, 3, 3), _w("w", 3, 32)], ("N", 1, 8, 8))
    with pytest.raises(ModelImportError, match=r"Conv 'conv_same': its pads 0×0×1×1 differ"):
        import_onnx(_save(tmp_path, model))


def test_a_network_that_does_not_end_in_a_dense_layer_is_refused(tmp_path: Path) -> None:
    model = _model([helper.make_node("Relu", ["x"], ["y"], name="last")], [], out_shape=("N", 4))
    with pytest.raises(ModelImportError, match="ends in a Dense layer"):
        import_onnx(_save(tmp_path, model))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a model\n", "is not an ONNX model"),
        (b"", "it has no nodes"),  # an empty file parses as an empty model
    ],
)
def test_not_a_model(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "notes.onnx"
    path.write_bytes(content)
    with pytest.raises(ModelImportError, match=message):
        import_onnx(path)


def test_truncated_onnx(tmp_path: Path) -> None:
    nodes = [helper.make_node("Gemm", ["x", "w"], ["y"], transB=1)]
    path = _save(tmp_path, _model(nodes, [_w("w", 3, 4)]))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ModelImportError, match="is not a model NetCanvas can read"):
        import_onnx(path)


def test_a_graph_with_a_cycle(tmp_path: Path) -> None:
    nodes = [
        helper.make_node("Add", ["x", "b"], ["a"]),
        helper.make_node("Relu", ["a"], ["b"]),
        helper.make_node("Gemm", ["b", "w"], ["y"], transB=1),
    ]
    with pytest.raises(ModelImportError, match="cycle"):
        import_onnx(_save(tmp_path, _model(nodes, [_w("w", 3, 4)])))


def test_a_billion_element_claim_is_refused_before_allocation(tmp_path: Path) -> None:
    huge = onnx.TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[1000, 1_000_000])
    huge.raw_data = b"\0" * 16  # the claim, not the bytes
    nodes = [helper.make_node("Gemm", ["x", "w"], ["y"], transB=1)]
    with pytest.raises(ModelImportError, match="claims 1,000,000,000 values"):
        import_onnx(_save(tmp_path, _model(nodes, [huge])))


def test_external_data_outside_the_model_folder_is_refused(tmp_path: Path) -> None:
    tensor = onnx.TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[3, 4])
    tensor.data_location = TensorProto.EXTERNAL
    for key, value in (("location", "../secret.bin"), ("length", "48")):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    (tmp_path / "secret.bin").write_bytes(b"\0" * 48)
    folder = tmp_path / "model"
    folder.mkdir()
    nodes = [helper.make_node("Gemm", ["x", "w"], ["y"], transB=1)]
    with pytest.raises(ModelImportError, match="is not beside it"):
        import_onnx(_save(folder, _model(nodes, [tensor])))


def test_missing_or_short_external_data(tmp_path: Path) -> None:
    tensor = onnx.TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[3, 4])
    tensor.data_location = TensorProto.EXTERNAL
    for key, value in (("location", "w.bin"), ("length", "48")):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    nodes = [helper.make_node("Gemm", ["x", "w"], ["y"], transB=1)]
    path = _save(tmp_path, _model(nodes, [tensor]))
    with pytest.raises(ModelImportError, match="is not beside it"):
        import_onnx(path)
    (tmp_path / "w.bin").write_bytes(b"\0" * 20)
    with pytest.raises(ModelImportError, match="is truncated"):
        import_onnx(path)


def test_two_inputs_are_refused(tmp_path: Path) -> None:
    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "z"], ["y"])],
        "g",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4]),
            helper.make_tensor_value_info("z", TensorProto.FLOAT, ["N", 4]),
        ],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 4])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    with pytest.raises(ModelImportError, match="exactly one input"):
        import_onnx(_save(tmp_path, model))


def test_an_unknown_file_type(tmp_path: Path) -> None:
    path = tmp_path / "model.pt"
    path.write_bytes(b"\x80\x02")
    with pytest.raises(ModelImportError, match=r"reads \.onnx, \.h5, \.keras and \.py files"):
        import_model(str(path))


def test_a_node_whose_values_do_not_fit_is_refused_not_a_crash(tmp_path: Path) -> None:
    shape = numpy_helper.from_array(np.array([5, 7], dtype=np.int64), "shape")
    idx = numpy_helper.from_array(np.array([9], dtype=np.int64), "idx")
    nodes = [
        helper.make_node("Gather", ["shape", "idx"], ["bad"], name="out_of_range"),
        helper.make_node("Reshape", ["x", "bad"], ["r"]),
        helper.make_node("Gemm", ["r", "w"], ["y"], transB=1),
    ]
    model = _model(nodes, [shape, idx, _w("w", 3, 4)])
    with pytest.raises(ModelImportError, match="Gather 'out_of_range': its values cannot be read"):
        import_onnx(_save(tmp_path, model))
