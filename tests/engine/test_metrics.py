"""Metrics against scikit-learn on random data; evaluate/predict/sample on tiny models."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from sklearn import metrics as skm
from test_train_fixtures import (
    CharModel,
    image_dataset,
    image_model,
    table_dataset,
    table_model,
    text_dataset,
)
from torch import nn

from engine.metrics import (
    averages,
    confusion_matrix,
    evaluate,
    feature_maps,
    one_vs_rest_curves,
    per_class_scores,
    predict_proba,
    regression_scores,
    sample_text,
    top_k_accuracy,
)
from engine.types import NetCanvasError


@pytest.mark.parametrize("seed", range(8))
def test_roc_and_precision_recall_match_scikit_learn(seed: int) -> None:
    """One-vs-rest ROC AUC and average precision, ties in the scores included (rounded
    probabilities), as scikit-learn computes them; a class absent from the split has none."""
    rng = np.random.default_rng(seed)
    k, n = int(rng.integers(2, 6)), int(rng.integers(5, 200))
    probs = np.round(rng.dirichlet(np.ones(k), n), int(rng.integers(1, 4)))
    y_true = rng.integers(0, k - 1 if seed == 0 else k, n)  # seed 0: the last class is absent
    curves = one_vs_rest_curves(probs, y_true, [f"c{i}" for i in range(k)])
    for c, curve in enumerate(curves):
        positive = y_true == c
        if positive.all() or not positive.any():
            assert np.isnan(curve.auc)
            continue
        assert curve.auc == pytest.approx(skm.roc_auc_score(positive, probs[:, c]), abs=1e-12)
        assert curve.average_precision == pytest.approx(
            skm.average_precision_score(positive, probs[:, c]), abs=1e-12
        )
        fpr, tpr, _ = skm.roc_curve(positive, probs[:, c], drop_intermediate=False)
        np.testing.assert_allclose(curve.fpr, fpr)
        np.testing.assert_allclose(curve.tpr, tpr)


@pytest.mark.parametrize("seed", range(5))
def test_classification_scores_match_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 8))
    n = int(rng.integers(1, 300))
    y_true = rng.integers(0, k, n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, k, n))
    labels = list(range(k))
    cm = confusion_matrix(y_true, y_pred, k)
    np.testing.assert_array_equal(cm, skm.confusion_matrix(y_true, y_pred, labels=labels))
    p, r, f, s = per_class_scores(cm)
    sp, sr, sf, ss = skm.precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0
    )
    np.testing.assert_allclose(p, sp)
    np.testing.assert_allclose(r, sr)
    np.testing.assert_allclose(f, sf)
    np.testing.assert_array_equal(s, ss)
    macro, weighted = averages(p, r, f, s)
    for avg, ours in (("macro", macro), ("weighted", weighted)):
        ref = skm.precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average=avg, zero_division=0
        )
        assert ours["precision"] == pytest.approx(ref[0])
        assert ours["recall"] == pytest.approx(ref[1])
        assert ours["f1"] == pytest.approx(ref[2])


@pytest.mark.parametrize("seed", range(3))
def test_top_k_and_regression_match_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores = rng.random((200, 6))
    y = rng.integers(0, 6, 200)
    for k in (1, 2, 3, 5):
        assert top_k_accuracy(scores, y, k) == pytest.approx(
            skm.top_k_accuracy_score(y, scores, k=k, labels=list(range(6)))
        )
    t = rng.normal(size=(100, 3))
    p = t + rng.normal(scale=0.5, size=(100, 3))
    ours = regression_scores(t, p)
    assert ours["mse"] == pytest.approx(skm.mean_squared_error(t, p))
    assert ours["mae"] == pytest.approx(skm.mean_absolute_error(t, p))
    assert ours["r2"] == pytest.approx(skm.r2_score(t, p))
    const = np.ones((10, 1))
    assert regression_scores(const, const)["r2"] == skm.r2_score(const, const)
    assert regression_scores(const, const + 1)["r2"] == skm.r2_score(const, const + 1)


def test_evaluate_classification_report() -> None:
    ds = image_dataset()
    model = image_model()
    report = evaluate(model, ds)
    assert report.split == "test" and report.n == len(ds.test)  # type: ignore[arg-type]
    probs = report.probs
    assert probs.shape == (report.n, 3)
    np.testing.assert_allclose(probs.sum(1), 1.0, rtol=1e-5)
    with torch.no_grad():
        logits = model(ds.preprocess(ds.test.x))  # type: ignore[union-attr]
    expected_loss = float(nn.functional.cross_entropy(logits, ds.test.y))  # type: ignore[union-attr]
    assert report.loss == pytest.approx(expected_loss, rel=1e-5)
    assert report.accuracy == pytest.approx(skm.accuracy_score(report.y_true, report.y_pred))
    assert report.confusion.sum() == report.n
    assert report.macro["f1"] == pytest.approx(
        skm.f1_score(
            report.y_true, report.y_pred, average="macro", labels=[0, 1, 2], zero_division=0
        )
    )
    wrong = report.misclassified()
    assert len(wrong) == int((report.y_pred != report.y_true).sum())
    confidences = [c for *_, c in wrong]
    assert confidences == sorted(confidences, reverse=True)
    for index, true, pred, conf in wrong:
        assert true != pred and conf == pytest.approx(float(probs[index].max()))
    summary = report.to_dict()
    json.dumps(summary, allow_nan=False)
    assert {"accuracy", "loss", "macro_f1", "n", "macro_roc_auc"} <= summary.keys()
    assert summary["macro_roc_auc"] == pytest.approx(
        skm.roc_auc_score(report.y_true, probs, multi_class="ovr", labels=[0, 1, 2])
    )
    assert [row["roc_auc"] for row in report.per_class] == [c.auc for c in report.curves]


def test_evaluate_falls_back_to_val_and_handles_regression_and_binary() -> None:
    ds = table_dataset(task="regression")
    ds.test = None
    report = evaluate(table_model(outputs=2), ds)
    assert report.split == "val" and report.accuracy is None
    assert report.mse == pytest.approx(skm.mean_squared_error(report.y_true, report.y_pred))
    assert report.misclassified() == []
    binary = evaluate(table_model(outputs=1), table_dataset(task="binary"))
    assert binary.probs.shape[1] == 2 and binary.confusion.shape == (2, 2)


def test_text_metrics_and_sampler() -> None:
    ds = text_dataset()
    model = CharModel(len(ds.vocab or []))
    report = evaluate(model, ds)
    assert report.nats_per_char == pytest.approx(report.loss)
    assert report.perplexity == pytest.approx(np.exp(report.loss))
    assert report.n == len(ds.test) and report.y_true.size == report.n * 12  # type: ignore[arg-type]
    text = sample_text(model, ds, "hello", 30, 0.8, torch.Generator().manual_seed(1))
    assert len(text) == 30 and set(text) <= set(ds.vocab or [])
    again = sample_text(model, ds, "hello", 30, 0.8, torch.Generator().manual_seed(1))
    assert text == again
    greedy = sample_text(model, ds, "hello", 10, 0.0)
    assert greedy == sample_text(model, ds, "hello", 10, 0.0)
    with pytest.raises(NetCanvasError):
        sample_text(model, table_dataset(), "x", 3, 1.0)


def test_predict_proba_takes_raw_samples() -> None:
    ds = image_dataset()
    model = image_model()
    one = ds.test.x[0]  # type: ignore[union-attr]
    p1 = predict_proba(model, ds, one)  # a single uint8 sample from the draw pad
    assert p1.shape == (1, 3) and p1.sum() == pytest.approx(1.0, rel=1e-5)
    batch = predict_proba(model, ds, ds.test.x[:4].numpy())  # type: ignore[union-attr]
    np.testing.assert_allclose(batch[0], p1[0], rtol=1e-5)
    as_float = one.float()
    np.testing.assert_allclose(predict_proba(model, ds, as_float), p1, rtol=1e-5)
    assert torch.equal(as_float, one.float())  # the caller's tensor is untouched
    with pytest.raises(NetCanvasError, match="shape"):
        predict_proba(model, ds, torch.zeros(2, 1, 5, 5, dtype=torch.uint8))


def test_feature_maps_of_conv_layers() -> None:
    ds = image_dataset()
    maps = feature_maps(image_model(), ds, ds.test.x[0])  # type: ignore[union-attr]
    assert list(maps) == ["0"] and maps["0"].shape == (4, 8, 8)
    assert list(feature_maps(image_model(), ds, ds.test.x[0], "2")) == ["2"]  # type: ignore[union-attr]
    with pytest.raises(NetCanvasError):
        feature_maps(image_model(), ds, ds.test.x[0], "nope")  # type: ignore[union-attr]
