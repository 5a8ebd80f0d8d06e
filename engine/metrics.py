"""Evaluation: accuracy, per-class precision/recall/F1, confusion, top-k, regression and text
metrics, plus the prediction helpers the draw pad, the galleries and the text sampler use.

The counting functions take NumPy arrays and follow scikit-learn's definitions (zero when a
class is never predicted); the tests check them against scikit-learn on random data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataError, NetCanvasError

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.data import Dataset

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

# Beyond this many classes no one reads a confusion matrix, and a dense one costs K² counts:
# a 20 000-character vocabulary's would take 3.2 GB. The per-class scores are kept.
MAX_CONFUSION_CLASSES = 1000
# A text model's outputs are N×T×V floats: evaluation feeds at most this many bytes of them at
# once (512 windows of 64 steps over 20 000 characters would be 2.6 GB per batch).
_TEXT_OUTPUT_BYTES = 128 * 1024**2


# -- pure metric functions ---------------------------------------------------------------------


def confusion_matrix(y_true: IntArray, y_pred: IntArray, num_classes: int) -> IntArray:
    """K×K counts, rows = true class, columns = predicted class."""
    k = int(num_classes)
    flat = np.asarray(y_true, np.int64) * k + np.asarray(y_pred, np.int64)
    return np.bincount(flat, minlength=k * k).reshape(k, k).astype(np.int64)


def _safe_div(a: FloatArray, b: FloatArray) -> FloatArray:
    return np.divide(a, b, out=np.zeros_like(a, dtype=np.float64), where=b > 0)


Scores = tuple[FloatArray, FloatArray, FloatArray, IntArray]


def _scores(tp: FloatArray, predicted: FloatArray, support: FloatArray) -> Scores:
    precision = _safe_div(tp, predicted)
    recall = _safe_div(tp, support)
    f1 = _safe_div(2 * tp, predicted + support)
    return precision, recall, f1, support.astype(np.int64)


def per_class_scores(confusion: IntArray) -> Scores:
    """Precision, recall, F1 and support per class (0 where undefined, as scikit-learn)."""
    cm = confusion.astype(np.float64)
    return _scores(np.diag(cm), cm.sum(axis=0), cm.sum(axis=1))


def per_class_scores_from_labels(y_true: IntArray, y_pred: IntArray, num_classes: int) -> Scores:
    """The same scores counted from the labels in O(N + K) memory, without the K×K matrix."""
    t, p = np.asarray(y_true, np.int64), np.asarray(y_pred, np.int64)
    k = int(num_classes)

    def count(values: IntArray) -> FloatArray:
        return np.bincount(values, minlength=k).astype(np.float64)

    return _scores(count(t[t == p]), count(p), count(t))


def averages(
    precision: FloatArray, recall: FloatArray, f1: FloatArray, support: IntArray
) -> tuple[dict[str, float], dict[str, float]]:
    """Macro (unweighted) and support-weighted means of the per-class scores."""
    macro = {
        "precision": float(precision.mean()) if precision.size else 0.0,
        "recall": float(recall.mean()) if recall.size else 0.0,
        "f1": float(f1.mean()) if f1.size else 0.0,
    }
    total = float(support.sum())
    weights = support / total if total > 0 else np.zeros_like(support, dtype=np.float64)
    weighted = {
        "precision": float((precision * weights).sum()),
        "recall": float((recall * weights).sum()),
        "f1": float((f1 * weights).sum()),
    }
    return macro, weighted


def top_k_accuracy(scores: NDArray[Any], y_true: IntArray, k: int) -> float:
    """Share of samples whose true class is among the ``k`` highest scores."""
    if len(y_true) == 0:
        return 0.0
    k = min(int(k), scores.shape[1])
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    return float((top == np.asarray(y_true)[:, None]).any(axis=1).mean())


@dataclass
class ClassCurve:
    """One class against the rest: its ROC curve with the area under it, and its
    precision–recall curve with the average precision (scikit-learn's definitions)."""

    name: str
    fpr: FloatArray
    tpr: FloatArray
    auc: float  # NaN when the split has no sample (or only samples) of the class
    recall: FloatArray
    precision: FloatArray
    average_precision: float


def ranking_curves(scores: NDArray[Any], positive: NDArray[Any]) -> tuple[FloatArray, ...]:
    """ROC (fpr, tpr) and precision–recall (recall, precision) points of ``scores`` ranking the
    ``positive`` samples first, one point per distinct score, plus AUC and average precision."""
    order = np.argsort(-np.asarray(scores, np.float64), kind="mergesort")
    ranked = np.asarray(scores, np.float64)[order]
    hits = np.asarray(positive, bool)[order]
    last_of_score = np.r_[np.flatnonzero(np.diff(ranked)), ranked.size - 1]
    tps = np.cumsum(hits)[last_of_score].astype(np.float64)
    fps = (last_of_score + 1) - tps
    n_pos, n_neg = float(hits.sum()), float(hits.size - hits.sum())
    tpr = np.r_[0.0, tps / n_pos] if n_pos else np.full(tps.size + 1, np.nan)
    fpr = np.r_[0.0, fps / n_neg] if n_neg else np.full(fps.size + 1, np.nan)
    auc = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)) if n_pos and n_neg else math.nan
    recall = np.r_[0.0, tps / n_pos] if n_pos else np.zeros(tps.size + 1)
    precision = np.r_[1.0, tps / (tps + fps)]
    ap = float(np.sum(np.diff(recall) * precision[1:])) if n_pos else math.nan
    return fpr, tpr, np.array([auc]), recall, precision, np.array([ap])


