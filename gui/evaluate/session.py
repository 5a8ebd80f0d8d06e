"""The evaluation session: every look at a model that costs more than a frame, off the GUI thread.

Widget-free (the Evaluate pane binds to it). It evaluates the document's model on a split, and
computes the live views: the decision boundary and a text sample after each epoch of a run,
text generation, feature maps. Each runs on its own ``TaskSlot``: a newer request cancels an
older one (evaluation, generation, feature maps), or, for the per-epoch views, waits until the
one in flight ends, keeping only the newest (so a fast run never builds a backlog).

During a run the live views use a model of their own, built on the worker from the run's
network snapshot and the epoch's weights: never the one being trained, never the current graph
(which the editor may have changed since). Replacing the project cancels everything and says so
(``sig_reset``): nothing of the previous project is shown afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from gui.worker import Task, TaskSlot

if TYPE_CHECKING:
    from gui.document import ProjectDocument
    from gui.training.session import EpochSnapshot, TrainingSession

EPOCH_SAMPLE_LENGTH = 120  # characters of text sampled after each epoch


def tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationSession", text)


def snapshot_model(snapshot: EpochSnapshot) -> Any:
    """A model of the run's network holding the epoch's weights (worker thread)."""
    from engine import build_model

    model = build_model(snapshot.run.graph, seed=0)
    model.load_state_dict(snapshot.state_dict)
    model.eval()
    return model


class EvaluationSession(QObject):
    sig_reset = Signal()  # the project was replaced: clear every view
    sig_evaluating = Signal()  # an evaluation started
    sig_report = Signal(object)  # EvalReport (or None: no model or no data)
    sig_failed = Signal(str)  # the evaluation failed (plain language)
    sig_boundary = Signal(object)  # class probabilities on the boundary view's grid
    sig_epoch_text = Signal(int, str)  # epoch (from 1), the text sampled after it
    sig_generated = Signal(str)  # the characters generated for Generate
    sig_generate_failed = Signal(str)
    sig_feature_maps = Signal(object)  # {layer name: C×H×W array}
    sig_feature_maps_failed = Signal(str)
    sig_explained = Signal(object)  # an engine Explanation: a heat map for one input
    sig_explain_failed = Signal(str)
    sig_attention = Signal(object)  # an engine AttentionMaps: what each head looked at
    sig_attention_failed = Signal(str)

    def __init__(
        self,
        document: ProjectDocument,
        training: TrainingSession | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.report: Any = None  # the last evaluation's EvalReport
        self.split = "test"
        self.text_seed = "The "  # what the per-epoch samples start from (the pane's seed box)
        self.text_temperature = 0.8
        self.boundary_grid: np.ndarray | None = None  # points where the boundary is sampled
        self._live: EpochSnapshot | None = None  # the newest epoch of the run in progress
        self._training = training
        self._pending_generation: tuple[str, int, float] | None = None  # awaiting the weights
        self._evaluation = TaskSlot("NetCanvasEvaluate", self)
        self._boundary = TaskSlot("NetCanvasBoundary", self)
        self._epoch_text = TaskSlot("NetCanvasEpochText", self)
        self._generation = TaskSlot("NetCanvasGenerate", self)
        self._maps = TaskSlot("NetCanvasFeatureMaps", self)
        self._explanation = TaskSlot("NetCanvasExplain", self)
        self._attention = TaskSlot("NetCanvasAttention", self)
        self._slots = (self._evaluation, self._boundary, self._epoch_text, self._generation)
        self._slots += (self._maps, self._explanation, self._attention)
        document.sig_project_replaced.connect(self.reset)
        document.sig_dataset_changed.connect(self._on_inputs_changed)
        document.sig_model_changed.connect(self._on_inputs_changed)
        if training is not None:
            training.sig_started.connect(self._on_run_started)
            training.sig_snapshot.connect(self.on_snapshot)
            training.sig_weights.connect(self._on_weights_now)
        document.sig_training_changed.connect(self._on_training_changed)

    # -- evaluation --------------------------------------------------------------------------
    def effective_split(self) -> str:
        """The split evaluated: the test split, or validation when there is no test split."""
        dataset = self.document.dataset
        if self.split == "test" and dataset is not None and dataset.test is None:
            return "val"
        return self.split

    def evaluate(self) -> None:
        """Evaluate the document's model on the current split; ``sig_report`` brings it."""
        model, dataset = self.document.model, self.document.dataset
        if model is None or dataset is None:
            self._evaluation.cancel()
            self.report = None
            self.sig_report.emit(None)
            return
        from engine import evaluate_model, project_loss

        # The loss is read here: the editor may change the graph while the worker runs.
        loss, split = project_loss(self.document.project.graph), self.effective_split()
        self.sig_evaluating.emit()
        self._evaluation.start(
            lambda _task: evaluate_model(model, dataset, split, loss=loss),
            self._on_report,
            self.sig_failed.emit,
            doing=tr("The evaluation"),
        )

    @property
    def evaluating(self) -> bool:
        return self._evaluation.busy

    def wait(self, timeout_ms: int = 20_000) -> bool:
        """Join every task in flight and deliver what they reported (tests, window close)."""
        done = all(slot.wait(timeout_ms) for slot in self._slots)
        QCoreApplication.sendPostedEvents()
        return done

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        return all(slot.shutdown(timeout_ms) for slot in self._slots)

    def _on_report(self, report: Any) -> None:
        self.report = report
        self.sig_report.emit(report)

    def _on_inputs_changed(self) -> None:
        self._evaluation.cancel()  # it is of the previous model or data
        self.report = None

    def reset(self) -> None:
        for slot in self._slots:
            slot.cancel()
        self.report = None
        self._live = None
        self._pending_generation = None
        self.sig_reset.emit()

    # -- live views during a run -------------------------------------------------------------
    def _on_run_started(self, _run: Any) -> None:
        self._live = None

    def on_snapshot(self, snapshot: EpochSnapshot) -> None:
        """A run finished an epoch: redraw the boundary (2-D points) or sample text (text)."""
        dataset = self.document.dataset
        if dataset is None or snapshot.run.dataset is not dataset:
            return
        self._live = snapshot
        if dataset.kind == "points":
            self._start_boundary(lambda: snapshot_model(snapshot))
        elif dataset.kind == "text":
            seed, temperature = self.text_seed, self.text_temperature

            def sample(_task: Task) -> tuple[int, str]:
                from engine import sample_text

                model = snapshot_model(snapshot)
                text = sample_text(model, dataset, seed, EPOCH_SAMPLE_LENGTH, temperature)
                return snapshot.epoch, seed + text

            self._epoch_text.start_when_free(
                sample,
                lambda result: self.sig_epoch_text.emit(*result),
                lambda message: self.sig_epoch_text.emit(snapshot.epoch, message),
                doing=tr("The text sample"),
            )

    def draw_boundary(self) -> None:
        """The decision boundary of the document's model (after a run, or when shown)."""
        model = self.document.model
        if model is not None:
            self._start_boundary(lambda: model)

    def _start_boundary(self, model_of: Callable[[], Any]) -> None:
        """Class probabilities over the grid, on a worker. The data and the grid are taken
        now, on the GUI thread: the pane replaces the grid when the data or model changes,
        and a worker reading it meanwhile found None (a boundary failed at random)."""
        dataset, grid = self.document.dataset, self.boundary_grid
        if dataset is None or grid is None:
            return

        def probabilities(_task: Task) -> np.ndarray:
            from engine import predict_proba

            return np.asarray(predict_proba(model_of(), dataset, grid))

        self._boundary.start_when_free(
            probabilities, self.sig_boundary.emit, doing=tr("The decision boundary")
        )

    # -- text generation, feature maps -------------------------------------------------------
    def _inspected_model(self) -> Any:
        """The model to look inside: the document's, or during a run the newest epoch's."""
        if self.document.training and self._live is not None:
            return None  # built on the worker from the snapshot (see _model_for)
        return self.document.model

    def _model_for(self, live: EpochSnapshot | None, model: Any) -> Any:
        return snapshot_model(live) if live is not None else model

    def can_inspect(self) -> bool:
        return self.document.dataset is not None and (
            self.document.model is not None or self._live is not None
        )

    def generate(self, seed: str, length: int, temperature: float) -> bool:
        """Generate ``length`` characters after ``seed``; ``sig_generated`` brings them. During
        a run the model is the run's as it is now: its weights after the next batch."""
        if self.document.dataset is None:
            return False
        if self._training is not None and self._training.request_weights():
            self._generation.cancel()
            self._pending_generation = (seed, length, temperature)
            return True
        if not self.can_inspect():
            return False
        live = self._live if self.document.training else None
        self._start_generation(seed, length, temperature, live, self._inspected_model())
        return True

    def _on_weights_now(self, snapshot: EpochSnapshot) -> None:
        pending, self._pending_generation = self._pending_generation, None
        if pending is not None and snapshot.run.dataset is self.document.dataset:
            self._start_generation(*pending, snapshot, None)

    def _on_training_changed(self, running: bool) -> None:
        """A run ended before the weights asked for arrived: generate with its final model."""
        pending, self._pending_generation = self._pending_generation, None
        if not running and pending is not None and self.can_inspect():
            self._start_generation(*pending, None, self.document.model)

    def _start_generation(
        self, seed: str, length: int, temperature: float, live: EpochSnapshot | None, model: Any
    ) -> None:
        dataset = self.document.dataset

        def run(_task: Task) -> str:
            from engine import sample_text

            text: str = sample_text(
                self._model_for(live, model), dataset, seed, length, temperature
            )
            return text

        self._generation.start(
            run, self.sig_generated.emit, self.sig_generate_failed.emit, doing=tr("Generating")
        )

    @property
    def generating(self) -> bool:
        return self._generation.busy or self._pending_generation is not None

    def compute_feature_maps(self, raw: np.ndarray) -> bool:
        """The convolution layers' outputs for one raw sample; ``sig_feature_maps`` brings
        them."""

        def maps(model: Any, dataset: Any) -> dict[str, Any]:
            from engine import feature_maps

            return dict(feature_maps(model, dataset, raw))

        return self._inspect(
            self._maps, maps, self.sig_feature_maps, self.sig_feature_maps_failed,
            tr("The feature maps"),
        )  # fmt: skip

    def explain(self, raw: np.ndarray, method: str, target: int | None, layer: str | None) -> bool:
        """Why the model gives ``raw`` its class: ``sig_explained`` brings the heat map."""

        def heat_map(model: Any, dataset: Any) -> Any:
            from engine import explain

            return explain(model, dataset, raw, method, target=target, layer=layer)

        return self._inspect(
            self._explanation, heat_map, self.sig_explained, self.sig_explain_failed,
            tr("The explanation"),
        )  # fmt: skip

    def attend(self, text: str) -> bool:
        """What each attention head looks at in ``text``: ``sig_attention`` brings the maps."""

        def maps(model: Any, dataset: Any) -> Any:
            from engine import attention_maps

            return attention_maps(model, dataset, text)

        return self._inspect(
            self._attention, maps, self.sig_attention, self.sig_attention_failed,
            tr("The attention maps"),
        )  # fmt: skip

    def _inspect(
        self,
        slot: TaskSlot,
        work: Callable[[Any, Any], Any],
        done: Any,
        failed: Any,
        doing: str,
    ) -> bool:
        """Run ``work(model, dataset)`` on ``slot`` with the model to look inside (during a run:
        the newest epoch's); False when there is no model or no data."""
        dataset = self.document.dataset
        if dataset is None or not self.can_inspect():
            return False
        live = self._live if self.document.training else None
        model = self._inspected_model()
        slot.start(
            lambda _task: work(self._model_for(live, model), dataset),
            done.emit,
            failed.emit,
            doing=doing,
        )
        return True
