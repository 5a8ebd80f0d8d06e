"""The in-memory dataset: compact tensors per split, normalisation from the training split.

Images stay uint8 (N×C×H×W) until a batch is taken; ``Dataset.preprocess`` turns a batch into
the float32 model input on whatever device the batch lives on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import torch
from numpy.typing import NDArray

from engine.data._common import opt_float, opt_int
from engine.data.split import split_indices
from engine.messages import QT_TRANSLATE_NOOP
from engine.types import DataContext, DataError, Task

if TYPE_CHECKING:
    import pandas

    from engine.data.columns import ColumnInfo, Leak

Kind = Literal["image", "table", "text", "points"]


@dataclass
class Split:
    """One split: inputs ``x`` and targets ``y`` with the same first dimension."""

    x: torch.Tensor
    y: torch.Tensor

    def __len__(self) -> int:
        return int(self.x.shape[0])

    def __repr__(self) -> str:
        def describe(t: torch.Tensor) -> str:
            return f"{str(t.dtype).removeprefix('torch.')}{list(t.shape)}"

        return f"Split(n={len(self)}, x={describe(self.x)}, y={describe(self.y)})"

    def to(self, device: torch.device | str) -> Split:
        return Split(self.x.to(device), self.y.to(device))

    def take(self, index: torch.Tensor) -> Split:
        """The samples at ``index`` (index_select: about twice as fast as x[index] here)."""
        return Split(self.x.index_select(0, index), self.y.index_select(0, index))


@dataclass
class Dataset:
    """A loaded dataset, ready to batch by index. See ``load_dataset``."""

    name: str
    source: str
    kind: Kind
    task: Task
    class_names: list[str]
    input_shape: tuple[int, ...]
    train: Split
    val: Split
    test: Split | None
    mean: torch.Tensor
    std: torch.Tensor
    vocab: list[str] | None = None
    feature_names: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    table_head: pandas.DataFrame | None = None
    # A table read from a file: its target column, every column's kind and missing count, the
    # columns left out (the ``drop`` option) and the features that give the target away.
    target: str = ""
    columns: list[ColumnInfo] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)
    text_excerpt: str = ""
    # Raw values times ``scale``, minus ``mean``, over ``std``: the data's own statistics, or
    # the preprocessing a network's Input records (``follow_input``); ``data_mean`` and
    # ``data_std`` keep the data's own while a record is followed.
    scale: float | None = None  # None: 1/255 for images (pixels to 0–1), 1 for the others
    data_mean: torch.Tensor | None = None
    data_std: torch.Tensor | None = None

    def preprocess(self, x: torch.Tensor) -> torch.Tensor:
        """A batch of raw compact inputs -> float32 model input, normalised, on x's device."""
        if self.kind == "text":
            return x
        mean = self.mean.to(x.device)
        std = self.std.to(x.device)
        if self.kind == "image":
            shape = (1, -1, 1, 1)
            scale = 1.0 / 255.0 if self.scale is None else self.scale
            # Scale folded into the normalisation: one multiply-add over the batch.
            # A fresh float copy (never x itself), then in-place arithmetic on that copy.
            out = x.to(torch.float32, copy=True)
            return out.mul_(scale).sub_(mean.view(shape)).div_(std.view(shape))
        if self.scale is not None:
            return (x.float() * self.scale - mean) / std
        return (x.float() - mean) / std

    def follow_input(self, params: Mapping[str, Any] | None) -> bool:
        """Preprocess as a network's Input parameters say: its fixed scale, mean and std when
        ``normalise`` is "fixed" (an imported model's own), else the data's own statistics.
        True when that changed anything."""
        if self.data_mean is None:
            self.data_mean, self.data_std = self.mean, self.std
        assert self.data_mean is not None and self.data_std is not None
        fixed = params is not None and params.get("normalise") == "fixed" and self.kind != "text"
        wanted: tuple[float | None, torch.Tensor, torch.Tensor] = (
            None,
            self.data_mean,
            self.data_std,
        )
        if fixed:
            assert params is not None
            size = self.data_mean.shape
            try:
                mean = torch.tensor(params["mean"], dtype=torch.float32).expand(size).clone()
                std = torch.tensor(params["std"], dtype=torch.float32).expand(size).clone()
            except RuntimeError:  # not one per channel: the network's analysis says so
                pass
            else:
                wanted = (float(params["scale"]), mean, std)
        changed = self.scale != wanted[0] or not (
            torch.equal(self.mean, wanted[1]) and torch.equal(self.std, wanted[2])
        )
        self.scale, self.mean, self.std = wanted
        return changed

    def context(self) -> DataContext:
        if self.task == "next_char":
            num_classes = len(self.vocab or [])
        elif self.task == "binary":
            num_classes = 1
        elif self.task == "regression":
            num_classes = int(self.train.y.shape[1]) if self.train.y.dim() == 2 else 1
        else:
            num_classes = len(self.class_names)
        return DataContext(
            input_shape=tuple(self.input_shape),
            task=self.task,
            num_classes=num_classes,
            vocab_size=len(self.vocab or []),
            class_names=tuple(self.class_names),
            input_kind=self.kind,
        )

    def split(self, name: str) -> Split:
        if name == "train":
            return self.train
        if name == "val":
            return self.val
        if name == "test" and self.test is not None:
            return self.test
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Dataset '{dataset}' has no '{name}' split."),
            dataset=self.name,
            name=name,
        )

    def class_counts(self, split: str = "train") -> list[int]:
        if self.task not in ("classification", "binary"):
            return []
        y = self.split(split).y
        counts = torch.bincount(y.reshape(-1).cpu(), minlength=len(self.class_names))
        return [int(c) for c in counts.tolist()]

    def to(self, device: torch.device | str) -> Dataset:
        """Move every split and the statistics to ``device`` once; returns self."""
        self.train = self.train.to(device)
        self.val = self.val.to(device)
        if self.test is not None:
            self.test = self.test.to(device)
        self.mean = self.mean.to(device)
        self.std = self.std.to(device)
        return self

    def nbytes(self) -> int:
        """Memory the splits take (to decide whether the dataset fits on a GPU)."""
        splits = [self.train, self.val] + ([self.test] if self.test is not None else [])
        return sum(t.element_size() * t.nelement() for s in splits for t in (s.x, s.y))

    def sample_images(self, n: int, split: str = "train") -> tuple[torch.Tensor, torch.Tensor]:
        """Up to ``n`` images (uint8 N×C×H×W, on the CPU) and their labels, the same every call."""
        if self.kind != "image":
            raise DataError(
                QT_TRANSLATE_NOOP("Engine", "Dataset '{dataset}' holds {kind} data, not images."),
                dataset=self.name,
                kind=self.kind,
            )
        data = self.split(split)
        generator = torch.Generator().manual_seed(0)
        index = torch.randperm(len(data), generator=generator)[: max(0, n)]
        index = index.to(data.x.device)
        return data.x[index].cpu(), data.y[index].cpu()


