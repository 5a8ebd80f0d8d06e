"""The Training pane: settings, run controls, progress, live plots and run comparison.

The pane is a view of a ``TrainingSession`` (gui/training/session.py), which prepares, runs and
ends the runs; the pane sends it the buttons' requests and shows what it reports.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import device_line, join_sentences, run_message
from gui.training.plots import LivePlots
from gui.training.session import TrainingSession
from gui.training.settings_form import TrainingSettingsForm
from gui.widgets.colours import WARN_COLOUR
from gui.widgets.layout import scrolled, settings_beside_view
from gui.widgets.message_bar import MessageBar
from gui.widgets.wheel import wheel_safe_children

if TYPE_CHECKING:
    from engine.types import RunRecord
    from gui.document import ProjectDocument
    from gui.training.session import RunOutcome

MEMORY_POLL_MS = 1000
STATUS_INTERVAL_S = 0.25  # least time between two refreshes of the run's bars and labels


def settings_differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Lines like 'lr: 0.001 → 0.01' for every setting that differs between two runs."""
    lines = []
    for key in sorted(set(a) | set(b)):
        if key == "log_interval_ms":
            continue
        if a.get(key) != b.get(key):
            lines.append(f"{key}: {a.get(key, '—')} → {b.get(key, '—')}")
    return lines


