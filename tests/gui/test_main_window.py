"""The main window's project handling: unsaved-changes prompts, save errors, recent files,
autosave and crash recovery (a real app process killed while a project is open)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pane_support import Answers
from PySide6.QtWidgets import QMessageBox

from engine import TEMPLATES, load_project
from gui import recovery
from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
Button = QMessageBox.StandardButton


@pytest.fixture
def recovery_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setenv("NETCANVAS_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture
def window(
    qtbot: object, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    # Closed here, not by qtbot: pytest-qt closes its widgets before fixtures are torn down, so
    # an unsaved change would meet a real, blocking question.
    win = MainWindow(offer_recovery=False)
    yield win
    win.training_session.stop_and_wait()
    Answers(monkeypatch, Button.Discard)  # the user discards whatever a test left unsaved
    assert win.close()
    win.deleteLater()


def _edit(window: MainWindow) -> str:
    node_id = window.editor.add_layer("Dropout")
    assert window.state.dirty
    return node_id


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(window)
    answers = Answers(monkeypatch, Button.Cancel)
    window.show()
    assert window.close() is False
    assert window.isVisible()
    assert len(answers.asked) == 1 and "unsaved changes" in answers.asked[0]


def test_close_discard_closes_without_writing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _edit(window)
    answers = Answers(monkeypatch, Button.Discard)
    window.show()
    assert window.close() is True
    assert answers.asked and not list(tmp_path.glob("*.netcanvas"))


def test_new_and_open_ask_before_replacing_an_edited_project(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    node_id = _edit(window)
    answers = Answers(monkeypatch, Button.Cancel)
    window.new_from_template("mlp")
    window.open_default_project()
    assert len(answers.asked) == 2
    assert node_id in window.state.project.graph.nodes  # nothing was replaced


def test_save_then_reopen_round_trips_and_fills_recent_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node_id = _edit(window)
    name = window.state.project.graph.nodes[node_id].name
    path = tmp_path / "my net.netcanvas"
    assert window._write(path)
    assert not window.state.dirty and window.windowTitle().startswith(window.state.project.name)
    assert load_project(path).graph.node_by_name(name) is not None
    window.open_default_project()  # clean, so no question
    assert window.state.project.graph.node_by_name(name) is None
    assert window.open_project(str(path))
    assert window.state.project.graph.node_by_name(name) is not None
    window._fill_recent_menu()
    assert str(path.resolve()) in [a.statusTip() for a in window.recent_menu.actions()]


def test_save_to_a_read_only_folder_explains_and_loses_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits: make the target a directory instead, which no save
        # can replace, to force the same failure path.
        target = tmp_path / "taken.netcanvas"
        target.mkdir()
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "x.netcanvas"
    node_id = _edit(window)
    answers = Answers(monkeypatch, Button.Ok)
    assert window._write(target) is False
    assert answers.asked and "Nothing was lost" in answers.asked[0]
    assert window.state.dirty and node_id in window.state.project.graph.nodes


def test_a_failed_save_offers_save_as_and_saves_there(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / "taken.netcanvas"
    taken.mkdir()  # no save can replace a folder (read-only for root too)
    elsewhere = tmp_path / "elsewhere.netcanvas"
    monkeypatch.setattr("gui.export_dialogs.save_name", lambda *_args: (str(elsewhere), ""))
    node_id = _edit(window)
    answers = Answers(monkeypatch, Button.Save)
    assert window._write(taken) is True
    assert answers.asked and "Save it somewhere else now?" in answers.asked[0]
    assert window.state.path == elsewhere and not window.state.dirty
    assert node_id in load_project(elsewhere).graph.nodes


def test_open_a_corrupt_file_shows_a_message_and_keeps_the_project(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "broken.netcanvas"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    before = window.state.project
    answers = Answers(monkeypatch, Button.Ok)
    assert window.open_project(str(bad)) is False
    assert window.state.project is before
    assert answers.asked and "Traceback" not in answers.asked[0]


def test_autosave_writes_a_recovery_copy_and_a_clean_close_removes_it(
    window: MainWindow, recovery_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(window)
    window._autosave()
    found = recovery.own_recovery()
    assert found is not None and found.project_file.is_file()
    assert recovery.pending_recovery() is None  # a live window's slot is never offered
    Answers(monkeypatch, Button.Discard)
    window.show()
    assert window.close()
    assert recovery.own_recovery() is None and recovery.pending_recovery() is None


_CRASHING_APP = textwrap.dedent(
    """
    import sys, time
    from gui.app import create_application
    from gui import settings
    app = create_application()
    settings.set_autosave_interval_s(1)
    from gui.main_window import MainWindow
    from gui import recovery
    window = MainWindow(offer_recovery=False)
    window.show()
    window.editor.add_layer("Dropout")
    window.state.project.name = "crash victim"
    deadline = time.time() + 60
    while recovery.own_recovery() is None and time.time() < deadline:
        app.processEvents()
        time.sleep(0.05)
    print("autosaved" if recovery.own_recovery() else "no autosave", flush=True)
    while True:  # a project is open and the app is busy: the test kills it here
        app.processEvents()
        time.sleep(0.05)
    """
)


def test_after_a_crash_the_next_start_offers_to_restore(
    qtbot: object, recovery_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NETCANVAS_RECOVERY_DIR=str(recovery_dir),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    app = subprocess.Popen(
        [sys.executable, "-c", _CRASHING_APP],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "autosaved"
    finally:
        app.kill()  # the crash: no clean shutdown, no chance to delete the recovery copy
        app.wait(30)
    time.sleep(0.1)

    answers = Answers(monkeypatch, Button.Yes)
    window = MainWindow(offer_recovery=True)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window._offer_restore()
    assert answers.asked and "did not close normally" in answers.asked[0]
    assert window.state.project.name == "crash victim"
    assert any(n.type == "Dropout" for n in window.state.project.graph.nodes.values())
    assert window.state.dirty  # restored work is unsaved work
    answers.answer = Button.Discard
    assert window.close()


def _ready(window: MainWindow, qtbot: object) -> None:
    """The window as a user meets it: shown, torch loaded, the project's data in."""
    window.show()
    window.start_background_loading()
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.state.dataset is not None and not window.data_session.loading,
        timeout=120_000,
    )


