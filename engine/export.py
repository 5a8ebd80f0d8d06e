"""Verified ONNX export: one self-contained file, dynamic batch (and sequence) axes, metadata
that says how to feed it, and a parity check in onnxruntime on real samples.

The exported graph takes *preprocessed* input (what the PyTorch model takes); the metadata
records how to get there from raw samples (``preprocessing``, ``normalisation_mean``/``_std``,
``value_range``), so a deployment needs nothing from NetCanvas.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from engine.export_files import publish
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.data import Dataset

INPUT_NAME = "input"
OUTPUT_NAME = "output"
Exporter = Literal["auto", "dynamo", "torchscript"]


@dataclass
class ExportResult:
    path: Path
    max_abs_diff: float  # onnxruntime vs PyTorch on real samples
    opset: int
    input_name: str
    output_name: str
    metadata: dict[str, str] = field(default_factory=dict)
    exporter: str = "dynamo"  # which torch exporter produced the file
    samples: int = 0  # how many real samples the parity check ran


def model_metadata(dataset: Dataset) -> dict[str, str]:
    """What a deployment needs to feed the model and read its output (ONNX metadata_props)."""
    from engine import __version__

    kind, task = dataset.kind, dataset.task
    mean = [round(float(v), 6) for v in dataset.mean.reshape(-1).tolist()]
    std = [round(float(v), 6) for v in dataset.std.reshape(-1).tolist()]
    meta = {
        "producer": f"NetCanvas {__version__}",
        "task": task,
        "input_kind": kind,
        "input_shape": json.dumps(["N", *dataset.input_shape]),
        "class_names": json.dumps(list(dataset.class_names), ensure_ascii=False),
    }
    if kind == "image":
        scale = 1 / 255 if dataset.scale is None else dataset.scale  # the Input's record, if any
        meta.update(
            input_dtype="float32",
            value_range=json.dumps([0, 255]),
            normalisation_scale=json.dumps(round(scale, 9)),
            normalisation_mean=json.dumps(mean),
            normalisation_std=json.dumps(std),
            preprocessing="input = (pixels * scale - mean[c]) / std[c], pixels uint8 N×C×H×W",
        )
    elif kind == "text":
        meta.update(
            input_dtype="int64",
            value_range=json.dumps([0, max(0, len(dataset.vocab or []) - 1)]),
            vocab=json.dumps(list(dataset.vocab or []), ensure_ascii=False),
            preprocessing="input = character indices into vocab, N×T (any T)",
        )
    else:
        meta.update(
            input_dtype="float32",
            value_range=json.dumps(["-inf", "inf"]),
            normalisation_mean=json.dumps(mean),
            normalisation_std=json.dumps(std),
            preprocessing="input = (features - mean[f]) / std[f], features float32 N×F",
        )
    meta["output"] = {
        "classification": "logits N×K (softmax gives class probabilities)",
        "binary": "logit N×1 (sigmoid gives the probability of class 1)",
        "regression": "predicted values N×K",
        "next_char": "logits N×T×V over vocab for the next character at each position",
    }.get(task, "model output")
    return meta


def _examples(dataset: Dataset, count: int = 16) -> torch.Tensor:
    """Real preprocessed samples (at least two: a batch of one would fix the batch axis)."""
    import torch

    split = dataset.test if dataset.test is not None and len(dataset.test) else dataset.val
    if split is None or len(split) == 0:
        split = dataset.train
    x = split.x[:count].cpu()
    if len(x) == 0:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "Dataset '{dataset}' has no samples to check the export with."
            ),
            dataset=dataset.name,
        )
    if len(x) < 2:
        x = torch.cat([x, x])
    return dataset.preprocess(x)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The exporters warn and log a lot about internals a user cannot act on."""
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _torch_export(
    model: nn.Module, example: torch.Tensor, path: str, opset: int, dynamic: bool, exporter: str
) -> None:
    import torch

    text = example.ndim == 2 and not example.is_floating_point()
    if exporter == "dynamo":
        shapes: Any = None
        if dynamic:
            axes: dict[int, Any] = {0: torch.export.Dim("batch")}
            if text:
                axes[1] = torch.export.Dim("sequence")
            shapes = (axes,)
        torch.onnx.export(
            model,
            (example,),
            path,
            input_names=[INPUT_NAME],
            output_names=[OUTPUT_NAME],
            opset_version=opset,
            dynamic_shapes=shapes,
            external_data=False,
            dynamo=True,
        )
        return
    names: dict[int, str] = {0: "batch", 1: "sequence"} if text else {0: "batch"}
    torch.onnx.export(
        model,
        (example,),
        path,
        input_names=[INPUT_NAME],
        output_names=[OUTPUT_NAME],
        opset_version=opset,
        dynamic_axes={INPUT_NAME: names, OUTPUT_NAME: names} if dynamic else None,
        dynamo=False,
    )


