"""The Data pane: choose or open a dataset, load it in the background, look at it.

The pane is a view of a ``DataSession`` (gui/data/session.py), which loads on a worker task;
the pane shows its progress with Cancel. Once loaded, the dataset is the document's (the graph
re-checks itself against it) and the pane shows samples, the class histogram, skipped files,
split options and augmentation previews.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import settings as app_settings
from gui.data.columns import ColumnsBox, LeakWarnings
from gui.data.session import DataSession
from gui.data.text import (
    augmentation_tip,
    builtin_description,
    builtin_title,
    dataset_title,
    summary_html,
)
from gui.data.views import ClassHistogram, DataFrameModel, scatter_points, themed_plot
from gui.i18n import engine_text
from gui.widgets.colours import WARN_COLOUR
from gui.widgets.gallery import ImageGrid, normalise_to_uint8
from gui.widgets.layout import scrolled, settings_beside_view
from gui.widgets.wheel import wheel_safe_children

if TYPE_CHECKING:
    from engine.types import DataRef
    from gui.document import ProjectDocument

PREVIEW_COUNT = 48
AUGMENT_PREVIEW_COUNT = 16


class DataPane(QWidget):
    TAB_SAMPLES, TAB_AUGMENTED, TAB_SKIPPED = 0, 1, 2

    sig_loaded = Signal(object)  # the Dataset, after state.set_dataset
    sig_failed = Signal(str)
    sig_loading_changed = Signal(bool)

    def __init__(
        self,
        state: ProjectDocument,
        parent: QWidget | None = None,
        session: DataSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session if session is not None else DataSession(state, self)
        self._augment_seed = 0

        # -- source ------------------------------------------------------------------------------
        from engine import BUILTINS

        self.builtins = QListWidget()
        for info in BUILTINS.values():
            item = QListWidgetItem(builtin_title(info))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(
                self.tr("{0}\nLicence: {1}").format(builtin_description(info), info.licence)
            )
            self.builtins.addItem(item)
        self.builtins.itemActivated.connect(self._on_builtin_activated)
        self.builtins.currentItemChanged.connect(self._on_builtin_selected)
        self.builtins.setMinimumHeight(150)
        self.builtin_info = QLabel()
        self.builtin_info.setWordWrap(True)
        self.load_button = QPushButton(self.tr("Load"))
        self.load_button.clicked.connect(self._on_load_clicked)
        open_file = QPushButton(self.tr("Open file…"))
        open_file.clicked.connect(self._on_open_file)
        open_folder = QPushButton(self.tr("Open folder…"))
        open_folder.clicked.connect(self._on_open_folder)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        source = QGroupBox(self.tr("Dataset"))
        source_layout = QVBoxLayout(source)
        source_layout.addWidget(QLabel(self.tr("Built in (offline):")))
        source_layout.addWidget(self.builtins)
        source_layout.addWidget(self.builtin_info)
        row = QHBoxLayout()
        row.addWidget(self.load_button)
        row.addWidget(open_file)
        row.addWidget(open_folder)
        source_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        source_layout.addLayout(row)
        self.embed_box = QCheckBox(self.tr("Embed the dataset in the project"))
        self.embed_box.setToolTip(
            self.tr(
                "Store the loaded data, with its splits, inside the project file when it is "
                "saved: the one file then opens and trains on any computer, without the data "
                "file. Untick to keep only the data's path."
            )
        )
        self.embed_box.toggled.connect(self._on_embed_toggled)
        source_layout.addWidget(self.embed_box)

        # -- a table's columns ---------------------------------------------------------------
        self.columns_box = ColumnsBox()
        self.columns_box.sig_changed.connect(self._on_columns_chosen)

        # -- split ---------------------------------------------------------------------------
        self.val_slider = QSlider(Qt.Orientation.Horizontal)
        self.test_slider = QSlider(Qt.Orientation.Horizontal)
        self.val_label = QLabel()
        self.test_label = QLabel()
        for slider, label in (
            (self.val_slider, self.val_label),
            (self.test_slider, self.test_label),
        ):
            slider.setRange(0, 50)
            slider.valueChanged.connect(lambda v, lab=label: lab.setText(f"{v} %"))
            slider.valueChanged.connect(self._on_split_edited)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.valueChanged.connect(self._on_split_edited)
        self.reload_button = QPushButton(self.tr("Reload with these settings"))
        self.reload_button.clicked.connect(self.reload)
        split = QGroupBox(self.tr("Split"))
        split_form = QFormLayout(split)
        for title, slider, label in (
            (self.tr("Validation"), self.val_slider, self.val_label),
            (self.tr("Test"), self.test_slider, self.test_label),
        ):
            line = QHBoxLayout()
            line.addWidget(slider, 1)
            line.addWidget(label)
            split_form.addRow(title, line)
        split_form.addRow(self.tr("Seed"), self.seed)
        split_form.addRow(self.reload_button)

        # -- augmentation ------------------------------------------------------------------------
        from engine import AUGMENTATIONS

        self.augment_group = QGroupBox(self.tr("Augmentation (training only)"))
        augment_layout = QVBoxLayout(self.augment_group)
        self.augment_boxes: dict[str, QCheckBox] = {}
        titles = {
            "shift": self.tr("Shift"),
            "flip": self.tr("Mirror"),
            "rotate": self.tr("Rotate"),
            "noise": self.tr("Noise"),
            "cutout": self.tr("Cut-out"),
        }
        for op in AUGMENTATIONS:
            box = QCheckBox(titles.get(op, op))
            box.setToolTip(augmentation_tip(op))
            box.toggled.connect(self._on_augment_toggled)
            augment_layout.addWidget(box)
            self.augment_boxes[op] = box
        reshuffle = QPushButton(self.tr("New preview"))
        reshuffle.clicked.connect(self._on_reshuffle)
        augment_layout.addWidget(reshuffle)

        # -- adapt -------------------------------------------------------------------------------
        self.adapt_button = QPushButton(self.tr("Adapt network to data"))
        self.adapt_button.setToolTip(
            self.tr("Set the Input shape and the Output units to match this dataset")
        )
        self.adapt_button.clicked.connect(self.adapt_network)
        self.fit_label = QLabel()
        self.fit_label.setWordWrap(True)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(source)
        side_layout.addWidget(self.columns_box)
        side_layout.addWidget(split)
        side_layout.addWidget(self.augment_group)
        side_layout.addWidget(self.fit_label)
        side_layout.addWidget(self.adapt_button)
        side_layout.addStretch(1)
        scroll = scrolled(side, sideways=False)
        self._column = scroll
        scroll.setMinimumWidth(side.minimumSizeHint().width() + 24)

        # -- views -------------------------------------------------------------------------------
        self.summary = QLabel(self.tr("No dataset loaded yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.samples = ImageGrid(cell=72)
        self.samples.set_empty_text(self.tr("Load a dataset to see samples."))
        self.table = QTableView()
        self.table_model = DataFrameModel()
        self.table.setModel(self.table_model)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.points_plot = themed_plot()
        self.points_plot.getPlotItem().setAspectLocked(True)
        self.sample_stack = QStackedWidget()
        samples_scroll = scrolled(self.samples)
        for widget in (samples_scroll, self.table, self.text_view, self.points_plot):
            self.sample_stack.addWidget(widget)
        self.histogram = ClassHistogram()
        self.histogram.setMinimumWidth(180)
        self.histogram.setToolTip(self.tr("Training samples per class"))
        # Side by side: the pane usually lives in a wide, short dock under the canvas.
        samples_tab = QSplitter(Qt.Orientation.Horizontal)
        samples_tab.addWidget(self.sample_stack)
        samples_tab.addWidget(self.histogram)
        samples_tab.setStretchFactor(0, 3)
        samples_tab.setStretchFactor(1, 1)
        samples_tab.setSizes([800, 220])
        self.augmented = ImageGrid(cell=80)
        self.augmented.set_empty_text(self.tr("Tick an augmentation to preview it."))
        self.skipped_list = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(samples_tab, self.tr("Samples and classes"))
        self.tabs.addTab(self.augmented, self.tr("Augmented"))
        self.tabs.addTab(self.skipped_list, self.tr("Skipped files"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_augment_preview())
        views = QWidget()
        views_layout = QVBoxLayout(views)
        views_layout.setContentsMargins(0, 0, 0, 0)
        # Messages first, where a 1366×768 window shows them: the load's status (an error in
        # the warning colour), then the summary with the data's notes, then any leaks.
        self.leaks = LeakWarnings()
        self.leaks.sig_drop.connect(self.drop_column)
        views_layout.addWidget(self.status_label)
        views_layout.addWidget(self.summary)
        views_layout.addWidget(self.leaks)
        views_layout.addWidget(self.tabs, 1)

        settings_beside_view(self, scroll, views)

        self.session.sig_started.connect(self._on_started)
        self.session.sig_progress.connect(self._on_progress)
        self.session.sig_loaded.connect(self._on_loaded)
        self.session.sig_failed.connect(self._on_failed)
        self.session.sig_loading_changed.connect(self._on_loading_changed)
        state.sig_project_replaced.connect(self._on_project_replaced)
        state.sig_dataset_changed.connect(self._show_dataset)
        self._on_project_replaced()
        wheel_safe_children(self)  # its column scrolls: the wheel must not edit fields

    # -- public API --------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True from ``load`` until the load's end has been handled."""
        return self.session.loading

    def load(self, ref: DataRef) -> None:
        """Load ``ref`` in the background (cancelling a load in progress); emits sig_loaded."""
        self.session.load(ref)

    def load_path(self, path: str) -> None:
        """Load a file or folder (Open… dialogs, drag-and-drop onto the window)."""
        from engine import DataRef

        self.load(DataRef(source=str(path), options=self._split_options()))

    def reload(self) -> None:
        """Load the project's data again with the split options shown."""
        ref = self.state.project.data
        ref.options.update(self._split_options())
        self.load(ref)

    def cancel(self) -> None:
        self.session.cancel()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Join the load in flight (tests)."""
        return self.session.wait(timeout_ms)

    # -- loading ------------------------------------------------------------------------------
    def _split_options(self) -> dict[str, Any]:
        return {
            "val_split": self.val_slider.value() / 100.0,
            "test_split": self.test_slider.value() / 100.0,
            "seed": int(self.seed.value()),
        }

    def _on_started(self, ref: DataRef) -> None:
        self.progress.setValue(0)
        self.status_label.setText(self.tr("Loading {0}…").format(_short(ref.source)))
        self.status_label.setStyleSheet("")

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 1000))

    def _on_loaded(self, dataset: Any) -> None:
        self.status_label.setText(self.tr("Loaded {0}.").format(dataset_title(dataset)))
        self.sig_loaded.emit(dataset)

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setStyleSheet(f"color: {WARN_COLOUR};")
        self.columns_box.show_dataset(self.state.dataset)  # back to the columns in use
        self.sig_failed.emit(message)

    def drop_column(self, column: str) -> None:
        """Leave ``column`` out of the table's features and reload (a leak's Drop button)."""
        self.columns_box.set_used(column, False)

    def _on_columns_chosen(self, target: str, dropped: list[str]) -> None:
        """Reload the table with this target and these columns left out; a choice the data
        refuses (every feature dropped) fails with a message and changes nothing."""
        from engine import DataRef

        current = self.state.project.data
        options = {**current.options, **self._split_options(), "target": target}
        options.pop("drop", None)
        if dropped:
            options["drop"] = list(dropped)
        self.load(DataRef(source=current.source, options=options))

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scroll the settings column to ``widget`` once the column has laid out its new text."""
        QTimer.singleShot(0, lambda: self._column.ensureWidgetVisible(widget, 0, 12))

    def _on_loading_changed(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        self.load_button.setEnabled(not loading)
        self.reload_button.setEnabled(not loading)
        self.sig_loading_changed.emit(loading)

    def _on_builtin_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        from engine import BUILTINS

        info = BUILTINS[item.data(Qt.ItemDataRole.UserRole)]
        self.builtin_info.setText(
            self.tr("{0}<br><small>Licence: {1}</small>").format(
                builtin_description(info), info.licence
            )
        )

    def _on_builtin_activated(self, item: QListWidgetItem) -> None:
        self._load_builtin(item.data(Qt.ItemDataRole.UserRole))

    def _on_load_clicked(self) -> None:
        item = self.builtins.currentItem()
        if item is not None:
            self._load_builtin(item.data(Qt.ItemDataRole.UserRole))

    def _load_builtin(self, dataset_id: str) -> None:
        from engine import DataRef

        current = self.state.project.data
        options = dict(current.options) if current.source == dataset_id else {}
        options.update(self._split_options())
        self.load(DataRef(source=dataset_id, options=options))

    def _on_open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open dataset file"),
            app_settings.start_folder(self.state.path),
            self.tr(
                "Datasets (*.csv *.tsv *.txt *.npz *.npy *.gz *.idx *-ubyte *.tar.gz);;"
                "All files (*)"
            ),
        )
        if path:
            app_settings.remember_folder(path)
            self.load_path(path)

    def _on_open_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Open dataset folder"), app_settings.start_folder(self.state.path)
        )
        if path:
            app_settings.remember_folder(path)
            self.load_path(path)

    # -- showing --------------------------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        options = self.state.project.data.options
        for widget in (self.val_slider, self.test_slider, self.seed):
            widget.blockSignals(True)
        self.val_slider.setValue(round(100 * float(options.get("val_split", 0.1))))
        self.test_slider.setValue(round(100 * float(options.get("test_split", 0.1))))
        self.seed.setValue(int(options.get("seed", 0)))
        for widget in (self.val_slider, self.test_slider, self.seed):
            widget.blockSignals(False)
        self.val_label.setText(f"{self.val_slider.value()} %")
        self.test_label.setText(f"{self.test_slider.value()} %")
        augment = set(self.state.project.settings.augment)
        for op, box in self.augment_boxes.items():
            box.blockSignals(True)
            box.setChecked(op in augment)
            box.blockSignals(False)
        source = self.state.project.data.source
        for i in range(self.builtins.count()):
            if self.builtins.item(i).data(Qt.ItemDataRole.UserRole) == source:
                self.builtins.setCurrentRow(i)
        self._show_dataset()

    def _on_split_edited(self) -> None:
        self.state.project.data.options.update(self._split_options())
        self.state.mark_dirty()

    def _on_embed_toggled(self, embed: bool) -> None:
        """Embed the loaded dataset in the project (or stop); a dataset over the size limit
        is refused with the engine's message and the box unticked."""
        from engine import NetCanvasError, pack_dataset

        data, dataset = self.state.project.data, self.state.dataset
        if not embed or dataset is None:
            if data.embedded is not None:
                data.embedded = None
                self.state.mark_dirty()
            self._sync_embed_box()
            return
        try:
            data.embedded = pack_dataset(dataset)
        except NetCanvasError as error:
            self.status_label.setText(engine_text(error))
            self.status_label.setStyleSheet(f"color: {WARN_COLOUR};")
            self._sync_embed_box()
            return
        self.state.mark_dirty()
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr("The project will carry its data ({0:.1f} MB) when it is saved.").format(
                len(data.embedded) / 1e6
            )
        )

    def _sync_embed_box(self) -> None:
        self.embed_box.blockSignals(True)
        self.embed_box.setChecked(self.state.project.data.embedded is not None)
        self.embed_box.setEnabled(self.state.dataset is not None)
        self.embed_box.blockSignals(False)

    def _show_dataset(self) -> None:
        dataset = self.state.dataset
        self._update_fit()
        self._sync_embed_box()
        if dataset is None:
            self.summary.setText(self.tr("No dataset loaded yet."))
            self.samples.clear()
            self.columns_box.show_dataset(None)
            self.leaks.show_dataset(None)
            return
        self.summary.setText(summary_html(dataset))
        self.columns_box.show_dataset(dataset)
        self.leaks.show_dataset(dataset)
        if self.columns_box.isVisibleTo(self):
            self._bring_into_view(self.columns_box)  # the Target the notes point at
        if dataset.kind == "image":
            images, labels = dataset.sample_images(PREVIEW_COUNT)
            names = dataset.class_names
            captions = [names[int(c)] if int(c) < len(names) else str(int(c)) for c in labels]
            self.samples.set_images(images.numpy(), captions)
            self.sample_stack.setCurrentIndex(0)
        elif dataset.kind == "table":
            self.table_model.set_frame(dataset.table_head)
            self.table.resizeColumnsToContents()
            self.sample_stack.setCurrentIndex(1)
        elif dataset.kind == "text":
            vocab = dataset.vocab or []
            shown = " ".join(repr(ch)[1:-1] or "␠" for ch in vocab[:200])
            self.text_view.setPlainText(
                f"{dataset.text_excerpt}\n\n— "
                + self.tr("Vocabulary ({0} characters):").format(len(vocab))
                + f"\n{shown}"
            )
            self.sample_stack.setCurrentIndex(2)
        else:
            plot = self.points_plot.getPlotItem()
            plot.clear()
            x = dataset.train.x.detach().cpu().numpy()
            y = dataset.train.y.detach().cpu().numpy().reshape(-1)
            if x.ndim == 2 and x.shape[1] >= 2:
                scatter_points(plot, x, y)
            self.sample_stack.setCurrentIndex(3)
        counts = dataset.class_counts("train")
        self.histogram.setVisible(bool(counts))
        if counts:
            self.histogram.set_counts(counts, dataset.class_names)
        is_image = dataset.kind == "image"
        self.augment_group.setVisible(is_image)
        self.tabs.setTabVisible(self.TAB_AUGMENTED, is_image)
        self.skipped_list.clear()
        for file, reason in dataset.skipped:
            self.skipped_list.addItem(f"{file} — {engine_text(reason)}")
        self.tabs.setTabVisible(self.TAB_SKIPPED, bool(dataset.skipped))
        self._refresh_augment_preview()

    # -- augmentation -----------------------------------------------------------------------
    def selected_augmentations(self) -> list[str]:
        return [op for op, box in self.augment_boxes.items() if box.isChecked()]

    def _on_augment_toggled(self) -> None:
        self.state.project.settings.augment = self.selected_augmentations()
        self.state.mark_dirty()
        if self.selected_augmentations() and self.state.dataset is not None:
            self.tabs.setCurrentIndex(self.TAB_AUGMENTED)
        self._refresh_augment_preview()

    def _on_reshuffle(self) -> None:
        self._augment_seed += 1
        self._refresh_augment_preview()

    def _refresh_augment_preview(self) -> None:
        dataset = self.state.dataset
        ops = self.selected_augmentations()
        if (
            dataset is None
            or dataset.kind != "image"
            or self.tabs.currentIndex() != self.TAB_AUGMENTED
        ):
            return
        if not ops:
            self.augmented.clear()
            return
        from engine import preview_augmented

        images = preview_augmented(dataset, ops, n=AUGMENT_PREVIEW_COUNT, seed=self._augment_seed)
        array = np.asarray(images.detach().cpu().numpy() if hasattr(images, "numpy") else images)
        self.augmented.set_images(normalise_to_uint8(array.clip(0, 1) * 255.0))

    # -- fitting the network to the data ----------------------------------------------------
    def data_fixes(self) -> list[Any]:
        """The graph's one-click fixes that make its Input and Output match the dataset."""
        graph = self.state.project.graph
        fixes = []
        for issue in graph.analysis.issues:
            node = graph.nodes.get(issue.node_id) if issue.node_id else None
            if (
                issue.fix is not None
                and node is not None
                and node.type
                in (
                    "Input",
                    "Output",
                    "Embedding",
                )
            ):
                fixes.append(issue.fix)
        return fixes

    def _update_fit(self) -> None:
        if self.state.dataset is None:
            self.fit_label.setText("")
            self.adapt_button.setEnabled(False)
            return
        fixes = self.data_fixes()
        self.adapt_button.setEnabled(bool(fixes))
        if fixes:
            self._bring_into_view(self.adapt_button)
            self.fit_label.setText(
                self.tr("The network does not fit this dataset yet: {0}").format(
                    "; ".join(engine_text(fix.label) for fix in fixes)
                )
            )
            self.fit_label.setStyleSheet(f"color: {WARN_COLOUR};")
        else:
            self.fit_label.setText(self.tr("The network's Input and Output fit this dataset."))
            self.fit_label.setStyleSheet("")

    def adapt_network(self) -> int:
        """Apply the data fixes (one undoable step when the editor's stack is shared)."""
        fixes = self.data_fixes()
        if not fixes:
            return 0
        from gui.editor.commands import DiffCommand, GraphState

        graph = self.state.project.graph
        before = GraphState.capture(graph)
        with graph.batch():
            for fix in fixes:
                fix.apply(graph)
        self.state.edit(  # one undoable step; the document is dirty until saved or undone
            DiffCommand(self.tr("Adapt network to data"), graph, before, GraphState.capture(graph))
        )
        self._update_fit()
        return len(fixes)


def _short(source: str) -> str:
    return Path(source).name or source
