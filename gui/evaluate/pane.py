"""The Evaluate pane: how good is the trained network, where does it fail, and export it.

Only the sections that apply to the dataset are shown: the confusion matrix, per-class scores
and misclassified samples for classifiers; the draw pad and feature maps for images; the
decision boundary for 2-D points (live during training); the text generator for character
models. The pane is a view of an ``EvaluationSession`` (gui/evaluate/session.py): evaluation,
the live views, text generation and feature maps run there, on worker tasks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.evaluate.attention_tab import AttentionTab
from gui.evaluate.draw_tab import DrawTab
from gui.evaluate.explain_tab import ExplainTab
from gui.evaluate.live_tabs import FeatureMapsTab, TextGeneratorTab
from gui.evaluate.session import EvaluationSession
from gui.evaluate.views import (
    ConfusionMatrixView,
    DecisionBoundaryView,
    PredictionScatter,
    RankingCurvesView,
)
from gui.widgets.gallery import ImageGrid
from gui.widgets.layout import only_the_shown_page_counts, scrolled
from gui.widgets.message_bar import MessageBar
from gui.widgets.wheel import wheel_safe_children

if TYPE_CHECKING:
    from gui.document import ProjectDocument

GALLERY_MAX = 64


class EvaluatePane(QWidget):
    def __init__(
        self,
        state: ProjectDocument,
        parent: QWidget | None = None,
        session: EvaluationSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session if session is not None else EvaluationSession(state, None, self)
        self._stale = True

        # -- header ------------------------------------------------------------------------------
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        self.evaluate_button.clicked.connect(self.refresh_in_background)
        self.split_combo = QComboBox()
        self.split_combo.addItem(self.tr("Test split"), "test")
        self.split_combo.addItem(self.tr("Validation split"), "val")
        self.split_combo.currentIndexChanged.connect(lambda _i: self.refresh_in_background())
        self.summary = QLabel(self.tr("Train a network, then evaluate it here."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.onnx_button = QPushButton(self.tr("Export ONNX…"))
        self.onnx_button.clicked.connect(self._on_export_onnx)
        self.script_button = QPushButton(self.tr("Export PyTorch script…"))
        self.script_button.clicked.connect(self._on_export_script)
        # What an export wrote, or why the evaluation failed: at the top, in view.
        self.message_bar = MessageBar()
        self.export_label = self.message_bar.label
        header = QHBoxLayout()
        header.addWidget(self.evaluate_button)
        header.addWidget(self.split_combo)
        header.addWidget(self.summary, 1)
        header.addWidget(self.onnx_button)
        header.addWidget(self.script_button)

        # -- confusion matrix + gallery ---------------------------------------------------------
        self.confusion = ConfusionMatrixView()
        self.confusion.sig_cell_clicked.connect(self.show_cell)
        self.gallery_title = QLabel(self.tr("Click a cell to see its samples."))
        self.gallery = ImageGrid(cell=88)
        self.gallery_table = _table([self.tr("sample"), self.tr("confidence")])
        gallery_box = QWidget()
        gallery_layout = QVBoxLayout(gallery_box)
        gallery_layout.setContentsMargins(0, 0, 0, 0)
        gallery_layout.addWidget(self.gallery_title)
        self._gallery_scroll = scrolled(self.gallery)
        gallery_layout.addWidget(self._gallery_scroll, 1)
        gallery_layout.addWidget(self.gallery_table, 1)
        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(
            QLabel(
                self.tr(
                    "Rows: true class · columns: predicted class · blue: right, orange: wrong. "
                    "Click a cell to see its samples."
                )
            )
        )
        matrix_layout.addWidget(self.confusion, 1)
        confusion_tab = QSplitter(Qt.Orientation.Horizontal)
        confusion_tab.addWidget(matrix_box)
        confusion_tab.addWidget(gallery_box)
        confusion_tab.setSizes([600, 400])

        # -- per class ---------------------------------------------------------------------------
        self.per_class = _table(
            [
                self.tr("class"),
                self.tr("precision"),
                self.tr("recall"),
                "F1",
                "ROC AUC",
                self.tr("avg. precision"),
                self.tr("support"),
            ]
        )

        # -- misclassified -------------------------------------------------------------------------
        self.misclassified = ImageGrid(cell=64)
        self.misclassified.set_empty_text(self.tr("No misclassified samples."))
        self.misclassified_table = _table(
            [
                self.tr("sample"),
                self.tr("input"),
                self.tr("true"),
                self.tr("predicted"),
                self.tr("confidence"),
            ]
        )
        wrong_tab = QWidget()
        wrong_layout = QVBoxLayout(wrong_tab)
        wrong_layout.addWidget(
            QLabel(
                self.tr(
                    "Wrong answers, most confident first (true → predicted, confidence). "
                    "Click one to see why."
                )
            )
        )
        self._wrong_scroll = scrolled(self.misclassified)
        wrong_layout.addWidget(self._wrong_scroll, 1)
        wrong_layout.addWidget(self.misclassified_table, 1)

        # -- draw pad --------------------------------------------------------------------------
        self.draw_tab = DrawTab(state)
        self.drawpad = self.draw_tab.pad
        self.probability_bars = self.draw_tab.probability_bars
        self.gallery_indices: list[int] = []
        self._wrong: list[tuple[int, int, int, float]] = []  # the misclassified shown

        self.feature_maps = FeatureMapsTab(state, self.session, self.drawpad, self._split)
        self.draw_tab.sig_predicted.connect(self.feature_maps.drawing_changed)
        self.explain_tab = ExplainTab(state, self.session, self.drawpad, self._split)
        self.draw_tab.sig_predicted.connect(self.explain_tab.drawing_changed)
        self.attention_tab = AttentionTab(state, self.session)
        # A click on a wrong answer or a confusion cell's sample asks why.
        self.misclassified.sig_clicked.connect(
            lambda i: self.explain(self._wrong[i][0]) if i < len(self._wrong) else None
        )
        self.gallery.sig_clicked.connect(
            lambda i: (
                self.explain(self.gallery_indices[i]) if i < len(self.gallery_indices) else None
            )
        )
        why = self.tr("Click a sample to see why the network decided so (the Explain tab)")
        self.gallery.setToolTip(why)
        self.misclassified.setToolTip(why)
        self.ranking = RankingCurvesView()
        self.boundary = DecisionBoundaryView()
        self.boundary_label = QLabel(
            self.tr("Each colour is the class the network predicts there; paler means less sure.")
        )
        boundary_tab = QWidget()
        boundary_layout = QVBoxLayout(boundary_tab)
        boundary_layout.addWidget(self.boundary_label)
        boundary_layout.addWidget(self.boundary, 1)
        self.text_generator = TextGeneratorTab(state, self.session)
        self.predictions = PredictionScatter()

        self.tabs = QTabWidget()
        add_tab = self.tabs.addTab
        self.tab_confusion = add_tab(confusion_tab, self.tr("Confusion matrix"))
        self.tab_per_class = add_tab(self.per_class, self.tr("Per class"))
        self.tab_wrong = add_tab(wrong_tab, self.tr("Misclassified"))
        self.tab_draw = add_tab(self.draw_tab, self.tr("Draw"))
        self.tab_ranking = add_tab(self.ranking, self.tr("ROC / PR"))
        self.tab_maps = add_tab(self.feature_maps, self.tr("Feature maps"))
        self.tab_explain = add_tab(self.explain_tab, self.tr("Explain"))
        self.tab_boundary = add_tab(boundary_tab, self.tr("Decision boundary"))
        self.tab_text = add_tab(self.text_generator, self.tr("Generate text"))
        self.tab_attention = add_tab(self.attention_tab, self.tr("Attention"))
        self.tab_predictions = add_tab(self.predictions, self.tr("Predictions"))
        only_the_shown_page_counts(self.tabs)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)

        session = self.session
        session.sig_evaluating.connect(self._on_evaluating)
        session.sig_report.connect(lambda report: self._apply(report, None))
        session.sig_failed.connect(lambda message: self._apply(None, message))
        session.sig_boundary.connect(self.boundary.set_probabilities)
        session.sig_reset.connect(self._clear)
        state.sig_dataset_changed.connect(self._on_data_or_model_changed)
        state.sig_model_changed.connect(self._on_data_or_model_changed)
        self._on_data_or_model_changed()
        wheel_safe_children(self)  # its column scrolls: the wheel must not edit fields

    @property
    def report(self) -> Any:
        """The evaluation shown (the session's last)."""
        return self.session.report

    # -- public API --------------------------------------------------------------------------
    def refresh(self) -> Any:
        """Evaluate the current model on the current split and wait for it (tests, scripts);
        returns the EvalReport, or None without a model or data."""
        self.refresh_in_background()
        self.session.wait()
        return self.report

    def refresh_in_background(self) -> None:
        """Evaluate on a worker task and show the result when it arrives (the window stays
        responsive). Used when a run finishes, the pane is shown or Evaluate is clicked."""
        self._stale = False
        self.session.split = str(self.split_combo.currentData() or "test")
        self.session.evaluate()

    def wait(self, timeout_ms: int = 20_000) -> bool:
        """Join the session's work in flight and show what it reported; True when none is left."""
        return self.session.wait(timeout_ms)

    def closeEvent(self, event: Any) -> None:
        # A closed pane leaves no thread behind (its session's tasks are joined).
        self.session.shutdown()
        super().closeEvent(event)

    def _on_evaluating(self) -> None:
        self.summary.setText(self.tr("Evaluating…"))
        if self.message_bar.level == "error":  # the last failure is being retried
            self.message_bar.clear()

    def _apply(self, report: Any, error: str | None) -> Any:
        """Show a finished evaluation (or why there is none) in every section."""
        if error is not None:
            self.summary.setText(self.tr("Evaluation failed."))
            self.message_bar.show_message(self.tr("Evaluation failed: {0}").format(error), "error")
            self._update_sections()
            return None
        model, dataset = self.state.model, self.state.dataset
        if report is None or model is None or dataset is None:
            self.summary.setText(self.tr("Train a network, then evaluate it here."))
            self._update_sections()
            return None
        self._show_report(report)
        self._update_sections()
        self.draw_tab.predict()
        self.feature_maps.refresh()
        self.explain_tab.update_model()
        if dataset.kind == "points":
            self.session.draw_boundary()
        if dataset.task == "next_char" and not self.text_generator.output.toPlainText():
            self.text_generator.generate()
        if self.tabs.isTabVisible(self.tab_attention):
            self.attention_tab.update_model()
        return report

    def _clear(self) -> None:
        """The project was replaced: nothing of the previous one stays in view."""
        self.summary.setText(self.tr("Train a network, then evaluate it here."))
        self.confusion.set_matrix(np.zeros((0, 0), dtype=np.int64), [])
        self.gallery_title.setText(self.tr("Click a cell to see its samples."))
        self.gallery_indices = []
        self.gallery.set_images(np.zeros((0, 1, 1, 1), dtype=np.uint8), [])
        self.misclassified.set_images(np.zeros((0, 1, 1, 1), dtype=np.uint8), [])
        for table in (self.gallery_table, self.per_class, self.misclassified_table):
            table.setRowCount(0)
        self.predictions.set_values(np.zeros(0), np.zeros(0))
        self.boundary.clear_regions()
        self.text_generator.clear()
        self.feature_maps.clear()
        self.explain_tab.clear()
        self.attention_tab.text.clear()  # the previous project's text
        self.attention_tab.clear()
        self.ranking.clear()
        self._wrong = []
        self.draw_tab.clear()
        self._export_message("", False)

    def export_onnx_to(self, path: str | Path) -> Any:
        """Export the current model to ONNX at ``path``; returns the engine's ExportResult."""
        from engine import export_onnx

        result = export_onnx(self.state.exportable_model(), self.state.dataset, str(path))
        self._export_message(
            self.tr(
                "Exported {0}. Checked in onnxruntime: largest difference to PyTorch {1:.2e}."
            ).format(result.path, result.max_abs_diff),
            False,
        )
        return result

    def export_script_to(self, path: str | Path) -> None:
        from engine import generate_script

        Path(path).write_text(generate_script(self.state.project), encoding="utf-8")
        self._export_message(self.tr("Wrote the PyTorch script {0}.").format(path), False)

    # -- sections ---------------------------------------------------------------------------
    def _split(self) -> str:
        """The split the report shown was computed on."""
        return self.session.effective_split()

    def _update_sections(self) -> None:
        dataset = self.state.dataset
        kind = dataset.kind if dataset is not None else ""
        task = dataset.task if dataset is not None else ""
        classifier = task in ("classification", "binary")
        visible = {
            self.tab_confusion: classifier,
            self.tab_per_class: classifier,
            self.tab_wrong: classifier,
            self.tab_draw: kind == "image" and classifier,
            self.tab_ranking: classifier,
            self.tab_maps: kind == "image",
            self.tab_explain: kind == "image" and classifier,
            self.tab_boundary: kind == "points",
            self.tab_text: task == "next_char",
            self.tab_attention: task == "next_char" and self._has_attention(),
            self.tab_predictions: task == "regression",
        }
        for index, shown in visible.items():
            self.tabs.setTabVisible(index, shown)
        images = kind == "image"
        self._gallery_scroll.setVisible(images)
        self.gallery_table.setVisible(not images)
        self._wrong_scroll.setVisible(images)
        self.misclassified_table.setVisible(not images)
        # The truth about the split: without a test split the evaluation is on the validation
        # set, and the list says so instead of offering a "Test split" that is not one.
        no_test = dataset is not None and dataset.test is None
        test_item = self.split_combo.model().item(0)  # type: ignore[attr-defined]
        test_item.setEnabled(not no_test)
        test_item.setText(
            self.tr("Test split (this dataset has none)") if no_test else self.tr("Test split")
        )
        if no_test and self.split_combo.currentData() == "test":
            self.split_combo.setCurrentIndex(self.split_combo.findData("val"))
        has_model = self.state.model is not None
        self.onnx_button.setEnabled(has_model and dataset is not None)
        self.script_button.setEnabled(dataset is not None)

    def _has_attention(self) -> bool:
        """The network has heads to look at (shown before training: the tab says to train)."""
        from engine import ATTENTION_TYPES

        graph = self.state.project.graph
        return any(node.type in ATTENTION_TYPES for node in graph.nodes.values())

    def _on_data_or_model_changed(self) -> None:
        self._update_sections()
        dataset = self.state.dataset
        self.session.boundary_grid = None
        if dataset is not None and dataset.kind == "points":
            x = dataset.train.x.detach().cpu().numpy()
            y = dataset.train.y.detach().cpu().numpy().reshape(-1)
            if x.ndim == 2 and x.shape[1] == 2:
                self.boundary.set_points(x, y)
                self.session.boundary_grid = self.boundary.grid()
        self.text_generator.update_model(self.state.model)
        self._stale = True
        if self.isVisible():
            self.refresh_in_background()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_in_background()

    def _show_report(self, report: Any) -> None:
        dataset = self.state.dataset
        names = list(dataset.class_names) if dataset is not None else []
        parts = [self.tr("{0} samples").format(report.n)]
        for label, value, fmt in (
            (self.tr("accuracy"), report.accuracy, "{:.2%}"),
            (self.tr("loss"), report.loss, "{:.4f}"),
            ("MSE", report.mse, "{:.4g}"),
            ("MAE", report.mae, "{:.4g}"),
            ("R²", report.r2, "{:.3f}"),
            (self.tr("perplexity"), report.perplexity, "{:.3g}"),
        ):
            if isinstance(value, int | float) and np.isfinite(value):
                parts.append(f"{label} {fmt.format(value)}")
        self.summary.setText(" · ".join(parts))
        if report.task == "regression":
            self.predictions.set_values(report.y_true, report.y_pred)
        if report.task not in ("classification", "binary"):
            return  # character models report per-character accuracy: no per-sample gallery
        if report.confusion is not None and len(report.confusion):
            matrix = np.asarray(report.confusion)
            self.confusion.set_matrix(matrix, names)
            # Open on the most frequent confusion: usually the most instructive cell.
            off = matrix.copy()
            np.fill_diagonal(off, 0)
            if off.any():
                i, j = np.unravel_index(int(off.argmax()), off.shape)
                self.show_cell(int(i), int(j))
        self._fill_per_class(report)
        self._fill_misclassified(report, names)
        self.ranking.set_curves(report.curves)

    def _fill_per_class(self, report: Any) -> None:
        rows = list(report.per_class or [])
        extra = []
        for label, values in (
            (self.tr("macro average"), {**report.macro, **report.ranking_averages()}),
            (self.tr("weighted average"), report.weighted),
        ):
            if values:
                extra.append({"name": label, **values})
        self.per_class.setRowCount(len(rows) + len(extra))
        for r, row in enumerate(rows + extra):
            cells = [
                str(row.get("name", r)),
                _fmt(row.get("precision")),
                _fmt(row.get("recall")),
                _fmt(row.get("f1")),
                _fmt(row.get("roc_auc")),
                _fmt(row.get("average_precision")),
                str(int(row["support"])) if row.get("support") is not None else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r >= len(rows):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.per_class.setItem(r, c, item)

    def explain(self, index: int) -> None:
        """Show why the model classifies sample ``index`` of the evaluated split as it does."""
        self.tabs.setCurrentIndex(self.tab_explain)
        self.explain_tab.explain_sample(index)

    def _fill_misclassified(self, report: Any, names: list[str]) -> None:
        wrong = list(report.misclassified())[:GALLERY_MAX]
        self._wrong = wrong
        captions = [f"{_name(names, t)}→{_name(names, p)} {conf:.0%}" for _i, t, p, conf in wrong]
        images = self._images([i for i, _t, _p, _c in wrong])
        self._wrong_scroll.setVisible(images is not None)
        self.misclassified_table.setVisible(images is None)
        if images is not None:
            self.misclassified.set_images(images, captions)
        else:
            self.misclassified_table.setRowCount(len(wrong))
            inputs = self._inputs_text([i for i, _t, _p, _c in wrong])
            for r, (i, t, p, conf) in enumerate(wrong):
                cells = (str(i), inputs[r], _name(names, t), _name(names, p), f"{conf:.1%}")
                for c, text in enumerate(cells):
                    self.misclassified_table.setItem(r, c, QTableWidgetItem(text))

    def _inputs_text(self, indices: list[int]) -> list[str]:
        """A short text of each sample's raw input (features or characters) for the tables."""
        dataset = self.state.dataset
        if dataset is None or not indices:
            return [""] * len(indices)
        x = dataset.split(self._split()).x
        out = []
        for i in indices:
            row = x[i].detach().cpu().reshape(-1)
            if dataset.kind == "text" and dataset.vocab:
                out.append("".join(dataset.vocab[int(v)] for v in row[-24:]))
                continue
            values = ", ".join(f"{float(v):.3g}" for v in row[:6])
            out.append(values + (", …" if row.numel() > 6 else ""))
        return out

    def _images(self, indices: list[int]) -> np.ndarray | None:
        """Raw images (uint8 N×C×H×W) of the evaluated split, or None for non-image data."""
        dataset = self.state.dataset
        if dataset is None or dataset.kind != "image":
            return None
        x = dataset.split(self._split()).x
        if not indices:
            return np.zeros((0, *x.shape[1:]), dtype=np.uint8)
        import torch

        index = torch.as_tensor(indices, dtype=torch.long, device=x.device)
        return x[index].detach().cpu().numpy()

    def cell_samples(self, true_class: int, predicted: int) -> list[tuple[int, float]]:
        """(sample index, confidence) of the evaluated samples in one confusion cell."""
        report = self.report
        if report is None:
            return []
        y_true = np.asarray(report.y_true).reshape(-1)
        y_pred = np.asarray(report.y_pred).reshape(-1)
        probs = np.asarray(report.probs)
        idx = np.nonzero((y_true == true_class) & (y_pred == predicted))[0]
        if probs.ndim == 2 and probs.shape[1] > predicted:
            conf = probs[idx, predicted]
        else:
            conf = np.ones(idx.size)
        order = np.argsort(-conf, kind="stable")
        return [(int(idx[o]), float(conf[o])) for o in order]

    def show_cell(self, true_class: int, predicted: int) -> None:
        """The gallery of one confusion-matrix cell."""
        names = list(self.state.dataset.class_names) if self.state.dataset is not None else []
        samples = self.cell_samples(true_class, predicted)
        self.gallery_title.setText(
            self.tr("True {0}, predicted {1}: {2} samples").format(
                _name(names, true_class), _name(names, predicted), len(samples)
            )
        )
        shown = samples[:GALLERY_MAX]
        images = self._images([i for i, _c in shown])
        self._gallery_scroll.setVisible(images is not None)
        self.gallery_table.setVisible(images is None)
        self.gallery_indices = [i for i, _c in shown]
        if images is not None:
            self.gallery.set_images(images, [f"#{i} {c:.0%}" for i, c in shown])
        else:
            self.gallery_table.setRowCount(len(shown))
            for r, (i, c) in enumerate(shown):
                self.gallery_table.setItem(r, 0, QTableWidgetItem(str(i)))
                self.gallery_table.setItem(r, 1, QTableWidgetItem(f"{c:.1%}"))

    # -- draw pad ----------------------------------------------------------------------------
    @property
    def last_probabilities(self) -> np.ndarray:
        return self.draw_tab.last_probabilities

    def drawing_raw(self) -> np.ndarray | None:
        return self.draw_tab.drawing_raw()

    def _export_message(self, text: str, error: bool) -> None:
        self.message_bar.show_message(text, "error" if error else "success")

    # -- export buttons -------------------------------------------------------------------------
    # The same dialogs as File ▸ Export: the ONNX export runs and is checked on a worker.
    def _on_export_onnx(self) -> None:
        from gui.export_dialogs import export_onnx_dialog

        export_onnx_dialog(self, self.state)

    def _on_export_script(self) -> None:
        from gui.export_dialogs import export_script_dialog

        written = export_script_dialog(self, self.state)
        if written is not None:
            self._export_message(self.tr("Wrote the PyTorch script {0}.").format(written), False)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else ""


def _name(names: list[str], index: int) -> str:
    index = int(index)
    return str(names[index]) if 0 <= index < len(names) else str(index)