def image_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-channel mean and std of uint8 images in [0, 1] units.

    A histogram of the 256 grey levels gives both moments exactly, ~4× faster than summing a
    float copy, and with no float copy of the images at all.
    """
    levels = torch.arange(256, dtype=torch.float64) / 255.0
    means, stds = [], []
    for channel in range(x.shape[1]):
        counts = torch.bincount(x[:, channel].reshape(-1), minlength=256).double()
        total = counts.sum().clamp_min(1.0)
        mean = (counts * levels).sum() / total
        var = (counts * (levels - mean).square()).sum() / total
        means.append(mean)
        stds.append(var.sqrt())
    return torch.stack(means).float(), _safe_std(torch.stack(stds).float())


def feature_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    if x.shape[0] == 0:
        return torch.zeros(x.shape[1]), torch.ones(x.shape[1])
    xd = x.double()
    return xd.mean(0).float(), _safe_std(xd.std(0, unbiased=False).float())


def _safe_std(std: torch.Tensor) -> torch.Tensor:
    # A constant feature or a blank channel would divide by zero.
    return torch.where(std > 1e-6, std, torch.ones_like(std))


@dataclass
class Parts:
    """A loader's result before splitting: all samples, plus any splits the files provide."""

    x: NDArray[Any] | torch.Tensor
    y: NDArray[Any] | torch.Tensor
    val: tuple[Any, Any] | None = None
    test: tuple[Any, Any] | None = None
    keep_splits: bool = False  # the files define the splits: carve no test split of our own


def _tensor(a: NDArray[Any] | torch.Tensor) -> torch.Tensor:
    if isinstance(a, torch.Tensor):
        return a
    a = np.ascontiguousarray(a)
    if not a.flags.writeable:  # e.g. np.frombuffer over file bytes; torch wants to own it
        a = a.copy()
    return torch.from_numpy(a)


def build_dataset(
    *,
    name: str,
    source: str,
    kind: Kind,
    task: Task,
    parts: Parts,
    options: Mapping[str, Any],
    class_names: list[str] | None = None,
    contiguous: bool = False,
    **extra: Any,
) -> Dataset:
    """Split (stratified, seeded), compute train statistics and wrap everything in a Dataset.

    Splits the files already provide are kept; the rest are carved out of the training samples.
    ``contiguous`` keeps sample order when splitting (text windows, so val text follows train).
    """
    x, y = _tensor(parts.x), _tensor(parts.y)
    val_frac = opt_float(options, "val_split", 0.1, 0.0, 0.9)
    test_frac = opt_float(options, "test_split", 0.1, 0.0, 0.9)
    if parts.test is not None or parts.keep_splits:
        test_frac = 0.0
    if parts.val is not None:
        val_frac = 0.0
    if val_frac + test_frac >= 0.95:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine", "val_split and test_split together must leave some data for training."
            )
        )
    seed = opt_int(options, "seed", 0, 0, 2**63 - 1)
    stratify = y if task in ("classification", "binary") else None
    train_i, val_i, test_i = split_indices(len(x), val_frac, test_frac, seed, stratify, contiguous)
    if len(train_i) == 0:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' has too few samples ({count}) to train on."),
            name=name,
            count=len(x),
        )
    full = Split(x, y)
    train = full.take(train_i) if len(train_i) < len(x) else full
    val = full.take(val_i) if parts.val is None else Split(*map(_tensor, parts.val))
    test: Split | None = None
    if parts.test is not None:
        test = Split(*map(_tensor, parts.test))
    elif test_frac > 0:
        test = full.take(test_i)
    if kind == "image":
        mean, std = image_stats(train.x)
    elif kind in ("table", "points"):
        mean, std = feature_stats(train.x)
    else:
        mean, std = torch.zeros(1), torch.ones(1)
    return Dataset(
        name=name,
        source=source,
        kind=kind,
        task=task,
        class_names=list(class_names or []),
        input_shape=tuple(int(d) for d in x.shape[1:]),
        train=train,
        val=val,
        test=test,
        mean=mean,
        std=std,
        **extra,
    )
