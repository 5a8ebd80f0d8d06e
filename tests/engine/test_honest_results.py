"""Results that do not lie: an export of a model that returns NaN is not "verified", `eval`
warns when the outputs are not finite, and a split without samples is said to be empty instead
of scoring "accuracy 0.0000"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from engine.cli import main
from engine.data import load_dataset
from engine.export import _max_diff, export_onnx
from engine.project import load_project, new_project, save_project
from engine.session import trained_model
from engine.types import DataRef, NetCanvasError


def _trained(tmp_path: Path, capsys: pytest.CaptureFixture[str], **options: Any) -> Path:
    ref = DataRef("moons", {"n_samples": 120, "seed": 0, **options})
    project = new_project("toy2d", ref, None)
    project.settings.epochs = 1
    project.settings.device = "cpu"
    path = tmp_path / "toy.netcanvas"
    save_project(project, path)
    assert main(["train", str(path), "--quiet"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return path


def _poisoned(path: Path) -> None:
    """Every weight of the saved model NaN, as a diverged run without a guard would leave it."""
    project = load_project(path)
    assert project.weights is not None
    project.weights = {k: torch.full_like(v, float("nan")) for k, v in project.weights.items()}
    save_project(project, path)


def test_an_all_nan_model_fails_the_onnx_check_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _trained(tmp_path, capsys)
    _poisoned(path)
    project = load_project(path)
    dataset = load_dataset(project.data)
    with pytest.raises(NetCanvasError, match="NaN or infinity"):
        export_onnx(trained_model(project, dataset), dataset, tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()
    code, _, err = main(["export-onnx", str(path), str(tmp_path / "m.onnx")]), *capsys.readouterr()
    assert code == 2 and "NaN or infinity" in err and "verified in" not in err


class _NanSession:
    """An onnxruntime session whose exported graph is broken: it returns NaN."""

    def run(self, _names: object, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        batch = next(iter(feeds.values())).shape[0]
        return [np.full((batch, 2), np.nan, np.float32)]


def test_nan_from_the_exported_model_is_a_difference_not_a_match() -> None:
    model = torch.nn.Linear(3, 2).eval()
    with pytest.raises(NetCanvasError, match="NaN or infinity"):
        _max_diff(model, _NanSession(), [torch.zeros(4, 3)])


def test_eval_warns_when_the_outputs_are_not_finite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _trained(tmp_path, capsys)
    code, _, err = main(["eval", str(path)]), *capsys.readouterr()
    assert code == 0 and "warning" not in err
    _poisoned(path)
    code, _, err = main(["eval", str(path), "--json"]), *capsys.readouterr()
    assert code == 0 and "warning" in err and "NaN or infinity" in err, err


def test_an_empty_split_is_said_to_be_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _trained(tmp_path, capsys, val_split=0.0, test_split=0.0)  # trains, no test metrics
    assert not any(k.startswith("test_") for k in load_project(path).runs[-1].metrics)
    code, out, err = main(["eval", str(path)]), *capsys.readouterr()
    assert code == 2 and "no val samples" in err and "accuracy" not in out, err