def _set_bar(bar: QProgressBar, fraction: float) -> None:
    """Whole percent only, and only on change: each repaint of a bar costs the GUI thread."""
    value = int(100 * min(1.0, max(0.0, fraction)))
    if bar.value() != value:
        bar.setValue(value)


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def format_eta(seconds: float) -> str:
    if seconds != seconds or seconds < 0:  # NaN or unknown
        return "—"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def process_memory_bytes() -> int:
    """Resident memory of this process (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            return int(peak if sys.platform == "darwin" else peak * 1024)
        except (ImportError, OSError):
            return 0


class TrainingPane(QWidget):
    sig_run_finished = Signal(object)  # RunRecord, after it was added to the project
    sig_show_evaluation = Signal()  # the user asked to see the trained model's evaluation
    sig_epoch_end = Signal(dict)  # epoch logs of the current run (1-based "epoch")

    def __init__(
        self,
        state: ProjectDocument,
        parent: QWidget | None = None,
        session: TrainingSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session if session is not None else TrainingSession(state, self)
        self._status_shown_at = 0.0  # time.monotonic() of the last bars-and-labels refresh
        self._run_note = ""  # said at a run's launch and again at its end (Continue's settings)
        self._total_epochs = 0

        self.settings_form = TrainingSettingsForm(state)
        self.settings_form.sig_changed.connect(self._show_differences)

        # -- run controls --------------------------------------------------------------------
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train a freshly initialised network"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after this batch; the weights so far are kept"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setToolTip(
            self.tr(
                "Train the last run's network for the set number of epochs more, with that "
                "run's settings"
            )
        )
        self.continue_button.clicked.connect(self.continue_run)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train one batch while paused"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause)
        self.resume_button.clicked.connect(self.resume)
        self.stop_button.clicked.connect(self.stop)
        self.step_button.clicked.connect(self.step)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(f"color: {WARN_COLOUR};")
        # How the last run went, at the top of the pane; after a good run the evaluation is one
        # click away there (the student stays with the curves).
        self.message_bar = MessageBar(self.tr("See the evaluation ▸"))
        self.message_label = self.message_bar.label
        self.evaluate_button = self.message_bar.action_button
        self.evaluate_button.setToolTip(
            self.tr("Open the Evaluate pane: the trained model on the test data")
        )
        self.evaluate_button.clicked.connect(self.sig_show_evaluation)

        self.epoch_bar = QProgressBar()
        self.epoch_bar.setFormat(self.tr("epoch %p%"))
        self.run_bar = QProgressBar()
        self.run_bar.setFormat(self.tr("run %p%"))
        for bar in (self.epoch_bar, self.run_bar):
            bar.setRange(0, 100)
            bar.setValue(0)
        self.epoch_label = QLabel("—")
        self.eta_label = QLabel("—")
        self.speed_label = QLabel("—")
        self.device_label = QLabel("—")
        self.memory_label = QLabel("—")

        # The buttons and bars stay above the tabs: Start is never scrolled out of view, and
        # the settings get the column's height (they were below the fold on a 768 px screen).
        controls = QWidget()
        grid = QGridLayout(controls)
        grid.setContentsMargins(0, 0, 0, 0)
        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.continue_button, 0, 1)
        buttons.addWidget(self.stop_button, 0, 2)
        buttons.addWidget(self.pause_button, 1, 0)
        buttons.addWidget(self.resume_button, 1, 1)
        buttons.addWidget(self.step_button, 1, 2)
        grid.addLayout(buttons, 0, 0, 1, 2)
        grid.addWidget(self.reason_label, 1, 0, 1, 2)
        grid.addWidget(self.epoch_bar, 2, 0, 1, 2)
        grid.addWidget(self.run_bar, 3, 0, 1, 2)
        progress = QWidget()
        progress_grid = QGridLayout(progress)
        for row, (label, widget) in enumerate(
            (
                (self.tr("Epoch"), self.epoch_label),
                (self.tr("Time left"), self.eta_label),
                (self.tr("Speed"), self.speed_label),
                (self.tr("Device"), self.device_label),
                (self.tr("Memory"), self.memory_label),
            )
        ):
            progress_grid.addWidget(QLabel(label), row, 0)
            progress_grid.addWidget(widget, row, 1)
        progress_grid.setRowStretch(5, 1)

        # -- compare runs ----------------------------------------------------------------------
        compare = QWidget()
        compare_layout = QVBoxLayout(compare)
        self.runs_list = QListWidget()
        self.runs_list.setToolTip(self.tr("Tick earlier runs to overlay their curves"))
        self.runs_list.itemChanged.connect(self._on_runs_ticked)
        self.runs_list.setMaximumHeight(110)
        self.diff_label = QLabel(self.tr("Tick a run to overlay it and list what differed."))
        self.diff_label.setWordWrap(True)
        self.diff_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        compare_layout.addWidget(self.runs_list)
        compare_layout.addWidget(self.diff_label)

        compare_layout.addStretch(1)
        self.side_tabs = QTabWidget()
        for page, title in (
            (self.settings_form, self.tr("Settings")),
            (progress, self.tr("Progress")),
            (compare, self.tr("Compare runs")),
        ):
            self.side_tabs.addTab(scrolled(page, frame=False, sideways=False), title)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(controls)
        side_layout.addWidget(self.side_tabs, 1)
        side.setMinimumWidth(self.settings_form.minimumSizeHint().width() + 40)

        # -- plots -----------------------------------------------------------------------------
        self.plots = LivePlots()
        self.plots.sig_overfitting.connect(self._on_overfitting)
        self.smoothing = QSlider(Qt.Orientation.Horizontal)
        self.smoothing.setRange(0, 99)
        self.smoothing.setValue(60)
        self.smoothing.setMaximumWidth(160)
        self.smoothing.setToolTip(self.tr("Smoothing of the training curves (moving average)"))
        self.smoothing.valueChanged.connect(lambda v: self.plots.set_smoothing(v / 100.0))
        export_png = QPushButton(self.tr("Export PNG…"))
        export_png.clicked.connect(self._on_export_png)
        export_csv = QPushButton(self.tr("Export CSV…"))
        export_csv.clicked.connect(self._on_export_csv)
        self.loss_log = QCheckBox(self.tr("Log-scale loss"))
        self.loss_log.setToolTip(
            self.tr("Show the loss on a logarithmic axis: late, small improvements stay visible")
        )
        self.loss_log.toggled.connect(self.plots.set_loss_log)
        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("Smoothing")))
        toolbar.addWidget(self.smoothing)
        toolbar.addWidget(self.loss_log)
        toolbar.addStretch(1)
        toolbar.addWidget(export_png)
        toolbar.addWidget(export_csv)
        self.overfit_banner = QLabel()
        self.overfit_banner.setWordWrap(True)
        self.overfit_banner.setStyleSheet(
            f"border: 1px solid {WARN_COLOUR}; border-radius: 4px; padding: 6px;"
        )
        self.overfit_banner.setVisible(False)
        plots_box = QWidget()
        plots_layout = QVBoxLayout(plots_box)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        plots_layout.addLayout(toolbar)
        plots_layout.addWidget(self.overfit_banner)
        plots_layout.addWidget(self.plots, 1)

        settings_beside_view(self, side, plots_box, above=self.message_bar)

        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(MEMORY_POLL_MS)
        self._memory_timer.timeout.connect(self._update_memory)

        session = self.session
        session.sig_state.connect(self._on_state)
        session.sig_batch.connect(self._on_batch)
        session.sig_epoch.connect(self._on_epoch)
        session.sig_validation.connect(self._on_validation)
        session.sig_finished.connect(self._on_finished)
        session.sig_failed.connect(self._on_failed)
        # Start follows the network's validity as the graph announces it (no polling).
        state.sig_project_replaced.connect(self._follow_graph)
        self._follow_graph()
        state.sig_project_replaced.connect(self._on_project_replaced)
        state.sig_dataset_changed.connect(self._on_dataset_changed)
        state.sig_run_added.connect(lambda _run: self._fill_runs())
        self._on_project_replaced()
        wheel_safe_children(self)  # its column scrolls: the wheel must not edit fields

    # -- public API --------------------------------------------------------------------------

    def start(self) -> bool:
        """Start a fresh run with the project's settings; False (reason shown) if it cannot."""
        settings = self.state.project.settings
        dataset = self.state.dataset
        # Reset the plots first: the first batch may arrive as soon as the run starts.
        self.plots.reset(
            dataset.task if dataset else "classification", settings.epochs, settings.lr
        )
        self.plots.set_overlays(self._ticked_runs())
        self.plots.paint_now()  # while the CPU is still free (see there)
        self.overfit_banner.setVisible(False)
        self._show_message("")
        self._run_note = ""
        self._total_epochs = settings.epochs
        reason = self.session.start()
        if reason:
            self.reason_label.setText(reason)
            self.reason_label.setVisible(True)
            return False
        self._after_launch()
        return True

    def continue_run(self) -> bool:
        """Train the last run's model for the project's number of epochs more: the same run,
        its curves extended (the network and the data must not have changed since)."""
        trainer = self.session.trainer
        if not self.session.can_continue() or trainer is None:
            return False
        epochs = int(self.state.project.settings.epochs)
        self._total_epochs = int(trainer.epoch) + epochs
        self.plots.extend_to(self._total_epochs)
        self._show_message("")
        self._run_note = ""
        if not self.session.continue_run(epochs):
            return False
        self._after_launch()
        # The run goes on with its own settings (its optimiser state and schedule belong to
        # them); say so when the form now holds others, which a new run (Start) would use.
        run_settings, form_settings = (
            {k: v for k, v in settings.to_dict().items() if k != "epochs"}  # "how many more"
            for settings in (trainer.settings, self.state.project.settings)
        )
        changed = settings_differences(run_settings, form_settings)
        if changed:
            self._run_note = self.tr(
                "Continuing with this run's own settings; your changes apply to the next "
                "new run (Start): {0}"
            ).format("; ".join(changed))
            self._show_message(self._run_note, "info")
        return True

    def can_continue(self) -> bool:
        return self.session.can_continue()

    def _after_launch(self) -> None:
        self.side_tabs.setCurrentIndex(1)  # the settings are locked while it runs: show progress
        self.epoch_bar.setValue(0)
        self.update_controls()
        self._memory_timer.start()
        self._update_memory()

    def pause(self) -> None:
        self.session.pause()

    def resume(self) -> None:
        self.session.resume()

    def stop(self) -> None:
        self.session.stop()

    def step(self) -> None:
        self.session.step()

    @property
    def running(self) -> bool:
        return self.session.running

    def stop_and_wait(self, timeout_ms: int = 10_000) -> bool:
        """Stop a run and join its thread (window close); True when none is left."""
        return self.session.stop_and_wait(timeout_ms)

    def start_blocker(self) -> str:
        """Why Start is disabled, in plain language; empty when a run can start."""
        return self.session.start_blocker()

    def _follow_graph(self) -> None:
        self.state.project.graph.subscribe(self._on_graph_event, weak=True)

    # -- state -> controls ---------------------------------------------------------------------
    def update_controls(self) -> None:
        state = self.session.state
        busy = self.running
        reason = "" if busy else self.start_blocker()
        if not busy:
            self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason) and not busy)
        self.start_button.setEnabled(not busy and not reason)
        self.continue_button.setEnabled(not busy and not reason and self.can_continue())
        self.pause_button.setEnabled(busy and state == "running")
        self.resume_button.setEnabled(busy and state == "paused")
        self.step_button.setEnabled(busy and state == "paused")
        self.stop_button.setEnabled(busy and state in ("starting", "running", "paused"))
        self.settings_form.setEnabled(not busy)

    def _on_state(self, state: str) -> None:
        if state == "running":
            self._show_device()
        self.update_controls()

    def _on_graph_event(self, *_args: Any) -> None:
        if not self.running:
            self.update_controls()

    def _on_project_replaced(self) -> None:
        """Nothing of the previous project's runs stays: status, bars, curves, messages."""
        self.settings_form.load()
        self._fill_runs()
        runs = list(self.state.project.runs)
        self.plots.reset(self.state.dataset.task if self.state.dataset else "classification")
        if runs:
            self.plots.load_record(runs[-1])
        self._show_message("")
        self._run_note = ""
        self.side_tabs.setCurrentIndex(0)
        self.overfit_banner.setVisible(False)
        self._total_epochs = 0
        for bar in (self.epoch_bar, self.run_bar):
            bar.setValue(0)
        for label in (self.epoch_label, self.eta_label, self.speed_label, self.memory_label):
            label.setText("—")
        self.update_controls()

    def _on_dataset_changed(self) -> None:
        self.settings_form.refresh_devices()  # torch is loaded by now
        self.update_controls()

    # -- worker signals -------------------------------------------------------------------------
    def _on_batch(self, logs: dict[str, float]) -> None:
        self.plots.add_batch(logs)
        # Bars and labels refresh a few times a second while running (a bar repaints itself at
        # once on every change, and each repaint holds the GIL the training thread needs).
        now = time.monotonic()
        if self.session.state == "running" and now - self._status_shown_at < STATUS_INTERVAL_S:
            return
        self._status_shown_at = now
        epoch = logs.get("epoch", 0.0)  # fractional, counted from 0
        whole = int(epoch)
        # "progress" is the share of the current epoch done (0..1).
        _set_bar(self.epoch_bar, logs.get("progress", epoch - whole))
        if self._total_epochs:
            _set_bar(self.run_bar, epoch / self._total_epochs)
        shown = min(whole + 1, self._total_epochs) if self._total_epochs else whole + 1
        _set_text(self.epoch_label, self.tr("{0} of {1}").format(shown, self._total_epochs))
        if "eta_s" in logs:
            _set_text(self.eta_label, format_eta(logs["eta_s"]))
        if "samples_per_s" in logs:
            speed = round(logs["samples_per_s"], -1 if logs["samples_per_s"] >= 100 else 0)
            _set_text(self.speed_label, self.tr("{0:,.0f} samples/s").format(speed))

    def _epoch_x(self, logs: dict[str, float]) -> float:
        # The engine's epoch index is 0-based; an epoch's point sits at its end (1, 2, ...).
        return float(logs.get("epoch_index", 0)) + 1.0

    def _on_validation(self, logs: dict[str, float]) -> None:
        self.plots.add_epoch(self._epoch_x(logs), logs)

    def _on_epoch(self, logs: dict[str, float]) -> None:
        x = self._epoch_x(logs)
        self.plots.add_epoch(x, logs)
        _set_bar(self.epoch_bar, 1.0)
        if self._total_epochs:
            _set_bar(self.run_bar, x / self._total_epochs)
        # The batch updates are throttled: an epoch's end always shows in the label.
        shown = min(int(x), self._total_epochs) if self._total_epochs else int(x)
        _set_text(self.epoch_label, self.tr("{0} of {1}").format(shown, self._total_epochs))
        self.sig_epoch_end.emit({**logs, "epoch": x})

    def _on_finished(self, outcome: RunOutcome) -> None:
        record = outcome.record
        self._finish_run()
        self.plots.flush()
        status = getattr(record, "status", "finished")
        sentences = [
            {
                "finished": self.tr("Run {0} finished."),
                "stopped": self.tr("Run {0} stopped; the weights so far are kept."),
                "failed": self.tr("Run {0} failed."),
            }.get(status, self.tr("Run {0} ended.")).format(record.id)
        ]
        metrics = record.metrics
        if isinstance(metrics.get("val_accuracy"), int | float):
            sentences.append(
                self.tr("Validation accuracy {0:.1%}.").format(metrics["val_accuracy"])
            )
        if isinstance(metrics.get("val_loss"), int | float):
            sentences.append(self.tr("Validation loss {0:.4g}.").format(metrics["val_loss"]))
        sentences.append(run_message(record))
        sentences.append(self._run_note)  # still true after the run: keep it in view
        text = join_sentences(sentences)
        level = {"failed": "error", "stopped": "warning"}.get(status, "success")
        self._show_message(
            text, level, with_action=self.state.model is not None and level != "error"
        )
        self.sig_run_finished.emit(record)

    def _on_failed(self, message: str) -> None:
        self._finish_run()
        self._show_message(message, "error")

    def _finish_run(self) -> None:
        self._memory_timer.stop()
        self.eta_label.setText("—")
        self.update_controls()

    def _show_message(self, text: str, level: str = "info", with_action: bool = False) -> None:
        self.message_bar.show_message(text, level, with_action)

    def _on_overfitting(self, epoch: int) -> None:
        self.overfit_banner.setText(
            self.tr(
                "⚠ Overfitting from epoch {0}: validation loss has risen for several epochs while "
                "training loss kept falling, so the network is memorising the training set. "
                "Try dropout, weight decay, data augmentation or early stopping."
            ).format(epoch)
        )
        self.overfit_banner.setVisible(True)

    # -- device and memory -------------------------------------------------------------------
    def _show_device(self) -> None:
        device = getattr(self.session.trainer, "device", None)
        name = str(device) if device is not None else "?"
        text = name
        try:
            from engine import detect_devices

            for info in detect_devices():
                if info.name == name or (info.kind == name and ":" not in name):
                    text = device_line(info)
        except Exception:  # the label is informative only
            pass
        self.device_label.setText(text)

    def _update_memory(self) -> None:
        device = str(getattr(self.session.trainer, "device", "cpu"))
        if device.startswith("cuda") and "torch" in sys.modules:
            import torch

            used = torch.cuda.memory_allocated(torch.device(device))
            total = torch.cuda.get_device_properties(torch.device(device)).total_memory
            self.memory_label.setText(
                self.tr("{0:.2f} of {1:.0f} GB on the GPU").format(used / 2**30, total / 2**30)
            )
        else:
            used = process_memory_bytes()
            self.memory_label.setText(self.tr("{0:.0f} MB (process)").format(used / 2**20))

    # -- compare runs -------------------------------------------------------------------------
    def _fill_runs(self) -> None:
        ticked = {run.id for run in self._ticked_runs()}
        self.runs_list.blockSignals(True)
        self.runs_list.clear()
        for run in self.state.project.runs:
            final = run.history.get("val_accuracy") or run.history.get("val_loss") or []
            tail = f" · {final[-1]:.3g}" if final else ""
            status = {
                "finished": self.tr("finished"),
                "stopped": self.tr("stopped"),
                "failed": self.tr("failed"),
            }.get(run.status, run.status)
            item = QListWidgetItem(f"{run.id} · {status}{tail}")
            item.setData(Qt.ItemDataRole.UserRole, run.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if run.id in ticked else Qt.CheckState.Unchecked
            )
            self.runs_list.addItem(item)
        self.runs_list.blockSignals(False)

    def _ticked_runs(self) -> list[RunRecord]:
        ids = {
            self.runs_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.runs_list.count())
            if self.runs_list.item(i).checkState() == Qt.CheckState.Checked
        }
        return [run for run in self.state.project.runs if run.id in ids]

    def _on_runs_ticked(self, _item: QListWidgetItem | None = None) -> None:
        self.plots.set_overlays(self._ticked_runs())
        self._show_differences()

    def _show_differences(self) -> None:
        """What each ticked run did differently from the settings in the form (kept current as
        the form changes)."""
        runs = self._ticked_runs()
        if not runs:
            self.diff_label.setText(self.tr("Tick a run to overlay it and list what differed."))
            return
        current = self.state.project.settings.to_dict()
        lines = []
        for run in runs:
            diffs = settings_differences(run.settings, current)
            lines.append(
                f"<b>{run.id}</b> "
                + self.tr("vs current settings: ")
                + ("; ".join(diffs) if diffs else self.tr("same settings"))
            )
        self.diff_label.setText("<br>".join(lines))

    # -- export --------------------------------------------------------------------------------
    def _on_export_png(self) -> None:
        from gui.export_dialogs import default_path, save_name

        path, _ = save_name(
            self,
            self.tr("Export plots"),
            default_path(self.state, "-training.png"),
            [self.tr("PNG image (*.png)")],
        )
        if path:
            self.plots.export_png(Path(path))

    def _on_export_csv(self) -> None:
        from gui.export_dialogs import default_path, save_name

        path, _ = save_name(
            self,
            self.tr("Export history"),
            default_path(self.state, "-history.csv"),
            [self.tr("CSV table (*.csv)")],
        )
        if path:
            self.plots.export_csv(Path(path))
