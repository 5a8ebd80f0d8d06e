"""The Labs panel in pytest-qt: every lab opens and its interactive element runs."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

import engine
from engine.labs.backprop import TinyNet, autograd_gradients, steps
from gui.document import ProjectDocument
from gui.labs import LabsPanel, build_lab_project

LAB_IDS = [
    "activation",
    "gradient-descent",
    "backprop",
    "cnn",
    "rnn",
    "attention",
    "overfitting",
    "metrics",
    "explainability",
]


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[LabsPanel]:
    from PySide6.QtWidgets import QApplication

    from gui.i18n import install_translator

    install_translator(QApplication.instance(), "en")  # type: ignore[arg-type]
    widget = LabsPanel(ProjectDocument(engine.default_project()))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    widget.shutdown()


def test_lists_every_lab_in_order(panel: LabsPanel) -> None:
    assert panel.lab_ids() == LAB_IDS
    assert panel.current_lab() is not None and panel.current_lab().id == "activation"  # type: ignore[union-attr]


@pytest.mark.parametrize("lab_id", LAB_IDS)
def test_each_lab_opens_and_its_element_runs(panel: LabsPanel, qtbot: QtBot, lab_id: str) -> None:
    panel.show_lab(lab_id)
    lab = panel.current_lab()
    assert lab is not None and lab.id == lab_id
    assert panel.title.text() == lab.title
    assert panel.text.toPlainText().strip(), "the lab text is empty"
    assert len(panel.questions.boxes) == len(lab.questions)
    widget = panel.current_widget()
    assert widget is not None
    if widget.is_busy():  # e.g. the backprop lab's autograd check started on opening
        qtbot.waitUntil(lambda: not widget.is_busy(), timeout=20000)
    with qtbot.waitSignal(widget.sig_done, timeout=30000):
        widget.run_demo()
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=30000)


def test_activation_lab_draws_a_decision_boundary(panel: LabsPanel, qtbot: QtBot) -> None:
    from gui.labs.activation import ActivationLab

    panel.show_lab("activation")
    widget = panel.current_widget()
    assert isinstance(widget, ActivationLab)
    widget.combo.setCurrentIndex(widget.combo.findData("relu"))
    assert widget.regions, "ReLU's flat negative side is shaded as saturated"
    with qtbot.waitSignal(widget.sig_done, timeout=30000):
        widget.train(steps=150)
    image = widget.image.image
    assert image is not None and image.shape[:2] == (60, 60)
    assert "Step 150" in widget.status.text()


def test_gradient_descent_slider_goes_from_too_small_to_divergent(panel: LabsPanel) -> None:
    from gui.labs.descent import DescentLab

    panel.show_lab("gradient-descent")
    widget = panel.current_widget()
    assert isinstance(widget, DescentLab)
    verdicts = []
    for lr in (0.005, 0.3, 0.8):
        widget.set_learning_rate(lr)
        verdicts.append(widget.current_verdict)
    assert verdicts == ["too_small", "good", "divergent"]
    assert "Divergent" in widget.verdict.text()


def test_backprop_by_hand_matches_autograd() -> None:
    net = TinyNet()
    for _ in range(3):  # also after updates: the whole chain, not one lucky point
        by_hand = {step.key: step.value for step in steps(net)}
        reference = autograd_gradients(net)
        for key, value in reference.items():
            np.testing.assert_allclose(by_hand[key].reshape(-1), value.reshape(-1), atol=1e-6)
        net = TinyNet(
            w1=by_hand["W1_new"], b1=by_hand["b1_new"], w2=by_hand["W2_new"], b2=by_hand["b2_new"]
        )


def test_backprop_lab_steps_and_reports_the_autograd_check(panel: LabsPanel, qtbot: QtBot) -> None:
    from gui.labs.backprop import BackpropLab

    panel.show_lab("backprop")
    widget = panel.current_widget()
    assert isinstance(widget, BackpropLab)
    qtbot.waitUntil(lambda: widget.check_result is not None, timeout=20000)
    assert widget.check_result is not None and widget.check_result < 1e-6
    assert "they match" in widget.autograd_label.text()
    widget.next_button.click()
    widget.next_button.click()
    assert widget.table.rowCount() == 2
    assert widget.table.item(1, 2).text() == "[0.6457, 0.5125, 0.3543]"  # a¹ = σ(z¹)
    widget.all_button.click()
    assert widget.table.rowCount() == len(widget.steps)
    loss_before = float(widget.steps[4].value[0])
    widget.again_button.click()
    assert float(widget.steps[4].value[0]) < loss_before


def test_cnn_lab_shows_the_dot_product_at_each_position(panel: LabsPanel) -> None:
    from gui.labs.convolution import ConvolutionLab

    panel.show_lab("cnn")
    widget = panel.current_widget()
    assert isinstance(widget, ConvolutionLab)
    widget.slider.setValue(26 * 9 + 10)
    row, col = 9, 10
    expected = float(np.sum(widget.digit[row : row + 3, col : col + 3] * widget.kernel))
    assert widget.current_value == pytest.approx(expected)
    assert widget.feature[row, col] == pytest.approx(expected)
    assert widget.pooled.shape == (13, 13)
    assert widget.pooled[4, 5] == pytest.approx(widget.feature[8:10, 10:12].max())


def test_metrics_lab_recomputes_from_edited_cells(panel: LabsPanel) -> None:
    from gui.labs.metrics import MetricsLab

    panel.show_lab("metrics")
    widget = panel.current_widget()
    assert isinstance(widget, MetricsLab)
    assert widget.scores[1].precision == pytest.approx(35 / 47)
    widget.table.item(0, 1).setText("20")  # 20 cats predicted as dogs instead of 8
    assert widget.matrix()[0, 1] == 20
    assert widget.scores[1].precision == pytest.approx(35 / 59)
    assert widget.scores[0].recall == pytest.approx(50 / 72)
    assert "35 / 59" in widget.steps.toPlainText()
    widget.table.item(0, 1).setText("lots")  # not a count: the old value comes back
    assert widget.table.item(0, 1).text() == "20"


def test_questions_check_answers_and_say_so(panel: LabsPanel) -> None:
    panel.show_lab("metrics")
    boxes = panel.questions.boxes
    boxes[0].set_answer("0.7714")
    assert boxes[0].check() is True
    assert "✓" in boxes[0].feedback.text()
    boxes[1].set_answer("0.5")
    assert boxes[1].check() is False
    assert "✗" in boxes[1].feedback.text()
    choice = boxes[3]
    assert choice.check() is False and choice.correct is None  # nothing chosen yet
    choice.set_answer(3)
    choice.check_button.click()
    assert choice.correct is True


def test_open_project_button_emits_a_ready_project_with_the_lab_settings(
    panel: LabsPanel, qtbot: QtBot
) -> None:
    panel.show_lab("gradient-descent")  # the mlp template on iris: 4 features, 3 classes
    with qtbot.waitSignal(panel.sig_open_project, timeout=30000) as blocker:
        panel.open_button.click()
    project = blocker.args[0]
    assert isinstance(project, engine.Project)
    assert project.name == "Gradient descent and optimisers"
    assert (project.data.source, project.template) == ("iris", "mlp")
    assert (project.settings.optimizer, project.settings.lr, project.settings.epochs) == (
        "sgd",
        0.1,
        20,
    )
    assert project.graph.analysis.errors == []
    qtbot.waitUntil(lambda: panel.open_button.isEnabled(), timeout=5000)


def test_every_lab_project_fits_its_dataset() -> None:
    import resources
    from engine.labs.labfile import discover_labs

    labs, _ = discover_labs(resources.path("labs"), "en")
    for lab in labs:
        if lab.project is not None and lab.project.data in ("xor", "moons", "digits-8x8"):
            project = build_lab_project(lab)  # the quick datasets; the rest run in the app
            assert project.graph.analysis.errors == [], lab.id


def test_questions_can_be_answered_with_the_keyboard(panel: LabsPanel, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    panel.show_lab("metrics")
    numeric, choice = panel.questions.boxes[0], panel.questions.boxes[3]
    assert numeric.edit is not None
    qtbot.keyClicks(numeric.edit, "108/140")
    qtbot.keyClick(numeric.edit, Qt.Key.Key_Return)  # Enter checks, no mouse needed
    assert numeric.correct is True
    third = choice.group.button(3)
    third.setFocus()
    qtbot.keyClick(third, Qt.Key.Key_Space)  # Space picks the focused choice
    assert choice.group.checkedId() == 3
    choice.check_button.setFocus()
    qtbot.keyClick(choice.check_button, Qt.Key.Key_Space)
    assert choice.correct is True


def test_leaving_a_lab_mid_run_stops_its_thread_at_once(panel: LabsPanel) -> None:
    import time

    panel.show_lab("overfitting")
    widget = panel.current_widget()
    assert widget is not None
    widget.run_demo()
    assert widget.is_busy()
    started = time.perf_counter()
    panel.show_lab("metrics")  # switching labs stops the running training first
    assert time.perf_counter() - started < 5.0
    assert not widget.is_busy()


def test_a_hidden_panel_builds_its_lab_only_when_shown(qtbot: QtBot) -> None:
    """The window builds the panel at start-up behind other tabs: it must stay cheap there."""
    hidden = LabsPanel(ProjectDocument(engine.default_project()))
    qtbot.addWidget(hidden)
    assert hidden.current_lab() is not None and hidden.current_widget() is None
    hidden.show()
    assert hidden.current_widget() is not None
    widget = hidden.current_widget()
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=30000)  # type: ignore[union-attr]
    hidden.shutdown()


def test_attention_lab_computes_the_softmax_of_the_scaled_scores(panel: LabsPanel) -> None:
    from gui.labs.attention import KEYS, QUERIES, WORDS, AttentionLab

    panel.show_lab("attention")
    widget = panel.current_widget()
    assert isinstance(widget, AttentionLab)
    widget.query.setCurrentIndex(2)  # "sat"
    widget.sharpness.setValue(0)
    assert np.allclose(widget.weights, 1 / len(WORDS))  # scale 0: spread evenly
    widget.sharpness.setValue(20)
    scores = KEYS @ QUERIES[2] * 2.0
    assert np.allclose(widget.weights, np.exp(scores) / np.exp(scores).sum())
    widget.causal.setChecked(True)  # no looking ahead: only "the", "cat" and itself
    assert np.all(widget.weights[3:] == 0) and np.isclose(widget.weights.sum(), 1.0)
    assert int(np.argmax(widget.weights)) == 1 and "'sat' takes" in widget.status.text()


def test_explainability_lab_covering_the_brightest_pixels_costs_the_most(
    panel: LabsPanel, qtbot: QtBot
) -> None:
    from gui.labs.explainability import ExplainabilityLab

    panel.show_lab("explainability")
    widget = panel.current_widget()
    assert isinstance(widget, ExplainabilityLab)
    qtbot.waitUntil(lambda: widget.model is not None, timeout=30000)
    drops = []
    for sample in range(20):
        widget.sample.setValue(sample)
        start = widget.covered_probability()
        widget.cover_brightest(6)
        top = widget.covered_probability()
        widget.uncover()
        lit = np.flatnonzero(widget.image.values.reshape(-1) > 0)
        faint = lit[np.argsort(widget.map.values.reshape(-1)[lit])][:6]
        widget.image.covered.reshape(-1)[faint] = True
        other = widget.covered_probability()
        widget.uncover()
        drops.append((start - top, start - other))
    # The map's claim, tested by occlusion: its brightest pixels matter more than lit faint ones.
    assert all(top >= other for top, other in drops), drops
    assert np.mean([top for top, _ in drops]) > 0.1, drops
    # A click covers a pixel; the probability shown follows.
    widget.uncover()
    row, column = divmod(int(np.argmax(widget.map.values)), 8)
    cell = widget.image._cell()
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(
        widget.image,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int((column + 0.5) * cell), int((row + 0.5) * cell)),
    )
    assert (
        widget.image.covered[row, column] and "covered pixels (1) set to 0" in widget.status.text()
    )
