"""``--screenshot OUT.png``: the whole main window at a given size, as a student would see it.

Opens the default project in the real window (its data loaded through the Data pane; for the
Training and Evaluate views after one epoch trained through the Training pane), raises the pane
asked for (for the editor, hides the panes below as Ctrl+J does), lets everything paint, grabs the window and writes the PNG. Runs unattended offscreen
or under X (Xvfb); the user's settings, dock layout and crash-recovery file are left untouched
(a throw-away profile is used). Exits non-zero with one plain line when a step fails.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget

if TYPE_CHECKING:  # imported once the QApplication exists (this module is read before it)
    from gui.main_window import MainWindow

# What each --pane value shows: the bottom dock raised, and whether it needs a trained model.
PANES: dict[str, tuple[str | None, bool]] = {
    "editor": (None, False),  # the panes below hidden (Ctrl+J), a layer in the inspector
    "data": ("data_dock", False),
    "training": ("training_dock", True),
    "evaluate": ("evaluate_dock", True),  # the confusion matrix, its most confused cell opened
    "misclassified": ("evaluate_dock", True),
    "draw": ("evaluate_dock", True),  # the draw pad with a 7 drawn on it
    "explain": ("evaluate_dock", True),  # the most confident mistake explained (Grad-CAM)
    "roc": ("evaluate_dock", True),  # ROC and precision–recall curves per class
    "attention": ("evaluate_dock", True),  # a char-transformer's heads reading validation text
    "labs": ("labs_dock", False),
}
SELECTED_LAYER = "conv2d_1"  # the layer the inspector shows
SEVEN = [(62.0, 60.0), (222.0, 60.0), (120.0, 232.0)]  # a 7, in the 280×280 pad's pixels


def use_scratch_profile() -> Path:
    """Settings and recovery files in a temporary folder: a screenshot neither reads the user's
    dock layout nor saves its own over it. Call before anything reads QSettings."""
    folder = Path(tempfile.mkdtemp(prefix="netcanvas-screenshot-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["NETCANVAS_RECOVERY_DIR"] = str(folder / "recovery")
    return folder


def _settle(seconds: float) -> None:
    """Run the event loop for a while: queued signals arrive, timers fire, plots repaint."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _train_one_epoch(window: MainWindow) -> None:
    from gui.self_test import _wait_until

    window.state.project.settings.epochs = 1
    window.training_pane.settings_form.load()  # the form shows what is trained
    finished: list[Any] = []
    window.training_pane.sig_run_finished.connect(finished.append)
    if not window.training_pane.start():
        raise RuntimeError(f"training did not start: {window.training_pane.start_blocker()}")
    _wait_until(lambda: bool(finished), 900, "one training epoch")
    run = finished[0]
    if run.status != "finished":
        raise RuntimeError(f"training ended as {run.status}: {run.message}")


def _show_most_confused_cell(window: MainWindow) -> None:
    report = window.evaluate_pane.refresh()
    if report is None:
        raise RuntimeError("no evaluation after training")
    import numpy as np

    matrix = np.array(report.confusion, dtype=np.int64)
    np.fill_diagonal(matrix, -1)
    true_class, predicted = np.unravel_index(int(np.argmax(matrix)), matrix.shape)
    window.evaluate_pane.show_cell(int(true_class), int(predicted))


def _select_layer(window: MainWindow, name: str) -> None:
    """Select a layer by its name and scroll it into view, as a click on it would."""
    scene = window.editor.scene
    graph = window.state.project.graph
    ids = [node.id for node in graph.nodes.values() if node.name == name]
    scene.select_nodes(ids)
    for node_id in ids:
        window.editor.view.ensureVisible(scene.node_items[node_id])


def _prepare(window: MainWindow, pane: str, lab: str) -> None:
    from gui.self_test import _wait_until

    dock_name, needs_model = PANES[pane]
    evaluate = window.evaluate_pane
    if pane == "attention":  # the default project has no heads: the course's small GPT
        window.new_from_template("char-transformer")
        _wait_until(
            lambda: (
                window.state.dataset is not None
                and window.state.dataset.task == "next_char"
                and not window.data_session.loading
            ),
            300,
            "the text to load",
        )
    if needs_model:
        _train_one_epoch(window)
    if dock_name is None:
        window.set_panes_shown(False)  # as Ctrl+J does
    else:
        dock: QDockWidget = getattr(window, dock_name)
        dock.show()
        dock.raise_()
    _settle(0.3)  # the docks' new layout reaches the canvas
    _select_layer(window, SELECTED_LAYER)  # once the canvas has its size
    if pane == "evaluate":
        evaluate.tabs.setCurrentIndex(evaluate.tab_confusion)
        _show_most_confused_cell(window)
    elif pane == "misclassified":
        evaluate.refresh()
        evaluate.tabs.setCurrentIndex(evaluate.tab_wrong)
    elif pane == "draw":
        evaluate.refresh()
        evaluate.tabs.setCurrentIndex(evaluate.tab_draw)
        evaluate.drawpad.draw_line(SEVEN)
    elif pane == "explain":
        report = evaluate.refresh()
        wrong = report.misclassified() if report is not None else []
        tab = evaluate.explain_tab
        tab.method.setCurrentIndex(tab.method.findData("hirescam"))
        evaluate.explain(wrong[0][0] if wrong else 0)
        _wait_until(lambda: tab.heatmap is not None, 60, "the explanation")
    elif pane == "roc":
        evaluate.refresh()
        evaluate.tabs.setCurrentIndex(evaluate.tab_ranking)
    elif pane == "attention":
        evaluate.refresh()
        evaluate.tabs.setCurrentIndex(evaluate.tab_attention)
        _wait_until(lambda: evaluate.attention_tab.maps is not None, 60, "the attention maps")
    elif pane == "labs":
        window.labs_panel.show_lab(lab)


def run_screenshot(
    app: QApplication,
    window: MainWindow,
    out: Path,
    size: tuple[int, int],
    pane: str,
    lab: str = "gradient-descent",
) -> int:
    from gui.self_test import _wait_until

    step = "start"
    try:
        window.resize(*size)
        app.processEvents()
        step = "load PyTorch"
        window.ensure_panes()
        window.start_background_loading()
        _wait_until(lambda: window.device_text() != "", 180, "PyTorch to load")
        step = "load the default project's data"
        _wait_until(lambda: window.state.dataset is not None, 300, "the dataset to load")
        window.torch_loader.wait(180)  # its one-time warm-up imports, before a run
        step = f"show the {pane} pane"
        _prepare(window, pane, lab)
        step = "paint"
        window.evaluate_pane.wait()  # an evaluation or feature maps still on their worker
        _settle(1.5)  # the plots repaint one per timer tick, the labs' elements draw
        if (window.width(), window.height()) != size:
            raise RuntimeError(
                f"the window is {window.width()}x{window.height()}, not {size[0]}x{size[1]} "
                "(its panes' minimum sizes do not fit)"
            )
        step = f"write {out}"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            raise OSError("Qt could not write the PNG")
    except Exception as error:  # one plain line, never a traceback
        reason = " ".join(str(error).split()) or type(error).__name__
        print(f"netcanvas screenshot FAILED: {step}: {reason}", file=sys.stderr, flush=True)
        return 1
    finally:
        window.training_session.stop_and_wait(30_000)  # else closing asks about the run
        window.state.mark_clean()  # nothing to ask: the screenshot changes no file
        window.close()
    print(f"netcanvas screenshot {out} {size[0]}x{size[1]} {pane}", flush=True)
    return 0