def _max_diff(model: nn.Module, session: Any, inputs: list[torch.Tensor]) -> float:
    import torch

    worst = 0.0
    with torch.no_grad():
        for x in inputs:
            expected = model(x).float().numpy()
            got = session.run(None, {INPUT_NAME: x.numpy()})[0]
            if got.shape != expected.shape:
                raise NetCanvasError(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "The exported model returns shape {shape} for input {input}, PyTorch returns {expected}.",
                    ),
                    shape=got.shape,
                    input=tuple(x.shape),
                    expected=expected.shape,
                )
            if not np.isfinite(got).all():
                # max() would pass NaN over (every comparison with it is false): say it.
                raise NetCanvasError(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "the exported model returns NaN or infinity on real samples where PyTorch returns finite numbers",
                    )
                )
            worst = max(worst, float(np.max(np.abs(got.astype(np.float64) - expected))))
    return worst


def _check_finite(model: nn.Module, example: torch.Tensor) -> None:
    """Refuse a model whose own outputs hold NaN or infinity: no export of it can be verified."""
    import torch

    with torch.no_grad():
        finite = bool(torch.isfinite(model(example)).all())
    if not finite:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The model returns NaN or infinity on real samples, so its ONNX export cannot be verified. Train it again (a lower learning rate often helps), then export.",
            )
        )


def export_onnx(
    model: nn.Module,
    dataset: Dataset,
    path: str | Path,
    opset: int = 18,
    dynamic_batch: bool = True,
    *,
    exporter: Exporter = "auto",
    tolerance: float = 1e-4,
) -> ExportResult:
    """Export ``model`` to ``path`` and verify it in onnxruntime; see the module docstring.

    ``exporter``: "torchscript" (the tracer: well under a second here), "dynamo" (torch.export
    based: 5-15 s on a 2-core machine) or "auto" (the tracer, then dynamo if the tracer fails
    or its file does not match PyTorch). Raises NetCanvasError when no export passes
    ``onnx.checker`` (full check) and matches PyTorch within ``tolerance`` on real samples;
    the target file is replaced only by a verified export.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "Cannot export to {target}: the folder {folder} does not exist."
            ),
            target=target,
            folder=target.parent,
        )
    net = copy.deepcopy(model).cpu().float().eval()
    for p in net.parameters():  # channels_last from GPU training: plain layout for the tracer
        p.data = p.data.contiguous()
    example = _examples(dataset)
    _check_finite(net, example)
    metadata = model_metadata(dataset)
    order = ["torchscript", "dynamo"] if exporter == "auto" else [exporter]
    errors: list[str] = []
    for name in order:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            diff, opset_used = _export_verified(
                net, example, tmp_name, opset, dynamic_batch, name, metadata
            )
            if not diff <= tolerance:
                raise NetCanvasError(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "the ONNX export differs from the PyTorch model by up to {diff:.3g} (allowed {tolerance:g}) on real samples",
                    ),
                    diff=diff,
                    tolerance=tolerance,
                )
            publish(tmp, target)
        except OSError as exc:
            raise NetCanvasError(
                QT_TRANSLATE_NOOP("Engine", "Could not write {target}: {reason}."),
                target=target,
                reason=exc.strerror or exc,
            ) from exc
        except Exception as exc:  # the exporters raise many types; try the next one
            first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            errors.append(f"{name}: {first or type(exc).__name__}")
            continue
        finally:
            with contextlib.suppress(OSError):  # a read-only folder refuses even this
                tmp.unlink(missing_ok=True)
        return ExportResult(
            path=target,
            max_abs_diff=diff,
            opset=opset_used,
            input_name=INPUT_NAME,
            output_name=OUTPUT_NAME,
            metadata=metadata,
            exporter=name,
            samples=int(example.shape[0]),
        )
    raise NetCanvasError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "ONNX export to {file} failed ({errors}). The file was not written; try another opset or simplify the network.",
        ),
        file=target.name,
        errors="; ".join(errors),
    )


def _export_verified(
    net: nn.Module,
    example: torch.Tensor,
    tmp_name: str,
    opset: int,
    dynamic: bool,
    exporter: str,
    metadata: dict[str, str],
) -> tuple[float, int]:
    """Export to ``tmp_name``, add metadata, check, and return (max abs diff, opset)."""
    import onnx
    import onnxruntime as ort

    with _quiet():
        _torch_export(net, example[:2], tmp_name, opset, dynamic, exporter)
    proto = onnx.load(tmp_name)
    del proto.metadata_props[:]
    for key, value in metadata.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(proto, tmp_name, save_as_external_data=False)
    onnx.checker.check_model(tmp_name, full_check=True)
    options = ort.SessionOptions()
    options.log_severity_level = 3  # shape-inference chatter about dynamic axes is expected
    session = ort.InferenceSession(tmp_name, options, providers=["CPUExecutionProvider"])
    checks = [example[:2]]
    if dynamic:
        checks = [example[:1], example]
        if example.ndim == 2 and not example.is_floating_point():
            checks.append(example[:, : max(1, example.shape[1] // 2)])  # the sequence axis too
    diff = _max_diff(net, session, checks)
    opset_used = next((o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")), opset)
    return diff, int(opset_used)


def read_metadata(path: str | Path) -> dict[str, str]:
    """The metadata_props of an ONNX file (what :func:`export_onnx` recorded)."""
    import onnx

    proto = onnx.load(str(path), load_external_data=False)
    return {p.key: p.value for p in proto.metadata_props}
