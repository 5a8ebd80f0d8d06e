"""Plain types shared across the engine: errors, the dataset context, training settings.

Kept free of torch so that the GUI can import them before torch has loaded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from engine.messages import ENGINE_CONTEXT, QT_TRANSLATE_NOOP, fill, parts
from engine.messages import RUN_MESSAGE_CONTEXT as RUN_MESSAGE_CONTEXT  # the GUI's name for it
from engine.settings_spec import (
    OPTIMISER,
    REGULARISATION,
    RUN,
    SCHEDULE,
    SettingSpec,
)

Task = Literal["classification", "binary", "regression", "next_char"]
TASKS: tuple[Task, ...] = ("classification", "binary", "regression", "next_char")


class NetCanvasError(Exception):
    """An error whose message is meant for the user: plain language, names what and what to do.

    Built like a ``Message``: ``DataError(QT_TRANSLATE_NOOP(ENGINE_CONTEXT, "{path}: empty"),
    path=...)`` keeps its English ``template`` and its ``values``, and ``str(error)`` is the
    English sentence. The CLI prints it on one line and the GUI shows it in a dialog, both in
    the interface's language (``engine.messages.render_message``); neither ever shows a traceback for
    these. A ``Message`` (or another such error) passed alone brings its own template.
    """

    context = ENGINE_CONTEXT

    def __init__(self, template: str, /, **values: Any) -> None:
        found = parts(template) if not values else None
        if found is not None:
            _, template, given = found
            values = dict(given)
        self.template: str = str.__str__(template)
        self.values: dict[str, Any] = values
        super().__init__(fill(self.template, values))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_error, (type(self), self.template, self.values))


def _rebuild_error(
    cls: type[NetCanvasError], template: str, values: dict[str, Any]
) -> NetCanvasError:
    return cls(template, **values)


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


def _setting(default: Any, spec: SettingSpec) -> Any:
    """A TrainSettings field: its default, and its spec for the form (engine.settings_spec)."""
    return field(default=default, metadata={"spec": spec})


@dataclass
class TrainSettings:
    """Everything a training run needs besides the model and the data. JSON-serialisable.

    Each field's metadata holds its SettingSpec (label, help, range, choices, group, when it
    applies): the Training pane's form is built from them (``engine.settings_spec``).
    """

    optimizer: Literal["sgd", "adam", "adamw", "rmsprop", "adagrad"] = _setting(
        "adam",
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Optimiser"),
            QT_TRANSLATE_NOOP(
                "TrainSettings", "How the weights move downhill: w ← w − η∇J(w) and kin"
            ),
            "choice",
            OPTIMISER,
            choices=(
                ("adam", QT_TRANSLATE_NOOP("TrainSettings", "Adam")),
                ("adamw", QT_TRANSLATE_NOOP("TrainSettings", "AdamW")),
                ("sgd", QT_TRANSLATE_NOOP("TrainSettings", "SGD (momentum)")),
                ("rmsprop", QT_TRANSLATE_NOOP("TrainSettings", "RMSprop")),
                ("adagrad", QT_TRANSLATE_NOOP("TrainSettings", "Adagrad")),
            ),
        ),
    )
    # The defaults (one-cycle, peak 3e-3, batch 32) were chosen on the validation split of the
    # built-in MNIST 5 000 with the course's CNN, mean of 3 seeds: 92.6 / 94.9 / 96.0 / 96.3 %
    # after a 1 / 2 / 3 / 5-epoch run, against 89.9 / 91.5 / 93.3 / 94.1 % with a constant 1e-3
    # at batch 64 and 91.5 / 93.1 / 94.6 / 95.3 % with the Keras recipe (RECIPES["keras"]).
    lr: float = _setting(
        3e-3,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Learning rate"),
            QT_TRANSLATE_NOOP(
                "TrainSettings", "Learning rate η: the size of each step. Too high diverges."
            ),
            "float",
            OPTIMISER,
            minimum=1e-6,
            maximum=10.0,
            decimals=6,
            log_steps=True,
        ),
    )
    momentum: float = _setting(
        0.9,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Momentum"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Each step keeps this fraction of the previous one, which smooths the path downhill and speeds it up.",
            ),
            "float",
            OPTIMISER,
            minimum=0.0,
            maximum=0.999,
            step=0.01,
            decimals=3,
            show_if=(("optimizer", ("sgd", "rmsprop")),),
        ),
    )
    nesterov: bool = _setting(
        False,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Nesterov momentum"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Take the gradient one momentum step ahead, which often converges a little faster.",
            ),
            "bool",
            OPTIMISER,
            show_if=(("optimizer", ("sgd",)),),
        ),
    )
    batch_size: int = _setting(
        32,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Batch size"),
            QT_TRANSLATE_NOOP("TrainSettings", "Samples per gradient step."),
            "int",
            RUN,
            minimum=1,
            maximum=65536,
        ),
    )
    epochs: int = _setting(
        5,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Epochs"),
            QT_TRANSLATE_NOOP("TrainSettings", "Passes over the training set."),
            "int",
            RUN,
            minimum=1,
            maximum=10000,
        ),
    )
    # Labs run in fixed periods: a run can be sized in time as well as in epochs.
    time_budget_s: float = _setting(
        0.0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Time limit (s)"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Stop the run after this many seconds of training, at the end of a batch (paused time does not count); it is then evaluated and saved like a stopped run.",
            ),
            "float",
            RUN,
            minimum=0.0,
            maximum=7 * 24 * 3600.0,
            step=60.0,
            decimals=1,
            special_text=QT_TRANSLATE_NOOP("TrainSettings", "No limit"),
        ),
    )
    schedule: Literal["constant", "step", "cosine", "onecycle", "plateau"] = _setting(
        "onecycle",
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Schedule"),
            QT_TRANSLATE_NOOP("TrainSettings", "How the learning rate changes during the run."),
            "choice",
            SCHEDULE,
            choices=(
                ("constant", QT_TRANSLATE_NOOP("TrainSettings", "Constant")),
                ("step", QT_TRANSLATE_NOOP("TrainSettings", "Step decay")),
                ("cosine", QT_TRANSLATE_NOOP("TrainSettings", "Cosine")),
                ("onecycle", QT_TRANSLATE_NOOP("TrainSettings", "One-cycle")),
                ("plateau", QT_TRANSLATE_NOOP("TrainSettings", "Reduce on plateau")),
            ),
        ),
    )
    warmup: float = _setting(
        0.3,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Warm-up"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "The fraction of the run in which one-cycle raises the learning rate from η/25 to η; the rest anneals it towards zero.",
            ),
            "float",
            SCHEDULE,
            minimum=0.01,
            maximum=0.9,
            step=0.05,
            decimals=2,
            show_if=(("schedule", ("onecycle",)),),
        ),
    )
    step_size: int = _setting(
        2,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Step size (epochs)"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Step decay multiplies the learning rate by the decay factor every this many epochs.",
            ),
            "int",
            SCHEDULE,
            minimum=1,
            maximum=1000,
            show_if=(("schedule", ("step",)),),
        ),
    )
    gamma: float = _setting(
        0.5,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Decay factor γ"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "What the learning rate is multiplied by at each decay: 0.5 halves it.",
            ),
            "float",
            SCHEDULE,
            minimum=0.01,
            maximum=1.0,
            step=0.05,
            decimals=3,
            show_if=(("schedule", ("step", "plateau")),),
        ),
    )
    weight_decay: float = _setting(
        0.0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Weight decay"),
            QT_TRANSLATE_NOOP(
                "TrainSettings", "L2 penalty: pulls weights towards zero (overfitting)."
            ),
            "float",
            REGULARISATION,
            minimum=0.0,
            maximum=1.0,
            decimals=6,
            log_steps=True,
        ),
    )
    l1: float = _setting(
        0.0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "L1 penalty"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Adds this factor times the sum of the absolute weights to the loss, which pushes unneeded weights to exactly zero.",
            ),
            "float",
            REGULARISATION,
            minimum=0.0,
            maximum=1.0,
            decimals=6,
            log_steps=True,
        ),
    )
    grad_clip: float = _setting(
        0.0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Gradient clipping"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Largest gradient norm allowed: a longer gradient is scaled down, which keeps a loss from jumping to NaN.",
            ),
            "float",
            REGULARISATION,
            minimum=0.0,
            maximum=1000.0,
            step=0.5,
            decimals=3,
            special_text=QT_TRANSLATE_NOOP("TrainSettings", "Off"),
        ),
    )
    label_smoothing: float = _setting(
        0.0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Label smoothing"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Classifiers train towards 1 − ε for the true class instead of 1, which makes them less overconfident.",
            ),
            "float",
            REGULARISATION,
            minimum=0.0,
            maximum=0.9,
            step=0.05,
            decimals=3,
        ),
    )
    seed: int = _setting(
        0,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Seed"),
            QT_TRANSLATE_NOOP(
                "TrainSettings", "Same seed, same data order and start weights: same result."
            ),
            "int",
            RUN,
            minimum=0,
            maximum=2**31 - 1,
        ),
    )
    init: Literal["default", "glorot", "saved"] = _setting(
        "default",
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Initialisation"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "How the weights start: PyTorch's default (Kaiming uniform, small random biases), Keras's (Glorot uniform, zero biases), or the project's saved weights (fine-tuning: each layer they fit starts from them, the others as PyTorch's default).",
            ),
            "choice",
            RUN,
            choices=(
                ("default", QT_TRANSLATE_NOOP("TrainSettings", "PyTorch default")),
                ("glorot", QT_TRANSLATE_NOOP("TrainSettings", "Glorot uniform (Keras)")),
                ("saved", QT_TRANSLATE_NOOP("TrainSettings", "The saved weights (fine-tune)")),
            ),
        ),
    )
    early_stopping: bool = _setting(
        False,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Early stopping"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Stop when validation loss has not improved for Patience epochs; the best weights are restored.",
            ),
            "bool",
            REGULARISATION,
        ),
    )
    patience: int = _setting(
        3,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Patience (epochs)"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "Epochs without a lower validation loss before early stopping gives up; Reduce on plateau waits half as many.",
            ),
            "int",
            REGULARISATION,
            minimum=1,
            maximum=1000,
            # The plateau schedule waits patience // 2 epochs (engine.train.optim.Schedule).
            show_if=(("early_stopping", (True,)), ("schedule", ("plateau",))),
        ),
    )
    # "auto", "cpu", "cuda", "cuda:1", "mps", "xpu": the GUI lists the devices it detects.
    device: str = _setting(
        "auto",
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Device"),
            QT_TRANSLATE_NOOP("TrainSettings", "Where the network trains."),
            "device",
            RUN,
        ),
    )
    # CUDA only: bf16 where supported, else fp16 + GradScaler.
    mixed_precision: bool = _setting(
        False,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Mixed precision (CUDA only)"),
            QT_TRANSLATE_NOOP(
                "TrainSettings",
                "16-bit arithmetic on NVIDIA GPUs: faster, same accuracy in most cases.",
            ),
            "bool",
            RUN,
        ),
    )
    # e.g. ["shift", "flip", "rotate", "noise", "cutout"]; the Data pane's checkboxes set it.
    augment: list[str] = field(
        default_factory=list,
        metadata={
            "spec": SettingSpec(
                QT_TRANSLATE_NOOP("TrainSettings", "Augmentation"),
                QT_TRANSLATE_NOOP(
                    "TrainSettings",
                    "Random changes to training images, chosen under Augmentation in the Data pane.",
                ),
                "list",
                RUN,
                hidden=True,
            )
        },
    )
    log_interval_ms: int = _setting(
        100,
        SettingSpec(
            QT_TRANSLATE_NOOP("TrainSettings", "Log interval (ms)"),
            QT_TRANSLATE_NOOP("TrainSettings", "How often metrics leave the device."),
            "int",
            RUN,
            minimum=10,
            maximum=10000,
            hidden=True,
        ),
    )

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
    ``image_size`` ([H, W]), ``target`` (CSV column), ``drop`` (CSV columns left out of the
    features), ``task`` (override), ``seq_len`` (text),
    ``noise`` and ``n_samples`` (toy sets), ...
    """

    source: str = "mnist-5k"
    options: dict[str, Any] = field(default_factory=dict)
    # The prepared splits as a NumPy archive, when the project embeds its data
    # (engine.data.embedded); it travels inside the project file, never in project.json.
    embedded: bytes | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "options": dict(self.options)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DataRef:
        return cls(
            source=str(data.get("source", "mnist-5k")), options=dict(data.get("options", {}))
        )


