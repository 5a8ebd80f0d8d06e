"""Plain types shared across the engine: errors, the dataset context, training settings.

Kept free of torch so that the GUI can import them before torch has loaded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Task = Literal["classification", "binary", "regression", "next_char"]
TASKS: tuple[Task, ...] = ("classification", "binary", "regression", "next_char")


class NetCanvasError(Exception):
    """An error whose message is meant for the user: plain language, names what and what to do.

    The GUI shows ``str(error)`` in a dialog and the CLI prints it on one line; neither ever
    shows a traceback for these.
    """


class GraphError(NetCanvasError):
    """An edit or a build that the network graph refuses."""


class DataError(NetCanvasError):
    """A dataset that cannot be loaded; the message names the file and what is wrong."""


class ProjectError(NetCanvasError):
    """A project file that cannot be read or written."""


class TrainingError(NetCanvasError):
    """A training run that failed (NaN loss, out of memory, ...)."""


@dataclass(frozen=True)
class DataContext:
    """What the network needs to know about its dataset (shapes are per sample, no batch axis)."""

    input_shape: tuple[int, ...]  # (C, H, W) for images, (F,) for tables and points, (T,) for text
    task: Task = "classification"
    num_classes: int = 0  # classes for classification, 1 for binary, targets for regression
    vocab_size: int = 0  # next_char only
    class_names: tuple[str, ...] = ()
    input_kind: Literal["image", "table", "text", "points"] = "image"


@dataclass
class TrainSettings:
    """Everything a training run needs besides the model and the data. JSON-serialisable."""

    optimizer: Literal["sgd", "adam", "adamw", "rmsprop", "adagrad"] = "adam"
    lr: float = 1e-3
    momentum: float = 0.9  # SGD and RMSprop
    nesterov: bool = False  # SGD only
    batch_size: int = 64
    epochs: int = 5
    schedule: Literal["constant", "step", "cosine", "onecycle", "plateau"] = "constant"
    step_size: int = 2  # epochs between decays for the step schedule
    gamma: float = 0.5  # decay factor for step and plateau
    weight_decay: float = 0.0  # L2
    l1: float = 0.0  # L1 penalty added to the loss
    grad_clip: float = 0.0  # max gradient norm; 0 disables
    label_smoothing: float = 0.0
    seed: int = 0
    early_stopping: bool = False
    patience: int = 3  # epochs without val_loss improvement before stopping
    device: str = "auto"  # "auto", "cpu", "cuda", "cuda:1", "mps", "xpu"
    mixed_precision: bool = False  # CUDA only: bf16 where supported, else fp16 + GradScaler
    augment: list[str] = field(
        default_factory=list
    )  # e.g. ["shift", "flip", "rotate", "noise", "cutout"]
    log_interval_ms: int = 100  # how often metrics leave the device

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainSettings:
        """Build from a (possibly older or partial) dict; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class DataRef:
    """Where a project's data comes from. JSON-serialisable; stored in project.json.

    ``source`` is a built-in dataset id (``"mnist-5k"``, ``"moons"``, ...) or a file/folder path.
    ``options`` holds loader options: ``val_split`` and ``test_split`` (fractions), ``seed``,
    ``image_size`` ([H, W]), ``target`` (CSV column), ``task`` (override), ``seq_len`` (text),
    ``noise`` and ``n_samples`` (toy sets), ...
    """

    source: str = "mnist-5k"
    options: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "options": dict(self.options)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DataRef:
        return cls(
            source=str(data.get("source", "mnist-5k")), options=dict(data.get("options", {}))
        )


# The translation context of a run's message templates (engine.train.messages marks them).
RUN_MESSAGE_CONTEXT = "RunMessages"


@dataclass
class RunRecord:
    """One training run as the project stores it: settings, curves and final metrics (plain data)."""

    id: str  # e.g. "run-3"
    created: str  # ISO 8601 time
    settings: dict[str, Any]  # TrainSettings.to_dict() at start
    # Epoch-level curves: "loss", "accuracy", "val_loss", "val_accuracy", "lr", ... one value per epoch.
    history: dict[str, list[float]] = field(default_factory=dict)
    # Logged-step curves: "epoch" (fractional epoch of each point), "loss", "accuracy".
    steps: dict[str, list[float]] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)  # final evaluation, e.g. test accuracy
    status: str = "finished"  # "finished", "stopped", "failed"
    message: str = ""  # why it stopped or failed, in plain language
    # The message's English template (engine.train.messages) and its values, for translation.
    message_template: str = ""
    message_args: dict[str, Any] = field(default_factory=dict)

    def set_message(self, template: str = "", **args: Any) -> None:
        """Say why the run stopped or failed: ``template`` filled with ``args`` ("" for nothing)."""
        self.message_template, self.message_args = template, dict(args)
        self.message = template.format(**args)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunRecord:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