def one_vs_rest_curves(probs: NDArray[Any], y_true: IntArray, names: list[str]) -> list[ClassCurve]:
    """A ``ClassCurve`` per class of an N×K probability matrix."""
    curves = []
    for k in range(probs.shape[1] if probs.ndim == 2 else 0):
        fpr, tpr, auc, recall, precision, ap = ranking_curves(probs[:, k], y_true == k)
        name = names[k] if k < len(names) else str(k)
        curves.append(ClassCurve(name, fpr, tpr, float(auc[0]), recall, precision, float(ap[0])))
    return curves


def regression_scores(y_true: NDArray[Any], y_pred: NDArray[Any]) -> dict[str, float]:
    """MSE, MAE and R² (uniform average over outputs, as scikit-learn's defaults)."""
    t = np.asarray(y_true, np.float64).reshape(len(y_true), -1)
    p = np.asarray(y_pred, np.float64).reshape(len(y_pred), -1)
    err = p - t
    ss_res = (err**2).sum(axis=0)
    ss_tot = ((t - t.mean(axis=0)) ** 2).sum(axis=0)
    # scikit-learn's force_finite: a constant target scores 1 when matched exactly, else 0.
    r2 = np.where(ss_tot > 0, 1 - _safe_div(ss_res, ss_tot), np.where(ss_res == 0, 1.0, 0.0))
    return {
        "mse": float((err**2).mean()) if err.size else 0.0,
        "mae": float(np.abs(err).mean()) if err.size else 0.0,
        "r2": float(r2.mean()) if r2.size else 0.0,
    }


# -- the report --------------------------------------------------------------------------------


