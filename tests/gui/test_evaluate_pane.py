"""The Evaluate pane on real trained models: confusion → gallery, draw pad, live views, ONNX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pane_support import state_with, train_headless
from PySide6.QtCore import QPoint, Qt

from engine import DataRef
from gui.evaluate.pane import EvaluatePane

DIGITS = DataRef("digits-8x8", {"seed": 0})


def trained_pane(qtbot: Any, state: Any) -> EvaluatePane:
    """An Evaluate pane, shown, on ``state``'s network trained for an epoch."""
    train_headless(state, epochs=1)
    pane = EvaluatePane(state)
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    return pane


def digits_pane(qtbot: Any) -> EvaluatePane:
    return trained_pane(qtbot, state_with("seed-cnn", DIGITS, epochs=1))


def test_confusion_cell_click_opens_its_gallery(qtbot: Any) -> None:
    pane = digits_pane(qtbot)
    report = pane.refresh()
    assert report is not None and report.n > 100
    matrix = pane.confusion.matrix
    assert matrix.sum() == report.n and np.array_equal(matrix, report.confusion)
    # Click the largest off-diagonal cell (a real confusion), else a diagonal one.
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    i, j = np.unravel_index(int(off.argmax()), off.shape) if off.any() else (0, 0)
    rect = pane.confusion.visualRect(pane.confusion.model().index(int(i), int(j)))
    qtbot.mouseClick(pane.confusion.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = int(matrix[i, j])
    assert pane.gallery.count() == min(expected, 64)
    assert f"{expected} samples" in pane.gallery_title.text()
    y_true, y_pred = np.asarray(report.y_true), np.asarray(report.y_pred)
    assert all(y_true[k] == i and y_pred[k] == j for k in pane.gallery_indices)
    # Per-class table: one row per class plus macro and weighted averages.
    assert pane.per_class.rowCount() == len(pane.state.dataset.class_names) + 2
    assert pane.per_class.item(pane.per_class.rowCount() - 1, 0).text() == "weighted average"
    # Misclassified: most confident first.
    wrong = report.misclassified()
    assert pane.misclassified.count() == min(len(wrong), 64)
    confidences = [c for _i, _t, _p, c in wrong]
    assert confidences == sorted(confidences, reverse=True)
    visible = [pane.tabs.tabText(k) for k in range(pane.tabs.count()) if pane.tabs.isTabVisible(k)]
    assert "Draw" in visible and "Decision boundary" not in visible


def test_draw_pad_probabilities_sum_to_one(qtbot: Any) -> None:
    pane = digits_pane(qtbot)
    pane.refresh()
    pane.tabs.setCurrentIndex(pane.tab_draw)
    pad = pane.drawpad
    # Before anything is drawn the axis already names the classes.
    axis = pane.probability_bars.getPlotItem().getAxis("bottom")
    assert [label for _x, label in axis._tickLevels[0]] == pane.state.dataset.class_names
    # A user's stroke with the mouse: press, move, release on the pad.
    target = pad._target()
    start = target.topLeft() + QPoint(target.width() // 2, target.height() // 5)
    end = target.topLeft() + QPoint(target.width() // 2, 4 * target.height() // 5)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(pad, end)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=end)
    assert not pad.is_empty()
    probs = pane.last_probabilities
    assert probs.shape == (10,) and abs(float(probs.sum()) - 1.0) < 1e-5
    assert np.allclose(pane.probability_bars.values, probs)
    raw = pane.drawing_raw()
    assert raw is not None and raw.shape == (1, 1, 8, 8) and raw.dtype == np.uint8
    assert raw.max() > 100  # ink arrives in the dataset's 0..255 range
    # Exactly the dataset's preprocessing: the same raw input through the engine agrees.
    from engine import predict_proba

    again = predict_proba(pane.state.model, pane.state.dataset, raw).reshape(-1)
    assert np.allclose(again, probs)
    pad.clear()
    assert pad.is_empty()


def test_feature_maps_for_each_conv_layer(qtbot: Any) -> None:
    pane = digits_pane(qtbot)
    pane.refresh()
    pane.tabs.setCurrentIndex(pane.tab_maps)
    qtbot.waitUntil(lambda: bool(pane.feature_maps.grids), timeout=5000)
    grid = next(iter(pane.feature_maps.grids.values()))
    assert grid.count() == 32  # the seed CNN's 32 filters


def test_clicking_a_wrong_answer_explains_it(qtbot: Any) -> None:
    """A misclassified digit, clicked, opens Explain with its heat map: the engine's map for
    that very sample of the evaluated split, laid over it; Grad-CAM offers the conv layers."""
    from engine import explain

    pane = digits_pane(qtbot)
    report = pane.refresh()
    wrong = report.misclassified()
    assert wrong, "one epoch on the digits leaves some mistakes"
    index, true, predicted, _confidence = wrong[0]
    rect = pane.misclassified.cell_rect(0)
    qtbot.mouseClick(pane.misclassified, Qt.MouseButton.LeftButton, pos=rect.center())
    tab = pane.explain_tab
    assert pane.tabs.currentIndex() == pane.tab_explain
    qtbot.waitUntil(lambda: tab.heatmap is not None, timeout=10_000)
    assert tab.input.sample.value() == index and not tab.input.drawing
    dataset = pane.state.dataset
    raw = dataset.split(report.split).x[index].numpy()
    expected = explain(pane.state.model, dataset, raw, "saliency")
    assert expected.target == predicted != true  # why it said what it said
    np.testing.assert_allclose(tab.heatmap, expected.heatmap, rtol=1e-4, atol=1e-6)
    caption = tab.caption.text()
    assert f"Sample #{index} is labelled '{dataset.class_names[true]}'." in caption
    assert f"The network gives '{dataset.class_names[predicted]}' a probability" in caption
    assert tab.images.count() == 2  # the input and the map over it
    tab.heatmap = None
    tab.method.setCurrentIndex(tab.method.findData("gradcam"))
    qtbot.waitUntil(lambda: tab.heatmap is not None, timeout=10_000)
    layers = [tab.layer.itemText(i) for i in range(tab.layer.count())]
    assert layers == ["conv2d_1"] and tab.layer.isVisible() and "conv2d_1" in tab.caption.text()
    tab.heatmap = None
    tab.method.setCurrentIndex(tab.method.findData("hirescam"))
    qtbot.waitUntil(lambda: tab.heatmap is not None, timeout=10_000)
    hires = explain(pane.state.model, dataset, raw, "hirescam", layer="conv2d_1")
    np.testing.assert_allclose(tab.heatmap, hires.heatmap, rtol=1e-4, atol=1e-6)
    assert tab.layer.isVisible() and tab.caption.text().count("HiResCAM: what each position") == 1
    tab.heatmap = None
    tab.method.setCurrentIndex(tab.method.findData("occlusion"))
    assert not tab.layer.isVisible()
    qtbot.waitUntil(lambda: tab.heatmap is not None, timeout=10_000)


def test_roc_and_precision_recall_per_class(qtbot: Any) -> None:
    pane = digits_pane(qtbot)
    report = pane.refresh()
    pane.tabs.setCurrentIndex(pane.tab_ranking)
    names = pane.state.dataset.class_names
    assert len(report.curves) == len(names) == 10 and pane.ranking.shown
    assert set(pane.ranking.shown) <= set(names)
    headers = [pane.per_class.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers[4:6] == ["ROC AUC", "avg. precision"]
    for r, curve in enumerate(report.curves):
        assert pane.per_class.item(r, 4).text() == f"{curve.auc:.3f}"
        assert 0.5 < curve.auc <= 1.0  # a trained network ranks far better than chance
    macro = pane.per_class.rowCount() - 2
    assert pane.per_class.item(macro, 4).text() == f"{report.ranking_averages()['roc_auc']:.3f}"


def following_training(qtbot: Any, state: Any) -> tuple[Any, EvaluatePane, list[str]]:
    """A Training pane and an Evaluate pane that follows its runs, shown; and the names of the
    Evaluate tabs visible for the state's data."""
    from gui.evaluate.session import EvaluationSession
    from gui.training.pane import TrainingPane
    from gui.training.session import TrainingSession

    session = TrainingSession(state)
    training = TrainingPane(state, session=session)
    pane = EvaluatePane(state, session=EvaluationSession(state, session))
    qtbot.addWidget(training)
    qtbot.addWidget(pane)
    pane.show()
    visible = [pane.tabs.tabText(k) for k in range(pane.tabs.count()) if pane.tabs.isTabVisible(k)]
    return training, pane, visible


def test_decision_boundary_updates_live_from_epoch_snapshots(qtbot: Any) -> None:
    state = state_with(epochs=3)
    training, pane, visible = following_training(qtbot, state)
    assert "Decision boundary" in visible and "Draw" not in visible
    with qtbot.waitSignal(training.sig_run_finished, timeout=60_000):
        training.start()
    # Drawn on a worker from each epoch's snapshot; while one is drawn only the newest epoch
    # waits, so at least the first and the last epoch are drawn.
    qtbot.waitUntil(lambda: pane.boundary.updates >= 2, timeout=20_000)
    # The finished model is evaluated on a worker thread; the window stays responsive.
    qtbot.waitUntil(lambda: pane.report is not None, timeout=20_000)
    # And the boundary ends on the finished model (the last epoch's request and the final one
    # may be drawn as one: only the newest request waits while one is drawn).
    from engine import predict_proba

    final = predict_proba(state.model, state.dataset, pane.session.boundary_grid)
    qtbot.waitUntil(
        lambda: (
            pane.boundary.probabilities is not None
            and np.allclose(pane.boundary.probabilities, final, atol=1e-6)
        ),
        timeout=20_000,
    )
    assert pane.wait(5000)
    assert "accuracy" in pane.summary.text()
    image = pane.boundary.image.image
    assert image is not None and image.shape[:2] == (120, 120)


def test_export_onnx_reports_the_verified_difference(qtbot: Any, tmp_path: Path) -> None:
    state = state_with(epochs=1)
    train_headless(state, epochs=1)
    pane = EvaluatePane(state)
    qtbot.addWidget(pane)
    result = pane.export_onnx_to(tmp_path / "moons.onnx")
    assert (tmp_path / "moons.onnx").stat().st_size > 0
    assert result.max_abs_diff <= 1e-4
    assert "largest difference" in pane.export_label.text()


@pytest.mark.parametrize("template", ["char-lstm", "char-transformer"])
def test_text_generator_and_samples_after_each_epoch(qtbot: Any, template: str) -> None:
    text = DataRef("python-docs", {"max_chars": 20_000, "seq_len": 32})
    state = state_with(template, text, epochs=2)
    training, pane, visible = following_training(qtbot, state)
    # A network with heads also shows what they look at.
    assert visible == ["Generate text"] + (["Attention"] if template == "char-transformer" else [])
    generator = pane.text_generator
    generator.seed_text.setText("The ")
    with qtbot.waitSignal(training.sig_run_finished, timeout=120_000):
        training.start()
    # Each epoch's sample is computed on a worker; the newest waits while one is in flight.
    assert pane.session.wait(30_000)

    def epochs_sampled() -> list[str]:
        return [line.split(":")[0] for line in generator.epoch_samples.toPlainText().splitlines()]

    qtbot.waitUntil(lambda: epochs_sampled() == ["Epoch 1", "Epoch 2"], timeout=10_000)
    generator.length.setValue(40)
    generator.temperature.setValue(50)
    with qtbot.waitSignal(pane.session.sig_generated, timeout=30_000) as generated:
        assert generator.generate()  # on a worker: the window keeps repainting meanwhile
    produced = generated.args[0]
    assert len(produced) == 40 and set(produced) <= set(state.dataset.vocab)
    qtbot.waitUntil(lambda: generator.output.toPlainText() == "The " + produced, timeout=5000)


def test_regression_shows_predicted_against_true(qtbot: Any, tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = x @ np.array([1.0, -2.0, 0.5])
    rows = ["a,b,c,target", *(",".join(map(str, [*r, t])) for r, t in zip(x, y, strict=True))]
    (tmp_path / "table.csv").write_text("\n".join(rows), encoding="utf-8")
    state = state_with("mlp", DataRef(str(tmp_path / "table.csv")), epochs=2)
    assert state.dataset is not None and state.dataset.task == "regression"
    train_headless(state, epochs=2)
    pane = EvaluatePane(state)
    qtbot.addWidget(pane)
    report = pane.refresh()
    visible = [pane.tabs.tabText(k) for k in range(pane.tabs.count()) if pane.tabs.isTabVisible(k)]
    assert visible == ["Predictions"]
    assert pane.predictions.count == report.n and "R²" in pane.summary.text()


def test_closing_the_pane_joins_its_background_evaluation(qtbot: Any) -> None:
    # Showing the pane starts an evaluation on a worker thread; closing it must not leave that
    # thread running (it outlived the pane before, and failed later tests at random).
    pane = digits_pane(qtbot)
    assert pane.session.evaluating
    pane.close()
    assert not pane.session.evaluating


def test_a_synchronous_evaluation_supersedes_the_one_in_flight(qtbot: Any) -> None:
    pane = digits_pane(qtbot)  # shown: a background evaluation is in flight
    report = pane.refresh()
    assert pane.wait(10_000)
    qtbot.wait(50)  # deliver the background job's result, which must be ignored
    assert pane.report is report


def test_the_selected_confusion_cell_keeps_its_colour_and_gets_an_outline(qtbot: Any) -> None:
    from gui.evaluate.views import ConfusionMatrixView

    view = ConfusionMatrixView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.set_matrix(np.array([[40, 2], [3, 30]]), ["ants", "bees"])
    view.show()
    qtbot.waitExposed(view)
    rect = view.visualRect(view.model().index(0, 0))
    before = view.viewport().grab().toImage()
    view.setCurrentCell(0, 0)
    qtbot.wait(50)
    after = view.viewport().grab().toImage()
    centre, edge = rect.center(), rect.topLeft() + QPoint(3, rect.height() // 2)
    was, now = before.pixelColor(centre), after.pixelColor(centre)
    # Its own colour, not the selection's (which was the same blue as the "right" cells).
    assert (
        max(
            abs(was.red() - now.red()), abs(was.green() - now.green()), abs(was.blue() - now.blue())
        )
        < 16
    )
    assert after.pixelColor(edge).lightness() < 60  # a dark outline marks it


def test_without_a_test_split_the_pane_says_it_evaluates_the_validation_set(qtbot: Any) -> None:
    state = state_with("seed-cnn", DataRef("digits-8x8", {"seed": 0, "test_split": 0.0}), epochs=1)
    assert state.dataset.test is None
    train_headless(state, epochs=1)
    pane = EvaluatePane(state)
    qtbot.addWidget(pane)
    pane.show()
    report = pane.refresh()
    combo = pane.split_combo
    assert report.split == "val" and combo.currentData() == "val"
    assert combo.itemText(0) == "Test split (this dataset has none)"
    assert not combo.model().item(0).isEnabled()


def test_the_attention_tab_shows_each_head_and_what_a_position_reads(qtbot: Any) -> None:
    text = DataRef("python-docs", {"max_chars": 20_000, "seq_len": 32})
    state = state_with("char-transformer", text, epochs=1)
    pane = trained_pane(qtbot, state)
    tab = pane.attention_tab
    pane.tabs.setCurrentIndex(pane.tab_attention)
    qtbot.waitUntil(lambda: tab.maps is not None, timeout=20_000)
    vocab = state.dataset.vocab
    first_window = "".join(vocab[int(i)] for i in state.dataset.val.x[0])
    assert tab.text.text() == first_window  # a piece of the validation text to start from
    layers = [tab.layer.itemText(i) for i in range(tab.layer.count())]
    assert layers == ["transformerblock_1", "transformerblock_2"]
    assert [tab.head.itemText(i) for i in range(tab.head.count())][-1] == "Mean of the heads"
    assert tab.head.count() == 5  # four heads and their mean
    maps = tab.maps
    shown = tab.map.weights
    assert np.array_equal(shown, maps.weights["transformerblock_1.attention"][0])
    assert np.allclose(shown.sum(1), 1.0, atol=1e-5) and np.triu(shown, 1).max() == 0.0
    assert "head 4" in tab.look_back.text()
    # The second block's mean over heads; the reading of position 4 tints four characters.
    tab.layer.setCurrentIndex(1)
    tab.head.setCurrentIndex(4)
    assert np.allclose(tab.map.weights, maps.weights["transformerblock_2.attention"].mean(0))
    tab.position.setValue(3)
    assert tab.reading.text().count('<span style="background-color') == 4
    assert "(position 4)" in tab.reading.text()
    # A text typed by the student (Enter) is read instead.
    tab.text.clear()
    qtbot.keyClicks(tab.text, "def f(x):")
    with qtbot.waitSignal(pane.session.sig_attention, timeout=20_000):
        qtbot.keyClick(tab.text, Qt.Key.Key_Return)
    assert tab.maps.characters == list("def f(x):")
    assert tab.map.weights.shape == (9, 9)
    with qtbot.waitSignal(pane.session.sig_attention, timeout=20_000):
        qtbot.mouseClick(tab.sample_button, Qt.MouseButton.LeftButton)
    assert tab.text.text() == "".join(vocab[int(i)] for i in state.dataset.val.x[1])
    assert pane.wait(5000)


def test_a_network_without_heads_has_no_attention_tab(qtbot: Any) -> None:
    text = DataRef("python-docs", {"max_chars": 20_000, "seq_len": 32})
    pane = EvaluatePane(state_with("char-lstm", text, epochs=1))
    qtbot.addWidget(pane)
    assert not pane.tabs.isTabVisible(pane.tab_attention)


def test_editing_the_inputs_preprocessing_re_evaluates_with_it(qtbot: Any) -> None:
    pane = digits_pane(qtbot)
    state = pane.state
    before = pane.refresh()
    graph = state.project.graph
    node = graph.input_nodes()[0]
    with qtbot.waitSignal(state.sig_dataset_changed, timeout=5000):
        graph.set_param(node.id, "normalise", "fixed")  # as the inspector's choice does
    assert state.dataset.scale == pytest.approx(1 / 255)
    after = pane.refresh()  # fed pixels / 255 instead of the statistics it trained with
    assert after.loss != pytest.approx(before.loss)
    with qtbot.waitSignal(state.sig_dataset_changed, timeout=5000):
        graph.set_param(node.id, "normalise", "dataset")
    assert pane.refresh().loss == pytest.approx(before.loss)


def test_a_record_edited_during_a_run_applies_when_the_run_ends(qtbot: Any) -> None:
    state = state_with("seed-cnn", DIGITS, epochs=1)
    node = state.project.graph.input_nodes()[0]
    state.set_training(True)  # a run is feeding the data: it keeps what it started with
    state.project.graph.set_param(node.id, "normalise", "fixed")
    assert state.dataset.scale is None
    with qtbot.waitSignal(state.sig_dataset_changed, timeout=5000):
        state.set_training(False)
    assert state.dataset.scale == pytest.approx(1 / 255)
