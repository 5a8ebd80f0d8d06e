"""netcanvas-cli's exports (history, weights, lab report) and a run resumed from its last
checkpoint, in this process (the same code a subprocess runs)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import torch

from engine import load_project, load_weights
from engine.cli import main


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    project = tmp_path / "moons.netcanvas"
    assert run(capsys, "new", str(project), "--template", "mlp", "--data", "moons")[0] == 0
    code, _out, err = run(capsys, "train", str(project), "--epochs", "2", "--quiet")
    assert code == 0, err
    return project


def test_export_history_writes_one_csv_row_per_epoch_or_step(
    trained: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "history.csv"
    code, printed, err = run(capsys, "export-history", str(trained), str(out))
    assert code == 0, err
    assert f"wrote {out}" in printed
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["run"], r["epoch"]) for r in rows] == [("run-1", "1"), ("run-1", "2")]
    history = load_project(trained).runs[0].history
    assert float(rows[1]["loss"]) == pytest.approx(history["loss"][1])
    steps = tmp_path / "steps.csv"
    assert run(capsys, "export-history", str(trained), str(steps), "--steps")[0] == 0
    step_rows = list(csv.DictReader(steps.open(encoding="utf-8")))
    # Logged steps carry their fractional epoch ("1.0", "1.5", ...), never the epoch's number.
    assert step_rows and all("." in r["epoch"] for r in step_rows)


def test_export_history_as_tensorboard_files(
    trained: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tensorboard")
    folder = tmp_path / "tb"
    code, printed, err = run(capsys, "export-history", str(trained), str(folder), "--tensorboard")
    assert f"wrote {folder / 'run-1'}" in printed
    assert code == 0, err
    assert list((folder / "run-1").glob("events.out.tfevents.*"))


def test_export_weights_in_both_formats(
    trained: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = load_project(trained).weights
    assert saved is not None
    for name in ("w.safetensors", "w.pt"):
        code, _printed, err = run(capsys, "export-weights", str(trained), str(tmp_path / name))
        assert code == 0, err
        weights = load_weights(tmp_path / name)
        assert set(weights) == set(saved)
        assert all(torch.equal(weights[k].cpu(), torch.as_tensor(saved[k])) for k in saved)
    code, _printed, err = run(capsys, "export-weights", str(trained), str(tmp_path / "w.bin"))
    assert code == 2 and ".safetensors or .pt" in err


def test_report_has_the_evaluation_of_a_trained_project(
    trained: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    code, _printed, err = run(capsys, "report", str(trained), str(out), "--author", "Ada L.")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Ada L." in html and "run-1" in html
    assert "Precision" in html or "precision" in html  # the test split's evaluation


def test_train_resumes_from_its_last_checkpoint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two epochs, then --resume to four, ends where four epochs straight through end (with a
    constant learning rate: a one-cycle schedule spans the epochs a run was started with)."""
    straight, split = tmp_path / "straight.netcanvas", tmp_path / "split.netcanvas"
    for project in (straight, split):
        assert run(capsys, "new", str(project), "--template", "mlp", "--data", "moons")[0] == 0
    keras = ("--recipe", "keras")
    assert run(capsys, "train", str(straight), "--epochs", "4", "--quiet", *keras)[0] == 0
    checkpoints = tmp_path / "ckpt"
    code, _out, err = run(
        capsys,
        "train",
        str(split),
        "--epochs",
        "2",
        "--quiet",
        "--checkpoint-dir",
        str(checkpoints),
        *keras,
    )
    assert code == 0, err
    assert json.loads((checkpoints / "last.json").read_text())["epoch"] == 2
    code, out, err = run(
        capsys,
        "train",
        str(split),
        "--epochs",
        "4",
        "--resume",
        "--checkpoint-dir",
        str(checkpoints),
        *keras,
    )
    assert code == 0, err
    assert "epochs 3 to 4 from the checkpoint" in out
    resumed, reference = load_project(split), load_project(straight)
    assert [r.id for r in resumed.runs] == ["run-1"]  # the same run, continued
    assert len(resumed.runs[0].history["loss"]) == 4
    assert resumed.runs[0].history["loss"] == pytest.approx(reference.runs[0].history["loss"])
    assert resumed.weights is not None and reference.weights is not None
    for key, value in reference.weights.items():
        assert torch.allclose(torch.as_tensor(resumed.weights[key]), torch.as_tensor(value))
    code, _out, err = run(
        capsys,
        "train",
        str(split),
        "--epochs",
        "4",
        "--resume",
        "--checkpoint-dir",
        str(checkpoints),
    )
    assert code == 2 and "trained 4 epochs already" in err


def test_resume_needs_the_checkpoint_folder(
    trained: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "train", str(trained), "--resume")
    assert code == 2 and "--checkpoint-dir DIR" in err
    code, _out, err = run(
        capsys, "train", str(trained), "--resume", "--checkpoint-dir", str(tmp_path / "none")
    )
    assert code == 2 and err.startswith("netcanvas-cli: error:")
