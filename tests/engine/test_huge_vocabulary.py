"""A text over a 20 000-character vocabulary trains, evaluates and saves: evaluation counts the
per-class scores without the dense V×V confusion matrix (3.2 GB at this size)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from engine.cli import main
from engine.metrics import (
    MAX_CONFUSION_CLASSES,
    confusion_matrix,
    per_class_scores,
    per_class_scores_from_labels,
)


def test_scores_from_labels_equal_the_scores_from_the_matrix() -> None:
    rng = np.random.default_rng(0)
    k = 37
    y_true, y_pred = rng.integers(0, k, 500), rng.integers(0, k, 500)
    y_pred[:200] = y_true[:200]  # some right answers
    dense = per_class_scores(confusion_matrix(y_true, y_pred, k))
    counted = per_class_scores_from_labels(y_true, y_pred, k)
    for a, b in zip(dense, counted, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.slow
def test_a_20000_character_vocabulary_trains_evaluates_and_saves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.data import load_dataset
    from engine.project import load_project
    from engine.session import evaluate_project, trained_model

    chars = [chr(0x4E00 + i) for i in range(20_000)]
    pick = random.Random(0)
    text = "".join(chars) + "".join(pick.choice(chars[:200]) for _ in range(2_000))
    (tmp_path / "wide.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["new", "w.netcanvas", "--template", "char-lstm", "--data", "wide.txt"]
    assert main([*args, "--option", "seq_len=32"]) == 0
    assert main(["train", "w.netcanvas", "--epochs", "1", "--batch-size", "32"]) == 0
    capsys.readouterr()

    project = load_project("w.netcanvas")
    assert project.weights is not None and project.runs[-1].status == "finished"
    assert "test_accuracy" in project.runs[-1].metrics
    dataset = load_dataset(project.data)
    assert len(dataset.vocab or []) == 20_000 > MAX_CONFUSION_CLASSES
    report = evaluate_project(project, trained_model(project, dataset), dataset)
    assert report.confusion.shape == (0, 0)  # not 20 000 × 20 000
    assert len(report.per_class) == 20_000
    assert sum(row["support"] for row in report.per_class) == report.y_true.size
    assert main(["eval", "w.netcanvas", "--json"]) == 0
    assert '"accuracy"' in capsys.readouterr().out