# Named sets of settings a class can compare side by side (the run comparison lists what
# differs). Keys not named keep the project's values (device, seed, logging, ...).
RECIPES: dict[str, dict[str, Any]] = {
    # The introduction's Keras model.fit, as written there: batch 32, 5 epochs, Adam 1e-3 with
    # no schedule, Glorot-uniform weights and zero biases.
    "keras": {
        "optimizer": "adam",
        "lr": 1e-3,
        "batch_size": 32,
        "epochs": 5,
        "schedule": "constant",
        "warmup": 0.3,
        "init": "glorot",
        "weight_decay": 0.0,
        "l1": 0.0,
        "grad_clip": 0.0,
        "label_smoothing": 0.0,
        "early_stopping": False,
    },
}


def apply_recipe(
    settings: TrainSettings, recipe: str, template: str | None = None
) -> TrainSettings:
    """``settings`` with a recipe's values: ``"defaults"`` (NetCanvas's, for the project's
    ``template``) or one of RECIPES."""
    if recipe == "defaults":
        from engine.templates import template_settings

        defaults = template_settings(template)
        values = {key: getattr(defaults, key) for key in RECIPES["keras"]}
    elif recipe in RECIPES:
        values = RECIPES[recipe]
    else:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Unknown recipe '{recipe}' (use defaults, {recipes})."),
            recipe=recipe,
            recipes=", ".join(RECIPES),
        )
    return TrainSettings.from_dict({**settings.to_dict(), **values})


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
    loss: str = ""  # the loss the run minimised: cross_entropy, bce_logits, mse or l1
    # How many processes trained (torchrun's WORLD_SIZE): settings' batch_size is per process,
    # so each step took processes × batch_size samples.
    processes: int = 1

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