def _trained_project(tmp_path: Path, name: str) -> Path:
    """A small project trained by the CLI: it has a run and weights to show."""
    from engine import DataRef, new_project, save_project
    from engine.cli import main as cli_main

    ref = DataRef("moons", {"n_samples": 300, "seed": 0})
    project = new_project("toy2d", ref, None)
    project.name = name
    project.settings.epochs = 2
    project.settings.device = "cpu"
    path = tmp_path / f"{name}.netcanvas"
    save_project(project, path)
    assert cli_main(["train", str(path), "--quiet"]) == 0
    return path


def test_an_opened_project_stays_clean_while_the_window_runs(
    window: MainWindow, qtbot: object, tmp_path: Path
) -> None:
    _ready(window, qtbot)
    path = _trained_project(tmp_path, "untouched")
    assert window.open_project(str(path))
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.state.model is not None and not window.data_session.loading,
        timeout=60_000,
    )
    qtbot.wait(4000)  # type: ignore[attr-defined]  # the data pane, the plots, the evaluation
    assert not window.state.dirty and not window.isWindowModified()
    assert window.evaluate_pane.report is not None  # the work did happen meanwhile


def _texts_mentioning(window: MainWindow, *words: str) -> list[str]:
    """Every text the data, training, evaluate and labs panes show that contains a word."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTextEdit,
    )

    texts = []
    for pane in (window.data_pane, window.training_pane, window.evaluate_pane, window.labs_panel):
        texts += [
            w.text()
            for kind in (QLabel, QAbstractButton, QLineEdit)
            for w in pane.findChildren(kind)
        ]
        texts += [
            w.toPlainText() for kind in (QPlainTextEdit, QTextEdit) for w in pane.findChildren(kind)
        ]
        texts += [
            w.item(k).text() for w in pane.findChildren(QListWidget) for k in range(w.count())
        ]
    return [text for text in texts if any(word in text for word in words)]


def test_after_a_project_switch_no_pane_shows_anything_of_the_previous_one(
    window: MainWindow, qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ready(window, qtbot)
    old = _trained_project(tmp_path, "zebra project")
    assert window.open_project(str(old))
    qtbot.waitUntil(lambda: window.evaluate_pane.report is not None, timeout=60_000)  # type: ignore[attr-defined]
    evaluate = window.evaluate_pane
    evaluate.show_cell(0, 0)
    assert evaluate.gallery_indices and window.training_pane.runs_list.count() == 1
    assert _texts_mentioning(window, "run-1")  # the old run is listed: the check below can fail
    window.editor.add_layer("Dropout")  # an undoable edit of the old project
    Answers(monkeypatch, Button.Discard)

    window.new_from_template("mlp")  # iris: another network, other data, no runs
    assert window.state.project.name != "zebra project"
    assert window.state.model is None and window.state.undo_stack.count() == 0
    assert window.training_session.state == "idle" and not window.training_session.can_continue()
    assert evaluate.report is None and evaluate.gallery_indices == []
    assert evaluate.confusion.matrix.size == 0 and evaluate.gallery.count() == 0
    assert window.training_pane.runs_list.count() == 0
    assert window.training_pane.plots.point_count() == 0
    qtbot.waitUntil(lambda: not window.data_session.loading, timeout=60_000)  # type: ignore[attr-defined]
    assert window.state.dataset is not None and window.state.dataset.name != "moons"
    qtbot.wait(500)  # type: ignore[attr-defined]  # anything still in flight for the old project
    assert _texts_mentioning(window, "zebra", "run-1") == []
    assert not window.state.dirty


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_a_new_project_from_a_template_fits_its_own_data_without_becoming_dirty(
    window: MainWindow, qtbot: object, template_id: str
) -> None:
    # The character LSTM's Embedding knew 96 token ids; the built-in text has 99: the new
    # project could not train until the student pressed "Adapt network".
    _ready(window, qtbot)
    window.new_from_template(template_id)
    expected = TEMPLATES[template_id].default_data
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: (
            window.state.dataset is not None
            and window.state.project.data.source == expected
            and not window.data_session.loading
        ),
        timeout=60_000,
    )
    graph = window.state.project.graph
    assert graph.analysis.valid, [i.message for i in graph.analysis.issues]
    assert window.training_session.start_blocker() == ""
    assert not window.state.dirty and window.state.undo_stack.count() == 0
    if template_id == "char-lstm":
        embedding = next(n for n in graph.nodes.values() if n.type == "Embedding")
        assert embedding.params["vocab_size"] == len(window.state.dataset.vocab)


def test_a_finished_run_keeps_the_curves_in_view_and_offers_the_evaluation(
    window: MainWindow, qtbot: object
) -> None:
    from PySide6.QtCore import Qt

    _ready(window, qtbot)
    window.new_from_template("toy2d")
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.state.dataset is not None and not window.data_session.loading,
        timeout=60_000,
    )
    window.state.project.settings.epochs = 2
    window.training_dock.raise_()
    pane = window.training_pane
    with qtbot.waitSignal(pane.sig_run_finished, timeout=60_000):  # type: ignore[attr-defined]
        assert pane.start()
    qtbot.wait(100)  # type: ignore[attr-defined]
    assert not pane.visibleRegion().isEmpty()  # it used to jump to Evaluate, curves gone
    assert window.evaluate_pane.visibleRegion().isEmpty()
    qtbot.mouseClick(pane.evaluate_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.evaluate_pane.visibleRegion().isEmpty(), timeout=5000)  # type: ignore[attr-defined]


def test_the_window_can_be_smaller_than_a_lab_screen_whatever_it_shows(
    window: MainWindow, qtbot: object
) -> None:
    """On a 1366×768 screen a desktop's panel and the title bar leave ~700 px. The window's
    minimum height is the canvas's plus the tallest bottom pane's — hidden pages and tabs
    included (the start page, the Generate text tab) — so it must stay well below that, also
    when a long message wraps over three lines (it had reached 750 px, and 776 with one)."""
    _ready(window, qtbot)
    long_reason = "Fix the network first — input: Input is tokens 40 but the dataset gives " * 3
    window.training_pane.reason_label.setText(long_reason)
    for dock in (window.data_dock, window.training_dock, window.evaluate_dock, window.labs_dock):
        dock.raise_()
        qtbot.wait(50)  # type: ignore[attr-defined]
        hint = window.minimumSizeHint()
        assert hint.height() <= 640 and hint.width() <= 1366, (dock.objectName(), hint)


def test_canvas_only_gives_the_editor_the_window_and_brings_the_docks_back(
    window: MainWindow, qtbot: object
) -> None:
    from PySide6.QtCore import Qt

    window.resize(1366, 768)
    _ready(window, qtbot)
    canvas = window.editor.view
    before = canvas.height()
    window.data_dock.raise_()
    qtbot.keyClick(window, Qt.Key.Key_F11)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: canvas.height() > before + 200, timeout=5000)  # type: ignore[attr-defined]
    assert not window.data_dock.isVisible() and not window.palette_dock.isVisible()
    window.act_canvas_only.trigger()  # F11 again
    qtbot.waitUntil(lambda: window.data_dock.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    assert window.palette_dock.isVisible() and window.inspector_dock.isVisible()


def test_ctrl_j_hides_the_panes_below_and_brings_back_the_one_in_front(
    window: MainWindow, qtbot: object
) -> None:
    from PySide6.QtCore import Qt

    window.resize(1366, 768)
    _ready(window, qtbot)
    canvas = window.editor.view
    before = canvas.height()
    window.training_dock.raise_()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: canvas.height() > before + 200, timeout=5000)  # type: ignore[attr-defined]
    assert not any(dock.isVisible() for dock in window.workflow_docks())
    assert window.palette_dock.isVisible() and window.inspector_dock.isVisible()
    assert not window.act_panes.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.training_dock.isVisible(), timeout=5000)  # type: ignore[attr-defined]
    assert not window.training_dock.visibleRegion().isEmpty()  # in front, not behind a tab
    assert window.act_panes.isChecked()
    window.data_dock.close()  # one pane closed by its own ×: the toggle still reads "shown"
    assert window.act_panes.isChecked()


def test_a_saved_layout_never_squeezes_the_palette_unreadable(
    window: MainWindow, qtbot: object, recovery_dir: Path
) -> None:
    from PySide6.QtCore import Qt

    from gui import settings as app_settings

    window.resize(1366, 768)
    _ready(window, qtbot)
    readable = window.palette_dock.minimumWidth()
    window.palette_dock.setMinimumWidth(0)  # as an older version allowed
    window.resizeDocks([window.palette_dock], [110], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.palette_dock.width() < readable, timeout=5000)  # type: ignore[attr-defined]
    window._save_layout()
    assert app_settings.settings().value("window/state") is not None
    again = MainWindow(offer_recovery=False)
    try:
        again.resize(1366, 768)
        again.show()
        again.ensure_panes()
        qtbot.waitUntil(lambda: again.palette_dock.width() >= readable, timeout=5000)  # type: ignore[attr-defined]
    finally:
        again.state.mark_clean()
        again.close()
        again.deleteLater()


def test_reusing_a_trained_projects_layers_fine_tunes_from_them(
    window: MainWindow, qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    from PySide6.QtWidgets import QDialog

    from engine.cli import main as cli_main
    from gui.reuse_dialog import ReuseDialog

    iris, wine = tmp_path / "iris.netcanvas", tmp_path / "wine.netcanvas"
    for path, data in ((iris, "iris"), (wine, "wine")):
        assert cli_main(["new", str(path), "--template", "mlp", "--data", data]) == 0
    _ready(window, qtbot)
    assert window.open_project(str(wine))
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.state.dataset is not None and not window.data_session.loading,
        timeout=60_000,
    )
    # An untrained project has nothing to give: one message, nothing changes.
    answers = Answers(monkeypatch, Button.Ok)
    window.reuse_layers_from(str(iris))
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=20_000)  # type: ignore[attr-defined]
    assert "has no trained weights to reuse" in answers.asked[0]
    assert not window.state.dirty

    assert cli_main(["train", str(iris), "--epochs", "2", "--quiet"]) == 0
    trained = load_project(iris).weights
    assert trained is not None
    offered: list[str] = []

    def accept(dialog: ReuseDialog) -> int:  # the user reads the choices and clicks Reuse
        offered.extend(label.text() for label in dialog.details.values())
        assert dialog.keep.isChecked() and dialog.freeze.isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReuseDialog, "exec", accept)
    before = window.state.project
    window.reuse_layers_from(str(iris))
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.state.project is not before and window.state.model is not None,
        timeout=60_000,
    )
    assert offered[0] == "Layers that start from its weights (2): linear_2, output."
    assert offered[1] == offered[0]  # its network fitted to 13 inputs: the same two fit
    project = window.state.project
    assert window.state.path == wine and window.state.dirty
    # The Output starts from the other's weights but trains: it is this task's head.
    assert [n.name for n in project.graph.nodes.values() if not n.trainable] == ["linear_2"]
    assert project.settings.init == "saved"
    message = window.statusBar().currentMessage()
    assert message == "Reused layers from iris (2): linear_2, output."
    # The next run starts from them; frozen, they end as they came.
    window.state.project.settings.epochs = 1
    with qtbot.waitSignal(window.training_pane.sig_run_finished, timeout=60_000):  # type: ignore[attr-defined]
        assert window.training_pane.start()
    weights = window.state.project.weights
    assert weights is not None
    assert torch.equal(weights["linear_2.weight"], trained["linear_2.weight"])
    assert not torch.equal(weights["output.weight"], trained["output.weight"])


def test_quitting_mid_training_asks_once_and_save_keeps_the_run(
    window: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """One question, not two: the run is stopped either way, and Save keeps the project with
    what it has learnt (the stopped run is unsaved work); Cancel leaves it training."""
    from engine import load_project

    _ready(window, qtbot)
    target = tmp_path / "digits.netcanvas"
    assert window._write(target)  # the project has a file: Save needs no dialog
    window.state.project.settings.epochs = 50
    assert window.training_pane.start()
    qtbot.waitUntil(lambda: window.state.training, timeout=30_000)  # type: ignore[attr-defined]
    answers = Answers(monkeypatch, Button.Cancel)
    assert not window.close() and window.state.training
    answers.answer = Button.Save
    assert window.close()
    assert len(answers.asked) == 2 and all("in progress" in a for a in answers.asked)
    saved = load_project(target)
    assert not window.state.training and saved.runs and saved.runs[-1].status == "stopped"
    assert saved.weights is not None


def test_show_as_code_follows_the_canvas_and_copies_the_chosen_framework(
    window: MainWindow, qtbot: object
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    assert window.act_show_code in window.view_menu.actions()
    window.show()
    window.act_show_code.trigger()
    dialog = window._code_dialog
    assert dialog is not None and dialog.isVisible()
    keras, pytorch = dialog.keras.toPlainText(), dialog.pytorch.toPlainText()
    assert "keras.Input(shape=(28, 28, 1))" in keras and "layers.Conv2D(32, (3, 3))" in keras
    assert "nn.Conv2d(1, 32, kernel_size=3" in pytorch
    conv = window.state.project.graph.node_by_name("conv2d_1")
    assert conv is not None
    window.editor.set_param(conv.id, "filters", 16)  # as the inspector does: the code follows
    qtbot.waitUntil(lambda: "layers.Conv2D(16, (3, 3))" in dialog.keras.toPlainText(), timeout=5000)  # type: ignore[attr-defined]
    assert "nn.Conv2d(1, 16, kernel_size=3" in dialog.pytorch.toPlainText()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert QApplication.clipboard().text() == dialog.pytorch.toPlainText()
    dialog.close()


def test_the_window_opens_within_the_screen_even_with_a_layout_saved_on_a_larger_one(
    window: MainWindow,
) -> None:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication

    from gui import settings as app_settings

    free = QApplication.primaryScreen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    # 1440×900 does not fit this screen: the app shows it maximized, so that a window manager
    # fits the title bar in too (a plain resize left the status bar under a desktop's panel).
    assert window.fills_screen == (free.width() <= 1440 or free.height() <= 900)
    small = MainWindow(offer_recovery=False)
    small.resize(free.width() // 2, free.height() // 2)  # a layout that fits: kept as it was
    app_settings.settings().setValue("window/geometry", small.saveGeometry())
    small.deleteLater()
    fits = MainWindow(offer_recovery=False)
    fits._restore_geometry()
    assert not fits.fills_screen and fits.height() == free.height() // 2
    fits.deleteLater()
    big = MainWindow(offer_recovery=False)
    big.resize(free.width() + 600, free.height() + 400)  # a layout from a large monitor
    app_settings.settings().setValue("window/geometry", big.saveGeometry())
    big.deleteLater()
    again = MainWindow(offer_recovery=False)
    again._restore_geometry()
    assert isinstance(app_settings.settings().value("window/geometry"), QByteArray)
    assert again.width() <= free.width() and again.height() <= free.height()
    again.deleteLater()
