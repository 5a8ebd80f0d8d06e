"""The use cases both front ends perform: prepare a run, continue it, finish it, evaluate.

The window and the CLI call these and nothing else to train or evaluate a project, so the two
cannot drift apart (the CLI once trained with the Output layer's L1 loss while the window
trained MSE). Nothing here knows a window exists; the GUI runs ``PreparedRun.trainer`` on its
worker thread, the CLI on its main thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.graph import Graph
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.schema import check_settings
from engine.types import GraphError, NetCanvasError, ProjectError, RunRecord, TrainSettings

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.data import Dataset
    from engine.metrics import EvalReport
    from engine.project import Project
    from engine.train.callbacks import Callback
    from engine.train.trainer import Trainer


def graph_signature(graph: Graph) -> str:
    """What a run depends on in the network: layers, parameters and connections (not layout)."""
    nodes = sorted((n.id, n.type, repr(sorted(n.params.items()))) for n in graph.nodes.values())
    edges = sorted((e.src, e.dst, e.dst_port) for e in graph.edges)
    return repr((nodes, edges))


def project_loss(graph: Graph) -> str | None:
    """The loss the Output layer names (cross-entropy, BCE, MSE or L1); None when the graph has
    no Output yet, so the trainer picks the dataset task's usual one."""
    from engine.build import loss_name

    try:
        return loss_name(graph)
    except NetCanvasError:
        return None


def follow_input_record(graph: Graph, dataset: Dataset) -> bool:
    """``dataset`` preprocesses as ``graph``'s Input records (its own statistics, or the fixed
    scale, mean and std an imported model was trained with); True when that changed."""
    inputs = [node for node in graph.nodes.values() if node.type == "Input"]
    return dataset.follow_input(inputs[0].params if inputs else None)


def check_fits(graph: Graph, dataset: Dataset) -> None:
    """Give ``graph`` the data's context (shapes, classes, vocabulary) and the data the
    network's preprocessing; GraphError, in the analysis's words naming the layer, when the
    network does not fit the data."""
    graph.set_context(dataset.context())
    follow_input_record(graph, dataset)
    analysis = graph.analysis
    if not analysis.valid:
        first = analysis.errors[0]
        node = graph.nodes.get(first.node_id or "")
        where = (
            Message(QT_TRANSLATE_NOOP("Engine", "layer '{name}': "), name=node.name)
            if node is not None
            else ""
        )
        raise GraphError(
            QT_TRANSLATE_NOOP("Engine", "The network does not fit the data — {where}{message}"),
            where=where,
            message=first.message,
        )


def next_run_id(project: Project) -> str:
    """``run-N`` with the first N no run of the project uses."""
    taken = {run.id for run in project.runs}
    n = len(project.runs) + 1
    while f"run-{n}" in taken:
        n += 1
    return f"run-{n}"


@dataclass(frozen=True)
class PreparedRun:
    """Everything a run needs, fixed at the moment it was asked for: later edits to the project
    (the editor, the settings form) cannot change a run that is under way.

    ``graph`` is a private copy of the network with the data's context; ``weights`` (optional)
    are loaded into the fresh model before training, as the CLI does with a trained project.
    """

    graph: Graph
    dataset: Dataset
    settings: TrainSettings
    loss: str | None
    run_id: str
    signature: str
    weights: dict[str, Any] | None = None

    def build_model(self) -> nn.Module:
        """The model, initialised from the run's seed (seconds for a large network: the GUI
        calls this on its worker thread)."""
        return _built(self.graph, self.settings.seed, self.weights, self.settings.init)

    def trainer(self, callbacks: Sequence[Callback] = (), **options: Any) -> Trainer:
        """A Trainer for this run, its model built here (on the calling thread)."""
        from engine.train.trainer import Trainer

        return Trainer(
            self.build_model(),
            self.dataset,
            self.settings,
            callbacks,
            self.loss,
            run_id=self.run_id,
            **options,
        )


def prepare_run(
    project: Project,
    dataset: Dataset,
    settings: TrainSettings | None = None,
    *,
    from_weights: bool | None = None,
) -> PreparedRun:
    """A run of ``project``'s network on ``dataset`` with ``settings`` (the project's own when
    None). Raises GraphError, in the analysis's words, when the network does not fit the data.
    ``from_weights`` True starts from the project's trained weights when it has them (all of
    them: they must fit), False from fresh ones; None follows the settings' ``init``: "saved"
    starts each layer the saved weights fit from them (fine-tuning after reused layers)."""
    graph = Graph.from_dict(project.graph.to_dict())
    check_fits(graph, dataset)
    chosen = TrainSettings.from_dict((settings or project.settings).to_dict())
    check_settings(chosen)  # what the Trainer would fail on, refused before the run exists
    start = project.weights if from_weights else None
    if from_weights is None and chosen.init == "saved" and project.weights is not None:
        from engine.train.transfer import weights_from

        start = weights_from(graph, chosen.seed, project.weights)[0]
    return PreparedRun(
        graph=graph,
        dataset=dataset,
        settings=chosen,
        loss=project_loss(graph),
        run_id=next_run_id(project),
        signature=graph_signature(graph),
        weights=start,
    )


def can_continue(
    run: PreparedRun | None, trainer: Trainer | None, project: Project, dataset: Dataset | None
) -> bool:
    """Whether ``trainer`` (a finished or stopped run) may train on: the network and the data
    are still the ones it trained on (its optimiser state belongs to them)."""
    return (
        run is not None
        and trainer is not None
        and dataset is not None
        and trainer.dataset is dataset
        and run.signature == graph_signature(project.graph)
    )