@dataclass
class EvalReport:
    """Everything the evaluation pane and ``netcanvas-cli eval`` show for one split."""

    task: str
    split: str
    n: int
    loss: float
    accuracy: float | None = None
    top_k: dict[int, float] = field(default_factory=dict)
    confusion: IntArray = field(default_factory=lambda: np.zeros((0, 0), np.int64))
    per_class: list[dict[str, Any]] = field(default_factory=list)
    macro: dict[str, float] = field(default_factory=dict)
    weighted: dict[str, float] = field(default_factory=dict)
    mse: float | None = None
    mae: float | None = None
    r2: float | None = None
    nats_per_char: float | None = None
    perplexity: float | None = None
    probs: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    y_true: NDArray[Any] = field(default_factory=lambda: np.zeros(0, np.int64))
    y_pred: NDArray[Any] = field(default_factory=lambda: np.zeros(0, np.int64))
    confidence: NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    class_names: list[str] = field(default_factory=list)
    curves: list[ClassCurve] = field(default_factory=list)  # ROC and precision–recall per class
    non_finite: int = 0  # samples whose outputs hold NaN or infinity: the metrics mean nothing

    def misclassified(self) -> list[tuple[int, int, int, float]]:
        """(sample index, true, predicted, confidence) of the wrong predictions, most confident
        first: the errors a model is surest about are the most instructive ones."""
        if self.accuracy is None or self.y_pred.size == 0:
            return []
        wrong = np.flatnonzero(self.y_pred != self.y_true)
        order = wrong[np.argsort(-self.confidence[wrong], kind="stable")]
        return [
            (int(i), int(self.y_true[i]), int(self.y_pred[i]), float(self.confidence[i]))
            for i in order
        ]

    def ranking_averages(self) -> dict[str, float]:
        """Macro means of the per-class ROC AUC and average precision (classes the split can
        score: with samples of it and of the rest)."""
        aucs = [c.auc for c in self.curves if math.isfinite(c.auc)]
        aps = [c.average_precision for c in self.curves if math.isfinite(c.average_precision)]
        out = {}
        if aucs:
            out["roc_auc"] = float(np.mean(aucs))
        if aps:
            out["average_precision"] = float(np.mean(aps))
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able summary (what ``netcanvas-cli eval --json`` prints)."""
        out: dict[str, Any] = {"task": self.task, "split": self.split, "n": self.n}
        out["loss"] = self.loss
        if self.accuracy is not None:
            out["accuracy"] = self.accuracy
            for key, value in self.macro.items():
                out[f"macro_{key}"] = value
            for key, value in self.weighted.items():
                out[f"weighted_{key}"] = value
            for k, value in sorted(self.top_k.items()):
                out[f"top_{k}_accuracy"] = value
            for key, value in self.ranking_averages().items():
                out[f"macro_{key}"] = value
        for key in ("mse", "mae", "r2", "nats_per_char", "perplexity"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.non_finite:
            out["non_finite_outputs"] = self.non_finite
        if self.per_class:
            out["per_class"] = self.per_class
        return {
            k: (None if isinstance(v, float) and not math.isfinite(v) else v)
            for k, v in out.items()
        }


# -- running a model ---------------------------------------------------------------------------


def model_device(model: nn.Module) -> torch.device:
    import torch

    for tensor in model.parameters():
        return tensor.device
    return torch.device("cpu")


def inspection_copy(model: nn.Module) -> nn.Module:
    """A private copy of ``model`` (in eval mode) to look inside with hooks or kept weights: the
    window may run the same model on another thread meanwhile (an evaluation, a generation),
    and that forward pass would trigger the hooks too, or overwrite what was kept."""
    import copy

    return copy.deepcopy(model).eval()


def _pick_split(dataset: Dataset, split: str) -> tuple[str, Any]:
    if split == "test" and dataset.test is None:
        split = "val"  # small sets may have no separate test split
    if split not in ("train", "val", "test"):
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Unknown split '{split}': choose test, val or train."),
            split=split,
        )
    data = dataset.split(split)
    if data is None or len(data) == 0:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "This dataset has no {split} samples, so there is nothing to evaluate on that split.",
            ),
            split=split,
        )
    return split, data


def has_samples(dataset: Dataset, split: str) -> bool:
    """Whether ``evaluate`` has samples to measure on ``split`` (with its test-to-val fallback)."""
    try:
        _pick_split(dataset, split)
    except DataError:
        return False
    return True


def evaluate(
    model: nn.Module,
    dataset: Dataset,
    split: str = "test",
    device: torch.device | str | None = None,
    batch_size: int = 512,
    loss: str | None = None,
) -> EvalReport:
    """Metrics of ``model`` on a split (``test`` falls back to ``val`` when there is none)."""
    import torch

    from engine.train.feeder import SplitFeeder
    from engine.train.objective import Objective

    split, data = _pick_split(dataset, split)
    dev = torch.device(device) if device is not None else model_device(model)
    model.to(dev)
    was_training = model.training
    model.eval()
    objective = Objective(dataset.task, loss)
    feeder = SplitFeeder(data, dataset.preprocess, dev, cache=False)
    outs: list[torch.Tensor] = []
    loss_sum, units, non_finite = 0.0, 0, 0
    text = dataset.task == "next_char"
    if text:
        steps = int(dataset.input_shape[0]) if dataset.input_shape else 64
        per_window = 4 * steps * max(1, len(dataset.vocab or []))
        batch_size = max(1, min(batch_size, _TEXT_OUTPUT_BYTES // per_window))
    top_hits: dict[int, float] = {}
    try:
        with torch.no_grad():
            for xb, yb in feeder.chunks(batch_size):
                out = model(xb)
                non_finite += int((~torch.isfinite(out)).reshape(out.shape[0], -1).any(1).sum())
                n = objective.units(yb)
                loss_sum += float(objective.loss(out, yb, smoothing=False)) * n
                units += n
                if text:  # (N, T, V): keep only predictions, not N×T×V probabilities
                    flat = out.reshape(-1, out.shape[-1]).float()
                    top, pred = flat.max(dim=-1)
                    conf = torch.exp(top - torch.logsumexp(flat, dim=-1))  # softmax's maximum
                    ranked = flat.topk(min(5, flat.shape[-1]), dim=-1).indices
                    hit = ranked == yb.reshape(-1, 1)
                    for k in (3, 5):
                        if flat.shape[-1] > k:
                            top_hits[k] = top_hits.get(k, 0.0) + float(hit[:, :k].any(1).sum())
                    outs.append(torch.stack([pred.float(), conf], 1).cpu())
                else:
                    outs.append(out.float().cpu())
    finally:
        model.train(was_training)
    n_samples = len(data)
    mean_loss = loss_sum / max(units, 1)
    y = data.y.cpu().numpy()
    report = EvalReport(task=dataset.task, split=split, n=n_samples, loss=mean_loss)
    report.non_finite = non_finite
    report.class_names = list(dataset.class_names)
    if dataset.task == "regression":
        pred_values = torch.cat(outs).numpy().reshape(n_samples, -1) if outs else np.zeros((0, 1))
        scores = regression_scores(y, pred_values)
        report.mse, report.mae, report.r2 = scores["mse"], scores["mae"], scores["r2"]
        report.y_true, report.y_pred = y, pred_values
        return report
    if text:
        joined = torch.cat(outs).numpy() if outs else np.zeros((0, 2), np.float32)
        report.y_pred = joined[:, 0].astype(np.int64)
        report.confidence = joined[:, 1].astype(np.float32)
        report.y_true = y.reshape(-1).astype(np.int64)
        report.class_names = list(dataset.vocab or [])
        report.nats_per_char = mean_loss
        report.perplexity = math.exp(min(mean_loss, 700.0))
        num_classes = len(report.class_names)
        report.top_k = {k: hits / max(units, 1) for k, hits in top_hits.items()}
    else:
        logits = torch.cat(outs) if outs else torch.zeros((0, max(1, len(dataset.class_names))))
        probs_t = class_probabilities(logits, dataset.task)
        report.probs = probs_t.numpy().astype(np.float32)
        report.y_true = y.reshape(-1).astype(np.int64)
        report.y_pred = report.probs.argmax(axis=1).astype(np.int64)
        report.confidence = report.probs.max(axis=1) if n_samples else np.zeros(0, np.float32)
        num_classes = report.probs.shape[1]
        report.top_k = {
            k: top_k_accuracy(report.probs, report.y_true, k) for k in (3, 5) if num_classes > k
        }
    _fill_class_metrics(report, num_classes)
    if not text:
        _add_ranking_metrics(report)
    return report


def _add_ranking_metrics(report: EvalReport) -> None:
    """Per-class ROC and precision–recall curves, their AUC and AP in the per-class rows (None
    where the split cannot score a class)."""
    report.curves = one_vs_rest_curves(report.probs, report.y_true, report.class_names)
    for row, curve in zip(report.per_class, report.curves, strict=False):
        row["roc_auc"] = curve.auc if math.isfinite(curve.auc) else None
        ap = curve.average_precision
        row["average_precision"] = ap if math.isfinite(ap) else None


def _fill_class_metrics(report: EvalReport, num_classes: int) -> None:
    names = report.class_names
    if len(names) < num_classes:
        names = names + [str(i) for i in range(len(names), num_classes)]
    report.accuracy = float((report.y_true == report.y_pred).mean()) if report.y_true.size else 0.0
    report.top_k = {1: report.accuracy, **report.top_k}
    if num_classes <= MAX_CONFUSION_CLASSES:
        report.confusion = confusion_matrix(report.y_true, report.y_pred, num_classes)
        precision, recall, f1, support = per_class_scores(report.confusion)
    else:  # no matrix (report.confusion stays 0×0): the scores are counted from the labels
        scores = per_class_scores_from_labels(report.y_true, report.y_pred, num_classes)
        precision, recall, f1, support = scores
    report.per_class = [
        {
            "name": names[i],
            "precision": float(precision[i]),
            "recall": float(recall[i]),
            "f1": float(f1[i]),
            "support": int(support[i]),
        }
        for i in range(num_classes)
    ]
    report.macro, report.weighted = averages(precision, recall, f1, support)


def class_probabilities(logits: torch.Tensor, task: str) -> torch.Tensor:
    """Softmax over classes; for a one-logit binary head, [1 − p, p] with p = sigmoid."""
    import torch

    if task == "binary" and (logits.ndim == 1 or logits.shape[-1] == 1):
        p = torch.sigmoid(logits.reshape(-1))
        return torch.stack([1 - p, p], dim=1)
    return torch.softmax(logits.float(), dim=-1)


def _raw_batch(dataset: Dataset, raw_x: Any) -> torch.Tensor:
    """Raw compact samples as a batch tensor; a single sample gains the batch axis."""
    import torch

    x = torch.as_tensor(np.asarray(raw_x)) if not isinstance(raw_x, torch.Tensor) else raw_x
    shape = tuple(dataset.input_shape)
    if tuple(x.shape) == shape:
        x = x.unsqueeze(0)
    ok = x.ndim == 2 if dataset.kind == "text" else tuple(x.shape[1:]) == shape
    if not ok:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "Inputs have shape {inputs}, but the model takes samples of shape {shape} (a batch is N×{batch}).",
            ),
            inputs=tuple(x.shape),
            shape=shape,
            batch="×".join(map(str, shape)),
        )
    if dataset.kind == "text":
        return x.long()
    if dataset.kind == "image" and not x.is_floating_point():
        return x.to(torch.uint8)
    # A copy: preprocessing works in place on float input and must not touch the caller's.
    return x.to(torch.float32, copy=True)


def predict_outputs(
    model: nn.Module, dataset: Dataset, raw_x: Any, device: torch.device | str | None = None
) -> torch.Tensor:
    """Model outputs (logits or values) for raw compact samples, as a CPU float tensor."""
    import torch

    dev = torch.device(device) if device is not None else model_device(model)
    x = _raw_batch(dataset, raw_x).to(dev)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            out: torch.Tensor = model(dataset.preprocess(x))
    finally:
        model.train(was_training)
    return out.float().cpu()


def predict_proba(
    model: nn.Module, dataset: Dataset, raw_x: Any, device: torch.device | str | None = None
) -> NDArray[np.float32]:
    """Class probabilities (N×K; N×T×V for text) for raw samples in the dataset's compact
    format (e.g. uint8 1×28×28 from the draw pad); regression returns the predicted values."""
    import torch

    out = predict_outputs(model, dataset, raw_x, device)
    if dataset.task == "regression":
        return out.numpy().astype(np.float32)
    if dataset.task == "next_char":
        return torch.softmax(out, dim=-1).numpy().astype(np.float32)
    return class_probabilities(out, dataset.task).numpy().astype(np.float32)


def sample_text(
    model: nn.Module,
    dataset: Dataset,
    seed_text: str,
    length: int,
    temperature: float = 1.0,
    generator: torch.Generator | None = None,
) -> str:
    """Continue ``seed_text`` by ``length`` characters, sampling at ``temperature``
    (0 or below: always the most likely character). Returns only the new characters.
    Pass a seeded ``generator`` for a repeatable sample; without one each call differs."""
    import torch

    vocab = list(dataset.vocab or [])
    if dataset.task != "next_char" or not vocab:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "Text generation needs a character model trained on a text dataset."
            )
        )
    index = {ch: i for i, ch in enumerate(vocab)}
    pad = index.get(" ", 0)
    tokens = [index[ch] for ch in seed_text if ch in index] or [pad]
    window = int(dataset.input_shape[0]) if dataset.input_shape else 64
    dev = model_device(model)
    was_training = model.training
    model.eval()
    produced: list[str] = []
    try:
        with torch.no_grad():
            for _ in range(max(0, int(length))):
                context = tokens[-window:]
                context = [pad] * (window - len(context)) + context  # the length it trained on
                x = torch.tensor([context], dtype=torch.long, device=dev)
                logits = model(x)[0, -1].float().cpu()
                if temperature <= 0:
                    nxt = int(logits.argmax())
                else:
                    probs = torch.softmax(logits / float(temperature), dim=-1)
                    nxt = int(torch.multinomial(probs, 1, generator=generator))
                tokens.append(nxt)
                produced.append(vocab[nxt])
    finally:
        model.train(was_training)
    return "".join(produced)


def feature_maps(
    model: nn.Module, dataset: Dataset, raw_x: Any, node_name: str | None = None
) -> dict[str, NDArray[np.float32]]:
    """Outputs of the convolution layers (or of the one named ``node_name``) for one raw
    sample, keyed by layer name; each is C×H×W (C×L for 1-D convolutions)."""
    import torch
    from torch import nn as tnn

    model = inspection_copy(model)
    modules = dict(model.named_modules())
    if node_name is not None:
        if node_name not in modules:
            raise NetCanvasError(
                QT_TRANSLATE_NOOP("Engine", "The model has no layer named '{name}'."),
                name=node_name,
            )
        names = [node_name]
    else:
        names = [n for n, m in modules.items() if isinstance(m, tnn.Conv1d | tnn.Conv2d)]
    captured: dict[str, torch.Tensor] = {}

    def hook(name: str) -> Any:
        def grab(_module: Any, _inputs: Any, output: Any) -> None:
            if isinstance(output, torch.Tensor):
                captured[name] = output.detach()

        return grab

    handles = [modules[n].register_forward_hook(hook(n)) for n in names]
    try:
        x = _raw_batch(dataset, raw_x)[:1]
        predict_outputs(model, dataset, x)
    finally:
        for handle in handles:
            handle.remove()
    return {n: captured[n][0].float().cpu().numpy() for n in names if n in captured}