def finish_run(
    run: PreparedRun, trainer: Trainer, record: RunRecord
) -> tuple[EvalReport | None, dict[str, torch.Tensor]]:
    """After ``fit``: the test split's metrics, with the run's own loss, join the record (unless
    the run failed). Returns that report and the trained weights on the CPU for the project."""
    return evaluate_run(run, trainer, record), trainer.state_dict_cpu()


def evaluate_run(run: PreparedRun, trainer: Trainer, record: RunRecord) -> EvalReport | None:
    """The test split's metrics of a run that did not fail, added to its record (the CLI saves
    the run before it asks: an evaluation that runs out of memory must not lose the run)."""
    from engine.metrics import has_samples

    if record.status == "failed" or not has_samples(trainer.dataset, "test"):
        return None
    report = evaluate_model(trainer.model, trainer.dataset, "test", loss=run.loss)
    record.metrics[f"{report.split}_loss"] = report.loss
    if report.accuracy is not None:
        record.metrics[f"{report.split}_accuracy"] = report.accuracy
    return report


def adopt_run(project: Project, record: RunRecord, weights: dict[str, Any] | None) -> bool:
    """Store a run in the project: its record last (a continued run moves to the end), and its
    weights when it produced any — except that a failed run never replaces a trained model
    (its "last good" weights are only as good as the last second before it diverged). True
    when the project took the run's weights."""
    project.runs[:] = [run for run in project.runs if run is not record]
    project.runs.append(record)
    if weights is None or (record.status == "failed" and project.weights is not None):
        return False
    project.weights = weights
    return True


def check_model_is_current(project: Project, model_signature: str | None) -> None:
    """Raise GraphError unless a trained model (its network's ``graph_signature``) is of the
    project's network as it is now: an export of an older model would not match the editor."""
    analysis = project.graph.analysis
    if not analysis.valid:
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The network has errors. Fix them and train it again before exporting the model.",
            )
        )
    if model_signature != graph_signature(project.graph):
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "The network has changed since this model was trained. Train it again (or undo the changes) before exporting, so that the file matches the network you see.",
            )
        )


def trained_model(project: Project, dataset: Dataset) -> nn.Module:
    """The project's network with its trained weights, its shapes fitted to ``dataset`` (for
    evaluation, prediction and export). Raises ProjectError when it has no weights yet."""
    if project.weights is None:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "'{name}' has no trained weights yet: train it first."),
            name=project.name,
        )
    graph = Graph.from_dict(project.graph.to_dict())
    graph.set_context(dataset.context())
    follow_input_record(graph, dataset)
    return _built(graph, project.settings.seed, project.weights)


def _built(
    graph: Graph, seed: int, weights: dict[str, Any] | None, init: str = "default"
) -> nn.Module:
    from engine.build import build_model

    model = build_model(graph, seed)
    if init == "glorot" and weights is None:
        glorot_initialise(model, seed)
    if weights is not None:
        try:
            model.load_state_dict(weights)
        except RuntimeError as exc:
            raise GraphError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The saved weights do not match the network ({error}). Train it afresh.",
                ),
                error=str(exc).splitlines()[0],
            ) from None
    return model


def glorot_initialise(model: nn.Module, seed: int) -> None:
    """Keras's start: Glorot (Xavier) uniform weights and zero biases in every dense,
    convolution and recurrent layer (norm layers keep ones and zeros), drawn from ``seed``."""
    import torch
    from torch import nn as tnn

    with torch.random.fork_rng(devices=[]), torch.no_grad():
        torch.manual_seed(seed)
        for module in model.modules():
            if isinstance(module, tnn.Linear | tnn.Conv1d | tnn.Conv2d | tnn.ConvTranspose2d):
                tnn.init.xavier_uniform_(module.weight)
                if module.bias is not None:
                    tnn.init.zeros_(module.bias)
            elif isinstance(module, tnn.RNNBase):  # Keras: orthogonal recurrent kernels
                for name, parameter in module.named_parameters():
                    if name.startswith("weight_hh"):
                        tnn.init.orthogonal_(parameter)
                    elif name.startswith("weight"):
                        tnn.init.xavier_uniform_(parameter)
                    else:
                        tnn.init.zeros_(parameter)
                        if isinstance(module, tnn.LSTM) and name.startswith("bias_ih"):
                            # unit_forget_bias: the forget gate (PyTorch's 2nd quarter) starts at 1
                            parameter[module.hidden_size : 2 * module.hidden_size] = 1.0


def evaluate_model(
    model: nn.Module,
    dataset: Dataset,
    split: str = "test",
    *,
    loss: str | None = None,
    device: torch.device | str | None = None,
) -> EvalReport:
    """The metrics of a model on a split, with the loss its project trains (``loss``)."""
    from engine.metrics import evaluate

    return evaluate(model, dataset, split, device=device, loss=loss)


def evaluate_project(
    project: Project,
    model: nn.Module,
    dataset: Dataset,
    split: str = "test",
    device: torch.device | str | None = None,
) -> EvalReport:
    """Evaluate ``model`` as ``project`` trains it: with the loss its Output layer names."""
    return evaluate_model(model, dataset, split, loss=project_loss(project.graph), device=device)
